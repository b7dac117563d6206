// The table's path names a file.
cause_macros::cause_table! {
    pub enum Cause in "";
}

fn main() {}
