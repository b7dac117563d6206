//! Between the two browser tables: SIP.js 0.6's causes and JsSIP 3.13.8's, by constant.

use crate::{Cause, JsSipCause};

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
    pub fn jssip(self) -> Option<JsSipCause> {
        JsSipCause::from_name(self.name())
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
    pub fn sipjs(self) -> Option<Cause> {
        Cause::from_name(self.name())
    }
}
