// `#[examples(...)]` takes `path = "..."` or `ignore`, nothing else.
cause_macros::cause_table! {
    #[examples(run)]
    pub enum Cause in "unknown-category.toml";
    pub enum Category;
}

fn main() {}
