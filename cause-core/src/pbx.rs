//! The PBX tables linked to the others: the Q.850 cause of a FreeSWITCH or Asterisk hangup
//! cause, and the `Reason` value for it.

use crate::{Q850, Reason};

#[cfg(feature = "freeswitch")]
impl crate::FreeSwitchCause {
    /// The Q.850 cause of the same number: every cause from 1 to 127 but `PRE_EMPTED` (45, a
    /// value Q.850 leaves unassigned); `None` for FreeSWITCH's own causes (0, 142, 487, 700 and
    /// up).
    ///
    /// ```
    /// use cause_core::{FreeSwitchCause, Q850};
    ///
    /// assert_eq!(FreeSwitchCause::UserBusy.q850(), Some(Q850::UserBusy));
    /// assert_eq!(FreeSwitchCause::PreEmpted.q850(), None);
    /// assert_eq!(FreeSwitchCause::UserNotRegistered.q850(), None);
    /// ```
    #[must_use]
    pub const fn q850(self) -> Option<Q850> {
        Q850::from_code(self.code())
    }

    /// The `Reason` value FreeSWITCH puts on a `BYE` for this cause,
    /// `Q.850;cause=<code>;text="<name>"`; `None` for its own causes, which no Q.850 cause
    /// value carries.
    ///
    /// ```
    /// use cause_core::FreeSwitchCause;
    ///
    /// let reason = FreeSwitchCause::NormalClearing.reason().unwrap();
    /// assert_eq!(reason.to_string(), r#"Q.850;cause=16;text="NORMAL_CLEARING""#);
    /// assert_eq!(FreeSwitchCause::OriginatorCancel.reason(), None);
    /// ```
    #[must_use]
    pub const fn reason(self) -> Option<Reason<'static>> {
        match self.category() {
            crate::FreeSwitchCategory::Q850 => Some(crate::response::expect_valid(Reason::new(
                "Q.850",
                self.code(),
                Some(self.name()),
            ))),
            _ => None,
        }
    }
}

#[cfg(feature = "asterisk")]
impl crate::AsteriskCause {
    /// The Q.850 cause of the same number; `None` for `NOTDEFINED` (0). Asterisk's
    /// `PRE_EMPTED` is 8, Q.850's preemption.
    ///
    /// ```
    /// use cause_core::{AsteriskCause, Q850};
    ///
    /// assert_eq!(AsteriskCause::UserBusy.q850(), Some(Q850::UserBusy));
    /// assert_eq!(AsteriskCause::Preemption.q850(), Some(Q850::Preemption));
    /// assert_eq!(AsteriskCause::NotDefined.q850(), None);
    /// ```
    #[must_use]
    pub const fn q850(self) -> Option<Q850> {
        Q850::from_code(self.code())
    }

    /// The `Reason` value for this cause, `Q.850;cause=<code>;text="<name>"`, the name as
    /// `causes.h` spells it without `AST_CAUSE_`; `None` for `NOTDEFINED`.
    ///
    /// ```
    /// use cause_core::AsteriskCause;
    ///
    /// let reason = AsteriskCause::UserBusy.reason().unwrap();
    /// assert_eq!(reason.to_string(), r#"Q.850;cause=17;text="USER_BUSY""#);
    /// ```
    #[must_use]
    pub const fn reason(self) -> Option<Reason<'static>> {
        match self.q850() {
            Some(_) => Some(crate::response::expect_valid(Reason::new(
                "Q.850",
                self.code(),
                Some(self.name()),
            ))),
            None => None,
        }
    }
}
