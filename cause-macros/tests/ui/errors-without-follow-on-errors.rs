// A broken table still defines the items (empty), so code that uses them reports only the
// table's error, not "cannot find type `Cause`" at every use.
cause_macros::cause_table! {
    pub enum Cause in "duplicate-constant.toml";
    pub enum Category;
    pub struct ParseCauseError;
    pub fn reason_phrase;
}

fn main() {
    let all: &[Cause] = Cause::ALL;
    let parsed: Result<Cause, ParseCauseError> = "Busy".parse();
    let _ = (all, parsed, Category::ALL, reason_phrase(486), Cause::from_status_code(486));
}
