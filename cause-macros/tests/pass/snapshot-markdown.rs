// The checked-in expansion of tests/snapshots/markdown.toml must build (see src/snapshots.rs).
include!("../snapshots/markdown.expanded.rs");

fn main() {
    assert!(!Cause::ALL.is_empty());
}
