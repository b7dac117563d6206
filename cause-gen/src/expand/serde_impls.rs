//! `serde` for the generated types, when the call asks for it (`#[serde]` or
//! `#[serde(feature = "...")]` on the cause enum): a cause is written as its constant, the row's
//! stable identifier (a value is a system's own text, which a table may correct), and read from
//! exactly what `FromStr` reads, plus its `code` as a number in human-readable formats where the
//! table has codes; a category is written and read as its key.
//! The impls name `::serde`, which the calling crate depends on.

use super::{Generator, doc_attr, lit};
use crate::input::SerdeAttr;
use crate::tt::Ident;
use cause_model::model::RowCodes;

impl Generator<'_> {
    pub(super) fn serde(&self) -> String {
        let (Some(serde), Some(error)) = (&self.input.serde, &self.input.parse_error) else {
            return String::new();
        };
        let cfg = cfg(serde);
        let needs = match &serde.feature {
            Some(feature) => format!(" Needs the `{feature}` feature."),
            None => String::new(),
        };
        let cause = self.serde_cause(&error.ident, &needs);
        let category = self
            .input
            .category
            .as_ref()
            .map(|item| self.serde_category(&item.ident, &needs));
        let category = category.unwrap_or_default();
        // One `cfg` for every impl, and the visitors out of the caller's namespace.
        format!(
            "
            {cfg}
            const _: () = {{
                {cause}
                {category}
            }};
            "
        )
    }

    fn serde_cause(&self, error: &Ident, needs: &str) -> String {
        let ident = self.input.cause.ident.code();
        let has_codes = self.model.row_codes != RowCodes::None;
        let expecting = format!("{}, as a string", self.spellings_text());
        let name = self.input.cause.ident.name();
        let numbers = has_codes.then(|| {
            format!("
                fn visit_u64<__E: ::serde::de::Error>(self, value: ::core::primitive::u64) -> ::core::result::Result<{ident}, __E> {{
                    let __code = <::core::primitive::u16 as ::core::convert::TryFrom<::core::primitive::u64>>::try_from(value).ok();
                    match __code.and_then({ident}::from_code) {{
                        ::core::option::Option::Some(__cause) => ::core::result::Result::Ok(__cause),
                        ::core::option::Option::None => ::core::result::Result::Err(__E::invalid_value(::serde::de::Unexpected::Unsigned(value), &self)),
                    }}
                }}

                fn visit_i64<__E: ::serde::de::Error>(self, value: ::core::primitive::i64) -> ::core::result::Result<{ident}, __E> {{
                    match <::core::primitive::u64 as ::core::convert::TryFrom<::core::primitive::i64>>::try_from(value) {{
                        ::core::result::Result::Ok(value) => self.visit_u64(value),
                        ::core::result::Result::Err(_) => ::core::result::Result::Err(__E::invalid_value(::serde::de::Unexpected::Signed(value), &self)),
                    }}
                }}
                ")
        });
        // A number is read only where the format says what it holds: a binary format has only
        // the string this writes.
        let deserialize = match has_codes {
            true => "
                if deserializer.is_human_readable() {
                    deserializer.deserialize_any(__Visitor)
                } else {
                    deserializer.deserialize_str(__Visitor)
                }
                "
            .to_owned(),
            false => "deserializer.deserialize_str(__Visitor)".to_owned(),
        };
        let ser_doc = format!(
            " Written as the constant ([`{name}::name`]), the row's stable identifier: the value, the text `Display` writes, is a system's own wording that a table may correct, the constant never changes.{needs}"
        );
        let de_doc = format!(
            " Read from {}{}; any other string fails with the [`{}`] message.{needs}",
            self.spellings_text(),
            if has_codes {
                ", or the code as a number in a human-readable format"
            } else {
                ""
            },
            error.name()
        );
        let visit_str = format!(
            r#"
            match <{ident} as ::core::str::FromStr>::from_str(value) {{
                ::core::result::Result::Ok(cause) => ::core::result::Result::Ok(cause),
                ::core::result::Result::Err(error) => ::core::result::Result::Err(__E::custom(::core::format_args!("invalid value: {{}}", error))),
            }}
            "#
        );
        let written = "self.name()".to_owned();
        let read = Read {
            expecting: &expecting,
            visit_str,
            more: numbers.unwrap_or_default(),
            deserialize,
        };
        impls(&ident, (&ser_doc, written), (&de_doc, read))
    }

    fn serde_category(&self, ident: &Ident, needs: &str) -> String {
        let ident = ident.code();
        let ser_doc =
            format!(" Written as the key, the category's identifier in the table.{needs}");
        let de_doc = format!(" Read from the key, exactly.{needs}");
        let expecting = match self.model.category_list().first() {
            Some(first) => format!("a category key such as {:?}", first.key),
            None => "a category key".to_owned(),
        };
        let visit_str = format!("
            let mut __all = {ident}::ALL.iter().copied();
            match __all.find(|category| category.key() == value) {{
                ::core::option::Option::Some(category) => ::core::result::Result::Ok(category),
                ::core::option::Option::None => ::core::result::Result::Err(__E::invalid_value(::serde::de::Unexpected::Str(value), &self)),
            }}
            ");
        let read = Read {
            expecting: &expecting,
            visit_str,
            more: String::new(),
            deserialize: "deserializer.deserialize_str(__Visitor)".to_owned(),
        };
        impls(&ident, (&ser_doc, "self.key()".to_owned()), (&de_doc, read))
    }
}

/// How a type is read: what its visitor expects, its `visit_str` body (`value` in, `__E` the
/// error type), its other visit methods, and the `deserialize` body that calls it.
struct Read<'a> {
    expecting: &'a str,
    visit_str: String,
    more: String,
    deserialize: String,
}

/// `Serialize` as the string `written`, `Deserialize` through a visitor made of `read`.
fn impls(ident: &str, (ser_doc, written): (&str, String), (de_doc, read): (&str, Read)) -> String {
    let Read {
        expecting,
        visit_str,
        more,
        deserialize,
    } = read;
    let (ser_doc, de_doc, expecting) = (doc_attr(ser_doc), doc_attr(de_doc), lit(expecting));
    format!("
        {ser_doc}
        impl ::serde::Serialize for {ident} {{
            fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {{
                serializer.serialize_str({written})
            }}
        }}

        {de_doc}
        impl<'de> ::serde::Deserialize<'de> for {ident} {{
            fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> ::core::result::Result<Self, __D::Error> {{
                struct __Visitor;

                impl ::serde::de::Visitor<'_> for __Visitor {{
                    type Value = {ident};

                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{
                        f.write_str({expecting})
                    }}

                    fn visit_str<__E: ::serde::de::Error>(self, value: &::core::primitive::str) -> ::core::result::Result<{ident}, __E> {{
                        {visit_str}
                    }}

                    {more}
                }}

                {deserialize}
            }}
        }}
        ")
}

/// `#[cfg(feature = "serde")]` for `#[serde(feature = "serde")]`, nothing for `#[serde]`.
fn cfg(serde: &SerdeAttr) -> String {
    match &serde.feature {
        Some(feature) => format!("#[cfg(feature = {})]", lit(feature)),
        None => String::new(),
    }
}
