//! The code every expansion of [`cause-macros`](https://docs.rs/cause-macros)' `cause_table!`
//! calls: what would be the same in every table's expansion is written once, here, and each
//! expansion keeps only its table's data and the items that must be its own types. Model:
//! `serde::__private`, which serde's derives call.
//!
//! **Internal.** `cause-macros` re-exports this crate as its hidden `__private` module, and an
//! expansion names these items as `$crate::__private::...`, with the `$crate` that
//! `cause_table!` hands the procedural macro. They change with the generator: `cause-macros`
//! pins this crate to its exact version. Depend on `cause-macros`.
//!
//! A crate of its own, not a module of `cause-macros`, so that a clean build compiles it while
//! the generator builds, instead of after the procedural macro that `cause-macros` re-exports.
#![no_std]
#![deny(missing_docs, unsafe_code)]

#[cfg(test)]
extern crate std;

use core::fmt;

/// How many bytes of the input a parse error keeps, and the longest strings it compares.
const KEPT: usize = 32;

/// How many close values a parse error's message offers at most.
const SUGGESTED: usize = 3;

/// One table as the shared code reads it, written by each expansion as a `const`.
pub struct Table {
    /// The cause enum's name, for messages: `Cause`.
    pub name: &'static str,
    /// How many causes the table has.
    pub len: usize,
    /// The value, the constant and the aliases of the cause at a position in the table.
    pub spellings: fn(usize) -> (&'static str, &'static str, &'static [&'static str]),
    /// Whether the rows have codes, which `find` reads as digits.
    pub codes: bool,
}

/// What [`find`] found in a text that is no exact spelling.
pub enum Found {
    /// The cause at this position in the table.
    At(usize),
    /// A code, given in digits; whether a cause has it is the table's lookup.
    Code(u16),
}

/// The forgiving part of `find`, after the exact match: `text` trimmed, then a code in digits
/// where the table has codes (digits only, so "+17" is no code), else the first cause in
/// table order whose value, alias or constant equals it in any ASCII case.
pub fn find(text: &str, table: &Table) -> Option<Found> {
    let text = text.trim();
    if table.codes && !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok().map(Found::Code);
    }
    let same = |s: &str| s.eq_ignore_ascii_case(text);
    let mut causes = 0..table.len;
    let found = causes.find(|&at| {
        let (value, constant, aliases) = (table.spellings)(at);
        same(value) || same(constant) || aliases.iter().any(|a| same(a))
    });
    found.map(Found::At)
}

/// What a parse error holds: the start of the string that did not parse (no allocation: the
/// generated code is `no_std`), whether it was longer, and whether it was a code given to
/// `TryFrom<u16>`. Each table's parse error wraps one; its message offers the closest values,
/// found only when the message is written, so that a failed parse stays cheap.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseError {
    input: [u8; KEPT],
    len: u8,
    cut: bool,
    code: bool,
}

impl ParseError {
    /// The error of `s`, which no spelling matched.
    ///
    /// Out of line, so that a hit's code stays small (inlined, hits measured 1.3 times
    /// slower), and no search for a character boundary: `input` finds that when asked. The
    /// kept bytes are gathered in two `u128`s by whole-word loads and shifts, then stored once:
    /// overlapping stores into the array, read back in other widths to return it, stalled the
    /// CPU's store forwarding (a miss took 20 ns, not 4).
    #[inline(never)]
    pub fn new(s: &str) -> Self {
        let bytes = s.as_bytes();
        let len = bytes.len().min(KEPT);
        let (low, high) = kept_words(bytes, len);
        let mut input = [0; KEPT];
        input[..16].copy_from_slice(&low.to_le_bytes());
        input[16..].copy_from_slice(&high.to_le_bytes());
        ParseError {
            input,
            len: len as u8,
            cut: len < bytes.len(),
            code: false,
        }
    }

    /// `TryFrom<u16>`'s error: the code in decimal digits, as the input.
    #[cold]
    #[inline(never)]
    pub fn from_code(code: u16) -> Self {
        let mut digits = [0; 5];
        let mut start = digits.len();
        let mut rest = code;
        loop {
            start -= 1;
            digits[start] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        let mut input = [0; KEPT];
        let len = digits.len() - start;
        input[..len].copy_from_slice(&digits[start..]);
        ParseError {
            input,
            len: len as u8,
            cut: false,
            code: true,
        }
    }

    /// The string that did not parse: all of it, or its first 32 bytes.
    #[inline]
    pub fn input(&self) -> &str {
        let kept = &self.input[..usize::from(self.len)];
        match core::str::from_utf8(kept) {
            Ok(s) => s,
            // Cut inside a character: up to its start (the rest is UTF-8, from a `str`).
            Err(e) => core::str::from_utf8(&kept[..e.valid_up_to()]).unwrap_or_default(),
        }
    }

    /// Whether the string was longer than [`input`](Self::input) keeps.
    #[inline]
    pub fn is_cut(&self) -> bool {
        self.cut
    }

    /// Up to three values or aliases of `table` closest to the input, best first: those
    /// within one edit in three (case aside) of a value, an alias or a constant (for which its
    /// value is offered). None for a code.
    pub fn closest(&self, table: &Table) -> [Option<&'static str>; SUGGESTED] {
        let mut best = Closest {
            found: [(usize::MAX, None); SUGGESTED],
        };
        if self.code {
            return [None; SUGGESTED];
        }
        let input = self.input().as_bytes();
        // Each spelling with what it offers: the value for itself and for the constant, an
        // alias for itself.
        for at in 0..table.len {
            let (value, constant, aliases) = (table.spellings)(at);
            best.consider(input, value, value);
            best.consider(input, constant, value);
            for alias in aliases {
                best.consider(input, alias, alias);
            }
        }
        let [a, b, c] = best.found;
        [a.1, b.1, c.1]
    }

    /// `ParseCauseError { input: "nope", cut: false }` for the error type `name`: what a user
    /// needs, not the buffer.
    pub fn debug(&self, name: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct(name)
            .field("input", &self.input())
            .field("cut", &self.cut)
            .finish()
    }

    /// `` `Bussy` is not the value of any Cause: did you mean "Busy"? ``
    pub fn display(&self, table: &Table, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`")?;
        f.write_str(self.input())?;
        if self.cut {
            f.write_str("\u{2026}")?;
        }
        let what = if self.code { "code" } else { "value" };
        write!(f, "` is not the {what} of any {}", table.name)?;
        let mut first = true;
        for value in self.closest(table).iter().flatten() {
            f.write_str(if first { ": did you mean " } else { " or " })?;
            write!(f, "{value:?}")?;
            first = false;
        }
        if !first {
            f.write_str("?")?;
        }
        Ok(())
    }
}

/// The values closest to an input so far, best first, each with its distance.
struct Closest {
    found: [(usize, Option<&'static str>); SUGGESTED],
}

impl Closest {
    /// Offers `offer` if `name` is within one edit in three (at least one) of `input`.
    fn consider(&mut self, input: &[u8], name: &str, offer: &'static str) {
        let Some(d) = distance(input, name.as_bytes()) else {
            return;
        };
        if d > (name.len() / 3).max(1) {
            return;
        }
        let found = &mut self.found;
        // Offered once, at its best distance.
        if let Some(seen) = found.iter().position(|b| b.1 == Some(offer)) {
            if found[seen].0 <= d {
                return;
            }
            found.copy_within(seen + 1.., seen);
            found[SUGGESTED - 1] = (usize::MAX, None);
        }
        // Insert in order of distance, the first found first among equals.
        let at = found.iter().position(|b| b.0 > d).unwrap_or(SUGGESTED);
        if at < SUGGESTED {
            found.copy_within(at..SUGGESTED - 1, at + 1);
            found[at] = (d, Some(offer));
        }
    }
}

/// The first `len` (at most 32) bytes of `b` as two little-endian words, zero above them: two
/// loads of a word that may overlap, the second shifted down past the overlap, for every
/// length.
///
/// Inlined into `ParseError::new` on purpose (left to itself the compiler called it), and the
/// second word's shift is `checked_shr` (a whole word's shift gives 0) rather than a branch on
/// the exact length: the two together took a miss from 2.3 to 1.85 times the faster baseline
/// in `scripts/bench.sh paired`, where the input lengths vary as they do in real misses.
#[inline(always)]
fn kept_words(b: &[u8], len: usize) -> (u128, u128) {
    if len >= 16 {
        let word = |at: usize| {
            let mut w = [0_u8; 16];
            w.copy_from_slice(&b[at..at + 16]);
            u128::from_le_bytes(w)
        };
        let high = word(len - 16)
            .checked_shr(((32 - len) * 8) as u32)
            .unwrap_or(0);
        (word(0), high)
    } else if len >= 8 {
        let word = |at: usize| {
            let mut w = [0_u8; 8];
            w.copy_from_slice(&b[at..at + 8]);
            u64::from_le_bytes(w)
        };
        let high = word(len - 8)
            .checked_shr(((16 - len) * 8) as u32)
            .unwrap_or(0);
        (u128::from(word(0)) | (u128::from(high) << 64), 0)
    } else if len >= 4 {
        let word = |at: usize| {
            let mut w = [0_u8; 4];
            w.copy_from_slice(&b[at..at + 4]);
            u32::from_le_bytes(w)
        };
        let high = word(len - 4)
            .checked_shr(((8 - len) * 8) as u32)
            .unwrap_or(0);
        (u128::from(word(0)) | (u128::from(high) << 32), 0)
    } else {
        let mut low = 0;
        let mut i = 0;
        while i < len {
            low |= u128::from(b[i]) << (i * 8);
            i += 1;
        }
        (low, 0)
    }
}

/// The optimal string alignment distance between two byte strings of at most `KEPT` bytes,
/// ASCII case aside (`None` for longer ones), on the stack, for `no_std`.
fn distance(a: &[u8], b: &[u8]) -> Option<usize> {
    if a.len() > KEPT || b.len() > KEPT {
        return None;
    }
    let same = |x: u8, y: u8| x.eq_ignore_ascii_case(&y);
    // Three rows of the table, each distance at most 32: two back (for swaps), one back, and
    // this one, which take their turns.
    let mut rows = [[0_u8; KEPT + 1]; 3];
    let (mut back2, mut back1, mut this) = (0, 1, 2);
    for (j, cell) in rows[back1].iter_mut().enumerate() {
        *cell = j as u8;
    }
    for i in 1..=a.len() {
        rows[this][0] = i as u8;
        for j in 1..=b.len() {
            let cost = u8::from(!same(a[i - 1], b[j - 1]));
            let mut v = (rows[back1][j] + 1)
                .min(rows[this][j - 1] + 1)
                .min(rows[back1][j - 1] + cost);
            if i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1]) {
                v = v.min(rows[back2][j - 2] + 1);
            }
            rows[this][j] = v;
        }
        (back2, back1, this) = (back1, this, back2);
    }
    Some(usize::from(rows[back1][b.len()]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_words_keep_every_length() {
        let text = "0123456789abcdefghijklmnopqrstuvwxyzABCDEF";
        for len in 0..=text.len() {
            let error = ParseError::new(&text[..len]);
            assert_eq!(error.input(), &text[..len.min(KEPT)]);
            assert_eq!(error.is_cut(), len > KEPT);
        }
    }

    #[test]
    fn codes_as_digits() {
        for code in [0, 7, 17, 486, 65535] {
            let error = ParseError::from_code(code);
            assert_eq!(error.input(), std::format!("{code}"));
        }
    }

    #[test]
    fn a_cut_character_is_left_out() {
        // 35 bytes, the 32nd inside the 16th `é`: the input keeps the 15 before it.
        let error = ParseError::new("aééééééééééééééééé");
        assert_eq!(error.input(), "aééééééééééééééé");
        assert!(error.is_cut());
    }

    #[test]
    fn distances() {
        assert_eq!(distance(b"Busy", b"busy"), Some(0));
        assert_eq!(distance(b"Bsuy", b"Busy"), Some(1));
        assert_eq!(distance(b"Bussy", b"Busy"), Some(1));
        assert_eq!(distance(b"", b"Busy"), Some(4));
        assert_eq!(distance(&[b'a'; 33], b"a"), None);
    }
}
