// One mistake in a row is one error: the stand-in keeps the row whose constant parsed, so
// code that names its variant adds no E0599 of its own.
cause_macros::cause_table! {
    pub enum Cause in "stand-in-response-as-string.toml";
    pub enum Category;
    pub struct ParseCauseError;
}

fn main() {
    let _ = (Cause::Busy, Cause::NoAck, Cause::NoAck.category(), Category::Errors);
}
