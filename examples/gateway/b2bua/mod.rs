//! A back-to-back user agent on rsipstack: browsers call in over SIP-over-WebSocket (or UDP),
//! the gateway calls the far end over UDP, and cause-core's [`Gateway`] rules say what each
//! side hears when the other ends the call.
//!
//! Read top to bottom: [`start`] binds and runs the stack, [`dispatch`] hands each request to
//! `call.rs` (an INVITE) or `local.rs` (everything it answers itself), `dialog.rs` keeps the
//! answered calls, `websocket.rs` lets browsers in, `sip.rs` is the plumbing rsipstack leaves
//! to its users. [`Running::stop`] lets the calls in flight end before the stack goes.

// rsipstack's `Result` carries its own large error type; the plumbing passes it on as it is.
#![allow(clippy::result_large_err)]

mod call;
mod dialog;
mod guard;
mod local;
mod sip;
mod websocket;

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use cause_core::Gateway;
use rsipstack::EndpointBuilder;
use rsipstack::platform::CancellationToken;
use rsipstack::sip::headers::make_header;
use rsipstack::sip::prelude::HeadersExt;
use rsipstack::sip::{Header, Method, Response, Uri};
use rsipstack::transaction::TransactionReceiver;
use rsipstack::transaction::endpoint::{EndpointInner, EndpointOption};
use rsipstack::transaction::make_tag;
use rsipstack::transaction::transaction::Transaction;
use rsipstack::transport::udp::UdpConnection;
use rsipstack::transport::{SipAddr, SipConnection, TransportLayer};
use serde_json::{Value, json};
use tokio::task::JoinHandle;
use tokio_util::task::TaskTracker;

/// What the gateway says as it works: one JSON object per line.
pub type Events = Arc<dyn Fn(Value) + Send + Sync>;

/// The `User-Agent` (and `Server`) the gateway writes.
pub const USER_AGENT: &str = concat!("sip-causes-gateway/", env!("CARGO_PKG_VERSION"));

/// Where the gateway listens, where it sends calls, and whose rule it follows.
pub struct Config {
    /// SIP over WebSocket for browsers (RFC 7118); port 0 picks one.
    pub ws: SocketAddr,
    /// SIP over UDP, for callers on leg A and for leg B; port 0 picks one.
    pub udp: SocketAddr,
    /// The far end every call goes to.
    pub far: SocketAddr,
    pub behave: Gateway,
}

/// A gateway that runs until [`Running::stop`].
pub struct Running {
    pub ws: SocketAddr,
    pub udp: SocketAddr,
    tasks: Arc<Tasks>,
    stack: JoinHandle<()>,
}

impl Running {
    /// The line the gateway prints when it starts: the addresses it bound.
    pub fn addresses(&self) -> Value {
        json!({ "ws": format!("ws://{}", self.ws), "udp": self.udp.to_string() })
    }

    /// Stops the gateway gracefully: from this call on, new requests are refused with 503;
    /// the calls in flight get up to `limit` to end (a far end's late answer still reaches the
    /// caller, a BYE is still passed on), then the stack stops and every task the gateway
    /// started is joined. The future says how many calls were still in flight at the limit
    /// and were cut short.
    ///
    /// Answered calls are left as they are: no rule says what a gateway that goes away puts on
    /// a BYE, and the media flows between the two ends without it.
    pub fn stop(self, limit: Duration) -> impl Future<Output = usize> {
        self.tasks.draining.store(true, Ordering::Relaxed);
        self.tasks.calls.close();
        async move {
            let tasks = &self.tasks;
            let in_flight = match tokio::time::timeout(limit, tasks.calls.wait()).await {
                Ok(()) => 0,
                Err(_) => tasks.calls.len(),
            };
            // Every task runs until this token is cancelled: what is left ends here.
            tasks.token.cancel();
            tasks.calls.wait().await;
            tasks.background.close();
            tasks.background.wait().await;
            // An error here is a panic of the stack, which the runtime has already reported.
            self.stack.await.ok();
            in_flight
        }
    }
}

/// Every task the gateway starts, so that [`Running::stop`] can wait for them: `calls` are the
/// requests in hand (an INVITE until the caller has acknowledged its final response, a BYE
/// until the other leg has answered its own), `background` the readers of transactions, the
/// WebSocket handshakes and the loops that accept; all of them end when `token` is cancelled.
struct Tasks {
    calls: TaskTracker,
    background: TaskTracker,
    token: CancellationToken,
    /// Set by [`Running::stop`]: new requests are refused.
    draining: AtomicBool,
}

impl Tasks {
    fn call(&self, task: impl Future<Output = ()> + Send + 'static) {
        self.calls
            .spawn(until_stopped(self.token.clone(), Box::pin(task)));
    }

    fn background(&self, task: impl Future<Output = ()> + Send + 'static) {
        self.background
            .spawn(until_stopped(self.token.clone(), Box::pin(task)));
    }

    fn draining(&self) -> bool {
        self.draining.load(Ordering::Relaxed)
    }
}

/// What every call shares.
pub struct Context {
    endpoint: Arc<EndpointInner>,
    behave: Gateway,
    far: SipAddr,
    udp: SipAddr,
    ws: SipAddr,
    events: Events,
    dialogs: dialog::Dialogs,
    calls: AtomicU64,
    tasks: Arc<Tasks>,
}

impl Context {
    fn next_call(&self) -> u64 {
        self.calls.fetch_add(1, Ordering::Relaxed) + 1
    }

    fn event(&self, line: Value) {
        (self.events)(line);
    }

    /// Sends the response to a request the gateway answers in one step; one that cannot be
    /// sent is reported (`"event":"send-failed"`).
    async fn respond(&self, transaction: &mut Transaction, response: Response) {
        let status = response.status_code.code();
        if let Err(error) = transaction.respond(response).await {
            self.event(json!({
                "event": "send-failed", "response": status,
                "method": transaction.original.method.to_string(), "why": error.to_string(),
            }));
        }
    }

    /// [`respond`](Self::respond) with `code` and its RFC reason phrase.
    async fn reply(&self, transaction: &mut Transaction, code: u16) {
        let phrase = cause_core::reason_phrase(code).unwrap_or("Unknown");
        let response = sip::response(
            &self.endpoint,
            &transaction.original,
            code,
            phrase,
            &make_tag(),
        );
        self.respond(transaction, response).await;
    }

    /// `sip:USER@FAR`: where leg B's INVITE goes.
    fn far_uri(&self, user: &str) -> Uri {
        let text = format!("sip:{user}@{}", self.far.addr);
        Uri::try_from(text.as_str()).unwrap_or_else(|_| Uri::from(self.far.addr.clone()))
    }

    /// The gateway's `Contact` on leg A: the transport the caller came over.
    fn contact(&self, user: &str, connection: Option<&SipConnection>) -> Header {
        let websocket = connection.is_some_and(|c| c.is_reliable());
        let contact = if websocket {
            format!("<sip:{user}@{};transport=ws>", self.ws.addr)
        } else {
            format!("<sip:{user}@{}>", self.udp.addr)
        };
        make_header("Contact", contact)
    }
}

/// Binds both transports, prints nothing, and serves until stopped: each request goes to
/// [`dispatch`]. An address that cannot be bound is an error, named.
pub async fn start(config: Config, events: Events) -> std::io::Result<Running> {
    let token = CancellationToken::new();
    let layer = TransportLayer::new(token.clone());
    let udp = UdpConnection::create_connection(config.udp, None, Some(token.child_token()))
        .await
        .map_err(|error| cannot_bind("UDP", config.udp, error))?;
    let udp_addr = udp.get_addr().clone();
    let ws = tokio::net::TcpListener::bind(config.ws)
        .await
        .map_err(|error| cannot_bind("WebSocket", config.ws, error))?;
    let ws_addr = ws.local_addr()?;
    layer.add_transport(udp.into());
    let option = EndpointOption {
        // rsipstack's default suffix is its vendor's domain; Call-IDs name this host.
        callid_suffix: Some(config.udp.ip().to_string()),
        // The gateway ACKs the far end's 2xx itself, once the call is in its table.
        auto_ack_2xx: false,
        ..EndpointOption::default()
    };
    let endpoint = EndpointBuilder::new()
        .with_user_agent(USER_AGENT)
        .with_cancel_token(token.clone())
        .with_transport_layer(layer)
        .with_option(option)
        .build();
    let incoming = endpoint
        .incoming_transactions()
        .map_err(std::io::Error::other)?;
    let tasks = Arc::new(Tasks {
        calls: TaskTracker::new(),
        background: TaskTracker::new(),
        token,
        draining: AtomicBool::new(false),
    });
    let context = Arc::new(Context {
        endpoint: endpoint.inner.clone(),
        behave: config.behave,
        far: SipAddr::from(config.far),
        udp: udp_addr.clone(),
        ws: SipAddr::from(ws_addr),
        events,
        dialogs: dialog::Dialogs::default(),
        calls: AtomicU64::new(0),
        tasks: Arc::clone(&tasks),
    });
    let stack = tokio::spawn(async move { endpoint.serve().await });
    let accept = websocket::accept(ws, Arc::clone(&context.endpoint), Arc::clone(&tasks));
    tasks.background(accept);
    tasks.background(dispatch(context, incoming));
    let udp = udp_addr.get_socketaddr().map_err(std::io::Error::other)?;
    Ok(Running {
        ws: ws_addr,
        udp,
        tasks,
        stack,
    })
}

/// Runs `task` until it ends or the gateway stops. Boxed before it comes here: its state (a
/// transaction, a call) is large, and an async wrapper that took it by value would hold it
/// more than once, 15 kB a call under load.
async fn until_stopped(stopped: CancellationToken, task: Pin<Box<dyn Future<Output = ()> + Send>>) {
    stopped.run_until_cancelled(task).await.unwrap_or_default();
}

/// `WebSocket on 127.0.0.1:5099: Address already in use (os error 98)`.
fn cannot_bind(
    transport: &str,
    address: SocketAddr,
    error: impl std::fmt::Display,
) -> std::io::Error {
    std::io::Error::other(format!("{transport} on {address}: {error}"))
}

/// Every new transaction: INVITEs become calls, BYEs end them, the rest is answered here.
async fn dispatch(context: Arc<Context>, mut incoming: TransactionReceiver) {
    while let Some(transaction) = incoming.recv().await {
        let call = handle(Arc::clone(&context), transaction);
        context.tasks.call(call);
    }
}

async fn handle(context: Arc<Context>, mut transaction: Transaction) {
    if let Err((code, why)) = guard::check(&transaction.original) {
        context.event(json!({ "event": "bad-request", "status": code, "why": why }));
        let phrase = cause_core::reason_phrase(code).unwrap_or("Bad Request");
        let request = &transaction.original;
        let mut response = sip::response(&context.endpoint, request, code, phrase, &make_tag());
        response.version = rsipstack::sip::Version::V2;
        response.headers.push(make_header(
            "Warning",
            format!("399 sip-causes-gateway \"{why}\""),
        ));
        context.respond(&mut transaction, response).await;
        return;
    }
    let in_dialog = transaction
        .original
        .to_header()
        .and_then(|to| to.tag())
        .is_ok_and(|tag| tag.is_some());
    match transaction.original.method {
        // A BYE ends a call, which a gateway that is stopping still wants.
        Method::Bye => local::bye(context, transaction).await,
        // RFC 3261 §21.5.4: the gateway is going away; another may take the request.
        _ if context.tasks.draining() => context.reply(&mut transaction, 503).await,
        Method::Invite if !in_dialog => call::invite(context, transaction).await,
        Method::Register | Method::Message => local::answer(&context, transaction).await,
        Method::Options => context.reply(&mut transaction, 200).await,
        // A re-INVITE (hold, codec change) is not relayed: this gateway keeps the first offer.
        Method::Invite => context.reply(&mut transaction, 488).await,
        _ => context.reply(&mut transaction, 501).await,
    }
}
