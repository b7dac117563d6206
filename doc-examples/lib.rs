//! The Rust examples of the README and of `docs/`, run as doctests: each document is the doc of
//! one item below, so that the test command (`cargo test --workspace --all-features`) compiles
//! and runs every example in it, and none drifts from the API it shows. The documents stay
//! plain markdown that renders as written: no hidden lines, every feature an example needs on
//! in this crate. Nothing here is built but for doctests.

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct Readme;

#[cfg(doctest)]
#[doc = include_str!("../docs/clients.md")]
pub struct Clients;

#[cfg(doctest)]
#[doc = include_str!("../docs/gateway.md")]
pub struct Gateway;

#[cfg(doctest)]
#[doc = include_str!("../docs/pbx.md")]
pub struct Pbx;

#[cfg(doctest)]
#[doc = include_str!("../docs/cli.md")]
pub struct Cli;

#[cfg(doctest)]
#[doc = include_str!("../docs/proofs.md")]
pub struct Proofs;

#[cfg(doctest)]
#[doc = include_str!("../docs/tables.md")]
pub struct Tables;

#[cfg(doctest)]
#[doc = include_str!("../docs/reason-protocols.md")]
pub struct ReasonProtocols;

#[cfg(doctest)]
#[doc = include_str!("../docs/performance.md")]
pub struct Performance;

#[cfg(doctest)]
#[doc = include_str!("../docs/fuzzing.md")]
pub struct Fuzzing;

#[cfg(doctest)]
#[doc = include_str!("../docs/layout.md")]
pub struct Layout;

#[cfg(doctest)]
#[doc = include_str!("../docs/contributing.md")]
pub struct Contributing;

#[cfg(doctest)]
#[doc = include_str!("../docs/pbx-recordings.md")]
pub struct PbxRecordings;
