// Only the cause enum names a table: the category enum is made from the same one.
cause_macros::cause_table! {
    pub enum Cause in "unknown-category.toml";
    pub enum Category in "categories.toml";
}

fn main() {}
