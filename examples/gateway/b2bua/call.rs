//! One call through the gateway, from the caller's INVITE to its final response: this is where
//! cause-core decides what the caller hears when the far end fails, and what the far end hears
//! when the caller cancels. The rest is plumbing (`sip.rs`).

use std::sync::Arc;
use std::sync::atomic::AtomicU32;
use std::time::Duration;

use cause_core::Relay;
use rsipstack::dialog::DialogId;
use rsipstack::sip::param::Tag;
use rsipstack::sip::prelude::{HeadersExt, ToTypedHeader};
use rsipstack::sip::{Header, Request, Response, SipMessage, StatusCodeKind, Uri};
use rsipstack::transaction::key::{TransactionKey, TransactionRole};
use rsipstack::transaction::make_tag;
use rsipstack::transaction::transaction::{Transaction, TransactionEvent, TransactionEventSender};
use serde_json::json;
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};
use tokio::sync::watch;

use super::dialog::{Call, Leg};
use super::sip::{self, parse_reasons, reason_headers, reason_lines, texts};
use super::{Context, Tasks};

/// How many redirects a call follows before it gives up (FreeSWITCH's rule follows 3xx).
const MAX_REDIRECTS: usize = 5;

/// How long the far end has to end its INVITE once cancelled (RFC 3261 §9.1: 64 × T1).
const CANCEL_LIMIT: Duration = Duration::from_secs(32);

/// The caller's INVITE, relayed to the far end until it ends.
pub async fn invite(gateway: Arc<Context>, a: Transaction) {
    let call = Caller::new(gateway, &a);
    let from_a = follow(&call.gateway.tasks, a);
    call.respond(call.response(100, "Trying"));
    call.run(from_a).await;
}

/// Reads a transaction's messages on a task of its own, so that a call can wait on both legs
/// at once: `Transaction::receive` is not safe to cancel, a channel is.
fn follow(tasks: &Tasks, mut transaction: Transaction) -> UnboundedReceiver<SipMessage> {
    let (sender, receiver) = unbounded_channel();
    tasks.background(async move {
        // Until the transaction ends: after the final response it still retransmits it and
        // absorbs the ACK, whether or not the call still listens.
        while let Some(message) = transaction.receive().await {
            let _ = sender.send(message);
        }
    });
    receiver
}

/// How one INVITE on leg B ended.
enum Outcome {
    /// Leg A has its final response (a failure, or 487 for a CANCEL): the caller's ACK of it
    /// ends the call.
    Done,
    /// Nothing more to wait for on leg A: the call is answered, and the caller has
    /// acknowledged it.
    Over,
    /// The rule follows a redirect: call this target instead.
    Redirect(Uri),
}

/// Leg A of a call that is not answered yet.
struct Caller {
    gateway: Arc<Context>,
    id: u64,
    invite: Request,
    /// Responses go through the transaction's own channel (`Transaction::respond` is not safe
    /// to cancel either).
    respond: TransactionEventSender,
    connection: Option<rsipstack::transport::SipConnection>,
    tag: Tag,
    caller: String,
}

impl Caller {
    fn new(gateway: Arc<Context>, a: &Transaction) -> Caller {
        let caller = a
            .original
            .from_header()
            .and_then(|from| from.typed())
            .map(|from| sip::user(&from.uri))
            .unwrap_or_default();
        Caller {
            id: gateway.next_call(),
            gateway,
            invite: a.original.clone(),
            respond: a.tu_sender.clone(),
            connection: a.connection.clone(),
            tag: make_tag(),
            caller,
        }
    }

    fn response(&self, code: u16, phrase: &str) -> Response {
        sip::response(
            &self.gateway.endpoint,
            &self.invite,
            code,
            phrase,
            &self.tag,
        )
    }

    fn respond(&self, response: Response) {
        let _ = self.respond.send(TransactionEvent::Respond(response));
    }

    async fn run(&self, mut from_a: UnboundedReceiver<SipMessage>) {
        let mut target = self.gateway.far_uri(&sip::user(&self.invite.uri));
        for _ in 0..=MAX_REDIRECTS {
            match self.attempt(target, &mut from_a).await {
                Outcome::Done => {
                    until_ack(&mut from_a).await;
                    return;
                }
                Outcome::Over => return,
                Outcome::Redirect(next) => target = next,
            }
        }
        self.end(
            482,
            "Loop Detected",
            vec![],
            json!({ "redirects": MAX_REDIRECTS }),
        );
        until_ack(&mut from_a).await;
    }

    /// One INVITE on leg B, from sending it to its final response or the caller's CANCEL.
    async fn attempt(&self, target: Uri, from_a: &mut UnboundedReceiver<SipMessage>) -> Outcome {
        let gateway = &self.gateway;
        let invite = match sip::invite(
            &gateway.endpoint,
            &gateway.udp,
            target,
            &self.caller,
            self.invite.body.clone(),
        ) {
            Ok(invite) => invite,
            Err(error) => {
                self.end(
                    500,
                    "Server Internal Error",
                    vec![],
                    json!({ "error": error.to_string() }),
                );
                return Outcome::Done;
            }
        };
        let mut from_b = self.start_leg_b(invite.clone()).await;
        loop {
            tokio::select! {
                message = from_b.recv() => match message {
                    Some(SipMessage::Response(response)) => match response.status_code.kind() {
                        StatusCodeKind::Provisional => self.provisional(&response),
                        StatusCodeKind::Successful => return self.answered(&invite, response, from_a).await,
                        _ => return self.failed(&response),
                    },
                    Some(SipMessage::Request(_)) => {}
                    // The transaction ended without a final response: the far end never
                    // answered, which SIP reports as 408 (RFC 3261 §8.1.3.1).
                    None => return self.failed(&self.timeout(&invite)),
                },
                Some(SipMessage::Request(request)) = from_a.recv() => {
                    if request.method == rsipstack::sip::Method::Cancel {
                        self.cancelled(&request, &invite, from_b).await;
                        return Outcome::Done;
                    }
                }
            }
        }
    }

    async fn start_leg_b(&self, invite: Request) -> UnboundedReceiver<SipMessage> {
        let gateway = &self.gateway;
        let key = TransactionKey::from_request(&invite, TransactionRole::Client)
            .expect("the gateway's own INVITE has a branch, a From tag, a Call-ID and a CSeq");
        let mut b = Transaction::new_client(key, invite, gateway.endpoint.clone(), None);
        b.destination = Some(gateway.far.clone());
        // A send that fails leaves the transaction to its timers, which end it with a 408.
        let _ = b.send().await;
        follow(&gateway.tasks, b)
    }

    /// A 1xx from the far end goes on to the caller (with the gateway's To tag), its SDP too.
    fn provisional(&self, response: &Response) {
        let code = response.status_code.code();
        if code == 100 {
            return;
        }
        let mut relayed = self.response(code, received_phrase(response));
        sip::with_sdp(
            &mut relayed.headers,
            &mut relayed.body,
            response.body.clone(),
        );
        self.respond(relayed);
    }

    /// The far end failed: the relay rule says what the caller gets.
    fn failed(&self, response: &Response) -> Outcome {
        let code = response.status_code.code();
        let lines = reason_lines(&response.headers);
        let reasons = parse_reasons(&lines);
        let far = json!({ "status": code, "phrase": received_phrase(response), "reason": lines });
        match self.gateway.behave.relay_failure(code, &reasons) {
            Some(Relay::Respond(failure)) => {
                let phrase = failure.reason_phrase(received_phrase(response));
                let headers = reason_headers(failure.reasons()).collect();
                let detail = json!({
                    "far": far, "reason": texts(failure.reasons()),
                    "cause": failure.cause(), "far_cause": failure.far_cause(),
                });
                self.end(failure.status(), phrase, headers, detail);
                Outcome::Done
            }
            Some(Relay::FollowRedirect) => match contact(response) {
                Some(target) => {
                    self.event(
                        "redirect",
                        json!({ "far": far, "target": target.to_string() }),
                    );
                    Outcome::Redirect(target)
                }
                None => {
                    // FreeSWITCH logs "Missing contact header in redirect request" and leaves
                    // the call be; a gateway has to answer the caller: the far end misbehaved.
                    self.end(502, "Bad Gateway", vec![], json!({ "far": far }));
                    Outcome::Done
                }
            },
            // Only a status outside 300..=699, which rsipstack does not hand over as final.
            None => {
                self.end(502, "Bad Gateway", vec![], json!({ "far": far }));
                Outcome::Done
            }
        }
    }

    /// Ends leg A with a final response, and says so in one JSON line.
    fn end(&self, code: u16, phrase: &str, headers: Vec<Header>, detail: serde_json::Value) {
        let mut response = self.response(code, phrase);
        response.headers.extend(headers);
        self.respond(response);
        self.event(
            "failed",
            json!({ "status": code, "phrase": phrase, "detail": detail }),
        );
    }

    /// The caller cancelled: 487 for the caller's INVITE, and a CANCEL for the far end with the
    /// `Reason` values the rule gives for the caller's.
    async fn cancelled(
        &self,
        cancel: &Request,
        invite: &Request,
        mut from_b: UnboundedReceiver<SipMessage>,
    ) {
        let lines = reason_lines(&cancel.headers);
        let reasons = parse_reasons(&lines);
        let teardown = self.gateway.behave.relay_cancel(&reasons);
        self.respond(self.response(487, "Request Terminated"));
        self.event(
            "cancel",
            json!({
                "received": lines, "sent": texts(teardown.reasons()),
                "cause": teardown.cause(), "origin_cause": teardown.origin_cause(),
            }),
        );
        let Ok(request) = sip::cancel(invite, teardown.reasons()) else {
            return;
        };
        let gateway = Arc::clone(&self.gateway);
        let far = gateway.far.clone();
        sip::send(&gateway.endpoint, request, Some(far), None).await;
        let final_response = async {
            while let Some(message) = from_b.recv().await {
                if let SipMessage::Response(response) = message
                    && response.status_code.kind() != StatusCodeKind::Provisional
                {
                    return Some(response);
                }
            }
            None
        };
        let response = tokio::time::timeout(CANCEL_LIMIT, final_response).await;
        // The far end answered before it saw the CANCEL: end that call with a BYE instead.
        if let Ok(Some(response)) = response
            && response.status_code.kind() == StatusCodeKind::Successful
        {
            let leg = self.leg_b(invite, &response);
            if let Ok(bye) = leg.bye(&gateway.endpoint, teardown.reasons()) {
                sip::send(&gateway.endpoint, bye, leg.destination(), None).await;
            }
        }
    }

    /// The far end answered: 200 for the caller with the far end's SDP, both dialogs kept for
    /// the BYE that ends the call, and only then the ACK (a far end may send its BYE as soon as
    /// it has the ACK: the call must be known by then).
    async fn answered(
        &self,
        invite: &Request,
        response: Response,
        from_a: &mut UnboundedReceiver<SipMessage>,
    ) -> Outcome {
        let mut ok = self.response(200, "OK");
        ok.headers
            .push(self.gateway.contact(&self.caller, self.connection.as_ref()));
        // RFC 3261 §12.1.1: the proxies that asked to stay on the path hear that they do.
        let record_routes = self
            .invite
            .headers
            .iter()
            .filter(|h| matches!(h, Header::RecordRoute(_)));
        ok.headers
            .extend(record_routes.cloned().collect::<Vec<_>>());
        sip::with_sdp(&mut ok.headers, &mut ok.body, response.body.clone());
        let (acknowledged, ack_seen) = watch::channel(false);
        let a = self.leg_a(&ok, ack_seen);
        self.respond(ok);
        let b = self.leg_b(invite, &response);
        if let Some(a) = a {
            let (from, to) = (self.caller.clone(), sip::user(&self.invite.uri));
            self.gateway.dialogs.insert(Call {
                id: self.id,
                from,
                to,
                a,
                b,
            });
        }
        self.event("answered", json!({}));
        // The ACK as rsipstack builds it, addressed through the dialog's route set.
        if let Ok(mut ack) = self.gateway.endpoint.make_ack(invite, &response) {
            let leg = self.leg_b(invite, &response);
            sip::address(&mut ack, &leg.target, &leg.route_set);
            sip::send_stateless(&self.gateway.endpoint, ack).await;
        }
        // The caller's ACK ends the transaction's part; a BYE for it may go from now on.
        if until_ack(from_a).await {
            acknowledged.send_replace(true);
        }
        Outcome::Over
    }

    /// The gateway's dialog with the caller, from the 200 it sends; `None` if the caller's
    /// INVITE lacked what a dialog needs (a From tag, a Contact).
    fn leg_a(&self, ok: &Response, acknowledged: watch::Receiver<bool>) -> Option<Leg> {
        let contact = self.invite.contact_header().ok()?.typed().ok()?;
        Some(Leg {
            id: DialogId::try_from((ok, TransactionRole::Server)).ok()?,
            local: ok.to_header().ok()?.value().to_owned(),
            remote: self.invite.from_header().ok()?.value().to_owned(),
            target: contact.uri,
            route_set: sip::route_set(&self.invite, false),
            via: self.connection.as_ref()?.get_addr().clone(),
            connection: self.connection.clone(),
            seq: AtomicU32::new(1),
            acknowledged: Some(acknowledged),
        })
    }

    /// The gateway's dialog with the far end, from its INVITE and the far end's 200.
    fn leg_b(&self, invite: &Request, response: &Response) -> Leg {
        let header = |value: Result<&str, _>| value.map(str::to_owned).unwrap_or_default();
        // The gateway's own INVITE names the Call-ID and its tag; a 200 without a To tag of
        // the far end's leaves that one empty.
        let mut id = DialogId::try_from((invite, TransactionRole::Client))
            .expect("the gateway's own INVITE has a Call-ID and a From tag");
        let far_tag = response.to_header().and_then(|to| to.tag());
        id.remote_tag = far_tag
            .ok()
            .flatten()
            .map(|tag| tag.value().to_owned())
            .unwrap_or_default();
        Leg {
            id,
            local: header(invite.from_header().map(|h| h.value())),
            remote: header(response.to_header().map(|h| h.value())),
            target: contact(response).unwrap_or_else(|| invite.uri.clone()),
            route_set: sip::route_set(response, true),
            via: self.gateway.udp.clone(),
            connection: None,
            seq: AtomicU32::new(2),
            acknowledged: None,
        }
    }

    /// The 408 a leg B INVITE ends with when nothing answered it.
    fn timeout(&self, invite: &Request) -> Response {
        self.gateway.endpoint.make_response(
            invite,
            rsipstack::sip::StatusCode::RequestTimeout,
            None,
        )
    }

    fn event(&self, event: &str, detail: serde_json::Value) {
        let mut line = json!({
            "call": self.id, "event": event, "from": self.caller, "to": sip::user(&self.invite.uri),
        });
        if let (Some(line), serde_json::Value::Object(detail)) = (line.as_object_mut(), detail) {
            line.extend(detail);
        }
        (self.gateway.events)(line);
    }
}

/// Waits for the caller's ACK of the final response; `false` if its transaction ended without
/// one.
async fn until_ack(from_a: &mut UnboundedReceiver<SipMessage>) -> bool {
    while let Some(message) = from_a.recv().await {
        if matches!(&message, SipMessage::Request(r) if r.method == rsipstack::sip::Method::Ack) {
            return true;
        }
    }
    false
}

/// The reason phrase a response came with.
fn received_phrase(response: &Response) -> &str {
    response
        .wire_reason
        .as_deref()
        .unwrap_or_else(|| response.status_code.text())
}

/// The URI of a response's first `Contact`.
fn contact(response: &Response) -> Option<Uri> {
    Some(response.contact_header().ok()?.typed().ok()?.uri)
}
