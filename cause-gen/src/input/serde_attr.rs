//! `#[serde]` or `#[serde(feature = "serde")]` on the cause enum: the macro emits the `serde`
//! implementations of the generated types, always or behind the calling crate's feature.

use crate::tt::{Span, TokenStream, TokenTree};

use super::tokens::Tokens;
use crate::error::{Error, Result};

/// How the caller asked for serde.
#[derive(Debug, Clone)]
pub struct SerdeAttr {
    /// `Some("serde")` for `#[serde(feature = "serde")]`: the impls sit behind
    /// `#[cfg(feature = "serde")]`. `None` for `#[serde]`: always there.
    pub feature: Option<String>,
    /// Where the attribute is, for the error that it needs the parse error.
    pub span: Span,
}

const SERDE_FORMS: &str = "expected `#[serde]` (serde always) or `#[serde(feature = \"serde\")]` (serde when the calling crate's feature is on): the generated types then implement `Serialize` and `Deserialize`";

/// Takes the `#[serde...]` attribute out of `attrs`.
pub fn take_serde(attrs: &mut Vec<TokenStream>) -> Result<Option<SerdeAttr>> {
    let mut found = None;
    let mut error = None;
    attrs.retain(|attr| {
        let Some(TokenTree::Group(body)) = attr.clone().into_iter().nth(1) else {
            return true;
        };
        let mut inner = body.stream().into_iter();
        let span = match inner.next() {
            Some(TokenTree::Ident(name)) if name == "serde" => name.span(),
            _ => return true,
        };
        match inner.next() {
            // #[serde]
            None => {
                found = Some(SerdeAttr {
                    feature: None,
                    span,
                })
            }
            // #[serde(feature = "serde")]
            Some(TokenTree::Group(args)) if inner.next().is_none() => {
                match feature_arg(args.stream()) {
                    Ok(feature) => {
                        found = Some(SerdeAttr {
                            feature: Some(feature),
                            span,
                        })
                    }
                    Err(e) => error = Some(Error::new(e.span(), SERDE_FORMS)),
                }
            }
            Some(other) => error = Some(Error::new(other.span(), SERDE_FORMS)),
        }
        false
    });
    error.map_or(Ok(found), Err)
}

/// `feature = "name"`, inside `#[serde(...)]`.
fn feature_arg(args: TokenStream) -> Result<String> {
    let mut input = Tokens::new(args);
    let name = input.ident()?;
    if name != "feature" {
        return Err(Error::new(name.span(), SERDE_FORMS));
    }
    input.punct('=')?;
    let feature = input.lit_str()?;
    if !input.is_empty() {
        return Err(input.error(SERDE_FORMS));
    }
    if feature.value().is_empty() {
        return Err(Error::new(feature.span(), "the feature's name is empty"));
    }
    Ok(feature.value())
}
