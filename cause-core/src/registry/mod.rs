//! The IANA "Reason Protocols" registry: [`ReasonProtocol`], a table for the causes of each
//! protocol (`tables.rs`, each behind the feature of its group), and [`ReasonCause`], the typed
//! cause of any `Reason` value (`cause.rs`).

mod cause;
mod tables;

pub use cause::{ReasonCause, ReasonCauses};
#[cfg(any(
    feature = "preemption",
    feature = "nas",
    feature = "ran",
    feature = "wlan",
    feature = "ims",
    feature = "stir"
))]
#[allow(clippy::wildcard_imports)] // every table of the module, each behind its feature
pub use tables::*;

use crate::Reason;

cause_macros::cause_table! {
    /// A protocol of the IANA "Reason Protocols" registry: what the token before the
    /// parameters of a `Reason` value names (`EMM` in `EMM;cause=9`), and so what its `cause`
    /// numbers mean. The registry's 22 values, and [`Unregistered`](ReasonProtocol::Unregistered)
    /// for any other token. Needs the `reason-protocols` feature, which every feature of a
    /// protocol's table turns on.
    ///
    /// [`ReasonProtocol::from_token`] reads a token as RFC 3326 and RFC 3261 compare one: in any
    /// ASCII case (`preemption` is `Preemption`, `5gmm` is `5GMM`), nothing else forgiven (`Q850`
    /// is unregistered). [`Display`](core::fmt::Display) writes the token as IANA spells it;
    /// each variant's description says what its causes are, where they are defined, and which
    /// type names them. [`ReasonCause::from_reason`] reads a value's cause in its protocol's
    /// table.
    ///
    /// ```
    /// use cause_core::{Reason, ReasonProtocol};
    ///
    /// let reason = Reason::parse("5gmm;cause=7")?;
    /// assert_eq!(ReasonProtocol::from_reason(&reason), ReasonProtocol::FiveGmm);
    /// assert_eq!(ReasonProtocol::FiveGmm.to_string(), "5GMM");
    /// assert_eq!(ReasonProtocol::from_token("X-VENDOR"), ReasonProtocol::Unregistered);
    /// # Ok::<(), cause_core::ParseReasonError>(())
    /// ```
    #[examples(path = "cause_core::ReasonProtocol")]
    #[serde(feature = "serde")]
    pub enum ReasonProtocol in "../../registry/reason-protocols.toml";

    /// The error of parsing a string that is neither the token nor the constant of a
    /// [`ReasonProtocol`].
    pub struct ParseReasonProtocolError;
}

impl ReasonProtocol {
    /// The protocol a `Reason` value's token names, compared as RFC 3261 §7.3.1 compares
    /// tokens: in any ASCII case, and otherwise byte for byte; [`Unregistered`] for a token no
    /// registry value has. (Unlike [`find`](Self::find) and `FromStr`, which read constants and
    /// trim white space, for people rather than for the wire.)
    ///
    /// [`Unregistered`]: ReasonProtocol::Unregistered
    ///
    /// ```
    /// use cause_core::ReasonProtocol;
    ///
    /// assert_eq!(ReasonProtocol::from_token("Q.850"), ReasonProtocol::Q850);
    /// // RFC 4411's own spelling, in lower case.
    /// assert_eq!(ReasonProtocol::from_token("preemption"), ReasonProtocol::Preemption);
    /// assert_eq!(ReasonProtocol::from_token("s1ap-rnl"), ReasonProtocol::S1apRnl);
    /// // The constant is no token.
    /// assert_eq!(ReasonProtocol::from_token("S1AP_RNL"), ReasonProtocol::Unregistered);
    /// assert_eq!(ReasonProtocol::from_token("unregistered"), ReasonProtocol::Unregistered);
    /// ```
    #[must_use]
    pub const fn from_token(token: &str) -> ReasonProtocol {
        let mut i = 0;
        while i < ReasonProtocol::ALL.len() {
            let protocol = ReasonProtocol::ALL[i];
            if protocol.is_registered() && same_token(token, protocol.as_str()) {
                return protocol;
            }
            i += 1;
        }
        ReasonProtocol::Unregistered
    }

    /// The protocol of a `Reason` value: [`from_token`](Self::from_token) of its
    /// [`protocol`](Reason::protocol).
    #[must_use]
    pub const fn from_reason(reason: &Reason<'_>) -> ReasonProtocol {
        ReasonProtocol::from_token(reason.protocol())
    }

    /// Whether this is one of the registry's 22 values, not
    /// [`Unregistered`](ReasonProtocol::Unregistered).
    #[must_use]
    pub const fn is_registered(self) -> bool {
        !matches!(self, ReasonProtocol::Unregistered)
    }
}

/// Whether `token` is `registered` in any ASCII case: RFC 3261's rule for tokens. A loop, not
/// `str::eq_ignore_ascii_case`, which is no `const fn` on the crate's minimum Rust.
const fn same_token(token: &str, registered: &str) -> bool {
    let (a, b) = (token.as_bytes(), registered.as_bytes());
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
