//! Adapters for `#[serde(with = "...")]`, for a record that stores a cause otherwise than as
//! its constant (what every table's `Serialize` writes, the row's stable identifier):
//! [`code`] writes the row's number (`17`, for a table with codes: [`Q850`](crate::Q850) and the
//! PBXs' and liblinphone's tables), [`text`] the value `Display` writes (`"User busy"`), which is
//! a system's own wording and may be corrected in a later table. Each reads back what it
//! writes; [`text`] reads every spelling `FromStr` reads. Needs the `serde` feature.
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use cause_core::{Cause, Q850};
//!
//! #[derive(serde::Serialize, serde::Deserialize)]
//! struct Cdr {
//!     #[serde(with = "cause_core::serde_as::code")]
//!     q850: Q850,
//!     #[serde(with = "cause_core::serde_as::text")]
//!     cause: Cause,
//!     constant: Q850,
//! }
//!
//! let cdr = Cdr { q850: Q850::UserBusy, cause: Cause::Busy, constant: Q850::UserBusy };
//! let json = serde_json::to_string(&cdr).unwrap();
//! assert_eq!(json, r#"{"q850":17,"cause":"Busy","constant":"USER_BUSY"}"#);
//! let back: Cdr = serde_json::from_str(&json).unwrap();
//! assert_eq!((back.q850, back.cause), (Q850::UserBusy, Cause::Busy));
//! # }
//! ```

/// A cause as its row's `code`, a number: `#[serde(with = "cause_core::serde_as::code")]` on a
/// field of a table that has codes (`From<T> for u16`, `TryFrom<u16>`).
pub mod code {
    use core::fmt::Display;

    use serde::de::{Deserialize, Deserializer, Error as _};
    use serde::ser::Serializer;

    /// Writes the cause's code.
    ///
    /// # Errors
    ///
    /// The serializer's.
    pub fn serialize<T, S>(cause: &T, serializer: S) -> Result<S::Ok, S::Error>
    where
        T: Copy + Into<u16>,
        S: Serializer,
    {
        serializer.serialize_u16((*cause).into())
    }

    /// Reads a cause from its code; a number no row has fails with the table's error.
    ///
    /// # Errors
    ///
    /// Anything but a number from 0 to 65535, or one no row of the table has.
    pub fn deserialize<'de, T, D>(deserializer: D) -> Result<T, D::Error>
    where
        T: TryFrom<u16>,
        T::Error: Display,
        D: Deserializer<'de>,
    {
        let code = u16::deserialize(deserializer)?;
        T::try_from(code).map_err(D::Error::custom)
    }
}

/// A cause as its value, the text `Display` writes: `#[serde(with =
/// "cause_core::serde_as::text")]` on a field of any table's cause.
pub mod text {
    use core::fmt::{self, Display};
    use core::marker::PhantomData;
    use core::str::FromStr;

    use serde::de::{self, Deserializer, Visitor};
    use serde::ser::Serializer;

    /// Writes the cause's value.
    ///
    /// # Errors
    ///
    /// The serializer's.
    pub fn serialize<T, S>(cause: &T, serializer: S) -> Result<S::Ok, S::Error>
    where
        T: Copy + Into<&'static str>,
        S: Serializer,
    {
        serializer.serialize_str((*cause).into())
    }

    /// Reads a cause from any spelling its `FromStr` reads (the value, an alias, the constant,
    /// the code in digits).
    ///
    /// # Errors
    ///
    /// Anything but a string, or a string that is no spelling of a cause (the parse error's
    /// message).
    pub fn deserialize<'de, T, D>(deserializer: D) -> Result<T, D::Error>
    where
        T: FromStr,
        T::Err: Display,
        D: Deserializer<'de>,
    {
        deserializer.deserialize_str(TextVisitor(PhantomData))
    }

    struct TextVisitor<T>(PhantomData<T>);

    impl<T> Visitor<'_> for TextVisitor<T>
    where
        T: FromStr,
        T::Err: Display,
    {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a cause's value, as a string")
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
            value
                .parse()
                .map_err(|error| E::custom(format_args!("invalid value: {error}")))
        }
    }
}
