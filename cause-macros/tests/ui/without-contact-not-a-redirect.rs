cause_macros::cause_table! {
    pub enum Cause in "without-contact-not-a-redirect.toml";
}

fn main() {}
