//! The example server under bad traffic: 1,000 malformed messages and oversized frames over
//! WebSocket, on 127.0.0.1. Each gets a 400 where SIP says to answer one, or the connection is
//! closed; no server thread panics; and a valid REGISTER is still served afterwards.

#[path = "../examples/sip_server/server.rs"]
#[allow(dead_code)]
mod server;

use std::io::{ErrorKind, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Once};
use std::time::Duration;

use tungstenite::client::IntoClientRequest;
use tungstenite::{Message, WebSocket};

/// How long a test waits for the server's answer before failing.
const WAIT: Duration = Duration::from_secs(5);

static PANICS: AtomicUsize = AtomicUsize::new(0);

/// Counts panics on any thread (the server's run here), then reports them as usual.
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

fn start_server() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port on 127.0.0.1");
    let address = listener.local_addr().expect("a bound address");
    std::thread::spawn(move || server::serve(listener, Arc::new(|_event| {})));
    address
}

fn connect(address: SocketAddr) -> WebSocket<TcpStream> {
    let stream = TcpStream::connect(address).expect("the server accepts");
    stream.set_read_timeout(Some(WAIT)).expect("a read timeout");
    stream
        .set_write_timeout(Some(WAIT))
        .expect("a write timeout");
    let mut request = format!("ws://{address}")
        .into_client_request()
        .expect("a request");
    let protocol = "sip".parse().expect("a header value");
    request
        .headers_mut()
        .insert("Sec-WebSocket-Protocol", protocol);
    tungstenite::client(request, stream)
        .expect("the handshake")
        .0
}

/// What the server did with one message.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    /// It answered with this status line.
    Answered(String),
    /// It closed the connection.
    Closed,
}

fn outcome(socket: &mut WebSocket<TcpStream>) -> Outcome {
    loop {
        match socket.read() {
            Ok(Message::Text(text)) => {
                let line = text.lines().next().unwrap_or_default().to_owned();
                return Outcome::Answered(line);
            }
            Ok(Message::Close(_)) => return Outcome::Closed,
            Ok(_) => continue,
            Err(tungstenite::Error::Io(e))
                if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) =>
            {
                panic!("no answer and no close within {WAIT:?}")
            }
            Err(_) => return Outcome::Closed,
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

#[test]
fn malformed_traffic_gets_a_400_or_a_close_and_never_a_panic() {
    count_panics();
    let address = start_server();
    let mut rng = Rng(0x5eed_cafe_f00d_beef);
    let mut socket = connect(address);
    let (mut answered, mut closed) = (0, 0);
    for i in 0..1000 {
        let expected_answer = match i % 50 {
            // Text that is not UTF-8.
            48 => {
                raw_text_frame(&mut socket, b"REGISTER \xff\xfe SIP/2.0\r\n\r\n");
                false
            }
            // A frame over the server's limit: 1 MB.
            49 => {
                let big = "x".repeat(1 << 20);
                // The server may close while this is still being written.
                let _ = socket.send(Message::text(big));
                false
            }
            _ => {
                let (message, answer) = malformed(&mut rng);
                socket
                    .send(Message::text(message))
                    .expect("a message is sent");
                answer
            }
        };
        match outcome(&mut socket) {
            Outcome::Answered(line) => {
                assert!(expected_answer, "message {i} was answered: {line}");
                assert!(line.starts_with("SIP/2.0 400 "), "message {i}: {line}");
                answered += 1;
            }
            Outcome::Closed => {
                assert!(!expected_answer, "message {i} should have been answered");
                closed += 1;
                socket = connect(address);
            }
        }
    }
    assert_eq!(answered + closed, 1000);
    assert!(
        answered > 300 && closed > 100,
        "{answered} answered, {closed} closed"
    );

    // A valid REGISTER is still served, on the connection and on a new one.
    for mut socket in [socket, connect(address)] {
        let valid = register(&VALID_HEADERS, "", Some(0));
        socket
            .send(Message::text(valid))
            .expect("a message is sent");
        assert_eq!(
            outcome(&mut socket),
            Outcome::Answered("SIP/2.0 486 Busy Here".to_owned())
        );
    }
    assert_eq!(PANICS.load(Ordering::SeqCst), 0, "a server thread panicked");
}
