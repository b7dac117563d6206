//! `sip-cause`: look up why a SIP request or session ended.
//!
//! ```text
//! sip-cause 486                  the code, its reason phrase and the cause it maps to
//! sip-cause --in-dialog 481      the same for a response to a request inside a dialog
//! sip-cause BUSY                 a cause by constant, value or alias, in any case
//! sip-cause 'Busy Here'          a reason phrase, of any stack: its code, as above
//! sip-cause 'SIP/2.0 486 Busy Here'  a line pasted from a trace: a status line as its code,
//!                                a `Reason:` header line as `reason` reads it, a request line
//! sip-cause --jssip 424          a code or cause as JsSIP 3.13.8 sees it
//! sip-cause --linphone 486       a code or reason as liblinphone 5.1.65 reports it
//! sip-cause q850 17              a Q.850 cause, its SIP response and SIP cause
//! sip-cause freeswitch 806       a FreeSWITCH (or `asterisk`) hangup cause
//! sip-cause freeswitch 480       the cause it records for a response, and what it relays
//! sip-cause reason VALUE         the causes a `Reason` header value says
//! sip-cause table [--q850|--jssip|--freeswitch|--asterisk|--linphone|--gateways|--clients] [--json]
//!                                a whole table, as markdown or JSON
//! sip-cause table --reason-protocols  the Reason registry; `--emm`, `--5gmm`, `--s1ap-rnl`...
//!                                each protocol's causes
//! ```
//!
//! `args.rs` turns the command line into a [`args::Request`]; `lookup.rs` asks cause-core
//! what a query names; `describe.rs`, `table.rs`, `gateways.rs`, `linphone.rs` and
//! `registry.rs` (the Reason protocols) render the answers, from the pieces of `text.rs`; `exit.rs` ends the tool without one. Imports go one
//! way: no file uses one that uses it back (`tests::no_file_imports_one_that_imports_it`).

mod args;
mod describe;
mod exit;
mod gateways;
mod linphone;
mod lookup;
mod phrases;
mod registry;
mod table;
mod text;
mod trace;

use std::process::ExitCode;

use args::{Request, Table};
use cause_core::Gateway;
use exit::Exit;
use lookup::Pbx;

fn main() -> ExitCode {
    match args::parse().and_then(run) {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(exit) => exit.report(),
    }
}

/// What the request asks for, rendered.
fn run(request: Request) -> Result<String, Exit> {
    match request {
        Request::Lookup {
            query,
            in_dialog,
            jssip,
        } => match lookup::query(&query, in_dialog, jssip).map_err(Exit::Error)? {
            lookup::Found::Code(code, given) if jssip => {
                Ok(describe::jssip_code(code, given.as_ref(), in_dialog))
            }
            lookup::Found::Code(code, given) => Ok(describe::code(code, given.as_ref(), in_dialog)),
            lookup::Found::Cause(cause) => Ok(describe::cause(cause) + &also_a_phrase(&query)),
            lookup::Found::JsSip(cause) => {
                Ok(describe::jssip_cause(cause) + &also_a_phrase(&query))
            }
        },
        Request::Linphone(query) => Ok(match linphone::lookup(&query).map_err(Exit::Error)? {
            linphone::Found::Code(code, given) => linphone::code(code, given.as_ref()),
            linphone::Found::Reason(reason) => linphone::reason(reason) + &also_a_phrase(&query),
        }),
        Request::Q850(query) => Ok(describe::q850(lookup::q850(&query).map_err(Exit::Error)?)),
        Request::FreeSwitch(query) => {
            Ok(match lookup::freeswitch(&query).map_err(Exit::Error)? {
                Pbx::Cause(cause) => describe::pbx(&describe::PbxCause::freeswitch(cause)),
                Pbx::Response(code, given) => {
                    describe::pbx_response(Gateway::FreeSwitch, code, given.as_ref())
                }
            })
        }
        Request::Asterisk(query) => Ok(match lookup::asterisk(&query).map_err(Exit::Error)? {
            Pbx::Cause(cause) => describe::pbx(&describe::PbxCause::asterisk(cause)),
            Pbx::Response(code, given) => {
                describe::pbx_response(Gateway::Asterisk, code, given.as_ref())
            }
        }),
        Request::Reason(value) => describe::reason(&value).map_err(Exit::Error),
        Request::Method { line, method } => {
            describe::request_line(&line, &method).map_err(Exit::Error)
        }
        Request::Table { table, json } => Ok(match (table, json) {
            (Table::Causes, false) => table::causes_markdown(),
            (Table::Causes, true) => table::causes_json(),
            (Table::Q850, false) => table::q850_markdown(),
            (Table::Q850, true) => table::q850_json(),
            (Table::JsSip, false) => table::jssip_markdown(),
            (Table::JsSip, true) => table::jssip_json(),
            (Table::FreeSwitch, false) => table::freeswitch_markdown(),
            (Table::FreeSwitch, true) => table::freeswitch_json(),
            (Table::Asterisk, false) => table::asterisk_markdown(),
            (Table::Asterisk, true) => table::asterisk_json(),
            (Table::Linphone, false) => linphone::markdown(),
            (Table::Linphone, true) => linphone::json(),
            // clap refuses `--gateways --json` and `--clients --json`.
            (Table::Gateways, _) => gateways::gateways_markdown(),
            (Table::Clients, _) => linphone::clients_markdown(),
            (Table::ReasonProtocols, false) => registry::protocols_markdown(),
            (Table::ReasonProtocols, true) => registry::protocols_json(),
            (Table::Protocol(protocol), false) => registry::protocol_markdown(protocol),
            (Table::Protocol(protocol), true) => registry::protocol_json(protocol),
        }),
    }
}

/// A cause's name that is also a reason phrase (`Request Timeout`, a local cause and 408's
/// phrase) says so, with the command that looks the code up.
fn also_a_phrase(query: &str) -> String {
    match lookup::phrase_code(query) {
        Some(code) => format!(
            "also the reason phrase of {}: `sip-cause {code}`\n",
            text::codes_text(&[code])
        ),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    /// Each file of the tool and the files it names as `crate::NAME`.
    fn imports() -> BTreeMap<String, BTreeSet<String>> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut imports = BTreeMap::new();
        for entry in std::fs::read_dir(dir).expect("src/ is readable") {
            let path = entry.expect("an entry of src/").path();
            let Some(name) = path.file_stem().and_then(|n| n.to_str()) else {
                continue;
            };
            if name == "main" || path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let source = std::fs::read_to_string(&path).expect("a source file");
            let used = source.split("crate::").skip(1).filter_map(|rest| {
                let end = rest.find(|c: char| !c.is_ascii_alphanumeric() && c != '_');
                let module = &rest[..end.unwrap_or(rest.len())];
                (module != name).then(|| module.to_owned())
            });
            imports.insert(name.to_owned(), used.collect());
        }
        imports
    }

    #[test]
    fn no_file_imports_one_that_imports_it() {
        let imports = imports();
        assert!(imports.contains_key("describe") && imports.contains_key("text"));
        // main.rs uses every file, so an item of its own used elsewhere is a circle too.
        for (file, used) in &imports {
            for module in used {
                assert!(
                    imports.contains_key(module),
                    "{file}.rs uses main.rs's {module}"
                );
            }
        }
        // Walk from each file along its imports: it must never come back to itself.
        for start in imports.keys() {
            let mut seen = BTreeSet::new();
            let mut next: Vec<&String> = imports[start].iter().collect();
            while let Some(file) = next.pop() {
                assert_ne!(file, start, "{start}.rs is imported back: {imports:?}");
                if seen.insert(file) {
                    next.extend(imports.get(file).into_iter().flatten());
                }
            }
        }
    }
}
