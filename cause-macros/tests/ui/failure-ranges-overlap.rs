// Several `[[failure]]` ranges may not share a code: each code falls back to one cause.
cause_macros::cause_table! {
    pub enum Cause in "failure-ranges-overlap.toml";
}

fn main() {}
