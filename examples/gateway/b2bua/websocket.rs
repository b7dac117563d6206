//! SIP over WebSocket for browsers (RFC 7118): the gateway binds the listener itself and hands
//! each connection to rsipstack, which reads and writes it from then on.
//!
//! rsipstack 0.7.14 has a listener of its own (`WebSocketListenerConnection`), but it takes an
//! address, binds it inside `Endpoint::serve` where a failure is only logged, and never says
//! which port it got. Bound here, a port in use is an error before the gateway says it listens,
//! and port 0 is the port the listener kept.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use rsipstack::sip::Transport;
use rsipstack::transaction::endpoint::EndpointInner;
use rsipstack::transport::websocket::{WebSocketConnection, WebSocketInner};
use rsipstack::transport::{SipAddr, SipConnection};
use tokio::net::{TcpListener, TcpStream};
use tokio_tungstenite::MaybeTlsStream;
use tokio_tungstenite::tungstenite::handshake::server::{Request, Response};

use super::Tasks;

/// How long a client has to finish the WebSocket handshake once connected.
const HANDSHAKE_LIMIT: Duration = Duration::from_secs(10);

/// Accepts connections until the gateway stops, each handshake on a task of its own so that a
/// slow client holds up no other.
pub async fn accept(listener: TcpListener, endpoint: Arc<EndpointInner>, tasks: Arc<Tasks>) {
    let Ok(local) = listener.local_addr() else {
        return;
    };
    loop {
        match listener.accept().await {
            Ok((stream, peer)) => {
                let endpoint = Arc::clone(&endpoint);
                let token = tasks.token.child_token();
                tasks.background(async move {
                    if let Some(connection) = handshake(stream, local, peer, token).await {
                        endpoint.transport_layer.add_connection(connection);
                    }
                });
            }
            // Out of file descriptors, or a connection reset before it was accepted: the
            // listener itself is fine, and the next accept may succeed.
            Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    }
}

/// The WebSocket handshake, answering the `sip` subprotocol a SIP client asks for, and the
/// connection as rsipstack's own type; `None` if the client did not complete it in time.
async fn handshake(
    stream: TcpStream,
    local: SocketAddr,
    peer: SocketAddr,
    token: rsipstack::platform::CancellationToken,
) -> Option<SipConnection> {
    let subprotocol = |request: &Request, mut response: Response| {
        let asked = request
            .headers()
            .get_all("Sec-WebSocket-Protocol")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .any(|protocol| protocol.trim().eq_ignore_ascii_case("sip"));
        if asked {
            let sip = "sip".parse().expect("a valid header value");
            response.headers_mut().insert("Sec-WebSocket-Protocol", sip);
        }
        Ok(response)
    };
    let stream = MaybeTlsStream::Plain(stream);
    let handshake = tokio_tungstenite::accept_hdr_async(stream, subprotocol);
    let websocket = tokio::time::timeout(HANDSHAKE_LIMIT, handshake)
        .await
        .ok()?
        .ok()?;
    let (sink, read) = websocket.split();
    let address = |addr: SocketAddr| SipAddr {
        r#type: Some(Transport::Ws),
        addr: addr.into(),
    };
    let inner = WebSocketInner {
        local_addr: address(local),
        remote_addr: address(peer),
        ws_sink: tokio::sync::Mutex::new(sink),
        ws_read: tokio::sync::Mutex::new(Some(read)),
    };
    let connection = WebSocketConnection {
        inner: Arc::new(inner),
        // rsipstack cancels it when the connection closes: how a call learns its caller left.
        cancel_token: Some(token),
    };
    Some(SipConnection::WebSocket(connection))
}
