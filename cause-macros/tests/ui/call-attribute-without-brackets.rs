// An attribute is `#[...]`.
cause_macros::cause_table! {
    # doc
    pub enum Cause in "unknown-category.toml";
}

fn main() {}
