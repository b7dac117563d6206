//! The properties the fuzz targets check, shared with the test that replays their corpus on
//! stable (`tests/test_fuzz_corpus.rs`): a fuzz target and its regression test check the same
//! things. Each function panics, with what it found, where a property does not hold.

#![allow(dead_code)] // the fuzz targets and the corpus test each use part of it

use cause_core::{Cause, ParseReasonError, Reason, ReasonCause, ReasonErrorKind, ReasonList};

/// `Reason::parse`, `parse_list` and `parse_header_line` on any text (and on it after
/// `Reason:`): a value or an error whose offset is inside the input, never a panic; what parses
/// writes back in a form that parses to an equal value (equal by meaning);
/// `Cause::from_reason` answers for every value, and `ReasonCause::from_reason` with a cause
/// whose own value reads back as that cause.
pub fn reason(text: &str) {
    match Reason::parse(text) {
        Ok(reason) => round_trip(&reason),
        Err(error) => {
            assert!(
                error.offset() <= text.len(),
                "{error:?} past the end of {text:?}"
            );
            let _ = error.to_string();
        }
    }
    list(text, Ok(Reason::parse_list(text)));
    list(text, Reason::parse_header_line(text));
    let line = format!("Reason:{text}");
    list(&line, Reason::parse_header_line(&line));
}

/// The values of `list`, read from `text`.
fn list(text: &str, list: Result<ReasonList<'_>, ParseReasonError>) {
    let values = list.map_err(|e| assert!(e.offset() <= text.len(), "{e:?} in {text:?}"));
    for item in values.into_iter().flatten() {
        match item {
            Ok(reason) => round_trip(&reason),
            Err(error) => assert!(error.offset() <= text.len(), "{error:?} in {text:?}"),
        }
    }
}

fn round_trip(reason: &Reason<'_>) {
    let written = reason.to_string();
    let again = Reason::parse(&written)
        .unwrap_or_else(|e| panic!("{reason:?} writes {written:?}, which does not parse: {e}"));
    assert_eq!(&again, reason, "{written:?}");
    assert_eq!(again.to_string(), written, "written twice differently");
    let _ = Cause::from_reason(reason);
    let _ = reason.is_answered_elsewhere();
    let cause = ReasonCause::from_reason(reason);
    if let Some(written) = cause.and_then(ReasonCause::reason) {
        let text = written.to_string();
        let read = Reason::parse(&text).expect("a cause's own value parses");
        assert_eq!(ReasonCause::from_reason(&read), cause, "{text}");
    }
    if let Some(location) = reason.location() {
        let moved = reason.with_location(location);
        assert_eq!(moved.location(), Some(location), "{moved}");
        assert_eq!(
            Reason::parse(&moved.to_string()).ok(),
            Some(moved),
            "{moved}"
        );
    }
}

/// The table pipeline on any text: code or an error, never a panic; and the code, which the
/// macro hands to the compiler's lexer, lexes whatever the table holds.
pub fn table(text: &str) {
    let calls = [
        "pub enum Cause in \"t.toml\"; pub enum Category; pub struct ParseCauseError; pub fn reason_phrase;",
        "pub enum Cause in \"t.toml\"; pub struct ParseCauseError;",
    ];
    for call in calls {
        let input: cause_gen::Input = call.parse().expect("the call parses");
        if let Ok(expansion) = cause_gen::expand_table(&input, text, cause_table::check) {
            let code = expansion.text(&input);
            let lexed = code.parse::<proc_macro2::TokenStream>();
            assert!(lexed.is_ok(), "the expansion of {text:?} does not lex");
        }
    }
}

/// Where sip-header also reads a value, both read the same protocol, cause and text. The
/// differences allowed are those `docs/fuzzing.md` names: cause-core refuses values RFC 3326
/// forbids that sip-header reads (`sip_header` gives `None` for a value it refuses), and sip-header
/// decodes `%XX` in the protocol, the parameter names and the text (it reads the value as a URI's
/// parameters), where RFC 3326's token and quoted-string hold `%` as itself.
pub fn reason_diff(text: &str, sip_header: Option<(String, Option<u16>, Option<String>)>) {
    let (Ok(ours), Some((protocol, cause, their_text))) = (Reason::parse(text), sip_header) else {
        return;
    };
    let escaped = |field: &str| field.contains('%');
    assert!(
        escaped(ours.protocol()) || ours.protocol().eq_ignore_ascii_case(&protocol),
        "{text:?}: protocol {:?} against sip-header's {protocol:?}",
        ours.protocol()
    );
    // `SIP;%0acause=46`: sip-header decodes the name to a line break and `cause`, and reads a
    // cause (or a text) where cause-core reads an extension named `%0acause`.
    let escaped_name = ours.params().any(|(name, _)| escaped(name));
    if !escaped_name {
        assert_eq!(ours.code(), cause, "{text:?}: cause");
    }
    let our_text = ours.text().map(|t| t.to_string());
    if !escaped_name && !our_text.as_deref().is_some_and(escaped) {
        assert_eq!(our_text, their_text, "{text:?}: text");
    }
}

/// One value as sofia-sip's parser stores it: protocol, `cause` as written, `text` with its
/// quotes and escapes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SofiaValue {
    pub protocol: Option<String>,
    pub cause: Option<String>,
    pub text: Option<String>,
}

/// Where sofia-sip also reads a value list, both read the same; where only one reads it, the
/// reason is one `docs/fuzzing.md` lists (`sofia` is `None` for a list sofia-sip refuses).
pub fn reason_sofia(text: &str, sofia: Option<Vec<SofiaValue>>) {
    let ours = Reason::parse_list(text).collect::<Result<Vec<_>, _>>();
    if let Err(why) = classify(text, &ours, &sofia) {
        panic!("{text:?}: {why}: cause-core {ours:?}, sofia-sip {sofia:?}");
    }
}

/// Why sofia-sip's `Reason` parser and cause-core's part on a value: each `docs/fuzzing.md` lists, with
/// one example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Difference {
    /// sofia-sip keeps any token as `cause` (`abc`, `-1`, `65536`, or nothing for a bare
    /// `cause`); cause-core takes digits up to 65535, the only causes SIP and Q.850 define.
    CauseNotANumber,
    /// sofia-sip keeps one of `cause=16;cause=1` (or of two `text`s); cause-core refuses a
    /// parameter RFC 3326 gives one meaning twice.
    ParameterTwice,
    /// sofia-sip takes `text` unquoted (`text=Busy`) or bare (`;text`); RFC 3326 makes it a
    /// quoted string, and so does cause-core.
    TextNotQuoted,
    /// sofia-sip skips an empty element of a list (`a,,b`); cause-core calls it an empty
    /// value, as RFC 3261's `#` rule allows but does not ask of a parser.
    EmptyListElement,
    /// sofia-sip takes characters RFC 3261's token does not (`$`) in a protocol, a parameter's
    /// name or its value; cause-core refuses them. Found by the reason_sofia fuzz target.
    CharacterNoTokenHolds,
    /// sofia-sip takes a control character (other than tab) in a quoted `text`, which RFC
    /// 3261's quoted-string excludes; cause-core refuses it. Found by the fuzz target too.
    ControlCharacterInText,
    /// sofia-sip takes a CR or LF that folds no line as white space; RFC 3261's is a CRLF
    /// followed by a space or tab, and cause-core reads the rest as trailing characters.
    /// sofia-sip also takes, in some places, a folded line with nothing on it
    /// (`SIP\r\n \r\n ;cause=1`), whose second line break RFC 3261's LWS cannot hold
    /// (`[*WSP CRLF] 1*WSP`: one at most). Found by the fuzz target too.
    LineBreakAsSpace,
    /// sofia-sip reads on past the end of a parameter value that RFC 3261's grammar closes,
    /// such as a bracketed host followed by more text (`x=[]ee`); cause-core stops there and
    /// refuses the rest. Found by the fuzz target too.
    TextAfterValue,
}

impl Difference {
    /// Its line in `docs/fuzzing.md`: an input from the recording it is seen on.
    pub fn example(self) -> &'static str {
        match self {
            Difference::CauseNotANumber => "SIP;cause=abc",
            Difference::ParameterTwice => "Q.850;cause=16;cause=1",
            Difference::TextNotQuoted => "SIP;text=Busy;cause=486",
            Difference::EmptyListElement => {
                r#"SIP;cause=200;text="Call completed elsewhere",,Q.850;cause=26"#
            }
            Difference::CharacterNoTokenHolds => "SeP;$tIxt=Busy;cause=486",
            Difference::ControlCharacterInText => "SIP;text=\"a\u{1}b\"",
            Difference::LineBreakAsSpace => "ccauseacs\r,",
            Difference::TextAfterValue => "PSIQ;.=[]eeIPP",
        }
    }
}

/// The difference an input shows, where the two disagree; `Err` for one no listed difference
/// explains (a new one: look at it, then list it).
pub fn classify(
    input: &str,
    ours: &Result<Vec<Reason<'_>>, ParseReasonError>,
    sofia: &Option<Vec<SofiaValue>>,
) -> Result<Option<Difference>, String> {
    use ReasonErrorKind::*;
    let difference = match (ours, sofia) {
        (Ok(ours), Some(theirs)) if same(ours, theirs) => return Ok(None),
        (Err(_), None) => return Ok(None),
        (Err(error), Some(_)) => match error.kind() {
            CauseEmpty | CauseNotDigits | CauseTooLarge => Difference::CauseNotANumber,
            DuplicateCause | DuplicateText => Difference::ParameterTwice,
            TextNotQuoted | MissingValue => Difference::TextNotQuoted,
            Empty => Difference::EmptyListElement,
            InvalidToken => Difference::CharacterNoTokenHolds,
            ControlCharacter => Difference::ControlCharacterInText,
            // The first place the two part is the line break, whatever follows it.
            TrailingCharacters | EmptyParameter if input.contains(['\r', '\n']) => {
                Difference::LineBreakAsSpace
            }
            TrailingCharacters => Difference::TextAfterValue,
            EmptyFoldedLine => Difference::LineBreakAsSpace,
            kind => {
                return Err(format!(
                    "cause-core refuses it ({kind:?}), sofia-sip reads it"
                ));
            }
        },
        (Ok(_), None) => return Err("cause-core reads it, sofia-sip refuses it".to_owned()),
        (Ok(_), Some(_)) => return Err("both read it, differently".to_owned()),
    };
    Ok(Some(difference))
}

/// Whether the values say the same: protocol as written, the cause's number, the text with its
/// quotes and escapes.
fn same(ours: &[Reason<'_>], theirs: &[SofiaValue]) -> bool {
    ours.len() == theirs.len()
        && ours.iter().zip(theirs).all(|(ours, theirs)| {
            let cause = theirs.cause.as_deref().map(|c| c.parse::<u16>().ok());
            let text = ours
                .text()
                .and_then(|t| t.as_escaped())
                .map(|t| format!("\"{t}\""));
            theirs.protocol.as_deref() == Some(ours.protocol())
                && cause == ours.code().map(Some)
                && theirs.text == text
        })
}

impl Difference {
    /// Every difference, in `docs/fuzzing.md`'s order.
    pub const ALL: [Difference; 8] = [
        Difference::CauseNotANumber,
        Difference::ParameterTwice,
        Difference::TextNotQuoted,
        Difference::EmptyListElement,
        Difference::CharacterNoTokenHolds,
        Difference::ControlCharacterInText,
        Difference::LineBreakAsSpace,
        Difference::TextAfterValue,
    ];

    /// The example as `docs/fuzzing.md` writes it: a control character as `\xNN`.
    pub fn shown(self) -> String {
        let escape = |c: char| match c.is_control() {
            true => format!("\\x{:02x}", u32::from(c)),
            false => c.to_string(),
        };
        self.example().chars().map(escape).collect()
    }
}
