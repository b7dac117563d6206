//! A far end for a gateway or a PBX: a SIP endpoint over UDP that ends each INVITE as its
//! Request-URI user says, and reports every request it receives as it came. `main.rs` runs it
//! on its own (`cargo run --example far_end`); the gateway tests and the PBX recorder run the
//! same module in-process (`tests/gateway/mod.rs`, `tests/pbx/`).
//!
//! | user | what it does |
//! |------|--------------|
//! | `486` (any code 300..=699) | answers with it, phrase `Far End 486`; a 3xx names `sip:486@FAR` in its `Contact` |
//! | `486.q850-34`, `486.sip-480` | the same, with `Reason: Q.850;cause=34`, `Reason: SIP;cause=480` |
//! | `503.sipq850-34` | with one `Reason` line of two values: `SIP;cause=503, Q.850;cause=34` |
//! | `503.q850sip-34` | with two `Reason` lines: `Q.850;cause=34`, then `SIP;cause=503` |
//! | `302.nocontact` | a 3xx without a `Contact` |
//! | `401.challenge`, `407.challenge` | with a `WWW-Authenticate`, a `Proxy-Authenticate` |
//! | `422.minse` | with `Min-SE: 1800` |
//! | `BUSY`, `jssip.BUSY` (a cause with a response) | answers as the cause says: `Cause::response()` and `Cause::reason()`, `JsSipCause::response()` |
//! | `ring` | 180, then waits for the CANCEL (200, then 487) |
//! | `answer` | 200 with an SDP, then waits for the other side's BYE |
//! | `answer.BUSY`, `answer.q850-16`, `answer.sip-486`, `answer.bare` | 200, and a moment after the ACK a BYE with that cause's `Reason` (`bare`: none) |
//! | `badanswer` | 200 with an SDP without media |
//!
//! Its SDP answers the offer's media profile (RTP/AVP to a PBX, UDP/TLS/RTP/SAVPF to a
//! browser's) on a port that takes and drops whatever is sent to it. It answers a re-INVITE,
//! an UPDATE or an OPTIONS with 200 and a retransmitted INVITE with its answer again.

use std::net::{SocketAddr, UdpSocket};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use cause_core::{Cause, JsSipCause, reason_phrase};
use serde_json::{Value, json};

use super::sip_text::{SipMessage, addr_uri, response};

/// A request the far end received: its method, its From user, its Request-URI user, every
/// `Reason` line, and whether it came inside a dialog (its `To` has a tag).
#[derive(Clone, Debug)]
pub struct Received {
    pub method: String,
    pub from: String,
    pub to: String,
    pub reasons: Vec<String>,
    pub in_dialog: bool,
}

impl Received {
    /// The line `cargo run --example far_end` prints for it.
    pub fn to_json(&self) -> Value {
        json!({ "method": self.method, "from": self.from, "to": self.to, "reason": self.reasons })
    }
}

/// What to do with each request as it comes: print it, keep it.
pub type Report = Box<dyn Fn(&Received) + Send>;

/// The requests a far end received, kept for whoever reads them (the tests, the PBX recorder).
#[derive(Clone, Default)]
pub struct Log(Arc<Mutex<Vec<Received>>>);

impl Log {
    /// A [`Report`] that keeps each request here.
    pub fn report(&self) -> Report {
        let log = self.clone();
        Box::new(move |received| {
            log.0
                .lock()
                .expect("the far end's log")
                .push(received.clone())
        })
    }

    /// Every request received so far.
    pub fn all(&self) -> Vec<Received> {
        self.0.lock().expect("the far end's log").clone()
    }

    /// Every request received since the last `take`, in order.
    pub fn take(&self) -> Vec<Received> {
        std::mem::take(&mut *self.0.lock().expect("the far end's log"))
    }
}

/// A running far end.
pub struct FarEnd {
    pub addr: SocketAddr,
    thread: JoinHandle<()>,
}

/// How long an answered call stays up before the far end's own BYE: time for the other side's
/// re-INVITEs after the answer (a PBX's direct media) to finish first.
const SETTLE: Duration = Duration::from_millis(300);

impl FarEnd {
    /// A far end on `addr` (port 0: one the OS picks) that hands each request to `report`.
    pub fn bind(addr: SocketAddr, report: Report) -> std::io::Result<FarEnd> {
        let socket = UdpSocket::bind(addr)?;
        let addr = socket.local_addr()?;
        let media = UdpSocket::bind((addr.ip(), 0))?;
        let media_port = media.local_addr()?.port();
        std::thread::spawn(move || {
            let mut buffer = [0; 2048];
            while media.recv(&mut buffer).is_ok() {}
        });
        let state = Peer {
            socket,
            addr,
            media_port,
            report,
            calls: Vec::new(),
            due: None,
        };
        let thread = std::thread::spawn(move || state.run());
        Ok(FarEnd { addr, thread })
    }

    /// Runs until the socket fails (the process is stopped, as a rule).
    pub fn wait(self) {
        self.thread.join().ok();
    }
}

/// How the far end ends an INVITE for a user `CODE[.VARIANT]` (the table above).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ending {
    pub code: u16,
    pub variant: String,
}

impl Ending {
    /// `486.q850-34`: a code 300..=699 and what follows the first dot.
    pub fn parse(user: &str) -> Option<Ending> {
        let (code, variant) = user.split_once('.').unwrap_or((user, ""));
        let code = code.parse().ok().filter(|code| (300..700).contains(code))?;
        Some(Ending {
            code,
            variant: variant.to_owned(),
        })
    }

    /// The user that asks for it.
    pub fn user(&self) -> String {
        match self.variant.as_str() {
            "" => self.code.to_string(),
            variant => format!("{}.{variant}", self.code),
        }
    }

    /// The `Reason` lines the variant adds to the response (or, after `answer.`, to the BYE):
    /// `q850-N`, `sip-N`, `sipq850-N`, `q850sip-N` or a cause constant.
    pub fn reasons(&self) -> Vec<String> {
        reason_lines(self.code, &self.variant)
    }
}

/// The `Reason` lines of a variant (`q850-16`, `BUSY`; none for another word, such as `bare`),
/// given the code of the response it goes with.
pub fn reason_lines(code: u16, variant: &str) -> Vec<String> {
    let (kind, n) = variant.split_once('-').unwrap_or((variant, ""));
    match kind {
        "q850" => vec![format!("Q.850;cause={n}")],
        "sip" => vec![format!("SIP;cause={n}")],
        "sipq850" => vec![format!("SIP;cause={code}, Q.850;cause={n}")],
        "q850sip" => vec![format!("Q.850;cause={n}"), format!("SIP;cause={code}")],
        _ => Cause::from_name(variant)
            .and_then(Cause::reason)
            .map(|reason| reason.to_string())
            .into_iter()
            .collect(),
    }
}

/// An INVITE the far end answered: what to send again for a retransmission, and the `Reason`
/// lines of the BYE it sends after the ACK (`answer.CAUSE`).
struct Dialog {
    call_id: String,
    cseq: String,
    invite: String,
    tag: String,
    last: String,
    bye: Option<Vec<String>>,
}

struct Peer {
    socket: UdpSocket,
    addr: SocketAddr,
    media_port: u16,
    report: Report,
    calls: Vec<Dialog>,
    /// The BYE of an `answer.CAUSE` call, due once the call has settled.
    due: Option<(Instant, String, SocketAddr)>,
}

impl Peer {
    fn run(mut self) {
        let mut buffer = vec![0; 65536];
        loop {
            let timeout = self.due.as_ref().map(|due| {
                let left = due.0.saturating_duration_since(Instant::now());
                left.max(Duration::from_millis(1))
            });
            if self.socket.set_read_timeout(timeout).is_err() {
                return;
            }
            match self.socket.recv_from(&mut buffer) {
                Ok((length, from)) => {
                    let text = String::from_utf8_lossy(&buffer[..length]).into_owned();
                    if let Some(message) = SipMessage::parse(&text) {
                        self.handle(&message, from);
                    }
                }
                Err(error)
                    if matches!(
                        error.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) =>
                {
                    if let Some((_, bye, to)) = self.due.take() {
                        self.send(&bye, to);
                    }
                }
                Err(_) => return,
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
        let in_dialog = message.header("To").unwrap_or_default().contains("tag=");
        (self.report)(&Received {
            method: method.to_owned(),
            from: message.caller_user().unwrap_or_default().to_owned(),
            to: message.target_user().unwrap_or_default().to_owned(),
            reasons: message.headers_named("Reason").map(str::to_owned).collect(),
            in_dialog,
        });
        let call_id = message.header("Call-ID").unwrap_or_default().to_owned();
        let cseq = message.header("CSeq").unwrap_or_default().to_owned();
        let known = self.calls.iter().position(|call| call.call_id == call_id);
        match (method, known) {
            ("INVITE", Some(at)) if !in_dialog && self.calls[at].cseq == cseq => {
                // A retransmission: the same answer again.
                self.send(&self.calls[at].last, from);
            }
            ("INVITE", _) if !in_dialog => {
                // A new INVITE, or one sent again with a new CSeq (after a 422, a 401).
                if let Some(at) = known {
                    self.calls.remove(at);
                }
                self.invite(message, call_id, cseq, from);
            }
            ("CANCEL", Some(at)) => {
                self.send(&response(message, 200, "OK", &[], "", None), from);
                let dialog = self.calls.remove(at);
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
            ("ACK", Some(at)) => {
                if let Some(reasons) = self.calls[at].bye.take() {
                    let bye = bye(&self.calls[at], &reasons, self.addr);
                    self.due = Some((Instant::now() + SETTLE, bye, from));
                }
            }
            ("ACK", None) => {}
            ("INVITE", _) => {
                // A re-INVITE: the same media again.
                let headers = [self.contact(), "Content-Type: application/sdp".to_owned()];
                let sdp = self.sdp(message.body());
                self.send(&response(message, 200, "OK", &headers, &sdp, None), from);
            }
            _ => self.send(&response(message, 200, "OK", &[], "", None), from),
        }
    }

    fn contact(&self) -> String {
        format!("Contact: <sip:far@{}>", self.addr)
    }

    /// An answer with the offer's media profile (RTP/AVP, or a browser's UDP/TLS/RTP/SAVPF).
    fn sdp(&self, offer: &str) -> String {
        let profile = offer
            .lines()
            .find_map(|line| line.strip_prefix("m=audio "))
            .and_then(|rest| rest.split(' ').nth(1))
            .unwrap_or("RTP/AVP");
        format!(
            "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {} {profile} 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n",
            self.media_port
        )
    }

    fn invite(
        &mut self,
        message: &SipMessage<'_>,
        call_id: String,
        cseq: String,
        from: SocketAddr,
    ) {
        let user = message.target_user().unwrap_or_default().to_owned();
        let tag = format!("far{}", next_number());
        let (scenario, detail) = user.split_once('.').unwrap_or((&user, ""));
        let headers = [self.contact(), "Content-Type: application/sdp".to_owned()];
        let (answer, bye) = match scenario {
            "ring" => (response(message, 180, "Ringing", &[], "", Some(&tag)), None),
            "answer" => {
                let sdp = self.sdp(message.body());
                let answer = response(message, 200, "OK", &headers, &sdp, Some(&tag));
                let bye = (!detail.is_empty()).then(|| reason_lines(0, detail));
                (answer, bye)
            }
            "badanswer" => {
                let sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
                (
                    response(message, 200, "OK", &headers, sdp, Some(&tag)),
                    None,
                )
            }
            _ => (self.failure(message, &user, &tag), None),
        };
        self.send(&answer, from);
        self.calls.push(Dialog {
            call_id,
            cseq,
            invite: message.text.to_owned(),
            tag,
            last: answer,
            bye,
        });
    }

    /// The final response a user that names a code or a cause asks for.
    fn failure(&self, message: &SipMessage<'_>, user: &str, tag: &str) -> String {
        let Some((code, reasons, extra)) = self.ending(user) else {
            return response(message, 404, "Not Found", &[], "", Some(tag));
        };
        let mut headers: Vec<String> = reasons.iter().map(|r| format!("Reason: {r}")).collect();
        headers.extend(extra);
        let phrase = if user.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            format!("Far End {code}")
        } else {
            reason_phrase(code).unwrap_or("Unknown").to_owned()
        };
        response(message, code, &phrase, &headers, "", Some(tag))
    }

    /// The response code, `Reason` lines and other headers of a user naming a code
    /// (`486`, `486.q850-34`, `302.nocontact`) or a cause (`BUSY`, `jssip.BUSY`).
    fn ending(&self, user: &str) -> Option<(u16, Vec<String>, Vec<String>)> {
        // A redirect names user 486 of this far end as where to go.
        let contact = |code: u16| {
            let redirect = (300..400).contains(&code);
            redirect.then(|| format!("Contact: <sip:486@{}>", self.addr))
        };
        if let Some(constant) = user.strip_prefix("jssip.") {
            let code = JsSipCause::from_name(constant)?.response()?;
            let reason = format!("SIP;cause={code};text=\"{}\"", reason_phrase(code)?);
            return Some((code, vec![reason], contact(code).into_iter().collect()));
        }
        if let Some(cause) = Cause::from_name(user) {
            let code = cause.response()?;
            let reasons = cause.reason().map(|r| r.to_string()).into_iter().collect();
            return Some((code, reasons, contact(code).into_iter().collect()));
        }
        let ending = Ending::parse(user)?;
        let extra = match (ending.code, ending.variant.as_str()) {
            (300..=399, "nocontact") => None,
            (300..=399, _) => contact(ending.code),
            (401, "challenge") => Some(challenge("WWW-Authenticate")),
            (407, "challenge") => Some(challenge("Proxy-Authenticate")),
            (422, "minse") => Some("Min-SE: 1800".to_owned()),
            _ => None,
        };
        Some((ending.code, ending.reasons(), extra.into_iter().collect()))
    }
}

fn challenge(header: &str) -> String {
    format!(
        "{header}: Digest realm=\"far\", nonce=\"{}\", algorithm=MD5, qop=\"auth\"",
        next_number()
    )
}

/// The far end's BYE for the dialog of `call`, with `reasons`.
fn bye(call: &Dialog, reasons: &[String], addr: SocketAddr) -> String {
    let invite = SipMessage::parse(&call.invite).expect("kept INVITEs parse");
    let target = addr_uri(invite.header("Contact").unwrap_or_default());
    let from = format!(
        "{};tag={}",
        invite.header("To").unwrap_or_default(),
        call.tag
    );
    let mut text = format!(
        "BYE {target} SIP/2.0\r\nVia: SIP/2.0/UDP {addr};branch=z9hG4bKfar{}\r\nMax-Forwards: 70\r\nFrom: {from}\r\nTo: {}\r\nCall-ID: {}\r\nCSeq: 1 BYE\r\n",
        next_number(),
        invite.header("From").unwrap_or_default(),
        call.call_id,
    );
    for reason in reasons {
        text.push_str(&format!("Reason: {reason}\r\n"));
    }
    text + "Content-Length: 0\r\n\r\n"
}

fn next_number() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
