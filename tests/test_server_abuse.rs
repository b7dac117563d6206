//! The gateway of `examples/gateway` under bad traffic on both legs, on 127.0.0.1: 1,000
//! malformed messages over WebSocket (text that is not UTF-8 and 1 MB frames among them) and
//! 1,000 over UDP. No thread panics, nothing is answered but with a 400 (rsipstack drops what
//! it cannot parse, and closes a WebSocket on a frame that is not UTF-8), and valid requests
//! are served afterwards on both legs, a call through to the far end included.

mod gateway;

use std::io::{ErrorKind, Write};
use std::net::{TcpStream, UdpSocket};
use std::sync::Once;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use cause_core::Gateway;
use gateway::Harness;
use tungstenite::client::IntoClientRequest;
use tungstenite::{Message, WebSocket};

/// How long a test waits for an answer to a valid request before failing.
const WAIT: Duration = Duration::from_secs(5);

/// How long a test listens for answers to the malformed messages once all are sent.
const DRAIN: Duration = Duration::from_millis(100);

static PANICS: AtomicUsize = AtomicUsize::new(0);

/// Counts panics on any thread (the gateway's run here), then reports them as usual.
fn count_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.fetch_add(1, Ordering::SeqCst);
            previous(info);
        }));
    });
}

fn connect(url: &str) -> WebSocket<TcpStream> {
    let address = url.trim_start_matches("ws://");
    let stream = TcpStream::connect(address).expect("the gateway accepts");
    stream.set_read_timeout(Some(WAIT)).expect("a read timeout");
    stream
        .set_write_timeout(Some(WAIT))
        .expect("a write timeout");
    let mut request = url.into_client_request().expect("a request");
    let protocol = "sip".parse().expect("a header value");
    request
        .headers_mut()
        .insert("Sec-WebSocket-Protocol", protocol);
    tungstenite::client(request, stream)
        .expect("the handshake")
        .0
}

/// The status lines of every message the gateway sends on `socket` until it has been quiet
/// for `quiet`; `None` if it closed the connection.
fn read_all(socket: &mut WebSocket<TcpStream>, quiet: Duration) -> Option<Vec<String>> {
    socket
        .get_mut()
        .set_read_timeout(Some(quiet))
        .expect("a read timeout");
    let mut lines = Vec::new();
    loop {
        match socket.read() {
            Ok(Message::Text(text)) => {
                lines.push(text.lines().next().unwrap_or_default().to_owned())
            }
            Ok(Message::Close(_)) => return None,
            Ok(_) => {}
            Err(tungstenite::Error::Io(e))
                if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) =>
            {
                return Some(lines);
            }
            Err(_) => return None,
        }
    }
}

/// The first status line the gateway sends on `socket` within [`WAIT`].
fn answer(socket: &mut WebSocket<TcpStream>) -> String {
    socket
        .get_mut()
        .set_read_timeout(Some(WAIT))
        .expect("a read timeout");
    loop {
        match socket.read() {
            Ok(Message::Text(text)) => {
                let line = text.lines().next().unwrap_or_default().to_owned();
                if !line.starts_with("SIP/2.0 100 ") {
                    return line;
                }
            }
            Ok(_) => {}
            Err(error) => panic!("no answer within {WAIT:?}: {error}"),
        }
    }
}

/// A deterministic source of variety (xorshift), so that a failure replays.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const VALID_HEADERS: [&str; 6] = [
    "Via: SIP/2.0/WS x.invalid;branch=z9hG4bK1",
    "Max-Forwards: 70",
    "From: <sip:alice@127.0.0.1>;tag=1",
    "To: <sip:BUSY@127.0.0.1>",
    "Call-ID: abc@x",
    "CSeq: 1 REGISTER",
];

fn register(headers: &[&str], body: &str, length: Option<usize>) -> String {
    let mut text = String::from("REGISTER sip:127.0.0.1 SIP/2.0\r\n");
    for header in headers {
        text.push_str(header);
        text.push_str("\r\n");
    }
    if let Some(length) = length {
        text.push_str(&format!("Content-Length: {length}\r\n"));
    }
    text.push_str("\r\n");
    text.push_str(body);
    text
}

/// One malformed SIP message (valid UTF-8) and whether SIP says to answer it with a 400: a
/// request line with broken headers is answered, anything that is no SIP message is not.
fn malformed(rng: &mut Rng) -> (String, bool) {
    let mut headers: Vec<&str> = VALID_HEADERS.to_vec();
    match rng.below(6) {
        0 => {
            // A mandatory header missing.
            headers.remove(2 + rng.below(4));
            (register(&headers, "", Some(0)), true)
        }
        1 => {
            // A mandatory header repeated.
            let repeated = headers[2 + rng.below(4)];
            headers.push(repeated);
            (register(&headers, "", Some(0)), true)
        }
        2 => {
            // A Content-Length beyond (or short of) the body.
            let body = "x".repeat(rng.below(40));
            let length = body.len() + 1 + rng.below(1000);
            (register(&headers, &body, Some(length)), true)
        }
        3 => {
            // A CSeq naming another method, or a Content-Length that is no number.
            if rng.below(2) == 0 {
                headers[5] = "CSeq: 1 INVITE";
                (register(&headers, "", Some(0)), true)
            } else {
                headers.push("Content-Length: many");
                (register(&headers, "", None), true)
            }
        }
        4 => {
            // A bad start line.
            let lines = [
                "",
                "REGISTER",
                "REGISTER sip:127.0.0.1",
                "REGISTER sip:127.0.0.1 SIP/3.0",
                "REG ISTER sip:127.0.0.1 SIP/2.0",
                "SIP/2.0 abc Nope",
                "\u{0}\u{1}\u{2}",
                "GET / HTTP/1.1",
            ];
            let line = lines[rng.below(lines.len())];
            let rest = register(&headers, "", Some(0));
            let rest = rest.split_once("\r\n").map_or("", |(_, rest)| rest);
            (format!("{line}\r\n{rest}"), false)
        }
        _ => {
            // Random printable noise.
            let noise: String = (0..1 + rng.below(200))
                .map(|_| char::from(b' ' + rng.below(95) as u8))
                .collect();
            (noise, false)
        }
    }
}

/// A masked client frame with any payload, written on the raw stream: how a peer sends text
/// that is not UTF-8, which tungstenite's client refuses to send.
fn raw_text_frame(socket: &mut WebSocket<TcpStream>, payload: &[u8]) {
    let mut frame = vec![0x81, 0x80 | payload.len() as u8];
    let mask = [1, 2, 3, 4];
    frame.extend(mask);
    frame.extend(payload.iter().enumerate().map(|(i, b)| b ^ mask[i % 4]));
    socket
        .get_mut()
        .write_all(&frame)
        .expect("the frame is written");
}

/// A malformed message with a branch and a Call-ID of its own: one sharing them with an earlier
/// one is a retransmission to the stack, which repeats its answer.
fn fresh(message: String, i: usize) -> String {
    message
        .replace("branch=z9hG4bK1", &format!("branch=z9hG4bKm{i}"))
        .replace("Call-ID: abc@x", &format!("Call-ID: m{i}@x"))
}

/// A valid request from `user`'s side: a REGISTER for `BUSY` or an INVITE to the far end's
/// `486`, with a fresh branch and Call-ID.
fn valid(method: &str, via: &str, n: usize) -> String {
    let (uri, to) = match method {
        "REGISTER" => ("sip:127.0.0.1", "<sip:BUSY@127.0.0.1>"),
        _ => ("sip:486@127.0.0.1", "<sip:486@127.0.0.1>"),
    };
    format!(
        "{method} {uri} SIP/2.0\r\nVia: {via};branch=z9hG4bKvalid{n}\r\nMax-Forwards: 70\r\n\
From: <sip:alice@127.0.0.1>;tag=v{n}\r\nTo: {to}\r\nCall-ID: valid{n}@x\r\nCSeq: 1 {method}\r\n\
Contact: <sip:alice@127.0.0.1>\r\nContent-Length: 0\r\n\r\n"
    )
}

/// Every answer to a malformed message is a 400, or a 505 for `SIP/3.0` (the gateway's guard, `b2bua/guard.rs`:
/// rsipstack drops what it cannot parse and hands on the rest); returns how many there were.
fn assert_only_400s(lines: &[String], leg: &str) -> usize {
    for line in lines {
        let refused = line.starts_with("SIP/2.0 400 ") || line.starts_with("SIP/2.0 505 ");
        assert!(refused, "{leg}: a malformed message was answered {line}");
    }
    lines.len()
}

#[test]
fn malformed_websocket_traffic_is_dropped_and_never_panics() {
    count_panics();
    let harness = Harness::start(Gateway::FreeSwitch);
    let mut rng = Rng(0x5eed_cafe_f00d_beef);
    let mut socket = connect(&harness.ws);
    let (mut closed, mut refused) = (0, 0);
    for i in 0..1000 {
        match i % 50 {
            // Text that is not UTF-8: the connection goes.
            48 => raw_text_frame(&mut socket, b"REGISTER \xff\xfe SIP/2.0\r\n\r\n"),
            // 1 MB in one frame.
            49 => {
                let _ = socket.send(Message::text("x".repeat(1 << 20)));
            }
            _ => {
                let _ = socket.send(Message::text(fresh(malformed(&mut rng).0, i)));
            }
        }
        if i % 50 >= 47 {
            match read_all(&mut socket, DRAIN) {
                Some(lines) => refused += assert_only_400s(&lines, "WebSocket"),
                None => {
                    closed += 1;
                    socket = connect(&harness.ws);
                }
            }
        }
    }
    refused += assert_only_400s(
        &read_all(&mut socket, DRAIN).unwrap_or_default(),
        "WebSocket",
    );
    assert_eq!(
        closed, 20,
        "each frame that is not UTF-8 closes its connection"
    );
    assert!(refused > 300, "the guard refused {refused} messages");
    // Valid requests are served afterwards: a REGISTER, and a call through to the far end.
    let via = "SIP/2.0/WS x.invalid";
    socket
        .send(Message::text(valid("REGISTER", via, 1)))
        .expect("sent");
    assert_eq!(answer(&mut socket), "SIP/2.0 486 Busy Here");
    socket
        .send(Message::text(valid("INVITE", via, 2)))
        .expect("sent");
    assert!(answer(&mut socket).starts_with("SIP/2.0 486 "));
    assert_eq!(
        PANICS.load(Ordering::SeqCst),
        0,
        "a gateway thread panicked"
    );
}

#[test]
fn malformed_udp_traffic_is_dropped_and_never_panics() {
    count_panics();
    let harness = Harness::start(Gateway::FreeSwitch);
    let socket = UdpSocket::bind("127.0.0.1:0").expect("a UDP port");
    let mut rng = Rng(0x0dd_ba11_5eed_f00d);
    // Answers go where the Via says: this socket.
    let via = format!("SIP/2.0/UDP {}", socket.local_addr().expect("bound"));
    for i in 0..1000 {
        let datagram = match i % 50 {
            48 => b"REGISTER \xff\xfe SIP/2.0\r\n\r\n".to_vec(),
            // The largest datagram UDP carries on 127.0.0.1.
            49 => vec![b'x'; 65_507],
            _ => fresh(malformed(&mut rng).0, i)
                .replace("SIP/2.0/WS x.invalid", &via)
                .into_bytes(),
        };
        socket
            .send_to(&datagram, harness.udp)
            .expect("a datagram is sent");
        // Paced, so that the kernel's receive buffer, not the gateway, is not what drops them.
        if i % 10 == 9 {
            std::thread::sleep(Duration::from_millis(2));
        }
    }
    socket
        .set_read_timeout(Some(DRAIN))
        .expect("a read timeout");
    let mut buffer = vec![0; 65_536];
    let mut answers = Vec::new();
    while let Ok(length) = socket.recv(&mut buffer) {
        let text = String::from_utf8_lossy(&buffer[..length]);
        answers.push(text.lines().next().unwrap_or_default().to_owned());
    }
    let refused = assert_only_400s(&answers, "UDP");
    // Fewer than over WebSocket: rsipstack's datagram parser drops more of them unanswered.
    assert!(refused > 100, "the guard refused {refused} datagrams");
    socket.set_read_timeout(Some(WAIT)).expect("a read timeout");
    for (n, method, expected) in [
        (3, "REGISTER", "SIP/2.0 486 Busy Here"),
        (4, "INVITE", "SIP/2.0 486 "),
    ] {
        socket
            .send_to(valid(method, &via, n).as_bytes(), harness.udp)
            .expect("sent");
        let line = loop {
            let length = socket
                .recv(&mut buffer)
                .expect("an answer within the limit");
            let text = String::from_utf8_lossy(&buffer[..length]).into_owned();
            let line = text.lines().next().unwrap_or_default().to_owned();
            if !line.starts_with("SIP/2.0 100 ") {
                break line;
            }
        };
        assert!(line.starts_with(expected), "{method}: {line}");
    }
    assert_eq!(
        PANICS.load(Ordering::SeqCst),
        0,
        "a gateway thread panicked"
    );
}
