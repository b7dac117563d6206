//! `serde` for the one hand-written type, [`Gateway`]: written as its key (`"freeswitch"`), read
//! from its key or name as [`FromStr`](core::str::FromStr) reads them. The tables' types get
//! theirs from the generator (`#[serde(feature = "serde")]` on each `cause_table!` call).

use core::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::Gateway;

/// Written as the key, `"freeswitch"`. Needs the `serde` feature.
impl Serialize for Gateway {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

/// Read from the key or the name, in any ASCII case. Needs the `serde` feature.
impl<'de> Deserialize<'de> for Gateway {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(GatewayVisitor)
    }
}

struct GatewayVisitor;

impl Visitor<'_> for GatewayVisitor {
    type Value = Gateway;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a gateway's key or name, such as \"rfc3398\"")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Gateway, E> {
        value
            .parse()
            .map_err(|error| E::custom(format_args!("invalid value: {error}")))
    }
}
