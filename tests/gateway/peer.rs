//! SIP peers played by hand, for the tests that need a caller, a far end or a proxy to do
//! exactly one thing at one moment: plain text over UDP or WebSocket, every wait bounded.

use std::io::ErrorKind;
use std::net::{SocketAddr, TcpStream, UdpSocket};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use tungstenite::client::IntoClientRequest;
use tungstenite::{Message, WebSocket};

use super::sip_text::{SipMessage, addr_uri, response};

/// How long a peer waits for a message before the test fails.
pub const WAIT: Duration = Duration::from_secs(5);

/// An SDP offer or answer: audio nobody sends.
pub const SDP: &str = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n";

/// A number for branches, tags and Call-IDs, new each time.
pub fn unique() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The start line of `text`, for messages in assertions.
pub fn start(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}

/// Whether `text` is the request `wanted` (`BYE`) or a response with that status (`486`).
fn is(text: &str, wanted: &str) -> bool {
    let line = start(text);
    line.starts_with(&format!("{wanted} ")) || line.starts_with(&format!("SIP/2.0 {wanted} "))
}

/// A peer on a UDP socket of 127.0.0.1.
pub struct Udp {
    socket: UdpSocket,
    pub addr: SocketAddr,
}

impl Udp {
    pub fn bind() -> Udp {
        let socket = UdpSocket::bind("127.0.0.1:0").expect("a UDP port on 127.0.0.1");
        let addr = socket.local_addr().expect("bound");
        Udp { socket, addr }
    }

    pub fn send(&self, text: &str, to: SocketAddr) {
        self.socket
            .send_to(text.as_bytes(), to)
            .expect("a datagram to 127.0.0.1 is sent");
    }

    /// The next message within `limit` and where it came from; `None` if there is none.
    pub fn receive_within(&self, limit: Duration) -> Option<(String, SocketAddr)> {
        self.socket
            .set_read_timeout(Some(limit))
            .expect("a read timeout");
        let mut buffer = vec![0; 65_536];
        match self.socket.recv_from(&mut buffer) {
            Ok((length, from)) => {
                let text = String::from_utf8_lossy(&buffer[..length]).into_owned();
                Some((text, from))
            }
            Err(error) if matches!(error.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                None
            }
            Err(error) => panic!("{}: {error}", self.addr),
        }
    }

    /// The next message that is `wanted` (a method, or a status code), passing over the others
    /// (a 100, a retransmission); fails the test after [`WAIT`].
    pub fn expect(&self, wanted: &str) -> (String, SocketAddr) {
        let deadline = Instant::now() + WAIT;
        let mut seen = Vec::new();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.receive_within(left) {
                Some((text, from)) if is(&text, wanted) => return (text, from),
                Some((text, _)) => seen.push(start(&text).to_owned()),
                None => break,
            }
        }
        panic!("{}: no {wanted} within {WAIT:?}; got {seen:?}", self.addr);
    }

    /// Answers `request` (which came from `from`) with `code`, copying its Via, From, To,
    /// Call-ID and CSeq.
    pub fn answer(&self, request: &str, from: SocketAddr, code: u16, phrase: &str) {
        let message = SipMessage::parse(request).expect("a SIP request");
        self.send(&response(&message, code, phrase, &[], "", None), from);
    }
}

/// A caller's side of one call, written out by hand: an INVITE to `user` at the gateway and
/// what follows in its dialog.
pub struct Caller {
    pub user: String,
    pub call_id: String,
    pub tag: String,
    /// The transport of its Via (`UDP` or `WS`) and its address there.
    pub via: String,
}

impl Caller {
    /// A call over UDP from `peer`.
    pub fn udp(peer: &Udp, user: &str) -> Caller {
        Caller::new(user, format!("UDP {}", peer.addr))
    }

    /// A call over WebSocket, as a browser makes it (RFC 7118 §5.2: a `.invalid` Via host).
    pub fn ws(user: &str) -> Caller {
        Caller::new(user, "WS caller.invalid".to_owned())
    }

    fn new(user: &str, via: String) -> Caller {
        let n = unique();
        Caller {
            user: user.to_owned(),
            call_id: format!("test{n}@127.0.0.1"),
            tag: format!("caller{n}"),
            via,
        }
    }

    fn contact(&self) -> String {
        match self.via.strip_prefix("UDP ") {
            Some(addr) => format!("<sip:alice@{addr}>"),
            None => "<sip:alice@caller.invalid;transport=ws>".to_owned(),
        }
    }

    /// The INVITE, with `extra` header lines (a `Record-Route`, say).
    pub fn invite(&self, extra: &[String]) -> String {
        let mut text = format!(
            "INVITE sip:{user}@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/{via};branch=z9hG4bKi{n}\r\n\
             Max-Forwards: 70\r\nFrom: <sip:alice@127.0.0.1>;tag={tag}\r\n\
             To: <sip:{user}@127.0.0.1>\r\nCall-ID: {call_id}\r\nCSeq: 1 INVITE\r\n\
             Contact: {contact}\r\nContent-Type: application/sdp\r\n",
            user = self.user,
            via = self.via,
            n = unique(),
            tag = self.tag,
            call_id = self.call_id,
            contact = self.contact(),
        );
        for line in extra {
            text.push_str(line);
            text.push_str("\r\n");
        }
        text.push_str(&format!("Content-Length: {}\r\n\r\n{SDP}", SDP.len()));
        text
    }

    /// A request in the dialog of the gateway's 200 `ok`: to its Contact, with the gateway's
    /// To tag, or with the tags given instead (a request that names another dialog).
    pub fn in_dialog(
        &self,
        method: &str,
        seq: u32,
        ok: &str,
        tags: Option<(&str, &str)>,
    ) -> String {
        let ok = SipMessage::parse(ok).expect("a SIP response");
        let to = ok.header("To").expect("a To");
        let (from, to) = match tags {
            None => (
                format!("<sip:alice@127.0.0.1>;tag={}", self.tag),
                to.to_owned(),
            ),
            Some((from_tag, to_tag)) => {
                let bare = to.split(";tag=").next().unwrap_or(to);
                (
                    format!("<sip:alice@127.0.0.1>;tag={from_tag}"),
                    format!("{bare};tag={to_tag}"),
                )
            }
        };
        format!(
            "{method} {target} SIP/2.0\r\nVia: SIP/2.0/{via};branch=z9hG4bKd{n}\r\n\
             Max-Forwards: 70\r\nFrom: {from}\r\nTo: {to}\r\nCall-ID: {call_id}\r\n\
             CSeq: {seq} {method}\r\nContent-Length: 0\r\n\r\n",
            target = addr_uri(ok.header("Contact").expect("a Contact")),
            via = self.via,
            n = unique(),
            call_id = self.call_id,
        )
    }
}

/// The tag a header (`To: <sip:x@y>;tag=abc`) carries.
pub fn tag(message: &str, header: &str) -> String {
    let message = SipMessage::parse(message).expect("a SIP message");
    let value = message.header(header).unwrap_or_default();
    let tag = value.split(";tag=").nth(1).unwrap_or_default();
    tag.split(';').next().unwrap_or_default().to_owned()
}

/// A WebSocket client of the gateway, speaking the `sip` subprotocol.
pub struct Ws(WebSocket<TcpStream>);

impl Ws {
    pub fn connect(url: &str) -> Ws {
        let address = url.trim_start_matches("ws://");
        let stream = TcpStream::connect(address).expect("the gateway accepts");
        stream.set_read_timeout(Some(WAIT)).expect("a read timeout");
        let mut request = url.into_client_request().expect("a request");
        let sip = "sip".parse().expect("a header value");
        request.headers_mut().insert("Sec-WebSocket-Protocol", sip);
        Ws(tungstenite::client(request, stream)
            .expect("the handshake")
            .0)
    }

    pub fn send(&mut self, text: &str) {
        self.0.send(Message::text(text)).expect("sent");
    }

    /// The next message that is `wanted` (a method, or a status code), passing over others.
    pub fn expect(&mut self, wanted: &str) -> String {
        loop {
            match self.0.read() {
                Ok(Message::Text(text)) if is(text.as_str(), wanted) => {
                    return text.as_str().to_owned();
                }
                Ok(_) => {}
                Err(error) => panic!("no {wanted} within {WAIT:?}: {error}"),
            }
        }
    }

    /// Closes the connection. (rsipstack never answers the close frame: that it has seen the
    /// connection go shows in what the gateway does next.)
    pub fn close(mut self) {
        self.0.close(None).expect("a close frame is sent");
        self.0.flush().ok();
    }
}
