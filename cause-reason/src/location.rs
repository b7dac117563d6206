//! [`Location`], RFC 8606's `location` parameter: in which network a Q.850 cause arose.

use core::fmt;

#[cfg(doc)] // for the docs' links
use crate::Reason;

/// Where a call was released, as RFC 8606 adds it to a Q.850 `Reason` value
/// (`Q.850;cause=34;location=LN`): the location field of the ISUP cause (ITU-T Q.850 §2.2.3),
/// so that a service can tell a busy callee from a congested transit network.
///
/// RFC 8606 defines the parameter for Q.850 values and allows exactly these eight tokens
/// (`isup-location-value`); like every token of an ABNF literal they are read in any ASCII
/// case. [`Reason::location`] reads it, [`Reason::with_location`] writes it.
///
/// ```
/// # use cause_reason as cause_core;
/// use cause_core::{Location, Reason};
///
/// let reason = Reason::parse("Q.850;cause=34;location=TN")?;
/// assert_eq!(reason.location(), Some(Location::Tn));
/// assert_eq!(Location::Tn.code(), 3);
/// assert_eq!(Location::Tn.description(), "transit network");
/// assert_eq!("ln".parse::<Location>(), Ok(Location::Ln));
/// # Ok::<(), cause_core::ParseReasonError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Location {
    /// `U`: the user (Q.850 location 0).
    U,
    /// `LPN`: a private network serving the local user (1).
    Lpn,
    /// `LN`: the public network serving the local user (2).
    Ln,
    /// `TN`: a transit network (3).
    Tn,
    /// `RLN`: the public network serving the remote user (4).
    Rln,
    /// `RPN`: a private network serving the remote user (5).
    Rpn,
    /// `INTL`: an international network (7).
    Intl,
    /// `BI`: a network beyond the interworking point (10).
    Bi,
}

impl Location {
    /// Every location, in the order of their Q.850 codes.
    pub const ALL: &'static [Location] = &[
        Location::U,
        Location::Lpn,
        Location::Ln,
        Location::Tn,
        Location::Rln,
        Location::Rpn,
        Location::Intl,
        Location::Bi,
    ];

    /// The token as RFC 8606 writes it: `"LN"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Location::U => "U",
            Location::Lpn => "LPN",
            Location::Ln => "LN",
            Location::Tn => "TN",
            Location::Rln => "RLN",
            Location::Rpn => "RPN",
            Location::Intl => "INTL",
            Location::Bi => "BI",
        }
    }

    /// The value of the location field of the Q.850 cause (4 bits; 6, 8, 9 and 11 to 15 have
    /// no token).
    #[must_use]
    pub const fn code(self) -> u8 {
        match self {
            Location::U => 0,
            Location::Lpn => 1,
            Location::Ln => 2,
            Location::Tn => 3,
            Location::Rln => 4,
            Location::Rpn => 5,
            Location::Intl => 7,
            Location::Bi => 10,
        }
    }

    /// What the location is, as Q.850 names it: `"public network serving the local user"`.
    #[must_use]
    pub const fn description(self) -> &'static str {
        match self {
            Location::U => "user",
            Location::Lpn => "private network serving the local user",
            Location::Ln => "public network serving the local user",
            Location::Tn => "transit network",
            Location::Rln => "public network serving the remote user",
            Location::Rpn => "private network serving the remote user",
            Location::Intl => "international network",
            Location::Bi => "network beyond interworking point",
        }
    }

    /// The location whose token `token` is, in any ASCII case; `None` for any other text.
    #[must_use]
    pub const fn from_token(token: &str) -> Option<Location> {
        let mut i = 0;
        while i < Location::ALL.len() {
            let location = Location::ALL[i];
            if eq_ignore_ascii_case(token.as_bytes(), location.as_str().as_bytes()) {
                return Some(location);
            }
            i += 1;
        }
        None
    }

    /// The location of a Q.850 location field value; `None` for a value without a token.
    #[must_use]
    pub const fn from_code(code: u8) -> Option<Location> {
        let mut i = 0;
        while i < Location::ALL.len() {
            if Location::ALL[i].code() == code {
                return Some(Location::ALL[i]);
            }
            i += 1;
        }
        None
    }

    /// The parameter as [`Reason::with_location`] writes it after the value's own.
    pub(crate) const fn param(self) -> &'static str {
        match self {
            Location::U => ";location=U",
            Location::Lpn => ";location=LPN",
            Location::Ln => ";location=LN",
            Location::Tn => ";location=TN",
            Location::Rln => ";location=RLN",
            Location::Rpn => ";location=RPN",
            Location::Intl => ";location=INTL",
            Location::Bi => ";location=BI",
        }
    }
}

/// Whether `a` and `b` are the same text in any ASCII case (a `const fn`, which
/// `str::eq_ignore_ascii_case` is not on the library's minimum Rust).
const fn eq_ignore_ascii_case(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if !a[i].eq_ignore_ascii_case(&b[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// The token, `LN`.
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of reading a text that is none of RFC 8606's eight location tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseLocationError;

impl fmt::Display for ParseLocationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an RFC 8606 location: expected U, LPN, LN, TN, RLN, RPN, INTL or BI")
    }
}

impl core::error::Error for ParseLocationError {}

/// The token in any ASCII case ([`Location::from_token`]).
impl core::str::FromStr for Location {
    type Err = ParseLocationError;

    fn from_str(token: &str) -> Result<Self, Self::Err> {
        Location::from_token(token).ok_or(ParseLocationError)
    }
}
