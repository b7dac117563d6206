cause_macros::cause_table! {
    pub enum JobCause in "key-not-declared.toml";
}

fn main() {}
