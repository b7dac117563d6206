//! A table for the causes of each protocol of the Reason registry but SIP and Q.850 (which
//! `Cause` and `Q850` are), each generated from its TOML file in `registry/`, each behind the
//! feature of the group users pick it with: `preemption`, `nas` (EMM, ESM, 5GMM, 5GSM), `ran`
//! (S1AP-* and NGAP-*), `wlan` (DIAMETER, IKEV2), `ims` (RELEASE_CAUSE, FAILURE_CAUSE), `stir`.
//! Every one has the same shape: a row's `code` is the number `cause=` carries (the
//! discriminant), `Display` the name its specification gives, and Wireshark's spelling, where
//! it differs, an alias.

#[cfg(feature = "preemption")]
cause_macros::cause_table! {
    /// Why a session was preempted, ended to free its resources for one of higher priority: a cause
    /// of IANA's Preemption Namespace registry (RFC 4411), as `Reason: Preemption;cause=N` carries
    /// it. Needs the `preemption` feature.
    ///
    /// [`PreemptionCause::code`] is the number, [`PreemptionCause::from_code`] the cause of one;
    /// [`ReasonCause::Preemption`](crate::ReasonCause::Preemption) holds it in the cause of a
    /// `Reason` value ([`ReasonCause::from_reason`](crate::ReasonCause::from_reason)).
    #[examples(path = "cause_core::PreemptionCause")]
    #[serde(feature = "serde")]
    pub enum PreemptionCause in "../../registry/preemption.toml";

    /// The error of parsing a string that is no [`PreemptionCause`]'s name, alias or number.
    pub struct ParsePreemptionCauseError;
}

#[cfg(feature = "nas")]
cause_macros::cause_table! {
    /// Why the LTE core network (the MME) refused or ended a UE's access: an EPS mobility
    /// management cause value of 3GPP TS 24.301 (§9.9.3.9, V16.7.0), as `Reason: EMM;cause=N`
    /// carries it. Needs the `nas` feature.
    ///
    /// [`EmmCause::code`] is the number, [`EmmCause::from_code`] the cause of one;
    /// [`ReasonCause::Emm`](crate::ReasonCause::Emm) holds it in the cause of a `Reason` value
    /// ([`ReasonCause::from_reason`](crate::ReasonCause::from_reason)).
    #[examples(path = "cause_core::EmmCause")]
    #[serde(feature = "serde")]
    pub enum EmmCause in "../../registry/emm.toml";

    /// The error of parsing a string that is no [`EmmCause`]'s name, alias or number.
    pub struct ParseEmmCauseError;
}

#[cfg(feature = "nas")]
cause_macros::cause_table! {
    /// Why a PDN connection or EPS bearer, such as the one carrying a call's voice, was refused or
    /// released: an EPS session management cause value of 3GPP TS 24.301 (§9.9.4.4, V16.7.0), as
    /// `Reason: ESM;cause=N` carries it. Needs the `nas` feature.
    ///
    /// [`EsmCause::code`] is the number, [`EsmCause::from_code`] the cause of one;
    /// [`ReasonCause::Esm`](crate::ReasonCause::Esm) holds it in the cause of a `Reason` value
    /// ([`ReasonCause::from_reason`](crate::ReasonCause::from_reason)).
    #[examples(path = "cause_core::EsmCause")]
    #[serde(feature = "serde")]
    pub enum EsmCause in "../../registry/esm.toml";

    /// The error of parsing a string that is no [`EsmCause`]'s name, alias or number.
    pub struct ParseEsmCauseError;
}

#[cfg(feature = "ran")]
cause_macros::cause_table! {
    /// Why an eNB or MME released or refused a UE's context or bearer, in the radio network layer:
    /// an S1AP `CauseRadioNetwork` of 3GPP TS 36.413 (§9.2.1.3, V17.1.0), numbered by its index in
    /// the enumeration, as `Reason: S1AP-RNL;cause=N` carries it. Needs the `ran` feature.
    ///
    /// [`S1apRnlCause::code`] is the number, [`S1apRnlCause::from_code`] the cause of one;
    /// [`ReasonCause::S1apRnl`](crate::ReasonCause::S1apRnl) holds it in the cause of a `Reason`
    /// value ([`ReasonCause::from_reason`](crate::ReasonCause::from_reason)).
    #[examples(path = "cause_core::S1apRnlCause")]
    #[serde(feature = "serde")]
    pub enum S1apRnlCause in "../../registry/s1ap-rnl.toml";

    /// The error of parsing a string that is no [`S1apRnlCause`]'s name, alias or number.
    pub struct ParseS1apRnlCauseError;
}

#[cfg(feature = "ran")]
cause_macros::cause_table! {
    /// An S1AP transport layer cause, `CauseTransport` of 3GPP TS 36.413 (§9.2.1.3, V17.1.0),
    /// numbered by its index, as `Reason: S1AP-TL;cause=N` carries it. Needs the `ran` feature.
    ///
    /// [`S1apTlCause::code`] is the number, [`S1apTlCause::from_code`] the cause of one;
    /// [`ReasonCause::S1apTl`](crate::ReasonCause::S1apTl) holds it in the cause of a `Reason`
    /// value ([`ReasonCause::from_reason`](crate::ReasonCause::from_reason)).
    #[examples(path = "cause_core::S1apTlCause")]
    #[serde(feature = "serde")]
    pub enum S1apTlCause in "../../registry/s1ap-tl.toml";

    /// The error of parsing a string that is no [`S1apTlCause`]'s name, alias or number.
    pub struct ParseS1apTlCauseError;
}

#[cfg(feature = "ran")]
cause_macros::cause_table! {
    /// An S1AP non-access stratum cause, `CauseNas` of 3GPP TS 36.413 (§9.2.1.3, V17.1.0), numbered
    /// by its index, as `Reason: S1AP-NAS;cause=N` carries it. Needs the `ran` feature.
    ///
    /// [`S1apNasCause::code`] is the number, [`S1apNasCause::from_code`] the cause of one;
    /// [`ReasonCause::S1apNas`](crate::ReasonCause::S1apNas) holds it in the cause of a `Reason`
    /// value ([`ReasonCause::from_reason`](crate::ReasonCause::from_reason)).
    #[examples(path = "cause_core::S1apNasCause")]
    #[serde(feature = "serde")]
    pub enum S1apNasCause in "../../registry/s1ap-nas.toml";

    /// The error of parsing a string that is no [`S1apNasCause`]'s name, alias or number.
    pub struct ParseS1apNasCauseError;
}

#[cfg(feature = "ran")]
cause_macros::cause_table! {
    /// An S1AP miscellaneous cause, `CauseMisc` of 3GPP TS 36.413 (§9.2.1.3, V17.1.0), numbered by
    /// its index, as `Reason: S1AP-MISC;cause=N` carries it. Needs the `ran` feature.
    ///
    /// [`S1apMiscCause::code`] is the number, [`S1apMiscCause::from_code`] the cause of one;
    /// [`ReasonCause::S1apMisc`](crate::ReasonCause::S1apMisc) holds it in the cause of a `Reason`
    /// value ([`ReasonCause::from_reason`](crate::ReasonCause::from_reason)).
    #[examples(path = "cause_core::S1apMiscCause")]
    #[serde(feature = "serde")]
    pub enum S1apMiscCause in "../../registry/s1ap-misc.toml";

    /// The error of parsing a string that is no [`S1apMiscCause`]'s name, alias or number.
    pub struct ParseS1apMiscCauseError;
}

#[cfg(feature = "ran")]
cause_macros::cause_table! {
    /// An S1AP protocol cause, `CauseProtocol` of 3GPP TS 36.413 (§9.2.1.3, V17.1.0), numbered by
    /// its index, as `Reason: S1AP-PROT;cause=N` carries it. Needs the `ran` feature.
    ///
    /// [`S1apProtCause::code`] is the number, [`S1apProtCause::from_code`] the cause of one;
    /// [`ReasonCause::S1apProt`](crate::ReasonCause::S1apProt) holds it in the cause of a `Reason`
    /// value ([`ReasonCause::from_reason`](crate::ReasonCause::from_reason)).
    #[examples(path = "cause_core::S1apProtCause")]
    #[serde(feature = "serde")]
    pub enum S1apProtCause in "../../registry/s1ap-prot.toml";

    /// The error of parsing a string that is no [`S1apProtCause`]'s name, alias or number.
    pub struct ParseS1apProtCauseError;
}

#[cfg(feature = "wlan")]
cause_macros::cause_table! {
    /// Why the session of a UE on trusted WLAN access ended: a Diameter Termination-Cause value
    /// (RFC 6733 §8.15, and RADIUS's causes plus 10 as RFC 7155 carries them), the Diameter cause
    /// of GTPv2's RAN/NAS Cause (3GPP TS 29.274 §8.103), as `Reason: DIAMETER;cause=N` carries it.
    /// Not a Result-Code: `registry/diameter.toml` says why. Needs the `wlan` feature.
    ///
    /// [`DiameterCause::code`] is the number, [`DiameterCause::from_code`] the cause of one;
    /// [`ReasonCause::Diameter`](crate::ReasonCause::Diameter) holds it in the cause of a `Reason`
    /// value ([`ReasonCause::from_reason`](crate::ReasonCause::from_reason)).
    #[examples(path = "cause_core::DiameterCause")]
    #[serde(feature = "serde")]
    pub enum DiameterCause in "../../registry/diameter.toml";

    /// The error of parsing a string that is no [`DiameterCause`]'s name, alias or number.
    pub struct ParseDiameterCauseError;
}

#[cfg(feature = "wlan")]
cause_macros::cause_table! {
    /// Why the ePDG's IPsec tunnel with a UE on untrusted Wi-Fi failed: an IKEv2 Notify error type
    /// (RFC 7296 §3.10.1), the IKEv2 cause of GTPv2's RAN/NAS Cause (3GPP TS 29.274 §8.103), as
    /// `Reason: IKEV2;cause=N` carries it. Needs the `wlan` feature.
    ///
    /// [`Ikev2Cause::code`] is the number, [`Ikev2Cause::from_code`] the cause of one;
    /// [`ReasonCause::Ikev2`](crate::ReasonCause::Ikev2) holds it in the cause of a `Reason` value
    /// ([`ReasonCause::from_reason`](crate::ReasonCause::from_reason)).
    #[examples(path = "cause_core::Ikev2Cause")]
    #[serde(feature = "serde")]
    pub enum Ikev2Cause in "../../registry/ikev2.toml";

    /// The error of parsing a string that is no [`Ikev2Cause`]'s name, alias or number.
    pub struct ParseIkev2CauseError;
}

#[cfg(feature = "ims")]
cause_macros::cause_table! {
    /// Why an IMS session was released, as 3GPP TS 24.229 §7.2A.18 numbers it for `Reason:
    /// RELEASE_CAUSE;cause=N`: a hang-up, a media time-out, a lost bearer, a SIP time-out. Needs
    /// the `ims` feature.
    ///
    /// [`ReleaseCause::code`] is the number, [`ReleaseCause::from_code`] the cause of one;
    /// [`ReasonCause::ReleaseCause`](crate::ReasonCause::ReleaseCause) holds it in the cause of a
    /// `Reason` value ([`ReasonCause::from_reason`](crate::ReasonCause::from_reason)).
    #[examples(path = "cause_core::ReleaseCause")]
    #[serde(feature = "serde")]
    pub enum ReleaseCause in "../../registry/release-cause.toml";

    /// The error of parsing a string that is no [`ReleaseCause`]'s name, alias or number.
    pub struct ParseReleaseCauseError;
}

#[cfg(feature = "ims")]
cause_macros::cause_table! {
    /// The access-network failure behind a failed or ended IMS session, as 3GPP TS 24.229 §7.2A.18
    /// numbers it for `Reason: FAILURE_CAUSE;cause=N`. Needs the `ims` feature.
    ///
    /// [`FailureCause::code`] is the number, [`FailureCause::from_code`] the cause of one;
    /// [`ReasonCause::FailureCause`](crate::ReasonCause::FailureCause) holds it in the cause of a
    /// `Reason` value ([`ReasonCause::from_reason`](crate::ReasonCause::from_reason)).
    #[examples(path = "cause_core::FailureCause")]
    #[serde(feature = "serde")]
    pub enum FailureCause in "../../registry/failure-cause.toml";

    /// The error of parsing a string that is no [`FailureCause`]'s name, alias or number.
    pub struct ParseFailureCauseError;
}

#[cfg(feature = "stir")]
cause_macros::cause_table! {
    /// Why the caller's identity (RFC 8224's `Identity` header field) could not be verified: a SIP
    /// status code with its RFC 8224 phrase, as `Reason: STIR;cause=N` reports it for a call let
    /// through anyway. Needs the `stir` feature.
    ///
    /// [`StirCause::code`] is the number, [`StirCause::from_code`] the cause of one;
    /// [`ReasonCause::Stir`](crate::ReasonCause::Stir) holds it in the cause of a `Reason` value
    /// ([`ReasonCause::from_reason`](crate::ReasonCause::from_reason)).
    #[examples(path = "cause_core::StirCause")]
    #[serde(feature = "serde")]
    pub enum StirCause in "../../registry/stir.toml";

    /// The error of parsing a string that is no [`StirCause`]'s name, alias or number.
    pub struct ParseStirCauseError;
}

#[cfg(feature = "nas")]
cause_macros::cause_table! {
    /// Why the 5G core network (the AMF) refused or ended a UE's registration or service: a 5GS
    /// mobility management cause value of 3GPP TS 24.501 (§9.11.3.2, 16.8.0), as `Reason:
    /// 5GMM;cause=N` carries it. Needs the `nas` feature.
    ///
    /// [`FiveGmmCause::code`] is the number, [`FiveGmmCause::from_code`] the cause of one;
    /// [`ReasonCause::FiveGmm`](crate::ReasonCause::FiveGmm) holds it in the cause of a `Reason`
    /// value ([`ReasonCause::from_reason`](crate::ReasonCause::from_reason)).
    #[examples(path = "cause_core::FiveGmmCause")]
    #[serde(feature = "serde")]
    pub enum FiveGmmCause in "../../registry/5gmm.toml";

    /// The error of parsing a string that is no [`FiveGmmCause`]'s name, alias or number.
    pub struct ParseFiveGmmCauseError;
}

#[cfg(feature = "nas")]
cause_macros::cause_table! {
    /// Why a PDU session or QoS flow, such as the one carrying a call's voice, was refused or
    /// released: a 5GS session management cause value of 3GPP TS 24.501 (§9.11.4.2, 16.8.0), as
    /// `Reason: 5GSM;cause=N` carries it. Needs the `nas` feature.
    ///
    /// [`FiveGsmCause::code`] is the number, [`FiveGsmCause::from_code`] the cause of one;
    /// [`ReasonCause::FiveGsm`](crate::ReasonCause::FiveGsm) holds it in the cause of a `Reason`
    /// value ([`ReasonCause::from_reason`](crate::ReasonCause::from_reason)).
    #[examples(path = "cause_core::FiveGsmCause")]
    #[serde(feature = "serde")]
    pub enum FiveGsmCause in "../../registry/5gsm.toml";

    /// The error of parsing a string that is no [`FiveGsmCause`]'s name, alias or number.
    pub struct ParseFiveGsmCauseError;
}

#[cfg(feature = "ran")]
cause_macros::cause_table! {
    /// Why an NG-RAN node or AMF released or refused a UE's context, PDU session or QoS flow, in
    /// the radio network layer: an NGAP `CauseRadioNetwork` of 3GPP TS 38.413 (§9.3.1.2, V17.1.1),
    /// numbered by its index in the enumeration, as `Reason: NGAP-RNL;cause=N` carries it. Needs
    /// the `ran` feature.
    ///
    /// [`NgapRnlCause::code`] is the number, [`NgapRnlCause::from_code`] the cause of one;
    /// [`ReasonCause::NgapRnl`](crate::ReasonCause::NgapRnl) holds it in the cause of a `Reason`
    /// value ([`ReasonCause::from_reason`](crate::ReasonCause::from_reason)).
    #[examples(path = "cause_core::NgapRnlCause")]
    #[serde(feature = "serde")]
    pub enum NgapRnlCause in "../../registry/ngap-rnl.toml";

    /// The error of parsing a string that is no [`NgapRnlCause`]'s name, alias or number.
    pub struct ParseNgapRnlCauseError;
}

#[cfg(feature = "ran")]
cause_macros::cause_table! {
    /// An NGAP transport layer cause, `CauseTransport` of 3GPP TS 38.413 (§9.3.1.2, V17.1.1),
    /// numbered by its index, as `Reason: NGAP-TL;cause=N` carries it. Needs the `ran` feature.
    ///
    /// [`NgapTlCause::code`] is the number, [`NgapTlCause::from_code`] the cause of one;
    /// [`ReasonCause::NgapTl`](crate::ReasonCause::NgapTl) holds it in the cause of a `Reason`
    /// value ([`ReasonCause::from_reason`](crate::ReasonCause::from_reason)).
    #[examples(path = "cause_core::NgapTlCause")]
    #[serde(feature = "serde")]
    pub enum NgapTlCause in "../../registry/ngap-tl.toml";

    /// The error of parsing a string that is no [`NgapTlCause`]'s name, alias or number.
    pub struct ParseNgapTlCauseError;
}

#[cfg(feature = "ran")]
cause_macros::cause_table! {
    /// An NGAP non-access stratum cause, `CauseNas` of 3GPP TS 38.413 (§9.3.1.2, V17.1.1), numbered
    /// by its index, as `Reason: NGAP-NAS;cause=N` carries it. Needs the `ran` feature.
    ///
    /// [`NgapNasCause::code`] is the number, [`NgapNasCause::from_code`] the cause of one;
    /// [`ReasonCause::NgapNas`](crate::ReasonCause::NgapNas) holds it in the cause of a `Reason`
    /// value ([`ReasonCause::from_reason`](crate::ReasonCause::from_reason)).
    #[examples(path = "cause_core::NgapNasCause")]
    #[serde(feature = "serde")]
    pub enum NgapNasCause in "../../registry/ngap-nas.toml";

    /// The error of parsing a string that is no [`NgapNasCause`]'s name, alias or number.
    pub struct ParseNgapNasCauseError;
}

#[cfg(feature = "ran")]
cause_macros::cause_table! {
    /// An NGAP miscellaneous cause, `CauseMisc` of 3GPP TS 38.413 (§9.3.1.2, V17.1.1), numbered by
    /// its index, as `Reason: NGAP-MISC;cause=N` carries it. Needs the `ran` feature.
    ///
    /// [`NgapMiscCause::code`] is the number, [`NgapMiscCause::from_code`] the cause of one;
    /// [`ReasonCause::NgapMisc`](crate::ReasonCause::NgapMisc) holds it in the cause of a `Reason`
    /// value ([`ReasonCause::from_reason`](crate::ReasonCause::from_reason)).
    #[examples(path = "cause_core::NgapMiscCause")]
    #[serde(feature = "serde")]
    pub enum NgapMiscCause in "../../registry/ngap-misc.toml";

    /// The error of parsing a string that is no [`NgapMiscCause`]'s name, alias or number.
    pub struct ParseNgapMiscCauseError;
}

#[cfg(feature = "ran")]
cause_macros::cause_table! {
    /// An NGAP protocol cause, `CauseProtocol` of 3GPP TS 38.413 (§9.3.1.2, V17.1.1), numbered by
    /// its index, as `Reason: NGAP-PROT;cause=N` carries it. Needs the `ran` feature.
    ///
    /// [`NgapProtCause::code`] is the number, [`NgapProtCause::from_code`] the cause of one;
    /// [`ReasonCause::NgapProt`](crate::ReasonCause::NgapProt) holds it in the cause of a `Reason`
    /// value ([`ReasonCause::from_reason`](crate::ReasonCause::from_reason)).
    #[examples(path = "cause_core::NgapProtCause")]
    #[serde(feature = "serde")]
    pub enum NgapProtCause in "../../registry/ngap-prot.toml";

    /// The error of parsing a string that is no [`NgapProtCause`]'s name, alias or number.
    pub struct ParseNgapProtCauseError;
}
