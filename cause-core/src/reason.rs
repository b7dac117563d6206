//! The `Reason` header field of RFC 3326: why a `CANCEL` or `BYE` was sent.
//!
//! ```text
//! Reason            =  "Reason" HCOLON reason-value *(COMMA reason-value)
//! reason-value      =  protocol *(SEMI reason-params)
//! protocol          =  "SIP" / "Q.850" / token
//! reason-params     =  protocol-cause / reason-text / reason-extension
//! protocol-cause    =  "cause" EQUAL cause
//! cause             =  1*DIGIT
//! reason-text       =  "text" EQUAL quoted-string
//! reason-extension  =  generic-param              ; RFC 8606 `location`, RFC 9410 `ppi`, ...
//! generic-param     =  token [ EQUAL gen-value ]
//! gen-value         =  token / host / quoted-string
//! quoted-string     =  DQUOTE *(qdtext / quoted-pair) DQUOTE
//! quoted-pair       =  "\" any character but a control character other than tab
//! SEMI = SWS ";" SWS   EQUAL = SWS "=" SWS   COMMA = SWS "," SWS
//! SWS  = [ [ *WSP CRLF ] 1*WSP ]                 ; spaces and tabs, or a folded line
//! ```
//!
//! (RFC 3326 §2 with RFC 3261 §25.1.) Parsing borrows from the header value and allocates
//! nothing; `protocol`, the parameter names and `SIP` are matched without regard to case, as
//! RFC 3261 §7.3.1 asks. One function per rule below: [`Reason::parse`] is `reason-value`,
//! [`Reason::parse_list`] the comma-separated list of a whole header field value.

use core::fmt;

/// One `reason-value` of a `Reason` header field: `SIP ;cause=486 ;text="Busy Here"`.
///
/// ```
/// use cause_core::{Cause, Reason};
///
/// // What SIP.js 0.6 puts on a CANCEL.
/// let reason = Reason::parse(r#"SIP ;cause=486 ;text="Busy Here""#)?;
/// assert_eq!(reason.protocol(), "SIP");
/// assert_eq!(reason.cause(), Some(486));
/// assert_eq!(reason.text().unwrap(), "Busy Here");
/// assert_eq!(Cause::from_reason(&reason), Some(Cause::Busy));
/// // Written back in canonical form.
/// assert_eq!(reason.to_string(), r#"SIP;cause=486;text="Busy Here""#);
/// # Ok::<(), cause_core::ParseReasonError>(())
/// ```
///
/// Two values are equal when they say the same: the same protocol as written, cause number,
/// text (unescaped) and other parameters in order (names without regard to case), whatever
/// white space or parameter order the peer used.
#[derive(Debug, Clone, Copy)]
pub struct Reason<'a> {
    protocol: &'a str,
    cause: Option<u16>,
    text: Option<ReasonText<'a>>,
    /// The parameters as written, from the first `;` on (checked by the parser): read again
    /// by [`Reason::param`] and [`Reason::params`].
    params: &'a str,
}

/// The `text` of a [`Reason`]: [`Display`](fmt::Display) writes it unescaped, and it equals
/// the `&str` it stands for.
///
/// ```
/// let reason = cause_core::Reason::parse(r#"SIP;cause=480;text="say \"no\"""#)?;
/// let text = reason.text().unwrap();
/// assert_eq!(text, r#"say "no""#);
/// assert_eq!(text.as_escaped(), r#"say \"no\""#);
/// # Ok::<(), cause_core::ParseReasonError>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ReasonText<'a> {
    /// Between the quotes, as written (quoted pairs still escaped).
    escaped: &'a str,
}

impl<'a> ReasonText<'a> {
    /// The text as written between the quotes, with its `\` escapes.
    #[must_use]
    pub const fn as_escaped(&self) -> &'a str {
        self.escaped
    }

    /// The characters of the text, unescaped.
    pub fn chars(&self) -> impl Iterator<Item = char> + 'a {
        let mut chars = self.escaped.chars();
        core::iter::from_fn(move || match chars.next()? {
            '\\' => chars.next(),
            c => Some(c),
        })
    }
}

impl fmt::Display for ReasonText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write as _;
        self.chars().try_for_each(|c| f.write_char(c))
    }
}

impl PartialEq<str> for ReasonText<'_> {
    fn eq(&self, other: &str) -> bool {
        self.chars().eq(other.chars())
    }
}

impl PartialEq<&str> for ReasonText<'_> {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl PartialEq for ReasonText<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.chars().eq(other.chars())
    }
}

impl Eq for ReasonText<'_> {}

/// Why a `Reason` header value could not be parsed: what is wrong, and at which byte.
///
/// ```
/// let error = cause_core::Reason::parse("SIP;cause=4x6").unwrap_err();
/// assert_eq!(error.kind(), cause_core::ReasonErrorKind::CauseNotDigits);
/// assert_eq!(error.offset(), 10);
/// assert_eq!(error.to_string(), "`cause` is not a number of digits, at byte 10");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseReasonError {
    kind: ReasonErrorKind,
    offset: usize,
}

/// What is wrong with a `Reason` header value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReasonErrorKind {
    /// Nothing but white space where a value was expected.
    Empty,
    /// No protocol (`SIP`, `Q.850`…) before the first parameter.
    MissingProtocol,
    /// A character that a token (a protocol, a parameter name or value) cannot hold.
    InvalidToken,
    /// `cause` with no number.
    CauseEmpty,
    /// `cause` with something other than digits.
    CauseNotDigits,
    /// `cause` over 65535.
    CauseTooLarge,
    /// `cause` given twice.
    DuplicateCause,
    /// `text` given twice.
    DuplicateText,
    /// `text` with no quoted string.
    TextNotQuoted,
    /// A quoted string with no closing `"`.
    UnterminatedQuote,
    /// A control character (other than tab) inside a quoted string.
    ControlCharacter,
    /// A parameter with no name: `;;`, `;=x` or a trailing `;`.
    EmptyParameter,
    /// `name=` with no value.
    MissingValue,
    /// Something after a complete value (in [`Reason::parse`], a comma too).
    TrailingCharacters,
}

impl ParseReasonError {
    const fn new(kind: ReasonErrorKind, offset: usize) -> Self {
        ParseReasonError { kind, offset }
    }

    /// What is wrong.
    #[must_use]
    pub const fn kind(&self) -> ReasonErrorKind {
        self.kind
    }

    /// The byte offset in the parsed string where the problem is.
    #[must_use]
    pub const fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for ParseReasonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ReasonErrorKind::*;
        let what = match self.kind {
            Empty => "empty reason value: expected a protocol such as `SIP` or `Q.850`",
            MissingProtocol => {
                "missing protocol: a reason value starts with `SIP`, `Q.850` or a token"
            }
            InvalidToken => "invalid character in a token",
            CauseEmpty => "`cause` has no value: expected digits, as in `cause=486`",
            CauseNotDigits => "`cause` is not a number of digits",
            CauseTooLarge => "`cause` is over 65535",
            DuplicateCause => "`cause` is given twice",
            DuplicateText => "`text` is given twice",
            TextNotQuoted => "`text` must be a quoted string, as in `text=\"Busy Here\"`",
            UnterminatedQuote => "quoted string without its closing `\"`",
            ControlCharacter => "control character in a quoted string",
            EmptyParameter => "empty parameter: a `;` must be followed by a parameter name",
            MissingValue => "parameter has `=` but no value",
            TrailingCharacters => "unexpected character after the reason value",
        };
        write!(f, "{what}, at byte {}", self.offset)
    }
}

impl core::error::Error for ParseReasonError {}

impl<'a> Reason<'a> {
    /// Parses one `reason-value`, such as `Q.850;cause=16;text="NORMAL_CLEARING"`. White space
    /// around it and around `;` and `=` is allowed; a comma is not (see
    /// [`parse_list`](Self::parse_list)).
    pub fn parse(value: &'a str) -> Result<Reason<'a>, ParseReasonError> {
        Parser {
            src: value,
            pos: 0,
            base: 0,
        }
        .reason_value()
    }

    /// Parses the whole value of a `Reason` header field: its comma-separated values, each on
    /// its own (a comma or `;` inside quoted text separates nothing). Offsets in errors count
    /// from the start of `value`.
    ///
    /// ```
    /// use cause_core::Reason;
    ///
    /// let header = r#"SIP;cause=480;text="Temporarily Unavailable", Q.850;cause=18"#;
    /// let causes: Vec<_> = Reason::parse_list(header)
    ///     .map(|r| r.map(|r| (r.protocol(), r.cause())))
    ///     .collect::<Result<_, _>>()?;
    /// assert_eq!(causes, [("SIP", Some(480)), ("Q.850", Some(18))]);
    /// # Ok::<(), cause_core::ParseReasonError>(())
    /// ```
    pub fn parse_list(
        value: &'a str,
    ) -> impl Iterator<Item = Result<Reason<'a>, ParseReasonError>> {
        ReasonList {
            src: value,
            pos: 0,
            done: false,
        }
    }

    /// The protocol as written: `"SIP"`, `"Q.850"`, `"STIR"`.
    #[must_use]
    pub const fn protocol(&self) -> &'a str {
        self.protocol
    }

    /// The `cause` parameter's number.
    #[must_use]
    pub const fn cause(&self) -> Option<u16> {
        self.cause
    }

    /// The `text` parameter.
    #[must_use]
    pub const fn text(&self) -> Option<ReasonText<'a>> {
        self.text
    }

    /// Any parameter by name, without regard to case: its value as written (quotes kept), or
    /// `""` for a parameter without `=`; `None` if there is no such parameter.
    ///
    /// ```
    /// let reason = cause_core::Reason::parse("Q.850;cause=34;location=LN")?;
    /// assert_eq!(reason.param("LOCATION"), Some("LN"));
    /// assert_eq!(reason.param("cause"), Some("34"));
    /// assert_eq!(reason.param("text"), None);
    /// # Ok::<(), cause_core::ParseReasonError>(())
    /// ```
    #[must_use]
    pub fn param(&self, name: &str) -> Option<&'a str> {
        self.params()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.unwrap_or(""))
    }

    /// Every parameter, in order: its name and its value as written (`None` without `=`).
    pub fn params(&self) -> impl Iterator<Item = (&'a str, Option<&'a str>)> + 'a {
        split_params(self.params)
    }

    /// The parameters other than `cause` and `text`.
    fn extensions(&self) -> impl Iterator<Item = (&'a str, Option<&'a str>)> + 'a {
        self.params()
            .filter(|(n, _)| !n.eq_ignore_ascii_case("cause") && !n.eq_ignore_ascii_case("text"))
    }
}

impl PartialEq for Reason<'_> {
    fn eq(&self, other: &Self) -> bool {
        let mut ours = self.extensions();
        let mut theirs = other.extensions();
        let same_params = loop {
            match (ours.next(), theirs.next()) {
                (None, None) => break true,
                (Some((a, x)), Some((b, y))) if a.eq_ignore_ascii_case(b) && x == y => {}
                _ => break false,
            }
        };
        self.protocol == other.protocol
            && self.cause == other.cause
            && self.text == other.text
            && same_params
    }
}

impl Eq for Reason<'_> {}

/// Canonical form: `protocol;cause=N;text="..."` (`"` and `\` escaped), then the other
/// parameters as written, with no white space.
impl fmt::Display for Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.protocol)?;
        if let Some(cause) = self.cause {
            write!(f, ";cause={cause}")?;
        }
        if let Some(text) = self.text {
            f.write_str(";text=\"")?;
            for c in text.chars() {
                if c == '"' || c == '\\' {
                    f.write_str("\\")?;
                }
                fmt::Write::write_char(f, c)?;
            }
            f.write_str("\"")?;
        }
        for (name, value) in self.extensions() {
            match value {
                Some(value) => write!(f, ";{name}={value}")?,
                None => write!(f, ";{name}")?,
            }
        }
        Ok(())
    }
}

/// The values of a header field, split at commas outside quoted strings.
struct ReasonList<'a> {
    src: &'a str,
    pos: usize,
    done: bool,
}

impl<'a> Iterator for ReasonList<'a> {
    type Item = Result<Reason<'a>, ParseReasonError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let rest = &self.src[self.pos..];
        let end = match top_level_comma(rest) {
            Some(comma) => self.pos + comma,
            None => {
                self.done = true;
                self.src.len()
            }
        };
        let parser = Parser {
            src: &self.src[..end],
            pos: self.pos,
            base: 0,
        };
        self.pos = end + 1;
        Some(parser.reason_value())
    }
}

/// The offset of the first comma outside a quoted string.
fn top_level_comma(text: &str) -> Option<usize> {
    let mut quoted = false;
    let mut escaped = false;
    for (i, b) in text.bytes().enumerate() {
        match (quoted, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (_, false, b'"') => quoted = !quoted,
            (false, _, b',') => return Some(i),
            _ => {}
        }
    }
    None
}

/// Splits a checked parameter section (`;a=1 ; b ;c="x;y"`) into names and values.
fn split_params(mut rest: &str) -> impl Iterator<Item = (&str, Option<&str>)> {
    core::iter::from_fn(move || {
        let mut parser = Parser {
            src: rest,
            pos: 0,
            base: 0,
        };
        parser.skip_sws();
        if !parser.eat(b';') {
            return None;
        }
        parser.skip_sws();
        let name = parser.token();
        parser.skip_sws();
        let value = if parser.eat(b'=') {
            parser.skip_sws();
            let start = parser.pos;
            // Checked already: a quoted string, an IPv6 reference or a token.
            let _ = parser.gen_value();
            Some(&parser.src[start..parser.pos])
        } else {
            None
        };
        rest = &rest[parser.pos..];
        Some((name, value))
    })
}

/// A cursor over `src[..]`, reporting offsets as `base + pos`.
struct Parser<'a> {
    src: &'a str,
    pos: usize,
    base: usize,
}

type Parsed<T> = Result<T, ParseReasonError>;

impl<'a> Parser<'a> {
    fn error(&self, kind: ReasonErrorKind) -> ParseReasonError {
        ParseReasonError::new(kind, self.base + self.pos)
    }

    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.pos += usize::from(found);
        found
    }

    /// SWS: spaces and tabs, and line folds (CRLF followed by a space or tab).
    fn skip_sws(&mut self) {
        let bytes = self.src.as_bytes();
        let mut i = self.pos;
        while let Some(&byte) = bytes.get(i) {
            match byte {
                b' ' | b'\t' => i += 1,
                b'\r' if matches!(bytes.get(i + 1..i + 3), Some([b'\n', b' ' | b'\t'])) => i += 3,
                _ => break,
            }
        }
        self.pos = i;
    }

    /// `token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")`:
    /// the longest run of token characters (possibly empty).
    fn token(&mut self) -> &'a str {
        let start = self.pos;
        let bytes = self.src.as_bytes();
        let mut end = start;
        while end < bytes.len() && is_token_char(bytes[end]) {
            end += 1;
        }
        self.pos = end;
        // Token characters are ASCII, so `end` is a character boundary.
        &self.src[start..end]
    }

    /// A token that must end at a separator: a stray character is an invalid token.
    fn checked_token(&mut self) -> Parsed<&'a str> {
        let token = self.token();
        match self.peek() {
            None | Some(b' ' | b'\t' | b'\r' | b';' | b'=' | b',') => Ok(token),
            Some(_) => Err(self.error(ReasonErrorKind::InvalidToken)),
        }
    }

    /// `reason-value`, then nothing but white space.
    fn reason_value(mut self) -> Parsed<Reason<'a>> {
        self.skip_sws();
        if self.pos == self.src.len() {
            return Err(self.error(ReasonErrorKind::Empty));
        }
        let protocol = self.checked_token()?;
        if protocol.is_empty() {
            let kind = match self.peek() {
                Some(b';' | b'=' | b',') => ReasonErrorKind::MissingProtocol,
                _ => ReasonErrorKind::InvalidToken,
            };
            return Err(self.error(kind));
        }
        self.skip_sws();
        let params_start = self.pos;
        let mut reason = Reason {
            protocol,
            cause: None,
            text: None,
            params: "",
        };
        while self.pos < self.src.len() {
            if !self.eat(b';') {
                return Err(self.error(ReasonErrorKind::TrailingCharacters));
            }
            self.reason_param(&mut reason)?;
            self.skip_sws();
        }
        reason.params = &self.src[params_start..self.pos];
        Ok(reason)
    }

    /// `reason-params`, after its `;`.
    fn reason_param(&mut self, reason: &mut Reason<'a>) -> Parsed<()> {
        let semicolon = self.pos - 1;
        self.skip_sws();
        let name = self.checked_token()?;
        if name.is_empty() {
            return Err(ParseReasonError::new(
                ReasonErrorKind::EmptyParameter,
                self.base + semicolon,
            ));
        }
        self.skip_sws();
        let has_value = self.eat(b'=');
        if has_value {
            self.skip_sws();
        }
        if name.eq_ignore_ascii_case("cause") {
            let at = self.base + self.pos;
            let cause = if has_value {
                self.cause()?
            } else {
                return Err(self.error(ReasonErrorKind::CauseEmpty));
            };
            if reason.cause.replace(cause).is_some() {
                return Err(ParseReasonError::new(ReasonErrorKind::DuplicateCause, at));
            }
        } else if name.eq_ignore_ascii_case("text") {
            let at = self.base + self.pos;
            if !has_value || self.peek() != Some(b'"') {
                return Err(self.error(ReasonErrorKind::TextNotQuoted));
            }
            let text = self.quoted_string()?;
            if reason.text.replace(ReasonText { escaped: text }).is_some() {
                return Err(ParseReasonError::new(ReasonErrorKind::DuplicateText, at));
            }
        } else if has_value {
            self.gen_value()?;
        }
        Ok(())
    }

    /// `cause = 1*DIGIT`, at most 65535.
    fn cause(&mut self) -> Parsed<u16> {
        let start = self.pos;
        let bytes = self.src.as_bytes();
        // Everything up to the next separator is the value, so `cause="486"` is no number.
        let mut value: u32 = 0;
        let mut digits_only = true;
        let mut i = start;
        while let Some(&byte) = bytes.get(i) {
            match byte {
                b' ' | b'\t' | b'\r' | b';' | b',' => break,
                b'0'..=b'9' => value = (value * 10 + u32::from(byte - b'0')).min(1 << 17),
                _ => digits_only = false,
            }
            i += 1;
        }
        self.pos = i;
        let at = |kind| ParseReasonError::new(kind, self.base + start);
        match (i - start, digits_only) {
            (0, _) => Err(at(ReasonErrorKind::CauseEmpty)),
            (_, false) => Err(at(ReasonErrorKind::CauseNotDigits)),
            // Clamped above 65535, so a long run of digits cannot overflow.
            _ => u16::try_from(value).map_err(|_| at(ReasonErrorKind::CauseTooLarge)),
        }
    }

    /// `gen-value = token / host / quoted-string`; a host is a token (a name or an IPv4
    /// address) or an IPv6 reference in brackets.
    fn gen_value(&mut self) -> Parsed<()> {
        match self.peek() {
            Some(b'"') => self.quoted_string().map(drop),
            Some(b'[') => {
                let start = self.pos;
                self.pos += 1;
                while self
                    .peek()
                    .is_some_and(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
                {
                    self.pos += 1;
                }
                if !self.eat(b']') {
                    return Err(ParseReasonError::new(
                        ReasonErrorKind::InvalidToken,
                        self.base + start,
                    ));
                }
                Ok(())
            }
            _ => match self.checked_token()? {
                "" => Err(self.error(ReasonErrorKind::MissingValue)),
                _ => Ok(()),
            },
        }
    }

    /// `quoted-string`, at its `"`: what is between the quotes, as written. Only ASCII bytes
    /// stop the scan, so the bytes of a multi-byte character pass as ordinary text.
    fn quoted_string(&mut self) -> Parsed<&'a str> {
        let open = self.pos;
        let bytes = self.src.as_bytes();
        let mut i = open + 1;
        loop {
            // Plain text, a table look-up a byte, up to a byte to look at.
            while i < bytes.len() && QUOTED_PLAIN[usize::from(bytes[i])] {
                i += 1;
            }
            let Some(&byte) = bytes.get(i) else {
                break;
            };
            match byte {
                b'"' => {
                    self.pos = i + 1;
                    return Ok(&self.src[open + 1..i]);
                }
                // A quoted pair: the escaped byte is text, but never a control character.
                b'\\' => match bytes.get(i + 1) {
                    None => break,
                    Some(&next) if is_control(next) => {
                        self.pos = i + 1;
                        return Err(self.error(ReasonErrorKind::ControlCharacter));
                    }
                    Some(_) => i += 2,
                },
                byte if is_control(byte) => {
                    self.pos = i;
                    return Err(self.error(ReasonErrorKind::ControlCharacter));
                }
                _ => i += 1,
            }
        }
        Err(ParseReasonError::new(
            ReasonErrorKind::UnterminatedQuote,
            self.base + open,
        ))
    }
}

/// Bytes a quoted string passes over as text: all but `"`, `\\` and control characters other
/// than tab (UTF-8 bytes above 0x7F included).
const QUOTED_PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c != b'"' && c != b'\\' && (c == b'\t' || !c.is_ascii_control());
        b += 1;
    }
    table
};

/// A control character other than tab: not allowed in a quoted string.
fn is_control(byte: u8) -> bool {
    byte.is_ascii_control() && byte != b'\t'
}

/// `token` characters, by byte: letters, digits and `-.!%*_+`'~`.
const TOKEN_CHARS: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric()
            || matches!(
                c,
                b'-' | b'.' | b'!' | b'%' | b'*' | b'_' | b'+' | b'`' | b'\'' | b'~'
            );
        b += 1;
    }
    table
};

fn is_token_char(b: u8) -> bool {
    TOKEN_CHARS[usize::from(b)]
}
