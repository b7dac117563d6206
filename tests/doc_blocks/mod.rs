//! The generated blocks of the README and of `docs/`, which tests keep true: the text between
//! `<!-- NAME: begin -->` and `<!-- NAME: end -->`, each marker on a line of its own, in the
//! file that tells the story the block belongs to.

#![allow(dead_code)] // each test file uses part of it

/// The text of `doc`, a path from the repository's root (`README.md`, `docs/gateway.md`).
pub fn read(doc: &str) -> String {
    let path = format!("{}/{doc}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{doc} is readable: {e}"))
}

/// The lines between the markers of `name` in `doc`, each with its line break.
pub fn block(doc: &str, name: &str) -> String {
    let text = read(doc);
    let begin = format!("<!-- {name}: begin -->\n");
    let end = format!("<!-- {name}: end -->");
    let block = text
        .split(&begin)
        .nth(1)
        .and_then(|rest| rest.split(&end).next());
    block
        .unwrap_or_else(|| panic!("{doc} has no {name} block"))
        .to_owned()
}
