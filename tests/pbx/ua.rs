//! The recorder's two SIP peers on 127.0.0.1 over UDP, as plain text: the caller, driven one
//! call at a time, and the far end of `examples/far_end`, which ends each INVITE as its
//! Request-URI user says. Enough SIP for a PBX's two legs (100rel and session timers left off),
//! no stack.

use std::net::{SocketAddr, UdpSocket};
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use super::far_end::{self, Log, Received};
use super::sip_text::{SipMessage, addr_uri, response};

/// How long a peer waits for a message before it gives up on a call: the PBXs answer in
/// milliseconds, and nothing here waits for a SIP timer.
const WAIT: Duration = Duration::from_secs(5);
/// How long an answered call stays up before a peer hangs it up: time for the PBX's own
/// re-INVITEs after the answer (Asterisk's direct media) to finish first.
const SETTLE: Duration = Duration::from_millis(300);

/// An SDP offering PCMU on `port`.
fn sdp(port: u16) -> String {
    format!(
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n"
    )
}

fn next_number() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The text after the status code on a status line, byte for byte (`""` for `SIP/2.0 608 `
/// and for `SIP/2.0 608`).
pub fn phrase_of(status_line: &str) -> &str {
    status_line.splitn(3, ' ').nth(2).unwrap_or("")
}

fn status_of(message: &SipMessage<'_>) -> Option<u16> {
    message
        .method()
        .is_none()
        .then(|| message.start.split(' ').nth(1)?.parse().ok())?
}

fn reason_lines(message: &SipMessage<'_>) -> Vec<String> {
    message.headers_named("Reason").map(str::to_owned).collect()
}

/// A request sent in a dialog or to start one.
struct Request<'a> {
    method: &'a str,
    uri: &'a str,
    branch: &'a str,
    from: &'a str,
    to: &'a str,
    call_id: &'a str,
    cseq: u32,
    headers: &'a [String],
    body: &'a str,
}

fn request(via: SocketAddr, r: &Request<'_>) -> String {
    let mut text = format!(
        "{} {} SIP/2.0\r\nVia: SIP/2.0/UDP {via};branch={}\r\nMax-Forwards: 70\r\nFrom: {}\r\nTo: {}\r\nCall-ID: {}\r\nCSeq: {} {}\r\n",
        r.method, r.uri, r.branch, r.from, r.to, r.call_id, r.cseq, r.method
    );
    for header in r.headers {
        text.push_str(header);
        text.push_str("\r\n");
    }
    if !r.body.is_empty() {
        text.push_str("Content-Type: application/sdp\r\n");
    }
    text.push_str(&format!(
        "Content-Length: {}\r\n\r\n{}",
        r.body.len(),
        r.body
    ));
    text
}

/// A peer's socket, with the answers every peer gives in a dialog it is in.
struct Socket {
    socket: UdpSocket,
    addr: SocketAddr,
    /// The SDP of its calls, for media on a port that takes (and drops) what a PBX sends: a
    /// port nobody listens on has the PBX's RTP refused, which slows FreeSWITCH's hangups.
    sdp: String,
}

impl Socket {
    fn bind() -> Socket {
        let socket = UdpSocket::bind("127.0.0.1:0").expect("a UDP port on 127.0.0.1");
        let addr = socket.local_addr().expect("a bound address");
        let media = UdpSocket::bind("127.0.0.1:0").expect("a UDP port for media");
        let sdp = sdp(media.local_addr().expect("a bound address").port());
        thread::spawn(move || {
            let mut buffer = [0; 2048];
            while media.recv(&mut buffer).is_ok() {}
        });
        Socket { socket, addr, sdp }
    }

    fn send(&self, text: &str, to: SocketAddr) {
        self.socket
            .send_to(text.as_bytes(), to)
            .unwrap_or_else(|error| panic!("sending to {to}: {error}"));
    }

    /// The next message before `deadline`, with where it came from; `None` at the deadline.
    fn receive(&self, deadline: Instant) -> Option<(String, SocketAddr)> {
        let mut buffer = vec![0; 65536];
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            self.socket
                .set_read_timeout(Some(left.max(Duration::from_millis(1))))
                .expect("a read timeout");
            match self.socket.recv_from(&mut buffer) {
                Ok((length, from)) => {
                    let text = String::from_utf8_lossy(&buffer[..length]).into_owned();
                    if SipMessage::parse(&text).is_some() {
                        return Some((text, from));
                    }
                }
                Err(error)
                    if matches!(
                        error.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) =>
                {
                    return None;
                }
                Err(error) => panic!("receiving on {}: {error}", self.addr),
            }
        }
    }

    /// The answer to a request inside a dialog: 200 to a BYE, a re-INVITE (with an SDP), an
    /// UPDATE or an OPTIONS, nothing to an ACK. `Some(reasons)` for a BYE.
    fn answer_in_dialog(&self, message: &SipMessage<'_>, from: SocketAddr) -> Option<Vec<String>> {
        let method = message.method()?;
        let contact = [format!("Contact: <sip:peer@{}>", self.addr)];
        match method {
            "ACK" => None,
            "INVITE" => {
                let headers = [
                    contact[0].clone(),
                    "Content-Type: application/sdp".to_owned(),
                ];
                self.send(
                    &response(message, 200, "OK", &headers, &self.sdp, None),
                    from,
                );
                None
            }
            "BYE" => {
                self.send(&response(message, 200, "OK", &[], "", None), from);
                Some(reason_lines(message))
            }
            _ => {
                self.send(&response(message, 200, "OK", &[], "", None), from);
                None
            }
        }
    }
}

/// What the caller does once its INVITE is out.
#[derive(Clone, Debug)]
pub enum Plan {
    /// Waits for the final response.
    Final,
    /// At the first 18x, cancels with these `Reason` lines.
    Cancel(Vec<String>),
    /// Once answered, hangs up with a `BYE` carrying these `Reason` lines.
    Bye(Vec<String>),
    /// Once answered, waits for the PBX's `BYE`.
    AwaitBye,
}

/// What the caller got.
#[derive(Clone, Debug, Default)]
pub struct Heard {
    /// The final response to the INVITE: status, phrase as it came, `Reason` lines.
    pub status: u16,
    pub phrase: String,
    pub reasons: Vec<String>,
    /// The `Reason` lines of the PBX's `BYE`, for [`Plan::AwaitBye`].
    pub bye_reasons: Option<Vec<String>>,
}

/// The caller: one call at a time, from a user of the PBX's to a user of its dial plan.
pub struct Caller {
    socket: Socket,
}

impl Default for Caller {
    fn default() -> Self {
        Caller::new()
    }
}

impl Caller {
    pub fn new() -> Caller {
        Caller {
            socket: Socket::bind(),
        }
    }

    /// Calls `target` at `pbx` as `user`, and does what `plan` says; `Err` says what did not
    /// come in time.
    pub fn call(
        &self,
        pbx: SocketAddr,
        user: &str,
        target: &str,
        plan: &Plan,
    ) -> Result<Heard, String> {
        let n = next_number();
        let call = Call {
            socket: &self.socket,
            pbx,
            uri: format!("sip:{target}@{pbx}"),
            from: format!("<sip:{user}@{}>;tag=caller{n}", self.socket.addr),
            to: format!("<sip:{target}@{pbx}>"),
            call_id: format!("pbx-recorder-{n}-{}", std::process::id()),
            branch: format!("z9hG4bKcaller{n}"),
            contact: format!("Contact: <sip:{user}@{}>", self.socket.addr),
        };
        call.run(plan)
    }
}

/// One call of the caller's.
struct Call<'a> {
    socket: &'a Socket,
    pbx: SocketAddr,
    uri: String,
    from: String,
    to: String,
    call_id: String,
    branch: String,
    contact: String,
}

impl Call<'_> {
    fn run(&self, plan: &Plan) -> Result<Heard, String> {
        let invite = self.request(
            "INVITE",
            &self.uri,
            &self.to,
            &self.branch,
            1,
            &[],
            &self.socket.sdp,
        );
        self.socket.send(&invite, self.pbx);
        let deadline = Instant::now() + WAIT;
        let mut cancelled = false;
        loop {
            let (text, from) = self
                .socket
                .receive(deadline)
                .ok_or("no final response to the INVITE")?;
            let message = SipMessage::parse(&text).expect("received messages parse");
            if message.method().is_some() {
                self.socket.answer_in_dialog(&message, from);
                continue;
            }
            let status = status_of(&message).ok_or("a status line without a code")?;
            if !message
                .header("CSeq")
                .is_some_and(|cseq| cseq.ends_with("INVITE"))
            {
                continue;
            }
            if status < 200 {
                if let (Plan::Cancel(reasons), 180..=199, false) = (plan, status, cancelled) {
                    let cancel =
                        self.request("CANCEL", &self.uri, &self.to, &self.branch, 1, reasons, "");
                    self.socket.send(&cancel, self.pbx);
                    cancelled = true;
                }
                continue;
            }
            let to = message.header("To").unwrap_or_default().to_owned();
            let mut heard = Heard {
                status,
                phrase: phrase_of(message.start).to_owned(),
                reasons: reason_lines(&message),
                bye_reasons: None,
            };
            if status >= 300 {
                let ack = self.request("ACK", &self.uri, &to, &self.branch, 1, &[], "");
                self.socket.send(&ack, self.pbx);
                return Ok(heard);
            }
            let target = message
                .header("Contact")
                .map(addr_uri)
                .unwrap_or(&self.uri)
                .to_owned();
            let ack = self.request(
                "ACK",
                &target,
                &to,
                &format!("{}a", self.branch),
                1,
                &[],
                "",
            );
            self.socket.send(&ack, self.pbx);
            heard.bye_reasons = self.after_answer(plan, &target, &to)?;
            return Ok(heard);
        }
    }

    /// The answered call: the caller's `BYE`, or the wait for the PBX's.
    fn after_answer(
        &self,
        plan: &Plan,
        target: &str,
        to: &str,
    ) -> Result<Option<Vec<String>>, String> {
        let settle = Instant::now() + SETTLE;
        while let Some((text, from)) = self.socket.receive(settle) {
            let message = SipMessage::parse(&text).expect("received messages parse");
            if let Some(reasons) = self.socket.answer_in_dialog(&message, from) {
                return Ok(Some(reasons));
            }
        }
        match plan {
            Plan::Bye(reasons) => {
                let branch = format!("{}b", self.branch);
                let bye = self.request("BYE", target, to, &branch, 2, reasons, "");
                self.socket.send(&bye, self.pbx);
                let deadline = Instant::now() + WAIT;
                loop {
                    let (text, from) = self
                        .socket
                        .receive(deadline)
                        .ok_or("no answer to the BYE")?;
                    let message = SipMessage::parse(&text).expect("received messages parse");
                    if message.method().is_some() {
                        self.socket.answer_in_dialog(&message, from);
                    } else if message.header("CSeq").is_some_and(|c| c.ends_with("BYE")) {
                        return Ok(None);
                    }
                }
            }
            _ => {
                let deadline = Instant::now() + WAIT;
                loop {
                    let (text, from) =
                        self.socket.receive(deadline).ok_or("no BYE from the PBX")?;
                    let message = SipMessage::parse(&text).expect("received messages parse");
                    if let Some(reasons) = self.socket.answer_in_dialog(&message, from) {
                        return Ok(Some(reasons));
                    }
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn request(
        &self,
        method: &str,
        uri: &str,
        to: &str,
        branch: &str,
        cseq: u32,
        reasons: &[String],
        body: &str,
    ) -> String {
        let mut headers = vec![self.contact.clone()];
        headers.extend(reasons.iter().map(|reason| format!("Reason: {reason}")));
        request(
            self.socket.addr,
            &Request {
                method,
                uri,
                branch,
                from: &self.from,
                to,
                call_id: &self.call_id,
                cseq,
                headers: &headers,
                body,
            },
        )
    }
}

/// The far end of `examples/far_end` in this process, keeping what it receives.
pub struct FarEnd {
    pub addr: SocketAddr,
    pub log: Log,
}

impl FarEnd {
    pub fn start() -> FarEnd {
        let log = Log::default();
        let localhost = SocketAddr::from(([127, 0, 0, 1], 0));
        let far = far_end::FarEnd::bind(localhost, log.report()).expect("a UDP port on 127.0.0.1");
        FarEnd {
            addr: far.addr,
            log,
        }
    }

    /// Every request received since the last call, in order.
    pub fn take(&self) -> Vec<Received> {
        self.log.take()
    }
}
