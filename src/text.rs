//! The small pieces of text every answer is made of: a quoted argument, codes with their
//! phrases, a fallback's codes, a description for the terminal, a markdown row. Every other
//! file of the tool may use these; this one uses none of them.

use std::fmt::Write as _;
use std::ops::RangeInclusive;

use cause_core::{Cause, JsSipCause, Q850, reason_phrase};
use cause_model::markdown::{plain_text, table_cell};

use crate::phrases::Given;

/// The most of an argument an error message quotes, in characters.
const QUOTED: usize = 80;

/// `text` as an error message quotes it: at most [`QUOTED`] characters, `…` where cut.
pub fn quoted(text: &str) -> String {
    match text.char_indices().nth(QUOTED) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// `486 Busy Here` and, for a phrase given that is not the registry's, whose it is: the first
/// lines of every answer about a status code.
pub fn status_head(code: u16, given: Option<&Given>) -> String {
    let mut out = match reason_phrase(code) {
        Some(phrase) => format!("{code} {phrase}\n"),
        None => format!("{code} (no registered reason phrase)\n"),
    };
    if let Some(given) = given {
        let whose: Vec<String> = given.writers.iter().map(|s| s.whose()).collect();
        let text = &given.text;
        let _ = match whose.split_last() {
            None => writeln!(
                out,
                "phrase: {text:?} is no phrase a stack the project knows writes for {code}"
            ),
            Some((last, [])) => writeln!(out, "phrase: {text:?} is {last}"),
            Some((last, rest)) => {
                writeln!(out, "phrase: {text:?} is {} and {last}", rest.join(", "))
            }
        };
    }
    out
}

/// `486 Busy Here, 600 Busy Everywhere`
pub fn codes_text(codes: &[u16]) -> String {
    let codes = codes.iter().map(|&code| match reason_phrase(code) {
        Some(phrase) => format!("{code} {phrase}"),
        None => code.to_string(),
    });
    codes.collect::<Vec<_>>().join(", ")
}

/// The codes a row lists (`listed`, as [`codes_text`] writes them) and, for a table's
/// fallback, every response of its `[failure]` ranges that no other row lists, by the rule of
/// the generated docs: `486 Busy Here, and every failure response (300..=699) no other cause
/// lists`. `rows` names the table's rows (`cause`, `reason`).
pub fn status_codes<T: PartialEq>(
    listed: &[u16],
    failures: &[(RangeInclusive<u16>, T)],
    row: &T,
    rows: &str,
) -> String {
    let listed = codes_text(listed);
    let ranges: Vec<(u16, u16)> = (failures.iter())
        .filter(|(_, fallback)| fallback == row)
        .map(|(range, _)| (*range.start(), *range.end()))
        .collect();
    if ranges.is_empty() {
        return listed;
    }
    let unlisted = cause_model::docs::unlisted_codes(&ranges, rows);
    match listed.is_empty() {
        true => unlisted,
        false => format!("{listed}, and {unlisted}"),
    }
}

/// A description as the terminal shows it: no markdown, and a Rust path such as
/// `Q850::UserBusy` as the cause's name (`Q.850 17 USER_BUSY`).
pub fn plain(description: &str) -> String {
    plain_text(description, |code| {
        let debug = |name: &str, variant: &str| name == variant;
        let name = match code.split_once("::") {
            Some(("Q850", variant)) => Q850::ALL
                .iter()
                .find(|q| debug(&format!("{q:?}"), variant))
                .map(|q| format!("Q.850 {} {}", q.code(), q.name())),
            Some(("Cause", variant)) => Cause::ALL
                .iter()
                .find(|c| debug(&format!("{c:?}"), variant))
                .map(|c| c.name().to_owned()),
            Some(("JsSipCause", variant)) => JsSipCause::ALL
                .iter()
                .find(|c| debug(&format!("{c:?}"), variant))
                .map(|c| format!("JsSIP's {}", c.name())),
            _ => None,
        };
        name.unwrap_or_else(|| code.to_owned())
    })
}

/// `| A | B |` and the rule under it, as long as each name.
pub fn head(out: &mut String, names: &[&str]) {
    let rule: Vec<String> = names.iter().map(|n| "-".repeat(n.len() + 2)).collect();
    let _ = writeln!(out, "| {} |\n|{}|", names.join(" | "), rule.join("|"));
}

/// `| a | b |`, each cell by the docs' rules.
pub fn row(out: &mut String, cells: &[String]) {
    let cells: Vec<String> = cells.iter().map(|cell| table_cell(cell)).collect();
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_cuts_long_arguments() {
        assert_eq!(quoted("short"), "short");
        let long = "é".repeat(100);
        assert_eq!(quoted(&long), format!("{}…", "é".repeat(80)));
    }

    #[test]
    fn a_fallback_names_its_codes_by_what_they_are() {
        let failures = [(100..=399, 'n'), (400..=499, 'i'), (600..=699, 'i')];
        assert_eq!(
            status_codes(&[200], &failures, &'n', "cause"),
            "200 OK, and every response (100..=399) no other cause lists"
        );
        assert_eq!(
            status_codes(&[], &failures, &'i', "cause"),
            "every failure response (400..=499 or 600..=699) no other cause lists"
        );
        assert_eq!(
            status_codes(&[486], &failures, &'x', "cause"),
            "486 Busy Here"
        );
    }
}
