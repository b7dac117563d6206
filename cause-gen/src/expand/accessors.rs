//! The cause enum's accessors: what the table says of each cause. One function per member,
//! its rustdoc, example and code together; [`MEMBERS`] orders them in the impl.

use super::member::{Member, MemberFn};
use super::{Generator, accessor, codes, join_with, lit};
use cause_model::model::{Cause, Mode, Report};

/// The accessors, in the order of the generated impl (the lookups follow them).
pub const MEMBERS: &[MemberFn] = &[
    position,
    all,
    name,
    as_str,
    description,
    category,
    status_codes,
    in_dialog_status_codes,
    without_contact_status_codes,
    response,
    aliases,
    reported,
    never_reported,
];

/// Where the discriminants are the rows' codes: the position of each in the table, which
/// the per-cause arrays are indexed by (an array over the codes, holes unread).
fn position(g: &Generator) -> Option<Member> {
    g.model.code_repr?;
    let codes = g.model.causes.iter().filter_map(|c| c.code);
    let (low, high) = (codes.clone().min()?, codes.max()?);
    let mut positions = vec![0_usize; usize::from(high - low) + 1];
    for (position, cause) in g.model.causes.iter().enumerate() {
        if let Some(code) = cause.code {
            positions[usize::from(code - low)] = position;
        }
    }
    let len = positions.len();
    let positions = positions.iter().map(|position| format!("{position}usize"));
    Some(Member {
        doc: String::new(),
        example: None,
        with_category: false,
        item: format!(
            "
            #[inline]
            const fn __position(self) -> ::core::primitive::usize {{
                const __POSITION: [::core::primitive::usize; {len}usize] = [{positions}];
                __POSITION[self as ::core::primitive::usize - {low}]
            }}
            ",
            positions = join_with(positions, ",")
        ),
    })
}

fn all(g: &Generator) -> Option<Member> {
    let variants = &g.variants;
    let name = &g.docs.enum_name;
    let example = g.model.causes.first().map(|first| {
        let count = g.model.causes.len();
        let first = g.path(first);
        format!("assert_eq!({name}::ALL.len(), {count});\nassert_eq!({name}::ALL[0], {first});\n")
    });
    Some(Member {
        doc: "Every cause, in the order of the table.".into(),
        example,
        with_category: false,
        item: format!(
            "pub const ALL: &'static [Self] = &[{variants}];",
            variants = join_with(variants, ",")
        ),
    })
}

fn name(g: &Generator) -> Option<Member> {
    let body = g.per_cause("&'static ::core::primitive::str".to_owned(), |c| {
        lit(&c.constant)
    });
    let accessor = accessor();
    let example = g.model.causes.first().map(|first| {
        format!(
            "assert_eq!({}.name(), {:?});\n",
            g.path(first),
            first.constant
        )
    });
    Some(Member {
        doc: match g.model.causes.first() {
            Some(first) => format!(
                "The constant naming this cause in the table, such as `{:?}`.",
                first.constant
            ),
            None => "The constant naming this cause in the table.".into(),
        },
        example,
        with_category: false,
        item: format!(
            "
            {accessor}
            pub const fn name(self) -> &'static ::core::primitive::str {{ {body} }}
            "
        ),
    })
}

fn as_str(g: &Generator) -> Option<Member> {
    let body = g.per_cause("&'static ::core::primitive::str".to_owned(), |c| {
        lit(&c.value)
    });
    let accessor = accessor();
    let example = g.model.causes.first().map(|first| {
        let (p, value) = (g.path(first), &first.value);
        format!("assert_eq!({p}.as_str(), {value:?});\nassert_eq!({p}.to_string(), {value:?});\n")
    });
    Some(Member {
        doc: "The cause's value: the string that stands for it (on the wire, in logs), which\n\
              [`Display`](::core::fmt::Display) prints and [`FromStr`](::core::str::FromStr)\n\
              parses."
            .into(),
        example,
        with_category: false,
        item: format!(
            "
            {accessor}
            pub const fn as_str(self) -> &'static ::core::primitive::str {{ {body} }}
            "
        ),
    })
}

fn description(g: &Generator) -> Option<Member> {
    let body = g.per_cause("&'static ::core::primitive::str".to_owned(), |c| {
        lit(&c.description)
    });
    let accessor = accessor();
    let example = g.model.causes.first().map(|first| {
        let start: String = first.description.chars().take(24).collect();
        let p = g.path(first);
        format!("assert!({p}.description().starts_with({start:?}));\n")
    });
    Some(Member {
        doc: "When this cause happens, as the table describes it (markdown).".into(),
        example,
        with_category: false,
        item: format!(
            "
            {accessor}
            pub const fn description(self) -> &'static ::core::primitive::str {{ {body} }}
            "
        ),
    })
}

/// With categories: the call names their enum (the pipeline checks that they agree; the
/// stand-in has the method for any call that names one).
fn category(g: &Generator) -> Option<Member> {
    let category_item = &g.input.category.as_ref()?.ident;
    let category = category_item.code();
    let body = match &g.model.categories {
        Some(categories) => {
            let variants = categories.of_cause.iter().map(|&index| {
                let variant = &g.category_variants[index];
                format!("{category}::{variant}")
            });
            g.per_cause_items("self".to_owned(), category.clone(), variants.collect())
        }
        // The stand-in of a table whose categories did not parse: never run.
        None => "loop {}".to_owned(),
    };
    let accessor = accessor();
    let example = g.model.causes.first().and_then(|first| {
        let variant = &g.model.category_of(0)?.variant;
        Some(format!(
            "assert_eq!({}.category(), {}::{variant});\n",
            g.path(first),
            category_item.name()
        ))
    });
    Some(Member {
        doc: "The category the table puts this cause in.".into(),
        example,
        with_category: true,
        item: format!(
            "
            {accessor}
            pub const fn category(self) -> {category} {{ {body} }}
            "
        ),
    })
}

fn status_codes(g: &Generator) -> Option<Member> {
    let u16 = "::core::primitive::u16".to_owned();
    let body = per_cause_slice(g, &u16, |c| codes(&c.status_codes));
    let accessor = accessor();
    Some(Member {
        doc: "The status codes that mean this cause, in the order of the table; empty for a\n\
              cause that no response code produces."
            .into(),
        example: g.code_list_example(|c| &c.status_codes, "{p}.status_codes()"),
        with_category: false,
        item: format!(
            "
            {accessor}
            pub const fn status_codes(self) -> &'static [::core::primitive::u16] {{ {body} }}
            "
        ),
    })
}

/// With `[table] in-dialog-status-codes = true`.
fn in_dialog_status_codes(g: &Generator) -> Option<Member> {
    if !g.model.has_in_dialog {
        return None;
    }
    let doc = "The status codes that mean this cause when they answer a request sent inside\n\
               a dialog (see [`for_in_dialog_failure`](Self::for_in_dialog_failure)).";
    let name = "in_dialog_status_codes".to_owned();
    Some(code_list(g, |c| &c.in_dialog_status_codes, name, doc))
}

/// With `[table] without-contact-status-codes = true`.
fn without_contact_status_codes(g: &Generator) -> Option<Member> {
    if !g.model.has_without_contact {
        return None;
    }
    let doc = "The redirects (3xx) that end a request as this cause when they carry no usable\n\
               `Contact` (see [`for_redirect_without_contact`](Self::for_redirect_without_contact)).";
    let name = "without_contact_status_codes".to_owned();
    Some(code_list(g, |c| &c.without_contact_status_codes, name, doc))
}

/// The accessor `name(self)` of a second list of status codes that rows may give besides
/// `status-codes`.
fn code_list(g: &Generator, list: fn(&Cause) -> &[u16], name: String, doc: &str) -> Member {
    let u16 = "::core::primitive::u16".to_owned();
    let body = per_cause_slice(g, &u16, |c| codes(list(c)));
    let accessor = accessor();
    let call = format!("{{p}}.{name}()");
    Member {
        doc: doc.into(),
        example: g.code_list_example(list, &call),
        with_category: false,
        item: format!(
            "
            {accessor}
            pub const fn {name}(self) -> &'static [::core::primitive::u16] {{ {body} }}
            "
        ),
    }
}

/// With `[table] responses = true`.
fn response(g: &Generator) -> Option<Member> {
    if !g.model.has_responses {
        return None;
    }
    let option_u16 = "::core::option::Option<::core::primitive::u16>".to_owned();
    let body = g.per_cause(option_u16, |c| match &c.response {
        Some(response) => format!("::core::option::Option::Some({})", response.code),
        None => "::core::option::Option::None".to_owned(),
    });
    let accessor = accessor();
    let example = g.first(|c| c.response.is_some()).map(|cause| {
        let code = cause.response.map_or(0, |r| r.code);
        let mut out = format!("assert_eq!({}.response(), Some({code}));\n", g.path(cause));
        if let Some(none) = g.first(|c| c.response.is_none()) {
            out.push_str(&format!("assert_eq!({}.response(), None);\n", g.path(none)));
        }
        out
    });
    Some(Member {
        doc: "The final response to send to end a request for this cause, as the table's\n\
              `response` gives it; `None` for a cause that no response ends."
            .into(),
        example,
        with_category: false,
        item: format!("
            {accessor}
            pub const fn response(self) -> ::core::option::Option<::core::primitive::u16> {{ {body} }}
            "),
    })
}

fn aliases(g: &Generator) -> Option<Member> {
    let str = "&'static ::core::primitive::str".to_owned();
    let body = per_cause_slice(g, &str, |c| c.aliases.iter().map(|a| lit(a)).collect());
    let accessor = accessor();
    let example = match g.first(|c| !c.aliases.is_empty()) {
        Some(cause) => {
            let (alias, p, name) = (&cause.aliases[0], g.path(cause), &g.docs.enum_name);
            let mut out = format!("assert!({p}.aliases().contains(&{alias:?}));\n");
            if g.docs.parses {
                out.push_str(&format!(
                    "assert_eq!({alias:?}.parse::<{name}>(), Ok({p}));\n"
                ));
            }
            Some(out)
        }
        None => (g.model.causes.first())
            .map(|first| format!("assert!({}.aliases().is_empty());\n", g.path(first))),
    };
    Some(Member {
        doc: "Other spellings that [`FromStr`](::core::str::FromStr) accepts for this\n\
              cause besides its value."
            .into(),
        example,
        with_category: false,
        item: format!(
            "
            {accessor}
            pub const fn aliases(self) -> &'static [&'static ::core::primitive::str] {{ {body} }}
            "
        ),
    })
}

/// With `[reports] by`: how the reporter reports each value, where the row says.
fn reported(g: &Generator) -> Option<Member> {
    report_member(g, false)
}

/// With `[reports] by`: what happens instead of each value the reporter never reports.
fn never_reported(g: &Generator) -> Option<Member> {
    report_member(g, true)
}

/// `reported()` or `never_reported()` (`never`): the row's text for that key, else `None`.
fn report_member(g: &Generator, never: bool) -> Option<Member> {
    let stand_in = g.model.mode == Mode::StandIn;
    let by = match &g.model.reported_by {
        Some(by) => by.as_str(),
        None if stand_in => "the reporter",
        None => return None,
    };
    let option = "::core::option::Option<&'static ::core::primitive::str>".to_owned();
    let body = g.per_cause(option.clone(), |cause| match report_text(cause, never) {
        Some(text) => {
            let text = lit(text);
            format!("::core::option::Option::Some({text})")
        }
        None => "::core::option::Option::None".to_owned(),
    });
    let accessor = accessor();
    let example = g.first(|c| report_text(c, never).is_some()).map(|cause| {
        let method = if never { "never_reported" } else { "reported" };
        format!("assert!({}.{method}().is_some());\n", g.path(cause))
    });
    let (doc, item) = if never {
        (
            format!(
                "Where {by} never reports this value (it defines it, or a peer might expect it,\n\
                 but no event carries it): what happens instead, as the table's `never-reported`\n\
                 says (markdown). A peer waiting for such a value waits forever."
            ),
            format!("pub const fn never_reported(self) -> {option} {{ {body} }}"),
        )
    } else {
        (
            format!(
                "How {by} reports this value (its event, and what triggers it), as the table's\n\
                 `reported` says (markdown); `None` where the row does not say."
            ),
            format!("pub const fn reported(self) -> {option} {{ {body} }}"),
        )
    };
    // The reporter's name, once, beside `reported()`.
    let by_const = (!never).then(|| {
        let doc = format!(" Who reports the values: the table's `[reports] by`, {by:?}.");
        let (doc, by) = (lit(&doc), lit(by));
        format!(
            "
            #[doc = {doc}]
            pub const REPORTED_BY: &'static ::core::primitive::str = {by};
            "
        )
    });
    let by_const = by_const.unwrap_or_default();
    Some(Member {
        doc,
        example,
        with_category: false,
        item: format!(
            "
            {accessor}
            {item}
            {by_const}
            "
        ),
    })
}

/// A row's `never-reported` (`never`) or `reported` text.
fn report_text(cause: &Cause, never: bool) -> Option<&str> {
    match (&cause.report, never) {
        (Some(Report::Reported(text)), false) | (Some(Report::Never(text)), true) => {
            Some(text.as_str())
        }
        _ => None,
    }
}

/// [`Generator::per_cause`] for slices, the empty ones sharing one constant: every `&[...]`
/// in a `const` is a promoted constant of its own, and 10,000 empty ones took rustc 1.5 s.
fn per_cause_slice(g: &Generator, elem: &str, items: impl Fn(&Cause) -> Vec<String>) -> String {
    let body = g.per_cause(format!("&'static [{elem}]"), |cause| {
        let items = items(cause);
        if items.is_empty() {
            "__EMPTY".to_owned()
        } else {
            format!("&[{items}]", items = join_with(items, ","))
        }
    });
    if g.model.causes.is_empty() {
        return body;
    }
    format!("const __EMPTY: &[{elem}] = &[]; {body}")
}
