//! Between the two browser tables: SIP.js 0.6's causes and JsSIP 3.13.8's, by constant.

use crate::{Cause, JsSipCause};

/// The JsSIP cause of each SIP.js cause, by position: the constants matched once, at compile
/// time, so that both links are `const` lookups like every other.
const JSSIP_OF: [Option<JsSipCause>; Cause::ALL.len()] = {
    let mut out = [None; Cause::ALL.len()];
    let mut at = 0;
    while at < Cause::ALL.len() {
        out[at] = match_name(Cause::ALL[at].name(), JsSipCause::ALL);
        at += 1;
    }
    out
};

/// The SIP.js cause of each JsSIP cause, by position.
const SIPJS_OF: [Option<Cause>; JsSipCause::ALL.len()] = {
    let mut out = [None; JsSipCause::ALL.len()];
    let mut at = 0;
    while at < JsSipCause::ALL.len() {
        let name = JsSipCause::ALL[at].name();
        let mut each = 0;
        while each < Cause::ALL.len() {
            if same(name, Cause::ALL[each].name()) {
                out[at] = Some(Cause::ALL[each]);
            }
            each += 1;
        }
        at += 1;
    }
    out
};

/// The JsSIP cause whose constant is `name`.
const fn match_name(name: &str, causes: &[JsSipCause]) -> Option<JsSipCause> {
    let mut at = 0;
    while at < causes.len() {
        if same(name, causes[at].name()) {
            return Some(causes[at]);
        }
        at += 1;
    }
    None
}

/// `a == b`, in a `const`.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut at = 0;
    while at < a.len() {
        if a[at] != b[at] {
            return false;
        }
        at += 1;
    }
    true
}

impl Cause {
    /// The JsSIP cause of the same constant; `None` for the causes only SIP.js 0.6 has
    /// (INVALID_TARGET, NO_PRACK, WEBRTC_NOT_SUPPORTED…).
    ///
    /// ```
    /// use cause_core::{Cause, JsSipCause};
    ///
    /// assert_eq!(Cause::Busy.jssip(), Some(JsSipCause::Busy));
    /// assert_eq!(Cause::NoPrack.jssip(), None);
    /// ```
    #[must_use]
    pub const fn jssip(self) -> Option<JsSipCause> {
        // A table without row codes: the discriminant is the position in `ALL`.
        JSSIP_OF[self as usize]
    }
}

impl JsSipCause {
    /// The SIP.js cause of the same constant; `None` for the one cause only JsSIP has,
    /// MISSING_SDP.
    ///
    /// ```
    /// use cause_core::{Cause, JsSipCause};
    ///
    /// assert_eq!(JsSipCause::Bye.sipjs(), Some(Cause::Bye));
    /// assert_eq!(JsSipCause::MissingSdp.sipjs(), None);
    /// ```
    #[must_use]
    pub const fn sipjs(self) -> Option<Cause> {
        SIPJS_OF[self as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_links_match_constants_as_from_name_does() {
        for &cause in Cause::ALL {
            assert_eq!(
                cause.jssip(),
                JsSipCause::from_name(cause.name()),
                "{cause:?}"
            );
        }
        for &cause in JsSipCause::ALL {
            assert_eq!(cause.sipjs(), Cause::from_name(cause.name()), "{cause:?}");
        }
    }
}
