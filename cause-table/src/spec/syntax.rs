//! Errors in the TOML itself, which stop the parser: said with what the text is where that
//! helps (a date or time, which no cause table takes).

use toml_span::ErrorKind;

use crate::diag::{ByteSpan, Diagnostics};

/// The parser stops at the first error in the TOML itself; a duplicate also points back at
/// its first definition.
pub(super) fn syntax_error(error: &toml_span::Error, source: &str, diags: &Diagnostics) {
    let span: ByteSpan = error.span.into();
    let mut message = format!("invalid TOML: {error}");
    // toml-span reads no dates or times, and calls one an invalid number (pointing inside a
    // time, past its leading digits): say what it is.
    let before = source.get(..span.start).unwrap_or_default();
    let start = before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let text = source.get(start..).unwrap_or_default();
    if matches!(error.kind, ErrorKind::InvalidNumber) && is_date_or_time(text) {
        message.push_str(
            " (a date or time, which no key of a cause table takes; quoted, it is a string)",
        );
    }
    match &error.kind {
        ErrorKind::DuplicateKey { first, .. } | ErrorKind::DuplicateTable { first, .. } => {
            diags.duplicate(span, (*first).into(), message);
        }
        _ => diags.error(span, message),
    }
}

/// `1979-05-27`, `07:32:00` and what follows them: TOML's dates and times.
fn is_date_or_time(text: &str) -> bool {
    let digits_then = |count: usize, separator: u8| {
        let bytes = text.as_bytes();
        bytes.len() > count
            && bytes[..count].iter().all(u8::is_ascii_digit)
            && bytes[count] == separator
    };
    digits_then(4, b'-') || digits_then(2, b':')
}
