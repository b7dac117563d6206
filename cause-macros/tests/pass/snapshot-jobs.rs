// The checked-in expansion of tests/snapshots/jobs.toml must build (see src/snapshots.rs).
include!("../snapshots/jobs.expanded.rs");

fn main() {
    assert_eq!(Cause::from_code(9), Some(Cause::Killed));
    assert_eq!(Cause::Done.code(), 1);
    assert_eq!(Cause::from_status_code(15), Some(Cause::Killed));
}
