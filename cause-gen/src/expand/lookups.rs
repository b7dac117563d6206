//! The cause enum's lookups: from a constant, from a status code, from a row's code (those of
//! final failure responses are in `failures.rs`). One function per member, its rustdoc, example
//! and code together; [`MEMBERS`] orders them in the impl, after the accessors. Their bodies go from a status code through an array indexed
//! by `code - lowest`, from a string through a dispatch on its length (`tables.rs`).

use super::failures::{
    failure_codes, failures, fallback, for_failure_response, for_in_dialog_failure,
    for_redirect_without_contact,
};
use super::member::{Member, MemberFn};
use super::tables::{StringMatch, code_table};
use super::{Generator, accessor};
use cause_model::model::RowCodes;

/// The lookups, in the order of the generated impl.
pub const MEMBERS: &[MemberFn] = &[
    from_name,
    find,
    from_status_code,
    status_codes_range,
    failure_codes,
    fallback,
    failures,
    for_failure_response,
    for_in_dialog_failure,
    for_redirect_without_contact,
    code,
    from_code,
    default_response,
    response_for_code,
];

fn from_name(g: &Generator) -> Option<Member> {
    let names = g.model.causes.iter().enumerate();
    let names = names.map(|(index, cause)| (cause.constant.as_str(), index));
    let matcher = StringMatch {
        cause: g.input.cause.ident.code(),
        variants: &g.variants,
        hit: |variant| format!("::core::option::Option::Some({variant})"),
        miss: "::core::option::Option::None".to_owned(),
    };
    let body = matcher.expand("name".to_owned(), names.collect());
    let accessor = accessor();
    let name = &g.docs.enum_name;
    let example = g.model.causes.first().map(|first| {
        format!(
            "assert_eq!({name}::from_name({:?}), Some({}));\nassert_eq!({name}::from_name(\"no such constant\"), None);\n",
            first.constant,
            g.path(first)
        )
    });
    Some(Member {
        doc: match g.model.causes.first() {
            Some(first) => format!(
                "The cause whose constant is `name` (`{:?}`), matched exactly; `None` for any\n\
                 other string.",
                first.constant
            ),
            None => "The cause whose constant is `name`, matched exactly; `None` for any other\n\
                     string."
                .into(),
        },
        example,
        with_category: false,
        item: format!(
            "
            {accessor}
            pub fn from_name(name: &::core::primitive::str) -> ::core::option::Option<Self> {{
                {body}
            }}
            "
        ),
    })
}

/// The forgiving lookup: exact first, then trimmed and in any ASCII case.
fn find(g: &Generator) -> Option<Member> {
    // The exact step is `FromStr`'s match where the table has one, so that the dispatch on
    // the length, a table's largest code of its own, is written once (a miss there builds
    // the parse error, a few nanoseconds on the way to the forgiving search).
    let exact = match &g.input.parse_error {
        Some(_) => "<Self as ::core::str::FromStr>::from_str(text).ok()".to_owned(),
        None => {
            let matcher = StringMatch {
                cause: g.input.cause.ident.code(),
                variants: &g.variants,
                hit: |variant| format!("::core::option::Option::Some({variant})"),
                miss: "::core::option::Option::None".to_owned(),
            };
            matcher.expand("text".to_owned(), g.spellings().entries())
        }
    };
    let accessor = accessor();
    let name = &g.docs.enum_name;
    let example = g.model.causes.first().and_then(|first| {
        let loose = format!(" {} ", first.value.to_ascii_lowercase());
        let constant = first.constant.to_ascii_lowercase();
        // Only where no other cause's string is exactly one of those, once trimmed.
        let clash = |text: &str| {
            g.model.causes.iter().skip(1).any(|c| {
                c.value == text || c.constant == text || c.aliases.iter().any(|a| a == text)
            })
        };
        let p = g.path(first);
        (!clash(loose.trim()) && !clash(&constant)).then(|| {
            format!("assert_eq!({name}::find({loose:?}), Some({p}));\nassert_eq!({name}::find({constant:?}), Some({p}));\n")
        })
    });
    let has_codes = g.model.row_codes != RowCodes::None;
    let support = g.support();
    let by_code = match has_codes {
        true => "Self::from_code(__code)".to_owned(),
        false => "::core::option::Option::None".to_owned(),
    };
    Some(Member {
        doc: format!(
            "The cause a person most likely means by `text`: the cause whose spelling it is\n\
             exactly ({}, as [`FromStr`](::core::str::FromStr) reads them); else, with `text`\n\
             trimmed, the first in table order whose value, alias or constant equals it in any\n\
             ASCII case{}; else `None`. The exact match is a dispatch on the length; the other\n\
             compares every cause's strings. Use `FromStr` to read what a peer sends, exactly.",
            g.spellings_text(),
            if has_codes {
                ", or whose `code` it is"
            } else {
                ""
            }
        ),
        example,
        with_category: false,
        item: format!("
            {accessor}
            pub fn find(text: &::core::primitive::str) -> ::core::option::Option<Self> {{
                let __exact = {exact};
                if __exact.is_some() {{
                    return __exact;
                }}
                match {support}::find(text, &Self::__TABLE) {{
                    ::core::option::Option::Some({support}::Found::At(__at)) => ::core::option::Option::Some(Self::ALL[__at]),
                    ::core::option::Option::Some({support}::Found::Code(__code)) => {by_code},
                    ::core::option::Option::None => ::core::option::Option::None,
                }}
            }}
            "),
    })
}

fn from_status_code(g: &Generator) -> Option<Member> {
    let cause = g.input.cause.ident.code();
    let body = code_table(
        format!("::core::option::Option<{cause}>"),
        g.status_code_items(),
        None,
        "::core::option::Option::None".to_owned(),
    );
    let accessor = accessor();
    let call = format!("{}::from_status_code({{code}})", g.docs.enum_name);
    Some(Member {
        doc: "The cause whose `status-codes` list `code`, whatever the response class;\n\
              `None` if no cause lists it."
            .into(),
        example: g.code_lookup_example(|c| &c.status_codes, &call),
        with_category: false,
        item: format!("
            {accessor}
            pub const fn from_status_code(code: ::core::primitive::u16) -> ::core::option::Option<Self> {{
                {body}
            }}
            "),
    })
}

/// With `[ranges] status-codes`.
fn status_codes_range(g: &Generator) -> Option<Member> {
    let (low, high) = g.model.status_code_range?;
    let name = &g.docs.enum_name;
    Some(Member {
        doc: "The status codes the table allows, as its `[ranges] status-codes` bounds them."
            .into(),
        example: Some(format!(
            "assert_eq!({name}::STATUS_CODES, {low}..={high});\n"
        )),
        with_category: false,
        item: format!("
            pub const STATUS_CODES: ::core::ops::RangeInclusive<::core::primitive::u16> = {low}..={high};
            "),
    })
}

/// With `[table] codes`: a `u16` for `"every-row"`, an `Option<u16>` for `"some-rows"`.
fn code(g: &Generator) -> Option<Member> {
    let u16 = "::core::primitive::u16".to_owned();
    let (ty, item): (String, fn(u16) -> String) = match g.model.row_codes {
        RowCodes::None => return None,
        RowCodes::All => (u16, |code| code.to_string()),
        RowCodes::Some => (format!("::core::option::Option<{u16}>"), |code| {
            format!("::core::option::Option::Some({code})")
        }),
    };
    let body = match g.model.code_repr {
        // The discriminant is the code.
        Some(_) => "self as ::core::primitive::u16".to_owned(),
        None => g.per_cause(ty.clone(), |cause| match cause.code {
            Some(code) => item(code),
            // Only in the stand-in, whose rows may have lost their codes; never run.
            None if g.model.row_codes == RowCodes::All => "0".to_owned(),
            None => "::core::option::Option::None".to_owned(),
        }),
    };
    let accessor = accessor();
    let example = g.first(|c| c.code.is_some()).map(|cause| {
        let code = cause.code.unwrap_or_default();
        let returned = match g.model.row_codes {
            RowCodes::All => code.to_string(),
            _ => format!("Some({code})"),
        };
        format!("assert_eq!({}.code(), {returned});\n", g.path(cause))
    });
    Some(Member {
        doc: "The row's own number in the table (its `code`).".into(),
        example,
        with_category: false,
        item: format!(
            "
            {accessor}
            pub const fn code(self) -> {ty} {{ {body} }}
            "
        ),
    })
}

/// With `[table] codes`.
fn from_code(g: &Generator) -> Option<Member> {
    if g.model.row_codes == RowCodes::None {
        return None;
    }
    let ident = g.input.cause.ident.code();
    let causes = g.model.causes.iter().zip(&g.variants);
    let listed = causes.filter_map(|(cause, variant)| {
        Some((
            cause.code?,
            format!("::core::option::Option::Some({variant})"),
        ))
    });
    let body = code_table(
        format!("::core::option::Option<{ident}>"),
        listed.collect(),
        None,
        "::core::option::Option::None".to_owned(),
    );
    let accessor = accessor();
    let name = &g.docs.enum_name;
    let example = g.first(|c| c.code.is_some()).map(|cause| {
        let code = cause.code.unwrap_or_default();
        format!(
            "assert_eq!({name}::from_code({code}), Some({}));\n",
            g.path(cause)
        )
    });
    Some(Member {
        doc: "The cause whose `code` is `code`; `None` if no row has it.".into(),
        example,
        with_category: false,
        item: format!(
            "
            {accessor}
            pub const fn from_code(code: ::core::primitive::u16) -> ::core::option::Option<Self> {{
                {body}
            }}
            "
        ),
    })
}

/// With `[defaults] response`.
fn default_response(g: &Generator) -> Option<Member> {
    let code = g.model.default_response?;
    let name = &g.docs.enum_name;
    Some(Member {
        doc: "The response of a cause whose row gives none, as the table's `[defaults] response`\n\
              gives it: [`response`](Self::response) returns it for those causes."
            .into(),
        example: Some(format!("assert_eq!({name}::DEFAULT_RESPONSE, {code});\n")),
        with_category: false,
        item: format!("pub const DEFAULT_RESPONSE: ::core::primitive::u16 = {code};"),
    })
}

/// With row codes and responses: the response for a code, rows or not.
fn response_for_code(g: &Generator) -> Option<Member> {
    if g.model.row_codes == RowCodes::None || !g.model.has_responses {
        return None;
    }
    let (otherwise, otherwise_doc) = match g.model.default_response {
        Some(code) => {
            let doc = "[`DEFAULT_RESPONSE`](Self::DEFAULT_RESPONSE)";
            (format!("::core::option::Option::Some({code})"), doc)
        }
        None => ("::core::option::Option::None".to_owned(), "`None`"),
    };
    let accessor = accessor();
    let name = &g.docs.enum_name;
    let example = g
        .first(|c| c.code.is_some() && c.response.is_some())
        .map(|cause| {
            let (code, response) = (
                cause.code.unwrap_or_default(),
                cause.response.map_or(0, |r| r.code),
            );
            format!("assert_eq!({name}::response_for_code({code}), Some({response}));\n")
        });
    Some(Member {
        doc: format!(
            "The response for the cause whose `code` is `code`: its [`response`](Self::response),\n\
             or else {otherwise_doc}\n\
             where no row has that code. For a system whose causes are numbers (a switch's hangup\n\
             cause), this is the response it sends for any of them."
        ),
        example,
        with_category: false,
        item: format!("
            {accessor}
            pub const fn response_for_code(code: ::core::primitive::u16) -> ::core::option::Option<::core::primitive::u16> {{
                match Self::from_code(code) {{
                    ::core::option::Option::Some(__cause) => __cause.response(),
                    ::core::option::Option::None => {otherwise},
                }}
            }}
            "),
    })
}
