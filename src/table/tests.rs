//! The markdown rules of `table.rs`'s cells.

use super::*;
use cause_model::markdown::table_cell;

#[test]
fn table_cells_follow_the_rules_of_the_docs() {
    let tricky = "a | b\n<script>x</script> `c|d` # e";
    assert_eq!(
        table_cell(tricky),
        "a \\| b &lt;script&gt;x&lt;/script&gt; `c\\|d` # e"
    );
    assert_eq!(table_cell(&code_span("a`b")), "``a`b``");
    assert_eq!(table_cell(""), "\u{2014}");
    let table = causes_markdown();
    assert!(
        table.contains("| `SIP_FAILURE_CODE` | `SIP Failure Code` | every failure response (300..=699) no other cause lists | \u{2014} |"),
        "{table}"
    );
    for line in table.lines().filter(|l| l.starts_with("| `")) {
        assert_eq!(line.matches(" | ").count(), 4, "{line}");
    }
}
