//! What the gateway does when something goes wrong around a call: a request it cannot deliver
//! is reported and the call still ends; a caller gone before the far end's answer leaves no
//! call up at the far end; stopping lets the calls in flight end first; an address it cannot
//! bind is an error. The callers and far ends are played by hand (`tests/gateway/peer.rs`).

mod gateway;

use std::net::{SocketAddr, TcpListener, UdpSocket};
use std::time::{Duration, Instant};

use cause_core::Gateway;
use gateway::InProcess;
use gateway::b2bua;
use gateway::peer::{Caller, SDP, Udp, Ws, start, unique};
use gateway::sip_text::{SipMessage, response};
use serde_json::Value;

/// Waits for an event of the gateway that `wanted` accepts, at most five seconds.
fn event(gateway: &InProcess, wanted: impl Fn(&Value) -> bool) -> Value {
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if let Some(found) = gateway.events().into_iter().find(|e| wanted(e)) {
            return found;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("no such event within 5 s: {:#?}", gateway.events());
}

/// The far end's 200 for `invite` (which came from `from`), with a Contact and a tag of its
/// own; returns the tag.
fn answer(far: &Udp, invite: &str, from: SocketAddr) -> String {
    let message = SipMessage::parse(invite).expect("a request");
    let headers = [
        format!("Contact: <sip:far@{}>", far.addr),
        "Content-Type: application/sdp".to_owned(),
    ];
    let tag = format!("far{}", unique());
    far.send(
        &response(&message, 200, "OK", &headers, SDP, Some(&tag)),
        from,
    );
    tag
}

/// A browser closes its WebSocket with one call answered and another ringing; the far end
/// hangs up the answered one. The BYE the gateway owes the browser cannot be written: it says
/// so, and the far end's BYE still ends the call (a second one finds nothing). (The ringing
/// call is how the test knows the gateway has seen the connection close: it cancels it.)
#[test]
fn a_bye_that_cannot_be_sent_is_reported_and_the_call_still_ends() {
    let far = Udp::bind();
    let gateway = InProcess::start(Gateway::FreeSwitch, far.addr);
    let mut browser = Ws::connect(&gateway.ws);
    let answered = Caller::ws("answered");
    browser.send(&answered.invite(&[]));
    let (invite, from) = far.expect("INVITE");
    let far_tag = answer(&far, &invite, from);
    let ok = browser.expect("200");
    browser.send(&answered.in_dialog("ACK", 1, &ok, None));
    far.expect("ACK");
    browser.send(&Caller::ws("ringing").invite(&[]));
    far.expect("INVITE");
    browser.close();
    let (cancel, cancel_from) = far.expect("CANCEL");
    far.answer(&cancel, cancel_from, 200, "OK");
    far.send(&far_bye(&far, &invite, &far_tag, 1), gateway.udp);
    far.expect("200");
    let failed = event(&gateway, |e| e["event"] == "send-failed");
    assert_eq!(failed["to"], "answered", "{failed}");
    assert_eq!(
        (&failed["leg"], &failed["request"]),
        (&"a".into(), &"BYE".into()),
        "{failed}"
    );
    assert!(
        failed["why"].as_str().is_some_and(|why| !why.is_empty()),
        "{failed}"
    );
    far.send(&far_bye(&far, &invite, &far_tag, 2), gateway.udp);
    far.expect("481");
}

/// The browser goes away while the far end rings: the far end gets a CANCEL, and when its 200
/// crossed that CANCEL, the ACK and a BYE (RFC 3261 §13.2.2.4, §15), both with the `Reason` of
/// the rule for a CANCEL without one. No call is left up at the far end.
#[test]
fn the_far_end_call_ends_when_the_caller_is_gone_before_its_answer() {
    for behave in Gateway::ALL.iter().copied() {
        let far = Udp::bind();
        let gateway = InProcess::start(behave, far.addr);
        let mut browser = Ws::connect(&gateway.ws);
        browser.send(&Caller::ws("someone").invite(&[]));
        let (invite, from) = far.expect("INVITE");
        browser.close();
        let (cancel, cancel_from) = far.expect("CANCEL");
        far.answer(&cancel, cancel_from, 200, "OK");
        // The far end answered before it saw the CANCEL.
        answer(&far, &invite, from);
        let (ack, _) = far.expect("ACK");
        let (bye, bye_from) = far.expect("BYE");
        far.answer(&bye, bye_from, 200, "OK");
        let teardown = behave.relay_cancel(&[]);
        let expected: Vec<String> = teardown.reasons().iter().map(ToString::to_string).collect();
        let reasons = |text: &str| -> Vec<String> {
            let message = SipMessage::parse(text).expect("a request");
            message.headers_named("Reason").map(str::to_owned).collect()
        };
        assert_eq!(reasons(&cancel), expected, "{behave:?}: {cancel}");
        assert_eq!(reasons(&bye), expected, "{behave:?}: {bye}");
        assert!(start(&ack).starts_with("ACK sip:far@"), "{behave:?}: {ack}");
        let abandoned = event(&gateway, |e| e["event"] == "abandoned");
        assert_eq!(
            abandoned["cause"],
            teardown.hangup_cause().code(),
            "{behave:?}: {abandoned}"
        );
    }
}

/// Stopping the gateway with a call in flight: new calls get 503 at once, the far end's late
/// answer still reaches the caller, and the stop returns when the caller has acknowledged it.
#[test]
fn stopping_lets_the_calls_in_flight_end() {
    let far = Udp::bind();
    let gateway = InProcess::start(Gateway::Rfc3398, far.addr);
    let gateway_udp = gateway.udp;
    let caller = Udp::bind();
    let call = Caller::udp(&caller, "someone");
    caller.send(&call.invite(&[]), gateway_udp);
    let (invite, from) = far.expect("INVITE");
    let began = Instant::now();
    let stopping = gateway.stopping(Duration::from_secs(10));
    // While it stops, a new call is refused, and never reaches the far end.
    let late = Udp::bind();
    late.send(&Caller::udp(&late, "someone-else").invite(&[]), gateway_udp);
    late.expect("503");
    // The call in flight ends as it would have: the far end's 486, relayed.
    let invite_message = SipMessage::parse(&invite).expect("a request");
    far.send(
        &response(&invite_message, 486, "Busy Here", &[], "", Some("far1")),
        from,
    );
    let (busy, _) = caller.expect("486");
    far.expect("ACK");
    let ack = format!(
        "ACK sip:someone@127.0.0.1 SIP/2.0\r\nVia: {via}\r\nMax-Forwards: 70\r\n\
         From: <sip:alice@127.0.0.1>;tag={tag}\r\nTo: {to}\r\nCall-ID: {call_id}\r\n\
         CSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n",
        via = SipMessage::parse(&busy)
            .and_then(|m| m.header("Via"))
            .expect("a Via"),
        tag = call.tag,
        to = SipMessage::parse(&busy)
            .and_then(|m| m.header("To"))
            .expect("a To"),
        call_id = call.call_id,
    );
    caller.send(&ack, gateway_udp);
    let cut_short = stopping.join().expect("the stop returns");
    assert_eq!(cut_short, 0, "no call was cut short");
    assert!(
        began.elapsed() < Duration::from_secs(5),
        "{:?}",
        began.elapsed()
    );
    assert!(
        far.receive_within(Duration::from_millis(200)).is_none(),
        "the call refused while stopping reached the far end"
    );
}

/// An address the gateway cannot bind fails its start, naming it: a WebSocket port another
/// listener holds, a UDP port another socket holds.
#[test]
fn an_address_in_use_fails_the_start() {
    let localhost = SocketAddr::from(([127, 0, 0, 1], 0));
    let far = SocketAddr::from(([127, 0, 0, 1], 9));
    let tcp = TcpListener::bind(localhost).expect("a TCP port");
    let udp = UdpSocket::bind(localhost).expect("a UDP port");
    let taken = [
        ("WebSocket", tcp.local_addr().expect("bound"), localhost),
        ("UDP", localhost, udp.local_addr().expect("bound")),
    ];
    for (transport, ws, udp) in taken {
        let config = b2bua::Config {
            ws,
            udp,
            far,
            behave: Gateway::Rfc3398,
        };
        let error = match InProcess::try_start(config) {
            Ok(_) => panic!("the gateway started on a {transport} address in use"),
            Err(error) => error.to_string(),
        };
        let address = if transport == "UDP" { udp } else { ws };
        assert!(
            error.starts_with(&format!("{transport} on {address}: ")),
            "{error}"
        );
    }
}

/// The far end's BYE number `seq` in the dialog of its 200 (tag `far_tag`) to `invite`.
fn far_bye(far: &Udp, invite: &str, far_tag: &str, seq: u32) -> String {
    let message = SipMessage::parse(invite).expect("a request");
    let header = |name| message.header(name).expect("a header");
    format!(
        "BYE {contact} SIP/2.0\r\nVia: SIP/2.0/UDP {addr};branch=z9hG4bKb{n}\r\nMax-Forwards: 70\r\n\
         From: {to};tag={far_tag}\r\nTo: {from}\r\nCall-ID: {call_id}\r\nCSeq: {seq} BYE\r\n\
         Reason: Q.850;cause=16\r\nContent-Length: 0\r\n\r\n",
        contact = gateway::sip_text::addr_uri(header("Contact")),
        addr = far.addr,
        n = unique(),
        to = header("To"),
        from = header("From"),
        call_id = header("Call-ID"),
    )
}
