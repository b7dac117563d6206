//! The SIP plumbing the gateway needs on top of rsipstack: the requests it sends on each leg,
//! responses that carry its To tag, and `Reason` headers in and out. Nothing here decides what
//! a call ends with; `call.rs` does, with cause-core.

use std::time::Duration;

use cause_core::Reason;
use rsipstack::sip::headers::{self, make_header};
use rsipstack::sip::param::Tag;
use rsipstack::sip::prelude::HeadersExt;
use rsipstack::sip::{
    Header, Method, Request, Response, SipMessage, StatusCode, StatusCodeKind, Uri, typed,
};
use rsipstack::transaction::endpoint::EndpointInner;
use rsipstack::transaction::key::{TransactionKey, TransactionRole};
use rsipstack::transaction::make_tag;
use rsipstack::transaction::transaction::Transaction;
use rsipstack::transport::{SipAddr, SipConnection};

/// How long the gateway waits for the final response to a `CANCEL` or `BYE` it sends: RFC 3261's
/// Timer F (64 × T1).
const NON_INVITE_LIMIT: Duration = Duration::from_secs(32);

/// Every `Reason` header line of a message, as written.
pub fn reason_lines(headers: &headers::Headers) -> Vec<String> {
    headers
        .iter()
        .filter(|header| header.name().eq_ignore_ascii_case("Reason"))
        .map(|header| header.value().to_owned())
        .collect()
}

/// The `Reason` values cause-core reads from those lines (a line may hold several, separated by
/// commas). A value that does not parse is left out: no rule can use it.
pub fn parse_reasons(lines: &[String]) -> Vec<Reason<'_>> {
    lines
        .iter()
        .flat_map(|line| Reason::parse_list(line))
        .filter_map(Result::ok)
        .collect()
}

/// One `Reason` header line per value, in order.
pub fn reason_headers(reasons: &[Reason<'_>]) -> impl Iterator<Item = Header> {
    reasons
        .iter()
        .map(|reason| make_header("Reason", reason.to_string()))
}

/// The text of each value, for the gateway's JSON lines.
pub fn texts(reasons: &[Reason<'_>]) -> Vec<String> {
    reasons.iter().map(ToString::to_string).collect()
}

/// The user part of a URI, `""` where it has none.
pub fn user(uri: &Uri) -> String {
    uri.user().unwrap_or_default().to_owned()
}

/// A response to `request` with the status line `code phrase`: rsipstack writes the phrase of
/// [`StatusCode::Other`] as given, and its own for every other variant. `tag` goes on the `To`
/// of every response but 100 (rsipstack adds one to final responses only, and a 180 without one
/// leaves the caller unable to CANCEL: both SIP.js and JsSIP wait for a tag first).
pub fn response(
    endpoint: &EndpointInner,
    request: &Request,
    code: u16,
    phrase: &str,
    tag: &Tag,
) -> Response {
    let status = StatusCode::Other(code, phrase.to_owned());
    let mut response = endpoint.make_response(request, status, None);
    if code != 100 {
        for header in response.headers.iter_mut() {
            if let Header::To(to) = header
                && matches!(to.tag(), Ok(None))
            {
                *to = to.with_tag(tag.clone());
            }
        }
    }
    response
}

/// Puts `body` (an SDP) and its `Content-Type` on a message.
pub fn with_sdp(headers: &mut headers::Headers, body: &mut Vec<u8>, sdp: Vec<u8>) {
    if sdp.is_empty() {
        return;
    }
    headers.retain(|header| !matches!(header, Header::ContentLength(_)));
    headers.push(make_header("Content-Type", "application/sdp".to_owned()));
    headers.push(Header::ContentLength((sdp.len() as u32).into()));
    *body = sdp;
}

/// The INVITE for leg B: to `user` at the far end, from `caller` at the gateway's UDP address,
/// with a Call-ID of the gateway's own and the caller's SDP unchanged.
pub fn invite(
    endpoint: &EndpointInner,
    local: &SipAddr,
    target: Uri,
    caller: &str,
    sdp: Vec<u8>,
) -> rsipstack::Result<Request> {
    let via = endpoint.get_via(Some(local.clone()), None)?;
    let own = Uri::try_from(format!("sip:{caller}@{}", local.addr).as_str())?;
    let from = typed::From {
        display_name: None,
        uri: own.clone(),
        params: vec![],
    }
    .with_tag(make_tag());
    let to = typed::To {
        display_name: None,
        uri: target.clone(),
        params: vec![],
    };
    let mut request = endpoint.make_request(Method::Invite, target, via, from, to, 1, None);
    request
        .headers
        .push(make_header("Contact", format!("<{own}>")));
    with_sdp(&mut request.headers, &mut request.body, sdp);
    Ok(request)
}

/// The CANCEL of an INVITE the gateway sent (RFC 3261 §9.1): its Request-URI, top Via, From,
/// To, Call-ID and CSeq number, and the `Reason` values of the rule.
pub fn cancel(invite: &Request, reasons: &[Reason<'_>]) -> rsipstack::Result<Request> {
    let seq = invite.cseq_header()?.seq()?;
    let mut headers = invite.headers.clone();
    headers.retain(|header| {
        matches!(
            header,
            Header::Via(_)
                | Header::From(_)
                | Header::To(_)
                | Header::CallId(_)
                | Header::MaxForwards(_)
        )
    });
    headers.push(Header::CSeq(
        typed::CSeq {
            seq,
            method: Method::Cancel,
        }
        .into(),
    ));
    headers.extend(reason_headers(reasons).collect());
    headers.push(Header::ContentLength(0.into()));
    Ok(Request {
        method: Method::Cancel,
        uri: invite.uri.clone(),
        headers,
        body: vec![],
        version: invite.version,
    })
}

/// A dialog's route set (RFC 3261 §12.1.1, §12.1.2): the `Record-Route` values of the message
/// that set it up, as they are on the side that received the INVITE (leg A), reversed on the
/// side that sent it (leg B). Values that do not parse are left out, as rsipstack's own
/// `make_ack` leaves them out of the ACK.
pub fn route_set(message: &impl HeadersExt, reversed: bool) -> Vec<typed::Route> {
    let record_routes = message.typed_record_route_headers().unwrap_or_default();
    let mut routes: Vec<typed::Route> = record_routes
        .into_iter()
        .map(|record| typed::Route {
            display_name: record.display_name,
            uri: record.uri,
            params: record.params,
        })
        .collect();
    if reversed {
        routes.reverse();
    }
    routes
}

/// Addresses an in-dialog request to `target` through `route_set` as RFC 3261 §12.2.1.1 says.
/// No route set: the target is the Request-URI. A loose router first (`;lr`): the target is
/// the Request-URI and the route set the `Route` headers. A strict router first (RFC 2543):
/// that router is the Request-URI, and the rest of the route set, then the target, the
/// `Route` headers. Either way the request goes first to the first URI of the route set.
pub fn address(request: &mut Request, target: &Uri, route_set: &[typed::Route]) {
    request
        .headers
        .retain(|header| !matches!(header, Header::Route(_)));
    let (uri, routes) = match route_set.split_first() {
        None => (target.clone(), vec![]),
        Some((first, _)) if first.has_lr() => (target.clone(), route_set.to_vec()),
        Some((first, rest)) => {
            let mut uri = first.uri.clone();
            // What a Request-URI may not carry (RFC 3261 §19.1.1, Table 1).
            uri.params
                .retain(|param| !matches!(param, rsipstack::sip::Param::Method(_)));
            uri.headers.clear();
            let last = typed::Route {
                display_name: None,
                uri: target.clone(),
                params: vec![],
            };
            (uri, rest.iter().cloned().chain([last]).collect())
        }
    };
    request.uri = uri;
    request
        .headers
        .extend(routes.into_iter().map(Header::from).collect());
}

/// Sends `request` as a client transaction and returns its final response, or why there is
/// none: the transport failed, or nothing answered within Timer F.
pub async fn send(
    endpoint: &std::sync::Arc<EndpointInner>,
    request: Request,
    destination: Option<SipAddr>,
    connection: Option<SipConnection>,
) -> Result<Response, String> {
    let key = TransactionKey::from_request(&request, TransactionRole::Client)
        .map_err(|error| error.to_string())?;
    let mut transaction = Transaction::new_client(key, request, endpoint.clone(), connection);
    transaction.destination = destination;
    transaction
        .send()
        .await
        .map_err(|error| error.to_string())?;
    let wait = async {
        while let Some(message) = transaction.receive().await {
            if let SipMessage::Response(response) = message
                && response.status_code.kind() != StatusCodeKind::Provisional
            {
                return Some(response);
            }
        }
        None
    };
    let limit = NON_INVITE_LIMIT.as_secs();
    tokio::time::timeout(NON_INVITE_LIMIT, wait)
        .await
        .ok()
        .flatten()
        .ok_or_else(|| format!("no final response within {limit} s"))
}

/// Whether a request the gateway sent was carried out: `Ok` for a 2xx, else why not (the
/// status line of any other final response: a 503 is also what rsipstack reports when it
/// could not write to a closed WebSocket).
pub fn confirmed(sent: Result<Response, String>) -> Result<(), String> {
    let response = sent?;
    if response.status_code.kind() == StatusCodeKind::Successful {
        return Ok(());
    }
    let phrase = response
        .wire_reason
        .as_deref()
        .unwrap_or_else(|| response.status_code.text());
    Err(format!("{} {phrase}", response.status_code.code()))
}

/// Sends a request outside any transaction, to its first `Route` or else its Request-URI: the
/// ACK of a 2xx is one (RFC 3261 §13.2.2.4).
pub async fn send_stateless(endpoint: &EndpointInner, request: Request) -> Result<(), String> {
    let destination = SipAddr::try_from(&request.destination()).map_err(|e| e.to_string())?;
    let layer = &endpoint.transport_layer;
    let (connection, address) = layer
        .lookup(&destination, None)
        .await
        .map_err(|error| error.to_string())?;
    connection
        .send(request.into(), Some(&address))
        .await
        .map_err(|error| error.to_string())
}
