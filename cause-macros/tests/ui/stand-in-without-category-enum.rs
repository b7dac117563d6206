// A table with categories, a call without the category enum and a mistake in a row: the two
// errors only, no follow-on error at the variants the code names.
cause_macros::cause_table! {
    pub enum Cause in "stand-in-without-category-enum.toml";
    pub struct ParseCauseError;
}

fn main() {
    let _ = (Cause::Busy, Cause::NoAck, "Busy".parse::<Cause>());
}
