//! The README's generated blocks, which tests keep true: the text between
//! `<!-- NAME: begin -->` and `<!-- NAME: end -->`, each marker on a line of its own.

/// The lines between the markers of `name`, each with its line break.
pub fn block(name: &str) -> String {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md is readable");
    let begin = format!("<!-- {name}: begin -->\n");
    let end = format!("<!-- {name}: end -->");
    let block = readme
        .split(&begin)
        .nth(1)
        .and_then(|rest| rest.split(&end).next());
    block
        .unwrap_or_else(|| panic!("the README has no {name} block"))
        .to_owned()
}
