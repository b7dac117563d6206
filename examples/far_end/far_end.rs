//! A far end for the gateway: a SIP endpoint over UDP that ends each INVITE as its Request-URI
//! user says, and reports every request it receives as it came. `main.rs` runs it on its own
//! (`cargo run --example far_end`); the gateway tests run the same module in-process
//! (`tests/gateway/mod.rs`).
//!
//! | user | what it does |
//! |------|--------------|
//! | `486` (any code 300..=699) | answers with it, phrase `Far End 486`; a 3xx names `sip:486@FAR` in its `Contact` |
//! | `486.q850-34` | the same, with `Reason: Q.850;cause=34` |
//! | `BUSY`, `jssip.BUSY` (a cause with a response) | answers as the cause says: `Cause::response()` and `Cause::reason()`, `JsSipCause::response()` |
//! | `ring` | 180, then waits for the CANCEL (200, then 487) |
//! | `answer` | 200 with an SDP, then waits for the gateway's BYE |
//! | `answer.BUSY`, `answer.q850-16` | 200, and after the ACK a BYE with that cause's `Reason` |
//! | `badanswer` | 200 with an SDP without media |

use std::collections::HashMap;
use std::net::{SocketAddr, UdpSocket};
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread::JoinHandle;

use cause_core::{Cause, JsSipCause, reason_phrase};
use serde_json::{Value, json};

use super::sip_text::{SipMessage, addr_uri, response};

/// A request the far end received: its method, its From user, its Request-URI user, and every
/// `Reason` line.
#[derive(Clone, Debug)]
pub struct Received {
    pub method: String,
    pub from: String,
    pub to: String,
    pub reasons: Vec<String>,
}

impl Received {
    /// The line `cargo run --example far_end` prints for it.
    pub fn to_json(&self) -> Value {
        json!({ "method": self.method, "from": self.from, "to": self.to, "reason": self.reasons })
    }
}

/// What to do with each request as it comes: print it, keep it.
pub type Report = Box<dyn Fn(&Received) + Send>;

/// A running far end.
pub struct FarEnd {
    pub addr: SocketAddr,
    thread: JoinHandle<()>,
}

const SDP: &str = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
const SDP_WITHOUT_MEDIA: &str = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

impl FarEnd {
    /// A far end on `addr` (port 0: one the OS picks) that hands each request to `report`.
    pub fn bind(addr: SocketAddr, report: Report) -> std::io::Result<FarEnd> {
        let socket = UdpSocket::bind(addr)?;
        let addr = socket.local_addr()?;
        let state = Peer {
            socket,
            addr,
            report,
            calls: HashMap::new(),
        };
        let thread = std::thread::spawn(move || state.run());
        Ok(FarEnd { addr, thread })
    }

    /// Runs until the socket fails (the process is stopped, as a rule).
    pub fn wait(self) {
        self.thread.join().ok();
    }
}

/// An INVITE the far end is in: what it answered and what it does at the ACK.
struct Dialog {
    invite: String,
    tag: String,
    last: String,
    bye_reason: Option<String>,
}

struct Peer {
    socket: UdpSocket,
    addr: SocketAddr,
    report: Report,
    calls: HashMap<String, Dialog>,
}

impl Peer {
    fn run(mut self) {
        let mut buffer = vec![0; 65536];
        while let Ok((length, from)) = self.socket.recv_from(&mut buffer) {
            let text = String::from_utf8_lossy(&buffer[..length]).into_owned();
            if let Some(message) = SipMessage::parse(&text) {
                self.handle(&message, from);
            }
        }
    }

    fn send(&self, text: &str, to: SocketAddr) {
        if let Err(error) = self.socket.send_to(text.as_bytes(), to) {
            eprintln!("far end: cannot send to {to}: {error}");
        }
    }

    fn handle(&mut self, message: &SipMessage<'_>, from: SocketAddr) {
        let Some(method) = message.method() else {
            return;
        };
        let call_id = message.header("Call-ID").unwrap_or_default().to_owned();
        let received = Received {
            method: method.to_owned(),
            from: message.caller_user().unwrap_or_default().to_owned(),
            to: message.target_user().unwrap_or_default().to_owned(),
            reasons: message.headers_named("Reason").map(str::to_owned).collect(),
        };
        (self.report)(&received);
        match method {
            "INVITE" => self.invite(message, call_id, from),
            "ACK" => self.ack(&call_id, from),
            "CANCEL" => {
                self.send(&response(message, 200, "OK", &[], "", None), from);
                if let Some(dialog) = self.calls.remove(&call_id) {
                    let invite = SipMessage::parse(&dialog.invite).expect("kept INVITEs parse");
                    let terminated = response(
                        &invite,
                        487,
                        "Request Terminated",
                        &[],
                        "",
                        Some(&dialog.tag),
                    );
                    self.send(&terminated, from);
                }
            }
            _ => self.send(&response(message, 200, "OK", &[], "", None), from),
        }
    }

    fn invite(&mut self, message: &SipMessage<'_>, call_id: String, from: SocketAddr) {
        if let Some(dialog) = self.calls.get(&call_id) {
            // A retransmission: the same answer again.
            return self.send(&dialog.last.clone(), from);
        }
        let user = message.target_user().unwrap_or_default().to_owned();
        let tag = format!("far{}", next_number());
        let (scenario, detail) = user.split_once('.').unwrap_or((&user, ""));
        let contact = format!("Contact: <sip:far@{}>", self.addr);
        let (answer, bye_reason) = match scenario {
            "ring" => (response(message, 180, "Ringing", &[], "", Some(&tag)), None),
            "answer" | "badanswer" => {
                let headers = [contact, "Content-Type: application/sdp".to_owned()];
                let sdp = if scenario == "answer" {
                    SDP
                } else {
                    SDP_WITHOUT_MEDIA
                };
                (
                    response(message, 200, "OK", &headers, sdp, Some(&tag)),
                    reason_of(detail),
                )
            }
            _ => (self.failure(message, &user, &tag), None),
        };
        self.send(&answer, from);
        let dialog = Dialog {
            invite: message.text.to_owned(),
            tag,
            last: answer,
            bye_reason,
        };
        self.calls.insert(call_id, dialog);
    }

    /// The final response a user that names a code or a cause asks for.
    fn failure(&self, message: &SipMessage<'_>, user: &str, tag: &str) -> String {
        let (code, reason) = match ending(user) {
            Some(ending) => ending,
            None => return response(message, 404, "Not Found", &[], "", Some(tag)),
        };
        let mut headers: Vec<String> = reason.into_iter().map(|r| format!("Reason: {r}")).collect();
        if (300..400).contains(&code) {
            headers.push(format!("Contact: <sip:486@{}>", self.addr));
        }
        let phrase = if user.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            format!("Far End {code}")
        } else {
            reason_phrase(code).unwrap_or("Unknown").to_owned()
        };
        response(message, code, &phrase, &headers, "", Some(tag))
    }

    /// The ACK of an answer; for `answer.CAUSE`, the far end's BYE follows.
    fn ack(&mut self, call_id: &str, from: SocketAddr) {
        let Some(dialog) = self.calls.get(call_id) else {
            return;
        };
        let Some(reason) = dialog.bye_reason.clone() else {
            return;
        };
        let invite = SipMessage::parse(&dialog.invite).expect("kept INVITEs parse");
        let bye = bye(&invite, &dialog.tag, &reason, self.addr);
        self.calls.remove(call_id);
        self.send(&bye, from);
    }
}

/// The response and `Reason` of a user naming a code (`486`, `486.q850-34`) or a cause
/// (`BUSY`, `jssip.BUSY`).
fn ending(user: &str) -> Option<(u16, Option<String>)> {
    if let Some(constant) = user.strip_prefix("jssip.") {
        let cause = JsSipCause::from_name(constant)?;
        let code = cause.response()?;
        return Some((
            code,
            Some(format!(
                "SIP;cause={code};text=\"{}\"",
                reason_phrase(code)?
            )),
        ));
    }
    if let Some(cause) = Cause::from_name(user) {
        return Some((cause.response()?, cause.reason().map(|r| r.to_string())));
    }
    let (code, detail) = user.split_once('.').unwrap_or((user, ""));
    let code = code.parse().ok().filter(|c| (300..700).contains(c))?;
    Some((code, reason_of(detail)))
}

/// The `Reason` a scenario's detail names: `q850-34`, or a cause constant (`BUSY`).
fn reason_of(detail: &str) -> Option<String> {
    if let Some(cause) = detail.strip_prefix("q850-") {
        return Some(format!("Q.850;cause={cause}"));
    }
    Cause::from_name(detail)?.reason().map(|r| r.to_string())
}

/// The far end's BYE for the dialog of `invite`.
fn bye(invite: &SipMessage<'_>, tag: &str, reason: &str, addr: SocketAddr) -> String {
    let contact = invite.header("Contact").unwrap_or_default();
    let target = addr_uri(contact);
    let from = format!("{};tag={tag}", invite.header("To").unwrap_or_default());
    format!(
        "BYE {target} SIP/2.0\r\nVia: SIP/2.0/UDP {addr};branch=z9hG4bKfar{}\r\nMax-Forwards: 70\r\nFrom: {from}\r\nTo: {}\r\nCall-ID: {}\r\nCSeq: 1 BYE\r\nReason: {reason}\r\nContent-Length: 0\r\n\r\n",
        next_number(),
        invite.header("From").unwrap_or_default(),
        invite.header("Call-ID").unwrap_or_default(),
    )
}

fn next_number() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
