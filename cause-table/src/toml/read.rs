//! The text of a TOML document read a token at a time: keys, values, headers, and where
//! each is.

use std::borrow::Cow;

use super::{
    Array, Error, ErrorKind, Header, Key, Span, Table, Value, ValueInner, insert_dotted, span,
};

/// Arrays and inline tables nest at most this deep, so that no input exhausts the stack.
const MAX_DEPTH: usize = 128;

pub(super) struct Reader<'i> {
    pub(super) src: &'i str,
    pub(super) pos: usize,
    pub(super) depth: usize,
}

impl<'i> Reader<'i> {
    pub(super) fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.src.as_bytes().get(self.pos + ahead).copied()
    }

    fn rest(&self) -> &'i str {
        &self.src[self.pos..]
    }

    fn error(&self, at: usize, kind: ErrorKind) -> Error {
        let end = self.src[at..]
            .chars()
            .next()
            .map_or(at, |c| at + c.len_utf8());
        Error {
            kind,
            span: span(at, end),
        }
    }

    /// What is at the reader, for "expected X, found Y".
    fn found(&self) -> &'static str {
        match self.peek() {
            None => "eof",
            Some(b'\n') => "a newline",
            Some(b'\r') if self.peek_at(1) == Some(b'\n') => "a newline",
            Some(b' ' | b'\t') => "whitespace",
            Some(b'#') => "a comment",
            Some(b'=') => "an equals",
            Some(b'.') => "a period",
            Some(b',') => "a comma",
            Some(b':') => "a colon",
            Some(b'+') => "a plus",
            Some(b'{') => "a left brace",
            Some(b'}') => "a right brace",
            Some(b'[') => "a left bracket",
            Some(b']') => "a right bracket",
            Some(b'"' | b'\'') => "a string",
            Some(b) if is_keylike(b) => "an identifier",
            Some(_) => "a character",
        }
    }

    fn wanted(&self, expected: &'static str) -> Error {
        let found = self.found();
        let at = self.pos.min(self.src.len());
        let mut error = self.error(at, ErrorKind::Wanted { expected, found });
        if self.peek().is_none() {
            error.span = span(at, at);
        }
        error
    }

    pub(super) fn expect(&mut self, b: u8, expected: &'static str) -> Result<(), Error> {
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.wanted(expected))
        }
    }

    pub(super) fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// A comment to the end of its line (not the line break), whose characters must be text.
    fn skip_comment(&mut self) -> Result<(), Error> {
        if self.peek() != Some(b'#') {
            return Ok(());
        }
        let line = self.rest().find('\n').unwrap_or(self.rest().len());
        for (offset, c) in self.rest()[..line].char_indices() {
            let bare_cr = c == '\r' && offset + 1 != line;
            if (c.is_control() && c != '\t' && c != '\r') || bare_cr || c == '\u{7f}' {
                return Err(self.error(self.pos + offset, ErrorKind::Unexpected(c)));
            }
        }
        self.pos += line;
        Ok(())
    }

    /// A line break, `\n` or `\r\n`.
    fn newline(&mut self) -> bool {
        match (self.peek(), self.peek_at(1)) {
            (Some(b'\n'), _) => self.pos += 1,
            (Some(b'\r'), Some(b'\n')) => self.pos += 2,
            _ => return false,
        }
        true
    }

    pub(super) fn skip_blank_lines(&mut self) -> Result<(), Error> {
        loop {
            self.skip_spaces();
            self.skip_comment()?;
            if !self.newline() {
                return Ok(());
            }
        }
    }

    /// After a key-value or a header: spaces, a comment, then a line break or the end.
    pub(super) fn end_of_line(&mut self) -> Result<(), Error> {
        self.skip_spaces();
        self.skip_comment()?;
        if self.peek().is_none() || self.newline() {
            Ok(())
        } else {
            Err(self.wanted("newline"))
        }
    }

    pub(super) fn header(&mut self) -> Result<Header<'i>, Error> {
        let start = self.pos;
        self.pos += 1;
        let array = self.peek() == Some(b'[');
        if array {
            self.pos += 1;
        }
        self.skip_spaces();
        let keys = self.dotted_key()?;
        self.skip_spaces();
        self.expect(b']', "a right bracket")?;
        if array {
            self.expect(b']', "a right bracket")?;
        }
        let end = self.pos;
        self.end_of_line()?;
        Ok(Header {
            keys,
            array,
            span: span(start, end),
        })
    }

    /// `a`, `"a b"`, `'a'`, or those joined by dots.
    pub(super) fn dotted_key(&mut self) -> Result<Vec<Key<'i>>, Error> {
        let mut keys = vec![self.key()?];
        loop {
            let at = self.pos;
            self.skip_spaces();
            if self.peek() != Some(b'.') {
                self.pos = at;
                return Ok(keys);
            }
            self.pos += 1;
            self.skip_spaces();
            if keys.len() >= MAX_DEPTH {
                return Err(self.error(self.pos, ErrorKind::ExceededDepthLimit));
            }
            keys.push(self.key()?);
        }
    }

    fn key(&mut self) -> Result<Key<'i>, Error> {
        let start = self.pos;
        match self.peek() {
            Some(b'"' | b'\'') => {
                if self.rest().starts_with("\"\"\"") || self.rest().starts_with("'''") {
                    return Err(self.error(start, ErrorKind::MultilineStringKey));
                }
                let (name, span) = self.string()?;
                Ok(Key { name, span })
            }
            Some(b) if is_keylike(b) => {
                let len = self.rest().bytes().take_while(|&b| is_keylike(b)).count();
                self.pos += len;
                Ok(Key {
                    name: Cow::Borrowed(&self.src[start..self.pos]),
                    span: span(start, self.pos),
                })
            }
            _ => Err(self.wanted("a table key")),
        }
    }

    pub(super) fn value(&mut self) -> Result<Value<'i>, Error> {
        let start = self.pos;
        let inner = match self.peek() {
            Some(b'"' | b'\'') => {
                let (text, span) = self.string()?;
                return Ok(Value {
                    span,
                    inner: ValueInner::String(text),
                });
            }
            Some(b'[') => self.nested(Self::array)?,
            Some(b'{') => self.nested(Self::inline_table)?,
            Some(b) if is_keylike(b) || b == b'+' || b == b'.' => self.scalar()?,
            _ => return Err(self.wanted("a value")),
        };
        Ok(Value {
            span: span(start, self.pos),
            inner,
        })
    }

    fn nested(
        &mut self,
        read: fn(&mut Self) -> Result<ValueInner<'i>, Error>,
    ) -> Result<ValueInner<'i>, Error> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error(self.pos, ErrorKind::ExceededDepthLimit));
        }
        self.depth += 1;
        let inner = read(self);
        self.depth -= 1;
        inner
    }

    /// Space, comments and line breaks inside an array.
    fn skip_array_space(&mut self) -> Result<(), Error> {
        loop {
            self.skip_spaces();
            self.skip_comment()?;
            if !self.newline() {
                return Ok(());
            }
        }
    }

    fn array(&mut self) -> Result<ValueInner<'i>, Error> {
        self.pos += 1;
        let mut items = Array::new();
        loop {
            self.skip_array_space()?;
            if self.peek() == Some(b']') {
                self.pos += 1;
                return Ok(ValueInner::Array(items));
            }
            items.push(self.value()?);
            self.skip_array_space()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {}
                _ => return Err(self.wanted("a comma")),
            }
        }
    }

    fn inline_table(&mut self) -> Result<ValueInner<'i>, Error> {
        self.pos += 1;
        let mut table = Table::new();
        self.skip_spaces();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(ValueInner::Table(table));
        }
        loop {
            self.skip_spaces();
            let keys = self.dotted_key()?;
            self.skip_spaces();
            self.expect(b'=', "an equals")?;
            self.skip_spaces();
            let value = self.value()?;
            insert_dotted(&mut table, keys, value)?;
            self.skip_spaces();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(ValueInner::Table(table));
                }
                _ => return Err(self.wanted("a comma")),
            }
        }
    }

    /// A boolean or a number, from a run of the characters they are written with.
    fn scalar(&mut self) -> Result<ValueInner<'i>, Error> {
        let start = self.pos;
        let len = self
            .rest()
            .bytes()
            .take_while(|&b| is_keylike(b) || matches!(b, b'+' | b'.' | b':'))
            .count();
        let text = &self.src[start..start + len];
        self.pos += len;
        let invalid = || Error {
            kind: ErrorKind::InvalidNumber,
            span: span(start, start + len),
        };
        match text {
            "true" => return Ok(ValueInner::Boolean(true)),
            "false" => return Ok(ValueInner::Boolean(false)),
            "inf" | "+inf" | "-inf" | "nan" | "+nan" | "-nan" => return Ok(ValueInner::Float),
            _ => {}
        }
        let first = text.as_bytes()[0];
        if !(first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.')) {
            return Err(Error {
                kind: ErrorKind::UnquotedString,
                span: span(start, start + len),
            });
        }
        if let Some(integer) = integer(text) {
            return integer.map(ValueInner::Integer).ok_or_else(invalid);
        }
        float(text).map(|_| ValueInner::Float).ok_or_else(invalid)
    }

    /// A string of any of the four kinds, the reader on its opening quote.
    /// Its span is the text between the quotes, as `toml-span` gave it (the opening quote for
    /// `""`).
    fn string(&mut self) -> Result<(Cow<'i, str>, Span), Error> {
        let start = self.pos;
        let literal = self.peek() == Some(b'\'');
        let quote = if literal { "'" } else { "\"" };
        let multiline = self.rest().starts_with(&quote.repeat(3));
        self.pos += if multiline { 3 } else { 1 };
        if multiline {
            // A line break right after the opening quotes is not part of the string.
            self.newline();
        }
        let body_start = self.pos;
        let mut value: Option<String> = None;
        loop {
            let Some(c) = self.rest().chars().next() else {
                return Err(self.error(start, ErrorKind::UnterminatedString));
            };
            let at = self.pos;
            if c == quote.chars().next().unwrap_or('"') {
                if !multiline {
                    self.pos += 1;
                    break;
                }
                if self.rest().starts_with(&quote.repeat(3)) {
                    // Up to two quotes may end the string before its closing three.
                    let run = self
                        .rest()
                        .bytes()
                        .take_while(|&b| b == quote.as_bytes()[0])
                        .count();
                    let extra = run.min(5) - 3;
                    let body_end = self.pos + extra;
                    if let Some(value) = &mut value {
                        value.push_str(&quote.repeat(extra));
                    }
                    self.pos += run.min(5);
                    let text = match value {
                        Some(value) => Cow::Owned(value),
                        None => Cow::Borrowed(&self.src[body_start..body_end]),
                    };
                    return Ok((text, span(body_start, body_end)));
                }
            }
            if c == '\\' && !literal {
                let owned = value.get_or_insert_with(|| self.src[body_start..at].to_owned());
                self.pos += 1;
                if let Some(escaped) = self.escape(multiline)? {
                    owned.push(escaped);
                }
                continue;
            }
            let newline = c == '\n' || (c == '\r' && self.peek_at(1) == Some(b'\n'));
            let allowed = c == '\t' || (multiline && newline) || !(c.is_control() || c == '\u{7f}');
            if !allowed {
                return Err(self.error(at, ErrorKind::InvalidCharInString(c)));
            }
            self.pos += c.len_utf8();
            if let Some(value) = &mut value {
                value.push(c);
            }
        }
        let body_end = self.pos - 1;
        let text = match value {
            Some(value) => Cow::Owned(value),
            None => Cow::Borrowed(&self.src[body_start..body_end]),
        };
        let at = match body_start == body_end {
            true => span(start, start + 1),
            false => span(body_start, body_end),
        };
        Ok((text, at))
    }

    /// The character an escape stands for, the reader past the backslash; `None` for a
    /// line-ending backslash of a multi-line string, which drops the white space after it.
    fn escape(&mut self, multiline: bool) -> Result<Option<char>, Error> {
        let at = self.pos;
        let Some(c) = self.rest().chars().next() else {
            return Err(self.error(at.saturating_sub(1), ErrorKind::UnterminatedString));
        };
        self.pos += c.len_utf8();
        let escaped = match c {
            'b' => '\u{8}',
            't' => '\t',
            'n' => '\n',
            'f' => '\u{c}',
            'r' => '\r',
            '"' => '"',
            '\\' => '\\',
            'u' | 'U' => {
                let len = if c == 'u' { 4 } else { 8 };
                let digits = self.rest().get(..len).unwrap_or(self.rest());
                if let Some(bad) = digits.chars().find(|c| !c.is_ascii_hexdigit()) {
                    let offset = digits.find(bad).unwrap_or(0);
                    return Err(self.error(self.pos + offset, ErrorKind::InvalidHexEscape(bad)));
                }
                if digits.len() < len {
                    return Err(self.error(at, ErrorKind::UnterminatedString));
                }
                let code = u32::from_str_radix(digits, 16).unwrap_or(u32::MAX);
                self.pos += len;
                match char::from_u32(code) {
                    Some(c) => c,
                    None => return Err(self.error(at, ErrorKind::InvalidEscapeValue(code))),
                }
            }
            ' ' | '\t' | '\n' | '\r' if multiline => {
                // A backslash, then only white space to the end of the line: the line break
                // and the white space after it are dropped.
                self.pos = at;
                self.skip_spaces();
                if !self.newline() {
                    return Err(self.error(at, ErrorKind::InvalidEscape(c)));
                }
                while matches!(self.peek(), Some(b' ' | b'\t')) || self.newline() {
                    self.skip_spaces();
                }
                return Ok(None);
            }
            other => return Err(self.error(at, ErrorKind::InvalidEscape(other))),
        };
        Ok(Some(escaped))
    }
}

fn is_keylike(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// `Some` where `text` is written as an integer: its value, or `None` out of range.
fn integer(text: &str) -> Option<Option<i64>> {
    let radix = |prefix: &str| text.strip_prefix(prefix);
    for (prefix, base) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(digits) = radix(prefix) {
            let valid = digits_with_underscores(digits, |c| c.is_digit(base));
            return Some(valid.and_then(|d| i64::from_str_radix(&d, base).ok()));
        }
    }
    let (sign, digits) = match text.as_bytes()[0] {
        b'+' | b'-' => text.split_at(1),
        _ => ("", text),
    };
    if !digits.bytes().all(|b| b.is_ascii_digit() || b == b'_') {
        return None;
    }
    let digits = digits_with_underscores(digits, |c| c.is_ascii_digit())?;
    if digits.len() > 1 && digits.starts_with('0') {
        return Some(None);
    }
    Some(format!("{sign}{digits}").parse().ok())
}

/// The digits without their underscores, each of which must stand between two digits.
fn digits_with_underscores(text: &str, digit: impl Fn(char) -> bool) -> Option<String> {
    let valid = !text.is_empty()
        && !text.starts_with('_')
        && !text.ends_with('_')
        && !text.contains("__")
        && text.chars().all(|c| c == '_' || digit(c));
    valid.then(|| text.replace('_', ""))
}

/// A float: an integer part, then a fraction, an exponent or both.
fn float(text: &str) -> Option<f64> {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (mantissa, None),
    };
    let digits = |t: &str| digits_with_underscores(t, |c| c.is_ascii_digit());
    let whole = digits(whole)?;
    if whole.len() > 1 && whole.starts_with('0') {
        return None;
    }
    let fraction = match fraction {
        Some(f) => Some(digits(f)?),
        None => None,
    };
    let exponent = match exponent {
        Some(e) => {
            let (sign, rest) = match e.as_bytes().first() {
                Some(b'+' | b'-') => e.split_at(1),
                _ => ("", e),
            };
            Some(format!("{sign}{}", digits(rest)?))
        }
        None => None,
    };
    if fraction.is_none() && exponent.is_none() {
        return None;
    }
    let sign = if text.starts_with('-') { "-" } else { "" };
    let mut normal = format!("{sign}{whole}");
    if let Some(fraction) = fraction {
        normal.push('.');
        normal.push_str(&fraction);
    }
    if let Some(exponent) = exponent {
        normal.push('e');
        normal.push_str(&exponent);
    }
    normal.parse().ok()
}
