//! `Reason::parse`, `parse_list`, `parse_header_line`, `Display` round trips and
//! `Cause::from_reason` on any bytes (the checks are tests/fuzz/checks.rs, which `cargo test`
//! replays on the kept corpus).
#![no_main]

#[path = "../../tests/fuzz/checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        checks::reason(text);
    }
});
