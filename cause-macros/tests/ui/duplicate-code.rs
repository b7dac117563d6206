cause_macros::cause_table! {
    pub enum Cause in "duplicate-code.toml";
    pub enum Category;
    pub struct ParseCauseError;
    pub fn reason_phrase;
}

fn main() {}
