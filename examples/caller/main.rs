//! `cargo run --example caller -- ws://127.0.0.1:5066 486.q850-34`: one call through the
//! gateway over SIP over WebSocket, as a browser makes it, to the far end's user given (see
//! `examples/far_end`), with one JSON line for each response and request it receives.
//!
//! A failed call is acknowledged and over; an answered one is acknowledged and hung up at once
//! with a BYE. A BYE from the other side is answered with 200 and ends the call too.

// Shared with the far end example and the tests' SIP peers, which use more of it.
#[allow(dead_code)]
#[path = "../far_end/sip_text.rs"]
mod sip_text;

use std::net::TcpStream;
use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use clap::{Arg, Command};
use serde_json::json;
use sip_text::{SipMessage, addr_uri};
use tungstenite::client::IntoClientRequest;
use tungstenite::{Message, WebSocket};

/// How long the caller waits for anything from the gateway before it gives up.
const WAIT: Duration = Duration::from_secs(10);

/// The offer of the call: audio that nobody sends (the far end never looks).
const SDP: &str = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

fn command() -> Command {
    Command::new("caller")
        .about("One call through the gateway over SIP over WebSocket, as a browser makes it")
        .arg(
            Arg::new("ws")
                .value_name("WS_URL")
                .required(true)
                .help("The gateway's WebSocket, as its first line gives it: ws://127.0.0.1:5066"),
        )
        .arg(
            Arg::new("user")
                .value_name("USER")
                .required(true)
                .help("Who to call: a user of the far end, such as 486.q850-34 or answer"),
        )
}

fn main() -> ExitCode {
    let matches = command().get_matches();
    let arg = |name| matches.get_one::<String>(name).expect("required");
    match call(arg("ws"), arg("user")) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("caller: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The messages of one call, in the order they go.
struct Call {
    socket: WebSocket<TcpStream>,
    user: String,
    call_id: String,
    tag: String,
}

fn call(url: &str, user: &str) -> Result<(), String> {
    let socket = connect(url)?;
    let id = unique();
    let mut call = Call {
        socket,
        user: user.to_owned(),
        call_id: format!("caller{id}@127.0.0.1"),
        tag: format!("c{id}"),
    };
    call.send(&call.invite())?;
    loop {
        let text = call.receive()?;
        let message =
            SipMessage::parse(&text).ok_or("the gateway sent something that is not SIP")?;
        if message.method() == Some("BYE") {
            return call.send(&call.ok_to(&message));
        }
        let status = status(&message);
        if status < 200 {
            continue;
        }
        if status >= 300 {
            return call.send(&call.ack_failure(&message));
        }
        if message
            .header("CSeq")
            .is_some_and(|cseq| cseq.ends_with("BYE"))
        {
            return Ok(());
        }
        call.send(&call.in_dialog("ACK", 1, &message))?;
        call.send(&call.in_dialog("BYE", 2, &message))?;
    }
}

fn connect(url: &str) -> Result<WebSocket<TcpStream>, String> {
    let address = url.strip_prefix("ws://").ok_or("expected a ws:// URL")?;
    let address = address.trim_end_matches('/');
    let stream = TcpStream::connect(address).map_err(|e| format!("{address}: {e}"))?;
    stream
        .set_read_timeout(Some(WAIT))
        .map_err(|e| e.to_string())?;
    let mut request = url.into_client_request().map_err(|e| e.to_string())?;
    let sip = "sip".parse().expect("a valid header value");
    request.headers_mut().insert("Sec-WebSocket-Protocol", sip);
    let (socket, _) = tungstenite::client(request, stream).map_err(|e| e.to_string())?;
    Ok(socket)
}

impl Call {
    fn send(&mut self, text: &str) -> Result<(), String> {
        self.socket
            .send(Message::text(text))
            .map_err(|e| format!("cannot send: {e}"))
    }

    /// The next SIP message from the gateway, printed as a JSON line.
    fn receive(&mut self) -> Result<String, String> {
        loop {
            match self.socket.read() {
                Ok(Message::Text(text)) => {
                    let text = text.as_str().to_owned();
                    if let Some(message) = SipMessage::parse(&text) {
                        println!("{}", line(&message));
                    }
                    return Ok(text);
                }
                Ok(_) => {}
                Err(error) => return Err(format!("nothing more from the gateway: {error}")),
            }
        }
    }

    fn invite(&self) -> String {
        let branch = format!("z9hG4bK{}", unique());
        format!(
            "INVITE sip:{user}@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/WS caller.invalid;branch={branch}\r\n\
             Max-Forwards: 70\r\nFrom: <sip:alice@127.0.0.1>;tag={tag}\r\nTo: <sip:{user}@127.0.0.1>\r\n\
             Call-ID: {call_id}\r\nCSeq: 1 INVITE\r\nContact: <sip:alice@caller.invalid;transport=ws>\r\n\
             Content-Type: application/sdp\r\nContent-Length: {length}\r\n\r\n{SDP}",
            user = self.user,
            tag = self.tag,
            call_id = self.call_id,
            length = SDP.len(),
        )
    }

    /// The ACK of a failure: part of the INVITE's transaction, so its Via (RFC 3261 §17.1.1.3).
    fn ack_failure(&self, response: &SipMessage<'_>) -> String {
        format!(
            "ACK sip:{user}@127.0.0.1 SIP/2.0\r\nVia: {via}\r\nMax-Forwards: 70\r\n\
             From: <sip:alice@127.0.0.1>;tag={tag}\r\nTo: {to}\r\nCall-ID: {call_id}\r\n\
             CSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n",
            user = self.user,
            via = response.header("Via").unwrap_or_default(),
            tag = self.tag,
            to = response.header("To").unwrap_or_default(),
            call_id = self.call_id,
        )
    }

    /// An ACK or BYE in the dialog of a 200: to the gateway's Contact, with its To tag.
    fn in_dialog(&self, method: &str, seq: u32, ok: &SipMessage<'_>) -> String {
        format!(
            "{method} {target} SIP/2.0\r\nVia: SIP/2.0/WS caller.invalid;branch=z9hG4bK{branch}\r\n\
             Max-Forwards: 70\r\nFrom: <sip:alice@127.0.0.1>;tag={tag}\r\nTo: {to}\r\n\
             Call-ID: {call_id}\r\nCSeq: {seq} {method}\r\nContent-Length: 0\r\n\r\n",
            target = addr_uri(ok.header("Contact").unwrap_or_default()),
            branch = unique(),
            tag = self.tag,
            to = ok.header("To").unwrap_or_default(),
            call_id = self.call_id,
        )
    }

    /// 200 for a BYE from the other side.
    fn ok_to(&self, bye: &SipMessage<'_>) -> String {
        sip_text::response(bye, 200, "OK", &[], "", None)
    }
}

/// What the caller prints for a message: a response's method, status, phrase and `Reason`
/// values, or a request's method and `Reason` values.
fn line(message: &SipMessage<'_>) -> serde_json::Value {
    let reasons: Vec<&str> = message.headers_named("Reason").collect();
    match message.method() {
        Some(method) => json!({ "received": method, "reason": reasons }),
        None => {
            let cseq = message.header("CSeq").unwrap_or_default();
            let method = cseq.split_whitespace().nth(1).unwrap_or_default();
            let phrase = message.start.splitn(3, ' ').nth(2).unwrap_or_default();
            json!({ "method": method, "status": status(message), "phrase": phrase, "reason": reasons })
        }
    }
}

fn status(response: &SipMessage<'_>) -> u16 {
    let code = response.start.split(' ').nth(1).unwrap_or_default();
    code.parse().unwrap_or_default()
}

/// A number no other call of this machine uses at the same time: for Call-IDs, tags, branches.
fn unique() -> u128 {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    now.as_nanos() ^ (u128::from(std::process::id()) << 64)
}
