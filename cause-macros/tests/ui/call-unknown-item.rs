// Only `enum`, `struct` and `fn` items follow the cause enum.
cause_macros::cause_table! {
    pub enum Cause in "unknown-category.toml";
    pub trait Describe;
}

fn main() {}
