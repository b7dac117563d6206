//! The expansion names only `::core` items, the support of `::cause_macros` and its own items,
//! so local items called `Option`, `Some`, `Result`, `Ok`, `Err`, `str`, `core` or
//! `cause_macros` change nothing, and it builds warning-free.
#![deny(warnings, missing_docs)]
#![allow(non_camel_case_types, dead_code)]
//! Hygiene test crate.

struct Option;
struct Some;
struct Result;
struct Ok;
struct Err;
struct str;
mod core {}
mod std {}
mod cause_macros {}

::cause_macros::cause_table! {
    /// A cause.
    #[serde]
    pub enum Cause in "table.toml";
    /// A category.
    pub enum Category;
    /// A parse error.
    pub struct ParseCauseError;
    /// A reason phrase.
    pub fn reason_phrase;
}

fn main() {
    assert_eq!(Cause::for_failure_response(486), ::core::option::Option::Some(Cause::Busy));
    assert_eq!(Cause::for_in_dialog_failure(481), ::core::option::Option::Some(Cause::Myself));
    assert_eq!("Me".parse::<Cause>(), ::core::result::Result::Ok(Cause::Myself));
    assert_eq!(Cause::Myself.category(), Category::Here);
    assert_eq!(reason_phrase(600), ::core::option::Option::Some("Busy Everywhere"));
}
