cause_macros::cause_table! {
    pub enum Cause in "code-twice-in-list.toml";
    pub enum Category;
    pub struct ParseCauseError;
    pub fn reason_phrase;
}

fn main() {}
