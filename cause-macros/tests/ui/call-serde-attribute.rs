// `#[serde]` takes nothing or `feature = "..."`.
cause_macros::cause_table! {
    #[serde(crate = "my_serde")]
    pub enum Cause in "table.toml";
    pub enum Category;
    pub struct ParseCauseError;
}

fn main() {}
