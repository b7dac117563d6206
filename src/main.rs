//! `sip-cause`: look up why a SIP request or session ended.
//!
//! ```text
//! sip-cause 486                  the code, its reason phrase and the cause it maps to
//! sip-cause --in-dialog 481      the same for a response to a request inside a dialog
//! sip-cause BUSY                 a cause by constant, value or alias, in any case
//! sip-cause 'Busy Here'          a reason phrase: its code, as above
//! sip-cause --jssip 424          a code or cause as JsSIP 3.13.8 sees it
//! sip-cause --linphone 486       a code or reason as liblinphone 5.1.65 reports it
//! sip-cause q850 17              a Q.850 cause, its SIP response and SIP cause
//! sip-cause freeswitch 806       a FreeSWITCH (or `asterisk`) hangup cause
//! sip-cause reason VALUE         the causes a `Reason` header value says
//! sip-cause table [--q850|--jssip|--freeswitch|--asterisk|--linphone|--gateways|--clients] [--json]
//!                                a whole table, as markdown or JSON
//! ```
//!
//! `args.rs` turns the command line into a [`args::Request`]; `lookup.rs` asks cause-core
//! what a query names; `describe.rs` and `table.rs` render the answers.

mod args;
mod describe;
mod gateways;
mod linphone;
mod lookup;
mod table;

use std::process::ExitCode;

use args::{Request, Table};

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
            lookup::Found::Code(code) if jssip => Ok(describe::jssip_code(code, in_dialog)),
            lookup::Found::Code(code) => Ok(describe::code(code, in_dialog)),
            lookup::Found::Cause(cause) => Ok(describe::cause(cause) + &also_a_phrase(&query)),
            lookup::Found::JsSip(cause) => {
                Ok(describe::jssip_cause(cause) + &also_a_phrase(&query))
            }
        },
        Request::Linphone(query) => Ok(match linphone::lookup(&query).map_err(Exit::Error)? {
            linphone::Found::Code(code) => linphone::code(code),
            linphone::Found::Reason(reason) => linphone::reason(reason) + &also_a_phrase(&query),
        }),
        Request::Q850(query) => Ok(describe::q850(lookup::q850(&query).map_err(Exit::Error)?)),
        Request::FreeSwitch(query) => {
            let cause = lookup::freeswitch(&query).map_err(Exit::Error)?;
            Ok(describe::pbx(&describe::PbxCause::freeswitch(cause)))
        }
        Request::Asterisk(query) => {
            let cause = lookup::asterisk(&query).map_err(Exit::Error)?;
            Ok(describe::pbx(&describe::PbxCause::asterisk(cause)))
        }
        Request::Reason(value) => describe::reason(&value).map_err(Exit::Error),
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
        }),
    }
}

/// A cause's name that is also a reason phrase (`Request Timeout`, a local cause and 408's
/// phrase) says so, with the command that looks the code up.
fn also_a_phrase(query: &str) -> String {
    match lookup::phrase_code(query) {
        Some(code) => format!(
            "also the reason phrase of {}: `sip-cause {code}`\n",
            describe::codes_text(&[code])
        ),
        None => String::new(),
    }
}

/// How the tool ends when it prints no answer.
pub enum Exit {
    /// `--help` or `--version`: clap prints it, on stdout, exit 0.
    Shown(clap::Error),
    /// No argument at all: the short usage on stderr, exit 2.
    Usage,
    /// Any mistake: one line on stderr, exit 2.
    Error(String),
}

/// What `sip-cause` alone prints.
const USAGE: &str = "\
Usage: sip-cause [--in-dialog] [--jssip|--linphone] <CODE|CAUSE|PHRASE>
       sip-cause q850|freeswitch|asterisk <CAUSE>
       sip-cause reason <VALUE>
       sip-cause table [--q850|--jssip|--freeswitch|--asterisk|--linphone|--gateways|--clients] [--json]
Run `sip-cause --help` for more.
";

impl Exit {
    fn report(self) -> ExitCode {
        match self {
            Exit::Shown(help) => {
                let _ = help.print();
                ExitCode::SUCCESS
            }
            Exit::Usage => {
                eprint!("{USAGE}");
                ExitCode::from(2)
            }
            Exit::Error(message) => {
                eprintln!("sip-cause: error: {message}");
                ExitCode::from(2)
            }
        }
    }
}
