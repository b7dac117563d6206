//! `serde` for the `Reason` types (feature `serde`): a value is written as its text, the
//! canonical form `Display` writes (`SIP;cause=486;text="Busy Here"`), as it goes in a header.
//! [`ReasonBuf`] is read back from any value [`Reason::parse`] reads; a [`Reason`] borrows its
//! text, which a format with escapes (JSON's `\"`) cannot lend, so it is written only. A
//! [`Location`] is written as its token (`"LN"`) and read from it in any ASCII case.

use core::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::{Location, Reason};

/// Written as its text, `SIP;cause=486;text="Busy Here"`. Needs the `serde` feature. Read a
/// value back as a `ReasonBuf` (feature `alloc`): a `Reason` borrows its text, and a text with
/// escapes cannot be borrowed from JSON.
impl Serialize for Reason<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Written as its token, `"LN"`. Needs the `serde` feature.
impl Serialize for Location {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Read from its token in any ASCII case, as [`Location::from_token`] reads it. Needs the
/// `serde` feature.
impl<'de> Deserialize<'de> for Location {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(LocationVisitor)
    }
}

struct LocationVisitor;

impl Visitor<'_> for LocationVisitor {
    type Value = Location;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an RFC 8606 location: U, LPN, LN, TN, RLN, RPN, INTL or BI")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Location, E> {
        Location::from_token(value)
            .ok_or_else(|| E::invalid_value(de::Unexpected::Str(value), &self))
    }
}

#[cfg(feature = "alloc")]
mod owned {
    use core::fmt;

    use serde::de::{self, Deserialize, Deserializer, Visitor};
    use serde::ser::{Serialize, Serializer};

    use crate::ReasonBuf;

    /// Written as its text, as [`Reason`](crate::Reason) is. Needs the `serde` feature.
    impl Serialize for ReasonBuf {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            self.as_reason().serialize(serializer)
        }
    }

    /// Read from any one value [`Reason::parse`](crate::Reason::parse) reads; a string it
    /// refuses fails with the parse error's message. Needs the `serde` and `alloc` features.
    impl<'de> Deserialize<'de> for ReasonBuf {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_str(ReasonVisitor)
        }
    }

    struct ReasonVisitor;

    impl Visitor<'_> for ReasonVisitor {
        type Value = ReasonBuf;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a Reason header value, such as \"SIP;cause=486\"")
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<ReasonBuf, E> {
            ReasonBuf::parse(value)
                .map_err(|error| E::custom(format_args!("invalid Reason value: {error}")))
        }
    }
}
