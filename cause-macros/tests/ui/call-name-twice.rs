cause_macros::cause_table! {
    pub enum Cause in "table.toml";
    pub enum Category;
    pub struct Cause;
}

fn main() {}
