//! `serde` support: a cause is written as its value string (`"Busy"`, `"User busy"`), a category
//! or class as its key (`"sip-error"`, `"normal"`), as SIP.js and JSON clients see them. A cause
//! is read from every spelling a peer sends: its value, an alias or its constant (`"BUSY"`, the
//! text FreeSWITCH writes in its CDRs), and a Q.850 cause also from its number (`17`) in
//! human-readable formats. An unknown one fails with the parse error's message, which names the
//! input and the closest values.

use core::convert::Infallible;
use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::{Category, Cause, Q850, Q850Class};

/// Why a string names no value: the parse error (its message says why), or an unknown key.
enum Invalid<F> {
    Parse(F),
    Unknown,
}

/// A string in, through `parse`; a number too, through `from_code`, where there is one.
struct StrVisitor<T, F> {
    expecting: &'static str,
    parse: fn(&str) -> Result<T, Invalid<F>>,
    from_code: Option<fn(u16) -> Option<T>>,
    output: PhantomData<T>,
}

impl<T, F: fmt::Display> Visitor<'_> for StrVisitor<T, F> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
        match (self.parse)(value) {
            Ok(parsed) => Ok(parsed),
            Err(Invalid::Parse(error)) => Err(E::custom(format_args!("invalid value: {error}"))),
            Err(Invalid::Unknown) => Err(E::invalid_value(de::Unexpected::Str(value), &self)),
        }
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<T, E> {
        let from_code = self.from_code;
        let found = from_code.zip(u16::try_from(value).ok());
        match found.and_then(|(from_code, code)| from_code(code)) {
            Some(parsed) => Ok(parsed),
            None => Err(E::invalid_value(de::Unexpected::Unsigned(value), &self)),
        }
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<T, E> {
        match u64::try_from(value) {
            Ok(value) => self.visit_u64(value),
            Err(_) => Err(E::invalid_value(de::Unexpected::Signed(value), &self)),
        }
    }
}

/// `Serialize` as `$as_str`, `Deserialize` through `$parse` (and `$from_code`, for numbers in
/// human-readable formats); `$doc` says which string.
macro_rules! string_serde {
    ($ty:ty, $doc:literal, $expecting:literal, $as_str:expr, $parse:expr) => {
        string_serde!($ty, $doc, $expecting, $as_str, $parse, None);
    };
    ($ty:ty, $doc:literal, $expecting:literal, $as_str:expr, $parse:expr, $from_code:expr) => {
        #[doc = $doc]
        #[doc = " Needs the `serde` feature."]
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str($as_str(*self))
            }
        }

        #[doc = $doc]
        #[doc = " Needs the `serde` feature."]
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let visitor = StrVisitor {
                    expecting: $expecting,
                    parse: $parse,
                    from_code: $from_code,
                    output: PhantomData,
                };
                // A number is read only where the format says what it holds: a binary format
                // has only the string this writes.
                if visitor.from_code.is_some() && deserializer.is_human_readable() {
                    deserializer.deserialize_any(visitor)
                } else {
                    deserializer.deserialize_str(visitor)
                }
            }
        }
    };
}

string_serde!(
    Cause,
    " As the value string, `\"Busy\"`, which SIP.js reports; deserialized from the value, an alias or the constant (`\"BUSY\"`).",
    "a SIP cause value or constant such as \"Busy\"",
    Cause::as_str,
    |value| parse_or_name(value, Cause::from_name)
);

string_serde!(
    Category,
    " As the key, `\"sip-error\"`.",
    "a category key such as \"sip-error\"",
    Category::key,
    |value| by_key::<Category>(Category::ALL, Category::key, value)
);

string_serde!(
    Q850,
    " As the ITU name, `\"User busy\"`; deserialized from it, an alias (Asterisk's spellings), the constant (`\"USER_BUSY\"`, FreeSWITCH's hangup cause) or, in human-readable formats, the cause value (`17`).",
    "a Q.850 cause name, constant or value such as \"User busy\", \"USER_BUSY\" or 17",
    Q850::as_str,
    |value| parse_or_name(value, Q850::from_name),
    Some(Q850::from_code)
);

string_serde!(
    Q850Class,
    " As the key, `\"normal\"`.",
    "a Q.850 class key such as \"normal\"",
    Q850Class::key,
    |value| by_key::<Q850Class>(Q850Class::ALL, Q850Class::key, value)
);

/// `value` parsed as a value or an alias, else as a constant; the parse error otherwise.
fn parse_or_name<T: core::str::FromStr>(
    value: &str,
    from_name: fn(&str) -> Option<T>,
) -> Result<T, Invalid<T::Err>> {
    value
        .parse()
        .or_else(|error| from_name(value).ok_or(Invalid::Parse(error)))
}

/// The item of `all` whose key is `value`.
fn by_key<T: Copy>(
    all: &[T],
    key: fn(T) -> &'static str,
    value: &str,
) -> Result<T, Invalid<Infallible>> {
    all.iter()
        .copied()
        .find(|&item| key(item) == value)
        .ok_or(Invalid::Unknown)
}

#[cfg(test)]
mod tests {
    use std::format;
    use std::string::ToString;

    use crate::{Category, Cause, Q850, Q850Class};

    #[test]
    fn causes_round_trip_as_their_values() {
        for &cause in Cause::ALL {
            let json = serde_json::to_string(&cause).unwrap();
            assert_eq!(json, serde_json::to_string(cause.as_str()).unwrap());
            assert_eq!(serde_json::from_str::<Cause>(&json).unwrap(), cause);
        }
    }

    #[test]
    fn aliases_deserialize_and_unknown_values_fail() {
        let cause: Cause = serde_json::from_str("\"WebRTC Not Supported\"").unwrap();
        assert_eq!(cause, Cause::WebrtcNotSupported);
        for cause in Cause::ALL {
            let json = format!("\"{}\"", cause.name());
            assert_eq!(
                serde_json::from_str::<Cause>(&json).unwrap(),
                *cause,
                "{json}"
            );
        }
        let error = serde_json::from_str::<Cause>("486").unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid type: integer `486`, expected a SIP cause value or constant such as \"Busy\" at line 1 column 3"
        );
        let error = serde_json::from_str::<Cause>("\"busy\"").unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid value: `busy` is not the value of any Cause: did you mean \"Busy\"? at line 1 column 6"
        );
        let error = serde_json::from_str::<Cause>("\"nope\"").unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid value: `nope` is not the value of any Cause at line 1 column 6"
        );
    }

    #[test]
    fn categories_round_trip_as_their_keys() {
        for &category in Category::ALL {
            let json = serde_json::to_string(&category).unwrap();
            assert_eq!(json, format!("\"{}\"", category.key()));
            assert_eq!(serde_json::from_str::<Category>(&json).unwrap(), category);
        }
        assert!(serde_json::from_str::<Category>("\"Session causes\"").is_err());
    }

    #[test]
    fn q850_causes_and_classes_round_trip() {
        for &q850 in Q850::ALL {
            let json = serde_json::to_string(&q850).unwrap();
            assert_eq!(json, serde_json::to_string(q850.as_str()).unwrap());
            assert_eq!(serde_json::from_str::<Q850>(&json).unwrap(), q850);
        }
        assert_eq!(
            serde_json::from_str::<Q850>("\"UNALLOCATED\"").unwrap(),
            Q850::UnallocatedNumber
        );
        for &q850 in Q850::ALL {
            for json in [q850.code().to_string(), format!("\"{}\"", q850.name())] {
                assert_eq!(serde_json::from_str::<Q850>(&json).unwrap(), q850, "{json}");
            }
        }
        for number in ["0", "128", "-1", "65536", "1.5"] {
            let error = serde_json::from_str::<Q850>(number)
                .unwrap_err()
                .to_string();
            assert!(
                error.contains("expected a Q.850 cause name, constant or value"),
                "{error}"
            );
        }
        for &class in Q850Class::ALL {
            let json = serde_json::to_string(&class).unwrap();
            assert_eq!(serde_json::from_str::<Q850Class>(&json).unwrap(), class);
        }
        let error = serde_json::from_str::<Q850Class>("\"Normal event\"").unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid value: string \"Normal event\", expected a Q.850 class key such as \"normal\" at line 1 column 14"
        );
    }
}
