//! The requests the gateway answers itself: REGISTER, MESSAGE, OPTIONS, and the BYE of an
//! answered call (which it also passes on, `Reason` translated).
//!
//! A REGISTER or MESSAGE whose target user is a cause's constant is ended for that cause, so
//! that a client's report can be checked against the table: `BUSY` with SIP.js's
//! [`Cause::response`] and [`Cause::reason`], `jssip.BUSY` with [`JsSipCause::response`] (a
//! 401 comes with a challenge, as RFC 3261 §22.2 asks). Any other user registers (200), and a
//! MESSAGE to it finds nobody (404): the gateway relays calls, not messages.

use std::sync::Arc;

use cause_core::{Cause, JsSipCause, Reason, reason_phrase};
use rsipstack::dialog::DialogId;
use rsipstack::sip::headers::make_header;
use rsipstack::sip::prelude::{HeadersExt, ToTypedHeader};
use rsipstack::sip::{Header, Method, Request};
use rsipstack::transaction::key::TransactionRole;
use rsipstack::transaction::make_tag;
use rsipstack::transaction::transaction::Transaction;
use serde_json::json;

use super::Context;
use super::dialog::{Call, Side};
use super::sip::{self, parse_reasons, reason_headers, reason_lines, texts};

/// The cause a target user names, the response that ends a request for it and the `Reason` to
/// send with it.
fn ending(user: &str) -> Option<(&'static str, &'static str, u16, Option<Reason<'static>>)> {
    if let Some(constant) = user.strip_prefix("jssip.") {
        let cause = JsSipCause::from_name(constant)?;
        let code = cause.response()?;
        let reason = Reason::new("SIP", code, reason_phrase(code)).ok();
        return Some(("jssip", cause.name(), code, reason));
    }
    let cause = Cause::from_name(user)?;
    Some(("sipjs", cause.name(), cause.response()?, cause.reason()))
}

/// REGISTER and MESSAGE: ended for the cause their target names, else as the module says.
pub async fn answer(gateway: &Context, mut transaction: Transaction) {
    let request = &transaction.original;
    let user = target_user(request);
    let (code, headers) = match ending(&user) {
        Some((table, cause, code, reason)) => {
            gateway.event(json!({
                "event": "ended", "method": request.method.to_string(), "table": table,
                "cause": cause, "status": code,
            }));
            (code, cause_headers(code, reason))
        }
        None if request.method == Method::Register => (200, registered(request)),
        None => (404, vec![]),
    };
    let phrase = reason_phrase(code).unwrap_or("Unknown");
    let mut response = sip::response(&gateway.endpoint, request, code, phrase, &make_tag());
    response.headers.extend(headers);
    gateway.respond(&mut transaction, response).await;
}

/// The user a request is for: the `To` of a REGISTER (its Request-URI names only the domain),
/// the Request-URI of anything else.
fn target_user(request: &Request) -> String {
    if request.method == Method::Register {
        let to = request.to_header().and_then(|to| to.typed());
        return to.map(|to| sip::user(&to.uri)).unwrap_or_default();
    }
    sip::user(&request.uri)
}

fn cause_headers(code: u16, reason: Option<Reason<'static>>) -> Vec<Header> {
    let mut headers: Vec<Header> = reason_headers(reason.as_slice()).collect();
    if code == 401 {
        let nonce = make_tag();
        let challenge =
            format!("Digest realm=\"127.0.0.1\", nonce=\"{nonce}\", algorithm=MD5, qop=\"auth\"");
        headers.push(make_header("WWW-Authenticate", challenge));
    }
    headers
}

/// A successful registration echoes the bindings (RFC 3261 §10.3 step 8).
fn registered(request: &Request) -> Vec<Header> {
    let contacts = request
        .headers
        .iter()
        .filter(|h| matches!(h, Header::Contact(_)));
    let mut headers: Vec<Header> = contacts.cloned().collect();
    headers.push(make_header("Expires", "600".to_owned()));
    headers
}

/// A BYE on either leg of an answered call: 200 for it, and a BYE on the other leg with the
/// `Reason` values the rule gives for the ending leg's. A BYE that names no dialog of the
/// gateway (the right Call-ID with another tag, say) ends nothing: 481.
pub async fn bye(gateway: Arc<Context>, mut transaction: Transaction) {
    let dialog = DialogId::try_from((&transaction.original, TransactionRole::Server));
    let Some((call, side)) = dialog.ok().and_then(|id| gateway.dialogs.take(&id)) else {
        gateway.reply(&mut transaction, 481).await;
        return;
    };
    let lines = reason_lines(&transaction.original.headers);
    let reasons = parse_reasons(&lines);
    let teardown = gateway.behave.relay_bye(&reasons);
    gateway.reply(&mut transaction, 200).await;
    gateway.event(json!({
        "call": call.id, "event": "bye", "from": call.from, "to": call.to, "leg": side.name(), "received": lines,
        "sent": texts(teardown.reasons()), "cause": teardown.hangup_cause().code(),
        "origin_cause": teardown.origin_hangup_cause().code(),
    }));
    let other = if side == Side::A { Side::B } else { Side::A };
    call.leg(other).until_acknowledged().await;
    hang_up(&gateway, &call, other, teardown.reasons()).await;
}

/// Sends one leg of an answered call a BYE, and reports it if that fails.
pub async fn hang_up(gateway: &Context, call: &Call, side: Side, reasons: &[Reason<'_>]) {
    if let Err(why) = call.leg(side).send_bye(&gateway.endpoint, reasons).await {
        gateway.event(json!({
            "call": call.id, "event": "send-failed", "from": call.from, "to": call.to,
            "leg": side.name(), "request": "BYE", "why": why,
        }));
    }
}
