//! Calls the rows through a running PBX and keeps what was seen: every row `runs` times; then
//! every row of a class in which one varied at least `racy_runs` times, on until each outcome it
//! had was seen twice or a ceiling is reached, so that two recordings differ (all but always)
//! only in the counts of racy rows.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use super::Pbx;
use super::recording::{Kind, Row as Recorded, Seen};
use super::rows::Row;
use super::ua::{Caller, FarEnd, Plan};

/// At most this many calls of a racy row.
const CEILING: u32 = 120;

/// Calls every row and returns what was seen.
pub fn record(
    pbx: &dyn Pbx,
    caller: &Caller,
    far: &FarEnd,
    rows: &[Row],
    runs: u32,
    racy_runs: u32,
) -> Vec<Recorded> {
    let mut recorded: Vec<Recorded> = rows
        .iter()
        .map(|row| Recorded {
            kind: row.kind,
            target: row.target.clone(),
            sent: row.sent.clone(),
            seen: Vec::new(),
        })
        .collect();
    for run in 0..runs {
        for (row, recorded) in rows.iter().zip(&mut recorded) {
            add(&mut recorded.seen, call(pbx, caller, far, row));
        }
        eprintln!("record-pbx: run {} of {runs} done", run + 1);
    }
    // A race shows in some calls of a row only: every row of a class where one varied (the
    // same kind of call, answered with the same status) is called again.
    let class =
        |recorded: &Recorded| (recorded.kind, recorded.seen.first().map(|seen| seen.status));
    let racy: Vec<_> = recorded
        .iter()
        .filter(|r| r.seen.len() > 1)
        .map(class)
        .collect();
    for (row, recorded) in rows.iter().zip(&mut recorded) {
        if !racy.contains(&class(recorded)) {
            continue;
        }
        let mut calls: u32 = recorded.seen.iter().map(|seen| seen.count).sum();
        while calls < CEILING
            && (calls < racy_runs || recorded.seen.iter().any(|seen| seen.count < 2))
        {
            add(&mut recorded.seen, call(pbx, caller, far, row));
            calls += 1;
        }
        if recorded.seen.len() > 1 {
            eprintln!(
                "record-pbx: {:?} {} varies: {calls} calls",
                row.kind, row.target
            );
        }
    }
    recorded
}

fn add(seen: &mut Vec<Seen>, outcome: Seen) {
    match seen.iter_mut().find(|seen| seen.same(&outcome)) {
        Some(seen) => seen.count += 1,
        None => seen.push(outcome),
    }
}

/// One call of a row, and what everyone got.
fn call(pbx: &dyn Pbx, caller: &Caller, far: &FarEnd, row: &Row) -> Seen {
    let (user, target, plan) = match row.kind {
        Kind::Relay => ("caller".to_owned(), row.target.clone(), Plan::Final),
        Kind::Map => {
            let (user, target) = pbx.map_call(&row.target);
            (user.to_owned(), target, Plan::Final)
        }
        Kind::Cancel => (
            "caller".to_owned(),
            row.target.clone(),
            Plan::Cancel(row.sent.clone()),
        ),
        Kind::ByeFromCaller => (
            "caller".to_owned(),
            row.target.clone(),
            Plan::Bye(row.sent.clone()),
        ),
        Kind::ByeFromFar => ("caller".to_owned(), row.target.clone(), Plan::AwaitBye),
    };
    let heard = caller
        .call(pbx.sip(), &user, &target, &plan)
        .unwrap_or_else(|error| panic!("{:?} {}: {error}", row.kind, row.target));
    let records = pbx.records();
    // The request that ends the far end's leg may still be on its way to the far end's log.
    let ending = match row.kind {
        Kind::Cancel => Some("CANCEL"),
        Kind::ByeFromCaller => Some("BYE"),
        _ => None,
    };
    let mut received = far.take();
    let deadline = Instant::now() + Duration::from_secs(2);
    while let Some(method) = ending {
        if received.iter().any(|r| r.method == method) || Instant::now() > deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
        received.extend(far.take());
    }
    let reasons = match row.kind {
        Kind::Relay | Kind::Map => heard.reasons,
        Kind::ByeFromFar => heard.bye_reasons.unwrap_or_default(),
        Kind::Cancel | Kind::ByeFromCaller => received
            .iter()
            .filter(|r| Some(r.method.as_str()) == ending)
            .flat_map(|r| r.reasons.clone())
            .collect(),
    };
    let far = received
        .iter()
        .filter(|r| {
            matches!(
                (r.method.as_str(), r.in_dialog),
                ("INVITE", false) | ("CANCEL" | "BYE", _)
            )
        })
        .map(|r| match r.method.as_str() {
            "INVITE" => format!("INVITE {}", r.to),
            method => method.to_owned(),
        })
        .collect();
    let records = records
        .into_iter()
        .map(|record| {
            let mut values: BTreeMap<String, String> = record.values;
            values.insert("leg".to_owned(), record.leg);
            values
        })
        .collect();
    Seen {
        count: 1,
        status: heard.status,
        phrase: heard.phrase,
        reasons,
        far,
        records,
    }
}
