//! Between liblinphone's reasons and the browser tables, across the wire: the cause one side
//! reports for the final response the other side sends.

use crate::{Cause, LinphoneReason};

impl LinphoneReason {
    /// What a SIP.js caller reports when a Linphone callee declines its call with this reason:
    /// the SIP.js cause of the reason's [`response`](Self::response). `None` for
    /// [`None`](LinphoneReason::None), which answers 200 OK.
    ///
    /// ```
    /// use cause_core::{Cause, LinphoneReason};
    ///
    /// assert_eq!(LinphoneReason::Busy.sipjs(), Some(Cause::Busy));                     // 486
    /// assert_eq!(LinphoneReason::Declined.sipjs(), Some(Cause::Rejected));             // 603
    /// assert_eq!(LinphoneReason::NotAnswered.sipjs(), Some(Cause::SipFailureCode));    // 400
    /// assert_eq!(LinphoneReason::None.sipjs(), None);                                  // 200
    /// ```
    #[must_use]
    pub const fn sipjs(self) -> Option<Cause> {
        match self.response() {
            Some(code) => Cause::for_failure_response(code),
            None => None,
        }
    }
}

impl Cause {
    /// What a Linphone caller reports when a server ends its call for this cause with the
    /// cause's [`response`](Self::response): the [`LinphoneReason`] of that response. `None`
    /// for a cause without a response, or whose response liblinphone follows or retries
    /// instead of ending the call (401, 407). Needs the `linphone` feature.
    ///
    /// ```
    /// use cause_core::{Cause, LinphoneReason};
    ///
    /// assert_eq!(Cause::Busy.linphone(), Some(LinphoneReason::Busy));                      // 486
    /// assert_eq!(Cause::Unavailable.linphone(), Some(LinphoneReason::TemporarilyUnavailable)); // 480
    /// assert_eq!(Cause::AuthenticationError.linphone(), None);                             // 401
    /// ```
    #[must_use]
    pub const fn linphone(self) -> Option<LinphoneReason> {
        match self.response() {
            Some(code) => LinphoneReason::for_failure_response(code),
            None => None,
        }
    }
}

#[cfg(feature = "jssip")]
mod jssip {
    use crate::{JsSipCause, LinphoneReason};

    impl LinphoneReason {
        /// What a JsSIP caller reports when a Linphone callee declines its call with this
        /// reason: the JsSIP cause of the reason's [`response`](Self::response). Needs the
        /// `jssip` feature too.
        ///
        /// ```
        /// use cause_core::{JsSipCause, LinphoneReason};
        ///
        /// assert_eq!(LinphoneReason::Declined.jssip(), Some(JsSipCause::Rejected));  // 603
        /// assert_eq!(LinphoneReason::None.jssip(), None);                            // 200
        /// ```
        #[must_use]
        pub const fn jssip(self) -> Option<JsSipCause> {
            match self.response() {
                Some(code) => JsSipCause::for_failure_response(code),
                None => None,
            }
        }
    }

    impl JsSipCause {
        /// What a Linphone caller reports when a server ends its call for this cause with
        /// the cause's [`response`](Self::response). Needs the `linphone` feature too.
        ///
        /// ```
        /// use cause_core::{JsSipCause, LinphoneReason};
        ///
        /// assert_eq!(JsSipCause::Busy.linphone(), Some(LinphoneReason::Busy));   // 486
        /// assert_eq!(JsSipCause::ConnectionError.linphone(), None);             // no response
        /// ```
        #[must_use]
        pub const fn linphone(self) -> Option<LinphoneReason> {
            match self.response() {
                Some(code) => LinphoneReason::for_failure_response(code),
                None => None,
            }
        }
    }
}
