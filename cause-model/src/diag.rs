//! Errors found in a table (`cause-table` collects them, so that one build reports all of
//! them), and how they are rendered as the messages a user reads.
//!
//! rustc cannot point inside a TOML file, so every error's message carries the position in the
//! table itself: `causes.toml:12:10:`, what is wrong, and the offending line with a caret under
//! it (`cause-gen` spans them on the path literal of the macro call).

use std::fmt::Write as _;
use std::ops::Range;

/// A byte range in the table's text.
pub type ByteSpan = Range<usize>;

/// One problem in the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where in the table; `None` for faults of the file as a whole (missing, not UTF-8, …).
    pub span: Option<ByteSpan>,
    /// What is wrong, and what is allowed.
    pub message: String,
    /// A second place the message refers to, shown as "first defined at FILE:LINE:COL".
    pub first_defined: Option<ByteSpan>,
}

/// A 1-based line and column (in characters) of a byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    /// The line, from 1.
    pub line: usize,
    /// The column in characters, from 1.
    pub column: usize,
}

/// The line and column of byte `offset` in `source` (of the character it falls in; past the
/// end, of the end).
pub fn line_col(source: &str, offset: usize) -> LineCol {
    let offset = floor_char_boundary(source, offset);
    let before = &source[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    LineCol {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

fn floor_char_boundary(source: &str, offset: usize) -> usize {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Renders diagnostics as the messages a user reads.
pub struct Renderer<'a> {
    /// The table's path as the user wrote it.
    pub path: &'a str,
    /// The table's text, for positions and excerpts.
    pub source: &'a str,
}

/// How many errors one build shows: enough for any table a person wrote, few enough that a
/// file that is no table at all (or a huge one) does not flood the terminal.
pub const MAX_SHOWN: usize = 50;

impl Renderer<'_> {
    /// The messages of a build: the first [`MAX_SHOWN`] diagnostics rendered, then a line
    /// that counts the rest.
    pub fn messages(&self, diagnostics: &[Diagnostic]) -> Vec<String> {
        let hidden = diagnostics.len().saturating_sub(MAX_SHOWN);
        let more = (hidden > 0).then(|| {
            format!(
                "{}: {hidden} more errors not shown; fix the ones above first",
                self.path
            )
        });
        (diagnostics.iter().take(MAX_SHOWN))
            .map(|d| self.render(d))
            .chain(more)
            .collect()
    }

    /// `causes.toml:3:9: message`, then the line with a caret, then the first definition.
    pub fn render(&self, diagnostic: &Diagnostic) -> String {
        let Some(span) = &diagnostic.span else {
            return format!("{}: {}", self.path, diagnostic.message);
        };
        let at = line_col(self.source, span.start);
        let mut text = format!(
            "{}:{}:{}: {}",
            self.path, at.line, at.column, diagnostic.message
        );
        // An empty span at the very start is the table as a whole: no line to show.
        if *span != (0..0) {
            self.excerpt(&mut text, span, at);
        }
        if let Some(first) = &diagnostic.first_defined {
            let first = line_col(self.source, first.start);
            let _ = write!(
                text,
                "\n = note: first defined at {}:{}:{}",
                self.path, first.line, first.column
            );
        }
        text
    }

    fn excerpt(&self, text: &mut String, span: &ByteSpan, at: LineCol) {
        let Some(line) = self.source.lines().nth(at.line - 1) else {
            return;
        };
        let line = line.trim_end_matches('\r');
        let number = at.line.to_string();
        let gutter = " ".repeat(number.len());
        let start = floor_char_boundary(self.source, span.start);
        let end = floor_char_boundary(self.source, span.end.max(span.start));
        // Underline the span, but never past the end of its first line.
        let width = self.source[start..end]
            .lines()
            .next()
            .map_or(1, |s| s.chars().count().max(1));
        let width = width.min(line.chars().count().saturating_sub(at.column - 1).max(1));
        let _ = write!(
            text,
            "\n{gutter} |\n{number} | {line}\n{gutter} | {}{}",
            " ".repeat(at.column - 1),
            "^".repeat(width)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_from_one() {
        let source = "a = 1\nbé = \"x\"\n";
        assert_eq!(line_col(source, 0), LineCol { line: 1, column: 1 });
        assert_eq!(line_col(source, 6), LineCol { line: 2, column: 1 });
        // `=` on line 2 is after the two-byte `é`.
        assert_eq!(line_col(source, 10), LineCol { line: 2, column: 4 });
        assert_eq!(line_col(source, 999), LineCol { line: 3, column: 1 });
    }

    #[test]
    fn render_shows_position_excerpt_and_first_definition() {
        let source = "[[cause]]\nconstant = \"BUSY\"\n[[cause]]\nconstant = \"BUSY\"\n";
        let renderer = Renderer {
            path: "causes.toml",
            source,
        };
        let diagnostic = Diagnostic {
            span: Some(49..55),
            message: "duplicate constant `BUSY`".into(),
            first_defined: Some(21..27),
        };
        assert_eq!(
            renderer.render(&diagnostic),
            "causes.toml:4:12: duplicate constant `BUSY`\n  |\n4 | constant = \"BUSY\"\n  |            ^^^^^^\n = note: first defined at causes.toml:2:12"
        );
    }

    #[test]
    fn render_without_span_names_the_file() {
        let renderer = Renderer {
            path: "x.toml",
            source: "",
        };
        let diagnostic = Diagnostic {
            span: None,
            message: "cannot read".into(),
            first_defined: None,
        };
        assert_eq!(renderer.render(&diagnostic), "x.toml: cannot read");
    }
}
