//! What rsipstack 0.7.14 lets through and a gateway must not: it parses leniently, and hands on
//! requests that RFC 3261 says to answer with 400 (§8.1.1, §8.2.2, §20.14). Found by the abuse
//! test (`tests/test_server_abuse.rs`); checked here before a request reaches a call.

use rsipstack::sip::prelude::{HeadersExt, ToTypedHeader};
use rsipstack::sip::{Header, Method, Request, Version};

/// Why a request is refused, with the status to refuse it with (400, or 505 for a SIP version
/// that is not 2.0, which rsipstack reads and would answer in that version), or `Ok`.
pub fn check(request: &Request) -> Result<(), (u16, &'static str)> {
    if request.version != Version::V2 {
        return Err((505, "only SIP/2.0 is spoken here"));
    }
    fields(request).map_err(|why| (400, why))
}

fn fields(request: &Request) -> Result<(), &'static str> {
    let count = |wanted: fn(&Header) -> bool| request.headers.iter().filter(|h| wanted(h)).count();
    let once = [
        count(|h| matches!(h, Header::To(_))),
        count(|h| matches!(h, Header::From(_))),
        count(|h| matches!(h, Header::CallId(_))),
        count(|h| matches!(h, Header::CSeq(_))),
    ];
    if once.contains(&0) {
        return Err("a mandatory header is missing (To, From, Call-ID or CSeq)");
    }
    if once.iter().any(|&n| n > 1) {
        return Err("To, From, Call-ID and CSeq may each appear once");
    }
    if count(|h| matches!(h, Header::Via(_))) == 0 {
        return Err("the request has no Via");
    }
    let cseq_method = request.headers.iter().find_map(|h| match h {
        Header::CSeq(cseq) => cseq.value().split_whitespace().nth(1).map(str::to_owned),
        _ => None,
    });
    if cseq_method.as_deref() != Some(request.method.to_string().as_str()) {
        return Err("the CSeq method is not the request's");
    }
    dialog(request)?;
    content_length(request)
}

/// An INVITE that starts a call names where the caller can be reached in the dialog it asks
/// for (RFC 3261 §8.1.1.8): without a Contact the gateway could never end the call. (One
/// without a From tag rsipstack drops itself, unanswered.)
fn dialog(request: &Request) -> Result<(), &'static str> {
    let to_tag = request.to_header().and_then(|to| to.tag()).ok().flatten();
    if request.method != Method::Invite || to_tag.is_some() {
        return Ok(());
    }
    if request.contact_header().and_then(|c| c.typed()).is_err() {
        return Err("an INVITE that starts a call needs a Contact");
    }
    Ok(())
}

/// A declared Content-Length is a number, and the body is that long.
fn content_length(request: &Request) -> Result<(), &'static str> {
    let declared = request.headers.iter().find_map(|h| match h {
        Header::ContentLength(length) => Some(length.value().trim().to_owned()),
        _ => None,
    });
    match declared.map(|text| text.parse::<usize>()) {
        None => Ok(()),
        Some(Ok(length)) if length == request.body.len() => Ok(()),
        Some(Ok(_)) => Err("the body is not as long as Content-Length says"),
        Some(Err(_)) => Err("Content-Length is not a number"),
    }
}
