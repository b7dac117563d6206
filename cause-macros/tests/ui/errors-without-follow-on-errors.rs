// A broken table still defines the items (empty, with every optional method), so code that
// uses them reports only the table's error, not "cannot find type `Cause`" at every use, and a
// `#[repr]` on the enum adds no error of its own.
cause_macros::cause_table! {
    #[repr(u8)]
    pub enum Cause in "duplicate-constant.toml";
    pub enum Category;
    pub struct ParseCauseError;
    pub fn reason_phrase;
}

fn main() {
    let all: &[Cause] = Cause::ALL;
    let parsed: Result<Cause, ParseCauseError> = "Busy".parse();
    let _ = (all, parsed, Category::ALL, reason_phrase(486), Cause::from_status_code(486));
    let _ = (
        Cause::for_failure_response(486),
        Cause::for_in_dialog_failure(481),
        Cause::from_code(17),
    );
    let _ = all.iter().map(|c| (c.response(), c.code(), c.in_dialog_status_codes(), c.category()));
}
