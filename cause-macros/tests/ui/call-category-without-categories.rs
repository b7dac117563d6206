cause_macros::cause_table! {
    pub enum Cause in "call-category-without-categories.toml";
    pub enum Category;
}

fn main() {}
