//! An answered call: the dialog the gateway holds on each leg, found again by either leg's
//! Call-ID when a BYE comes, and the BYE it sends on the other leg.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use cause_core::Reason;
use rsipstack::sip::headers::make_header;
use rsipstack::sip::{Header, Method, Request, Uri, Version, typed};
use rsipstack::transaction::endpoint::EndpointInner;
use rsipstack::transport::{SipAddr, SipConnection};
use tokio::sync::watch;

use super::sip::reason_headers;

/// How long a caller has to acknowledge a 200: RFC 3261's Timer H (64 × T1).
const ACK_LIMIT: Duration = Duration::from_secs(32);

/// The gateway's side of one leg's dialog: what it needs to send that leg a BYE.
pub struct Leg {
    pub call_id: String,
    /// The gateway's party, with its tag: the `From` of the requests it sends on this leg.
    pub local: String,
    /// The other party, with its tag: their `To`.
    pub remote: String,
    /// Where in-dialog requests go: the other party's `Contact`.
    pub target: Uri,
    /// The gateway's address on this leg, for the `Via`.
    pub via: SipAddr,
    /// Where to send: the far end's address on leg B; on leg A, the caller's WebSocket
    /// connection (a browser can be reached no other way) or its address over UDP.
    pub destination: Option<SipAddr>,
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
            let _ = tokio::time::timeout(ACK_LIMIT, ack).await;
        }
    }

    /// A BYE for this leg's dialog with the `Reason` values of the rule.
    pub fn bye(
        &self,
        endpoint: &EndpointInner,
        reasons: &[Reason<'_>],
    ) -> rsipstack::Result<Request> {
        let via = endpoint.get_via(Some(self.via.clone()), None)?;
        let seq = self.seq.fetch_add(1, Ordering::Relaxed);
        let mut headers = vec![
            Header::Via(via.into()),
            Header::MaxForwards(70.into()),
            make_header("From", self.local.clone()),
            make_header("To", self.remote.clone()),
            make_header("Call-ID", self.call_id.clone()),
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
        headers.push(Header::ContentLength(0.into()));
        Ok(Request {
            method: Method::Bye,
            uri: self.target.clone(),
            headers: headers.into(),
            body: vec![],
            version: Version::V2,
        })
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

impl Side {
    pub fn name(self) -> &'static str {
        match self {
            Side::A => "a",
            Side::B => "b",
        }
    }
}

/// The answered calls, by the Call-ID of either leg.
#[derive(Default)]
pub struct Dialogs(Mutex<HashMap<String, (Arc<Call>, Side)>>);

impl Dialogs {
    pub fn insert(&self, call: Call) {
        let call = Arc::new(call);
        let mut calls = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        calls.insert(call.a.call_id.clone(), (Arc::clone(&call), Side::A));
        calls.insert(call.b.call_id.clone(), (call, Side::B));
    }

    /// Takes the call a request with `call_id` belongs to out of the table (a BYE ends it), and
    /// says which leg that request came on.
    pub fn take(&self, call_id: &str) -> Option<(Arc<Call>, Side)> {
        let mut calls = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let (call, side) = calls.remove(call_id)?;
        let other = match side {
            Side::A => &call.b.call_id,
            Side::B => &call.a.call_id,
        };
        calls.remove(other);
        Some((call, side))
    }
}
