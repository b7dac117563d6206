//! One call through the gateway, from the caller's INVITE to its final response: this is where
//! cause-core decides what the caller hears when the far end fails, and what the far end hears
//! when the caller cancels. The rest is plumbing (`sip.rs`).

use std::sync::Arc;
use std::sync::atomic::AtomicU32;
use std::time::Duration;

use cause_core::Reason;
use rsipstack::dialog::DialogId;
use rsipstack::sip::param::Tag;
use rsipstack::sip::prelude::{HeadersExt, ToTypedHeader};
use rsipstack::sip::{Header, Method, Request, Response, SipMessage, StatusCodeKind, Uri};
use rsipstack::transaction::key::{TransactionKey, TransactionRole};
use rsipstack::transaction::make_tag;
use rsipstack::transaction::transaction::{Transaction, TransactionEvent, TransactionEventSender};
use serde_json::json;
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};
use tokio::sync::watch;

use super::dialog::{Call, Leg, Side};
use super::sip::{self, parse_reasons, reason_headers, reason_lines, texts};
use super::{Context, Tasks, local};

/// How many redirects a call follows before it gives up (FreeSWITCH's rule follows 3xx).
const MAX_REDIRECTS: usize = 5;

/// How long the far end has to end its INVITE once cancelled (RFC 3261 §9.1: 64 × T1).
const CANCEL_LIMIT: Duration = Duration::from_secs(32);

/// How long a CANCEL the caller sent just before its WebSocket closed may take to reach the
/// call: rsipstack reads the connection on one task and hands requests on from another, so
/// the close can be seen first (a browser that hangs up and leaves does just that).
const LAST_WORD: Duration = Duration::from_secs(1);

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
        // absorbs the ACK, whether or not the call still listens (a send fails once it no
        // longer does, which is no news).
        while let Some(message) = transaction.receive().await {
            sender.send(message).ok();
        }
    });
    receiver
}

/// How one INVITE on leg B ended.
enum Outcome {
    /// Leg A has its final response (a failure, or 487 for a CANCEL): the caller's ACK of it
    /// ends the call.
    Done,
    /// Nothing more to wait for on leg A: the call is answered (and the caller has
    /// acknowledged it), or the caller is gone.
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

    /// Hands leg A's transaction a response to send. rsipstack's transaction drops a failure
    /// to send it; what shows here is a transaction already gone.
    fn respond(&self, response: Response) -> bool {
        let status = response.status_code.code();
        let sent = self.respond.send(TransactionEvent::Respond(response));
        if sent.is_err() {
            let why = "the caller's transaction has ended";
            self.event(
                "send-failed",
                json!({ "leg": "a", "response": status, "why": why }),
            );
        }
        sent.is_ok()
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
        let mut from_b = match self.start_leg_b(invite.clone()).await {
            Ok(from_b) => from_b,
            // RFC 3261 §8.1.3.1: a transport error is treated as a 503 from the far end.
            Err(why) => {
                self.event(
                    "send-failed",
                    json!({ "leg": "b", "request": "INVITE", "why": why }),
                );
                return self.failed(&self.unavailable(&invite));
            }
        };
        loop {
            tokio::select! {
                // What either leg said comes before the caller's leaving.
                biased;
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
                    if request.method == Method::Cancel {
                        self.cancelled(&request, &invite, from_b).await;
                        return Outcome::Done;
                    }
                }
                () = self.caller_gone() => {
                    match last_cancel(from_a).await {
                        Some(cancel) => self.cancelled(&cancel, &invite, from_b).await,
                        None => self.abandoned(&invite, from_b).await,
                    }
                    return Outcome::Over;
                }
            }
        }
    }

    async fn start_leg_b(&self, invite: Request) -> Result<UnboundedReceiver<SipMessage>, String> {
        let gateway = &self.gateway;
        let key = TransactionKey::from_request(&invite, TransactionRole::Client)
            .expect("the gateway's own INVITE has a branch, a From tag, a Call-ID and a CSeq");
        let mut b = Transaction::new_client(key, invite, gateway.endpoint.clone(), None);
        b.destination = Some(gateway.far.clone());
        // A datagram the socket refuses is retried by the transaction's timers, which end it
        // with a 408; what fails here is the transaction itself.
        b.send().await.map_err(|error| error.to_string())?;
        Ok(follow(&gateway.tasks, b))
    }

    /// Resolves when leg A's caller can no longer be reached: its WebSocket has closed. (A
    /// caller on UDP can vanish unseen: only a missing ACK shows it.)
    async fn caller_gone(&self) {
        let reliable = self.connection.as_ref().filter(|c| c.is_reliable());
        match reliable.and_then(|connection| connection.cancel_token()) {
            Some(closed) => closed.cancelled().await,
            None => std::future::pending().await,
        }
    }

    /// Whether leg A can still be answered: its transaction is there, its WebSocket open.
    fn caller_present(&self) -> bool {
        let reliable = self.connection.as_ref().filter(|c| c.is_reliable());
        let closed = reliable
            .and_then(|connection| connection.cancel_token())
            .is_some_and(|token| token.is_cancelled());
        !closed && !self.respond.is_closed()
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
        let Some(relay) = self.gateway.behave.relay_failure(code, &reasons) else {
            // Only a status outside 300..=699, which rsipstack does not hand over as final.
            self.end(502, "Bad Gateway", vec![], json!({ "far": far }));
            return Outcome::Done;
        };
        // A redirect the system follows goes to its Contact; one without a Contact ends the
        // call as the system would end it (`Relay::response`).
        if let (true, Some(target)) = (relay.follows_redirect(), contact(response)) {
            self.event(
                "redirect",
                json!({ "far": far, "target": target.to_string() }),
            );
            return Outcome::Redirect(target);
        }
        // A 401 or 407 without its challenge is passed on as any other code by a system that
        // would answer a challenge (`Relay::Challenged`).
        let failure = match has_challenge(response) {
            true => relay.response(),
            false => relay.response_without_header(),
        };
        let phrase = failure.reason_phrase(received_phrase(response));
        let headers = reason_headers(failure.reasons()).collect();
        let detail = json!({
            "far": far, "reason": texts(failure.reasons()),
            "cause": failure.hangup_cause().code(), "far_cause": failure.far_hangup_cause().code(),
        });
        self.end(failure.status(), phrase, headers, detail);
        Outcome::Done
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
        from_b: UnboundedReceiver<SipMessage>,
    ) {
        let lines = reason_lines(&cancel.headers);
        let reasons = parse_reasons(&lines);
        let teardown = self.gateway.behave.relay_cancel(&reasons);
        self.respond(self.response(487, "Request Terminated"));
        self.event(
            "cancel",
            json!({
                "received": lines, "sent": texts(teardown.reasons()),
                "cause": teardown.hangup_cause().code(), "origin_cause": teardown.origin_hangup_cause().code(),
            }),
        );
        self.cancel_leg_b(invite, from_b, teardown.reasons()).await;
    }

    /// The caller went away before an answer (its WebSocket closed): the far end hears what it
    /// would for a CANCEL without `Reason`.
    async fn abandoned(&self, invite: &Request, from_b: UnboundedReceiver<SipMessage>) {
        let teardown = self.gateway.behave.relay_cancel(&[]);
        self.event(
            "abandoned",
            json!({
                "why": "the caller's connection closed", "sent": texts(teardown.reasons()),
                "cause": teardown.hangup_cause().code(),
            }),
        );
        self.cancel_leg_b(invite, from_b, teardown.reasons()).await;
    }

    /// A CANCEL for leg B's INVITE, then its final response: a 200 that crossed the CANCEL
    /// (the far end answered before it saw it) is acknowledged and ended with a BYE.
    async fn cancel_leg_b(
        &self,
        invite: &Request,
        mut from_b: UnboundedReceiver<SipMessage>,
        reasons: &[Reason<'_>],
    ) {
        let gateway = &self.gateway;
        match sip::cancel(invite, reasons) {
            Ok(request) => {
                let far = Some(gateway.far.clone());
                let sent = sip::send(&gateway.endpoint, request, far, None).await;
                self.report("CANCEL", sip::confirmed(sent));
            }
            Err(error) => self.report("CANCEL", Err(error.to_string())),
        }
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
        if let Ok(Some(response)) = response
            && response.status_code.kind() == StatusCodeKind::Successful
        {
            self.hang_up_leg_b(invite, &response, reasons).await;
        }
    }

    /// Ends leg B's answered INVITE that the caller will never hear of: the ACK RFC 3261
    /// §13.2.2.4 requires, then a BYE.
    async fn hang_up_leg_b(&self, invite: &Request, response: &Response, reasons: &[Reason<'_>]) {
        self.acknowledge_leg_b(invite, response).await;
        let leg = self.leg_b(invite, response);
        self.report("BYE", leg.send_bye(&self.gateway.endpoint, reasons).await);
    }

    /// The ACK of the far end's 200, as rsipstack builds it, addressed through the dialog's
    /// route set.
    async fn acknowledge_leg_b(&self, invite: &Request, response: &Response) {
        let endpoint = &self.gateway.endpoint;
        let leg = self.leg_b(invite, response);
        let sent = match endpoint.make_ack(invite, response) {
            Ok(mut ack) => {
                sip::address(&mut ack, &leg.target, &leg.route_set);
                sip::send_stateless(endpoint, ack).await
            }
            Err(error) => Err(error.to_string()),
        };
        self.report("ACK", sent);
    }

    /// A request on leg B that failed, as a `send-failed` line.
    fn report(&self, request: &str, sent: Result<(), String>) {
        if let Err(why) = sent {
            self.event(
                "send-failed",
                json!({ "leg": "b", "request": request, "why": why }),
            );
        }
    }

    /// The far end answered: both dialogs kept for the BYE that ends the call, 200 for the
    /// caller with the far end's SDP, and only then the ACK (a far end may send its BYE as soon
    /// as it has the ACK: the call must be known by then). If the caller is gone, or never
    /// acknowledges the 200, the far end's call is ended instead of left up.
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
        let a = self.leg_a(&ok, ack_seen).filter(|_| self.caller_present());
        let Some(a) = a else {
            return self.gone_before_answer(invite, &response).await;
        };
        let a_id = a.id.clone();
        let b = self.leg_b(invite, &response);
        let (from, to) = (self.caller.clone(), sip::user(&self.invite.uri));
        self.gateway.dialogs.insert(Call {
            id: self.id,
            from,
            to,
            a,
            b,
        });
        if !self.respond(ok) {
            self.gateway.dialogs.take(&a_id);
            return self.gone_before_answer(invite, &response).await;
        }
        self.event("answered", json!({}));
        self.acknowledge_leg_b(invite, &response).await;
        // The caller's ACK ends the transaction's part; a BYE for it may go from now on.
        if until_ack(from_a).await {
            acknowledged.send_replace(true);
        } else {
            self.unacknowledged(&a_id).await;
        }
        Outcome::Over
    }

    /// Leg A is gone before the far end's 200 could be relayed: the far end hears what it
    /// would for a CANCEL without `Reason`, on the BYE that ends its call.
    async fn gone_before_answer(&self, invite: &Request, response: &Response) -> Outcome {
        let teardown = self.gateway.behave.relay_cancel(&[]);
        self.event(
            "abandoned",
            json!({
                "why": "the caller was gone when the far end answered",
                "sent": texts(teardown.reasons()), "cause": teardown.hangup_cause().code(),
            }),
        );
        self.hang_up_leg_b(invite, response, teardown.reasons())
            .await;
        Outcome::Over
    }

    /// The caller never acknowledged the 200 (RFC 3261 §13.3.1.4: the session is to be ended
    /// with a BYE): both legs hear what they would for a BYE without `Reason`.
    async fn unacknowledged(&self, a: &DialogId) {
        let Some((call, _)) = self.gateway.dialogs.take(a) else {
            // A BYE ended the call meanwhile.
            return;
        };
        let teardown = self.gateway.behave.relay_bye(&[]);
        self.event(
            "abandoned",
            json!({
                "why": "the caller never acknowledged the 200", "sent": texts(teardown.reasons()),
                "cause": teardown.hangup_cause().code(),
            }),
        );
        for side in [Side::B, Side::A] {
            local::hang_up(&self.gateway, &call, side, teardown.reasons()).await;
        }
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

    /// The 503 a leg B INVITE ends with when it could not be sent.
    fn unavailable(&self, invite: &Request) -> Response {
        self.gateway.endpoint.make_response(
            invite,
            rsipstack::sip::StatusCode::ServiceUnavailable,
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

/// The CANCEL the caller sent before it left, if one comes within [`LAST_WORD`].
async fn last_cancel(from_a: &mut UnboundedReceiver<SipMessage>) -> Option<Request> {
    let cancel = async {
        while let Some(message) = from_a.recv().await {
            if let SipMessage::Request(request) = message
                && request.method == Method::Cancel
            {
                return Some(request);
            }
        }
        None
    };
    tokio::time::timeout(LAST_WORD, cancel).await.ok().flatten()
}

/// Waits for the caller's ACK of the final response; `false` if its transaction ended without
/// one.
async fn until_ack(from_a: &mut UnboundedReceiver<SipMessage>) -> bool {
    while let Some(message) = from_a.recv().await {
        if matches!(&message, SipMessage::Request(r) if r.method == Method::Ack) {
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

/// Whether a 401 or 407 carries the challenge RFC 3261 requires of it.
fn has_challenge(response: &Response) -> bool {
    response.headers.iter().any(|header| {
        let name = header.name();
        name.eq_ignore_ascii_case("WWW-Authenticate")
            || name.eq_ignore_ascii_case("Proxy-Authenticate")
    })
}
