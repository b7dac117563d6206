//! A scripted SIP peer on WebSocket for the trigger scenarios of `tests/test_triggers.rs`: the
//! real clients connect to it directly (no gateway between), and it does, or withholds, what
//! each scenario needs. Each scenario runs on a connection of its own, named `LIB.BEHAVIOUR`
//! by the first request's Request-URI user (the client calls or sends a MESSAGE) or by the
//! REGISTER's From user (`LIB.callme.*`: the client registers, then the peer calls it).
//!
//! | behaviour | what the peer does |
//! |-----------|--------------------|
//! | `silent` | never answers |
//! | `close` | closes the WebSocket at the first request |
//! | `reject.486` (any code) | answers the INVITE or MESSAGE with that code |
//! | `answer` | 200 with an SDP; requests in the dialog get 200 |
//! | `answer.481` (any code) | the same, but requests in the dialog (ACK aside) get that code |
//! | `answer.nocontact` | 200 with an SDP and no Contact |
//! | `answer.badsdp` | 200 with an SDP without media |
//! | `answer.bye` | 200 with an SDP, and a BYE after the ACK |
//! | `answer.noice` | 200 with an answer a browser accepts, whose one ICE candidate never answers |
//! | `callme.ring` | 200 to the REGISTER, then an INVITE to the client's Contact, no more |
//! | `callme.expires` | the same, the INVITE with `Expires: 1` |
//! | `callme.cancel` | the same, and a CANCEL after the client's first 1xx |
//! | `callme.noack` | the same, and no ACK for the client's 2xx |
//! | `callme.noprack` | the INVITE with `Require: 100rel`, and no PRACK for a reliable 1xx |
//! | `callme.nosdp` | an INVITE without SDP (the offer comes in the 2xx), ACKed without SDP |
//! | `callme.badsdp` | an INVITE whose SDP has no media |
//! | `callme.plain` | an INVITE whose SDP has no ICE credentials or DTLS fingerprint, as a plain SIP phone's |

use std::net::{SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tungstenite::handshake::server::{ErrorResponse, Request, Response};
use tungstenite::{Message, WebSocket};

use super::sip_text::{SipMessage, addr_uri, response};

/// A message the peer received on a scenario's connection, as it came.
#[derive(Clone, Debug)]
pub struct Seen {
    pub scenario: String,
    pub text: String,
}

/// The status code of a response, `None` for a request.
fn status_of(message: &SipMessage<'_>) -> Option<u16> {
    let code = message.start.strip_prefix("SIP/2.0 ")?.get(..3)?;
    code.parse().ok()
}

impl Seen {
    /// The status code of a response, `None` for a request.
    pub fn status(&self) -> Option<u16> {
        status_of(&SipMessage::parse(&self.text)?)
    }

    pub fn method(&self) -> Option<&str> {
        SipMessage::parse(&self.text)?.method()
    }
}

/// A running peer: `url` for the clients' `ws://` setting.
pub struct WsPeer {
    pub url: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

/// How long a connection may stay silent before the peer drops it: longer than any scenario.
const IDLE: Duration = Duration::from_secs(60);

const SDP: &str = "v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
const SDP_WITHOUT_MEDIA: &str = "v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

impl WsPeer {
    pub fn start() -> WsPeer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a TCP port on 127.0.0.1");
        let addr: SocketAddr = listener.local_addr().expect("a bound address");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let log = Arc::clone(&log);
                std::thread::spawn(move || serve(stream, log));
            }
        });
        WsPeer {
            url: format!("ws://{addr}"),
            seen,
        }
    }

    /// What the peer received on the connections of `scenario`, in order.
    pub fn seen(&self, scenario: &str) -> Vec<Seen> {
        let seen = self.seen.lock().unwrap();
        seen.iter()
            .filter(|s| s.scenario == scenario)
            .cloned()
            .collect()
    }
}

/// Accepts the `sip` subprotocol (RFC 7118) when offered, as a SIP server does. (The error
/// type is tungstenite's, for its handshake callback.)
#[allow(clippy::result_large_err)]
fn sip_subprotocol(request: &Request, mut response: Response) -> Result<Response, ErrorResponse> {
    let offered = request
        .headers()
        .get("Sec-WebSocket-Protocol")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|p| p.trim() == "sip"));
    if offered {
        let sip = "sip".parse().expect("a header value");
        response.headers_mut().insert("Sec-WebSocket-Protocol", sip);
    }
    Ok(response)
}

fn serve(stream: TcpStream, log: Arc<Mutex<Vec<Seen>>>) {
    let _ = stream.set_read_timeout(Some(IDLE));
    let Ok(socket) = tungstenite::accept_hdr(stream, sip_subprotocol) else {
        return;
    };
    let mut connection = Connection {
        socket,
        log,
        scenario: None,
        invite: None,
        client_invite: None,
        acked: false,
        cancelled: false,
        silent_udp: None,
    };
    while let Ok(message) = connection.socket.read() {
        match message {
            Message::Text(text) if !connection.handle(text.as_str()) => {
                let _ = connection.socket.close(None);
                break;
            }
            Message::Close(_) => break,
            _ => {}
        }
    }
}

/// One client's connection, and the INVITE the peer sent it, if any.
struct Connection {
    socket: WebSocket<TcpStream>,
    log: Arc<Mutex<Vec<Seen>>>,
    scenario: Option<String>,
    /// The peer's own INVITE (`callme.*`).
    invite: Option<String>,
    /// The client's INVITE, for the peer's BYE.
    client_invite: Option<String>,
    acked: bool,
    cancelled: bool,
    /// The port of `answer.noice`'s ICE candidate, bound and never read while the call lasts.
    silent_udp: Option<UdpSocket>,
}

impl Connection {
    fn send(&mut self, text: String) {
        let _ = self.socket.send(Message::text(text));
    }

    /// Handles one message; `false` closes the connection.
    fn handle(&mut self, text: &str) -> bool {
        let Some(message) = SipMessage::parse(text) else {
            return true;
        };
        if self.scenario.is_none() {
            self.scenario = match message.method() {
                Some("INVITE" | "MESSAGE") => message.target_user().map(str::to_owned),
                Some("REGISTER") => message.caller_user().map(str::to_owned),
                _ => None,
            };
        }
        let scenario = self.scenario.clone().unwrap_or_default();
        self.log.lock().unwrap().push(Seen {
            scenario: scenario.clone(),
            text: text.to_owned(),
        });
        // `sipjs.answer.481` behaves as `answer.481`.
        let behaviour = scenario.split_once('.').map_or("", |(_, rest)| rest);
        match (message.method(), behaviour) {
            (_, "silent") => {}
            (Some(_), "close") => return false,
            (Some("REGISTER"), _) => self.register(&message, behaviour),
            (Some("INVITE" | "MESSAGE"), _) if self.client_invite.is_none() => {
                self.client_invite = Some(text.to_owned());
                self.invited(&message, behaviour);
            }
            (Some("ACK"), "answer.bye") => self.bye(),
            (Some("ACK"), _) => {}
            (Some("CANCEL"), _) => self.send(response(&message, 200, "OK", &[], "", None)),
            (Some(_), _) => self.in_dialog(&message, behaviour),
            (None, _) => self.answered(&message, behaviour),
        }
        true
    }

    /// 200 to a REGISTER; for `callme.*`, the peer's INVITE to the client follows.
    fn register(&mut self, message: &SipMessage<'_>, behaviour: &str) {
        let contact = message.header("Contact").unwrap_or_default().to_owned();
        // The binding echoed with its lifetime (SIP.js already puts one in its Contact).
        let expires = if contact.contains("expires=") {
            ""
        } else {
            ";expires=600"
        };
        let headers = [format!("Contact: {contact}{expires}")];
        self.send(response(message, 200, "OK", &headers, "", Some("peer")));
        if let Some(kind) = behaviour.strip_prefix("callme.")
            && self.invite.is_none()
        {
            let user = message.caller_user().unwrap_or_default();
            let invite = invite(&contact, user, kind);
            self.invite = Some(invite.clone());
            self.send(invite);
        }
    }

    /// The client's INVITE (or MESSAGE), answered as the behaviour says.
    fn invited(&mut self, message: &SipMessage<'_>, behaviour: &str) {
        let contact = "Contact: <sip:peer@127.0.0.1;transport=ws>".to_owned();
        let sdp_type = "Content-Type: application/sdp".to_owned();
        let (code, headers, body) = match behaviour.split_once('.').unwrap_or((behaviour, "")) {
            ("reject", code) => (code.parse().unwrap_or(500), vec![contact], String::new()),
            ("answer", "nocontact") => (200, vec![sdp_type], SDP.into()),
            ("answer", "badsdp") => (200, vec![contact, sdp_type], SDP_WITHOUT_MEDIA.into()),
            ("answer", "noice") => {
                let socket = UdpSocket::bind("127.0.0.1:0").expect("a UDP port on 127.0.0.1");
                let port = socket.local_addr().expect("a bound address").port();
                self.silent_udp = Some(socket);
                let answer = browser_answer(message.body(), port);
                (200, vec![contact, sdp_type], answer)
            }
            ("answer", _) => (200, vec![contact, sdp_type], SDP.into()),
            _ => (404, vec![], String::new()),
        };
        let phrase = cause_core::reason_phrase(code).unwrap_or("Unknown");
        let body = if message.method() == Some("MESSAGE") {
            ""
        } else {
            &body
        };
        self.send(response(
            message,
            code,
            phrase,
            &headers,
            body,
            Some("peer"),
        ));
    }

    /// The peer's BYE in the dialog of the client's INVITE (`answer.bye`).
    fn bye(&mut self) {
        let Some(text) = self.client_invite.clone() else {
            return;
        };
        let invite = SipMessage::parse(&text).expect("kept INVITEs parse");
        let header = |name| invite.header(name).unwrap_or_default();
        let contact = header("Contact");
        let target = addr_uri(contact);
        let bye = format!(
            "BYE {target} SIP/2.0\r\nVia: SIP/2.0/WS peer.invalid;branch=z9hG4bKpeerbye{}\r\nMax-Forwards: 70\r\nFrom: {};tag=peer\r\nTo: {}\r\nCall-ID: {}\r\nCSeq: 1 BYE\r\nContent-Length: 0\r\n\r\n",
            next_number(),
            header("To"),
            header("From"),
            header("Call-ID"),
        );
        self.send(bye);
    }

    /// A request inside a dialog (BYE, INFO, re-INVITE's kin): 200, or `answer.CODE`'s code.
    fn in_dialog(&mut self, message: &SipMessage<'_>, behaviour: &str) {
        let code = behaviour
            .strip_prefix("answer.")
            .and_then(|code| code.parse::<u16>().ok())
            .unwrap_or(200);
        let phrase = cause_core::reason_phrase(code).unwrap_or("Unknown");
        self.send(response(message, code, phrase, &[], "", None));
    }

    /// The client's response to the peer's INVITE: ACK a final one (but for `noack`), CANCEL
    /// after a provisional one for `cancel`.
    fn answered(&mut self, message: &SipMessage<'_>, behaviour: &str) {
        let Some(invite) = self.invite.clone() else {
            return;
        };
        let status = status_of(message).unwrap_or(0);
        let is_invite = message
            .header("CSeq")
            .is_some_and(|c| c.ends_with("INVITE"));
        if !is_invite {
            return;
        }
        let invite = SipMessage::parse(&invite).expect("the peer's INVITE parses");
        match status {
            100..=199 if behaviour == "callme.cancel" && !self.cancelled => {
                self.cancelled = true;
                self.send(cancel(&invite));
            }
            200..=299 if behaviour != "callme.noack" && !self.acked => {
                self.acked = true;
                self.send(ack(&invite, message, true));
            }
            300..=699 => self.send(ack(&invite, message, false)),
            _ => {}
        }
    }
}

fn next_number() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The peer's INVITE to the client at `contact` (its REGISTER's Contact), as `user`, for
/// `callme.KIND`.
fn invite(contact: &str, user: &str, kind: &str) -> String {
    let target = addr_uri(contact);
    let n = next_number();
    let mut headers = format!(
        "Via: SIP/2.0/WS peer.invalid;branch=z9hG4bKpeer{n}\r\nMax-Forwards: 70\r\nFrom: <sip:peer@127.0.0.1>;tag=peer{n}\r\nTo: <sip:{user}@127.0.0.1>\r\nCall-ID: peer{n}@127.0.0.1\r\nCSeq: 1 INVITE\r\nContact: <sip:peer@127.0.0.1;transport=ws>\r\n"
    );
    match kind {
        "expires" => headers.push_str("Expires: 1\r\n"),
        // `Require` alone: SIP.js 0.6.4 reads `Supported` after `Require` (Session.js:1005),
        // so an INVITE with both would only be `Supported`.
        "noprack" => headers.push_str("Require: 100rel\r\n"),
        _ => {}
    }
    let body = match kind {
        "nosdp" => "",
        "badsdp" => SDP_WITHOUT_MEDIA,
        _ => SDP,
    };
    if !body.is_empty() {
        headers.push_str("Content-Type: application/sdp\r\n");
    }
    format!(
        "INVITE {target} SIP/2.0\r\n{headers}Content-Length: {}\r\n\r\n{body}",
        body.len()
    )
}

/// The CANCEL of the peer's INVITE: its Request-URI, Via, From, To, Call-ID, CSeq number.
fn cancel(invite: &SipMessage<'_>) -> String {
    let uri = invite.start.split(' ').nth(1).unwrap_or_default();
    let header = |name| invite.header(name).unwrap_or_default();
    format!(
        "CANCEL {uri} SIP/2.0\r\nVia: {}\r\nMax-Forwards: 70\r\nFrom: {}\r\nTo: {}\r\nCall-ID: {}\r\nCSeq: 1 CANCEL\r\nContent-Length: 0\r\n\r\n",
        header("Via"),
        header("From"),
        header("To"),
        header("Call-ID"),
    )
}

/// The ACK of the client's final response to the peer's INVITE: for a 2xx a new transaction
/// to the client's Contact (RFC 3261 §13.2.2.4), else the INVITE's own (§17.1.1.3).
fn ack(invite: &SipMessage<'_>, answer: &SipMessage<'_>, success: bool) -> String {
    let header = |name| invite.header(name).unwrap_or_default();
    let request_uri = invite.start.split(' ').nth(1).unwrap_or_default();
    let (uri, via) = if success {
        let contact = answer.header("Contact").unwrap_or(request_uri);
        let uri = addr_uri(contact);
        let via = format!(
            "SIP/2.0/WS peer.invalid;branch=z9hG4bKpeerack{}",
            next_number()
        );
        (uri.to_owned(), via)
    } else {
        (request_uri.to_owned(), header("Via").to_owned())
    };
    format!(
        "ACK {uri} SIP/2.0\r\nVia: {via}\r\nMax-Forwards: 70\r\nFrom: {}\r\nTo: {}\r\nCall-ID: {}\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n",
        header("From"),
        answer.header("To").unwrap_or_default(),
        header("Call-ID"),
    )
}

/// An answer to a browser's `offer` that its peer connection accepts: each media line of the
/// offer answered with the offer's first format and mid, ICE credentials, a DTLS fingerprint,
/// and one host candidate on 127.0.0.1:`port`, where nothing ever answers ICE's checks (so
/// ICE fails, as it does when the far end's media is unreachable).
fn browser_answer(offer: &str, port: u16) -> String {
    let mut answer = String::from("v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
    let fingerprint = vec!["AB"; 32].join(":");
    for section in offer.split("\r\nm=").skip(1) {
        let mut lines = section.lines();
        let media_line = lines.next().unwrap_or_default();
        let mut fields = media_line.split(' ');
        let (media, format) = (
            fields.next().unwrap_or("audio"),
            fields.nth(2).unwrap_or("0"),
        );
        let attribute = |name: &str| {
            section
                .lines()
                .find_map(|line| line.strip_prefix(name))
                .unwrap_or_default()
                .to_owned()
        };
        let rtpmap = attribute(&format!("a=rtpmap:{format} "));
        let mid = attribute("a=mid:");
        answer.push_str(&format!(
            "m={media} {port} UDP/TLS/RTP/SAVPF {format}\r\nc=IN IP4 127.0.0.1\r\na=mid:{mid}\r\n\
             a=rtpmap:{format} {rtpmap}\r\na=ice-ufrag:peer\r\na=ice-pwd:peerpeerpeerpeerpeerpeer\r\n\
             a=fingerprint:sha-256 {fingerprint}\r\na=setup:active\r\na=rtcp-mux\r\na=sendrecv\r\n\
             a=candidate:1 1 udp 2130706431 127.0.0.1 {port} typ host\r\na=end-of-candidates\r\n"
        ));
    }
    answer
}
