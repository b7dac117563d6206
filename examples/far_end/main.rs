//! `cargo run --example far_end -- --udp 127.0.0.1:5080`: a far end to try the gateway with, a
//! SIP endpoint over UDP that ends each INVITE as its Request-URI user says (the table in
//! `far_end.rs`: `486`, `486.q850-34`, `BUSY`, `ring`, `answer`, ...).
//!
//! It prints one JSON line with the address it bound, then one per request it receives.

// Shared with the tests' far end and the PBX recorder, which use more of it.
#[allow(dead_code)]
mod far_end;
// Shared with the caller example and the tests' SIP peers, which use more of it.
#[allow(dead_code)]
mod sip_text;

use std::net::SocketAddr;
use std::process::ExitCode;

use clap::{Arg, Command};
use serde_json::json;

fn command() -> Command {
    Command::new("far_end")
        .about("A SIP far end over UDP that ends each INVITE as its Request-URI user says")
        .arg(
            Arg::new("udp")
                .long("udp")
                .value_name("IP:PORT")
                .value_parser(clap::value_parser!(SocketAddr))
                .default_value("127.0.0.1:5080")
                .help("Where it listens; port 0 lets the OS pick"),
        )
}

fn main() -> ExitCode {
    let matches = command().get_matches();
    let addr = *matches
        .get_one::<SocketAddr>("udp")
        .expect("--udp has a default");
    let print = Box::new(|received: &far_end::Received| println!("{}", received.to_json()));
    let far = match far_end::FarEnd::bind(addr, print) {
        Ok(far) => far,
        Err(error) => {
            eprintln!("far_end: cannot listen on {addr}: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!("{}", json!({ "udp": far.addr.to_string() }));
    far.wait();
    ExitCode::SUCCESS
}
