//! Code for the category enum: one variant per `[[category]]`, with its key, title and the
//! causes it holds.

use super::member::{Member, MemberFn};
use super::tables::indexed_table;
use super::{Generator, accessor, derive, doc_attr, join, join_with, lit};
use crate::input::Item;
use cause_model::model::Category;

/// The category enum's members, in the order of its impl.
const MEMBERS: &[MemberFn] = &[all, key, title, causes];

impl Generator<'_> {
    pub(super) fn category(&self, item: &Item) -> String {
        let (vis, ident) = (item.vis.code(), item.ident.code());
        let attrs = self.attrs(item);
        let categories = self.model.category_list().iter();
        let variants = categories.zip(&self.category_variants).map(|(c, v)| {
            let doc = self.docs.category_doc(c);
            format!("{} {v},", doc_attr(&doc))
        });
        let derive = derive(&[
            "Debug",
            "Clone",
            "Copy",
            "PartialEq",
            "Eq",
            "Hash",
            "PartialOrd",
            "Ord",
        ]);
        let members = MEMBERS.iter().map(|&member| self.member(member));
        format!(
            "
            {attrs}
            {derive}
            #[non_exhaustive]
            {vis} enum {ident} {{
                {variants}
            }}

            impl {ident} {{
                {members}
            }}

            impl ::core::fmt::Display for {ident} {{
                #[inline]
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{
                    f.pad(self.title())
                }}
            }}
            ",
            variants = join(variants),
            members = join(members)
        )
    }

    /// A `const fn(self)` body returning one item per category.
    fn per_category(&self, ty: String, item: impl Fn(&Category) -> String) -> String {
        let items = self.model.category_list().iter().map(item).collect();
        indexed_table(
            "self".to_owned(),
            "self as ::core::primitive::usize".to_owned(),
            ty,
            items,
        )
    }

    /// The example of a category member: `body` gets the category enum's name and
    /// `Category::First` (its first variant), and the first category.
    fn category_example(&self, body: impl Fn(&str, &str, &Category) -> String) -> Option<String> {
        let name = self.docs.category_name.as_ref()?;
        let first = self.model.category_list().first()?;
        Some(body(name, &format!("{name}::{}", first.variant), first))
    }
}

fn all(g: &Generator) -> Option<Member> {
    let all = g.category_variants.iter().map(|v| format!("Self::{v}"));
    let count = g.model.category_list().len();
    Some(Member {
        doc: format!(
            "Every `{}`, in the order of the table.",
            g.input.category.as_ref()?.ident.name()
        ),
        example: g.category_example(|name, first, _| {
            format!(
                "assert_eq!({name}::ALL.len(), {count});\nassert_eq!({name}::ALL[0], {first});\n"
            )
        }),
        with_category: true,
        item: format!(
            "pub const ALL: &'static [Self] = &[{all}];",
            all = join_with(all, ",")
        ),
    })
}

fn key(g: &Generator) -> Option<Member> {
    let body = g.per_category(
        "&'static ::core::primitive::str".to_owned(),
        |c| lit(&c.key),
    );
    let accessor = accessor();
    Some(Member {
        doc: match g.model.category_list().first() {
            Some(first) => format!(
                "The category's key in the table, such as `{:?}`.",
                first.key
            ),
            None => "The category's key in the table.".into(),
        },
        example: g
            .category_example(|_, first, c| format!("assert_eq!({first}.key(), {:?});\n", c.key)),
        with_category: true,
        item: format!(
            "
            {accessor}
            pub const fn key(self) -> &'static ::core::primitive::str {{ {body} }}
            "
        ),
    })
}

fn title(g: &Generator) -> Option<Member> {
    let body = g.per_category("&'static ::core::primitive::str".to_owned(), |c| {
        lit(&c.title)
    });
    let accessor = accessor();
    Some(Member {
        doc: "The category's title, which [`Display`](::core::fmt::Display) prints.".into(),
        example: g.category_example(|_, first, c| {
            let title = &c.title;
            format!("assert_eq!({first}.title(), {title:?});\nassert_eq!({first}.to_string(), {title:?});\n")
        }),
        with_category: true,
        item: format!("
            {accessor}
            pub const fn title(self) -> &'static ::core::primitive::str {{ {body} }}
            "),
    })
}

fn causes(g: &Generator) -> Option<Member> {
    let cause = g.input.cause.ident.code();
    let body = g.per_category(format!("&'static [{cause}]"), |category| {
        let members = category.causes.iter().map(|&index| &g.variants[index]);
        format!("&[{members}]", members = join_with(members, ","))
    });
    let accessor = accessor();
    Some(Member {
        doc: "The causes in this category, in the order of the table.".into(),
        example: g.category_example(|_, first, c| {
            let member = c.causes.first().map(|&i| g.path(&g.model.causes[i]));
            let member = member.unwrap_or_default();
            format!("assert!({first}.causes().contains(&{member}));\n")
        }),
        with_category: true,
        item: format!(
            "
            {accessor}
            pub const fn causes(self) -> &'static [{cause}] {{ {body} }}
            "
        ),
    })
}
