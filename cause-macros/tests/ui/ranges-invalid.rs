cause_macros::cause_table! {
    pub enum Cause in "ranges-invalid.toml";
    pub enum Category;
    pub struct ParseCauseError;
    pub fn reason_phrase;
}

fn main() {}
