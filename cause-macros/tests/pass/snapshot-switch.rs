// The checked-in expansion of tests/snapshots/switch.toml must build (see src/snapshots.rs).
include!("../snapshots/switch.expanded.rs");

fn main() {
    assert_eq!(Cause::LoseRace as u16, 702);
    assert_eq!(Cause::Interworking.response(), Some(480));
    assert_eq!(Cause::response_for_code(999), Some(480));
    assert_eq!(Cause::for_failure_response(486), Some(Cause::UserBusy));
    assert_eq!(Cause::for_failure_response(404), Some(Cause::Interworking));
    assert_eq!(Cause::for_failure_response(502), Some(Cause::Congestion));
    assert_eq!(Cause::for_failure_response(600), Some(Cause::UserBusy));
    assert_eq!(Cause::for_failure_response(603), Some(Cause::Interworking));
    assert_eq!(Cause::for_failure_response(399), None);
    assert_eq!(Cause::FAILURE_CODES, 400..=699);
}
