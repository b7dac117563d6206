// The expansion repeats the caller's own tokens with their spans: the `Debug` the macro
// writes and the one derived here conflict, and rustc points at the caller's `Debug`.
cause_macros::cause_table! {
    #[derive(Debug)]
    pub enum Cause in "table.toml";
    pub enum Category;
}

fn main() {}
