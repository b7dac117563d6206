//! Whatever the table file holds, the pipeline returns code that lexes or errors that carry a
//! position: it never panics. Random bytes, random TOML-looking text, and valid tables with
//! one thing changed are fed to build, validate, render and expand.

use proptest::prelude::*;

use crate::expand::{Env, expand};
use crate::input::Input;
use cause_model::diag::{MAX_SHOWN, Renderer};

const VALID: &str = include_str!("../../cause-macros/tests/pass/table.toml");

fn input() -> Input {
    "pub enum Cause in \"t.toml\"; pub enum Category; pub struct ParseCauseError; pub fn reason_phrase;"
        .parse()
    .unwrap_or_else(|e| panic!("the test's macro input parses: {e}"))
}

/// Runs the whole pipeline on `source`; checks every error renders with `t.toml:LINE:COL:`.
fn check(source: &str) {
    match cause_table::check(source).map_err(|rejected| rejected.errors) {
        Ok(model) => {
            let env = Env { track_path: None };
            let input = input();
            let code = expand(&input, &model, &env);
            // The expansion is text that the macro hands to the compiler's lexer: whatever
            // the table holds (quotes, backslashes, control characters), it must lex.
            let text = crate::Expansion { errors: None, code }.text(&input);
            let lexed = text.parse::<proc_macro2::TokenStream>();
            assert!(
                lexed.is_ok_and(|tokens| !tokens.is_empty()),
                "{source:?} expands to text that does not lex"
            );
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "an Err with no error for {source:?}");
            let renderer = Renderer {
                path: "t.toml",
                source,
            };
            // What the user sees: the first MAX_SHOWN errors (each render counts lines from
            // the start of the file, so all of a 10 MB file's errors would take minutes).
            for error in errors.iter().take(MAX_SHOWN) {
                let text = renderer.render(error);
                let position = text.split(": ").next().unwrap_or_default();
                let mut parts = position.split(':');
                assert_eq!(parts.next(), Some("t.toml"), "{text}");
                for number in [parts.next(), parts.next()] {
                    let number = number.and_then(|n| n.parse::<usize>().ok());
                    assert!(number.is_some_and(|n| n >= 1), "no line and column: {text}");
                }
            }
            let shown = renderer.messages(&errors).len();
            assert_eq!(
                shown,
                errors.len().min(MAX_SHOWN) + usize::from(errors.len() > MAX_SHOWN)
            );
        }
    }
}

/// Values that break tables in every way a key can be broken.
const NASTY: &[&str] = &[
    "\"\"",
    "\" \"",
    "0",
    "-1",
    "99",
    "700",
    "65536",
    "99999999999999999999999999",
    "1.5",
    "true",
    "[]",
    "[486, 486]",
    "[\"a\", 1]",
    "{}",
    "{ a = 1 }",
    "1979-05-27",
    "\"SELF\"",
    "\"Self\"",
    "\"no_ack\"",
    "\"BUSY\"",
    "\"Busy\"",
    "\"errors\"",
    "\"a|b`c<script>\"",
    "\"\\u00e9\"",
    "[[1]]",
    "\"\"\"\n\"\"\"",
    "0x1e6",
    "inf",
];

/// Replaces the value of line `line` (if it has one) with `value`, or removes or repeats it.
fn mutate(line: usize, value: &str, action: u8) -> String {
    let lines: Vec<&str> = VALID.lines().collect();
    let index = line % lines.len();
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    match action % 3 {
        0 => {
            if let Some((key, _)) = lines[index].split_once(" = ") {
                out[index] = format!("{key} = {value}");
            }
        }
        1 => {
            out.remove(index);
        }
        _ => out.insert(index, lines[index].to_owned()),
    }
    out.join("\n")
}

#[test]
fn the_valid_table_expands() {
    assert!(cause_table::check(VALID).is_ok());
    check(VALID);
}

#[test]
fn a_huge_file_is_errors_not_a_panic() {
    // 10 MB: a valid table with a long tail of garbage lines, and one of only garbage.
    let garbage = "x = = \"\n".repeat(10 * 1024 * 1024 / 8);
    check(&format!("{VALID}\n{garbage}"));
    check(&"[[cause]]\nconstant = \"A\"\n".repeat(10 * 1024 * 1024 / 30));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        check(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn random_toml_looking_text(text in "[\\[\\]a-z0-9=\"' ,.{}#\n_-]{0,300}") {
        check(&text);
    }

    #[test]
    fn valid_table_with_one_change(
        line in 0usize..200,
        value in proptest::sample::select(NASTY),
        action in 0u8..3,
    ) {
        check(&mutate(line, value, action));
    }
}
