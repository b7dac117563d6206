// One mistake in a table is one error: the stand-in beside it keeps the variants of the rows
// that parsed (here every row: only a category key is misspelt), so code elsewhere in the crate
// that names them, matches on them or converts them adds no E0599 of its own.
cause_macros::cause_table! {
    pub enum Cause in "unknown-category.toml";
    pub enum Category;
    pub struct ParseCauseError;
}

fn describe(cause: Cause) -> &'static str {
    match cause {
        Cause::Busy => "busy",
        Cause::NoAck => "no ACK",
    }
}

fn main() {
    let _ = (describe(Cause::Busy), Category::Errors, Cause::NoAck.category());
    let _ = (Cause::find("busy"), u16::from(Cause::Busy), Cause::try_from(17_u16));
}
