//! The generated rustdoc, as plain strings: `expand.rs` only splices them in.
//!
//! Descriptions are markdown written by whoever edits the table, so everything taken from it is
//! escaped for where it lands: HTML is shown as text (a `<script>` stays text), and in a table
//! cell `|` and line breaks cannot break the table.

use std::fmt::Write as _;

use crate::spec::{CategorySpec, CauseSpec, Loc, Spec};

/// What the docs need besides the table.
pub struct DocContext<'a> {
    pub spec: &'a Spec,
    /// The name of the generated cause enum (`Cause`).
    pub enum_name: String,
    /// The name of the generated category enum (`Category`).
    pub category_name: String,
    /// The crate the enum lives in, for the examples; `None` leaves the examples out.
    pub crate_name: Option<&'a str>,
}

impl DocContext<'_> {
    /// The doc appended to the enum's own: one table per category.
    pub fn enum_doc(&self) -> String {
        let mut doc = String::from("\n# Causes\n");
        for category in &self.spec.categories {
            let _ = write!(
                doc,
                "\n## {}\n\n",
                escape_html(&one_line(&category.title.value))
            );
            if let Some(description) = &category.description {
                let _ = write!(doc, "{}\n\n", description_block(&description.value));
            }
            doc.push_str("| Constant | Value | Status codes | Description |\n");
            doc.push_str("|----------|-------|--------------|-------------|\n");
            for cause in self.causes_in(category) {
                let _ = writeln!(
                    doc,
                    "| [{}]({}::{}) | {} | {} | {} |",
                    code_span(&cause.constant.value),
                    self.enum_name,
                    cause.variant.value,
                    table_cell(&code_span(&cause.value.value)),
                    table_cell(&self.codes_cell(cause)),
                    table_cell(&cause.description.value),
                );
            }
        }
        doc.push_str(&self.failure_note());
        doc
    }

    fn causes_in<'s>(&'s self, category: &'s CategorySpec) -> impl Iterator<Item = &'s CauseSpec> {
        let key = &category.key.value;
        self.spec
            .causes
            .iter()
            .filter(move |c| &c.category.value == key)
    }

    fn codes_cell(&self, cause: &CauseSpec) -> String {
        let mut cell = self.codes_text(&cause.status_codes);
        if !cause.in_dialog_status_codes.is_empty() {
            if !cell.is_empty() {
                cell.push_str("; ");
            }
            cell.push_str("in a dialog: ");
            cell.push_str(&self.codes_text(&cause.in_dialog_status_codes));
        }
        cell
    }

    /// `486 Busy Here, 600 Busy Everywhere`
    fn codes_text(&self, codes: &[Loc<u16>]) -> String {
        codes
            .iter()
            .map(|code| match self.reason_phrase(code.value) {
                Some(phrase) => format!("{} {}", code.value, one_line(phrase)),
                None => code.value.to_string(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn reason_phrase(&self, code: u16) -> Option<&str> {
        let phrases = &self.spec.reason_phrases;
        let index = phrases.binary_search_by_key(&code, |p| p.code.value).ok()?;
        Some(&phrases[index].phrase.value)
    }

    fn failure_note(&self) -> String {
        let Some((low, high, fallback)) = self.spec.failure() else {
            return String::new();
        };
        let fallback = self
            .spec
            .causes
            .iter()
            .find(|c| c.constant.value == fallback);
        let Some(fallback) = fallback else {
            return String::new();
        };
        format!(
            "\nA final failure response ({}..={}) whose code no cause lists maps to [{}]({}::{}).\n",
            low,
            high,
            code_span(&fallback.constant.value),
            self.enum_name,
            fallback.variant.value
        )
    }

    /// A variant's own doc: its description, its facts, and an example.
    pub fn variant_doc(&self, cause: &CauseSpec) -> String {
        let mut doc = description_block(&cause.description.value);
        doc.push_str("\n\n");
        let mut fact = |name: &str, text: String| {
            let _ = writeln!(doc, "- {name}: {}", inline(&text));
        };
        fact("Constant", code_span(&cause.constant.value));
        fact("Value", code_span(&cause.value.value));
        if let Some(category) = self.category_of(cause) {
            let link = format!(
                "[{}]({}::{})",
                category.title.value, self.category_name, category.variant.value
            );
            fact("Category", link);
        }
        if !cause.status_codes.is_empty() {
            fact("Status codes", self.codes_text(&cause.status_codes));
        }
        if !cause.in_dialog_status_codes.is_empty() {
            fact(
                "In-dialog status codes",
                self.codes_text(&cause.in_dialog_status_codes),
            );
        }
        if !cause.aliases.is_empty() {
            let aliases: Vec<String> = cause.aliases.iter().map(|a| code_span(&a.value)).collect();
            fact("Also parsed from", aliases.join(", "));
        }
        doc.push_str(&self.variant_example(cause));
        doc
    }

    fn category_of(&self, cause: &CauseSpec) -> Option<&CategorySpec> {
        self.spec
            .categories
            .iter()
            .find(|c| c.key.value == cause.category.value)
    }

    fn variant_example(&self, cause: &CauseSpec) -> String {
        let Some(krate) = self.crate_name else {
            return String::new();
        };
        let name = &self.enum_name;
        let variant = format!("{name}::{}", cause.variant.value);
        let mut example = format!(
            "\n# Example\n\n```\nuse {krate}::{name};\n\nassert_eq!({variant}.as_str(), {value:?});\nassert_eq!({value:?}.parse::<{name}>(), Ok({variant}));\nassert_eq!({name}::from_name({constant:?}), Some({variant}));\n",
            value = cause.value.value,
            constant = cause.constant.value,
        );
        if let Some(code) = cause.status_codes.first() {
            let _ = writeln!(
                example,
                "assert_eq!({name}::from_status_code({}), Some({variant}));",
                code.value
            );
        }
        if let Some(code) = cause.in_dialog_status_codes.first() {
            let _ = writeln!(
                example,
                "assert_eq!({name}::for_in_dialog_failure({}), Some({variant}));",
                code.value
            );
        }
        example.push_str("```\n");
        example
    }

    /// A category variant's doc: its title, description and the constants it holds.
    pub fn category_doc(&self, category: &CategorySpec) -> String {
        let mut doc = escape_html(&one_line(&category.title.value));
        if let Some(description) = &category.description {
            let _ = write!(doc, "\n\n{}", description_block(&description.value));
        }
        let members: Vec<String> = self
            .causes_in(category)
            .map(|c| {
                format!(
                    "[{}]({}::{})",
                    code_span(&c.constant.value),
                    self.enum_name,
                    c.variant.value
                )
            })
            .collect();
        let _ = write!(doc, "\n\nCauses: {}.", members.join(", "));
        doc
    }
}

/// Markdown for `text` as inline code, with a fence of backticks longer than any run inside.
pub fn code_span(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    // A space keeps a leading or trailing backtick apart from the fence.
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Markdown for one table cell: one line, and every `|` escaped (also inside code spans,
/// where the table parser still sees it). An empty cell shows a dash.
pub fn table_cell(markdown: &str) -> String {
    let cell = inline(markdown).replace('|', "\\|");
    if cell.trim().is_empty() {
        return "\u{2014}".to_owned();
    }
    cell
}

/// Markdown for inline text, such as a list item: one line, HTML shown as text.
pub fn inline(markdown: &str) -> String {
    escape_html(&one_line(markdown))
}

/// Joins the lines of `text` with spaces (blank lines included: a table row is one line).
fn one_line(text: &str) -> String {
    text.lines().map(str::trim).collect::<Vec<_>>().join(" ")
}

/// A description as a block of its own: paragraphs, lists and code spans render, but it
/// cannot break the page around it. A `#` line stays text instead of becoming a heading among
/// the generated ones, a code block without a language is `text` (not a doctest that would
/// fail `cargo test`), and HTML shows as text.
pub fn description_block(markdown: &str) -> String {
    let mut out = Vec::new();
    let mut fence: Option<&str> = None;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (Some(open), Some(m)) if m == open => {
                fence = None;
                out.push(line.to_owned());
            }
            (Some(_), _) => out.push(line.to_owned()),
            (None, Some(m)) => {
                fence = Some(m);
                let info = trimmed.trim_start_matches(m.chars().next().unwrap_or('`'));
                let info = if info.trim().is_empty() { "text" } else { "" };
                out.push(format!("{line}{info}"));
            }
            (None, None) if indent.len() <= 3 && trimmed.starts_with('#') => {
                out.push(format!("{indent}\\{}", escape_html(trimmed)));
            }
            (None, None) => out.push(escape_html(line)),
        }
    }
    out.join("\n")
}

/// Escapes `<` and `>` outside code spans, so HTML written in a description shows as text.
/// Inside code spans they are already literal, and an entity there would show as `&lt;`.
pub fn escape_html(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(start) = rest.find('`') {
        let (text, from_tick) = rest.split_at(start);
        push_escaped(&mut out, text);
        let run = from_tick.len() - from_tick.trim_start_matches('`').len();
        let after_open = &from_tick[run..];
        match find_closing_run(after_open, run) {
            Some(end) => {
                let span_len = run + end + run;
                out.push_str(&from_tick[..span_len]);
                rest = &from_tick[span_len..];
            }
            None => {
                // No closing run: the backticks are literal text.
                out.push_str(&from_tick[..run]);
                rest = after_open;
            }
        }
    }
    push_escaped(&mut out, rest);
    out
}

/// The offset of the next run of exactly `run` backticks in `text`.
fn find_closing_run(text: &str, run: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'`' {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i] == b'`' {
            i += 1;
        }
        if i - start == run {
            return Some(start);
        }
    }
    None
}

fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_span_fences_backticks() {
        assert_eq!(code_span("Busy"), "`Busy`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
    }

    #[test]
    fn escape_html_keeps_code_spans() {
        assert_eq!(
            escape_html("<script>x</script>"),
            "&lt;script&gt;x&lt;/script&gt;"
        );
        assert_eq!(escape_html("a `<b>` c <d>"), "a `<b>` c &lt;d&gt;");
        assert_eq!(escape_html("``a`<b>`` <c>"), "``a`<b>`` &lt;c&gt;");
        assert_eq!(escape_html("lone ` <b>"), "lone ` &lt;b&gt;");
    }

    #[test]
    fn description_block_keeps_the_page_structure() {
        assert_eq!(
            description_block("a <b>\n# not a heading"),
            "a &lt;b&gt;\n\\# not a heading"
        );
        assert_eq!(
            description_block("```\nlet x = <y>;\n# z\n```\n```rust\nok\n```"),
            "```text\nlet x = <y>;\n# z\n```\n```rust\nok\n```"
        );
        assert_eq!(description_block("~~~\na\n~~~"), "~~~text\na\n~~~");
    }

    #[test]
    fn table_cell_is_one_line_with_pipes_escaped() {
        assert_eq!(table_cell("a | b\n# c"), "a \\| b # c");
        assert_eq!(table_cell("a\n\nb"), "a  b");
        assert_eq!(table_cell("`x|y`"), "`x\\|y`");
        assert_eq!(table_cell("1 < 2"), "1 &lt; 2");
        assert_eq!(table_cell(" "), "\u{2014}");
    }
}
