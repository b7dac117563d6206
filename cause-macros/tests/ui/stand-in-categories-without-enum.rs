// A valid table with categories, named in a call without the category enum: that one error,
// and the cause enum still there for the code that names its variants.
cause_macros::cause_table! {
    pub enum Cause in "table.toml";
    pub struct ParseCauseError;
}

fn main() {
    let _ = (Cause::Done, "done".parse::<Cause>(), Cause::find("DONE"), Cause::Done.description());
}
