cause_macros::cause_table! {
    pub enum Cause in "not-utf8.toml";
    pub enum Category;
    pub struct ParseCauseError;
    pub fn reason_phrase;
}

fn main() {}
