// The checked-in expansion of tests/snapshots/minimal.toml must build (see src/snapshots.rs).
include!("../snapshots/minimal.expanded.rs");

fn main() {
    assert!(!Cause::ALL.is_empty());
}
