//! Asterisk run for the recorder: the committed configuration of `tests/pbx/asterisk/` with
//! the ports filled in, in a scratch directory, and AMI read for what Asterisk records: each
//! channel's hangup cause (`HANGUPCAUSE`, AMI's `Hangup` event) and Dial's `DIALSTATUS` (the
//! `VarSet` event that sets it).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;

use super::{ChannelRecord, Pbx, config_files, free_port, wait_for};

/// A running Asterisk, stopped when dropped.
pub struct Asterisk {
    prefix: PathBuf,
    conf: PathBuf,
    sip: SocketAddr,
    child: Child,
    events: Arc<Mutex<Vec<BTreeMap<String, String>>>>,
}

impl Asterisk {
    /// Starts the Asterisk installed under `prefix` (`sbin/asterisk`, its modules and its
    /// documentation, which Asterisk needs to start) with the configuration of `config`, its
    /// far end at `far`; returns once AMI says it is fully booted.
    pub fn start(prefix: &Path, config: &Path, run: &Path, far: SocketAddr) -> Asterisk {
        let (sip_port, ami_port) = (free_port(), free_port());
        let etc = run.join("etc");
        for dir in ["etc", "lib", "db", "spool", "run", "log"] {
            std::fs::create_dir_all(run.join(dir)).expect("a scratch directory");
        }
        for (name, text) in config_files(config) {
            let text = text
                .replace("@SIP_PORT@", &sip_port.to_string())
                .replace("@AMI_PORT@", &ami_port.to_string())
                .replace("@FAR_PORT@", &far.port().to_string());
            std::fs::write(etc.join(name), text).expect("the configuration is written");
        }
        let dir = |name: &str| run.join(name).display().to_string();
        let conf = etc.join("asterisk.conf");
        let directories = [
            ("astetcdir", dir("etc")),
            (
                "astmoddir",
                prefix.join("lib/asterisk/modules").display().to_string(),
            ),
            ("astvarlibdir", dir("lib")),
            ("astdbdir", dir("db")),
            ("astkeydir", dir("lib")),
            (
                "astdatadir",
                prefix.join("var/lib/asterisk").display().to_string(),
            ),
            ("astagidir", dir("lib")),
            ("astspooldir", dir("spool")),
            ("astrundir", dir("run")),
            ("astlogdir", dir("log")),
            ("astsbindir", prefix.join("sbin").display().to_string()),
        ];
        let mut text = String::from("[directories]\n");
        for (key, value) in directories {
            text.push_str(&format!("{key} => {value}\n"));
        }
        std::fs::write(&conf, text + "[options]\n").expect("asterisk.conf is written");
        let log = std::fs::File::create(run.join("console.log")).expect("a console log");
        let child = Command::new(prefix.join("sbin/asterisk"))
            .args(["-f", "-n", "-C"])
            .arg(&conf)
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("a console log"))
            .stderr(log)
            .spawn()
            .expect("asterisk starts");
        let events = Arc::new(Mutex::new(Vec::new()));
        let ami = SocketAddr::from(([127, 0, 0, 1], ami_port));
        let stream = wait_for("Asterisk's AMI", || TcpStream::connect(ami).ok());
        let booted = Arc::new(Mutex::new(false));
        read_ami(stream, Arc::clone(&events), Arc::clone(&booted));
        wait_for("Asterisk to be fully booted", || {
            (*booted.lock().expect("AMI state")).then_some(())
        });
        Asterisk {
            prefix: prefix.to_owned(),
            conf,
            sip: SocketAddr::from(([127, 0, 0, 1], sip_port)),
            child,
            events,
        }
    }

    /// What the Asterisk CLI prints for `command`.
    pub fn cli(&self, command: &str) -> String {
        let output = Command::new(self.prefix.join("sbin/asterisk"))
            .arg("-C")
            .arg(&self.conf)
            .args(["-rx", command])
            .output()
            .expect("the Asterisk CLI runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }
}

impl Drop for Asterisk {
    fn drop(&mut self) {
        let _stopped = self.child.kill();
        let _reaped = self.child.wait();
    }
}

/// Logs in to AMI and keeps every event, in a thread, until the connection ends.
fn read_ami(
    stream: TcpStream,
    events: Arc<Mutex<Vec<BTreeMap<String, String>>>>,
    booted: Arc<Mutex<bool>>,
) {
    let mut writer = stream.try_clone().expect("the AMI connection");
    writer
        .write_all(b"Action: Login\r\nUsername: recorder\r\nSecret: recorder\r\nEvents: call,dialplan,system\r\n\r\n")
        .expect("the AMI login is sent");
    thread::spawn(move || {
        let mut reader = BufReader::new(stream);
        let mut event = BTreeMap::new();
        let mut line = String::new();
        while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
            let text = line.trim_end();
            if text.is_empty() {
                if event.get("Event").is_some_and(|e| e == "FullyBooted") {
                    *booted.lock().expect("AMI state") = true;
                }
                if !event.is_empty() {
                    events
                        .lock()
                        .expect("AMI events")
                        .push(std::mem::take(&mut event));
                }
            } else if let Some((key, value)) = text.split_once(": ") {
                event.insert(key.to_owned(), value.to_owned());
            }
            line.clear();
        }
    });
}

impl Pbx for Asterisk {
    fn sip(&self) -> SocketAddr {
        self.sip
    }

    /// The endpoint `mapper`, whose context runs `Hangup(N)` for the number it dials.
    fn map_call(&self, cause: &str) -> (&'static str, String) {
        ("mapper", cause.to_owned())
    }

    /// Waits until every channel created since the last call has hung up, then gives each
    /// its record, in the order the channels were created: `HANGUPCAUSE` (AMI's `Cause`) and,
    /// for the caller's channel, `DIALSTATUS`.
    fn records(&self) -> Vec<ChannelRecord> {
        super::wait_for_channels(|| {
            let events = self.events.lock().expect("AMI events");
            let count = |name: &str| {
                events
                    .iter()
                    .filter(|e| e.get("Event").is_some_and(|n| n == name))
                    .count()
            };
            (count("Newchannel"), count("Hangup"))
        });
        let events = std::mem::take(&mut *self.events.lock().expect("AMI events"));
        let mut records: Vec<ChannelRecord> = Vec::new();
        for event in &events {
            let (Some(name), Some(channel)) = (event.get("Event"), event.get("Channel")) else {
                continue;
            };
            // PJSIP/caller-00000001: the endpoint's name.
            let leg = channel
                .trim_start_matches("PJSIP/")
                .rsplit_once('-')
                .map_or(channel.as_str(), |(e, _)| e);
            match name.as_str() {
                "Newchannel" => records.push(ChannelRecord {
                    leg: leg.to_owned(),
                    channel: channel.clone(),
                    values: BTreeMap::new(),
                }),
                "Hangup" => {
                    if let Some(record) = records.iter_mut().find(|r| &r.channel == channel) {
                        let cause = event.get("Cause").cloned().unwrap_or_default();
                        record.values.insert("HANGUPCAUSE".to_owned(), cause);
                    }
                }
                "VarSet" if event.get("Variable").is_some_and(|v| v == "DIALSTATUS") => {
                    if let Some(record) = records.iter_mut().find(|r| &r.channel == channel) {
                        let status = event.get("Value").cloned().unwrap_or_default();
                        record.values.insert("DIALSTATUS".to_owned(), status);
                    }
                }
                _ => {}
            }
        }
        records
    }
}
