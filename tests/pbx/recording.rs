//! The shape of `tests/recorded/asterisk-*.json` and `freeswitch-*.json`: what built the PBX,
//! the configuration it ran with, and for every row what was seen, with how often.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A PBX's recording.
#[derive(Serialize, Deserialize)]
pub struct Recording {
    /// `asterisk` or `freeswitch`.
    pub pbx: String,
    /// The commit the PBX was built from, in full, and the version the binary printed.
    pub commit: String,
    pub version: String,
    /// What the running PBX said of its build and of the SIP stack in it.
    pub build: BTreeMap<String, String>,
    /// The committed configuration it ran with, file by file, before the recorder filled in
    /// the ports: `tests/test_pbx_recorded.rs` checks that it is still what is committed.
    pub config: BTreeMap<String, String>,
    /// How many times each row was called at least, and at least how many times a row was
    /// called again once it was seen to vary.
    pub runs: u32,
    pub racy_runs: u32,
    pub rows: Vec<Row>,
}

/// What one row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// The far end ends the INVITE with a final response 300..=699.
    Relay,
    /// The caller cancels the ringing call.
    Cancel,
    /// The caller hangs up the answered call.
    ByeFromCaller,
    /// The far end hangs up the answered call.
    ByeFromFar,
    /// The dial plan ends the unanswered call with a cause.
    Map,
}

/// A row and everything seen when it was called.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Row {
    pub kind: Kind,
    /// The far end's user (its final response), or for a map the cause dialled.
    pub target: String,
    /// The `Reason` lines the ending side sent (cancel and BYE rows).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sent: Vec<String>,
    /// Each different outcome, in the order first seen, with how many calls had it.
    pub seen: Vec<Seen>,
}

/// One outcome of a call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    pub count: u32,
    /// The final response the caller got: its code and phrase, byte for byte.
    pub status: u16,
    pub phrase: String,
    /// The `Reason` lines of that response (relay and map rows); of the `CANCEL` or `BYE` the
    /// other side got (cancel and BYE rows).
    pub reasons: Vec<String>,
    /// The INVITEs (with their Request-URI user), `CANCEL`s and `BYE`s the far end got.
    pub far: Vec<String>,
    /// What the PBX recorded, channel by channel in the order they were created: `leg` and
    /// the values by their users' names (`HANGUPCAUSE`, `DIALSTATUS`; `hangup_cause`,
    /// `sip_term_status`, `last_bridge_proto_specific_hangup_cause`).
    pub records: Vec<BTreeMap<String, String>>,
}

impl Seen {
    /// Whether two outcomes are the same but for their counts.
    pub fn same(&self, other: &Seen) -> bool {
        Seen {
            count: 0,
            ..self.clone()
        } == Seen {
            count: 0,
            ..other.clone()
        }
    }
}

impl Recording {
    /// The recording as committed: the header pretty, then one row a line, so that a diff of
    /// two recordings shows rows.
    pub fn to_text(&self) -> String {
        let mut header = serde_json::to_value(Recording {
            rows: Vec::new(),
            config: self.config.clone(),
            build: self.build.clone(),
            pbx: self.pbx.clone(),
            commit: self.commit.clone(),
            version: self.version.clone(),
            runs: self.runs,
            racy_runs: self.racy_runs,
        })
        .expect("JSON");
        header.as_object_mut().expect("an object").remove("rows");
        let header = serde_json::to_string_pretty(&header).expect("JSON");
        let rows: Vec<String> = self
            .rows
            .iter()
            .map(|row| format!("    {}", serde_json::to_string(row).expect("JSON")))
            .collect();
        let open = header
            .strip_suffix("\n}")
            .expect("a pretty object ends with }");
        format!("{open},\n  \"rows\": [\n{}\n  ]\n}}\n", rows.join(",\n"))
    }
}
