//! One rule for every table: every row of every table written (as its constant) and read back
//! through JSON, alone and as a map key, from each of its spellings, and through the `serde_as`
//! adapters; the group types and `Gateway`; what a gateway decides, in a call record; and the
//! front page's table of spellings, read from cause-core's docs and checked for every type it
//! names.

use std::collections::{BTreeMap, HashMap};
use std::fmt::{Debug, Display};
use std::hash::Hash;
use std::str::FromStr;

use cause_core::{
    AsteriskCause, Category, Cause, DiameterCause, EmmCause, EsmCause, FailureCause, FiveGmmCause,
    FiveGsmCause, FreeSwitchCategory, FreeSwitchCause, Gateway, Ikev2Cause, JsSipCategory,
    JsSipCause, LinphoneReason, Location, NgapMiscCause, NgapNasCause, NgapProtCause, NgapRnlCause,
    NgapTlCause, PreemptionCause, Q850, Q850Class, ReasonProtocol, ReleaseCause, S1apMiscCause,
    S1apNasCause, S1apProtCause, S1apRnlCause, S1apTlCause, StirCause,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// What the rule needs of a table's enum, from the generated API.
trait Table:
    Copy + Eq + Hash + Ord + Debug + Display + FromStr + Serialize + DeserializeOwned + 'static
{
    const ALL: &'static [Self];
    fn value(self) -> &'static str;
    fn constant(self) -> &'static str;
    fn aliases(self) -> &'static [&'static str];
    fn code(self) -> Option<u16>;
    fn find(text: &str) -> Option<Self>;
}

macro_rules! table {
    ($ty:ty, $code:expr) => {
        impl Table for $ty {
            const ALL: &'static [Self] = <$ty>::ALL;
            fn value(self) -> &'static str {
                self.as_str()
            }
            fn constant(self) -> &'static str {
                self.name()
            }
            fn aliases(self) -> &'static [&'static str] {
                <$ty>::aliases(self)
            }
            fn code(self) -> Option<u16> {
                $code(self)
            }
            fn find(text: &str) -> Option<Self> {
                <$ty>::find(text)
            }
        }
    };
}

table!(Cause, |_| None);
table!(JsSipCause, |_| None);
table!(Q850, |c: Q850| Some(c.code()));
table!(FreeSwitchCause, |c: FreeSwitchCause| Some(c.code()));
table!(AsteriskCause, |c: AsteriskCause| Some(c.code()));
table!(LinphoneReason, |c: LinphoneReason| Some(c.code()));
table!(ReasonProtocol, |_| None);

/// The tables of the Reason protocols, all of one shape (a code on every row): `$each!(Type)`
/// for each.
macro_rules! for_each_protocol_table {
    ($each:ident) => {
        $each!(PreemptionCause);
        $each!(EmmCause);
        $each!(EsmCause);
        $each!(S1apRnlCause);
        $each!(S1apTlCause);
        $each!(S1apNasCause);
        $each!(S1apMiscCause);
        $each!(S1apProtCause);
        $each!(DiameterCause);
        $each!(Ikev2Cause);
        $each!(ReleaseCause);
        $each!(FailureCause);
        $each!(StirCause);
        $each!(FiveGmmCause);
        $each!(FiveGsmCause);
        $each!(NgapRnlCause);
        $each!(NgapTlCause);
        $each!(NgapNasCause);
        $each!(NgapMiscCause);
        $each!(NgapProtCause);
    };
}

macro_rules! coded_table {
    ($ty:ident) => {
        table!($ty, |c: $ty| Some(c.code()));
    };
}
for_each_protocol_table!(coded_table);

/// The spellings of a row that are its own: a spelling two rows share (a constant spelled like
/// another row's value) reads as the first row in the order value, alias, constant, code.
fn owned_spellings<T: Table>(cause: T) -> Vec<String> {
    let mut spellings = vec![cause.value().to_owned()];
    spellings.extend(cause.aliases().iter().map(|a| (*a).to_owned()));
    spellings.push(cause.constant().to_owned());
    spellings.extend(cause.code().map(|c| c.to_string()));
    let earlier = |s: &str| {
        T::ALL
            .iter()
            .any(|&other| other != cause && (other.value() == s || other.aliases().contains(&s)))
    };
    spellings.retain(|s| !earlier(s));
    spellings
}

fn every_row_round_trips<T: Table>()
where
    <T as FromStr>::Err: Debug,
{
    let mut counts = HashMap::new();
    for &cause in T::ALL {
        let json = serde_json::to_string(&cause).unwrap();
        // The constant, the row's stable identifier, whatever `Display` writes.
        assert_eq!(json, format!("\"{}\"", cause.constant()));
        assert_eq!(cause.to_string(), cause.value());
        assert_eq!(serde_json::from_str::<T>(&json).unwrap(), cause, "{json}");
        for spelling in owned_spellings(cause) {
            assert_eq!(spelling.parse::<T>().ok(), Some(cause), "{spelling:?}");
            let json = serde_json::to_string(&spelling).unwrap();
            assert_eq!(serde_json::from_str::<T>(&json).unwrap(), cause, "{json}");
            assert_eq!(T::find(&spelling), Some(cause), "{spelling:?}");
            let loose = format!("  {}\t", spelling.to_ascii_lowercase());
            assert!(T::find(&loose).is_some(), "{loose:?}");
        }
        if let Some(code) = cause.code() {
            assert_eq!(serde_json::from_str::<T>(&code.to_string()).unwrap(), cause);
            // Map keys are strings: the code in digits reads as the cause.
            let keyed: BTreeMap<T, u32> =
                serde_json::from_str(&format!("{{\"{code}\": 3}}")).unwrap();
            assert_eq!(keyed.into_iter().collect::<Vec<_>>(), [(cause, 3)]);
        }
        counts.insert(cause, 1_u32);
    }
    // Every row as a map key, written as its constant and read back.
    let json = serde_json::to_string(&counts).unwrap();
    assert_eq!(
        serde_json::from_str::<HashMap<T, u32>>(&json).unwrap(),
        counts
    );
    assert!(
        json.contains(&format!("\"{}\":1", T::ALL[0].constant())),
        "{json}"
    );
}

/// The `serde_as` adapters on every row: the code as a number, the value as text, each read
/// back, and the value's other spellings read by the text adapter too.
fn every_row_round_trips_through_the_adapters<T>(code: bool)
where
    T: Table + Into<&'static str> + TryFrom<u16> + Into<u16>,
    <T as FromStr>::Err: Debug + Display,
    <T as TryFrom<u16>>::Error: Display,
{
    #[derive(serde::Serialize, serde::Deserialize)]
    #[serde(bound = "")]
    struct AsText<T: Table + Into<&'static str>>
    where
        <T as FromStr>::Err: Display,
    {
        #[serde(with = "cause_core::serde_as::text")]
        cause: T,
    }
    for &cause in T::ALL {
        let json = serde_json::to_string(&AsText { cause }).unwrap();
        assert_eq!(
            json,
            format!(
                "{{\"cause\":{}}}",
                serde_json::to_string(cause.value()).unwrap()
            )
        );
        assert_eq!(
            serde_json::from_str::<AsText<T>>(&json).unwrap().cause,
            cause
        );
        for spelling in owned_spellings(cause) {
            let json = format!(
                "{{\"cause\":{}}}",
                serde_json::to_string(&spelling).unwrap()
            );
            assert_eq!(
                serde_json::from_str::<AsText<T>>(&json).unwrap().cause,
                cause
            );
        }
        if code {
            let number = cause.code().expect("a code");
            let mut out = serde_json::Serializer::new(Vec::new());
            cause_core::serde_as::code::serialize(&cause, &mut out).unwrap();
            assert_eq!(out.into_inner(), number.to_string().into_bytes());
            let digits = number.to_string();
            let mut input = serde_json::Deserializer::from_str(&digits);
            let back: T = cause_core::serde_as::code::deserialize(&mut input).unwrap();
            assert_eq!(back, cause);
        }
    }
}

#[test]
fn every_row_of_every_table_round_trips_through_the_adapters() {
    every_row_round_trips_through_the_adapters::<Q850>(true);
    every_row_round_trips_through_the_adapters::<FreeSwitchCause>(true);
    every_row_round_trips_through_the_adapters::<AsteriskCause>(true);
    every_row_round_trips_through_the_adapters::<LinphoneReason>(true);
    macro_rules! adapters {
        ($ty:ident) => {
            every_row_round_trips_through_the_adapters::<$ty>(true);
        };
    }
    for_each_protocol_table!(adapters);
    // The tables without codes have only the text adapter.
    text_adapter_round_trips::<Cause>();
    text_adapter_round_trips::<JsSipCause>();
    let mut input = serde_json::Deserializer::from_str("128");
    let error = cause_core::serde_as::code::deserialize::<Q850, _>(&mut input).unwrap_err();
    assert!(error.to_string().contains("128"), "{error}");
}

fn text_adapter_round_trips<T: Table + Into<&'static str>>()
where
    <T as FromStr>::Err: Debug + Display,
{
    for &cause in T::ALL {
        let mut out = serde_json::Serializer::new(Vec::new());
        cause_core::serde_as::text::serialize(&cause, &mut out).unwrap();
        let json = String::from_utf8(out.into_inner()).unwrap();
        assert_eq!(json, serde_json::to_string(cause.value()).unwrap());
        let mut input = serde_json::Deserializer::from_str(&json);
        let back: T = cause_core::serde_as::text::deserialize(&mut input).unwrap();
        assert_eq!(back, cause);
    }
}

#[test]
fn every_row_of_every_table_round_trips_through_json() {
    every_row_round_trips::<Cause>();
    every_row_round_trips::<JsSipCause>();
    every_row_round_trips::<Q850>();
    every_row_round_trips::<FreeSwitchCause>();
    every_row_round_trips::<AsteriskCause>();
    every_row_round_trips::<LinphoneReason>();
    every_row_round_trips::<ReasonProtocol>();
    macro_rules! round_trips {
        ($ty:ident) => {
            every_row_round_trips::<$ty>();
        };
    }
    for_each_protocol_table!(round_trips);
}

#[test]
fn a_location_is_written_as_its_token_and_read_in_any_case() {
    for &location in Location::ALL {
        let json = serde_json::to_string(&location).unwrap();
        assert_eq!(json, format!("\"{}\"", location.as_str()));
        assert_eq!(serde_json::from_str::<Location>(&json).unwrap(), location);
        let lower = json.to_lowercase();
        assert_eq!(serde_json::from_str::<Location>(&lower).unwrap(), location);
    }
    let error = serde_json::from_str::<Location>("\"MARS\"").unwrap_err();
    assert!(
        error.to_string().contains("an RFC 8606 location"),
        "{error}"
    );
}

#[test]
fn a_string_that_is_no_spelling_fails_with_the_parse_error() {
    let error = serde_json::from_str::<Cause>("\"busy\"").unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid value: `busy` is not the value of any Cause: did you mean \"Busy\"? at line 1 column 6"
    );
    let error = serde_json::from_str::<Cause>("486").unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid type: integer `486`, expected a cause's value, an alias or its constant, as a string at line 1 column 3"
    );
    for number in ["0", "128", "-1", "65536"] {
        let error = serde_json::from_str::<Q850>(number)
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("invalid value: integer") || error.starts_with("invalid value: -1"),
            "{error}"
        );
        assert!(
            error.contains(
                "expected a cause's value, an alias, its constant or its `code` in digits"
            ),
            "{error}"
        );
    }
    let error = serde_json::from_str::<FreeSwitchCause>("\"USR_BUSY\"").unwrap_err();
    assert!(error.to_string().contains("did you mean"), "{error}");
}

fn groups_round_trip_as_their_keys<T>(all: &[T], key: fn(T) -> &'static str)
where
    T: Copy + Eq + Debug + Serialize + DeserializeOwned,
{
    for &group in all {
        let json = serde_json::to_string(&group).unwrap();
        assert_eq!(json, format!("\"{}\"", key(group)));
        assert_eq!(serde_json::from_str::<T>(&json).unwrap(), group);
    }
    assert!(serde_json::from_str::<T>("\"no such key\"").is_err());
}

#[test]
fn groups_and_gateways_round_trip_as_their_keys() {
    groups_round_trip_as_their_keys(Category::ALL, Category::key);
    groups_round_trip_as_their_keys(Q850Class::ALL, Q850Class::key);
    groups_round_trip_as_their_keys(JsSipCategory::ALL, JsSipCategory::key);
    groups_round_trip_as_their_keys(FreeSwitchCategory::ALL, FreeSwitchCategory::key);
    groups_round_trip_as_their_keys(Gateway::ALL, Gateway::key);
    for &gateway in Gateway::ALL {
        let name = serde_json::to_string(gateway.name()).unwrap();
        assert_eq!(serde_json::from_str::<Gateway>(&name).unwrap(), gateway);
        assert_eq!(gateway.name().to_uppercase().parse(), Ok(gateway));
    }
    let error = "pbx".parse::<Gateway>().unwrap_err();
    assert_eq!(
        error.to_string(),
        "not a gateway: expected one of `rfc3398`, `asterisk`, `freeswitch`, `freeswitch-1.10`"
    );
}

/// The front page's table of spellings, row by row: the type, what `Display` writes, what
/// `FromStr` and serde read, what serde writes.
fn front_page_rows() -> Vec<[String; 4]> {
    let source = include_str!("../src/lib.rs");
    let section = source.split("//! # Spellings").nth(1).expect("the section");
    let rows = section
        .lines()
        .skip(1)
        .take_while(|line| line.starts_with("//!"))
        .filter(|line| line.starts_with("//! | [`"));
    rows.map(|line| {
        let cells: Vec<String> = line
            .trim_start_matches("//! |")
            .trim_end_matches('|')
            .split(" | ")
            .map(|cell| cell.trim().to_owned())
            .collect();
        cells.try_into().expect("four cells")
    })
    .collect()
}

/// The spellings a table's row claims `FromStr` reads, checked on every row; and that it claims
/// every spelling the table has.
fn check_claims<T: Table>(row: &[String; 4])
where
    <T as FromStr>::Err: Debug,
{
    let [_, display, reads, writes] = row;
    // The cell's last code span is an example of what `Display` writes.
    let example = display.rsplit('`').nth(1).expect("an example");
    assert!(T::ALL.iter().any(|c| c.to_string() == example), "{example}");
    assert_eq!(writes, "the constant");
    let claims: Vec<&str> = reads.split(", ").collect();
    let has = |what| claims.contains(&what);
    let aliases = T::ALL.iter().any(|c| !c.aliases().is_empty());
    let codes = T::ALL.iter().any(|c| c.code().is_some());
    assert_eq!((has("alias"), has("code")), (aliases, codes), "{reads}");
    assert!(has("value") && has("constant"), "{reads}");
    for &cause in T::ALL {
        for spelling in owned_spellings(cause) {
            assert_eq!(spelling.parse::<T>().ok(), Some(cause), "{spelling}");
        }
    }
}

#[test]
fn the_front_page_table_of_spellings_is_true_for_every_table() {
    let rows = front_page_rows();
    let names: Vec<&str> = rows.iter().map(|row| row[0].as_str()).collect();
    assert_eq!(names.len(), 10, "{names:?}");
    for row in &rows {
        match row[0].as_str() {
            "[`Cause`]" => check_claims::<Cause>(row),
            "[`Q850`]" => check_claims::<Q850>(row),
            "[`JsSipCause`]" => check_claims::<JsSipCause>(row),
            "[`FreeSwitchCause`]" => check_claims::<FreeSwitchCause>(row),
            "[`AsteriskCause`]" => check_claims::<AsteriskCause>(row),
            "[`LinphoneReason`]" => check_claims::<LinphoneReason>(row),
            "[`ReasonProtocol`]" => check_claims::<ReasonProtocol>(row),
            "[`FiveGmmCause`]" => check_claims::<FiveGmmCause>(row),
            "[`Gateway`]" => {
                assert_eq!(row[3], "the key");
                assert_eq!("FreeSWITCH".to_string(), Gateway::FreeSwitch.to_string());
            }
            groups => {
                assert!(groups.starts_with("[`Category`]"), "{groups}");
                assert_eq!(row[1], "the title, `Common causes`");
                assert_eq!(Category::ALL[0].to_string(), "Common causes");
                assert_eq!(row[3], "the key");
            }
        }
    }
}

/// Issue 34, point 5: a call record derives `Serialize` with what a gateway decides in it, and
/// reads back the parts that are data.
#[test]
fn a_call_record_derives_serialize_with_what_a_gateway_decides() {
    use cause_core::{HangupCause, Phrase, Reason, ReasonBuf, Relay, Teardown};

    #[derive(Serialize)]
    struct CallRecord<'a> {
        reason: ReasonBuf,
        relay: Relay<'a>,
        cancel: Teardown<'a>,
        cause: HangupCause,
        q850: Q850,
    }

    let far = [Reason::parse("Q.850;cause=34").unwrap()];
    let elsewhere = [Reason::parse(r#"SIP;cause=200;text="Call completed elsewhere""#).unwrap()];
    let record = CallRecord {
        reason: ReasonBuf::parse(r#"SIP ;cause=486 ;text="Busy Here""#).unwrap(),
        relay: Gateway::FreeSwitch.relay_failure(503, &far).unwrap(),
        cancel: Gateway::Asterisk.relay_cancel(&elsewhere),
        cause: Gateway::Asterisk.hangup_cause(17),
        q850: Q850::UserBusy,
    };
    assert_eq!(
        serde_json::to_value(&record).unwrap(),
        serde_json::json!({
            "reason": r#"SIP;cause=486;text="Busy Here""#,
            "relay": {"respond": {
                "status": 503,
                "phrase": "standard",
                "reasons": ["Q.850;cause=34"],
                "hangup_cause": {"gateway": "freeswitch", "code": 34},
                "far_hangup_cause": {"gateway": "freeswitch", "code": 34},
            }},
            "cancel": {
                "reasons": ["Q.850;cause=16"],
                "hangup_cause": {"gateway": "asterisk", "code": 16},
                "origin_hangup_cause": {"gateway": "asterisk", "code": 16},
            },
            "cause": {"gateway": "asterisk", "code": 17},
            "q850": "USER_BUSY",
        })
    );
    let redirect = Gateway::Rfc3398.relay_failure(302, &[]).unwrap();
    let json = serde_json::to_value(redirect).unwrap();
    assert_eq!(
        json["follow_redirect"]["otherwise"]["hangup_cause"]["code"], 31,
        "{json}"
    );

    // What is data reads back: the Reason as owned text, the hangup cause, the phrase kind.
    #[derive(Debug, PartialEq, Serialize, serde::Deserialize)]
    struct Stored {
        reason: ReasonBuf,
        cause: HangupCause,
        phrase: Phrase,
    }
    for &gateway in Gateway::ALL {
        for code in [0, 16, 17, 127, 487, 819] {
            let stored = Stored {
                reason: Reason::new("Q.850", code, Some("A \"quoted\" text"))
                    .unwrap()
                    .into_owned(),
                cause: gateway.hangup_cause(code),
                phrase: Phrase::Received,
            };
            let json = serde_json::to_string(&stored).unwrap();
            assert_eq!(
                serde_json::from_str::<Stored>(&json).unwrap(),
                stored,
                "{json}"
            );
        }
    }
    let error = serde_json::from_str::<ReasonBuf>(r#""SIP;cause=""#).unwrap_err();
    assert!(
        error.to_string().starts_with("invalid Reason value: "),
        "{error}"
    );
    let error = serde_json::from_str::<HangupCause>(r#"{"gateway": "pbx", "code": 1}"#);
    assert!(error.is_err());
}
