// The cause enum, with its table, comes first.
cause_macros::cause_table! {
    pub struct ParseCauseError;
    pub enum Cause in "unknown-category.toml";
}

fn main() {}
