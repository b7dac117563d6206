//! Code helpers the lookups share: a dispatch from strings to variants, an array indexed by
//! a status code, an array indexed by the discriminant.

use std::collections::BTreeMap;

use super::{join, join_with, lit};

/// A lookup from strings to variants.
pub struct StringMatch<'a> {
    /// The cause enum (its hole), for the tables of large groups.
    pub cause: String,
    /// The variant of each cause, by index in the table.
    pub variants: &'a [String],
    /// The expression for a found variant: `Some(#variant)`, `Ok(#variant)`.
    pub hit: fn(&String) -> String,
    /// The expression for a string that names nothing.
    pub miss: String,
}

/// Above this many strings of one length, a group is searched by bisection instead of a
/// `match`, which compares its arms one by one: a large table must not become a linear scan.
const LARGE_GROUP: usize = 8;

impl StringMatch<'_> {
    /// Dispatches `subject` (a `&str`) on its length first, so the length picks the few
    /// candidates in one jump (measured as fast as or faster than a plain `match`, and faster
    /// than byte-string patterns, which compare element by element), then on the string.
    /// `entries` are the strings with the index of their cause.
    pub fn expand(&self, subject: String, entries: Vec<(&str, usize)>) -> String {
        let mut by_length: BTreeMap<usize, Vec<(&str, usize)>> = BTreeMap::new();
        for (text, index) in entries {
            by_length.entry(text.len()).or_default().push((text, index));
        }
        let miss = &self.miss;
        let arms = by_length.into_iter().map(|(length, mut group)| {
            let body = if group.len() > LARGE_GROUP {
                group.sort_by_key(|(text, _)| *text);
                self.bisect(&subject, &group)
            } else {
                let arms = group.iter().map(|&(text, index)| {
                    let found = (self.hit)(&self.variants[index]);
                    format!("{} => {found},", lit(text))
                });
                format!(
                    "match {subject} {{ {arms} _ => {miss}, }}",
                    arms = join(arms)
                )
            };
            format!("{length}usize => {{ {body} }}")
        });
        format!(
            "match {subject}.len() {{ {arms} _ => {miss}, }}",
            arms = join(arms)
        )
    }

    /// A binary search over the group's strings, sorted, each with the index of its cause in
    /// `ALL`: an array of integers costs rustc far less than one of enum paths (measured: the
    /// paths made `FromStr` a third of the type-checking of a 10,000-cause table).
    fn bisect(&self, subject: &str, group: &[(&str, usize)]) -> String {
        let cause = &self.cause;
        let len = group.len();
        let entries = group
            .iter()
            .map(|&(text, index)| format!("({}, {index}usize)", lit(text)));
        let found = (self.hit)(&format!("{cause}::ALL[__GROUP[__index].1]"));
        let miss = &self.miss;
        format!("
            const __GROUP: [(&::core::primitive::str, ::core::primitive::usize); {len}usize] = [{entries}];
            match __GROUP.binary_search_by(|__entry| ::core::cmp::Ord::cmp(__entry.0, {subject})) {{
                ::core::result::Result::Ok(__index) => {found},
                ::core::result::Result::Err(_) => {miss},
            }}
            ", entries = join_with(entries, ","))
    }
}

/// The body of a `const fn(code: u16)`: an array over `low..=high` (the given range, or the
/// span of the listed codes) holding `listed` items and `default` elsewhere.
pub fn code_table(
    ty: String,
    listed: Vec<(u16, String)>,
    range: Option<(u16, u16)>,
    default: String,
) -> String {
    let outside = "::core::option::Option::None".to_owned();
    table_with_outside(ty, listed, range, default, outside)
}

/// [`code_table`] for a lookup that answers every code: `default` outside the listed codes'
/// span too.
pub fn total_code_table(ty: String, listed: Vec<(u16, String)>, default: String) -> String {
    table_with_outside(ty, listed, None, default.clone(), default)
}

fn table_with_outside(
    ty: String,
    listed: Vec<(u16, String)>,
    range: Option<(u16, u16)>,
    default: String,
    outside: String,
) -> String {
    let (low, high) = match range {
        Some(range) => range,
        None => {
            let codes = listed.iter().map(|(code, _)| *code);
            match (codes.clone().min(), codes.max()) {
                (Some(low), Some(high)) => (low, high),
                _ => return format!("let _ = code; {default}"),
            }
        }
    };
    let mut items = vec![None; usize::from(high - low) + 1];
    for (code, item) in listed {
        if (low..=high).contains(&code) {
            items[usize::from(code - low)] = Some(item);
        }
    }
    let items = items
        .into_iter()
        .map(|item| item.unwrap_or_else(|| default.clone()));
    let len = usize::from(high - low) + 1;
    // One code: `code != 17`, since clippy (in the caller's crate) calls `code < 17 || code >
    // 17` a double comparison.
    let outside_range = match low == high {
        true => format!("code != {low}"),
        false => format!("code < {low} || code > {high}"),
    };
    format!(
        "
        const __TABLE: [{ty}; {len}usize] = [{items}];
        if {outside_range} {{
            return {outside};
        }}
        __TABLE[(code - {low}) as ::core::primitive::usize]
        ",
        items = join_with(items, ",")
    )
}

/// The body of a `const fn` returning `items[position]`, for an enum whose variants are
/// `items` in order and `position` (an expression) the position of `subject` (an array
/// indexed by the position, measured faster than a `match` returning the same items);
/// `match subject {}` for an enum without variants.
pub fn indexed_table(subject: String, position: String, ty: String, items: Vec<String>) -> String {
    if items.is_empty() {
        return format!("match {subject} {{}}");
    }
    let len = items.len();
    format!(
        "
        const __TABLE: [{ty}; {len}usize] = [{items}];
        __TABLE[{position}]
        ",
        items = join_with(items, ",")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The code with its white space made single spaces, as the tests write it.
    fn squash(code: &str) -> String {
        code.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn s(text: &str) -> String {
        text.to_owned()
    }

    #[test]
    fn code_table_indexes_by_code_minus_the_lowest() {
        let listed = vec![(486, s("A")), (488, s("B"))];
        let body = code_table(s("T"), listed, None, s("N"));
        let expected = "const __TABLE: [T; 3usize] = [ A, N, B]; if code < 486 || code > 488 { return ::core::option::Option::None; } __TABLE[(code - 486) as ::core::primitive::usize]";
        assert_eq!(squash(&body), expected);
    }

    #[test]
    fn a_code_table_of_one_code_compares_once() {
        let body = code_table(s("T"), vec![(17, s("A"))], None, s("N"));
        let expected = "const __TABLE: [T; 1usize] = [ A]; if code != 17 { return ::core::option::Option::None; } __TABLE[(code - 17) as ::core::primitive::usize]";
        assert_eq!(squash(&body), expected);
    }

    #[test]
    fn code_table_without_codes_is_the_default() {
        let body = code_table(s("T"), Vec::new(), None, s("N"));
        assert_eq!(body, "let _ = code; N");
    }

    #[test]
    fn strings_dispatch_on_length_then_match_or_bisect() {
        let variants: Vec<String> = (0..10).map(|i| format!("V({i})")).collect();
        let matcher = StringMatch {
            cause: s("Cause"),
            variants: &variants,
            hit: |variant| format!("Some({variant})"),
            miss: s("None"),
        };
        let small = matcher.expand(s("s"), vec![("ab", 0), ("c", 1), ("de", 2)]);
        let expected = r#"match s.len() { 1usize => { match s { "c" => Some(V(1)), _ => None, } } 2usize => { match s { "ab" => Some(V(0)), "de" => Some(V(2)), _ => None, } } _ => None, }"#;
        assert_eq!(squash(&small), expected);

        // Nine strings of one length: a sorted table searched by bisection.
        let names = ["i", "h", "g", "f", "e", "d", "c", "b", "a"];
        let large = matcher.expand(s("s"), names.iter().copied().zip(0..).collect());
        assert!(large.contains("binary_search_by"), "{large}");
        let sorted = r#"[ ("a", 8usize), ("b", 7usize), ("c", 6usize)"#;
        assert!(large.contains(sorted), "{large}");
        assert!(
            large.contains("Some(Cause::ALL[__GROUP[__index].1])"),
            "{large}"
        );
    }
}
