//! The parser: one function per rule of the grammar in the parent module's documentation.

use super::{ParseReasonError, Reason, ReasonErrorKind, ReasonText};

/// `reason-value`, alone in `value` but for white space around it.
pub(super) fn reason_value(value: &str) -> Parsed<Reason<'_>> {
    Parser { src: value, pos: 0 }.reason_value()
}

/// The values of a header field, split at commas outside quoted strings.
pub(super) struct ReasonList<'a> {
    src: &'a str,
    pos: usize,
    done: bool,
}

impl<'a> ReasonList<'a> {
    pub(super) fn new(src: &'a str) -> Self {
        ReasonList {
            src,
            pos: 0,
            done: false,
        }
    }
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
pub(super) fn split_params(mut rest: &str) -> impl Iterator<Item = (&str, Option<&str>)> {
    core::iter::from_fn(move || {
        let mut parser = Parser { src: rest, pos: 0 };
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

/// A cursor over `src`; errors give `pos`, the offset in `src`.
struct Parser<'a> {
    src: &'a str,
    pos: usize,
}

type Parsed<T> = Result<T, ParseReasonError>;

impl<'a> Parser<'a> {
    fn error(&self, kind: ReasonErrorKind) -> ParseReasonError {
        ParseReasonError::new(kind, self.pos)
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
                semicolon,
            ));
        }
        self.skip_sws();
        let has_value = self.eat(b'=');
        if has_value {
            self.skip_sws();
        }
        if name.eq_ignore_ascii_case("cause") {
            let at = self.pos;
            let cause = if has_value {
                self.cause()?
            } else {
                return Err(self.error(ReasonErrorKind::CauseEmpty));
            };
            if reason.cause.replace(cause).is_some() {
                return Err(ParseReasonError::new(ReasonErrorKind::DuplicateCause, at));
            }
        } else if name.eq_ignore_ascii_case("text") {
            let at = self.pos;
            if !has_value || self.peek() != Some(b'"') {
                return Err(self.error(ReasonErrorKind::TextNotQuoted));
            }
            let text = self.quoted_string()?;
            if reason.text.replace(ReasonText::escaped(text)).is_some() {
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
        let mut value: u32 = 0;
        while let Some(digit @ b'0'..=b'9') = self.peek() {
            // Clamped above 65535, so a long run of digits cannot overflow.
            value = (value * 10 + u32::from(digit - b'0')).min(1 << 17);
            self.pos += 1;
        }
        let at = |kind| ParseReasonError::new(kind, start);
        match self.peek() {
            // The value runs to the next separator, so `4x6` or `"486"` is no number.
            Some(byte) if !matches!(byte, b' ' | b'\t' | b'\r' | b';' | b',') => {
                Err(at(ReasonErrorKind::CauseNotDigits))
            }
            _ if self.pos == start => Err(at(ReasonErrorKind::CauseEmpty)),
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
                    return Err(ParseReasonError::new(ReasonErrorKind::InvalidToken, start));
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
            i = plain_text_end(bytes, i);
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
                b'\t' => i += 1,
                // The scan stops at nothing else but control characters.
                _ => {
                    self.pos = i;
                    return Err(self.error(ReasonErrorKind::ControlCharacter));
                }
            }
        }
        Err(ParseReasonError::new(
            ReasonErrorKind::UnterminatedQuote,
            open,
        ))
    }
}

/// The offset of the first byte from `i` on that quoted text cannot hold as it is: `"`, `\`
/// or a control character (tab included, which the caller lets pass), or the end of `bytes`.
///
/// Eight bytes at a time: quoted text is most of a `Reason` value's bytes.
fn plain_text_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let stops = stop_bytes(u64::from_le_bytes(*chunk));
        if stops != 0 {
            return i + byte_index(stops);
        }
        i += 8;
    }
    let rest = bytes.len() - i;
    if rest == 0 {
        return i;
    }
    // The last `rest` bytes, in the low end of a word whose top bytes are zero: a zero byte
    // is a control character, so the scan stops at the end at the latest.
    let word = match bytes.last_chunk::<8>() {
        Some(last) => u64::from_le_bytes(*last) >> ((8 - rest) * 8),
        None => {
            let mut padded = [0; 8];
            padded[..rest].copy_from_slice(&bytes[i..]);
            u64::from_le_bytes(padded)
        }
    };
    i + byte_index(stop_bytes(word))
}

/// A word whose every byte is 0x01.
const LOW_BITS: u64 = u64::from_le_bytes([0x01; 8]);

/// The high bit of each byte of `word` that is `"`, `\`, below 0x20 or 0x7F: exact for the
/// lowest such byte, the one [`byte_index`] reads (a borrow can mark bytes above it, never
/// below). Bytes from 0x80 up, parts of multi-byte characters, are never marked.
const fn stop_bytes(word: u64) -> u64 {
    /// Bytes below `n`, for `n` at most 0x80: subtracting `n` borrows into the high bit of
    /// a byte below it, and `!word` drops bytes that had the high bit set already.
    const fn below(word: u64, n: u8) -> u64 {
        word.wrapping_sub(LOW_BITS * n as u64) & !word & (LOW_BITS * 0x80)
    }
    const fn equal(word: u64, byte: u8) -> u64 {
        below(word ^ (LOW_BITS * byte as u64), 1)
    }
    below(word, 0x20) | equal(word, b'"') | equal(word, b'\\') | equal(word, 0x7F)
}

/// The index of the lowest byte whose high bit `marks` sets.
fn byte_index(marks: u64) -> usize {
    (marks.trailing_zeros() / 8) as usize
}

/// A control character other than tab: not allowed in a quoted string.
pub(super) const fn is_control(byte: u8) -> bool {
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

pub(super) const fn is_token_char(b: u8) -> bool {
    TOKEN_CHARS[b as usize]
}

#[cfg(test)]
mod tests {
    use super::{byte_index, plain_text_end, stop_bytes};

    /// What `plain_text_end` must find, a byte at a time.
    fn is_stop(byte: u8) -> bool {
        byte == b'"' || byte == b'\\' || byte < 0x20 || byte == 0x7F
    }

    /// Every byte value at every position of a word, after plain bytes and before arbitrary
    /// ones (stops included, so a borrow above the first stop cannot hide behind it).
    #[test]
    fn the_first_stop_byte_of_a_word_is_found_exactly() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for position in 0..8 {
            for byte in 0..=255u8 {
                for _ in 0..16 {
                    // xorshift: varied bytes after `position`.
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    let mut word = seed.to_le_bytes();
                    word[..position].fill(b'a');
                    word[position] = byte;
                    let expected = word.iter().position(|&b| is_stop(b)).unwrap_or(8);
                    let found = match stop_bytes(u64::from_le_bytes(word)) {
                        0 => 8,
                        marks => byte_index(marks),
                    };
                    assert_eq!(found, expected, "{word:02x?}");
                }
            }
        }
    }

    /// Slices of every length up to 20, with a stop at every offset or none: the whole
    /// words, the last partial one, and inputs shorter than a word.
    #[test]
    fn the_scan_stops_at_the_first_stop_or_the_end() {
        for len in 0..20 {
            for start in 0..=len {
                for stop in start..=len {
                    let mut buffer = [b'x'; 20];
                    let bytes = &mut buffer[..len];
                    bytes
                        .iter_mut()
                        .skip(start)
                        .step_by(3)
                        .for_each(|b| *b = 0xC3);
                    if stop < len {
                        bytes[stop] = b'"';
                    }
                    assert_eq!(plain_text_end(bytes, start), stop, "{bytes:?} from {start}");
                }
            }
        }
    }
}
