// Each optional item at most once.
cause_macros::cause_table! {
    pub enum Cause in "unknown-category.toml";
    pub enum Category;
    pub struct ParseCauseError;
    pub struct AnotherParseError;
}

fn main() {}
