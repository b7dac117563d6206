//! Markdown made safe for where it lands, by the rules of the generated rustdoc (`docs.rs`),
//! public so that other renderings of a table (the `sip-cause` tool's) read alike: text from
//! the table shows as written, HTML as text (a `<script>` stays text), and in a table cell
//! `|` and line breaks cannot break the table. Plain string functions.

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
pub fn one_line(text: &str) -> String {
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
        push_escaped(&mut out, &rest[..start]);
        let span = code_span_len(&rest[start..]);
        out.push_str(&rest[start..start + span]);
        rest = &rest[start + span..];
    }
    push_escaped(&mut out, rest);
    out
}

/// Markdown for where links lead nowhere (a terminal, a table outside rustdoc): each link
/// `[label](target)` becomes its label, since a target such as `crate::Q850::UserBusy` only
/// means something to rustdoc. Code spans, and brackets that make no link, stay as written.
pub fn link_labels(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(start) = rest.find(['`', '[']) {
        out.push_str(&rest[..start]);
        let at = &rest[start..];
        let taken = if at.starts_with('`') {
            let span = code_span_len(at);
            out.push_str(&at[..span]);
            span
        } else if let Some((label, len)) = link_at(at) {
            out.push_str(label);
            len
        } else {
            out.push('[');
            1
        };
        rest = &at[taken..];
    }
    out.push_str(rest);
    out
}

/// Markdown as a terminal shows it: links as their labels ([`link_labels`]), emphasis without
/// its `*`, and each code span as `code` gives its text (the span's content, or a plainer
/// name for a Rust path such as `Q850::UserBusy`).
pub fn plain_text(markdown: &str, code: impl Fn(&str) -> String) -> String {
    let labelled = link_labels(markdown);
    let mut out = String::with_capacity(labelled.len());
    let mut rest = labelled.as_str();
    while let Some(start) = rest.find(['`', '*']) {
        out.push_str(&rest[..start]);
        let at = &rest[start..];
        if let Some(after) = at.strip_prefix('*') {
            rest = after;
            continue;
        }
        let span = code_span_len(at);
        let run = at.len() - at.trim_start_matches('`').len();
        match span > run {
            true => out.push_str(&code(at[run..span - run].trim())),
            false => out.push_str(&at[..span]),
        }
        rest = &at[span..];
    }
    out.push_str(rest);
    out
}

/// The length of the code span that `text` starts with, or of its opening run of backticks
/// when no run of the same length closes it (then they are literal text).
fn code_span_len(text: &str) -> usize {
    let run = text.len() - text.trim_start_matches('`').len();
    match find_closing_run(&text[run..], run) {
        Some(end) => run + end + run,
        None => run,
    }
}

/// The link `[label](target)` that `text` starts with: its label and its whole length. A
/// label may hold code spans (`[`Q850`](crate::Q850)`), not another `[`.
fn link_at(text: &str) -> Option<(&str, usize)> {
    let bytes = text.as_bytes();
    let mut i = 1;
    while i < bytes.len() && bytes[i] != b']' {
        match bytes[i] {
            b'`' => i += code_span_len(&text[i..]),
            b'[' | b'\n' => return None,
            _ => i += 1,
        }
    }
    let target = text.get(i + 1..)?.strip_prefix('(')?;
    let end = target.find([')', '\n', ' '])?;
    (target.as_bytes()[end] == b')').then(|| (&text[1..i], i + 2 + end + 1))
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

    #[test]
    fn plain_text_drops_markup_and_renames_code() {
        let markdown = "The cause 17, *User busy* ([`Q850::UserBusy`](crate::Q850::UserBusy)), `a*b` and ``x`y``.";
        let plain = plain_text(markdown, |code| match code {
            "Q850::UserBusy" => "Q.850 17".to_owned(),
            other => other.to_owned(),
        });
        assert_eq!(plain, "The cause 17, User busy (Q.850 17), a*b and x`y.");
        assert_eq!(
            plain_text("an `unclosed span", str::to_owned),
            "an `unclosed span"
        );
    }

    #[test]
    fn link_labels_keeps_the_label_and_drops_the_target() {
        assert_eq!(
            link_labels(
                "The cause 17, *User busy* ([`Q850::UserBusy`](crate::Q850::UserBusy)), as named."
            ),
            "The cause 17, *User busy* (`Q850::UserBusy`), as named."
        );
        assert_eq!(
            link_labels("[plain](https://example.com) text"),
            "plain text"
        );
        // Brackets that make no link, and links inside code spans, stay.
        assert_eq!(
            link_labels("`[failure]` and [ranges] or [x]"),
            "`[failure]` and [ranges] or [x]"
        );
        assert_eq!(
            link_labels("`[a](b)` [c] (d) [e](f g)"),
            "`[a](b)` [c] (d) [e](f g)"
        );
        assert_eq!(link_labels("[`]`](x) é[ü](y)"), "`]` éü");
        assert_eq!(
            link_labels("unclosed [label](target"),
            "unclosed [label](target"
        );
        assert_eq!(link_labels("``unclosed [a](b)"), "``unclosed a");
    }
}
