//! The Reason registry's answers: the cause of a `Reason` value of a protocol other than SIP
//! and Q.850 (which `describe.rs` reads as SIP.js does), its RFC 8606 location, the registry as
//! a table and each protocol's table, as markdown and as JSON with the keys of their TOML files.

use std::fmt::Write as _;

use cause_core::{Location, Reason, ReasonCause, ReasonProtocol};
use cause_model::markdown::{code_span, link_labels};
use serde::Serialize;

use crate::text::{head, plain, quoted, row};

/// The option of `sip-cause table` that prints each protocol's table, in the registry's order:
/// its token in lower case, `_` as `-` (a test checks it is so for every protocol with a table
/// of its own; SIP's and Q.850's are the tool's other tables).
pub const TABLES: [(&str, ReasonProtocol); 20] = [
    ("preemption", ReasonProtocol::Preemption),
    ("emm", ReasonProtocol::Emm),
    ("esm", ReasonProtocol::Esm),
    ("s1ap-rnl", ReasonProtocol::S1apRnl),
    ("s1ap-tl", ReasonProtocol::S1apTl),
    ("s1ap-nas", ReasonProtocol::S1apNas),
    ("s1ap-misc", ReasonProtocol::S1apMisc),
    ("s1ap-prot", ReasonProtocol::S1apProt),
    ("diameter", ReasonProtocol::Diameter),
    ("ikev2", ReasonProtocol::Ikev2),
    ("release-cause", ReasonProtocol::ReleaseCause),
    ("failure-cause", ReasonProtocol::FailureCause),
    ("stir", ReasonProtocol::Stir),
    ("5gmm", ReasonProtocol::FiveGmm),
    ("5gsm", ReasonProtocol::FiveGsm),
    ("ngap-rnl", ReasonProtocol::NgapRnl),
    ("ngap-tl", ReasonProtocol::NgapTl),
    ("ngap-nas", ReasonProtocol::NgapNas),
    ("ngap-misc", ReasonProtocol::NgapMisc),
    ("ngap-prot", ReasonProtocol::NgapProt),
];

/// The option that prints `protocol`'s table.
fn flag(protocol: ReasonProtocol) -> &'static str {
    let found = TABLES.iter().find(|(_, p)| *p == protocol);
    found.map_or("", |(flag, _)| flag)
}

/// The line that starts a cause of `protocol`'s: its token in lower case, as `q850:` starts a
/// Q.850 cause's.
fn label(protocol: ReasonProtocol) -> String {
    protocol.as_str().to_ascii_lowercase()
}

/// `7 FIVE_GS_SERVICES_NOT_ALLOWED "5GS services not allowed"`
fn headline(cause: ReasonCause) -> String {
    let name = cause.name().unwrap_or_default();
    let value = cause.as_str().unwrap_or_default();
    format!("{} {name} {value:?}", cause.code())
}

/// What a `Reason` value of a protocol other than SIP and Q.850 says: its cause in the
/// protocol's table, with what it means, or that the protocol is unregistered. `None` for SIP
/// and Q.850.
pub fn reason_lines(reason: &Reason<'_>) -> Option<String> {
    let protocol = ReasonProtocol::from_reason(reason);
    let label = label(protocol);
    let mut out = String::new();
    match (protocol, ReasonCause::from_reason(reason)) {
        (ReasonProtocol::Sip | ReasonProtocol::Q850, _) => return None,
        (ReasonProtocol::Unregistered, _) => {
            let token = quoted(reason.protocol());
            let _ = writeln!(
                out,
                "cause: none (protocol {token:?} is unregistered: no value of IANA's Reason Protocols registry)"
            );
        }
        (_, None) => {
            let _ = writeln!(out, "{label}: none (no cause code)");
        }
        (_, Some(ReasonCause::Other(_, code))) => {
            let _ = writeln!(out, "{label}: none ({code} is no {protocol} cause value)");
        }
        (_, Some(cause)) => {
            let _ = writeln!(out, "{label}: {}", headline(cause));
            if let Some(description) = cause.description() {
                let _ = writeln!(out, "{}", plain(description));
            }
        }
    }
    Some(out)
}

/// RFC 8606's `location` of a value that has one: `location: LN, public network serving the
/// local user`.
pub fn location_line(reason: &Reason<'_>) -> Option<String> {
    let given = reason.param("location")?;
    Some(match Location::from_token(given) {
        Some(location) => format!(
            "location: {location}, {} (RFC 8606)\n",
            location.description()
        ),
        None => format!(
            "location: none ({:?} is no RFC 8606 location)\n",
            quoted(given)
        ),
    })
}

/// The registry, one row a protocol: its token, what its causes are, how many its table has
/// and the command that prints them.
pub fn protocols_markdown() -> String {
    let mut out = String::new();
    let names = ["Protocol", "Constant", "Its causes", "Causes", "Table"];
    head(&mut out, &names);
    for &protocol in ReasonProtocol::ALL {
        let (token, table) = match protocol {
            ReasonProtocol::Sip => (code_span("SIP"), "`sip-cause 486`".to_owned()),
            ReasonProtocol::Q850 => (code_span("Q.850"), "`sip-cause table --q850`".to_owned()),
            ReasonProtocol::Unregistered => ("any other".to_owned(), String::new()),
            _ => (
                code_span(protocol.as_str()),
                format!("`sip-cause table --{}`", flag(protocol)),
            ),
        };
        let causes = match protocol.causes().count() {
            0 => String::new(),
            count => count.to_string(),
        };
        let cells = [
            token,
            code_span(protocol.name()),
            link_labels(protocol.description()),
            causes,
            table,
        ];
        row(&mut out, &cells);
    }
    out
}

/// A protocol's table: what its causes are, then one row a cause.
pub fn protocol_markdown(protocol: ReasonProtocol) -> String {
    let mut out = format!("{}\n\n", link_labels(protocol.description()));
    let names = ["Code", "Constant", "Name", "Also read", "Description"];
    head(&mut out, &names);
    for cause in protocol.causes() {
        let aliases: Vec<String> = cause.aliases().iter().map(|a| code_span(a)).collect();
        let cells = [
            cause.code().to_string(),
            code_span(cause.name().unwrap_or_default()),
            cause.as_str().unwrap_or_default().to_owned(),
            aliases.join(", "),
            link_labels(cause.description().unwrap_or_default()),
        ];
        row(&mut out, &cells);
    }
    out
}

/// A table of the registry as JSON, with the keys of its TOML file.
#[derive(Serialize)]
struct JsonTable {
    cause: Vec<JsonCause>,
}

#[derive(Serialize)]
struct JsonCause {
    constant: &'static str,
    value: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<u16>,
    description: &'static str,
    aliases: &'static [&'static str],
}

fn json(table: &JsonTable) -> String {
    // Strings and integers: serializing cannot fail.
    let mut json = serde_json::to_string_pretty(table).expect("the table serializes");
    json.push('\n');
    json
}

/// The registry as JSON, with the keys of `registry/reason-protocols.toml`.
pub fn protocols_json() -> String {
    let cause = ReasonProtocol::ALL.iter().map(|&p| JsonCause {
        constant: p.name(),
        value: p.as_str(),
        code: None,
        description: p.description(),
        aliases: p.aliases(),
    });
    json(&JsonTable {
        cause: cause.collect(),
    })
}

/// A protocol's table as JSON, with the keys of its TOML file.
pub fn protocol_json(protocol: ReasonProtocol) -> String {
    let cause = protocol.causes().map(|c| JsonCause {
        constant: c.name().unwrap_or_default(),
        value: c.as_str().unwrap_or_default(),
        code: Some(c.code()),
        description: c.description().unwrap_or_default(),
        aliases: c.aliases(),
    });
    json(&JsonTable {
        cause: cause.collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_protocol_with_a_table_has_its_token_as_option() {
        let own = |p: &ReasonProtocol| !matches!(p, ReasonProtocol::Sip | ReasonProtocol::Q850);
        let tabled: Vec<ReasonProtocol> = (ReasonProtocol::ALL.iter().copied())
            .filter(own)
            .filter(|p| p.causes().next().is_some())
            .collect();
        let listed: Vec<ReasonProtocol> = TABLES.iter().map(|(_, p)| *p).collect();
        assert_eq!(listed, tabled);
        for (flag, protocol) in TABLES {
            assert_eq!(
                flag,
                protocol.as_str().to_ascii_lowercase().replace('_', "-")
            );
        }
    }
}
