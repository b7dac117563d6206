//! The command line, parsed once into a [`Request`]. clap's mistakes become one line each,
//! written from clap's own error kind and context, never from its rendered text.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, ArgGroup, ArgMatches, Command};

use cause_core::ReasonProtocol;

use crate::exit::Exit;
use crate::registry;
use crate::trace::{self, Line};

/// What the person asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// A status code, a cause or a reason phrase, as typed; `jssip` for JsSIP's table.
    Lookup {
        query: String,
        in_dialog: bool,
        jssip: bool,
    },
    /// A status code, a reason or a reason phrase in liblinphone's table (`--linphone`).
    Linphone(String),
    /// A Q.850 cause, as typed.
    Q850(String),
    /// A FreeSWITCH hangup cause, as typed.
    FreeSwitch(String),
    /// An Asterisk hangup cause, as typed.
    Asterisk(String),
    /// A `Reason` header value, or a whole header line.
    Reason(String),
    /// A request line pasted from a trace (`BYE sip:bob@192.0.2.4 SIP/2.0`), and its method.
    Method { line: String, method: String },
    /// A whole table.
    Table { table: Table, json: bool },
}

/// Which table `sip-cause table` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Causes,
    Q850,
    JsSip,
    FreeSwitch,
    Asterisk,
    Linphone,
    /// The three gateways side by side, for the common causes.
    Gateways,
    /// The three client libraries side by side, for the codes their tables list.
    Clients,
    /// The IANA registry of `Reason` protocols.
    ReasonProtocols,
    /// The causes of one protocol of the registry.
    Protocol(ReasonProtocol),
}

/// The request of this process's command line.
pub fn parse() -> Result<Request, Exit> {
    parse_from(std::env::args_os())
}

/// The request of a command line, its first item the program.
fn parse_from(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Request, Exit> {
    let matches = command()
        .try_get_matches_from(subcommand_in_any_case(args))
        .map_err(clap_exit)?;
    // `sip-cause --jssip` alone asks for nothing: the usage, as for no argument. (Alone,
    // `--in-dialog` says what it needs.)
    let asked = matches.get_one::<String>("query").is_some() || matches.get_flag("in-dialog");
    if matches.subcommand().is_none() && !asked {
        return Err(Exit::Usage);
    }
    Ok(request(&matches))
}

/// The command line with its subcommand in lower case (`Reason`, `Q850`, `TABLE`), as people
/// type them; anything else as given.
fn subcommand_in_any_case(
    args: impl IntoIterator<Item = std::ffi::OsString>,
) -> Vec<std::ffi::OsString> {
    let mut args: Vec<_> = args.into_iter().collect();
    let names: Vec<String> = command()
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    let first = args
        .iter_mut()
        .skip(1)
        .find(|a| !a.to_string_lossy().starts_with('-'));
    if let Some(arg) = first {
        let lower = arg.to_string_lossy().to_ascii_lowercase();
        if names.contains(&lower) {
            *arg = lower.into();
        }
    }
    args
}

fn request(matches: &ArgMatches) -> Request {
    let text =
        |matches: &ArgMatches, id: &str| matches.get_one::<String>(id).cloned().unwrap_or_default();
    match matches.subcommand() {
        Some(("reason", reason)) => Request::Reason(text(reason, "value")),
        Some(("q850", q850)) => Request::Q850(text(q850, "cause")),
        Some(("freeswitch", cause)) => Request::FreeSwitch(text(cause, "cause")),
        Some(("asterisk", cause)) => Request::Asterisk(text(cause, "cause")),
        Some(("table", table)) => {
            let chosen = [
                ("q850", Table::Q850),
                ("jssip", Table::JsSip),
                ("freeswitch", Table::FreeSwitch),
                ("asterisk", Table::Asterisk),
                ("linphone", Table::Linphone),
                ("gateways", Table::Gateways),
                ("clients", Table::Clients),
            ];
            let protocols = registry::TABLES.map(|(flag, p)| (flag, Table::Protocol(p)));
            let chosen = (chosen.into_iter())
                .chain([("reason-protocols", Table::ReasonProtocols)])
                .chain(protocols)
                .find(|(flag, _)| table.get_flag(flag));
            Request::Table {
                table: chosen.map_or(Table::Causes, |(_, table)| table),
                json: table.get_flag("json"),
            }
        }
        _ if matches.get_flag("linphone") => Request::Linphone(text(matches, "query")),
        _ => {
            let query = text(matches, "query");
            let (in_dialog, jssip) = (matches.get_flag("in-dialog"), matches.get_flag("jssip"));
            // A line pasted from a trace is read for what it is; with an option that asks for
            // a code's mapping, only a status line makes sense, which the lookup reads.
            match trace::read(&query) {
                _ if in_dialog || jssip => Request::Lookup {
                    query,
                    in_dialog,
                    jssip,
                },
                Some(Line::Reason { .. }) => Request::Reason(query),
                Some(Line::Request { method }) => Request::Method {
                    method: method.to_owned(),
                    line: query,
                },
                _ => Request::Lookup {
                    query,
                    in_dialog,
                    jssip,
                },
            }
        }
    }
}

/// The command a misspelled one (`tabel`) most likely meant, as clap's own suggestions find
/// it (the query takes any word, so clap never sees it as a command).
pub fn suggested_command(word: &str) -> Option<String> {
    let commands = command().get_subcommands().cloned().collect::<Vec<_>>();
    let probe = Command::new("sip-cause").subcommands(commands);
    let error = probe
        .try_get_matches_from(["sip-cause", word.to_ascii_lowercase().as_str()])
        .err()?;
    match error.get(ContextKind::SuggestedSubcommand)? {
        ContextValue::String(command) => Some(command.clone()),
        ContextValue::Strings(commands) => commands.first().cloned(),
        _ => None,
    }
}

pub fn command() -> Command {
    Command::new("sip-cause")
        .about("Why a SIP request or session ended: the SIP.js failure and end causes")
        .version(env!("CARGO_PKG_VERSION"))
        .arg(
            Arg::new("query")
                .value_name("CODE|CAUSE|PHRASE|LINE")
                .allow_negative_numbers(true)
                .help(
                    "A status code (486), a cause constant (BUSY) or value (Busy), in any case, \
                     a reason phrase of any stack (Busy Here, Internal Server Error), or a line \
                     pasted from a trace: a status line (SIP/2.0 486 Busy Here), a Reason \
                     header line (Reason: Q.850;cause=34) or a request line",
                ),
        )
        .arg(
            Arg::new("jssip")
                .long("jssip")
                .action(ArgAction::SetTrue)
                .help("Look the code or cause up in JsSIP 3.13.8's table instead of SIP.js's"),
        )
        .arg(
            Arg::new("linphone")
                .long("linphone")
                .action(ArgAction::SetTrue)
                .conflicts_with_all(["jssip", "in-dialog"])
                .help(
                    "Look the code or reason up in liblinphone 5.1.65's table: what a Linphone \
                     call reports",
                ),
        )
        .arg(
            Arg::new("in-dialog")
                .long("in-dialog")
                .action(ArgAction::SetTrue)
                .help("Map the code as a response to a request sent inside a dialog"),
        )
        .subcommand(
            Command::new("table")
                .about("Print every cause, one markdown table per category")
                .arg(
                    Arg::new("json")
                        .long("json")
                        .action(ArgAction::SetTrue)
                        .help("Print the whole table as JSON, with the keys of its TOML file"),
                )
                .arg(table_flag(
                    "q850",
                    "the Q.850 table (one markdown table per class)",
                ))
                .arg(table_flag(
                    "jssip",
                    "JsSIP 3.13.8's causes (one markdown table per category)",
                ))
                .arg(table_flag("freeswitch", "FreeSWITCH's hangup causes"))
                .arg(table_flag("asterisk", "Asterisk's hangup causes"))
                .arg(table_flag(
                    "linphone",
                    "liblinphone 5.1.65's call end reasons",
                ))
                .arg(
                    table_flag("gateways", "RFC 3398, Asterisk and FreeSWITCH side by side")
                        .conflicts_with("json"),
                )
                .arg(
                    table_flag(
                        "clients",
                        "what SIP.js, JsSIP and liblinphone report for each code, side by side",
                    )
                    .conflicts_with("json"),
                )
                .arg(table_flag(
                    "reason-protocols",
                    "the IANA registry of Reason protocols, and what each one's causes are",
                ))
                .args(registry::TABLES.map(|(flag, protocol)| {
                    let what = format!("the {protocol} causes of the Reason registry");
                    table_flag(flag, &what).hide_short_help(true)
                }))
                .group(
                    ArgGroup::new("which")
                        .args([
                            "q850",
                            "jssip",
                            "freeswitch",
                            "asterisk",
                            "linphone",
                            "gateways",
                            "clients",
                            "reason-protocols",
                        ])
                        .args(registry::TABLES.map(|(flag, _)| flag)),
                ),
        )
        .subcommand(
            Command::new("reason")
                .about("Read a Reason header value (RFC 3326): each value and the cause it says")
                .arg(
                    Arg::new("value")
                        .value_name("VALUE")
                        .required(true)
                        .help("The header value, such as 'SIP ;cause=486 ;text=\"Busy Here\"'"),
                ),
        )
        .subcommand(pbx_command(
            "freeswitch",
            "A FreeSWITCH hangup cause (the response it sends, its Q.850 cause), or a response (the cause it records)",
            "A cause value (806), a name (USER_NOT_REGISTERED) or its C name \
             (SWITCH_CAUSE_USER_NOT_REGISTERED), in any case; or a response (480, sip:487, \
             SIP/2.0 480 Temporarily Unavailable): the cause FreeSWITCH records for it",
        ))
        .subcommand(pbx_command(
            "asterisk",
            "An Asterisk hangup cause (the response it sends, its Q.850 cause), or a response (the cause it records)",
            "A cause value (8), a name (PRE_EMPTED), an alias (BUSY), a C name (AST_CAUSE_BUSY) \
             or its text, in any case; or a response (480, sip:404): the cause Asterisk \
             records for it",
        ))
        .subcommand(
            Command::new("q850")
                .about("An ITU-T Q.850 cause: its SIP response (RFC 3398) and SIP cause")
                .arg(Arg::new("cause").value_name("CAUSE").required(true).help(
                    "A cause value (17), a FreeSWITCH name (USER_BUSY), an ITU name (User busy), \
                     an Asterisk alias (BUSY) or a C name of either (AST_CAUSE_BUSY), in any case",
                )),
        )
        .args_conflicts_with_subcommands(true)
        .arg_required_else_help(true)
}

/// `table --NAME`: print that table instead of the causes.
fn table_flag(name: &'static str, what: &str) -> Arg {
    Arg::new(name)
        .long(name)
        .action(ArgAction::SetTrue)
        .help(format!("Print {what} instead"))
}

/// `freeswitch CAUSE`, `asterisk CAUSE`.
fn pbx_command(name: &'static str, about: &'static str, help: &'static str) -> Command {
    let cause = Arg::new("cause")
        .value_name("CAUSE")
        .required(true)
        .help(help);
    Command::new(name).about(about).arg(cause)
}

/// How a clap error ends the tool: help and version printed, no argument the short usage, any
/// other mistake one line.
fn clap_exit(error: clap::Error) -> Exit {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => Exit::Shown(error),
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => Exit::Usage,
        _ => Exit::Error(format!("{} (see `sip-cause --help`)", clap_message(&error))),
    }
}

/// The one line for a clap error, from its kind and the arguments it names.
fn clap_message(error: &clap::Error) -> String {
    let context = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(value)) => value.clone(),
        Some(ContextValue::Strings(values)) => values.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let invalid = crate::text::quoted(&context(ContextKind::InvalidArg));
    // `486 487`: clap takes the second for a subcommand that conflicts with the first.
    let extra = crate::text::quoted(&context(ContextKind::InvalidSubcommand));
    match error.kind() {
        ErrorKind::ArgumentConflict if !extra.is_empty() => {
            format!("unexpected argument `{extra}`: one code or cause at a time")
        }
        ErrorKind::UnknownArgument if !invalid.starts_with('-') => {
            format!("unexpected argument `{invalid}`: one code or cause at a time")
        }
        ErrorKind::UnknownArgument => match context(ContextKind::SuggestedArg) {
            suggested if suggested.starts_with('-') => {
                format!("unknown option `{invalid}`: did you mean `{suggested}`?")
            }
            _ => format!("unknown option `{invalid}`"),
        },
        ErrorKind::InvalidSubcommand => format!("unknown command `{invalid}`"),
        ErrorKind::MissingRequiredArgument => format!("missing {invalid}"),
        ErrorKind::ArgumentConflict => {
            let prior = context(ContextKind::PriorArg);
            format!("`{invalid}` cannot be used with `{prior}`")
        }
        kind => {
            let what = kind
                .as_str()
                .unwrap_or("invalid command line")
                .to_lowercase();
            match invalid.is_empty() {
                true => what,
                false => format!("{what}: `{invalid}`"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_well_formed() {
        command().debug_assert();
    }

    fn parsed(args: &[&str]) -> Result<Request, String> {
        let args = std::iter::once("sip-cause").chain(args.iter().copied());
        match command().try_get_matches_from(args) {
            Ok(matches) => Ok(request(&matches)),
            Err(error) => Err(clap_message(&error)),
        }
    }

    #[test]
    fn each_form_is_one_request() {
        let lookup = |query: &str, in_dialog| Request::Lookup {
            query: query.into(),
            in_dialog,
            jssip: false,
        };
        assert_eq!(parsed(&["486"]), Ok(lookup("486", false)));
        assert_eq!(parsed(&["-1"]), Ok(lookup("-1", false)));
        assert_eq!(parsed(&["--in-dialog", "481"]), Ok(lookup("481", true)));
        assert_eq!(parsed(&["--in-dialog"]), Ok(lookup("", true)));
        let jssip = Request::Lookup {
            query: "424".into(),
            in_dialog: false,
            jssip: true,
        };
        assert_eq!(parsed(&["--jssip", "424"]), Ok(jssip));
        assert_eq!(parsed(&["q850", "17"]), Ok(Request::Q850("17".into())));
        assert_eq!(
            parsed(&["reason", "SIP"]),
            Ok(Request::Reason("SIP".into()))
        );
        let table = |table, json| Ok(Request::Table { table, json });
        assert_eq!(parsed(&["table"]), table(Table::Causes, false));
        assert_eq!(
            parsed(&["table", "--json", "--q850"]),
            table(Table::Q850, true)
        );
        assert_eq!(
            parsed(&["table", "--asterisk"]),
            table(Table::Asterisk, false)
        );
        assert_eq!(
            parsed(&["table", "--gateways"]),
            table(Table::Gateways, false)
        );
        assert_eq!(
            parsed(&["freeswitch", "806"]),
            Ok(Request::FreeSwitch("806".into()))
        );
        assert!(parsed(&["table", "--q850", "--asterisk"]).is_err());
        // A line pasted from a trace is read for what it is.
        let reason = "Reason: Q.850;cause=34";
        assert_eq!(parsed(&[reason]), Ok(Request::Reason(reason.into())));
        let bye = "BYE sip:bob@192.0.2.4 SIP/2.0";
        let method = Request::Method {
            line: bye.into(),
            method: "BYE".into(),
        };
        assert_eq!(parsed(&[bye]), Ok(method));
        let status = "SIP/2.0 486 Busy Here";
        assert_eq!(parsed(&[status]), Ok(lookup(status, false)));
        assert_eq!(suggested_command("tabel").as_deref(), Some("table"));
        assert_eq!(suggested_command("busy"), None);
    }

    #[test]
    fn mistakes_are_named_from_the_error_kind() {
        let unexpected = "unexpected argument `487`: one code or cause at a time";
        assert_eq!(parsed(&["486", "487"]), Err(unexpected.into()));
        assert_eq!(
            parsed(&["--colour"]),
            Err("unknown option `--colour`".into())
        );
        assert_eq!(
            parsed(&["table", "--csv"]),
            Err("unknown option `--csv`".into())
        );
        assert_eq!(parsed(&["reason"]), Err("missing <VALUE>".into()));
    }
}
