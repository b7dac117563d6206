//! Why a SIP request or session ended: the SIP.js "Failure and End Causes" as a typed Rust enum.
//!
//! [`Cause`] has one variant per cause of SIP.js 0.6 (`SIP.C.causes`), with the exact constant
//! (`BUSY`) and value (`"Busy"`) SIP.js uses, so a Rust user agent, gateway or server can
//! speak the same language as SIP.js and JsSIP browsers. The SIP error causes group final
//! failure responses by status code, and [`Cause::for_failure_response`] maps a code to its
//! cause as SIP.js does. Every lookup is `const` and allocation-free; the crate is `no_std`.
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
//! # The table
//!
//! Everything here is generated at compile time by [`cause_macros::cause_table!`] from
//! `causes.toml`, the single source of truth: the enum, its lookups and these docs, including
//! the tables on [`Cause`]. Nothing is written by hand.
//!
//! To add or change a cause, edit `causes.toml` at the root of the repository and rebuild;
//! there is no other step. A new cause is one block:
//!
//! ```toml
//! [[cause]]
//! constant = "USER_BUSY_HERE"    # SCREAMING_SNAKE_CASE, unique: the variant is `UserBusyHere`
//! value = "User Busy Here"       # the string SIP.js uses, byte for byte
//! category = "sip-error"         # "common", "sip-error" or "session"
//! description = "..."            # when the cause happens, in markdown
//! status-codes = [486]           # optional: the final responses it groups
//! ```
//!
//! A mistake in the table (an unknown key, a duplicate constant, a code listed by two causes…)
//! fails the build with the file, line and column of the mistake.
//!
//! # Features
//!
//! - `serde` (off by default): [`Cause`] and [`Category`] serialize as their strings (the
//!   value, `"Busy"`, and the key, `"sip-error"`) and deserialize from them; a cause also
//!   deserializes from an alias. Works without `std`.
#![no_std]
#![deny(missing_docs)]

// Unit tests use std (serde_json) even though the library does not.
#[cfg(test)]
extern crate std;

mod reason;
mod response;
#[cfg(feature = "serde")]
mod serde_impls;

pub use reason::{ParseReasonError, Reason, ReasonErrorKind, ReasonText};

cause_macros::cause_table! {
    /// Why a SIP request or session ended: one of SIP.js's `SIP.C.causes`.
    ///
    /// [`Display`](core::fmt::Display) and [`FromStr`](core::str::FromStr) use the value
    /// string (`"Busy"`), [`Cause::name`] gives the constant (`"BUSY"`), and
    /// [`Cause::for_failure_response`] maps a final failure response to its cause.
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
