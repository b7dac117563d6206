//! The rules for names: constants, category keys and the Rust variants made from them.

use crate::diag::{Diagnostics, Loc};

/// `BUSY`, `NO_ACK`: ASCII upper case letters, digits and `_`, starting with a letter.
pub fn check_constant(constant: &Loc<String>, diags: &Diagnostics) -> bool {
    let name = &constant.value;
    if name.is_empty() {
        diags.error(constant.span.clone(), "constant must not be empty");
        return false;
    }
    let ok = name.starts_with(|c: char| c.is_ascii_uppercase())
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
    if !ok {
        diags.error(
            constant.span.clone(),
            format!(
                "constant `{}` is not SCREAMING_SNAKE_CASE: use ASCII upper case letters, digits and `_`, starting with a letter (like `NO_ANSWER`)",
                name.escape_debug()
            ),
        );
    }
    ok
}

/// `common`, `sip-error`: ASCII lower case words joined by `-` or `_`.
pub fn check_category_key(key: &Loc<String>, diags: &Diagnostics) -> bool {
    let name = &key.value;
    let ok = name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if !ok {
        diags.error(
            key.span.clone(),
            format!(
                "category key `{}` is not kebab-case: use ASCII lower case letters, digits, `-` and `_`, starting with a letter (like `sip-error`)",
                name.escape_debug()
            ),
        );
    }
    ok
}

/// `NO_ACK` → `NoAck`, `sip-error` → `SipError`: each word capitalised, separators dropped.
pub fn upper_camel(name: &str, separators: &[char]) -> String {
    name.split(separators)
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            first
                .into_iter()
                .chain(chars.map(|c| c.to_ascii_lowercase()))
                .collect::<String>()
        })
        .collect()
}

/// An explicit `variant = "..."`: an UpperCamelCase Rust identifier that is not a keyword.
pub fn check_variant(variant: &Loc<String>, diags: &Diagnostics) {
    if let Some(problem) = variant_problem(&variant.value) {
        {
            diags.error(
                variant.span.clone(),
                format!(
                    "`variant = \"{}\"` {problem}: use an UpperCamelCase identifier such as `NoAnswer`",
                    variant.value.escape_debug()
                ),
            );
        }
    }
}

/// A variant made from a constant or key (`from` names which): if it is no valid variant,
/// the user needs `variant = "..."`.
pub fn check_derived_variant(variant: &Loc<String>, from: &str, diags: &Diagnostics) {
    if let Some(problem) = variant_problem(&variant.value) {
        {
            diags.error(
                variant.span.clone(),
                format!(
                    "the variant made from this {from}, `{}`, {problem}: add `variant = \"...\"` with another name",
                    variant.value
                ),
            );
        }
    }
}

/// Whether `variant` is a valid variant name: an UpperCamelCase identifier, never a keyword.
pub fn is_variant(variant: &str) -> bool {
    variant_problem(variant).is_none()
}

fn variant_problem(variant: &str) -> Option<&'static str> {
    if variant == "Self" {
        return Some("is a Rust keyword");
    }
    if !variant.starts_with(|c: char| c.is_ascii_uppercase()) {
        return Some("does not start with an ASCII upper case letter");
    }
    if !variant.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Some("is not made of ASCII letters and digits only");
    }
    None
}

/// `: did you mean `near`?` when one of `allowed` is a likely typo of `name`: the one wording of
/// every suggestion in the crate's messages.
pub fn did_you_mean(name: &str, allowed: &[&str]) -> Option<String> {
    nearest(name, allowed).map(|near| format!(": did you mean `{near}`?"))
}

/// `` `a`, `b`, `c` ``: the names a message lists as allowed.
pub fn backticked(names: &[&str]) -> String {
    let names: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    names.join(", ")
}

/// The allowed name closest to `name`, if it is close enough to be a likely typo.
pub fn nearest<'a>(name: &str, allowed: &[&'a str]) -> Option<&'a str> {
    allowed
        .iter()
        .map(|candidate| (edit_distance(name, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= (candidate.len() / 3).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Edit distance over characters, a swap of two neighbours counting as one edit (optimal
/// string alignment), since `valeu` for `value` is one slip of the fingers.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    // rows[i][j]: the distance between a[..i] and b[..j].
    let mut rows = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_camel_joins_capitalised_words() {
        assert_eq!(upper_camel("NO_ACK", &['_']), "NoAck");
        assert_eq!(upper_camel("NO__ACK", &['_']), "NoAck");
        assert_eq!(
            upper_camel("WEBRTC_NOT_SUPPORTED", &['_']),
            "WebrtcNotSupported"
        );
        assert_eq!(upper_camel("sip-error", &['-', '_']), "SipError");
        assert_eq!(upper_camel("SELF", &['_']), "Self");
        assert_eq!(upper_camel("A1_B2", &['_']), "A1B2");
    }

    #[test]
    fn nearest_suggests_typos_only() {
        let keys = ["status-codes", "value", "constant"];
        assert_eq!(nearest("staus-codes", &keys), Some("status-codes"));
        assert_eq!(nearest("valeu", &keys), Some("value"));
        assert_eq!(nearest("colour", &keys), None);
        assert_eq!(edit_distance("valeu", "value"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn variant_rules() {
        assert_eq!(variant_problem("NoAck"), None);
        assert_eq!(variant_problem("Self"), Some("is a Rust keyword"));
        assert!(variant_problem("noAck").is_some());
        assert!(variant_problem("No_Ack").is_some());
        assert!(variant_problem("").is_some());
    }
}
