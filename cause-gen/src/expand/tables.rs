//! Token helpers the lookups share: a dispatch from strings to variants, an array indexed by
//! a status code, an array indexed by the discriminant.

use std::collections::BTreeMap;

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

/// A lookup from strings to variants.
pub struct StringMatch<'a> {
    /// The cause enum, for the tables of large groups.
    pub cause: &'a Ident,
    /// The variant of each cause, by index in the table.
    pub variants: &'a [TokenStream],
    /// The expression for a found variant: `Some(#variant)`, `Ok(#variant)`.
    pub hit: fn(&TokenStream) -> TokenStream,
    /// The expression for a string that names nothing.
    pub miss: TokenStream,
}

/// Above this many strings of one length, a group is searched by bisection instead of a
/// `match`, which compares its arms one by one: a large table must not become a linear scan.
const LARGE_GROUP: usize = 8;

impl StringMatch<'_> {
    /// Dispatches `subject` (a `&str`) on its length first, so the length picks the few
    /// candidates in one jump (measured as fast as or faster than a plain `match`, and faster
    /// than byte-string patterns, which compare element by element), then on the string.
    /// `entries` are the strings with the index of their cause.
    pub fn expand(&self, subject: TokenStream, entries: Vec<(&str, usize)>) -> TokenStream {
        let mut by_length: BTreeMap<usize, Vec<(&str, usize)>> = BTreeMap::new();
        for (text, index) in entries {
            by_length.entry(text.len()).or_default().push((text, index));
        }
        let miss = &self.miss;
        let arms = by_length.into_iter().map(|(length, mut group)| {
            let body = if group.len() > LARGE_GROUP {
                group.sort_by_key(|(text, _)| *text);
                self.bisect(&subject, &group)
            } else {
                let arms = group.iter().map(|&(text, index)| {
                    let found = (self.hit)(&self.variants[index]);
                    quote!(#text => #found,)
                });
                quote!(match #subject { #(#arms)* _ => #miss, })
            };
            quote!(#length => { #body })
        });
        quote! {
            match #subject.len() {
                #(#arms)*
                _ => #miss,
            }
        }
    }

    /// A binary search over the group's strings, sorted, each with the index of its cause in
    /// `ALL`: an array of integers costs rustc far less than one of enum paths (measured: the
    /// paths made `FromStr` a third of the type-checking of a 10,000-cause table).
    fn bisect(&self, subject: &TokenStream, group: &[(&str, usize)]) -> TokenStream {
        let cause = self.cause;
        let len = group.len();
        let entries = group.iter().map(|&(text, index)| quote!((#text, #index)));
        let found = (self.hit)(&quote!(#cause::ALL[__GROUP[__index].1]));
        let miss = &self.miss;
        quote! {
            const __GROUP: [(&::core::primitive::str, ::core::primitive::usize); #len] = [#(#entries),*];
            match __GROUP.binary_search_by(|__entry| ::core::cmp::Ord::cmp(__entry.0, #subject)) {
                ::core::result::Result::Ok(__index) => #found,
                ::core::result::Result::Err(_) => #miss,
            }
        }
    }
}

/// The body of a `const fn(code: u16)`: an array over `low..=high` (the given range, or the
/// span of the listed codes) holding `listed` items and `default` elsewhere.
pub fn code_table(
    ty: TokenStream,
    listed: Vec<(u16, TokenStream)>,
    range: Option<(u16, u16)>,
    default: TokenStream,
) -> TokenStream {
    let outside = quote!(::core::option::Option::None);
    table_with_outside(ty, listed, range, default, outside)
}

/// [`code_table`] for a lookup that answers every code: `default` outside the listed codes'
/// span too.
pub fn total_code_table(
    ty: TokenStream,
    listed: Vec<(u16, TokenStream)>,
    default: TokenStream,
) -> TokenStream {
    table_with_outside(ty, listed, None, default.clone(), default)
}

fn table_with_outside(
    ty: TokenStream,
    listed: Vec<(u16, TokenStream)>,
    range: Option<(u16, u16)>,
    default: TokenStream,
    outside: TokenStream,
) -> TokenStream {
    let (low, high) = match range {
        Some(range) => range,
        None => {
            let codes = listed.iter().map(|(code, _)| *code);
            match (codes.clone().min(), codes.max()) {
                (Some(low), Some(high)) => (low, high),
                _ => return quote!(let _ = code; #default),
            }
        }
    };
    let mut items = vec![None; usize::from(high - low) + 1];
    for (code, item) in listed {
        if (low..=high).contains(&code) {
            items[usize::from(code - low)] = Some(item);
        }
    }
    let items = items
        .into_iter()
        .map(|item| item.unwrap_or_else(|| default.clone()));
    let len = usize::from(high - low) + 1;
    let (low, high) = (Literal::u16_unsuffixed(low), Literal::u16_unsuffixed(high));
    quote! {
        const __TABLE: [#ty; #len] = [#(#items),*];
        if code < #low || code > #high {
            return #outside;
        }
        __TABLE[(code - #low) as ::core::primitive::usize]
    }
}

/// The body of a `const fn` returning `items[position]`, for an enum whose variants are
/// `items` in order and `position` (an expression) the position of `subject` (an array
/// indexed by the position, measured faster than a `match` returning the same items);
/// `match subject {}` for an enum without variants.
pub fn indexed_table(
    subject: TokenStream,
    position: TokenStream,
    ty: TokenStream,
    items: Vec<TokenStream>,
) -> TokenStream {
    if items.is_empty() {
        return quote!(match #subject {});
    }
    let len = items.len();
    quote! {
        const __TABLE: [#ty; #len] = [#(#items),*];
        __TABLE[#position]
    }
}

#[cfg(test)]
mod tests {
    use quote::format_ident;

    use super::*;

    #[test]
    fn code_table_indexes_by_code_minus_the_lowest() {
        let listed = vec![(486, quote!(A)), (488, quote!(B))];
        let body = code_table(quote!(T), listed, None, quote!(N));
        let expected = quote! {
            const __TABLE: [T; 3usize] = [A, N, B];
            if code < 486 || code > 488 {
                return ::core::option::Option::None;
            }
            __TABLE[(code - 486) as ::core::primitive::usize]
        };
        assert_eq!(body.to_string(), expected.to_string());
    }

    #[test]
    fn code_table_without_codes_is_the_default() {
        let body = code_table(quote!(T), Vec::new(), None, quote!(N));
        assert_eq!(body.to_string(), quote!(let _ = code; N).to_string());
    }

    #[test]
    fn strings_dispatch_on_length_then_match_or_bisect() {
        let cause = format_ident!("Cause");
        let variants: Vec<TokenStream> = (0..10).map(|i| quote!(V(#i))).collect();
        let matcher = StringMatch {
            cause: &cause,
            variants: &variants,
            hit: |variant| quote!(Some(#variant)),
            miss: quote!(None),
        };
        let small = matcher.expand(quote!(s), vec![("ab", 0), ("c", 1), ("de", 2)]);
        let expected = quote! {
            match s.len() {
                1usize => { match s { "c" => Some(V(1i32)), _ => None, } }
                2usize => { match s { "ab" => Some(V(0i32)), "de" => Some(V(2i32)), _ => None, } }
                _ => None,
            }
        };
        assert_eq!(small.to_string(), expected.to_string());

        // Nine strings of one length: a sorted table searched by bisection.
        let names = ["i", "h", "g", "f", "e", "d", "c", "b", "a"];
        let large = matcher.expand(quote!(s), names.iter().copied().zip(0..).collect());
        let text = large.to_string();
        assert!(text.contains("binary_search_by"), "{text}");
        let sorted = "[(\"a\" , 8usize) , (\"b\" , 7usize) , (\"c\" , 6usize)";
        assert!(text.contains(sorted), "{text}");
        assert!(
            text.contains("Some (Cause :: ALL [__GROUP [__index] . 1])"),
            "{text}"
        );
    }
}
