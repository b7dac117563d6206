//! `serde` support: a cause is its value string, a category its key, as SIP.js and JSON
//! clients see them.

use core::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::{Category, Cause};

/// As the value string, `"Busy"`. Needs the `serde` feature.
impl Serialize for Cause {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// From the value string or an alias. Needs the `serde` feature.
impl<'de> Deserialize<'de> for Cause {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(CauseVisitor)
    }
}

struct CauseVisitor;

impl Visitor<'_> for CauseVisitor {
    type Value = Cause;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a SIP cause value such as \"Busy\"")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Cause, E> {
        // The parse error names the input and the closest values.
        value
            .parse()
            .map_err(|error| E::custom(format_args!("invalid value: {error}")))
    }
}

/// As the key, `"sip-error"`. Needs the `serde` feature.
impl Serialize for Category {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

/// From the key. Needs the `serde` feature.
impl<'de> Deserialize<'de> for Category {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(CategoryVisitor)
    }
}

struct CategoryVisitor;

impl Visitor<'_> for CategoryVisitor {
    type Value = Category;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a cause category key such as \"sip-error\"")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Category, E> {
        Category::ALL
            .iter()
            .copied()
            .find(|category| category.key() == value)
            .ok_or_else(|| E::invalid_value(de::Unexpected::Str(value), &self))
    }
}

#[cfg(test)]
mod tests {
    use std::format;
    use std::string::ToString;

    use crate::{Category, Cause};

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
}
