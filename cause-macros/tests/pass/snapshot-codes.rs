// The checked-in expansion of tests/snapshots/codes.toml must build (see src/snapshots.rs).
include!("../snapshots/codes.expanded.rs");

fn main() {
    assert!(!Cause::ALL.is_empty());
}
