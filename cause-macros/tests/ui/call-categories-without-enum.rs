cause_macros::cause_table! {
    pub enum Cause in "table.toml";
    pub struct ParseCauseError;
}

fn main() {}
