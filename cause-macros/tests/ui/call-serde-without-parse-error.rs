// serde reads a cause as `FromStr` does, so `#[serde]` needs the parse error item.
cause_macros::cause_table! {
    #[serde]
    pub enum Cause in "table.toml";
    pub enum Category;
}

fn main() {}
