//! FreeSWITCH run for the recorder: the committed `tests/pbx/freeswitch/freeswitch.xml` with
//! the ports filled in, in a scratch directory, and the event socket read for what FreeSWITCH
//! records of each channel (`hangup_cause`, `sip_term_status`,
//! `last_bridge_proto_specific_hangup_cause`, from `CHANNEL_HANGUP_COMPLETE`).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;

use super::{ChannelRecord, Pbx, config_files, free_port, wait_for};

type Events = Arc<Mutex<Vec<BTreeMap<String, String>>>>;

/// The channel variables the recorder keeps, as FreeSWITCH's users know them.
const KEPT: &[&str] = &[
    "hangup_cause",
    "sip_term_status",
    "last_bridge_proto_specific_hangup_cause",
];

/// A running FreeSWITCH, stopped when dropped.
pub struct FreeSwitch {
    sip: SocketAddr,
    child: Child,
    events: Events,
    api: Mutex<TcpStream>,
}

impl FreeSwitch {
    /// Starts the FreeSWITCH installed under `prefix` (`bin/freeswitch` and its modules) with
    /// the configuration of `config`, its far end at `far`; returns once its SIP profile
    /// answers.
    pub fn start(prefix: &Path, config: &Path, run: &Path, far: SocketAddr) -> FreeSwitch {
        let (sip_port, esl_port) = (free_port(), free_port());
        for dir in ["conf", "log", "db", "run", "temp", "storage", "cache"] {
            std::fs::create_dir_all(run.join(dir)).expect("a scratch directory");
        }
        for (name, text) in config_files(config) {
            let text = text
                .replace("@SIP_PORT@", &sip_port.to_string())
                .replace("@ESL_PORT@", &esl_port.to_string())
                .replace("@FAR_PORT@", &far.port().to_string());
            std::fs::write(run.join("conf").join(name), text)
                .expect("the configuration is written");
        }
        let log = std::fs::File::create(run.join("console.log")).expect("a console log");
        let mut command = Command::new(prefix.join("bin/freeswitch"));
        command.args(["-nf", "-nc", "-nonat", "-nonatmap"]);
        for (flag, dir) in [
            ("-conf", "conf"),
            ("-log", "log"),
            ("-db", "db"),
            ("-run", "run"),
            ("-temp", "temp"),
            ("-storage", "storage"),
            ("-cache", "cache"),
        ] {
            command.arg(flag).arg(run.join(dir));
        }
        command.arg("-mod").arg(prefix.join("lib/freeswitch/mod"));
        let child = command
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("a console log"))
            .stderr(log)
            .spawn()
            .expect("freeswitch starts");
        let esl = SocketAddr::from(([127, 0, 0, 1], esl_port));
        let events = Arc::new(Mutex::new(Vec::new()));
        let stream = wait_for("FreeSWITCH's event socket", || TcpStream::connect(esl).ok());
        read_events(
            login(stream, "event plain CHANNEL_CREATE CHANNEL_HANGUP_COMPLETE"),
            Arc::clone(&events),
        );
        let api = login(
            wait_for("FreeSWITCH's event socket", || TcpStream::connect(esl).ok()),
            "",
        );
        let freeswitch = FreeSwitch {
            sip: SocketAddr::from(([127, 0, 0, 1], sip_port)),
            child,
            events,
            api: Mutex::new(api),
        };
        wait_for("FreeSWITCH's SIP profile", || {
            freeswitch
                .api("sofia status")
                .contains("RUNNING")
                .then_some(())
        });
        freeswitch
    }

    /// What FreeSWITCH answers to the API command `command`.
    pub fn api(&self, command: &str) -> String {
        let mut stream = self.api.lock().expect("the API connection");
        stream
            .write_all(format!("api {command}\n\n").as_bytes())
            .expect("the API command is sent");
        let mut reader = BufReader::new(&mut *stream);
        let (_, body) = read_message(&mut reader).expect("an API response");
        body
    }
}

impl Drop for FreeSwitch {
    fn drop(&mut self) {
        let _stopped = self.child.kill();
        let _reaped = self.child.wait();
    }
}

/// Authenticates on the event socket, then sends `command` (if any) and reads its reply.
fn login(stream: TcpStream, command: &str) -> TcpStream {
    let mut reader = BufReader::new(stream.try_clone().expect("the event socket"));
    let mut writer = stream;
    read_message(&mut reader).expect("the event socket's auth request");
    writer.write_all(b"auth ClueCon\n\n").expect("auth is sent");
    let (headers, _) = read_message(&mut reader).expect("the auth reply");
    assert!(
        headers.contains("+OK"),
        "the event socket refused the password: {headers}"
    );
    if !command.is_empty() {
        writer
            .write_all(format!("{command}\n\n").as_bytes())
            .expect("the command is sent");
        read_message(&mut reader).expect("the command's reply");
    }
    writer
}

/// One message of the event socket: its header block and its body (`Content-Length` bytes).
fn read_message(reader: &mut impl BufRead) -> Option<(String, String)> {
    let mut headers = String::new();
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        if line == "\n" {
            if headers.is_empty() {
                continue;
            }
            break;
        }
        headers.push_str(&line);
    }
    let length = headers
        .lines()
        .find_map(|l| l.strip_prefix("Content-Length: "))
        .map_or(0, |n| n.trim().parse().unwrap_or(0));
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some((headers, String::from_utf8_lossy(&body).into_owned()))
}

/// Keeps every event of the event socket, in a thread, until the connection ends.
fn read_events(stream: TcpStream, events: Events) {
    thread::spawn(move || {
        let mut reader = BufReader::new(stream);
        while let Some((_, body)) = read_message(&mut reader) {
            let event: BTreeMap<String, String> = body
                .lines()
                .filter_map(|line| line.split_once(": "))
                .map(|(key, value)| (key.to_owned(), decode(value)))
                .collect();
            if !event.is_empty() {
                events.lock().expect("events").push(event);
            }
        }
    });
}

/// The event socket's URL encoding undone (`%3A` is `:`).
fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes
            .get(at + 1..at + 3)
            .and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok());
        match (bytes[at], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                at += 3;
            }
            (byte, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Pbx for FreeSwitch {
    fn sip(&self) -> SocketAddr {
        self.sip
    }

    /// The extension `map`, which runs `hangup` with the cause it dials.
    fn map_call(&self, cause: &str) -> (&'static str, String) {
        ("caller", format!("map-{cause}"))
    }

    /// Waits until every channel created since the last call has had its
    /// `CHANNEL_HANGUP_COMPLETE`, then gives each its record, in the order the channels were
    /// created: leg `a` (inbound) or `b` (outbound), and [`KEPT`].
    fn records(&self) -> Vec<ChannelRecord> {
        super::wait_for_channels(|| {
            let events = self.events.lock().expect("events");
            let count = |name: &str| {
                events
                    .iter()
                    .filter(|e| e.get("Event-Name").is_some_and(|n| n == name))
                    .count()
            };
            (count("CHANNEL_CREATE"), count("CHANNEL_HANGUP_COMPLETE"))
        });
        let events = std::mem::take(&mut *self.events.lock().expect("events"));
        let mut records: Vec<ChannelRecord> = Vec::new();
        for event in &events {
            let (Some(name), Some(uuid)) = (event.get("Event-Name"), event.get("Unique-ID")) else {
                continue;
            };
            match name.as_str() {
                "CHANNEL_CREATE" => {
                    let leg = match event.get("Call-Direction").map(String::as_str) {
                        Some("inbound") => "a",
                        _ => "b",
                    };
                    records.push(ChannelRecord {
                        leg: leg.to_owned(),
                        channel: uuid.clone(),
                        values: BTreeMap::new(),
                    });
                }
                "CHANNEL_HANGUP_COMPLETE" => {
                    if let Some(record) = records.iter_mut().find(|r| &r.channel == uuid) {
                        for key in KEPT {
                            if let Some(value) = event.get(&format!("variable_{key}")) {
                                record.values.insert((*key).to_owned(), value.clone());
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        records
    }
}
