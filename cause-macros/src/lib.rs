//! Generate a documented cause enum, with `const` lookups, from a TOML table at compile time.
//!
//! `cause-macros` turns a table of *causes* (why a request or session ended), each with a
//! constant, a value string, a category, a description and the status codes it groups, into
//! Rust: an enum with one variant per row, its lookups (status code to cause, string to cause),
//! the standard traits, and rustdoc with the whole table in it. The table stays data: edit the
//! TOML, run `cargo build`, and everything follows. The macro knows nothing of any protocol:
//! every fact comes from the table. [`cause-core`](https://docs.rs/cause-core) is the SIP table
//! built with it.
//!
//! See [`cause_table!`] for the syntax, the table format and the generated API: they are this
//! crate's public API, which semver covers. The macro itself is the proc-macro crate
//! `cause-macros-impl`, over the ordinary libraries `cause-gen` and `cause-table`, and the
//! code its expansions call is `cause-macros-support`, all internal to this crate and pinned
//! to its exact version: depend on this crate, never on those.
//!
//! What every table's expansion would write the same way (the parse error's kept input, its
//! closest values and its message, the forgiving search of `find`) is written once, in
//! `cause-macros-support`, which this crate re-exports as a hidden module the expansions call,
//! as serde's derives call `serde::__private`. `cause_table!` is a `macro_rules!` that hands
//! its own `$crate` to the procedural macro, so the expansion reaches that module from any
//! crate that depends on this one, under any name. This crate is `no_std`.
#![no_std]
#![deny(missing_docs, unsafe_code)]

#[cfg(test)]
extern crate std;

#[cfg(test)]
mod snapshots;

/// Generates a cause enum, its category enum, its parse error and a reason-phrase lookup from
/// a TOML table.
///
/// # Syntax
///
/// ```ignore
/// cause_macros::cause_table! {
///     /// Why a SIP request or session ended.
///     pub enum Cause in "../causes.toml";
///
///     /// The group a cause belongs to.
///     pub enum Category;
///
///     /// The error of parsing a string that is no cause's value.
///     pub struct ParseCauseError;
///
///     /// The reason phrase of a status code.
///     pub fn reason_phrase;
/// }
/// ```
///
/// The cause enum and its table come first and are the only required item:
/// `cause_table! { pub enum JobCause in "jobs.toml"; }` is a complete call. The others follow
/// in this order if wanted: the category enum (required when the table has `[[category]]`
/// rows, refused when it has none), the parse error (with it, the cause enum implements
/// `FromStr`) and the reason-phrase lookup. Each item has its own attributes (doc comments,
/// extra derives, `cfg_attr`s…) and visibility; a name may be used once. The path is resolved like `include_str!`'s: relative to the
/// file that calls the macro. The generated code includes the table with `include_bytes!`, so
/// an edit to the table rebuilds the calling crate with a plain `cargo build`.
///
/// # The table
///
/// ```toml
/// [table]                        # optional: which optional row keys the rows use; this
///                                # declaration, never the rows, gives the API its shape
/// codes = "every-row"            # each row has a `code` ("some-rows": some may; without
///                                # the key, no row may)
/// responses = true               # rows may give a `response`
/// in-dialog-status-codes = true  # rows may give `in-dialog-status-codes`
/// without-contact-status-codes = true  # rows may give `without-contact-status-codes`
///
/// [ranges]                       # optional: the numbers the table allows (else any u16)
/// status-codes = [100, 699]      # bounds every status code, response and reason-phrase key
/// code = [1, 127]                # bounds each row's `code`
///
/// [failure]                      # optional
/// codes = [300, 699]             # inclusive range of final failure responses
/// fallback = "SIP_FAILURE_CODE"  # the cause of a failure code that no cause lists
///                                # (or [[failure]] ranges, disjoint, each with its own
///                                # fallback: 4xx to one cause, 5xx to another)
///
/// [defaults]                     # optional
/// response = 480                 # the response of a cause that gives none
///
/// [[category]]
/// key = "sip-error"              # kebab-case, unique; the variant is `SipError`
/// title = "SIP error causes"
/// description = "..."            # optional, markdown
/// variant = "..."                # optional: the variant's name, if `SipError` won't do
///
/// [[cause]]
/// constant = "BUSY"              # SCREAMING_SNAKE_CASE, unique; the variant is `Busy`
/// value = "Busy"                 # the string form, unique
/// category = "sip-error"         # the key of a [[category]]
/// description = "..."            # markdown
/// status-codes = [486, 600]      # optional
/// in-dialog-status-codes = []    # as `[table]` declares: codes that mean this cause inside
///                                # a dialog
/// without-contact-status-codes = []  # as `[table]` declares: redirects (3xx) that end a
///                                # request as this cause when they carry no `Contact`
/// response = 486                 # as `[table]` declares: the final response that ends a
///                                # request for it
/// code = 17                      # as `[table]` declares: the row's own number, unique
/// aliases = []                   # optional: other spellings that parsing accepts
/// variant = "..."                # optional: the variant's name, if `Busy` won't do
///
/// [reason-phrases]               # optional; if present, every listed code needs one
/// 486 = "Busy Here"
/// ```
///
/// A row that breaks `[table]` (a `code` missing where `codes = "every-row"`, or a `response`
/// where `responses` is not declared) is an error at that row: which items the enum has, and
/// their signatures, follow the declaration, so no edit of a row can change the API.
///
/// A table the macro cannot accept is a compile error that names the file, the line and the
/// column of the offending key or value, says what is wrong and what is allowed, and shows
/// the line. Every error of the table is reported in one build, except in TOML that does not
/// parse, where the first syntax error is (TOML integers are 64-bit: a larger number is one).
///
/// # Generated API
///
/// For `enum Cause`, `enum Category`, `struct ParseCauseError` and `fn reason_phrase`. Each
/// optional item exists because of a declaration, never because of what the rows hold:
///
/// | Declaration | Items |
/// |---|---|
/// | always | `ALL`, `name`, `as_str`, `description`, `status_codes`, `aliases`, `from_name`, `find`, `from_status_code`, `Display`, `Debug`, `From<Cause> for &'static str` |
/// | `[[category]]` rows (and the category enum in the call) | `category`, the category enum |
/// | the parse error in the call | `FromStr`, the parse error |
/// | the reason-phrase function in the call | it: `Option<&str>`, or `&str` with `[defaults] reason-phrase` |
/// | `[ranges] status-codes` | `STATUS_CODES` |
/// | `[failure]` (one table) | `FAILURE_CODES`, `FAILURES`, `for_failure_response`, `FALLBACK` |
/// | `[[failure]]` (ranges) | `FAILURE_CODES`, `FAILURES`, `for_failure_response` (no `FALLBACK`: each range has its own) |
/// | `[defaults] response` | `DEFAULT_RESPONSE` |
/// | `[table] responses = true` | `response` |
/// | `[table] in-dialog-status-codes = true` | `in_dialog_status_codes`, `for_in_dialog_failure` |
/// | `[table] without-contact-status-codes = true` | `without_contact_status_codes`, `for_redirect_without_contact` |
/// | `[table] codes = "some-rows"` | `code() -> Option<u16>`, `from_code` |
/// | `[table] codes = "every-row"` | `code() -> u16` (the discriminant, with a `repr`), `from_code`, `From<Cause> for u16`, and with the parse error `TryFrom<u16>` |
/// | `codes` and `responses` | `response_for_code` |
/// | `[reports] by` | `REPORTED_BY`, `reported`, `never_reported` |
/// | `#[serde]` or `#[serde(feature = "...")]` on the enum, with the parse error | `Serialize` (a cause as its constant, a category as its key) and `Deserialize` (every spelling `FromStr` reads, and the code as a number) for the enum and the category enum |
///
/// ```ignore
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
/// #[non_exhaustive]
/// pub enum Cause { /* one variant per [[cause]], in table order */ }
///
/// impl Cause {
///     pub const ALL: &'static [Cause];
///     pub const STATUS_CODES: RangeInclusive<u16>;     // with [ranges] status-codes
///     pub const FAILURE_CODES: RangeInclusive<u16>;    // with [failure] (the span of several)
///     pub const FALLBACK: Cause;                       // with [failure], not [[failure]]
///     pub const FAILURES: &'static [(RangeInclusive<u16>, Cause)];  // each range, its fallback
///     pub const DEFAULT_RESPONSE: u16;                 // with [defaults] response
///     pub const fn name(self) -> &'static str;          // "BUSY"
///     pub const fn as_str(self) -> &'static str;        // "Busy"
///     pub const fn description(self) -> &'static str;
///     pub const fn category(self) -> Category;
///     pub const fn status_codes(self) -> &'static [u16];
///     pub const fn in_dialog_status_codes(self) -> &'static [u16];   // [table] in-dialog-status-codes
///     pub const fn without_contact_status_codes(self) -> &'static [u16];  // [table] without-contact-status-codes
///     pub const fn response(self) -> Option<u16>;     // Some(486), with [table] responses
///     pub const fn code(self) -> u16;                  // codes = "every-row" ("some-rows": Option<u16>)
///     pub const fn from_code(code: u16) -> Option<Cause>;        // with [table] codes
///     pub const fn response_for_code(code: u16) -> Option<u16>;  // codes and responses
///     pub const fn aliases(self) -> &'static [&'static str];
///     pub fn from_name(name: &str) -> Option<Cause>;    // the constant, exactly
///     pub fn find(text: &str) -> Option<Cause>;         // value, alias or constant, forgiving
///     pub const fn from_status_code(code: u16) -> Option<Cause>;
///     pub const fn for_failure_response(code: u16) -> Option<Cause>;   // with [failure]
///     pub const fn for_in_dialog_failure(code: u16) -> Option<Cause>;  // [table] in-dialog-status-codes
///     pub const fn for_redirect_without_contact(code: u16) -> Option<Cause>;  // [table] without-contact-status-codes
/// }
/// impl Display for Cause { /* the value */ }
/// impl FromStr for Cause { type Err = ParseCauseError; /* a value or an alias */ }
/// impl From<Cause> for &'static str { /* the value */ }
/// impl From<Cause> for u16 { /* the code */ }          // with codes = "every-row"
/// impl TryFrom<u16> for Cause { type Error = ParseCauseError; }  // likewise, with the parse error
///
/// pub enum Category { /* one variant per [[category]] */ }
/// impl Category {
///     pub const ALL: &'static [Category];
///     pub const fn key(self) -> &'static str;           // "sip-error"
///     pub const fn title(self) -> &'static str;         // Display prints it
///     pub const fn causes(self) -> &'static [Cause];
/// }
///
/// pub struct ParseCauseError { /* private */ }         // Display, Debug, core::error::Error
/// impl ParseCauseError {
///     pub fn input(&self) -> &str;                      // the string (its first 32 bytes)
///     pub fn is_cut(&self) -> bool;
///     pub fn suggestions(&self) -> impl Iterator<Item = &'static str>;  // what the message offers
/// }   // "`Bussy` is not the value of any Cause: did you mean "Busy"?"
/// pub const fn reason_phrase(code: u16) -> Option<&'static str>;
/// ```
///
/// The derives above are always there: list only others (`#[derive(Default)]` is not
/// possible on a `#[non_exhaustive]` enum without a default variant). The code uses
/// `::core` paths and `cause_macros::__private` only, so it builds in `no_std` crates and
/// beside any local `Option` or `Result`. The second is the code every table shares (the parse
/// error's kept input, its message and closest values, `find`'s forgiving search), written
/// once rather than in every expansion; the expansion reaches it through this macro's
/// `$crate`, so a crate that depends on `cause-macros` under another name gets it too, and
/// needs nothing else. Lookups by status code are arrays indexed by the code; per-variant data
/// are arrays indexed by the variant's position. With `codes = "every-row"`, each row's code is the
/// variant's discriminant (`Q850::UserBusy as u8 == 17`), with a `repr` wide enough for the
/// table's `[ranges] code` unless the call gives one.
///
/// A table with errors is reported beside stand-in items made of the rows that parsed, so
/// that code elsewhere in the crate naming their variants adds no errors of its own.
///
/// The enum's rustdoc lists the table, one markdown table per category, after your own doc
/// comment; every variant's rustdoc holds its row and an example. The examples name the enum
/// through `module_path!()` of the module the macro is called in, so they run as doctests
/// wherever a `pub` enum lives (at the root, in a module, two tables in two modules). For an
/// enum that is not `pub` they are shown but not run. For a `pub` enum in a private module,
/// re-exported elsewhere, give the path the doctests should `use`:
/// `#[examples(path = "my_crate::JobCause")]` on the enum; `#[examples(ignore)]` shows them
/// unrun.
#[macro_export]
macro_rules! cause_table {
    ($($input:tt)*) => {
        $crate::__private::cause_table! { [$crate] $($input)* }
    };
}

// Not public API: what the expansions of `cause_table!` call. Its items change with the
// generator, which is pinned to this crate's exact version.
#[doc(hidden)]
pub mod __private {
    pub use cause_macros_impl::cause_table;
    pub use cause_macros_support::*;
}
