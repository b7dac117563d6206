//! Strings of one length beyond what a `match` handles arm by arm are found by bisection:
//! every value, alias and constant parses to its cause, and near misses do not.
#![deny(warnings)]

cause_macros::cause_table! {
    /// A cause.
    pub enum Cause in "large-groups.toml";
    /// A category.
    pub enum Category;
    /// A parse error.
    pub struct ParseCauseError;
    /// A reason phrase.
    pub fn reason_phrase;
}

fn main() {
    assert_eq!(Cause::ALL.len(), 12);
    for &cause in Cause::ALL {
        let n: u32 = cause.name()["CAUSE_".len()..].parse().unwrap();
        assert_eq!(format!("Value {n:02}").parse::<Cause>(), Ok(cause));
        assert_eq!(Cause::from_name(&format!("CAUSE_{n:02}")), Some(cause));
        let alias = format!("Alias {n:02}").parse::<Cause>();
        assert_eq!(alias.is_ok(), n % 4 == 0, "{n}");
        assert_eq!(format!("{cause:?}"), format!("Cause{n:02}"));
    }
    for miss in ["Value 12", "Value 0", "Value  1", "value 01", "Value 1!", "CAUSE_12", "Alias 01"] {
        assert!(miss.parse::<Cause>().is_err(), "{miss}");
        assert_eq!(Cause::from_name(miss), None, "{miss}");
    }
}
