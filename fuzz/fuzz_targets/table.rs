//! The macro's pipeline (spec, validate, expand) on any text, as a table file could hold it:
//! tokens or errors, never a panic. Seeded with the project's valid tables, so that libFuzzer
//! mutates real tables too.
#![no_main]

#[path = "../../tests/fuzz/checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        checks::table(text);
    }
});
