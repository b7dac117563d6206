//! [`ReasonText`], the `text` parameter of a [`Reason`], escaped as written or plain as
//! given.

use core::fmt;
use core::hash::{Hash, Hasher};

#[cfg(doc)] // for the docs' links
use crate::Reason;

/// The `text` of a [`Reason`]: [`Display`](fmt::Display) writes it unescaped, and it equals
/// the `&str` it stands for.
///
/// ```
/// # use cause_reason as cause_core;
/// let reason = cause_core::Reason::parse(r#"SIP;cause=480;text="say \"no\"""#)?;
/// let text = reason.text().unwrap();
/// assert_eq!(text, r#"say "no""#);
/// assert_eq!(text.as_escaped(), Some(r#"say \"no\""#));
/// # Ok::<(), cause_core::ParseReasonError>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ReasonText<'a> {
    /// Between the quotes, as written (quoted pairs still escaped), or, from [`Reason::new`],
    /// the text itself.
    pub(crate) text: &'a str,
    pub(crate) escaped: bool,
}

impl<'a> ReasonText<'a> {
    /// A text as written between the quotes, with its `\` escapes.
    pub(crate) const fn escaped(text: &'a str) -> Self {
        ReasonText {
            text,
            escaped: true,
        }
    }

    /// A text as it reads, escaped only when written.
    pub(crate) const fn plain(text: &'a str) -> Self {
        ReasonText {
            text,
            escaped: false,
        }
    }

    /// The text as it stands between the quotes on the wire, with its `\` escapes: as
    /// written, for a parsed value; for one made by [`Reason::new`], the text itself where it
    /// holds no `"` or `\` (else `None`: [`Display`](fmt::Display) of the [`Reason`] escapes
    /// them when it writes the header).
    #[must_use]
    pub fn as_escaped(&self) -> Option<&'a str> {
        let needs_escapes = self.text.bytes().any(|b| b == b'"' || b == b'\\');
        (self.escaped || !needs_escapes).then_some(self.text)
    }

    /// The characters of the text, unescaped.
    pub fn chars(&self) -> impl Iterator<Item = char> + 'a {
        let mut chars = self.text.chars();
        let escaped = self.escaped;
        core::iter::from_fn(move || match chars.next()? {
            '\\' if escaped => chars.next(),
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
        // Written the same way, so the same characters: no need to unescape them one by one.
        let same = self.escaped == other.escaped && self.text == other.text;
        same || self.chars().eq(other.chars())
    }
}

impl Eq for ReasonText<'_> {}

/// Consistent with equality: the characters, unescaped.
impl Hash for ReasonText<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for c in self.chars() {
            state.write_u32(u32::from(c));
        }
        // No character is u32::MAX: what follows cannot run into the text.
        state.write_u32(u32::MAX);
    }
}
