cause_macros::cause_table! {
    pub enum Cause in "value-white-space.toml";
    pub enum Category;
    pub struct ParseCauseError;
    pub fn reason_phrase;
}

fn main() {}
