//! The cause enum's lookups of final failure responses, from `[failure]`,
//! `in-dialog-status-codes` and `without-contact-status-codes`: the codes it covers, the fallbacks, the cause of a response. One
//! function per member, as in `lookups.rs`, whose [`MEMBERS`](super::lookups::MEMBERS) orders
//! them.

use cause_model::model::Cause;

use super::member::Member;
use super::tables::code_table;
use super::{Generator, accessor, join, join_with};

/// With `[failure]`: its range, or the span of several.
pub(super) fn failure_codes(g: &Generator) -> Option<Member> {
    let (low, high) = g.model.failure_span()?;
    let name = &g.docs.enum_name;
    let doc = match g.model.has_fallback {
        true => "The final failure responses, as the table's `[failure] codes` bounds them.",
        false => {
            "The final failure responses: from the lowest to the highest of the table's\n\
              `[[failure]]` ranges."
        }
    };
    Some(Member {
        doc: doc.into(),
        example: Some(format!(
            "assert_eq!({name}::FAILURE_CODES, {low}..={high});\n"
        )),
        with_category: false,
        item: format!("
            pub const FAILURE_CODES: ::core::ops::RangeInclusive<::core::primitive::u16> = {low}..={high};
            "),
    })
}

/// With `[failure]` as one table (`[[failure]]` ranges, even one, each have their own: see
/// `FAILURES`), so that adding a range is an edit of the declaration.
pub(super) fn fallback(g: &Generator) -> Option<Member> {
    let ([failure], true) = (&g.model.failures[..], g.model.has_fallback) else {
        return None;
    };
    let variant = &g.variants[failure.fallback];
    let (name, path) = (&g.docs.enum_name, g.path(&g.model.causes[failure.fallback]));
    Some(Member {
        doc: "The cause of a failure response whose code no cause lists.".into(),
        example: Some(format!("assert_eq!({name}::FALLBACK, {path});\n")),
        with_category: false,
        item: format!("pub const FALLBACK: Self = {variant};"),
    })
}

/// With `[failure]`: each range with its fallback, as the table lists them, so that a reader
/// of the table (a tool writing it out) has them without calling `for_failure_response` for
/// every code.
pub(super) fn failures(g: &Generator) -> Option<Member> {
    let first = g.model.failures.first()?;
    let ranges = g.model.failures.iter().map(|failure| {
        let variant = &g.variants[failure.fallback];
        format!("({}..={}, {variant})", failure.low, failure.high)
    });
    let name = &g.docs.enum_name;
    let path = g.path(&g.model.causes[first.fallback]);
    let (low, high, count) = (first.low, first.high, g.model.failures.len());
    Some(Member {
        doc: "The `[failure]` ranges of final failure responses, each with its fallback: the\n\
              cause of a code in it that no cause lists. Disjoint, lowest codes first."
            .into(),
        example: Some(format!(
            "assert_eq!({name}::FAILURES.len(), {count});
assert_eq!({name}::FAILURES[0], ({low}..={high}, {path}));
"
        )),
        with_category: false,
        item: format!("
            pub const FAILURES: &'static [(::core::ops::RangeInclusive<::core::primitive::u16>, Self)] = &[{ranges}];
            ", ranges = join_with(ranges, ",")),
    })
}

/// With `[failure]`; the stand-in beside a table's errors keeps one that finds nothing, so
/// that its uses compile.
pub(super) fn for_failure_response(g: &Generator) -> Option<Member> {
    let accessor = accessor();
    let Some((low, high)) = g.model.failure_span() else {
        return g.model.is_stand_in().then(|| Member {
            doc: "The cause of a failure response (none: the table has errors).".into(),
            example: None,
            with_category: false,
            item: format!("
                {accessor}
                pub const fn for_failure_response(code: ::core::primitive::u16) -> ::core::option::Option<Self> {{
                    let _ = code;
                    ::core::option::Option::None
                }}
                "),
        });
    };
    let cause = g.input.cause.ident.code();
    // Every code of the span: the cause listing it, else its range's fallback, else none.
    let items = g.model.failure_causes().into_iter().map(|(code, index)| {
        let variant = &g.variants[index];
        (code, format!("::core::option::Option::Some({variant})"))
    });
    let body = code_table(
        format!("::core::option::Option<{cause}>"),
        items.collect(),
        Some((low, high)),
        "::core::option::Option::None".to_owned(),
    );
    let name = &g.docs.enum_name;
    let example = g.model.failure_cause(low).map(|index| {
        let expected = g.path(&g.model.causes[index]);
        let mut out =
            format!("assert_eq!({name}::for_failure_response({low}), Some({expected}));\n");
        if let Some(below) = low.checked_sub(1) {
            out.push_str(&format!(
                "assert_eq!({name}::for_failure_response({below}), None);\n"
            ));
        }
        out
    });
    Some(Member {
        doc: failure_doc(g),
        example,
        with_category: false,
        item: format!("
            {accessor}
            pub const fn for_failure_response(code: ::core::primitive::u16) -> ::core::option::Option<Self> {{
                {body}
            }}
            "),
    })
}

/// What `for_failure_response` does, in one line: with `[failure]`, its fallback is `FALLBACK`.
fn failure_doc(g: &Generator) -> String {
    if let ([failure], true) = (&g.model.failures[..], g.model.has_fallback) {
        let (low, high) = (failure.low, failure.high);
        return format!(
            "The cause of a final failure response: `None` outside {low}..={high}; inside, the \
             cause whose `status-codes` list `code`, or [`{}`](Self::FALLBACK) if none does.",
            g.model.causes[failure.fallback].constant
        );
    }
    let ranges = g.model.failures.iter().map(|f| {
        let fallback = &g.model.causes[f.fallback];
        format!(
            "[`{}`](Self::{}) in {}..={}",
            fallback.constant, fallback.variant, f.low, f.high
        )
    });
    format!(
        "The cause of a final failure response: the cause whose `status-codes` list `code`, \
         else the fallback of the `[[failure]]` range it is in: {}; `None` outside them.",
        ranges.collect::<Vec<_>>().join(", ")
    )
}

/// With `[table] in-dialog-status-codes = true`.
pub(super) fn for_in_dialog_failure(g: &Generator) -> Option<Member> {
    if !g.model.has_in_dialog {
        return None;
    }
    let doc = "The cause of a failure response to a request sent inside a dialog: the cause whose \
               `in-dialog-status-codes` list `code`";
    let lookup = "for_in_dialog_failure".to_owned();
    Some(list_lookup(g, |c| &c.in_dialog_status_codes, lookup, doc))
}

/// With `[table] without-contact-status-codes = true`.
pub(super) fn for_redirect_without_contact(g: &Generator) -> Option<Member> {
    if !g.model.has_without_contact {
        return None;
    }
    let doc = "The cause a request ends with when the redirect `code` (3xx) carries no usable \
               `Contact`, so that it cannot be followed: the cause whose \
               `without-contact-status-codes` list `code`";
    let lookup = "for_redirect_without_contact".to_owned();
    Some(list_lookup(
        g,
        |c| &c.without_contact_status_codes,
        lookup,
        doc,
    ))
}

/// The lookup `name(code)` of a second list of status codes that rows may give besides
/// `status-codes`: the cause whose `list` holds `code`, else what the code means on its own
/// (`for_failure_response`, or `from_status_code` in a table without failure ranges).
fn list_lookup(g: &Generator, list: fn(&Cause) -> &[u16], name: String, doc: &str) -> Member {
    let (otherwise, otherwise_doc) = match g.model.failure_span() {
        Some(_) => (
            "Self::for_failure_response(code)".to_owned(),
            "for_failure_response",
        ),
        None => (
            "Self::from_status_code(code)".to_owned(),
            "from_status_code",
        ),
    };
    let causes = g.model.causes.iter().zip(&g.variants);
    let arms = causes
        .filter(|(cause, _)| !list(cause).is_empty())
        .map(|(cause, variant)| {
            let codes = list(cause).iter();
            let codes = codes.map(|&code| code.to_string());
            format!(
                "{codes} => ::core::option::Option::Some({variant}),",
                codes = join_with(codes, "|")
            )
        });
    let accessor = accessor();
    let call = format!("{}::{name}({{code}})", g.docs.enum_name);
    Member {
        doc: format!("{doc}, else [`{otherwise_doc}`](Self::{otherwise_doc})."),
        example: g.code_lookup_example(list, &call),
        with_category: false,
        item: format!(
            "
            {accessor}
            pub const fn {name}(code: ::core::primitive::u16) -> ::core::option::Option<Self> {{
                match code {{
                    {arms}
                    _ => {otherwise},
                }}
            }}
            ",
            arms = join(arms)
        ),
    }
}
