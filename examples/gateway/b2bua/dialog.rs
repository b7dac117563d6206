//! An answered call: the dialog the gateway holds on each leg, found again when a BYE comes by
//! the dialog's Call-ID and both tags (RFC 3261 §12), and the BYE it sends on the other leg,
//! through the proxies the dialog was set up through.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use cause_core::Reason;
use rsipstack::dialog::DialogId;
use rsipstack::sip::headers::make_header;
use rsipstack::sip::{Header, Method, Request, Uri, Version, typed};
use rsipstack::transaction::endpoint::EndpointInner;
use rsipstack::transport::{SipAddr, SipConnection};
use tokio::sync::watch;

use super::sip::{self, reason_headers};

/// How long a caller has to acknowledge a 200: RFC 3261's Timer H (64 × T1).
const ACK_LIMIT: Duration = Duration::from_secs(32);

/// The gateway's side of one leg's dialog: what it needs to send that leg a BYE.
pub struct Leg {
    /// The dialog's Call-ID and tags, the gateway's as the local one: a request on this leg
    /// must name all three.
    pub id: DialogId,
    /// The gateway's party, with its tag: the `From` of the requests it sends on this leg.
    pub local: String,
    /// The other party, with its tag: their `To`.
    pub remote: String,
    /// The other party's `Contact`: the Request-URI of in-dialog requests.
    pub target: Uri,
    /// The proxies that asked to stay on the path (`Record-Route`), in the order a request
    /// meets them; empty for none.
    pub route_set: Vec<typed::Route>,
    /// The gateway's address on this leg, for the `Via`.
    pub via: SipAddr,
    /// On leg A, the connection the caller came over: a browser's WebSocket is the only way
    /// to reach it.
    pub connection: Option<SipConnection>,
    /// The gateway's CSeq numbers on this leg; its INVITE on leg B used 1.
    pub seq: AtomicU32,
    /// On leg A: whether the caller has acknowledged the gateway's 200 yet.
    pub acknowledged: Option<watch::Receiver<bool>>,
}

impl Leg {
    /// Waits until the other party may be sent a BYE: RFC 3261 §15 forbids one before the
    /// ACK of the 2xx (or the end of its transaction). A browser sent a BYE too early takes it
    /// for a stray request, answers 200 and stays in the call.
    pub async fn until_acknowledged(&self) {
        if let Some(mut acknowledged) = self.acknowledged.clone() {
            let ack = acknowledged.wait_for(|acknowledged| *acknowledged);
            // At the limit the BYE goes anyway: the call is over either way.
            tokio::time::timeout(ACK_LIMIT, ack).await.ok();
        }
    }

    /// Where this leg's requests go next: over the caller's WebSocket, else to the first proxy
    /// of the route set, else to the remote target (RFC 3261 §12.2.1.1).
    pub fn destination(&self) -> Option<SipAddr> {
        if self
            .connection
            .as_ref()
            .is_some_and(SipConnection::is_reliable)
        {
            return None;
        }
        let next = self
            .route_set
            .first()
            .map_or(&self.target, |route| &route.uri);
        SipAddr::try_from(next).ok()
    }

    /// Sends this leg a BYE with the `Reason` values of the rule; `Err` says why it failed.
    pub async fn send_bye(
        &self,
        endpoint: &Arc<EndpointInner>,
        reasons: &[Reason<'_>],
    ) -> Result<(), String> {
        let closed = self
            .connection
            .as_ref()
            .and_then(SipConnection::cancel_token);
        if closed.is_some_and(|token| token.is_cancelled()) {
            return Err("the caller's WebSocket has closed".to_owned());
        }
        let bye = self
            .bye(endpoint, reasons)
            .map_err(|error| error.to_string())?;
        let response = sip::send(endpoint, bye, self.destination(), self.connection.clone());
        sip::confirmed(response.await)
    }

    /// A BYE for this leg's dialog with the `Reason` values of the rule.
    fn bye(&self, endpoint: &EndpointInner, reasons: &[Reason<'_>]) -> rsipstack::Result<Request> {
        let via = endpoint.get_via(Some(self.via.clone()), None)?;
        let seq = self.seq.fetch_add(1, Ordering::Relaxed);
        let mut headers = vec![
            Header::Via(via.into()),
            Header::MaxForwards(70.into()),
            make_header("From", self.local.clone()),
            make_header("To", self.remote.clone()),
            make_header("Call-ID", self.id.call_id.clone()),
            Header::CSeq(
                typed::CSeq {
                    seq,
                    method: Method::Bye,
                }
                .into(),
            ),
            Header::UserAgent(endpoint.user_agent.clone().into()),
        ];
        headers.extend(reason_headers(reasons));
        let mut bye = Request {
            method: Method::Bye,
            uri: self.target.clone(),
            headers: headers.into(),
            body: vec![],
            version: Version::V2,
        };
        sip::address(&mut bye, &self.target, &self.route_set);
        bye.headers.push(Header::ContentLength(0.into()));
        Ok(bye)
    }
}

/// Both legs of an answered call.
pub struct Call {
    /// The gateway's number for the call, as in its JSON lines.
    pub id: u64,
    /// The caller's user and the user called, as in the JSON lines.
    pub from: String,
    pub to: String,
    pub a: Leg,
    pub b: Leg,
}

/// Which leg a request came on.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Side {
    /// The caller's leg (the browser).
    A,
    /// The far end's leg.
    B,
}

impl Call {
    pub fn leg(&self, side: Side) -> &Leg {
        match side {
            Side::A => &self.a,
            Side::B => &self.b,
        }
    }
}

impl Side {
    pub fn name(self) -> &'static str {
        match self {
            Side::A => "a",
            Side::B => "b",
        }
    }
}

/// The answered calls, by the dialog of either leg.
#[derive(Default)]
pub struct Dialogs(Mutex<HashMap<DialogId, (Arc<Call>, Side)>>);

impl Dialogs {
    pub fn insert(&self, call: Call) {
        let call = Arc::new(call);
        let mut calls = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        calls.insert(call.a.id.clone(), (Arc::clone(&call), Side::A));
        calls.insert(call.b.id.clone(), (call, Side::B));
    }

    /// Takes the call the dialog `id` belongs to out of the table (a BYE ends it), and says
    /// which leg that dialog is. A request with the right Call-ID and another tag finds
    /// nothing: it belongs to no dialog of this gateway.
    pub fn take(&self, id: &DialogId) -> Option<(Arc<Call>, Side)> {
        let mut calls = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let (call, side) = calls.remove(id)?;
        let other = match side {
            Side::A => &call.b.id,
            Side::B => &call.a.id,
        };
        calls.remove(other);
        Some((call, side))
    }
}
