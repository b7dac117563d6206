//! `serde` for the hand-written types: [`Gateway`], written as its key (`"freeswitch"`), read
//! from its key or name as [`FromStr`](core::str::FromStr) reads them; and what it decides. The
//! tables' types get theirs from the generator (`#[serde(feature = "serde")]` on each
//! `cause_table!` call), the `Reason` types from cause-reason.

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

/// What [`Gateway`](crate::Gateway) decides, written for a call record: the hangup causes and
/// phrase kinds as identifiers, the response and its `Reason` values as objects and text.
/// [`Relay`], [`FailureResponse`] and [`Teardown`] are written only: they borrow the `Reason`
/// values they pass on, and are a gateway's answer, not data to build one from (call the
/// gateway again with what it was given); [`HangupCause`] and [`Phrase`] read back.
mod gateway {
    use core::fmt;

    use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
    use serde::ser::{Serialize, SerializeStruct, SerializeStructVariant, Serializer};

    use crate::{FailureResponse, Gateway, HangupCause, Phrase, Relay, Teardown};

    /// Written as `{"gateway": "asterisk", "code": 17}`: the number and whose table it is in.
    /// Needs the `serde` feature.
    impl Serialize for HangupCause {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut out = serializer.serialize_struct("HangupCause", 2)?;
            out.serialize_field("gateway", &self.gateway())?;
            out.serialize_field("code", &self.code())?;
            out.end()
        }
    }

    /// Read from `{"gateway": "asterisk", "code": 17}`, the gateway as [`Gateway`] reads it.
    /// Needs the `serde` feature.
    impl<'de> Deserialize<'de> for HangupCause {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_struct("HangupCause", &["gateway", "code"], HangupVisitor)
        }
    }

    struct HangupVisitor;

    impl<'de> Visitor<'de> for HangupVisitor {
        type Value = HangupCause;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a hangup cause, {\"gateway\": \"asterisk\", \"code\": 17}")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<HangupCause, A::Error> {
            let (mut gateway, mut code) = (None, None);
            while let Some(key) = map.next_key::<Field>()? {
                match key {
                    Field::Gateway if gateway.is_some() => {
                        return Err(de::Error::duplicate_field("gateway"));
                    }
                    Field::Code if code.is_some() => {
                        return Err(de::Error::duplicate_field("code"));
                    }
                    Field::Gateway => gateway = Some(map.next_value::<Gateway>()?),
                    Field::Code => code = Some(map.next_value::<u16>()?),
                }
            }
            let gateway = gateway.ok_or_else(|| de::Error::missing_field("gateway"))?;
            let code = code.ok_or_else(|| de::Error::missing_field("code"))?;
            Ok(gateway.hangup_cause(code))
        }
    }

    /// A key of a hangup cause's object.
    enum Field {
        Gateway,
        Code,
    }

    impl<'de> Deserialize<'de> for Field {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_identifier(FieldVisitor)
        }
    }

    struct FieldVisitor;

    impl Visitor<'_> for FieldVisitor {
        type Value = Field;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("`gateway` or `code`")
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<Field, E> {
            match value {
                "gateway" => Ok(Field::Gateway),
                "code" => Ok(Field::Code),
                other => Err(E::unknown_field(other, &["gateway", "code"])),
            }
        }
    }

    /// The key of each phrase, as written and read.
    const PHRASES: &[(Phrase, &str)] = &[
        (Phrase::Standard, "standard"),
        (Phrase::Received, "received"),
    ];

    /// Written as its key, `"standard"` or `"received"`. Needs the `serde` feature.
    impl Serialize for Phrase {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let key = PHRASES.iter().find(|(phrase, _)| phrase == self);
            serializer.serialize_str(key.map_or("", |(_, key)| key))
        }
    }

    /// Read from its key, `"standard"` or `"received"`. Needs the `serde` feature.
    impl<'de> Deserialize<'de> for Phrase {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_str(PhraseVisitor)
        }
    }

    struct PhraseVisitor;

    impl Visitor<'_> for PhraseVisitor {
        type Value = Phrase;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("\"standard\" or \"received\"")
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<Phrase, E> {
            let found = PHRASES.iter().find(|(_, key)| *key == value);
            found
                .map(|(phrase, _)| *phrase)
                .ok_or_else(|| E::invalid_value(de::Unexpected::Str(value), &self))
        }
    }

    /// Written as `{"status": 503, "phrase": "standard", "reasons": ["Q.850;cause=34"],
    /// "hangup_cause": {...}, "far_hangup_cause": {...}}`. Needs the `serde` feature.
    impl Serialize for FailureResponse<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut out = serializer.serialize_struct("FailureResponse", 5)?;
            out.serialize_field("status", &self.status())?;
            out.serialize_field("phrase", &self.phrase())?;
            out.serialize_field("reasons", self.reasons())?;
            out.serialize_field("hangup_cause", &self.hangup_cause())?;
            out.serialize_field("far_hangup_cause", &self.far_hangup_cause())?;
            out.end()
        }
    }

    /// Written as `{"reasons": [...], "hangup_cause": {...}, "origin_hangup_cause": {...}}`.
    /// Needs the `serde` feature.
    impl Serialize for Teardown<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut out = serializer.serialize_struct("Teardown", 3)?;
            out.serialize_field("reasons", self.reasons())?;
            out.serialize_field("hangup_cause", &self.hangup_cause())?;
            out.serialize_field("origin_hangup_cause", &self.origin_hangup_cause())?;
            out.end()
        }
    }

    /// Written as serde writes an enum: `{"respond": {...}}`, `{"follow_redirect":
    /// {"otherwise": {...}}}` or `{"challenged": {"otherwise": {...}, "unchallenged": {...}}}`.
    /// Needs the `serde` feature.
    impl Serialize for Relay<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                Relay::Respond(response) => {
                    serializer.serialize_newtype_variant("Relay", 0, "respond", response)
                }
                Relay::FollowRedirect { otherwise } => {
                    let mut out =
                        serializer.serialize_struct_variant("Relay", 1, "follow_redirect", 1)?;
                    out.serialize_field("otherwise", otherwise)?;
                    out.end()
                }
                Relay::Challenged {
                    otherwise,
                    unchallenged,
                } => {
                    let mut out =
                        serializer.serialize_struct_variant("Relay", 2, "challenged", 2)?;
                    out.serialize_field("otherwise", otherwise)?;
                    out.serialize_field("unchallenged", unchallenged)?;
                    out.end()
                }
            }
        }
    }
}
