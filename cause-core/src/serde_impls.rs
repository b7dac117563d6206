//! `serde` support: a cause is its value string (`"Busy"`, `"User busy"`), a category or class
//! its key (`"sip-error"`, `"normal"`), as SIP.js and JSON clients see them. A cause also
//! deserializes from an alias; an unknown one fails with the parse error's message, which names
//! the input and the closest values.

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

/// A string in, through `parse`.
struct StrVisitor<T, F> {
    expecting: &'static str,
    parse: fn(&str) -> Result<T, Invalid<F>>,
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
}

/// `Serialize` as `$as_str`, `Deserialize` through `$parse`; `$doc` says which string.
macro_rules! string_serde {
    ($ty:ty, $doc:literal, $expecting:literal, $as_str:expr, $parse:expr) => {
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
                deserializer.deserialize_str(StrVisitor {
                    expecting: $expecting,
                    parse: $parse,
                    output: PhantomData,
                })
            }
        }
    };
}

string_serde!(
    Cause,
    " As the value string, `\"Busy\"`; deserialized from the value or an alias.",
    "a SIP cause value such as \"Busy\"",
    Cause::as_str,
    |value| value.parse().map_err(Invalid::Parse)
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
    " As the ITU name, `\"User busy\"`; deserialized from it or an alias (Asterisk's spellings).",
    "a Q.850 cause name such as \"User busy\"",
    Q850::as_str,
    |value| value.parse().map_err(Invalid::Parse)
);

string_serde!(
    Q850Class,
    " As the key, `\"normal\"`.",
    "a Q.850 class key such as \"normal\"",
    Q850Class::key,
    |value| by_key::<Q850Class>(Q850Class::ALL, Q850Class::key, value)
);

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
