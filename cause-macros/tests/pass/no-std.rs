//! The expansion builds in a `no_std` crate, warning-free: it needs nothing from std's
//! prelude. (`extern crate std` only links the runtime that trybuild's binary needs to run;
//! it brings no name into scope. CI also builds cause-core for a target without std.)
#![no_std]
#![deny(warnings)]

extern crate std;

cause_macros::cause_table! {
    /// A cause.
    pub enum Cause in "table.toml";
    /// A category.
    pub enum Category;
    /// A parse error.
    pub struct ParseCauseError;
    /// A reason phrase.
    pub fn reason_phrase;
}

fn main() {
    let by_code = Cause::for_failure_response(486).map_or(0, |c| c.as_str().len());
    let parsed = "Busy".parse::<Cause>().map_or(0, |c| c.name().len());
    assert_eq!(by_code + parsed, 8);
}
