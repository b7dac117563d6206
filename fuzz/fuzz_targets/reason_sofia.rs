//! cause-core's `Reason` parser against the real sofia-sip's (FreeSWITCH's SIP stack, Debian's
//! `libsofia-sip-ua0`, opened at run time): where both read a value list they read the same,
//! and where only one does, the reason is one docs/fuzzing.md lists (`tests/fuzz/checks.rs`).
//! A finding goes to tests/fuzz/regressions/reason_sofia/, which `scripts/record_reason.py`
//! adds to the recording that `tests/test_sofia_reason.rs` checks on stable.
#![no_main]

use std::ffi::{CStr, CString, c_char, c_void};
use std::sync::LazyLock;

#[path = "../../tests/fuzz/checks.rs"]
mod checks;

/// `sip_reason_t` (sofia-sip/sip.h): the common header fragment (`msg_common_t`: h_succ,
/// h_prev, h_class, h_data, h_len), then the value's fields.
#[repr(C)]
struct SipReason {
    common: [usize; 5],
    next: *const SipReason,
    protocol: *const c_char,
    params: *const c_void,
    cause: *const c_char,
    text: *const c_char,
}

/// The library's entry points, opened once.
struct Sofia {
    make: unsafe extern "C" fn(*mut c_void, *const c_void, *const c_char) -> *const SipReason,
    home_create: unsafe extern "C" fn() -> *mut c_void,
    home_unref: unsafe extern "C" fn(*mut c_void) -> i32,
    reason_class: *const c_void,
    _library: libloading::Library,
}

// SAFETY: the entry points are plain C functions and the class a constant table.
unsafe impl Send for Sofia {}
unsafe impl Sync for Sofia {}

static SOFIA: LazyLock<Sofia> = LazyLock::new(|| {
    // SAFETY: loading a C library whose initialisers have no requirements, and reading symbols
    // with the signatures of sofia-sip's headers.
    unsafe {
        let library = libloading::Library::new("libsofia-sip-ua.so.0").expect(
            "libsofia-sip-ua.so.0: install Debian's libsofia-sip-ua0 (scripts/fuzz.sh does)",
        );
        Sofia {
            make: *library.get(b"msg_header_make\0").expect("msg_header_make"),
            home_create: *library.get(b"su_home_create\0").expect("su_home_create"),
            home_unref: *library.get(b"su_home_unref\0").expect("su_home_unref"),
            reason_class: *library
                .get::<*const c_void>(b"sip_reason_class\0")
                .expect("sip_reason_class"),
            _library: library,
        }
    }
});

fn owned(field: *const c_char) -> Option<String> {
    // SAFETY: sofia-sip's fields are null or NUL-terminated strings in the header's home.
    (!field.is_null()).then(|| {
        unsafe { CStr::from_ptr(field) }
            .to_string_lossy()
            .into_owned()
    })
}

/// sofia-sip's reading of `text`: each value's fields, or `None` where it refuses the text.
fn sofia(text: &CStr) -> Option<Vec<checks::SofiaValue>> {
    let sofia = &*SOFIA;
    // SAFETY: a fresh memory home for the header, freed with everything in it before returning;
    // the fields are copied out first.
    unsafe {
        let home = (sofia.home_create)();
        let mut reason = (sofia.make)(home, sofia.reason_class, text.as_ptr());
        let parsed = (!reason.is_null()).then(|| {
            let mut values = Vec::new();
            while !reason.is_null() {
                let fields = &*reason;
                values.push(checks::SofiaValue {
                    protocol: owned(fields.protocol),
                    cause: owned(fields.cause),
                    text: owned(fields.text),
                });
                reason = fields.next;
            }
            values
        });
        (sofia.home_unref)(home);
        parsed
    }
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let (Ok(text), Ok(c_text)) = (std::str::from_utf8(data), CString::new(data)) else {
        return;
    };
    checks::reason_sofia(text, sofia(&c_text));
});
