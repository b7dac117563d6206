//! The links between the tables as `TryFrom` conversions, each the link method of the type it
//! starts from (`Cause::q850`, `Q850::sipjs`, `FreeSwitchCause::q850`, ...), all written by one
//! rule: a value without a counterpart is an error that names it. No link between two tables is
//! total (a Q.850 cause FreeSWITCH lacks, a SIP.js cause JsSIP lacks), so there is no `From`.

use core::fmt;

#[cfg(feature = "asterisk")]
use crate::AsteriskCause;
#[cfg(feature = "freeswitch")]
use crate::FreeSwitchCause;
#[cfg(feature = "jssip")]
use crate::JsSipCause;
#[cfg(feature = "linphone")]
use crate::LinphoneReason;
use crate::{Cause, Q850};

/// The error of converting a cause to a table where it has no counterpart: it names the cause
/// and the table.
///
/// ```
/// use cause_core::{Cause, Q850};
///
/// let error = Q850::try_from(Cause::Canceled).unwrap_err();
/// assert_eq!(error.value(), Cause::Canceled);
/// assert_eq!(error.to_string(), "the Cause `Canceled` has no Q850 counterpart");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NoCounterpartError<T> {
    value: T,
    from: &'static str,
    to: &'static str,
}

impl<T: Copy> NoCounterpartError<T> {
    /// The cause that has no counterpart.
    #[must_use]
    pub fn value(&self) -> T {
        self.value
    }

    /// The name of the type it was converted to (`"Q850"`).
    #[must_use]
    pub fn target(&self) -> &'static str {
        self.to
    }
}

impl<T: fmt::Display> fmt::Display for NoCounterpartError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the {} `{}` has no {} counterpart",
            self.from, self.value, self.to
        )
    }
}

impl<T: fmt::Debug + fmt::Display> core::error::Error for NoCounterpartError<T> {}

/// `TryFrom<$from> for $to` through `$link`, a `const fn($from) -> Option<$to>`.
macro_rules! link {
    ($from:ident => $to:ident, $link:expr, $doc:literal) => {
        #[doc = $doc]
        impl TryFrom<$from> for $to {
            type Error = NoCounterpartError<$from>;

            fn try_from(value: $from) -> Result<Self, Self::Error> {
                let link: fn($from) -> Option<$to> = $link;
                link(value).ok_or(NoCounterpartError {
                    value,
                    from: stringify!($from),
                    to: stringify!($to),
                })
            }
        }
    };
}

link!(Cause => Q850, Cause::q850, " [`Cause::q850`]: the Q.850 cause of the cause's response, as RFC 3398 maps it.");
link!(Q850 => Cause, Q850::sipjs, " [`Q850::sipjs`]: the SIP.js cause of the response RFC 3398 gives the Q.850 cause.");

#[cfg(feature = "jssip")]
link!(Cause => JsSipCause, Cause::jssip, " [`Cause::jssip`]: the JsSIP cause of the same meaning.");
#[cfg(feature = "jssip")]
link!(JsSipCause => Cause, JsSipCause::sipjs, " [`JsSipCause::sipjs`]: the SIP.js cause of the same meaning.");

#[cfg(feature = "freeswitch")]
link!(FreeSwitchCause => Q850, FreeSwitchCause::q850, " [`FreeSwitchCause::q850`]: the Q.850 cause of the same number.");
#[cfg(feature = "freeswitch")]
link!(Q850 => FreeSwitchCause, |q850| FreeSwitchCause::from_code(q850.code()), " The FreeSWITCH cause of the same number, where FreeSWITCH has one (not 8: its `PRE_EMPTED` is 45).");

#[cfg(feature = "asterisk")]
link!(AsteriskCause => Q850, AsteriskCause::q850, " [`AsteriskCause::q850`]: the Q.850 cause of the same number.");
#[cfg(feature = "asterisk")]
link!(Q850 => AsteriskCause, |q850| AsteriskCause::from_code(q850.code()), " The Asterisk cause of the same number, where `causes.h` has one.");

#[cfg(feature = "linphone")]
link!(LinphoneReason => Cause, LinphoneReason::sipjs, " [`LinphoneReason::sipjs`]: what a SIP.js caller reports when a Linphone callee declines with the reason.");
#[cfg(feature = "linphone")]
link!(Cause => LinphoneReason, Cause::linphone, " [`Cause::linphone`]: what a Linphone caller reports for the cause's response.");
#[cfg(all(feature = "linphone", feature = "jssip"))]
link!(LinphoneReason => JsSipCause, LinphoneReason::jssip, " [`LinphoneReason::jssip`]: what a JsSIP caller reports when a Linphone callee declines with the reason.");
#[cfg(all(feature = "linphone", feature = "jssip"))]
link!(JsSipCause => LinphoneReason, JsSipCause::linphone, " [`JsSipCause::linphone`]: what a Linphone caller reports for the cause's response.");
