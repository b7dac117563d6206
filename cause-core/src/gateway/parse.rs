//! A [`Gateway`] read from its key or name, and the error of a string that is neither.

use super::Gateway;

impl core::fmt::Display for Gateway {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.pad(self.name())
    }
}

impl core::str::FromStr for Gateway {
    type Err = ParseGatewayError;

    /// Parses a system's key (`"freeswitch"`) or name (`"FreeSWITCH"`, `"RFC 3398"`), in any
    /// ASCII case: both are short and no two systems share one.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let found = Gateway::ALL.iter().copied().find(|gateway| {
            gateway.key().eq_ignore_ascii_case(s) || gateway.name().eq_ignore_ascii_case(s)
        });
        found.ok_or(ParseGatewayError { _private: () })
    }
}

/// The error of parsing a string that is no [`Gateway`]'s key or name (or names one whose cargo
/// feature is off).
///
/// Only [`Gateway`]'s `FromStr` makes one: its private field leaves room for what a later
/// release may keep (the input, suggestions) without a breaking change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseGatewayError {
    _private: (),
}

impl core::fmt::Display for ParseGatewayError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("not a gateway: expected one of")?;
        for (index, gateway) in Gateway::ALL.iter().enumerate() {
            let comma = if index == 0 { "" } else { "," };
            write!(f, "{comma} `{}`", gateway.key())?;
        }
        Ok(())
    }
}

impl core::error::Error for ParseGatewayError {}
