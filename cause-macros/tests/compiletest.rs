//! The macro as a user meets it: tables that must build, and tables whose errors must read as
//! the `.stderr` files show. Regenerate those with `TRYBUILD=overwrite cargo test -p
//! cause-macros --test compiletest` and review the diff.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("tests/pass/*.rs");
    t.compile_fail("tests/ui/*.rs");
}
