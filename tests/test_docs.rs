//! What `cargo doc` shows: every description, and one table per category on the enum's page;
//! and for a table whose descriptions hold markdown and HTML specials, tables that stay whole
//! and HTML that shows as text.

#[path = "../cause-core/tests/common/mod.rs"]
mod common;
mod nested;

use cause_core::{Category, Cause};

/// The text of an HTML page: tags dropped (table cells and blocks apart by a space), the
/// entities rustdoc writes decoded, white space folded, so that a description can be looked
/// for whatever markup rendered it.
fn page_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut tag = None::<String>;
    for c in html.chars() {
        match (&mut tag, c) {
            (None, '<') => tag = Some(String::new()),
            (Some(name), '>') => {
                if ["/td", "/th", "/p", "/h2", "/h3", "/li", "br"].contains(&name.as_str()) {
                    text.push(' ');
                }
                tag = None;
            }
            (Some(name), c) => name.push(c),
            (None, c) => text.push(c),
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A description as rendered: markdown code spans lose their backticks, and rustdoc's smart
/// punctuation curls apostrophes and double quotes.
fn rendered(description: &str) -> String {
    // Double quotes outside code spans curl in pairs: “ then ”; single ones into ’.
    let mut quotes = ['\u{201c}', '\u{201d}'].into_iter().cycle();
    let mut in_code = false;
    let curled: String = description
        .chars()
        .map(|c| match c {
            '`' => {
                in_code = !in_code;
                c
            }
            '"' if !in_code => quotes.next().unwrap_or(c),
            '\'' if !in_code => '\u{2019}',
            c => c,
        })
        .collect();
    curled
        .replace('`', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A page of cause-core's docs, built as docs.rs builds them (every feature, no dependencies).
fn core_page(file: &str) -> String {
    nested::cargo_ok(
        &nested::workspace(),
        &["doc", "-p", "cause-core", "--no-deps", "--all-features"],
    );
    let page = nested::target_dir().join("doc/cause_core").join(file);
    std::fs::read_to_string(&page).unwrap_or_else(|e| panic!("{}: {e}", page.display()))
}

fn enum_page() -> String {
    core_page("enum.Cause.html")
}

#[test]
fn the_callers_docs_are_not_run_together_with_generated_ones() {
    let error = page_text(&core_page("struct.ParseCauseError.html"));
    assert_eq!(
        error.matches("The error of parsing a string").count(),
        1,
        "{error}"
    );
    let phrase = page_text(&core_page("fn.reason_phrase.html"));
    assert_eq!(
        phrase.matches("The reason phrase of a").count(),
        1,
        "{phrase}"
    );
}

#[test]
fn the_crate_page_is_for_users_and_its_links_resolve() {
    let index = core_page("index.html");
    let text = page_text(&index);
    // An intra-doc link to a crate that is not documented stays as literal brackets.
    assert!(!text.contains("[cause_macros"), "{text}");
    assert!(!text.contains("root of the repository"), "{text}");
    assert!(
        index.contains("href=\"https://docs.rs/cause-macros\""),
        "{text}"
    );
}

#[test]
fn serde_impls_are_documented_with_their_feature() {
    let text = page_text(&enum_page());
    assert!(text.contains("impl Serialize for Cause"), "{text}");
    assert!(text.contains("Needs the serde feature"), "{text}");
}

#[test]
fn the_enum_page_has_every_description_and_a_table_per_category() {
    let html = enum_page();
    let text = page_text(&html);
    for &cause in Cause::ALL {
        let description = rendered(cause.description());
        // Once in the category's table, once in the variant's own doc.
        assert!(
            text.matches(&description).count() >= 2,
            "{cause:?}: {description}"
        );
        assert!(
            text.contains(&format!("Value: {}", cause.as_str())),
            "{cause:?}"
        );
    }
    // Each category heading is followed by its table, before the next heading.
    let mut rest = html.as_str();
    for &category in Category::ALL {
        let heading = format!("</a>{}</h3>", category.title());
        let at = rest
            .find(&heading)
            .unwrap_or_else(|| panic!("no heading for {category:?}"));
        rest = &rest[at + heading.len()..];
        let table = rest.find("<table>").expect("a table after the heading");
        let next = rest.find("</h3>").unwrap_or(usize::MAX);
        assert!(
            table < next,
            "{category:?} heading has no table before the next heading"
        );
        let table_html = &rest[table..];
        let table_html = &table_html[..table_html.find("</table>").expect("closed table")];
        for &cause in category.causes() {
            assert!(
                table_html.contains(&format!("<code>{}</code>", cause.name())),
                "{cause:?}"
            );
        }
    }
}

#[test]
fn status_codes_show_their_reason_phrases() {
    let text = page_text(&enum_page());
    assert!(text.contains("486 Busy Here, 600 Busy Everywhere"));
    assert!(text.contains("in a dialog: 408 Request Timeout, 481 Call/Transaction Does Not Exist"));
}

// A table of specials, documented in a probe crate of its own.
const TABLE: &str = r#"
[failure]
codes = [300, 699]
fallback = "PIPES"

[[category]]
key = "odd"
title = "Odd <i>titles</i> | too"

[[cause]]
constant = "PIPES"
value = "a|b"
category = "odd"
description = """
Pipes | here, `code | pipe` and ``double `tick` code``.
<script>alert("owned")</script> and <b>bold</b>.
# Not a heading
*/ "quotes" and \\backslashes\\ and \\| too."""
status-codes = [486]

[[cause]]
constant = "TICKS"
value = "`tick`"
category = "odd"
description = "Plain."
aliases = ["<tick>"]
"#;

const LIB: &str = r#"
//! Probe.
"#;

#[test]
fn specials_in_descriptions_keep_the_tables_whole_and_html_escaped() {
    let dir = tempfile::tempdir().unwrap();
    nested::write_probe_crate(dir.path(), "lib.rs", LIB, TABLE);
    let output = nested::cargo(dir.path(), &["doc", "--no-deps"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("warning"), "rustdoc warned:\n{stderr}");
    let page = nested::target_dir().join("doc/probe/enum.Cause.html");
    let html = std::fs::read_to_string(&page).unwrap();

    // Nothing from a description became markup.
    assert!(!html.contains("<script>alert"), "a <script> got through");
    assert!(html.contains("&lt;script&gt;alert"));
    assert!(!html.contains("<b>bold</b>"));
    assert!(!html.contains("<i>titles</i>"));
    assert!(
        !html.contains(">Not a heading</h"),
        "a # line in a table cell became a heading"
    );

    // The category table: one row per cause, four cells each.
    let start = html.find("<table>").expect("the category table");
    let table = &html[start..start + html[start..].find("</table>").unwrap()];
    let rows: Vec<&str> = table.split("<tr>").skip(2).collect();
    assert_eq!(rows.len(), 2, "{table}");
    for row in &rows {
        assert_eq!(row.matches("<td").count(), 4, "{row}");
    }
    // The pipes stayed inside their cells, the code spans whole.
    assert!(rows[0].contains("<code>a|b</code>"), "{}", rows[0]);
    assert!(rows[0].contains("<code>code | pipe</code>"), "{}", rows[0]);
    assert!(
        rows[0].contains("<code>double `tick` code</code>"),
        "{}",
        rows[0]
    );
    assert!(rows[0].contains("*/ "), "{}", rows[0]);
    assert!(rows[0].contains("\\backslashes\\"), "{}", rows[0]);
    assert!(rows[1].contains("<code>`tick`</code>"), "{}", rows[1]);
}

/// `html` without the elements named `tag` and what they hold (`<pre ...>...</pre>`).
fn without_elements(html: &str, tag: &str) -> String {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut rest = html;
    let mut kept = String::with_capacity(html.len());
    while let Some(start) = rest.find(&open) {
        kept.push_str(&rest[..start]);
        rest = match rest[start..].find(&close) {
            Some(end) => &rest[start + end + close.len()..],
            None => "",
        };
    }
    kept.push_str(rest);
    kept
}

#[test]
fn no_page_shows_a_broken_code_span() {
    // Build the pages (the first call builds the whole crate's docs).
    core_page("index.html");
    let dir = nested::target_dir().join("doc/cause_core");
    let mut pages = vec![dir];
    let mut checked = 0;
    while let Some(path) = pages.pop() {
        if path.is_dir() {
            let entries = std::fs::read_dir(&path).expect("a docs folder");
            pages.extend(entries.map(|entry| entry.expect("an entry").path()));
            continue;
        }
        if path.extension().is_none_or(|ext| ext != "html") {
            continue;
        }
        let html = std::fs::read_to_string(&path).expect("a page");
        let html = ["pre", "code", "script"]
            .iter()
            .fold(html, |html, tag| without_elements(&html, tag));
        // A backtick outside code is markdown that did not close: `\`` or an odd count.
        let text = page_text(&html);
        if let Some(at) = text.find('`') {
            let around = text.get(at.saturating_sub(60)..(at + 60).min(text.len()));
            panic!("{}: a stray backtick: {around:?}", path.display());
        }
        checked += 1;
    }
    assert!(checked > 20, "{checked} pages");
}
