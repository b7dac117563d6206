//! [`ReasonCause`]: the cause of a `Reason` value, typed by its protocol's table, for every
//! protocol of the registry; and [`ReasonCauses`], a protocol's causes.

#[cfg(feature = "preemption")]
use crate::PreemptionCause;
#[cfg(feature = "stir")]
use crate::StirCause;
use crate::response::expect_valid;
#[cfg(feature = "wlan")]
use crate::{DiameterCause, Ikev2Cause};
#[cfg(feature = "nas")]
use crate::{EmmCause, EsmCause, FiveGmmCause, FiveGsmCause};
#[cfg(feature = "ims")]
use crate::{FailureCause, ReleaseCause};
#[cfg(feature = "ran")]
use crate::{NgapMiscCause, NgapNasCause, NgapProtCause, NgapRnlCause, NgapTlCause};
use crate::{Q850, Reason, ReasonProtocol, reason_phrase};
#[cfg(feature = "ran")]
use crate::{S1apMiscCause, S1apNasCause, S1apProtCause, S1apRnlCause, S1apTlCause};

/// The lowest and highest SIP status code: what `SIP;cause=` may carry.
const STATUS_CODES: core::ops::RangeInclusive<u16> = crate::Cause::STATUS_CODES;

/// Whether `code` is a SIP status code.
const fn is_status_code(code: u16) -> bool {
    code >= *STATUS_CODES.start() && code <= *STATUS_CODES.end()
}

/// `ReasonCause`, its methods and its conversions, from one list of the tables (each with its
/// feature): a table added to the list is a variant, a case of every method and a `From`.
macro_rules! reason_cause {
    ($($feature:literal $variant:ident($table:ident): $token:literal;)*) => {
        /// The cause of a `Reason` value, typed by its protocol's table: one call,
        /// [`ReasonCause::from_reason`], for every protocol of the IANA registry
        /// ([`ReasonProtocol`]). Needs the `reason-protocols` feature; each protocol's table
        /// needs its own (`nas`, `ran`, `wlan`, `ims`, `stir`, `preemption`), and where it is
        /// off, or the table has no such number, or the protocol is unregistered, the cause is
        /// [`Other`](ReasonCause::Other): its protocol and its number, as they came.
        ///
        /// Whatever the variant, [`protocol`](Self::protocol) and [`code`](Self::code) give
        /// the protocol and the number, [`name`](Self::name), [`as_str`](Self::as_str),
        /// [`aliases`](Self::aliases) and [`description`](Self::description) the row of its
        /// table, and
        /// [`reason`](Self::reason) the `Reason` value that says it.
        ///
        /// ```
        /// # #[cfg(all(feature = "nas", feature = "ims"))] {
        /// use cause_core::{FiveGmmCause, Reason, ReasonCause, ReasonProtocol, ReleaseCause};
        ///
        /// let header =
        ///     r#"5GMM;cause=7, RELEASE_CAUSE;cause=2;text="RTP/RTCP time-out", X-ACME;cause=5"#;
        /// let causes: Vec<_> = Reason::parse_list(header)
        ///     .map(|r| r.map(|r| ReasonCause::from_reason(&r)))
        ///     .collect::<Result<_, _>>()?;
        /// let not_allowed = FiveGmmCause::FiveGsServicesNotAllowed;
        /// assert_eq!(causes[0], Some(ReasonCause::FiveGmm(not_allowed)));
        /// assert_eq!(causes[1], Some(ReasonCause::ReleaseCause(ReleaseCause::RtpRtcpTimeout)));
        /// assert_eq!(causes[2], Some(ReasonCause::Other(ReasonProtocol::Unregistered, 5)));
        ///
        /// let cause = causes[1].unwrap();
        /// assert_eq!((cause.protocol(), cause.code()), (ReasonProtocol::ReleaseCause, 2));
        /// assert_eq!(cause.as_str(), Some("RTP/RTCP time-out"));
        /// // A number the table does not list keeps its protocol.
        /// let unknown = ReasonCause::new(ReasonProtocol::FiveGmm, 250);
        /// assert_eq!(unknown, ReasonCause::Other(ReasonProtocol::FiveGmm, 250));
        /// # }
        /// # Ok::<(), cause_core::ParseReasonError>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ReasonCause {
            /// `SIP`: a SIP status code, 100 to 699 ([`reason_phrase`] its phrase,
            /// [`Cause::from_reason`](crate::Cause::from_reason) what SIP.js reports for it).
            Sip(u16),
            /// `Q.850`: an ITU-T Q.850 cause.
            Q850(Q850),
            $(
                #[doc = concat!(
                    "`", $token, "`: a [`", stringify!($table), "`] (feature `", $feature, "`)."
                )]
                #[cfg(feature = $feature)]
                $variant($table),
            )*
            /// A number its protocol's table does not list (a SIP code outside 100..=699), a
            /// protocol whose table this build leaves out (its feature is off), or an
            /// unregistered protocol, with the number as it came.
            Other(ReasonProtocol, u16),
        }

        impl ReasonCause {
            /// The cause `code` is in `protocol`'s table; [`Other`](ReasonCause::Other) where
            /// the table has no such number or is not built in.
            #[must_use]
            pub const fn new(protocol: ReasonProtocol, code: u16) -> ReasonCause {
                match protocol {
                    ReasonProtocol::Sip if is_status_code(code) => ReasonCause::Sip(code),
                    ReasonProtocol::Q850 => match Q850::from_code(code) {
                        Some(cause) => ReasonCause::Q850(cause),
                        None => ReasonCause::Other(protocol, code),
                    },
                    $(
                        #[cfg(feature = $feature)]
                        ReasonProtocol::$variant => match $table::from_code(code) {
                            Some(cause) => ReasonCause::$variant(cause),
                            None => ReasonCause::Other(protocol, code),
                        },
                    )*
                    _ => ReasonCause::Other(protocol, code),
                }
            }

            /// The protocol the cause belongs to.
            #[must_use]
            pub const fn protocol(self) -> ReasonProtocol {
                match self {
                    ReasonCause::Sip(_) => ReasonProtocol::Sip,
                    ReasonCause::Q850(_) => ReasonProtocol::Q850,
                    $(
                        #[cfg(feature = $feature)]
                        ReasonCause::$variant(_) => ReasonProtocol::$variant,
                    )*
                    ReasonCause::Other(protocol, _) => protocol,
                }
            }

            /// The number, as `cause=` carries it.
            #[must_use]
            pub const fn code(self) -> u16 {
                match self {
                    ReasonCause::Sip(code) | ReasonCause::Other(_, code) => code,
                    ReasonCause::Q850(cause) => cause.code(),
                    $(
                        #[cfg(feature = $feature)]
                        ReasonCause::$variant(cause) => cause.code(),
                    )*
                }
            }

            /// The cause's constant in its table (`"FIVE_GS_SERVICES_NOT_ALLOWED"`); `None`
            /// for a SIP status code and for [`Other`](ReasonCause::Other).
            #[must_use]
            pub const fn name(self) -> Option<&'static str> {
                match self {
                    ReasonCause::Sip(_) | ReasonCause::Other(..) => None,
                    ReasonCause::Q850(cause) => Some(cause.name()),
                    $(
                        #[cfg(feature = $feature)]
                        ReasonCause::$variant(cause) => Some(cause.name()),
                    )*
                }
            }

            /// The cause's name as its specification writes it, what its table's `Display`
            /// writes (`"5GS services not allowed"`); for a SIP status code, its reason
            /// phrase in the IANA registry; `None` for [`Other`](ReasonCause::Other).
            #[must_use]
            pub const fn as_str(self) -> Option<&'static str> {
                match self {
                    ReasonCause::Sip(code) => reason_phrase(code),
                    ReasonCause::Other(..) => None,
                    ReasonCause::Q850(cause) => Some(cause.as_str()),
                    $(
                        #[cfg(feature = $feature)]
                        ReasonCause::$variant(cause) => Some(cause.as_str()),
                    )*
                }
            }

            /// The cause's other spellings in its table (Wireshark's, where it writes the name
            /// otherwise); none for a SIP status code and for [`Other`](ReasonCause::Other).
            #[must_use]
            pub const fn aliases(self) -> &'static [&'static str] {
                match self {
                    ReasonCause::Sip(_) | ReasonCause::Other(..) => &[],
                    ReasonCause::Q850(cause) => cause.aliases(),
                    $(
                        #[cfg(feature = $feature)]
                        ReasonCause::$variant(cause) => cause.aliases(),
                    )*
                }
            }

            /// What the cause means, in markdown, from its table; `None` for a SIP status code
            /// and for [`Other`](ReasonCause::Other).
            #[must_use]
            pub const fn description(self) -> Option<&'static str> {
                match self {
                    ReasonCause::Sip(_) | ReasonCause::Other(..) => None,
                    ReasonCause::Q850(cause) => Some(cause.description()),
                    $(
                        #[cfg(feature = $feature)]
                        ReasonCause::$variant(cause) => Some(cause.description()),
                    )*
                }
            }
        }

        $(
            #[cfg(feature = $feature)]
            #[doc = concat!("[`ReasonCause::", stringify!($variant), "`].")]
            impl From<$table> for ReasonCause {
                fn from(cause: $table) -> Self {
                    ReasonCause::$variant(cause)
                }
            }
        )*

        impl Iterator for ReasonCauses {
            type Item = ReasonCause;

            fn next(&mut self) -> Option<ReasonCause> {
                let i = self.next;
                self.next += 1;
                match self.protocol {
                    // The status codes the IANA registry names, in order.
                    ReasonProtocol::Sip => loop {
                        let code = usize::from(*STATUS_CODES.start()) + self.skipped;
                        let code = u16::try_from(code).ok().filter(|&c| is_status_code(c))?;
                        self.skipped += 1;
                        if reason_phrase(code).is_some() {
                            return Some(ReasonCause::Sip(code));
                        }
                    },
                    ReasonProtocol::Q850 => Q850::ALL.get(i).map(|&cause| ReasonCause::Q850(cause)),
                    $(
                        #[cfg(feature = $feature)]
                        ReasonProtocol::$variant => {
                            $table::ALL.get(i).map(|&cause| ReasonCause::$variant(cause))
                        }
                    )*
                    _ => None,
                }
            }
        }
    };
}

reason_cause! {
    "preemption" Preemption(PreemptionCause): "Preemption";
    "nas" Emm(EmmCause): "EMM";
    "nas" Esm(EsmCause): "ESM";
    "ran" S1apRnl(S1apRnlCause): "S1AP-RNL";
    "ran" S1apTl(S1apTlCause): "S1AP-TL";
    "ran" S1apNas(S1apNasCause): "S1AP-NAS";
    "ran" S1apMisc(S1apMiscCause): "S1AP-MISC";
    "ran" S1apProt(S1apProtCause): "S1AP-PROT";
    "wlan" Diameter(DiameterCause): "DIAMETER";
    "wlan" Ikev2(Ikev2Cause): "IKEV2";
    "ims" ReleaseCause(ReleaseCause): "RELEASE_CAUSE";
    "ims" FailureCause(FailureCause): "FAILURE_CAUSE";
    "stir" Stir(StirCause): "STIR";
    "nas" FiveGmm(FiveGmmCause): "5GMM";
    "nas" FiveGsm(FiveGsmCause): "5GSM";
    "ran" NgapRnl(NgapRnlCause): "NGAP-RNL";
    "ran" NgapTl(NgapTlCause): "NGAP-TL";
    "ran" NgapNas(NgapNasCause): "NGAP-NAS";
    "ran" NgapMisc(NgapMiscCause): "NGAP-MISC";
    "ran" NgapProt(NgapProtCause): "NGAP-PROT";
}

impl ReasonCause {
    /// The cause of a received `Reason` value, typed by its protocol's table
    /// ([`new`](Self::new) of its [`protocol`](ReasonProtocol::from_reason) and its `cause`);
    /// `None` for a value without a `cause`. Unlike
    /// [`Cause::from_reason`](crate::Cause::from_reason), which says what a SIP.js client
    /// reports, it reads every protocol, and reads `SIP;cause=200` as the status code it is.
    ///
    /// ```
    /// use cause_core::{Q850, Reason, ReasonCause, ReasonProtocol};
    ///
    /// let reason = Reason::parse(r#"Q.850;cause=17;text="USER_BUSY""#)?;
    /// assert_eq!(ReasonCause::from_reason(&reason), Some(ReasonCause::Q850(Q850::UserBusy)));
    /// let reason = Reason::parse("SIP;cause=486")?;
    /// assert_eq!(ReasonCause::from_reason(&reason), Some(ReasonCause::Sip(486)));
    /// assert_eq!(ReasonCause::from_reason(&Reason::parse("X-ACME;text=\"no\"")?), None);
    /// # Ok::<(), cause_core::ParseReasonError>(())
    /// ```
    #[must_use]
    pub const fn from_reason(reason: &Reason<'_>) -> Option<ReasonCause> {
        match reason.code() {
            Some(code) => Some(ReasonCause::new(ReasonProtocol::from_reason(reason), code)),
            None => None,
        }
    }

    /// The `Reason` value that says this cause: `PROTOCOL;cause=N;text="..."`, the text being
    /// what [`as_str`](Self::as_str) gives (RFC 4411 sends the Preemption registry's texts so)
    /// or, for Q.850, the constant, as [`Q850::reason`] and FreeSWITCH write it; no text for
    /// [`Other`](ReasonCause::Other). `None` for an unregistered protocol, which has no token
    /// to write.
    ///
    /// ```
    /// # #[cfg(feature = "preemption")] {
    /// use cause_core::{PreemptionCause, ReasonCause};
    ///
    /// let reason = ReasonCause::from(PreemptionCause::UaPreemption).reason().unwrap();
    /// assert_eq!(reason.to_string(), r#"Preemption;cause=1;text="UA Preemption""#);
    /// # }
    /// ```
    #[must_use]
    pub const fn reason(self) -> Option<Reason<'static>> {
        let protocol = self.protocol();
        if !protocol.is_registered() {
            return None;
        }
        if let ReasonCause::Q850(cause) = self {
            return Some(cause.reason());
        }
        // A table's token and value: no control character in either (a test reads them all).
        Some(expect_valid(Reason::new(
            protocol.as_str(),
            self.code(),
            self.as_str(),
        )))
    }
}

/// The causes of a protocol, in its table's order: what [`ReasonProtocol::causes`] gives.
#[derive(Debug, Clone)]
pub struct ReasonCauses {
    protocol: ReasonProtocol,
    next: usize,
    /// For SIP, how many status codes from 100 on were passed.
    skipped: usize,
}

impl core::iter::FusedIterator for ReasonCauses {}

impl ReasonProtocol {
    /// Every cause of the protocol's table, in order: for SIP the status codes the IANA
    /// registry names, for Q.850 every [`Q850`], for the others their table's rows; none for a
    /// protocol whose table this build leaves out, and none for
    /// [`Unregistered`](ReasonProtocol::Unregistered).
    ///
    /// ```
    /// # #[cfg(feature = "ims")] {
    /// use cause_core::ReasonProtocol;
    ///
    /// let causes = ReasonProtocol::FailureCause.causes();
    /// let texts: Vec<_> = causes.filter_map(|c| c.as_str()).collect();
    /// assert_eq!(texts[0], "Media bearer or QoS lost");
    /// assert_eq!(texts.len(), 3);
    /// # }
    /// ```
    #[must_use]
    pub fn causes(self) -> ReasonCauses {
        ReasonCauses {
            protocol: self,
            next: 0,
            skipped: 0,
        }
    }
}
