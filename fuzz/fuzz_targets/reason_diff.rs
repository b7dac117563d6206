//! cause-core's `Reason` parser against sip-header's on the same bytes: where both read a
//! value, they read the same protocol, cause and text.
#![no_main]

use sip_header::UriHeaderParse as _;

#[path = "../../tests/fuzz/checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let theirs = sip_header::SipReason::parse_uri_header(text)
        .ok()
        .map(|reason| {
            let cause = reason.cause().and_then(|c| c.as_u16());
            let text = reason.text().map(str::to_owned);
            (reason.protocol().to_owned(), cause, text)
        });
    checks::reason_diff(text, theirs);
});
