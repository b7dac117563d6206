//! [`ReasonBuf`], a [`Reason`] that owns its text, for a value kept past the buffer it was read
//! from (feature `alloc`).

use alloc::string::String;
use core::fmt;
use core::hash::{Hash, Hasher};

use crate::{ParseReasonError, Reason, ReasonText};

/// A [`Reason`] that owns its text: what [`Reason::into_owned`] gives, to keep a value past the
/// message it was read from. [`as_reason`](Self::as_reason) lends it back as a `Reason`, for
/// everything a `Reason` does; equality, hashing and `Display` are the `Reason`'s. Needs the
/// `alloc` feature.
///
/// ```
/// # use cause_reason as cause_core;
/// use cause_core::{Reason, ReasonBuf};
///
/// fn read(line: String) -> Result<ReasonBuf, cause_core::ParseReasonError> {
///     Ok(Reason::parse(&line)?.into_owned()) // `line` is dropped here; the value stays
/// }
///
/// let reason = read(r#"Q.850 ;cause=17 ;text="USER_BUSY""#.to_owned())?;
/// assert_eq!(reason.as_reason().code(), Some(17));
/// assert_eq!(reason.to_string(), r#"Q.850;cause=17;text="USER_BUSY""#);
/// # Ok::<(), cause_core::ParseReasonError>(())
/// ```
#[derive(Clone)]
pub struct ReasonBuf {
    /// The protocol, the text (as it was held: escaped or not) and the parameters, one after
    /// the other: one allocation.
    parts: String,
    protocol_len: usize,
    cause: Option<u16>,
    /// The text's length within `parts`, and whether it is written with its `\` escapes.
    text: Option<(usize, bool)>,
    /// The [`Reason`]'s: whether the parameters hold any but `cause` and `text`.
    extensions: bool,
}

impl ReasonBuf {
    /// Parses one `Reason` value, as [`Reason::parse`] does, into an owned one.
    ///
    /// # Errors
    ///
    /// What [`Reason::parse`] says is wrong, and where.
    pub fn parse(value: &str) -> Result<ReasonBuf, ParseReasonError> {
        Reason::parse(value).map(ReasonBuf::from)
    }

    /// The value as a [`Reason`] borrowed from this one.
    #[must_use]
    pub fn as_reason(&self) -> Reason<'_> {
        let (protocol, rest) = self.parts.split_at(self.protocol_len);
        let (text, params) = match self.text {
            Some((len, escaped)) => {
                let (text, params) = rest.split_at(len);
                let text = match escaped {
                    true => ReasonText::escaped(text),
                    false => ReasonText::plain(text),
                };
                (Some(text), params)
            }
            None => (None, rest),
        };
        Reason {
            protocol,
            cause: self.cause,
            text,
            params,
            extensions: self.extensions,
        }
    }
}

impl From<Reason<'_>> for ReasonBuf {
    fn from(reason: Reason<'_>) -> Self {
        let text = reason.text.map(|text| (text.text, text.escaped));
        let text_len = text.map_or(0, |(text, _)| text.len());
        let mut parts =
            String::with_capacity(reason.protocol.len() + text_len + reason.params.len());
        parts.push_str(reason.protocol);
        if let Some((text, _)) = text {
            parts.push_str(text);
        }
        parts.push_str(reason.params);
        ReasonBuf {
            parts,
            protocol_len: reason.protocol.len(),
            cause: reason.cause,
            text: text.map(|(text, escaped)| (text.len(), escaped)),
            extensions: reason.extensions,
        }
    }
}

impl<'a> From<&'a ReasonBuf> for Reason<'a> {
    fn from(reason: &'a ReasonBuf) -> Self {
        reason.as_reason()
    }
}

impl fmt::Debug for ReasonBuf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ReasonBuf").field(&self.as_reason()).finish()
    }
}

/// The value in canonical form, as [`Reason`] writes it.
impl fmt::Display for ReasonBuf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.as_reason(), f)
    }
}

/// By meaning, as [`Reason`] compares.
impl PartialEq for ReasonBuf {
    fn eq(&self, other: &Self) -> bool {
        self.as_reason() == other.as_reason()
    }
}

impl PartialEq<Reason<'_>> for ReasonBuf {
    fn eq(&self, other: &Reason<'_>) -> bool {
        self.as_reason() == *other
    }
}

impl Eq for ReasonBuf {}

impl Hash for ReasonBuf {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_reason().hash(state);
    }
}

impl Reason<'_> {
    /// The value with its text owned, to keep past the message it was read from. Needs the
    /// `alloc` feature.
    #[must_use]
    pub fn into_owned(self) -> ReasonBuf {
        ReasonBuf::from(self)
    }
}

#[cfg(test)]
mod tests {
    use alloc::string::ToString;

    use super::*;

    #[test]
    fn every_part_survives_the_copy() {
        let values = [
            r#"SIP ;cause=486 ;text="Busy Here""#,
            r#"Q.850;cause=16;text="say \"no\"";location=LN;x"#,
            "SIP;cause=200",
            "X-Thing;text=\"é\"",
            "Q.850",
        ];
        for value in values {
            let reason = Reason::parse(value).unwrap();
            let owned = reason.into_owned();
            assert_eq!(owned, reason, "{value}");
            assert_eq!(owned.to_string(), reason.to_string());
            let back = owned.as_reason();
            assert_eq!(back.protocol(), reason.protocol());
            assert_eq!(back.code(), reason.code());
            assert_eq!(
                back.text().map(|t| t.to_string()),
                reason.text().map(|t| t.to_string())
            );
            assert!(back.params().eq(reason.params()), "{value}");
            assert_eq!(ReasonBuf::parse(value).unwrap(), owned);
        }
        let made = Reason::new("SIP", 480, Some(r#"a "quoted" \ text"#)).unwrap();
        assert_eq!(made.into_owned().to_string(), made.to_string());
        assert_eq!(
            ReasonBuf::parse("SIP;cause=").unwrap_err(),
            Reason::parse("SIP;cause=").unwrap_err()
        );
    }
}
