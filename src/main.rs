//! `sip-cause`: look up why a SIP request or session ended.
//!
//! ```text
//! sip-cause 486              the code, its reason phrase and the cause it maps to
//! sip-cause --in-dialog 481  the same for a response to a request inside a dialog
//! sip-cause BUSY             a cause by constant or value ("Busy"), with its codes
//! sip-cause table [--json]   the whole table, as markdown or JSON
//! sip-cause reason VALUE     the causes a `Reason` header value says
//! ```

use std::fmt::Write as _;
use std::process::ExitCode;

use cause_core::{Category, Cause, Q850, Reason, reason_phrase};
use clap::{Arg, ArgAction, ArgMatches, Command};
use serde::Serialize;

// The rules the generated rustdoc writes its tables by, so that both tables read alike.
use cause_gen::markdown::{code_span, table_cell};

/// The status codes the tool accepts: SIP's classes 1xx to 6xx.
const CODES: std::ops::RangeInclusive<u16> = 100..=699;

fn main() -> ExitCode {
    let matches = match command().try_get_matches() {
        Ok(matches) => matches,
        Err(error) => return command_line_error(&error),
    };
    match run(&matches) {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("sip-cause: error: {message}");
            ExitCode::from(2)
        }
    }
}

/// What `sip-cause` alone prints: the short usage, on stderr, exit 2.
const USAGE: &str = "\
Usage: sip-cause [--in-dialog] <CODE|CAUSE>
       sip-cause table [--json]
       sip-cause reason <VALUE>
Run `sip-cause --help` for more.
";

/// Help and version as clap prints them; no argument, the short usage; any other mistake on
/// the command line, one line on stderr. Both mistakes exit with status 2.
fn command_line_error(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = error.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
        _ => {
            // clap's message is its first paragraph ("...not provided:\n  <VALUE>"); tips and
            // usage follow after a blank line.
            let rendered = error.render().to_string();
            let paragraph: Vec<&str> = rendered
                .lines()
                .take_while(|line| !line.trim().is_empty())
                .map(str::trim)
                .collect();
            let message = paragraph.join(" ");
            let message = message.strip_prefix("error: ").unwrap_or(&message);
            eprintln!("sip-cause: error: {message} (see `sip-cause --help`)");
            ExitCode::from(2)
        }
    }
}

fn command() -> Command {
    Command::new("sip-cause")
        .about("Why a SIP request or session ended: the SIP.js failure and end causes")
        .version(env!("CARGO_PKG_VERSION"))
        .arg(
            Arg::new("query")
                .value_name("CODE|CAUSE")
                .num_args(1..)
                .allow_negative_numbers(true)
                .help("A status code (486), a cause constant (BUSY) or a cause value (Busy)"),
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
                        .help("Print the whole table as JSON instead"),
                )
                .arg(
                    Arg::new("q850")
                        .long("q850")
                        .action(ArgAction::SetTrue)
                        .conflicts_with("json")
                        .help("Print the Q.850 table, one markdown table per class, instead"),
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
        .subcommand(
            Command::new("q850")
                .about("An ITU-T Q.850 cause: its SIP response (RFC 3398) and SIP cause")
                .arg(Arg::new("cause").value_name("CAUSE").required(true).help(
                    "A cause value (17), a FreeSWITCH name (USER_BUSY) or an ITU name (User busy)",
                )),
        )
        .args_conflicts_with_subcommands(true)
        .arg_required_else_help(true)
}

fn run(matches: &ArgMatches) -> Result<String, String> {
    if let Some(reason) = matches.subcommand_matches("reason") {
        let value = reason.get_one::<String>("value").map_or("", String::as_str);
        return describe_reason(value);
    }
    if let Some(q850) = matches.subcommand_matches("q850") {
        let query = q850.get_one::<String>("cause").map_or("", String::as_str);
        return describe_q850(query.trim());
    }
    if let Some(table) = matches.subcommand_matches("table") {
        return if table.get_flag("json") {
            Ok(table_json())
        } else if table.get_flag("q850") {
            Ok(q850_table_markdown())
        } else {
            Ok(table_markdown())
        };
    }
    let queries: Vec<&String> = matches.get_many("query").into_iter().flatten().collect();
    let in_dialog = matches.get_flag("in-dialog");
    let query = match queries.as_slice() {
        [] if in_dialog => {
            return Err(
                "--in-dialog needs a status code, as in `sip-cause --in-dialog 481`".into(),
            );
        }
        [] => return Err(format!("no argument: {EXPECTED}")),
        [query] => query.trim(),
        more => {
            let given: Vec<&str> = more.iter().map(|q| q.as_str()).collect();
            return Err(format!(
                "one code or cause at a time, not {} (`{}`)",
                more.len(),
                given.join(" ")
            ));
        }
    };
    if query.is_empty() {
        return Err(format!("empty argument: {EXPECTED}"));
    }
    if looks_like_a_number(query) {
        return describe_code(query, in_dialog);
    }
    if in_dialog {
        return Err(format!(
            "--in-dialog maps a status code, not `{query}`: give a code in 100..=699"
        ));
    }
    match find_cause(query) {
        Some(cause) => Ok(describe_cause(cause)),
        None => Err(match suggestion(query) {
            Some(near) => format!("`{query}` is no status code, constant or value: {near}"),
            None => format!("`{query}` is no status code, constant or value: {EXPECTED}"),
        }),
    }
}

/// `486`, `-1`, `+7`: what a person means as a number, in range or not.
fn looks_like_a_number(query: &str) -> bool {
    let digits = query.strip_prefix(['-', '+']).unwrap_or(query);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A cause by constant, value or alias: exactly as written first, then in any case.
fn find_cause(query: &str) -> Option<Cause> {
    let exact = Cause::from_name(query).or_else(|| query.parse().ok());
    exact.or_else(|| {
        Cause::ALL
            .iter()
            .copied()
            .find(|&cause| names_of(cause).any(|name| name.eq_ignore_ascii_case(query)))
    })
}

/// Every name a cause is known by: its constant, its value and its aliases.
fn names_of(cause: Cause) -> impl Iterator<Item = &'static str> {
    [cause.name(), cause.as_str()]
        .into_iter()
        .chain(cause.aliases().iter().copied())
}

/// `did you mean `CANCELED` ("Canceled")?` for a near miss of a constant, value or alias.
fn suggestion(query: &str) -> Option<String> {
    let query = query.to_lowercase();
    let distance = |cause: &Cause| {
        names_of(*cause)
            .map(|name| {
                let name = name.to_lowercase();
                (strsim::osa_distance(&query, &name), name.chars().count())
            })
            .min()
    };
    let best = Cause::ALL
        .iter()
        .filter_map(|cause| Some((distance(cause)?, *cause)))
        .min_by_key(|((d, _), _)| *d);
    match best {
        // A slip of about one character in three, as the table errors suggest.
        Some(((d, len), cause)) if d <= (len / 3).max(1) => Some(format!(
            "did you mean `{}` ({:?})?",
            cause.name(),
            cause.as_str()
        )),
        _ => None,
    }
}

const EXPECTED: &str = "expected a status code in 100..=699 (486), a cause constant (BUSY) \
                        or a cause value (\"Busy\"); `sip-cause table` lists them all";

/// `486` → the code, its reason phrase and its cause.
fn describe_code(query: &str, in_dialog: bool) -> Result<String, String> {
    let code = query
        .strip_prefix('+')
        .unwrap_or(query)
        .parse::<u16>()
        .ok()
        .filter(|code| CODES.contains(code))
        .ok_or_else(|| format!("status code {query} is out of range: expected 100..=699"))?;
    let mut out = match reason_phrase(code) {
        Some(phrase) => format!("{code} {phrase}\n"),
        None => format!("{code} (no registered reason phrase)\n"),
    };
    let cause = if in_dialog {
        Cause::for_in_dialog_failure(code)
    } else {
        Cause::for_failure_response(code)
    };
    match cause {
        Some(cause) => {
            let _ = writeln!(out, "cause: {}", headline(cause));
            if let Some(q850) = Q850::from_status_code(code) {
                let _ = writeln!(out, "q850: {}", q850_headline(q850));
            }
            let _ = writeln!(out, "{}", cause.description());
        }
        None => {
            let range = Cause::FAILURE_CODES;
            let _ = writeln!(
                out,
                "cause: none ({code} is not a final failure response, {}..={})",
                range.start(),
                range.end()
            );
        }
    }
    Ok(out)
}

/// Each value of a `Reason` header and the cause it says; an error names the byte.
fn describe_reason(value: &str) -> Result<String, String> {
    let mut out = String::new();
    for reason in Reason::parse_list(value) {
        let reason = reason.map_err(|e| format!("invalid Reason value {value:?}: {e}"))?;
        let _ = writeln!(out, "reason: {reason}");
        match Cause::from_reason(&reason) {
            Some(cause) => {
                let _ = writeln!(out, "cause: {}", headline(cause));
            }
            None if !["SIP", "Q.850"]
                .iter()
                .any(|p| reason.protocol().eq_ignore_ascii_case(p)) =>
            {
                let _ = writeln!(
                    out,
                    "cause: none (protocol {} is neither SIP nor Q.850)",
                    reason.protocol()
                );
            }
            None => {
                let why = match reason.cause() {
                    Some(code) => format!("{code} is not a final failure response"),
                    None => "no cause code".to_owned(),
                };
                let _ = writeln!(out, "cause: none ({why})");
            }
        }
    }
    Ok(out)
}

/// `17 USER_BUSY "User busy" (Normal event)`
fn q850_headline(q850: Q850) -> String {
    format!(
        "{} {} {:?} ({})",
        q850.code(),
        q850.name(),
        q850.as_str(),
        q850.category()
    )
}

/// A Q.850 cause by value, name or ITU name: its class, SIP response and SIP cause.
fn describe_q850(query: &str) -> Result<String, String> {
    let q850 = match query.parse::<u16>() {
        Ok(code) => Q850::from_code(code).ok_or_else(|| {
            format!("{code} is no Q.850 cause value: `sip-cause table --q850` lists them")
        })?,
        Err(_) => Q850::from_name(query)
            .or_else(|| query.parse().ok())
            .or_else(|| {
                Q850::ALL.iter().copied().find(|q| {
                    q.name().eq_ignore_ascii_case(query) || q.as_str().eq_ignore_ascii_case(query)
                })
            })
            .ok_or_else(|| {
                format!("`{query}` is no Q.850 cause: give a cause value (17), a name (USER_BUSY) or an ITU name (\"User busy\")")
            })?,
    };
    let mut out = format!("{}\n", q850_headline(q850));
    match q850.response() {
        Some(code) => {
            let _ = writeln!(out, "response: {} (RFC 3398)", codes_text(&[code]));
        }
        None => out.push_str("response: none (RFC 3398 gives none)\n"),
    }
    match q850.cause() {
        Some(cause) => {
            let _ = writeln!(out, "cause: {}", headline(cause));
        }
        None => out.push_str("cause: none\n"),
    }
    let _ = writeln!(out, "{}", q850.description());
    Ok(out)
}

/// `BUSY "Busy" (SIP error causes)`
fn headline(cause: Cause) -> String {
    format!(
        "{} {:?} ({})",
        cause.name(),
        cause.as_str(),
        cause.category()
    )
}

/// A cause with its codes, aliases and description.
fn describe_cause(cause: Cause) -> String {
    let mut out = format!("{}\n", headline(cause));
    if cause == Cause::FALLBACK {
        let _ = writeln!(out, "status codes: {}", fallback_codes_text());
    }
    if !cause.status_codes().is_empty() {
        let _ = writeln!(out, "status codes: {}", codes_text(cause.status_codes()));
    }
    if !cause.in_dialog_status_codes().is_empty() {
        let codes = codes_text(cause.in_dialog_status_codes());
        let _ = writeln!(out, "in-dialog status codes: {codes}");
    }
    if !cause.aliases().is_empty() {
        let aliases: Vec<String> = cause.aliases().iter().map(|a| format!("{a:?}")).collect();
        let _ = writeln!(out, "also parsed from: {}", aliases.join(", "));
    }
    if let Some(response) = cause.response() {
        let _ = writeln!(out, "response: {}", codes_text(&[response]));
    }
    if let Some(reason) = cause.reason() {
        let _ = writeln!(out, "Reason: {reason}");
    }
    if let Some(q850) = cause.q850() {
        let _ = writeln!(out, "q850: {}", q850_headline(q850));
    }
    let _ = writeln!(out, "{}", cause.description());
    out
}

/// What the fallback cause's codes are: all the failure responses the others leave.
fn fallback_codes_text() -> String {
    let range = Cause::FAILURE_CODES;
    format!(
        "every failure response ({}..={}) no other cause lists",
        range.start(),
        range.end()
    )
}

/// `486 Busy Here, 600 Busy Everywhere`
fn codes_text(codes: &[u16]) -> String {
    let codes: Vec<String> = codes
        .iter()
        .map(|&code| match reason_phrase(code) {
            Some(phrase) => format!("{code} {phrase}"),
            None => code.to_string(),
        })
        .collect();
    codes.join(", ")
}

fn table_markdown() -> String {
    let mut out = String::new();
    for &category in Category::ALL {
        let _ = writeln!(out, "## {category}\n");
        out.push_str("| Constant | Value | Status codes | Response | Description |\n");
        out.push_str("|----------|-------|--------------|----------|-------------|\n");
        for &cause in category.causes() {
            let mut codes = if cause == Cause::FALLBACK {
                fallback_codes_text()
            } else {
                codes_text(cause.status_codes())
            };
            if !cause.in_dialog_status_codes().is_empty() {
                let separator = if codes.is_empty() { "" } else { "; " };
                let in_dialog = codes_text(cause.in_dialog_status_codes());
                let _ = write!(codes, "{separator}in a dialog: {in_dialog}");
            }
            let response = cause.response().map(|code| codes_text(&[code]));
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                table_cell(&code_span(cause.name())),
                table_cell(&code_span(cause.as_str())),
                table_cell(&codes),
                table_cell(&response.unwrap_or_default()),
                table_cell(cause.description())
            );
        }
        out.push('\n');
    }
    out
}

/// The Q.850 causes, one markdown table per class, with their RFC 3398 mappings.
fn q850_table_markdown() -> String {
    let mut out = String::new();
    for &class in cause_core::Q850Class::ALL {
        let _ = writeln!(out, "## {class}\n");
        out.push_str("| Value | Name | ITU name | SIP response | From SIP | Description |\n");
        out.push_str("|-------|------|----------|--------------|----------|-------------|\n");
        for &q850 in class.causes() {
            let response = q850.response().map(|code| codes_text(&[code]));
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                q850.code(),
                table_cell(&code_span(q850.name())),
                table_cell(q850.as_str()),
                table_cell(&response.unwrap_or_default()),
                table_cell(&codes_text(q850.status_codes())),
                table_cell(q850.description())
            );
        }
        out.push('\n');
    }
    out
}

/// The table as JSON, with the keys of `causes.toml`.
#[derive(Serialize)]
struct JsonTable {
    failure: JsonFailure,
    category: Vec<JsonCategory>,
    cause: Vec<JsonCause>,
    #[serde(rename = "reason-phrases")]
    reason_phrases: std::collections::BTreeMap<u16, &'static str>,
}

#[derive(Serialize)]
struct JsonFailure {
    codes: [u16; 2],
    fallback: &'static str,
}

#[derive(Serialize)]
struct JsonCategory {
    key: &'static str,
    title: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct JsonCause {
    constant: &'static str,
    value: &'static str,
    category: &'static str,
    description: &'static str,
    status_codes: &'static [u16],
    in_dialog_status_codes: &'static [u16],
    #[serde(skip_serializing_if = "Option::is_none")]
    response: Option<u16>,
    aliases: &'static [&'static str],
}

fn table_json() -> String {
    let range = Cause::FAILURE_CODES;
    let table = JsonTable {
        failure: JsonFailure {
            codes: [*range.start(), *range.end()],
            fallback: Cause::FALLBACK.name(),
        },
        category: Category::ALL
            .iter()
            .map(|c| JsonCategory {
                key: c.key(),
                title: c.title(),
            })
            .collect(),
        cause: Cause::ALL
            .iter()
            .map(|&c| JsonCause {
                constant: c.name(),
                value: c.as_str(),
                category: c.category().key(),
                description: c.description(),
                status_codes: c.status_codes(),
                in_dialog_status_codes: c.in_dialog_status_codes(),
                response: c.response(),
                aliases: c.aliases(),
            })
            .collect(),
        reason_phrases: CODES
            .filter_map(|code| Some((code, reason_phrase(code)?)))
            .collect(),
    };
    // Strings, integers and maps with integer keys: serializing cannot fail.
    let mut json = serde_json::to_string_pretty(&table).expect("the table serializes");
    json.push('\n');
    json
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_well_formed() {
        command().debug_assert();
    }

    #[test]
    fn table_cells_follow_the_rules_of_the_docs() {
        let tricky = "a | b\n<script>x</script> `c|d` # e";
        assert_eq!(
            table_cell(tricky),
            "a \\| b &lt;script&gt;x&lt;/script&gt; `c\\|d` # e"
        );
        assert_eq!(table_cell(&code_span("a`b")), "``a`b``");
        assert_eq!(table_cell(""), "\u{2014}");
        let table = table_markdown();
        assert!(
            table.contains("| `SIP_FAILURE_CODE` | `SIP Failure Code` | every failure response (300..=699) no other cause lists | \u{2014} |"),
            "{table}"
        );
        for line in table.lines().filter(|l| l.starts_with("| `")) {
            assert_eq!(line.matches(" | ").count(), 4, "{line}");
        }
    }
}
