//! What the recorder calls through a PBX: every row, in the order it is recorded.

use super::far_end::Ending;
use super::recording::Kind;

/// One call the recorder makes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub kind: Kind,
    /// `Relay`: the far end's user ([`Ending`]); `Map`: the cause dialled.
    pub target: String,
    /// `Cancel`, `ByeFromCaller`: the `Reason` lines the caller sends; `ByeFromFar`: the
    /// variant of the far end's `BYE` (`q850-17`, `bare`).
    pub sent: Vec<String>,
}

impl Row {
    fn new(kind: Kind, target: impl Into<String>, sent: Vec<String>) -> Row {
        Row {
            kind,
            target: target.into(),
            sent,
        }
    }
}

/// Q.850 causes of every class (normal, resource, unavailable, unimplemented, invalid message,
/// protocol, interworking), given in turn to the codes' `Reason: Q.850` rows.
const Q850: &[u16] = &[
    1, 16, 17, 18, 19, 21, 27, 31, 34, 38, 41, 42, 44, 47, 50, 57, 58, 63, 65, 66, 79, 81, 88, 95,
    96, 100, 102, 111, 127,
];

/// SIP codes given in turn to the codes' `Reason: SIP` rows.
const SIP: &[u16] = &[200, 404, 480, 486, 487, 500, 503, 600, 603];

/// Every final response 300..=699 from the far end: bare, with a `Reason: Q.850` value and
/// with a `Reason: SIP` one; a 3xx also without a `Contact`, a 401 and a 407 also with a
/// challenge, a 422 also with `Min-SE`; some with two values, on one line and on two.
pub fn relay() -> Vec<Row> {
    let mut rows = Vec::new();
    let mut push = |code: u16, variant: String| {
        let ending = Ending { code, variant };
        rows.push(Row::new(Kind::Relay, ending.user(), Vec::new()));
    };
    for code in 300..=699u16 {
        let at = usize::from(code - 300);
        push(code, String::new());
        push(code, format!("q850-{}", Q850[at % Q850.len()]));
        push(code, format!("sip-{}", SIP[at % SIP.len()]));
        match code {
            300..=399 => push(code, "nocontact".to_owned()),
            401 | 407 => push(code, "challenge".to_owned()),
            422 => push(code, "minse".to_owned()),
            _ => {}
        }
    }
    for (code, cause) in [
        (404, 17),
        (486, 34),
        (503, 34),
        (603, 21),
        (480, 19),
        (500, 41),
    ] {
        push(code, format!("sipq850-{cause}"));
        push(code, format!("q850sip-{cause}"));
    }
    rows
}

/// The `Reason` lines a caller ends with: none, answered elsewhere (RFC 3326 §3.1), Q.850
/// causes, a SIP code, and two values on two lines.
fn endings(cancel: bool) -> Vec<Vec<String>> {
    let mut endings = vec![Vec::new()];
    if cancel {
        endings.push(vec![
            r#"SIP;cause=200;text="Call completed elsewhere""#.to_owned(),
        ]);
    }
    for cause in [16, 17, 21, 26, 31, 34, 127] {
        endings.push(vec![format!("Q.850;cause={cause}")]);
    }
    endings.push(vec![r#"Q.850;cause=17;text="USER_BUSY""#.to_owned()]);
    endings.push(vec!["SIP;cause=486".to_owned()]);
    endings.push(vec![
        r#"SIP;cause=486;text="Busy Here""#.to_owned(),
        "Q.850;cause=17".to_owned(),
    ]);
    endings
}

/// The caller's `CANCEL` of a ringing call, and a `BYE` of an answered one from either side.
pub fn teardown() -> Vec<Row> {
    let mut rows: Vec<Row> = endings(true)
        .into_iter()
        .map(|sent| Row::new(Kind::Cancel, "ring", sent))
        .collect();
    rows.extend(
        endings(false)
            .into_iter()
            .map(|sent| Row::new(Kind::ByeFromCaller, "answer", sent)),
    );
    for variant in [
        "bare", "q850-16", "q850-17", "q850-21", "q850-31", "q850-127", "sip-486",
    ] {
        let target = format!("answer.{variant}");
        rows.push(Row::new(Kind::ByeFromFar, target, vec![variant.to_owned()]));
    }
    rows
}

/// An unanswered call ended with each of `causes`.
pub fn maps(causes: impl IntoIterator<Item = String>) -> Vec<Row> {
    causes
        .into_iter()
        .map(|cause| Row::new(Kind::Map, cause, Vec::new()))
        .collect()
}
