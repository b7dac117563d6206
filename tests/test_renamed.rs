//! A crate that depends on cause-macros under another name still gets a working expansion: the
//! code every table shares lives in `cause_macros::__private`, and `cause_table!` hands the
//! procedural macro its own `$crate` to name it by, not a crate name the caller might not use.

mod nested;

use std::fs;

const TABLE: &str = r#"
[[cause]]
constant = "GONE"
value = "Gone"
description = "The callee left."
"#;

const MAIN: &str = r#"
fn main() {
    let error = "Gonee".parse::<Cause>().unwrap_err();
    println!("{} {:?}", error, Cause::find(" gone "));
}
"#;

#[test]
fn a_renamed_dependency_reaches_the_shared_code() {
    let dir = tempfile::tempdir().unwrap();
    nested::write_probe_crate(dir.path(), "main.rs", MAIN, "");
    let manifest = dir.path().join("Cargo.toml");
    let renamed = fs::read_to_string(&manifest)
        .unwrap()
        .replace("cause-macros = {", "causes = { package = \"cause-macros\",");
    fs::write(&manifest, renamed).unwrap();
    // The table without categories: the call names the cause enum and the parse error only.
    let main = format!(
        "{MAIN}\ncauses::cause_table! {{\n    /// A cause.\n    pub enum Cause in \"../table.toml\";\n    /// A parse error.\n    pub struct ParseCauseError;\n}}\n"
    );
    fs::write(dir.path().join("src/main.rs"), main).unwrap();
    fs::write(dir.path().join("table.toml"), TABLE).unwrap();
    let output = nested::cargo_ok(dir.path(), &["run", "--quiet"]);
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "`Gonee` is not the value of any Cause: did you mean \"Gone\"? Some(Gone)\n"
    );
}
