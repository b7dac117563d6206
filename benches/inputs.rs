//! The strings `FromStr` is measured on, shared by `lookup.rs` and `paired.rs`.

use std::sync::LazyLock;

use cause_core::Cause;

/// Every spelling `FromStr` reads (value, alias, constant), and as many misses, half of them
/// near ones of the same length as a spelling: one letter changed, another case; then empty
/// and long garbage.
pub static STRINGS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let values = Cause::ALL.iter().map(|c| c.as_str());
    let aliases = Cause::ALL.iter().flat_map(|c| c.aliases().iter().copied());
    let constants = Cause::ALL.iter().map(|c| c.name());
    let mut strings: Vec<String> = values
        .chain(aliases)
        .chain(constants)
        .map(str::to_owned)
        .collect();
    let hits = strings.len();
    for (i, spelling) in strings.clone().iter().enumerate().take(hits) {
        let miss = match i % 4 {
            0 => {
                let mut off = spelling.clone();
                off.pop();
                off.push('!');
                off
            }
            1 if spelling.to_lowercase() != *spelling => spelling.to_lowercase(),
            1 => spelling.to_uppercase(),
            2 => String::new(),
            _ => format!("{spelling}{}", "garbage ".repeat(16)),
        };
        strings.push(miss);
    }
    strings
});

/// How many of `STRINGS` are hits: every spelling, then as many misses.
pub fn hits() -> usize {
    STRINGS.len() / 2
}
