//! The `Reason` header field of RFC 3326, why a `CANCEL` or `BYE` was sent: read without
//! allocating and written escaped, in `no_std`. [`cause-core`](https://docs.rs/cause-core)
//! re-exports it and links it to its tables (`Cause::reason`, `Cause::from_reason`,
//! `Q850::reason`); this crate is the header alone, for code that needs no table.
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
//! HCOLON = *( SP / HTAB ) ":" SWS
//! SEMI = SWS ";" SWS   EQUAL = SWS "=" SWS   COMMA = SWS "," SWS
//! SWS  = [ [ *WSP CRLF ] 1*WSP ]                 ; spaces and tabs, one line fold at most
//! ```
//!
//! (RFC 3326 §2 with RFC 3261 §25.1.) Parsing borrows from the header value and allocates
//! nothing; `protocol`, the parameter names and `SIP` are matched without regard to case, as
//! RFC 3261 §7.3.1 asks. One function per rule below: [`Reason::parse`] is `reason-value`,
//! [`Reason::parse_list`] the comma-separated list of a whole header field value, and
//! [`Reason::parse_header_line`] `Reason`, a whole line with its name.

#![no_std]
#![deny(missing_docs)]

// Unit tests use std even though the library does not.
#[cfg(test)]
extern crate std;

#[cfg(feature = "alloc")]
extern crate alloc;

mod error;
mod location;
#[cfg(feature = "alloc")]
mod owned;
mod parse;
#[cfg(feature = "serde")]
mod serde_impls;
mod text;

pub use error::{ParseReasonError, ReasonErrorKind};
pub use location::{Location, ParseLocationError};
#[cfg(feature = "alloc")]
pub use owned::ReasonBuf;
pub use parse::ReasonList;
pub use text::ReasonText;

use core::fmt;
use core::hash::{Hash, Hasher};

/// One `reason-value` of a `Reason` header field: `SIP ;cause=486 ;text="Busy Here"`.
///
/// ```
/// # use cause_reason as cause_core;
/// use cause_core::Reason;
///
/// // What SIP.js 0.6 puts on a CANCEL.
/// let reason = Reason::parse(r#"SIP ;cause=486 ;text="Busy Here""#)?;
/// assert_eq!(reason.protocol(), "SIP");
/// assert_eq!(reason.code(), Some(486));
/// assert_eq!(reason.text().unwrap(), "Busy Here");
/// // Written back in canonical form.
/// assert_eq!(reason.to_string(), r#"SIP;cause=486;text="Busy Here""#);
/// # Ok::<(), cause_core::ParseReasonError>(())
/// ```
///
/// Two values are equal when they say the same: the same protocol (in any ASCII case, as
/// RFC 3326's grammar reads `"SIP"` and `"Q.850"`), cause number, text (unescaped) and other
/// parameters in order (names without regard to case), whatever white space or parameter
/// order the peer used. [`Hash`] agrees, so a set holds one of each meaning:
///
/// ```
/// # use cause_reason as cause_core;
/// use std::collections::HashSet;
/// use cause_core::Reason;
///
/// let set: HashSet<Reason> = [r#"SIP;cause=486;text="Busy Here""#, r#"sip ;cause=486; text="Busy Here""#]
///     .into_iter()
///     .map(|value| Reason::parse(value).unwrap())
///     .collect();
/// assert_eq!(set.len(), 1);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Reason<'a> {
    protocol: &'a str,
    cause: Option<u16>,
    text: Option<ReasonText<'a>>,
    /// The parameters as written, from the first `;` on (checked by the parser): read again
    /// by [`Reason::param`] and [`Reason::params`].
    params: &'a str,
    /// Whether `params` holds any but `cause` and `text`: where it does not, as in most
    /// values, equality, hashing and `Display` need not read it again.
    extensions: bool,
}

impl<'a> Reason<'a> {
    /// Parses one `reason-value`, such as `Q.850;cause=16;text="NORMAL_CLEARING"`. White space
    /// around it and around `;` and `=` is allowed; a comma is not (see
    /// [`parse_list`](Self::parse_list)).
    pub fn parse(value: &'a str) -> Result<Reason<'a>, ParseReasonError> {
        parse::reason_value(value)
    }

    /// Parses the whole value of a `Reason` header field: its comma-separated values, each on
    /// its own (a comma or `;` inside quoted text separates nothing). Offsets in errors count
    /// from the start of `value`.
    ///
    /// ```
    /// # use cause_reason as cause_core;
    /// use cause_core::Reason;
    ///
    /// let header = r#"SIP;cause=480;text="Temporarily Unavailable", Q.850;cause=18"#;
    /// let causes: Vec<_> = Reason::parse_list(header)
    ///     .map(|r| r.map(|r| (r.protocol(), r.code())))
    ///     .collect::<Result<_, _>>()?;
    /// assert_eq!(causes, [("SIP", Some(480)), ("Q.850", Some(18))]);
    /// # Ok::<(), cause_core::ParseReasonError>(())
    /// ```
    pub fn parse_list(value: &'a str) -> ReasonList<'a> {
        parse::ReasonList::new(value, 0)
    }

    /// Parses a whole `Reason` header line, as read from a message: the name `Reason` in any
    /// ASCII case, white space before the colon as RFC 3261 allows, the values as
    /// [`parse_list`](Self::parse_list) reads them (folded over several lines or not), and the
    /// line end, CRLF or LF, or none. Offsets in errors count from the start of the line.
    /// [`parse`](Self::parse) and `parse_list` refuse such a line with
    /// [`HeaderLine`](ReasonErrorKind::HeaderLine), which names this call.
    ///
    /// # Errors
    ///
    /// [`NotReasonHeader`](ReasonErrorKind::NotReasonHeader) where the line does not start
    /// with `Reason` and its colon: another header's line, or no header line. What is wrong
    /// with a value is in the values.
    ///
    /// ```
    /// # use cause_reason as cause_core;
    /// use cause_core::{Reason, ReasonErrorKind};
    ///
    /// // As a socket gives it: folded, with its line end.
    /// let line = "reason : Q.850;cause=34;text=\"No circuit\",\r\n SIP;cause=503\r\n";
    /// let values = Reason::parse_header_line(line)?.collect::<Result<Vec<_>, _>>()?;
    /// assert_eq!(values[0].to_string(), r#"Q.850;cause=34;text="No circuit""#);
    /// assert_eq!(values[1].code(), Some(503));
    ///
    /// let error = Reason::parse("Reason: Q.850;cause=34").unwrap_err();
    /// assert_eq!(error.kind(), ReasonErrorKind::HeaderLine);
    /// assert_eq!(
    ///     error.to_string(),
    ///     "value starts with the header name `Reason:`: \
    ///      `Reason::parse_header_line` reads a whole header line, at byte 0"
    /// );
    /// let error = Reason::parse_header_line("Via: SIP/2.0/UDP host").unwrap_err();
    /// assert_eq!(error.kind(), ReasonErrorKind::NotReasonHeader);
    /// # Ok::<(), cause_core::ParseReasonError>(())
    /// ```
    pub fn parse_header_line(line: &'a str) -> Result<ReasonList<'a>, ParseReasonError> {
        parse::header_line(line)
    }

    /// A value to send: `protocol;cause=<cause>;text="<text>"`. The protocol must be a token
    /// (RFC 3261: letters, digits and `` -.!%*_+`'~ ``), such as `SIP` or `Q.850`; the text may
    /// hold any character but a control character other than tab, and is escaped when written
    /// ([`Display`](fmt::Display) puts `\` before `"` and `\`). The error says which is wrong
    /// and where: [`MissingProtocol`](ReasonErrorKind::MissingProtocol) or
    /// [`InvalidToken`](ReasonErrorKind::InvalidToken) at a byte of `protocol`,
    /// [`ControlCharacter`](ReasonErrorKind::ControlCharacter) at a byte of `text`.
    ///
    /// A value made here has only `cause` and `text`: [`params`](Self::params) lists the
    /// parameters as a peer wrote them, so it lists none ([`with_location`](Self::with_location)
    /// adds RFC 8606's `location`).
    ///
    /// ```
    /// # use cause_reason as cause_core;
    /// use cause_core::{Reason, ReasonErrorKind};
    ///
    /// // Relaying the response a B2BUA received, with its own phrase.
    /// let reason = Reason::new("SIP", 480, Some(r#"Gone "fishing""#))?;
    /// assert_eq!(reason.to_string(), r#"SIP;cause=480;text="Gone \"fishing\"""#);
    /// assert_eq!(Reason::parse(&reason.to_string())?, reason);
    ///
    /// let error = Reason::new("Q 850", 16, None).unwrap_err();
    /// assert_eq!((error.kind(), error.offset()), (ReasonErrorKind::InvalidToken, 1));
    /// let error = Reason::new("SIP", 486, Some("Busy\r\nX-Evil: 1")).unwrap_err();
    /// assert_eq!((error.kind(), error.offset()), (ReasonErrorKind::ControlCharacter, 4));
    /// # Ok::<(), cause_core::ParseReasonError>(())
    /// ```
    ///
    /// It is a `const fn`, so a value known at build time can be checked there:
    ///
    /// ```
    /// # use cause_reason as cause_core;
    /// use cause_core::Reason;
    ///
    /// const BUSY: Reason<'static> = match Reason::new("SIP", 486, Some("Busy Here")) {
    ///     Ok(reason) => reason,
    ///     Err(_) => panic!("a valid Reason"),
    /// };
    /// assert_eq!(BUSY.to_string(), r#"SIP;cause=486;text="Busy Here""#);
    /// ```
    pub const fn new(
        protocol: &'a str,
        cause: u16,
        text: Option<&'a str>,
    ) -> Result<Reason<'a>, ParseReasonError> {
        if protocol.is_empty() {
            return Err(ParseReasonError::new(ReasonErrorKind::MissingProtocol, 0));
        }
        // Loops rather than iterators: `new` is a `const fn`, so that a table's values can be
        // made in constants and `const fn`s.
        let bytes = protocol.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            if !parse::is_token_char(bytes[at]) {
                return Err(ParseReasonError::new(ReasonErrorKind::InvalidToken, at));
            }
            at += 1;
        }
        let text = match text {
            Some(text) => {
                let bytes = text.as_bytes();
                let mut at = 0;
                while at < bytes.len() {
                    if parse::is_control(bytes[at]) {
                        return Err(ParseReasonError::new(ReasonErrorKind::ControlCharacter, at));
                    }
                    at += 1;
                }
                Some(ReasonText::plain(text))
            }
            None => None,
        };
        Ok(Reason {
            protocol,
            cause: Some(cause),
            text,
            params: "",
            extensions: false,
        })
    }

    /// The same value with RFC 8606's `location` parameter, which says in which network a
    /// Q.850 cause arose: `Q.850;cause=34;location=LN`. RFC 8606 defines it for Q.850 values.
    /// The value keeps its protocol, `cause` and `text`; its other parameters are replaced by
    /// `location` alone (a value keeps its parameters as one text, as written: a peer's other
    /// extensions cannot be kept beside a new one without allocating). Like [`new`](Self::new),
    /// a `const fn`.
    ///
    /// ```
    /// # use cause_reason as cause_core;
    /// use cause_core::{Location, Reason};
    ///
    /// let reason = Reason::new("Q.850", 34, None)?.with_location(Location::Ln);
    /// assert_eq!(reason.to_string(), "Q.850;cause=34;location=LN");
    /// assert_eq!(reason.location(), Some(Location::Ln));
    /// assert_eq!(reason, Reason::parse("Q.850 ;cause=34 ;location=LN")?);
    /// # Ok::<(), cause_core::ParseReasonError>(())
    /// ```
    #[must_use]
    pub const fn with_location(self, location: Location) -> Reason<'a> {
        Reason {
            params: location.param(),
            extensions: true,
            ..self
        }
    }

    /// RFC 8606's `location` parameter, typed: `Some` where the value has one and it is one of
    /// the eight tokens RFC 8606 allows, in any ASCII case; `None` without one, or for another
    /// token ([`param`](Self::param) gives it as written).
    ///
    /// ```
    /// # use cause_reason as cause_core;
    /// use cause_core::{Location, Reason};
    ///
    /// assert_eq!(Reason::parse("Q.850;cause=1;location=RLN")?.location(), Some(Location::Rln));
    /// assert_eq!(Reason::parse("Q.850;cause=1;location=XYZ")?.location(), None);
    /// assert_eq!(Reason::parse("Q.850;cause=1")?.location(), None);
    /// # Ok::<(), cause_core::ParseReasonError>(())
    /// ```
    #[must_use]
    pub fn location(&self) -> Option<Location> {
        Location::from_token(self.param("location")?)
    }

    /// Whether the value says the call was answered elsewhere, so that this leg is cancelled
    /// without failing: `SIP;cause=200` (RFC 3326, on the `CANCEL` a forking proxy sends once
    /// another branch answered) or `Q.850;cause=26` (non-selected user clearing).
    ///
    /// ```
    /// # use cause_reason as cause_core;
    /// use cause_core::Reason;
    ///
    /// let sip = Reason::parse(r#"SIP;cause=200;text="Call completed elsewhere""#)?;
    /// assert!(sip.is_answered_elsewhere());
    /// assert!(Reason::parse("Q.850;cause=26")?.is_answered_elsewhere());
    /// assert!(!Reason::parse("SIP;cause=486")?.is_answered_elsewhere());
    /// # Ok::<(), cause_core::ParseReasonError>(())
    /// ```
    #[must_use]
    pub fn is_answered_elsewhere(&self) -> bool {
        let is = |protocol: &str| self.protocol.eq_ignore_ascii_case(protocol);
        match self.cause {
            Some(200) => is("SIP"),
            Some(26) => is("Q.850"),
            _ => false,
        }
    }

    /// The protocol as written: `"SIP"`, `"Q.850"`, `"STIR"`.
    #[must_use]
    pub const fn protocol(&self) -> &'a str {
        self.protocol
    }

    /// The `cause` parameter's number: a SIP status code for protocol `SIP`, a Q.850 cause
    /// value for `Q.850`. (Named `code`, not `cause`: in cause-core, a method named for a table
    /// returns that table's type, and `Cause` is SIP.js's.)
    #[must_use]
    pub const fn code(&self) -> Option<u16> {
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
    /// # use cause_reason as cause_core;
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
        parse::split_params(self.params)
    }

    /// The parameters other than `cause` and `text`.
    fn extensions(&self) -> impl Iterator<Item = (&'a str, Option<&'a str>)> + 'a {
        let params = if self.extensions { self.params } else { "" };
        parse::split_params(params)
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
        self.protocol.eq_ignore_ascii_case(other.protocol)
            && self.cause == other.cause
            && self.text == other.text
            && same_params
    }
}

impl Eq for Reason<'_> {}

/// Consistent with equality by meaning: the protocol and the extension parameters' names in
/// any ASCII case, the cause, the text unescaped, the parameters' values as written.
impl Hash for Reason<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_folded(self.protocol, state);
        self.cause.hash(state);
        self.text.hash(state);
        for (name, value) in self.extensions() {
            hash_folded(name, state);
            value.hash(state);
        }
    }
}

/// `text` in ASCII lower case, then a byte no UTF-8 text holds, so that what follows cannot
/// run into it.
fn hash_folded<H: Hasher>(text: &str, state: &mut H) {
    for byte in text.bytes() {
        state.write_u8(byte.to_ascii_lowercase());
    }
    state.write_u8(0xff);
}

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
            if text.text.contains(['"', '\\']) {
                for c in text.chars() {
                    if c == '"' || c == '\\' {
                        f.write_str("\\")?;
                    }
                    fmt::Write::write_char(f, c)?;
                }
            } else {
                // Nothing to unescape or escape, as in most texts: written as it is.
                f.write_str(text.text)?;
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
