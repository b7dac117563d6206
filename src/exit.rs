//! How the tool ends when it prints no answer: what it prints, and its exit status.

use std::process::ExitCode;

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
Usage: sip-cause [--in-dialog] [--jssip|--linphone] <CODE|CAUSE|PHRASE|LINE>
       sip-cause q850|freeswitch|asterisk <CAUSE>
       sip-cause reason <VALUE>
       sip-cause table [--q850|--jssip|--freeswitch|--asterisk|--linphone|--gateways|--clients|--reason-protocols|--PROTOCOL] [--json]
Run `sip-cause --help` for more.
";

impl Exit {
    pub fn report(self) -> ExitCode {
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
