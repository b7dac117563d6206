cause_macros::cause_table! {
    #[derive(Default)]
    pub enum Cause in "table.toml";
    pub enum Category;
}

fn main() {}
