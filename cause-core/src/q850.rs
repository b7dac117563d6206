//! Between the two tables: a SIP cause and the Q.850 cause a gateway would send for it, and
//! back, through the SIP responses of RFC 3398.

use crate::{Cause, Q850, Reason};

impl Cause {
    /// The Q.850 cause a gateway sends for this cause: [`Bye`](Cause::Bye) is normal call
    /// clearing (16); any other cause, the Q.850 cause RFC 3398 §8.2.6.1 gives for its
    /// [`response`](Self::response). `None` for a cause without a response, or whose response
    /// RFC 3398 lists no cause for (302, 487, 488: it sends them all to its default,
    /// [`Q850::FALLBACK`], which says nothing of this cause).
    ///
    /// ```
    /// use cause_core::{Cause, Q850};
    ///
    /// assert_eq!(Cause::Busy.q850(), Some(Q850::UserBusy));            // 486 -> 17
    /// assert_eq!(Cause::Bye.q850(), Some(Q850::NormalClearing));       // 16
    /// assert_eq!(Cause::NoAnswer.q850(), Some(Q850::RecoveryOnTimerExpiry)); // 408 -> 102
    /// assert_eq!(Cause::Canceled.q850(), None);                        // 487
    /// ```
    #[must_use]
    pub const fn q850(self) -> Option<Q850> {
        if let Cause::Bye = self {
            return Some(Q850::NormalClearing);
        }
        match self.response() {
            Some(code) => Q850::from_status_code(code),
            None => None,
        }
    }
}

impl Q850 {
    /// The SIP.js cause this Q.850 cause means (named, like every link, for the table it
    /// returns: SIP.js's [`Cause`]): normal call clearing (16) is [`Bye`](Cause::Bye); any
    /// other cause, the SIP.js cause of the response RFC 3398 §7.2.4.1 gives for it
    /// ([`Cause::for_failure_response`]). `None` for a cause without a response.
    ///
    /// ```
    /// use cause_core::{Cause, Q850};
    ///
    /// assert_eq!(Q850::UserBusy.sipjs(), Some(Cause::Busy));                 // 17 -> 486
    /// assert_eq!(Q850::NormalClearing.sipjs(), Some(Cause::Bye));            // 16
    /// assert_eq!(Q850::UnallocatedNumber.sipjs(), Some(Cause::NotFound));    // 1 -> 404
    /// assert_eq!(Q850::ResponseToStatusEnquiry.sipjs(), None);
    /// ```
    #[must_use]
    pub const fn sipjs(self) -> Option<Cause> {
        if let Q850::NormalClearing = self {
            return Some(Cause::Bye);
        }
        match self.response() {
            Some(code) => Cause::for_failure_response(code),
            None => None,
        }
    }
}

impl Q850 {
    /// The `Reason` value for this cause, `Q.850;cause=17;text="USER_BUSY"`: the text is the
    /// cause's [`name`](Self::name), as FreeSWITCH writes it on the `BYE`s it sends (the ITU
    /// name, [`as_str`](Self::as_str), reads better but no peer sends it).
    ///
    /// ```
    /// use cause_core::{Cause, Q850};
    ///
    /// let reason = Q850::UserBusy.reason();
    /// assert_eq!(reason.to_string(), r#"Q.850;cause=17;text="USER_BUSY""#);
    /// assert_eq!(Cause::from_reason(&reason), Some(Cause::Busy));
    /// ```
    #[must_use]
    pub const fn reason(self) -> Reason<'static> {
        // A constant is SCREAMING_SNAKE_CASE (the generator checks it): a valid text.
        crate::response::expect_valid(Reason::new("Q.850", self.code(), Some(self.name())))
    }
}
