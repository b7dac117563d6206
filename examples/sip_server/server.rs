//! A SIP-over-WebSocket endpoint (RFC 7118) that ends every request for a cause, using
//! cause-core alone for what goes on the wire, and reads every `Reason` header it receives.
//!
//! The scenario is in the user part of the target (the Request-URI, or the `To` of a REGISTER):
//!
//! | user            | what the server does                                                  |
//! |-----------------|-----------------------------------------------------------------------|
//! | `BUSY` (any cause constant with a response) | answers with `Cause::response()`, its reason phrase and `Reason: Cause::reason()` (a 401 with a challenge) |
//! | `jssip.BUSY` (a `JsSipCause` constant with a response) | answers with `JsSipCause::response()` and its reason phrase (likewise) |
//! | `ring`          | answers an INVITE with 180 and waits for the CANCEL (200, then 487)  |
//! | `answer`        | answers an INVITE with 200 and an SDP, and waits for the caller's BYE |
//! | `answer.BUSY`   | answers with 200, and after the ACK ends the call with a BYE carrying the cause's `Reason` |
//! | `badanswer`     | answers with 200 and an SDP without media, which the caller must refuse |
//!
//! All the SIP it does is copy `Via`, `From`, `To`, `Call-ID` and `CSeq` into responses, and
//! build the one BYE of `answer.CAUSE` from the dialog's INVITE: it is no SIP stack.

use std::collections::HashMap;
use std::io;
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use cause_core::{Cause, JsSipCause, Reason, reason_phrase};
use serde_json::{Value, json};
use tungstenite::handshake::server::{ErrorResponse, Request, Response};
use tungstenite::http::HeaderValue;
use tungstenite::protocol::WebSocketConfig;
use tungstenite::{Message, WebSocket};

/// The cause a target user names, the response that ends a request for it and the `Reason` to
/// send with it: `BUSY` is SIP.js's [`Cause`], `jssip.BUSY` JsSIP's [`JsSipCause`].
fn ending(user: &str) -> Option<(&'static str, u16, Option<Reason<'static>>)> {
    if let Some(constant) = user.strip_prefix("jssip.") {
        let cause = JsSipCause::from_name(constant)?;
        let code = cause.response()?;
        let reason = Reason::new("SIP", code, reason_phrase(code)).ok();
        return Some((cause.name(), code, reason));
    }
    let cause = Cause::from_name(user)?;
    Some((cause.name(), cause.response()?, cause.reason()))
}

/// The largest WebSocket message (and frame) the server reads.
pub const MAX_MESSAGE: usize = 64 * 1024;

/// The start of `text`, for an event: a bad message can be large.
fn excerpt(text: &str) -> String {
    text.chars().take(80).collect()
}

/// Where the server reports what it did and learned: one JSON object per event.
pub type Events = Arc<dyn Fn(Value) + Send + Sync>;

/// Accepts connections until the listener fails, one thread per connection.
pub fn serve(listener: TcpListener, events: Events) -> io::Result<()> {
    for stream in listener.incoming() {
        let stream = stream?;
        let events = Arc::clone(&events);
        std::thread::spawn(move || {
            if let Err(error) = Connection::accept(stream, events.clone()).and_then(|c| c.run()) {
                events(json!({ "event": "connection-error", "error": error.to_string() }));
            }
        });
    }
    Ok(())
}

/// One WebSocket connection: one user agent, and the INVITEs it has open.
struct Connection {
    socket: WebSocket<TcpStream>,
    events: Events,
    /// INVITEs waiting for their CANCEL or ACK, by Call-ID.
    invites: HashMap<String, Pending>,
}

/// An INVITE the server has answered provisionally (`ring`) or with 200 (`answer`).
struct Pending {
    invite: String,
    to_tag: String,
    /// With `answer.CAUSE`: the cause to end the call with once the ACK arrives.
    bye_cause: Option<Cause>,
}

impl Connection {
    /// The WebSocket handshake, agreeing on the `sip` subprotocol of RFC 7118.
    // The callback's `Result<Response, ErrorResponse>` is tungstenite's signature, not ours.
    #[allow(clippy::result_large_err)]
    fn accept(stream: TcpStream, events: Events) -> io::Result<Connection> {
        let agree =
            |request: &Request, mut response: Response| -> Result<Response, ErrorResponse> {
                let offered = request.headers().get("Sec-WebSocket-Protocol");
                if offered
                    .and_then(|v| v.to_str().ok())
                    .is_some_and(|v| v.split(',').any(|p| p.trim() == "sip"))
                {
                    response
                        .headers_mut()
                        .insert("Sec-WebSocket-Protocol", HeaderValue::from_static("sip"));
                }
                Ok(response)
            };
        // A SIP message over WebSocket is one frame; nothing this server handles comes near
        // 64 KiB, and a larger frame closes the connection instead of filling memory.
        let limits = WebSocketConfig::default()
            .max_message_size(Some(MAX_MESSAGE))
            .max_frame_size(Some(MAX_MESSAGE));
        let socket = tungstenite::accept_hdr_with_config(stream, agree, Some(limits))
            .map_err(io::Error::other)?;
        Ok(Connection {
            socket,
            events,
            invites: HashMap::new(),
        })
    }

    fn run(mut self) -> io::Result<()> {
        loop {
            let text = match self.socket.read() {
                Ok(Message::Text(text)) => text.to_string(),
                Ok(Message::Close(_)) => return Ok(()),
                Ok(_) => continue,
                Err(tungstenite::Error::ConnectionClosed | tungstenite::Error::AlreadyClosed) => {
                    return Ok(());
                }
                Err(tungstenite::Error::Protocol(_)) => return Ok(()),
                Err(error) => return Err(io::Error::other(error)),
            };
            let Some(message) = SipMessage::parse(&text) else {
                // Not SIP at all: there is nobody to answer, so the connection goes.
                (self.events)(json!({ "event": "unparsed", "text": excerpt(&text) }));
                return Ok(());
            };
            let Some(method) = message.method() else {
                continue;
            };
            match message.check_request() {
                Ok(()) => self.request(method, &message)?,
                Err(why) => {
                    (self.events)(json!({ "event": "bad-request", "why": why }));
                    let reason = format!("Warning: 399 127.0.0.1 \"{why}\"");
                    self.send(response(&message, 400, &[reason], "", None))?;
                }
            }
        }
    }

    fn send(&mut self, text: String) -> io::Result<()> {
        self.socket
            .send(Message::text(text))
            .map_err(io::Error::other)
    }

    fn request(&mut self, method: &str, request: &SipMessage<'_>) -> io::Result<()> {
        let call_id = request.header("Call-ID").unwrap_or_default().to_owned();
        match method {
            "ACK" => self.ack(&call_id),
            "CANCEL" => {
                self.report_reasons(method, request);
                self.send(response(request, 200, &[], "", None))?;
                if let Some(pending) = self.invites.remove(&call_id) {
                    let invite = SipMessage::parse(&pending.invite).expect("kept INVITEs parse");
                    self.send(response(&invite, 487, &[], "", Some(&pending.to_tag)))?;
                }
                Ok(())
            }
            "BYE" => {
                self.report_reasons(method, request);
                self.send(response(request, 200, &[], "", None))
            }
            _ => self.end(method, request, call_id),
        }
    }

    /// REGISTER, INVITE, MESSAGE (and anything else): what the target's user asks for.
    fn end(&mut self, method: &str, request: &SipMessage<'_>, call_id: String) -> io::Result<()> {
        let user = if method == "REGISTER" {
            request.to_user()
        } else {
            request.target_user()
        };
        let user = user.unwrap_or_default().to_owned();
        let (scenario, cause) = user.split_once('.').unwrap_or((&user, ""));
        let to_tag = format!("srv{}", next_number());
        match (method, scenario) {
            ("INVITE", "ring") => {
                self.send(response(request, 180, &[], "", Some(&to_tag)))?;
                let pending = Pending {
                    invite: request.text.to_owned(),
                    to_tag,
                    bye_cause: None,
                };
                self.invites.insert(call_id, pending);
                Ok(())
            }
            ("INVITE", "answer" | "badanswer") => {
                let contact = "Contact: <sip:server@127.0.0.1;transport=ws>".to_owned();
                let headers = [contact, "Content-Type: application/sdp".to_owned()];
                let sdp = if scenario == "answer" {
                    SDP
                } else {
                    SDP_WITHOUT_MEDIA
                };
                self.send(response(request, 200, &headers, sdp, Some(&to_tag)))?;
                let bye_cause = Cause::from_name(cause);
                let pending = Pending {
                    invite: request.text.to_owned(),
                    to_tag,
                    bye_cause,
                };
                self.invites.insert(call_id, pending);
                Ok(())
            }
            _ => self.end_for_cause(method, request, &user, &to_tag),
        }
    }

    /// Ends the request with the response of the cause its target names.
    fn end_for_cause(
        &mut self,
        method: &str,
        request: &SipMessage<'_>,
        user: &str,
        to_tag: &str,
    ) -> io::Result<()> {
        let Some((name, code, reason)) = ending(user) else {
            (self.events)(json!({ "event": "unknown-scenario", "method": method, "user": user }));
            return self.send(response(request, 404, &[], "", Some(to_tag)));
        };
        let mut headers = Vec::new();
        if let Some(reason) = reason {
            headers.push(format!("Reason: {reason}"));
        }
        if code == 401 {
            // Authentication is asked for with a challenge (RFC 3261 §22.2).
            headers.push(format!("WWW-Authenticate: Digest realm=\"127.0.0.1\", nonce=\"{}\", algorithm=MD5, qop=\"auth\"", next_number()));
        }
        let table = if user.starts_with("jssip.") {
            "jssip"
        } else {
            "sipjs"
        };
        (self.events)(json!({
            "event": "ended", "method": method, "table": table, "cause": name, "status": code,
        }));
        self.send(response(request, code, &headers, "", Some(to_tag)))
    }

    /// The ACK of an answered INVITE; for `answer.CAUSE`, the server's BYE follows.
    fn ack(&mut self, call_id: &str) -> io::Result<()> {
        let Some(pending) = self.invites.remove(call_id) else {
            return Ok(());
        };
        let Some(cause) = pending.bye_cause else {
            return Ok(());
        };
        let invite = SipMessage::parse(&pending.invite).expect("kept INVITEs parse");
        let bye = bye(&invite, &pending.to_tag, cause);
        (self.events)(
            json!({ "event": "bye-sent", "cause": cause.name(), "reason": cause.reason().map(|r| r.to_string()) }),
        );
        self.send(bye)
    }

    /// Parses every `Reason` header of a CANCEL or BYE and reports what cause-core makes of it.
    fn report_reasons(&self, method: &str, request: &SipMessage<'_>) {
        for value in request.headers_named("Reason") {
            let parsed: Vec<Value> = Reason::parse_list(value)
                .map(|reason| match reason {
                    Ok(reason) => json!({
                        "protocol": reason.protocol(),
                        "cause": reason.cause(),
                        "text": reason.text().map(|t| t.to_string()),
                        "mapped": Cause::from_reason(&reason).map(Cause::name),
                    }),
                    Err(error) => json!({ "error": error.to_string() }),
                })
                .collect();
            (self.events)(json!({
                "event": "reason", "method": method, "value": value, "parsed": parsed,
                "from": request.caller_user(),
            }));
        }
        if request.headers_named("Reason").next().is_none() {
            (self.events)(
                json!({ "event": "no-reason", "method": method, "from": request.caller_user() }),
            );
        }
    }
}

/// A minimal SDP answer: no media flows in these tests.
const SDP: &str = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";

/// An SDP a caller must refuse: it offers no media at all.
const SDP_WITHOUT_MEDIA: &str = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

fn next_number() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A response to `request`: its Via, From, To (with `to_tag` added if it has none), Call-ID
/// and CSeq, the status line from cause-core's reason phrases, and `headers`.
fn response(
    request: &SipMessage<'_>,
    code: u16,
    headers: &[String],
    body: &str,
    to_tag: Option<&str>,
) -> String {
    let phrase = reason_phrase(code).unwrap_or("Unknown");
    let mut text = format!("SIP/2.0 {code} {phrase}\r\n");
    for via in request.headers_named("Via") {
        text.push_str(&format!("Via: {via}\r\n"));
    }
    let to = request.header("To").unwrap_or_default();
    let to = match to_tag {
        Some(tag) if !to.contains(";tag=") => format!("{to};tag={tag}"),
        _ => to.to_owned(),
    };
    for (name, value) in [
        ("From", request.header("From").unwrap_or_default()),
        ("To", &to),
        ("Call-ID", request.header("Call-ID").unwrap_or_default()),
        ("CSeq", request.header("CSeq").unwrap_or_default()),
    ] {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    for header in headers {
        text.push_str(header);
        text.push_str("\r\n");
    }
    text.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    text
}

/// The server's BYE for the dialog of `invite`, with the cause's `Reason`.
fn bye(invite: &SipMessage<'_>, to_tag: &str, cause: Cause) -> String {
    let contact = invite.header("Contact").unwrap_or_default();
    let target = contact
        .split_once('<')
        .and_then(|(_, rest)| rest.split_once('>'))
        .map_or(contact, |(uri, _)| uri);
    let from = format!("{};tag={to_tag}", invite.header("To").unwrap_or_default());
    let reason = cause
        .reason()
        .map(|r| format!("Reason: {r}\r\n"))
        .unwrap_or_default();
    format!(
        "BYE {target} SIP/2.0\r\nVia: SIP/2.0/WS 127.0.0.1;branch=z9hG4bK{}\r\nMax-Forwards: 70\r\nFrom: {from}\r\nTo: {}\r\nCall-ID: {}\r\nCSeq: 1 BYE\r\n{reason}Content-Length: 0\r\n\r\n",
        next_number(),
        invite.header("From").unwrap_or_default(),
        invite.header("Call-ID").unwrap_or_default(),
    )
}

/// A SIP message as text: its start line and headers (compact names expanded), no more.
struct SipMessage<'a> {
    text: &'a str,
    start: &'a str,
    headers: Vec<(&'a str, &'a str)>,
}

impl<'a> SipMessage<'a> {
    /// The message's start line and headers; `None` where the start line is neither a request
    /// line (`METHOD URI SIP/2.0`) nor a status line (`SIP/2.0 CODE ...`).
    fn parse(text: &'a str) -> Option<SipMessage<'a>> {
        let head = text.split_once("\r\n\r\n").map_or(text, |(head, _)| head);
        let mut lines = head.split("\r\n");
        let start = lines.next()?;
        if !is_start_line(start) {
            return None;
        }
        let headers = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (full_name(name.trim()), value.trim()))
            .collect();
        Some(SipMessage {
            text,
            start,
            headers,
        })
    }

    /// What RFC 3261 requires of a request this server answers (§8.1.1, §20.14): one To,
    /// From, Call-ID and CSeq whose method is the request's, a Via, and a body as long as the
    /// Content-Length says. Else the reason for a 400.
    fn check_request(&self) -> Result<(), &'static str> {
        for name in ["To", "From", "Call-ID", "CSeq"] {
            match self.headers_named(name).count() {
                0 => return Err("a mandatory header is missing (To, From, Call-ID or CSeq)"),
                1 => {}
                _ => return Err("To, From, Call-ID and CSeq may each appear once"),
            }
        }
        if self.header("Via").is_none() {
            return Err("the request has no Via");
        }
        let cseq_method = self
            .header("CSeq")
            .and_then(|v| v.split_whitespace().nth(1));
        if cseq_method != self.method() {
            return Err("the CSeq method is not the request's");
        }
        let body = self
            .text
            .split_once("\r\n\r\n")
            .map_or("", |(_, body)| body);
        match self.header("Content-Length").map(str::parse::<usize>) {
            None => Ok(()),
            Some(Ok(length)) if length == body.len() => Ok(()),
            Some(Ok(_)) => Err("the body is not as long as Content-Length says"),
            Some(Err(_)) => Err("Content-Length is not a number"),
        }
    }

    /// The method of a request; `None` for a response.
    fn method(&self) -> Option<&'a str> {
        (!self.start.starts_with("SIP/"))
            .then(|| self.start.split(' ').next())
            .flatten()
    }

    fn header(&self, name: &str) -> Option<&'a str> {
        self.headers_named(name).next()
    }

    /// Every value of a header, a header line with commas counting as one value.
    fn headers_named(&self, name: &str) -> impl Iterator<Item = &'a str> {
        let name = name.to_owned();
        self.headers
            .clone()
            .into_iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(&name))
            .map(|(_, v)| v)
    }

    fn target_user(&self) -> Option<&'a str> {
        uri_user(self.start.split(' ').nth(1)?)
    }

    fn to_user(&self) -> Option<&'a str> {
        uri_user(self.header("To")?)
    }

    fn caller_user(&self) -> Option<&'a str> {
        uri_user(self.header("From")?)
    }
}

/// `INVITE sip:x@host SIP/2.0` or `SIP/2.0 200 OK`.
fn is_start_line(line: &str) -> bool {
    let parts: Vec<&str> = line.split(' ').collect();
    let token = |t: &str| {
        !t.is_empty()
            && t.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-.!%*_+`'~".contains(&b))
    };
    match parts.as_slice() {
        ["SIP/2.0", code, ..] => code.len() == 3 && code.bytes().all(|b| b.is_ascii_digit()),
        [method, uri, "SIP/2.0"] => token(method) && uri.contains(':'),
        _ => false,
    }
}

/// `BUSY` of `sip:BUSY@127.0.0.1` or `"x" <sip:BUSY@host>;tag=1`.
fn uri_user(text: &str) -> Option<&str> {
    let after = text.split_once("sip:")?.1;
    after.split_once('@').map(|(user, _)| user)
}

fn full_name(name: &str) -> &str {
    match name {
        "v" => "Via",
        "f" => "From",
        "t" => "To",
        "i" => "Call-ID",
        "m" => "Contact",
        "l" => "Content-Length",
        "c" => "Content-Type",
        other => other,
    }
}
