//! The parser: one function per rule of the grammar in the parent module's documentation.
//! Each rule takes the offset where it starts and returns the one after what it read, so that
//! offsets stay in registers; a list is read in one pass, each value ending at its comma.

mod scan;

use super::{ParseReasonError, Reason, ReasonErrorKind, ReasonText};
use scan::{AFTER_CAUSE, AFTER_TOKEN, is, is_fold, plain_text_end, token_end, wsp_end};

pub(super) use scan::{is_control, is_token_char};

type Parsed<T> = Result<T, ParseReasonError>;

fn error<T>(kind: ReasonErrorKind, offset: usize) -> Parsed<T> {
    Err(ParseReasonError::new(kind, offset))
}

/// `reason-value`, alone in `value` but for white space around it.
pub(super) fn reason_value(value: &str) -> Parsed<Reason<'_>> {
    let (reason, _) = Parser::<false>::new(value).reason_value(0)?;
    Ok(reason)
}

/// The values of a `Reason` header field, in order, each parsed or the error that stopped it:
/// what [`Reason::parse_list`] and [`Reason::parse_header_line`] give. An error in one value
/// leaves the others readable: the next starts after the next comma outside quotes.
#[derive(Debug, Clone)]
pub struct ReasonList<'a> {
    /// The text, up to the end of the last value; offsets count from its start.
    src: &'a str,
    pos: usize,
    done: bool,
}

impl<'a> ReasonList<'a> {
    /// The values of `src` from offset `pos` on.
    pub(super) fn new(src: &'a str, pos: usize) -> Self {
        ReasonList {
            src,
            pos,
            done: false,
        }
    }
}

impl core::iter::FusedIterator for ReasonList<'_> {}

impl<'a> Iterator for ReasonList<'a> {
    type Item = Result<Reason<'a>, ParseReasonError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        // A value ends at its comma, or at the end.
        let (item, end) = match Parser::<true>::new(self.src).reason_value(self.pos) {
            Ok((reason, end)) => (Ok(reason), end),
            // The next value starts after the next comma outside quotes: what is wrong in one
            // value leaves the others readable.
            Err(error) => {
                let comma = top_level_comma(&self.src[self.pos..]);
                let end = comma.map_or(self.src.len(), |comma| self.pos + comma);
                (Err(error), end)
            }
        };
        match end < self.src.len() {
            true => self.pos = end + 1,
            false => self.done = true,
        }
        Some(item)
    }
}

/// `Reason = "Reason" HCOLON reason-value *(COMMA reason-value)`, a whole line: the name in
/// any case, then its values up to the line end (CRLF or LF), which may be missing.
pub(super) fn header_line(line: &str) -> Parsed<ReasonList<'_>> {
    let bytes = line.as_bytes();
    let name_end = token_end(bytes, 0);
    if !is_name(&bytes[..name_end], b"reason") {
        return error(ReasonErrorKind::NotReasonHeader, 0);
    }
    let Some(value_start) = hcolon(bytes, name_end) else {
        return error(ReasonErrorKind::NotReasonHeader, wsp_end(bytes, name_end));
    };
    let line_end = line
        .strip_suffix("\r\n")
        .or_else(|| line.strip_suffix('\n'));
    Ok(ReasonList::new(line_end.unwrap_or(line), value_start))
}

/// `HCOLON = *( SP / HTAB ) ":" SWS`, up to its colon (the SWS is the value's), after a header
/// name ending at `i`: the offset after the colon.
fn hcolon(bytes: &[u8], i: usize) -> Option<usize> {
    let colon = wsp_end(bytes, i);
    (bytes.get(colon) == Some(&b':')).then_some(colon + 1)
}

/// The offset of the first comma outside a quoted string, for a value that did not parse.
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
pub(super) fn split_params(rest: &str) -> impl Iterator<Item = (&str, Option<&str>)> {
    let parser = Parser::<false>::new(rest);
    // Checked already, so white space always ends and a value always reads.
    let sws = move |i| parser.sws(i).unwrap_or(i);
    let mut i = 0;
    core::iter::from_fn(move || {
        let semicolon = sws(i);
        if parser.at(semicolon) != Some(b';') {
            return None;
        }
        let name_start = sws(semicolon + 1);
        let name_end = token_end(parser.bytes(), name_start);
        let name = &rest[name_start..name_end];
        i = sws(name_end);
        let value = if parser.at(i) == Some(b'=') {
            let start = sws(i + 1);
            // A quoted string, an IPv6 reference or a token.
            i = parser.gen_value(start).unwrap_or(start);
            Some(&rest[start..i])
        } else {
            None
        };
        Some((name, value))
    })
}

/// Whether the token `name` is `lower` (in lower case) in any ASCII case: the one token
/// character that ORed with 0x20 gives a lower case letter is that letter in either case.
fn is_name<const N: usize>(name: &[u8], lower: &[u8; N]) -> bool {
    match <&[u8; N]>::try_from(name) {
        Ok(name) => name.iter().zip(lower).all(|(&n, &l)| n | 0x20 == l),
        Err(_) => false,
    }
}

/// The text being read. In a list (`LIST`), a comma outside quotes ends a value.
#[derive(Clone, Copy)]
struct Parser<'a, const LIST: bool> {
    src: &'a str,
}

impl<'a, const LIST: bool> Parser<'a, LIST> {
    fn new(src: &'a str) -> Self {
        Parser { src }
    }

    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    fn at(&self, i: usize) -> Option<u8> {
        self.bytes().get(i).copied()
    }

    /// Whether the value ends at `i`: at the end of the text, or in a list at a comma.
    fn is_end(&self, i: usize) -> bool {
        match self.at(i) {
            None => true,
            Some(b',') => LIST,
            Some(_) => false,
        }
    }

    /// `SWS = [LWS]`: nothing, or white space.
    #[inline(always)]
    fn sws(&self, i: usize) -> Parsed<usize> {
        // Most separators have no white space: one comparison for them.
        match self.at(i) {
            Some(b' ' | b'\t' | b'\r') => self.lws(i),
            _ => Ok(i),
        }
    }

    /// `LWS = [*WSP CRLF] 1*WSP`: spaces and tabs, with one line fold at most (CRLF followed
    /// by a space or tab), or nothing where a lone CR starts it. A second fold after the
    /// first, with nothing but white space between them, is a folded line with nothing on
    /// it: no LWS holds it.
    fn lws(&self, i: usize) -> Parsed<usize> {
        let bytes = self.bytes();
        let mut i = wsp_end(bytes, i);
        if is_fold(bytes, i) {
            i = wsp_end(bytes, i + 2);
            if is_fold(bytes, i) {
                return error(ReasonErrorKind::EmptyFoldedLine, i);
            }
        }
        Ok(i)
    }

    /// A `token` that must end at a separator: a stray character is an invalid token. Its
    /// end, `i` itself for an empty one.
    #[inline(always)]
    fn token(&self, i: usize) -> Parsed<usize> {
        let end = token_end(self.bytes(), i);
        match self.at(end) {
            Some(byte) if !is(byte, AFTER_TOKEN) => error(ReasonErrorKind::InvalidToken, end),
            _ => Ok(end),
        }
    }

    /// `reason-value = protocol *(SEMI reason-params)` from `i`, then nothing but white space
    /// up to its end; the value, and its end.
    fn reason_value(&self, i: usize) -> Parsed<(Reason<'a>, usize)> {
        let start = self.sws(i)?;
        if self.is_end(start) {
            return error(ReasonErrorKind::Empty, start);
        }
        let protocol = self.protocol(start)?;
        let params_start = self.sws(start + protocol.len())?;
        let mut reason = Reason {
            protocol,
            cause: None,
            text: None,
            params: "",
            extensions: false,
        };
        let mut i = params_start;
        while !self.is_end(i) {
            if self.at(i) != Some(b';') {
                let error = ParseReasonError::new(ReasonErrorKind::TrailingCharacters, i);
                // `Reason : SIP`
                return Err(match i == params_start {
                    true => self.or_header_line(start, start + protocol.len(), error),
                    false => error,
                });
            }
            i = self.reason_params(i, &mut reason)?;
            i = self.sws(i)?;
        }
        reason.params = &self.src[params_start..i];
        Ok((reason, i))
    }

    /// `protocol = "SIP" / "Q.850" / token`, at `start`.
    fn protocol(&self, start: usize) -> Parsed<&'a str> {
        // `Reason: SIP`: a token's error is where the token ends.
        let end = self
            .token(start)
            .map_err(|e| self.or_header_line(start, e.offset(), e))?;
        if end == start {
            let kind = match self.at(start) {
                Some(b';' | b'=' | b',') => ReasonErrorKind::MissingProtocol,
                _ => ReasonErrorKind::InvalidToken,
            };
            return error(kind, start);
        }
        Ok(&self.src[start..end])
    }

    /// What to say where a value's protocol, from `start` to `end`, is followed by what no
    /// parameter starts with: if it is `Reason` and its colon, the value is a whole header
    /// line, which [`header_line`] reads; else `error`.
    #[cold]
    fn or_header_line(
        &self,
        start: usize,
        end: usize,
        error: ParseReasonError,
    ) -> ParseReasonError {
        let bytes = self.bytes();
        match is_name(&bytes[start..end], b"reason") && hcolon(bytes, end).is_some() {
            true => ParseReasonError::new(ReasonErrorKind::HeaderLine, start),
            false => error,
        }
    }

    /// `reason-params = protocol-cause / reason-text / reason-extension`, at its `;`.
    fn reason_params(&self, semicolon: usize, reason: &mut Reason<'a>) -> Parsed<usize> {
        let name_start = self.sws(semicolon + 1)?;
        let name_end = self.token(name_start)?;
        if name_end == name_start {
            return error(ReasonErrorKind::EmptyParameter, semicolon);
        }
        let name = &self.bytes()[name_start..name_end];
        let mut i = self.sws(name_end)?;
        let has_value = self.at(i) == Some(b'=');
        if has_value {
            i = self.sws(i + 1)?;
        }
        if is_name(name, b"cause") {
            self.protocol_cause(i, has_value, reason)
        } else if is_name(name, b"text") {
            self.reason_text(i, has_value, reason)
        } else {
            reason.extensions = true;
            match has_value {
                true => self.gen_value(i),
                false => Ok(i),
            }
        }
    }

    /// `protocol-cause = "cause" EQUAL cause`, at what follows the name and `=`.
    fn protocol_cause(&self, i: usize, has_value: bool, reason: &mut Reason<'a>) -> Parsed<usize> {
        if !has_value {
            return error(ReasonErrorKind::CauseEmpty, i);
        }
        let (cause, end) = self.cause(i)?;
        if reason.cause.replace(cause).is_some() {
            return error(ReasonErrorKind::DuplicateCause, i);
        }
        Ok(end)
    }

    /// `reason-text = "text" EQUAL quoted-string`, at what follows the name and `=`.
    fn reason_text(&self, i: usize, has_value: bool, reason: &mut Reason<'a>) -> Parsed<usize> {
        if !has_value || self.at(i) != Some(b'"') {
            return error(ReasonErrorKind::TextNotQuoted, i);
        }
        let end = self.quoted_string(i)?;
        let text = ReasonText::escaped(&self.src[i + 1..end - 1]);
        if reason.text.replace(text).is_some() {
            return error(ReasonErrorKind::DuplicateText, i);
        }
        Ok(end)
    }

    /// `cause = 1*DIGIT`, at most 65535, at `start`: the number and its end.
    fn cause(&self, start: usize) -> Parsed<(u16, usize)> {
        let bytes = self.bytes();
        let mut i = start;
        let mut value: u32 = 0;
        while let Some(digit @ b'0'..=b'9') = bytes.get(i).copied() {
            // Clamped above 65535, so a long run of digits cannot overflow.
            value = (value * 10 + u32::from(digit - b'0')).min(1 << 17);
            i += 1;
        }
        match bytes.get(i) {
            // The value runs to the next separator, so `4x6` or `"486"` is no number.
            Some(&byte) if !is(byte, AFTER_CAUSE) => error(ReasonErrorKind::CauseNotDigits, start),
            _ if i == start => error(ReasonErrorKind::CauseEmpty, start),
            _ => match u16::try_from(value) {
                Ok(cause) => Ok((cause, i)),
                Err(_) => error(ReasonErrorKind::CauseTooLarge, start),
            },
        }
    }

    /// `gen-value = token / host / quoted-string`; a host is a token (a name or an IPv4
    /// address) or an IPv6 reference in brackets.
    fn gen_value(&self, i: usize) -> Parsed<usize> {
        match self.at(i) {
            Some(b'"') => self.quoted_string(i),
            Some(b'[') => self.ipv6_reference(i),
            _ => match self.token(i)? {
                end if end == i => error(ReasonErrorKind::MissingValue, i),
                end => Ok(end),
            },
        }
    }

    /// `IPv6reference = "[" IPv6address "]"`, loosely: hex digits, `:` and `.` in brackets.
    fn ipv6_reference(&self, open: usize) -> Parsed<usize> {
        let bytes = self.bytes();
        let mut i = open + 1;
        while bytes
            .get(i)
            .is_some_and(|&b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        {
            i += 1;
        }
        match bytes.get(i) {
            Some(b']') => Ok(i + 1),
            _ => error(ReasonErrorKind::InvalidToken, open),
        }
    }

    /// `quoted-string`, at its `"`: the offset after the closing quote. Only ASCII bytes stop
    /// the scan, so the bytes of a multi-byte character pass as ordinary text.
    fn quoted_string(&self, open: usize) -> Parsed<usize> {
        let bytes = self.bytes();
        let mut i = open + 1;
        loop {
            i = plain_text_end(bytes, i);
            let Some(&byte) = bytes.get(i) else {
                return error(ReasonErrorKind::UnterminatedQuote, open);
            };
            match byte {
                b'"' => return Ok(i + 1),
                // A quoted pair: the escaped byte is text, but never a control character.
                b'\\' => match bytes.get(i + 1) {
                    None => return error(ReasonErrorKind::UnterminatedQuote, open),
                    Some(&next) if is_control(next) => {
                        return error(ReasonErrorKind::ControlCharacter, i + 1);
                    }
                    Some(_) => i += 2,
                },
                b'\t' => i += 1,
                // The scan stops at nothing else but control characters.
                _ => return error(ReasonErrorKind::ControlCharacter, i),
            }
        }
    }
}
