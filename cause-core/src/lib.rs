//! Why a SIP request or session ended, as typed, documented, `const` tables that allocate
//! nothing: the failure and end causes SIP.js ([`Cause`]) and JsSIP ([`JsSipCause`]) report,
//! liblinphone's call end reasons ([`LinphoneReason`]), ITU-T Q.850's causes ([`Q850`]),
//! FreeSWITCH's and Asterisk's hangup causes ([`FreeSwitchCause`], [`AsteriskCause`]), the
//! `Reason` header of RFC 3326 ([`Reason`]) with every protocol of its IANA registry and the
//! causes of each ([`ReasonProtocol`], [`ReasonCause`]), and what a gateway sends on each leg
//! ([`Gateway`]). The crate is `no_std`.
//!
//! # Where to start
//!
//! - **A server or user agent facing browsers or softphones**: [`Cause`] is what a SIP.js
//!   client reports when its request ends with a final response
//!   ([`Cause::for_failure_response`]), and what to send to make it report a cause
//!   ([`Cause::response`], with [`Cause::reason`] for the `Reason` header); [`JsSipCause`] and
//!   [`LinphoneReason`] are the same for JsSIP and Linphone. See [On the wire](#on-the-wire).
//! - **A gateway** between browsers and a trunk or PBX: [`Gateway`] says what RFC 3398,
//!   Asterisk or FreeSWITCH sends on each leg when a call fails, is cancelled or is hung up.
//!   See [Gateways](#gateways).
//! - **Reading a PBX's logs**: [`FreeSwitchCause`] and [`AsteriskCause`] read a cause as the
//!   PBX writes it (its name, its C name, its number, Asterisk's text),
//!   [`Gateway::for_failure_response`] is what the PBX records for a response, and [`Q850`] the
//!   PSTN cause behind both. See [Q.850 and the PBXs](#q850-and-the-pbxs).
//! - **Reading a `Reason` from a mobile or IMS network** (`EMM;cause=9`, `5GSM;cause=27`,
//!   `RELEASE_CAUSE;cause=2`): [`ReasonCause::from_reason`] types the cause of any protocol of
//!   the IANA registry, with the features of its tables. See [The Reason
//!   registry](#the-reason-registry).
//! - **A table of your own**: every type here is generated at compile time from a TOML table
//!   by `cause-macros`, which takes yours too. See [Your own table](#your-own-table).
//!
//! ```
//! use cause_core::{Category, Cause, reason_phrase};
//!
//! // A final response to an INVITE arrived: why did the call fail?
//! let cause = Cause::for_failure_response(486).unwrap();
//! assert_eq!(cause, Cause::Busy);
//! assert_eq!(cause.to_string(), "Busy");
//! assert_eq!(cause.category(), Category::SipError);
//! assert_eq!(reason_phrase(486), Some("Busy Here"));
//!
//! // A failure code that no cause lists falls back to SIP_FAILURE_CODE, as in SIP.js.
//! assert_eq!(Cause::for_failure_response(499), Some(Cause::SipFailureCode));
//! // 2xx is no failure.
//! assert_eq!(Cause::for_failure_response(200), None);
//!
//! // 408 inside a dialog ends the dialog (RFC 3261 §12.2.1.2).
//! assert_eq!(Cause::for_in_dialog_failure(408), Some(Cause::DialogError));
//!
//! // The string a SIP.js peer sent, back to the enum.
//! assert_eq!("Canceled".parse::<Cause>(), Ok(Cause::Canceled));
//! assert_eq!(Cause::from_name("NO_ANSWER"), Some(Cause::NoAnswer));
//! ```
//!
//! # On the wire
//!
//! [`Cause::response`] is the final response to send to end a request for a cause, and
//! [`Cause::reason`] the `Reason` header value (RFC 3326) to send with a `BYE` or `CANCEL`.
//! [`Reason::parse`] and [`Reason::parse_list`] read the `Reason` a peer sent, without
//! allocating ([`Reason::parse_header_line`] the whole line, name included), and
//! [`Cause::from_reason`] says which cause it means.
//!
//! ```
//! use cause_core::{Cause, Reason};
//!
//! assert_eq!(Cause::NoAnswer.response(), Some(408));
//! let reason = Cause::Busy.reason().unwrap();
//! assert_eq!(reason.to_string(), r#"SIP;cause=486;text="Busy Here""#);
//!
//! // What a SIP.js 0.6 browser puts on a CANCEL.
//! let received = Reason::parse(r#"SIP ;cause=486 ;text="Busy Here""#)?;
//! assert_eq!(Cause::from_reason(&received), Some(Cause::Busy));
//! # Ok::<(), cause_core::ParseReasonError>(())
//! ```
//!
//! # Gateways
//!
//! A gateway relays how each call ends from one leg to the other, and real systems do it
//! differently. [`Gateway::relay_failure`] is what the system sends the caller when the far
//! end's INVITE fails (the response, its phrase, the `Reason` values, the causes both legs
//! record), [`Gateway::relay_cancel`] and [`Gateway::relay_bye`] what it puts on the far end's
//! `CANCEL` or `BYE`; each cites the source it follows, and each is `const`.
//!
//! ```
//! # #[cfg(all(feature = "asterisk", feature = "freeswitch"))] {
//! use cause_core::{Gateway, Reason};
//!
//! // The far end fails with 503 and the PSTN's cause, 34 (no circuit available).
//! let reasons = [Reason::parse("Q.850;cause=34")?];
//! let response = Gateway::FreeSwitch.relay_failure(503, &reasons).unwrap().response();
//! assert_eq!((response.status(), response.reasons()), (503, &reasons[..]));
//! let response = Gateway::Asterisk.relay_failure(404, &[]).unwrap().response();
//! assert_eq!((response.status(), response.hangup_cause().code()), (503, 34)); // Asterisk says congestion
//! # }
//! # Ok::<(), cause_core::ParseReasonError>(())
//! ```
//!
//! # Q.850 and the PBXs
//!
//! [`Q850`] is generated from `q850.toml`: every ITU-T Q.850 cause value, the causes PSTN
//! gateways, FreeSWITCH and Asterisk give (`Reason: Q.850;cause=16`), by class
//! ([`Q850Class`]), with the SIP responses RFC 3398 maps them to and from.
//! [`Cause::q850`] and [`Q850::sipjs`] link the two tables, and [`Cause::from_reason`] reads a
//! Q.850 `Reason` too. [`FreeSwitchCause`] and [`AsteriskCause`] are each PBX's own causes,
//! with the response it sends for each and the cause it records for each response, defaults
//! included, as the PBXs were recorded doing it.
//!
//! ```
//! use cause_core::{Cause, Q850};
//!
//! assert_eq!(Q850::from_code(17), Some(Q850::UserBusy));
//! assert_eq!(Q850::UserBusy.name(), "USER_BUSY");      // what FreeSWITCH sends as text
//! assert_eq!(Q850::UserBusy.response(), Some(486));
//! assert_eq!(Cause::Busy.q850(), Some(Q850::UserBusy));
//! # #[cfg(feature = "asterisk")]
//! assert_eq!("AST_CAUSE_BUSY".parse::<cause_core::AsteriskCause>()?.q850(), Some(Q850::UserBusy));
//! # Ok::<(), Box<dyn core::error::Error>>(())
//! ```
//!
//! # The Reason registry
//!
//! A `Reason` value names its protocol (`SIP`, `Q.850`, or one of the 20 others of IANA's
//! "Reason Protocols" registry, [`ReasonProtocol`]) and a number in it. [`ReasonCause`] is that
//! number typed by its protocol's table, for every protocol: [`ReasonCause::from_reason`]
//! reads it, [`ReasonCause::reason`] writes it back. Each protocol's table is behind the
//! feature of its group (below); with the feature off, or for a number the table lacks, the
//! cause is its protocol and its number ([`ReasonCause::Other`]). RFC 8606's `location` on a
//! Q.850 value is a [`Location`], read by [`Reason::location`] and written by
//! [`Reason::with_location`].
//!
//! ```
//! # #[cfg(feature = "ims")] {
//! use cause_core::{Location, Q850, Reason, ReasonCause, ReasonProtocol, ReleaseCause};
//!
//! let reason = Reason::parse(r#"RELEASE_CAUSE;cause=2;text="RTP/RTCP time-out""#)?;
//! let cause = ReasonCause::from_reason(&reason).unwrap();
//! assert_eq!(cause, ReasonCause::ReleaseCause(ReleaseCause::RtpRtcpTimeout));
//! assert_eq!((cause.protocol(), cause.code()), (ReasonProtocol::ReleaseCause, 2));
//!
//! let pstn = Q850::UserBusy.reason().with_location(Location::Rln);
//! assert_eq!(pstn.to_string(), r#"Q.850;cause=17;text="USER_BUSY";location=RLN"#);
//! # }
//! # Ok::<(), cause_core::ParseReasonError>(())
//! ```
//!
//! # Spellings
//!
//! One rule for every table, its generated enum written and read the same way: `Display`
//! writes the value, the string the system itself shows; `FromStr` reads exactly the value and
//! every other spelling of the row (alias, constant, and the `code` in digits where the table
//! has codes); `find` also reads them trimmed and in any ASCII case; serde writes the
//! constant, the row's stable identifier (a value is a system's own wording, which a table may
//! correct: a stored record must not change with it), and reads what `FromStr` reads, plus the
//! code as a number in human-readable formats (so a map keyed by causes reads `{"17": 3}` and
//! writes `{"USER_BUSY": 3}`). [`serde_as`] has adapters for a field that should hold the code
//! or the value instead. The group types and [`Gateway`] are identifiers in data: serde writes
//! their key.
//!
//! | Type | `Display` writes | `FromStr` and serde read | serde writes |
//! |---|---|---|---|
//! | [`Cause`] | the value, `Busy`, what SIP.js reports | value, alias, constant | the constant |
//! | [`Q850`] | the ITU name, `User busy` | value, alias, constant, code | the constant |
//! | [`JsSipCause`] | the value, `Busy`, what JsSIP reports | value, constant | the constant |
//! | [`FreeSwitchCause`] | the name, `USER_BUSY`, as its logs and CDRs write it | value, alias, constant, code | the constant |
//! | [`AsteriskCause`] | the text of `ast_cause2str`, `User busy` | value, alias, constant, code | the constant |
//! | [`LinphoneReason`] | the text of `linphone_reason_to_string`, `Call declined` | value, alias, constant, code | the constant |
//! | [`ReasonProtocol`] | the token as IANA spells it, `5GMM` | value, constant | the constant |
//! | [`FiveGmmCause`] | the specification's name, `Illegal UE` | value, alias, constant, code | the constant |
//! | [`Category`], [`Q850Class`], `JsSipCategory`, `FreeSwitchCategory` | the title, `Common causes` | key (serde only) | the key |
//! | [`Gateway`] | the name, `FreeSWITCH` | key, name, in any ASCII case | the key |
//!
//! What a gateway decides goes into a call record as it is: a [`Reason`] or [`ReasonBuf`] as
//! its text (`SIP;cause=486;text="Busy Here"`), a [`HangupCause`] as `{"gateway": "asterisk",
//! "code": 17}`, and [`Relay`], [`FailureResponse`] and [`Teardown`] as objects of those.
//! These three are written, not read: they borrow the `Reason` values they pass on, and are a
//! gateway's answer rather than data (keep the inputs to ask again); `ReasonBuf`,
//! `HangupCause` and [`Phrase`] read back.
//!
//! ```
//! use cause_core::{Cause, Q850};
//!
//! assert_eq!("BUSY".parse::<Cause>(), Ok(Cause::Busy));        // the constant
//! assert_eq!("17".parse::<Q850>(), Ok(Q850::UserBusy));         // the code
//! assert_eq!("USER_BUSY".parse::<Q850>(), Ok(Q850::UserBusy));  // FreeSWITCH's name
//! assert_eq!(Cause::find(" busy "), Some(Cause::Busy));          // what a person types
//! assert_eq!(Q850::UserBusy.to_string(), "User busy");
//! ```
//!
//! The aliases of the PBX tables are the names their users paste from elsewhere: Asterisk's
//! `#define` aliases (`BUSY`) and the C names of both sources (`AST_CAUSE_BUSY`,
//! `SWITCH_CAUSE_USER_BUSY`). Every table of a Reason protocol reads as [`FiveGmmCause`] does,
//! its aliases being Wireshark's spellings where they differ from the specification's
//! (`Implicitly deregistered`). [`ReasonProtocol`]'s `FromStr` is for people: a token on the
//! wire is read by [`ReasonProtocol::from_token`], in any ASCII case and nothing else.
//!
//! # Features
//!
//! - `serde` (off by default): every table's enum and group enum, [`Gateway`],
//!   [`HangupCause`], [`Phrase`] and [`ReasonBuf`] implement `Serialize` and `Deserialize`, and
//!   [`Reason`], [`Relay`], [`FailureResponse`] and [`Teardown`] `Serialize`, by the rule of
//!   [Spellings](#spellings), with the other features or without; [`serde_as`] holds the
//!   adapters for `#[serde(with = ...)]`. Works without `std`. The trait implementations that
//!   need the feature say so on the types' pages.
//! - `alloc` (off by default): [`ReasonBuf`], a `Reason` that owns its text
//!   ([`Reason::into_owned`]), to keep a value past the buffer it was read from.
//! - `freeswitch` (off by default): [`FreeSwitchCause`] (with `FreeSwitchCategory`), FreeSWITCH's
//!   hangup causes and how its SIP endpoint maps them, and [`Gateway::FreeSwitch`].
//! - `jssip` (off by default): [`JsSipCause`] (with `JsSipCategory`), JsSIP 3.13.8's own
//!   causes, linked to SIP.js's [`Cause`].
//! - `asterisk` (off by default): [`AsteriskCause`], Asterisk's hangup causes and how
//!   `chan_pjsip` maps them, and [`Gateway::Asterisk`].
//! - `linphone` (off by default): [`LinphoneReason`], liblinphone 5.1.65's call end reasons,
//!   as a Linphone app reports them.
//! - `reason-protocols` (off by default, and on with any feature below): [`ReasonProtocol`],
//!   the IANA registry, and [`ReasonCause`], the typed cause of any `Reason` value.
//! - `nas`: the causes of 3GPP's non-access stratum, [`EmmCause`] and [`EsmCause`] (LTE),
//!   [`FiveGmmCause`] and [`FiveGsmCause`] (5G).
//! - `ran`: the causes of 3GPP's radio access network, S1AP's (LTE: [`S1apRnlCause`],
//!   [`S1apTlCause`], [`S1apNasCause`], [`S1apMiscCause`], [`S1apProtCause`]) and NGAP's (5G:
//!   [`NgapRnlCause`] and the others likewise).
//! - `wlan`: the causes of 3GPP's WLAN access, [`DiameterCause`] and [`Ikev2Cause`].
//! - `ims`: the IMS causes of 3GPP TS 24.229, [`ReleaseCause`] and [`FailureCause`].
//! - `stir`: [`StirCause`], why a caller's identity (RFC 8224) could not be verified.
//! - `preemption`: [`PreemptionCause`], why a session was preempted (RFC 4411).
//!
//! # Your own table
//!
//! Everything on [`Cause`], [`Category`], [`ParseCauseError`] and [`reason_phrase`] is
//! generated at compile time from one TOML table, `causes.toml`, which ships with this crate:
//! the enum, its lookups and these docs, including the tables on [`Cause`]; every other table
//! likewise.
//!
//! To use a table of your own (other causes, other values, another protocol), depend on
//! [`cause-macros`](https://docs.rs/cause-macros) and call its `cause_table!` macro on your
//! TOML file: it generates the same API for your enum, and reports a mistake in the table
//! (an unknown key, a duplicate constant, a code listed by two causes…) as a compile error
//! with the file, line and column. The format of a row:
//!
//! ```toml
//! [[cause]]
//! constant = "USER_BUSY_HERE"    # SCREAMING_SNAKE_CASE, unique: the variant is `UserBusyHere`
//! value = "User Busy Here"       # the string on the wire, byte for byte
//! category = "sip-error"         # the key of a [[category]]
//! description = "..."            # when the cause happens, in markdown
//! status-codes = [486]           # optional: the final responses it groups
//! response = 486                 # optional: the final response that ends a request for it
//! ```
#![no_std]
#![deny(missing_docs)]

// Unit tests use std even though the library does not.
#[cfg(test)]
extern crate std;

mod gateway;
#[cfg(feature = "jssip")]
mod jssip;
mod links;
#[cfg(feature = "linphone")]
mod linphone;
#[cfg(any(feature = "freeswitch", feature = "asterisk"))]
mod pbx;
mod q850;
#[cfg(feature = "reason-protocols")]
mod registry;
mod response;
#[cfg(feature = "serde")]
pub mod serde_as;
#[cfg(feature = "serde")]
mod serde_impls;

#[cfg(feature = "alloc")]
pub use cause_reason::ReasonBuf;
pub use cause_reason::{
    Location, ParseLocationError, ParseReasonError, Reason, ReasonErrorKind, ReasonList, ReasonText,
};
pub use gateway::{
    FailureResponse, Gateway, HangupCause, ParseGatewayError, Phrase, Relay, Teardown,
};
pub use links::NoCounterpartError;
#[cfg(feature = "reason-protocols")]
pub use registry::*;

cause_macros::cause_table! {
    /// Why a SIP request or session ended: one of SIP.js's `SIP.C.causes`.
    ///
    /// [`Display`](core::fmt::Display) and [`FromStr`](core::str::FromStr) use the value
    /// string (`"Busy"`), [`Cause::name`] gives the constant (`"BUSY"`), and
    /// [`Cause::for_failure_response`] maps a final failure response to its cause.
    /// `TryFrom` converts to and from [`Q850`] (and `JsSipCause`, feature `jssip`) where the
    /// cause has a counterpart, else fails with a [`NoCounterpartError`] that names it.
    ///
    /// # Relaying a response
    ///
    /// [`Cause::response`] is the response to send when *you* end a request for a cause. A
    /// gateway or B2BUA that received a final response should relay that code, not
    /// `Cause::for_failure_response(code)` and then `.response()`: the round trip loses what
    /// the code said (403 becomes 603, a 4xx turned 6xx that stops the caller's forking; 600
    /// becomes 486; 503 has no response at all). Map to a cause to report it, relay the code:
    ///
    /// ```
    /// use cause_core::{Cause, Reason, reason_phrase};
    ///
    /// let received = 403;
    /// let cause = Cause::for_failure_response(received).unwrap();   // to log or to show
    /// assert_eq!(cause, Cause::Rejected);
    /// assert_eq!(cause.response(), Some(603));                        // not what to relay
    /// let reason = Reason::new("SIP", received, reason_phrase(received))?;
    /// assert_eq!(reason.to_string(), r#"SIP;cause=403;text="Forbidden""#); // relay 403
    /// # Ok::<(), cause_core::ParseReasonError>(())
    /// ```
    #[serde(feature = "serde")]
    pub enum Cause in "../causes.toml";

    /// The group a [`Cause`] belongs to, as the SIP.js documentation groups them.
    pub enum Category;

    /// The error of parsing a string that is neither the value nor an alias of a [`Cause`].
    pub struct ParseCauseError;

    /// The reason phrase of a SIP status code, as the IANA registry of SIP response codes
    /// spells it.
    ///
    /// ```
    /// assert_eq!(cause_core::reason_phrase(481), Some("Call/Transaction Does Not Exist"));
    /// assert_eq!(cause_core::reason_phrase(499), None);
    /// ```
    pub fn reason_phrase;
}

cause_macros::cause_table! {
    /// Why a call ended in the PSTN: an ITU-T Q.850 cause value, as gateways, FreeSWITCH and
    /// Asterisk send it (`Reason: Q.850;cause=17;text="USER_BUSY"`).
    ///
    /// [`Q850::code`] is the cause value, [`Q850::name`] FreeSWITCH's name for it
    /// (`"USER_BUSY"`, the text it sends) and [`Display`](core::fmt::Display) the ITU name
    /// (`"User busy"`). [`Q850::response`] and [`Q850::for_failure_response`] translate to and
    /// from SIP as RFC 3398 does (§7.2.4.1 and §8.2.6.1, its default of 31 included;
    /// [`Q850::from_status_code`] is only the cause whose row lists a code); [`Q850::sipjs`] and
    /// [`Cause::q850`] link the two tables.
    /// `TryFrom` converts to and from [`Cause`], `FreeSwitchCause` and `AsteriskCause` (with
    /// their features) where the cause has a counterpart, else fails with a
    /// [`NoCounterpartError`] that names it.
    #[serde(feature = "serde")]
    pub enum Q850 in "../q850.toml";

    /// The class of a [`Q850`] cause, as Q.850 groups the cause values: what
    /// [`Q850::category`] returns. (The method keeps the generator's one name for every
    /// table's groups, so that code written against one table reads the same on another.)
    pub enum Q850Class;

    /// The error of parsing a string that is neither the ITU name nor an alias of a [`Q850`]
    /// cause.
    pub struct ParseQ850Error;
}

#[cfg(feature = "jssip")]
cause_macros::cause_table! {
    /// Why a request or call ended, as JsSIP 3.13.8 reports it: one of its `JsSIP_C.causes`.
    ///
    /// The same shape as [`Cause`], SIP.js's table, with JsSIP's own cause (MISSING_SDP) and
    /// its grouping of status codes (424 is ADDRESS_INCOMPLETE here);
    /// [`JsSipCause::for_failure_response`] is JsSIP's `Utils.sipErrorCause`, and
    /// [`JsSipCause::response`] the response that makes JsSIP report the cause, both checked
    /// against the real JsSIP by the interop test. [`JsSipCause::sipjs`] and [`Cause::jssip`]
    /// link the two tables, and `TryFrom` converts both ways where the cause has a counterpart
    /// ([`NoCounterpartError`] where not). Needs the `jssip` feature.
    #[serde(feature = "serde")]
    pub enum JsSipCause in "../jssip.toml";

    /// The group of a [`JsSipCause`], as JsSIP's `Constants.js` groups them.
    pub enum JsSipCategory;

    /// The error of parsing a string that is no [`JsSipCause`]'s value.
    pub struct ParseJsSipCauseError;
}

#[cfg(feature = "linphone")]
cause_macros::cause_table! {
    /// Why a call ended, as liblinphone 5.1.65 (the SDK of the Linphone apps and of many
    /// mobile softphones) reports it: a value of its `LinphoneReason`, spelled as
    /// `linphone_reason_to_string` spells it (`"Busy"`, `"Call declined"`).
    ///
    /// [`LinphoneReason::code`] is the C enum's value, [`LinphoneReason::name`] its name
    /// (`"DECLINED"` for `LinphoneReasonDeclined`).
    /// [`LinphoneReason::for_failure_response`] is the reason a call reports when its INVITE
    /// gets that final response: `None` for 301, 302, 401, 407 and 422, which liblinphone
    /// follows or retries instead of ending the call. It is not the public
    /// `linphone_error_code_to_reason`, which answers otherwise for eight codes (each row's
    /// description says where). [`LinphoneReason::response`] is what liblinphone answers when
    /// the app declines an incoming call with the reason. Every row is proved against the real
    /// liblinphone by `tests/test_linphone.rs`. [`LinphoneReason::sipjs`] and
    /// [`Cause::linphone`] (and `jssip`, with that feature) link the tables across the wire:
    /// what one side reports for the response the other sends; `TryFrom` converts the same
    /// way ([`NoCounterpartError`] where there is none). Needs the `linphone` feature.
    #[serde(feature = "serde")]
    pub enum LinphoneReason in "../linphone.toml";

    /// The error of parsing a string that is no [`LinphoneReason`]'s value or name.
    pub struct ParseLinphoneReasonError;
}

#[cfg(feature = "freeswitch")]
cause_macros::cause_table! {
    /// Why a call ended in FreeSWITCH: a value of its `switch_call_cause_t`, as its logs, CDRs
    /// and event-socket events name it (`"USER_BUSY"`) and number it (17; its own causes run to
    /// 825). Its C name (`SWITCH_CAUSE_USER_BUSY`) is read too.
    ///
    /// [`FreeSwitchCause::response`] is the final response FreeSWITCH's SIP endpoint sends for
    /// the cause (480 where it lists none), and [`FreeSwitchCause::for_failure_response`] the
    /// cause it records for a final response (`NORMAL_UNSPECIFIED` where it lists none), as
    /// `freeswitch.toml` transcribes them from its source. [`FreeSwitchCause::q850`] links a
    /// Q.850 value to [`Q850`], and `TryFrom` converts both ways where the cause has a
    /// counterpart ([`NoCounterpartError`] where not). Needs the `freeswitch` feature.
    #[serde(feature = "serde")]
    pub enum FreeSwitchCause in "../freeswitch.toml";

    /// Whether a [`FreeSwitchCause`] is a Q.850 value or one of FreeSWITCH's own.
    pub enum FreeSwitchCategory;

    /// The error of parsing a string that is no [`FreeSwitchCause`]'s name.
    pub struct ParseFreeSwitchCauseError;

    /// sofia-sip's reason phrase of a status code, as FreeSWITCH writes it: what
    /// [`Gateway::reason_phrase`] gives for [`Gateway::FreeSwitch`].
    pub(crate) fn freeswitch_reason_phrase;
}

#[cfg(feature = "asterisk")]
cause_macros::cause_table! {
    /// Why a call ended in Asterisk: an `AST_CAUSE_*` value of its `causes.h`, by name
    /// (`USER_BUSY`, or an alias such as `BUSY`), C name (`AST_CAUSE_USER_BUSY`,
    /// `AST_CAUSE_BUSY`), number (17) and the text Asterisk gives it
    /// ([`Display`](core::fmt::Display): `"User busy"`).
    ///
    /// [`AsteriskCause::response`] is the final response its `chan_pjsip` sends for the cause
    /// (603 where it lists none), and [`AsteriskCause::for_failure_response`] the cause it
    /// records for a final response, with its defaults for each class of codes, as
    /// `asterisk.toml` transcribes them from its source. [`AsteriskCause::q850`] links each
    /// value to [`Q850`], and `TryFrom` converts both ways where the cause has a counterpart
    /// ([`NoCounterpartError`] where not). Needs the `asterisk` feature.
    #[serde(feature = "serde")]
    pub enum AsteriskCause in "../asterisk.toml";

    /// The error of parsing a string that is neither the text nor an alias of an
    /// [`AsteriskCause`].
    pub struct ParseAsteriskCauseError;

    /// pjsip's reason phrase of a status code, as Asterisk writes it: what
    /// [`Gateway::reason_phrase`] gives for [`Gateway::Asterisk`].
    pub(crate) fn asterisk_reason_phrase;
}
