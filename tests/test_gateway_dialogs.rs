//! The gateway's answered calls as RFC 3261 §12 has dialogs: a request belongs to one by its
//! Call-ID and both tags, not by its Call-ID alone, and the requests the gateway sends in one
//! go through the proxies that asked to stay on the path (`Record-Route`), on either leg.
//! The callers, proxies and far ends here are played by hand (`tests/gateway/peer.rs`).

mod gateway;

use cause_core::Gateway;
use gateway::peer::{Caller, SDP, Udp, start, tag, unique};
use gateway::sip_text::{SipMessage, response};
use gateway::{Harness, InProcess};

/// Calls `user` of the far end from `caller` over UDP through `gateway`, with `extra` header
/// lines on the INVITE; returns the gateway's 200, acknowledged.
fn answered_call(
    caller: &Udp,
    call: &Caller,
    gateway: std::net::SocketAddr,
    extra: &[String],
) -> String {
    caller.send(&call.invite(extra), gateway);
    let (ok, _) = caller.expect("200");
    caller.send(&call.in_dialog("ACK", 1, &ok, None), gateway);
    ok
}

#[test]
fn a_bye_with_the_call_id_and_another_tag_ends_nothing() {
    let harness = Harness::start(Gateway::FreeSwitch);
    let caller = Udp::bind();
    let call = Caller::udp(&caller, "answer");
    let ok = answered_call(&caller, &call, harness.udp, &[]);
    let gateway_tag = tag(&ok, "To");
    for (n, tags) in [
        ("another", gateway_tag.as_str()),
        (call.tag.as_str(), "another"),
    ]
    .into_iter()
    .enumerate()
    {
        let stray = call.in_dialog("BYE", 2 + n as u32, &ok, Some(tags));
        caller.send(&stray, harness.udp);
        let (answer, _) = caller.expect("481");
        assert!(
            start(&answer).starts_with("SIP/2.0 481 "),
            "{tags:?}: {answer}"
        );
    }
    assert!(
        harness.far.requests("BYE", "alice").is_empty(),
        "a BYE of another dialog ended the call"
    );
    caller.send(&call.in_dialog("BYE", 4, &ok, None), harness.udp);
    caller.expect("200");
    let far_end_byes = (0..50)
        .map(|_| std::thread::sleep(std::time::Duration::from_millis(20)))
        .find_map(|()| Some(harness.far.requests("BYE", "alice").len()).filter(|n| *n > 0));
    assert_eq!(far_end_byes, Some(1), "the caller's BYE ends the call");
}

/// The BYE the gateway sends on the caller's leg when the far end ends the call goes through
/// the caller's proxy: to it first, with a `Route` to it (loose routing), or to it as the
/// Request-URI with the caller's Contact as the last `Route` (strict routing, RFC 2543).
#[test]
fn a_bye_to_the_caller_goes_through_its_record_route() {
    let harness = Harness::start(Gateway::FreeSwitch);
    for loose in [true, false] {
        let (caller, proxy) = (Udp::bind(), Udp::bind());
        let route = if loose {
            format!("<sip:{};lr>", proxy.addr)
        } else {
            format!("<sip:{}>", proxy.addr)
        };
        // The far end ends the call after the ACK, with a BYE the gateway passes on.
        let call = Caller::udp(&caller, "answer.q850-16");
        let record_route = format!("Record-Route: {route}");
        let ok = answered_call(&caller, &call, harness.udp, &[record_route]);
        let ok_message = SipMessage::parse(&ok).expect("a response");
        assert_eq!(
            ok_message.header("Record-Route"),
            Some(route.as_str()),
            "RFC 3261 §12.1.1: the 200 keeps the proxy on the path"
        );
        let (bye, from) = proxy.expect("BYE");
        let bye_message = SipMessage::parse(&bye).expect("a request");
        let contact = format!("sip:alice@{}", caller.addr);
        let (uri, routes) = if loose {
            (contact.clone(), vec![route.clone()])
        } else {
            (format!("sip:{}", proxy.addr), vec![format!("<{contact}>")])
        };
        assert_eq!(start(&bye), format!("BYE {uri} SIP/2.0"), "loose: {loose}");
        let sent: Vec<&str> = bye_message.headers_named("Route").collect();
        assert_eq!(sent, routes, "loose: {loose}: {bye}");
        proxy.answer(&bye, from, 200, "OK");
        assert!(
            caller
                .receive_within(std::time::Duration::from_millis(200))
                .is_none(),
            "the BYE went around the proxy"
        );
    }
}

/// The ACK and the BYE the gateway sends on the far end's leg go through the proxies of the
/// far end's 200, in reverse order (RFC 3261 §12.1.2): to the first, with both as `Route`s.
#[test]
fn the_ack_and_bye_to_the_far_end_go_through_its_record_route() {
    let (far, near_proxy, far_proxy) = (Udp::bind(), Udp::bind(), Udp::bind());
    let gateway = InProcess::start(Gateway::Asterisk, far.addr);
    let caller = Udp::bind();
    let call = Caller::udp(&caller, "someone");
    caller.send(&call.invite(&[]), gateway.udp);
    let (invite, from) = far.expect("INVITE");
    let headers = [
        // As the far end sees it: the proxy nearest to it on top.
        format!(
            "Record-Route: <sip:{};lr>, <sip:{};lr>",
            far_proxy.addr, near_proxy.addr
        ),
        format!("Contact: <sip:far@{}>", far.addr),
        "Content-Type: application/sdp".to_owned(),
    ];
    let invite_message = SipMessage::parse(&invite).expect("a request");
    let far_tag = format!("far{}", unique());
    let ok = response(&invite_message, 200, "OK", &headers, SDP, Some(&far_tag));
    far.send(&ok, from);
    let routes = vec![
        format!("<sip:{};lr>", near_proxy.addr),
        format!("<sip:{};lr>", far_proxy.addr),
    ];
    let (ack, _) = near_proxy.expect("ACK");
    check_routed(&ack, "ACK", &far, &routes);
    let (ok, _) = caller.expect("200");
    caller.send(&call.in_dialog("ACK", 1, &ok, None), gateway.udp);
    caller.send(&call.in_dialog("BYE", 2, &ok, None), gateway.udp);
    caller.expect("200");
    let (bye, from) = near_proxy.expect("BYE");
    check_routed(&bye, "BYE", &far, &routes);
    near_proxy.answer(&bye, from, 200, "OK");
    assert!(
        far.receive_within(std::time::Duration::from_millis(200))
            .is_none(),
        "a request went around the proxies"
    );
}

fn check_routed(request: &str, method: &str, far: &Udp, routes: &[String]) {
    assert_eq!(
        start(request),
        format!("{method} sip:far@{} SIP/2.0", far.addr)
    );
    let message = SipMessage::parse(request).expect("a request");
    let sent: Vec<&str> = message
        .headers_named("Route")
        .flat_map(|line| line.split(", "))
        .collect();
    assert_eq!(sent, routes, "{request}");
}

/// An INVITE without a Contact is refused before it reaches the far end: the gateway could
/// never end the call it asks for.
#[test]
fn an_invite_without_a_contact_is_refused() {
    let harness = Harness::start(Gateway::Rfc3398);
    let caller = Udp::bind();
    let call = Caller::udp(&caller, "answer");
    let contact = format!("Contact: <sip:alice@{}>\r\n", caller.addr);
    caller.send(&call.invite(&[]).replace(&contact, ""), harness.udp);
    let (refused, _) = caller.expect("400");
    assert!(refused.contains("needs a Contact"), "{refused}");
    std::thread::sleep(std::time::Duration::from_millis(100));
    assert!(harness.far.requests("INVITE", "alice").is_empty());
}
