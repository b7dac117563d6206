cause_macros::cause_table! {
    pub enum Cause in "reports-errors.toml";
    pub enum Category;
    pub struct ParseCauseError;
    pub fn reason_phrase;
}

fn main() {
    // The stand-in keeps the accessors: only the table's errors are reported.
    let _ = Cause::Busy.reported();
    let _ = Cause::Gone.never_reported();
}
