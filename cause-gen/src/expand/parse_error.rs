//! Tokens for the error of parsing a string that names no cause. It keeps the start of the
//! string (no allocation: the generated code is `no_std`), and its message offers the closest
//! values, found only when the message is written, so that a failed parse stays cheap.

use proc_macro2::TokenStream;
use quote::quote;

use super::member::Member;
use super::{Generator, derive};
use crate::input::Item;

/// How many bytes of the input the error keeps, and the longest strings it compares.
const KEPT: usize = 32;

/// How many close values the message offers at most.
const SUGGESTED: usize = 3;

impl Generator<'_> {
    pub(super) fn parse_error(&self, item: &Item) -> TokenStream {
        let Item { attrs, vis, ident } = item;
        let cause = &self.input.cause.ident;
        // Generated only where the caller wrote none: two summaries would run together.
        let doc = (!item.has_doc()).then(|| {
            let doc =
                format!(" The error of parsing a string that is no [`{cause}`]'s value or alias.");
            quote!(#[doc = #doc])
        });
        let derive = derive(&["Clone", "Copy", "PartialEq", "Eq", "Hash"]);
        let not_a_value = format!("` is not the value of any {cause}");
        let not_a_code = format!("` is not the code of any {cause}");
        let distance = distance_fn();
        let kept_words = kept_words_fn();
        let input = self.member(input_member);
        let suggestions = self.member(suggestions_member);
        quote! {
            #(#attrs)*
            #doc
            #derive
            #vis struct #ident {
                __input: [::core::primitive::u8; #KEPT],
                __len: ::core::primitive::u8,
                __cut: ::core::primitive::bool,
                // A code given to `TryFrom<u16>`, not a string given to `FromStr`.
                __code: ::core::primitive::bool,
            }

            impl #ident {
                // Out of line, so that a hit's code stays small (inlined, hits measured 1.3 times
                // slower), and no search for a character boundary: `input` finds that when asked.
                // The kept bytes are gathered in two `u128`s by whole-word loads and shifts, then
                // stored once: overlapping stores into the array, read back in other widths to
                // return it, stalled the CPU's store forwarding (a miss took 20 ns, not 4).
                #[inline(never)]
                fn __new(__s: &::core::primitive::str) -> Self {
                    #kept_words
                    let __bytes = __s.as_bytes();
                    let __len = if __bytes.len() < #KEPT { __bytes.len() } else { #KEPT };
                    let (__low, __high) = __kept_words(__bytes, __len);
                    let mut __input = [0; #KEPT];
                    __input[..16].copy_from_slice(&__low.to_le_bytes());
                    __input[16..].copy_from_slice(&__high.to_le_bytes());
                    Self { __input, __len: __len as ::core::primitive::u8, __cut: __len < __bytes.len(), __code: false }
                }

                // `TryFrom<u16>`'s error: the code in decimal digits, as the input.
                #[cold]
                #[inline(never)]
                #[allow(dead_code)]
                fn __from_code(__code: ::core::primitive::u16) -> Self {
                    let mut __digits = [0; 5];
                    let mut __start = __digits.len();
                    let mut __rest = __code;
                    loop {
                        __start -= 1;
                        __digits[__start] = b'0' + (__rest % 10) as ::core::primitive::u8;
                        __rest /= 10;
                        if __rest == 0 {
                            break;
                        }
                    }
                    let mut __input = [0; #KEPT];
                    let __len = __digits.len() - __start;
                    __input[..__len].copy_from_slice(&__digits[__start..]);
                    Self { __input, __len: __len as ::core::primitive::u8, __cut: false, __code: true }
                }

                #input

                /// Whether the string was longer than [`input`](Self::input) keeps.
                #[must_use]
                pub fn is_cut(&self) -> ::core::primitive::bool {
                    self.__cut
                }

                #suggestions

                /// Up to three values or aliases closest to the input, best first: those
                /// within one edit in three (case aside) of a value, an alias or a constant (for
                /// which its value is offered). None for a code.
                fn __closest(&self) -> [::core::option::Option<&'static ::core::primitive::str>; #SUGGESTED] {
                    #distance
                    let __input = self.input().as_bytes();
                    let mut __best: [(::core::primitive::usize, ::core::option::Option<&'static ::core::primitive::str>); #SUGGESTED] =
                        [(::core::primitive::usize::MAX, ::core::option::Option::None); #SUGGESTED];
                    if self.__code {
                        return [::core::option::Option::None; #SUGGESTED];
                    }
                    for __cause in #cause::ALL {
                        let __named = ::core::iter::once((__cause.as_str(), __cause.as_str()))
                            .chain(::core::iter::once((__cause.name(), __cause.as_str())))
                            .chain(__cause.aliases().iter().map(|__alias| (*__alias, *__alias)));
                        for (__name, __offer) in __named {
                            let ::core::option::Option::Some(__d) = __distance(__input, __name.as_bytes()) else {
                                continue;
                            };
                            let __limit = if __name.len() / 3 > 1 { __name.len() / 3 } else { 1 };
                            if __d > __limit {
                                continue;
                            }
                            // Offered once, at its best distance.
                            if let ::core::option::Option::Some(__seen) = __best.iter().position(|__b| __b.1 == ::core::option::Option::Some(__offer)) {
                                if __best[__seen].0 <= __d {
                                    continue;
                                }
                                let mut __i = __seen;
                                while __i + 1 < #SUGGESTED {
                                    __best[__i] = __best[__i + 1];
                                    __i += 1;
                                }
                                __best[#SUGGESTED - 1] = (::core::primitive::usize::MAX, ::core::option::Option::None);
                            }
                            // Insert in order of distance, the first found first among equals.
                            let mut __at = #SUGGESTED;
                            while __at > 0 && __best[__at - 1].0 > __d {
                                __at -= 1;
                            }
                            if __at < #SUGGESTED {
                                let mut __i = #SUGGESTED - 1;
                                while __i > __at {
                                    __best[__i] = __best[__i - 1];
                                    __i -= 1;
                                }
                                __best[__at] = (__d, ::core::option::Option::Some(__offer));
                            }
                        }
                    }
                    [__best[0].1, __best[1].1, __best[2].1]
                }
            }

            // `ParseCauseError { input: "nope", cut: false }`: what a user needs, not the buffer.
            impl ::core::fmt::Debug for #ident {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f
                        .debug_struct(::core::stringify!(#ident))
                        .field("input", &self.input())
                        .field("cut", &self.__cut)
                        .finish()
                }
            }

            // `` `Bussy` is not the value of any Cause: did you mean "Busy"? ``
            impl ::core::fmt::Display for #ident {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str("`")?;
                    f.write_str(self.input())?;
                    if self.__cut {
                        f.write_str("\u{2026}")?;
                    }
                    f.write_str(if self.__code { #not_a_code } else { #not_a_value })?;
                    let __closest = self.__closest();
                    let mut __first = true;
                    for __value in __closest.iter().flatten() {
                        f.write_str(if __first { ": did you mean " } else { " or " })?;
                        ::core::write!(f, "{:?}", __value)?;
                        __first = false;
                    }
                    if !__first {
                        f.write_str("?")?;
                    }
                    ::core::result::Result::Ok(())
                }
            }

            impl ::core::error::Error for #ident {}
        }
    }
}

fn input_member(g: &Generator) -> Option<Member> {
    let name = &g.docs.enum_name;
    // A trailing space: no value or alias can end in one.
    let example = format!(
        "let error = \"nope \".parse::<{name}>().unwrap_err();\nassert_eq!(error.input(), \"nope \");\nassert!(!error.is_cut());\n"
    );
    Some(Member {
        doc: "The string that did not parse: all of it, or its first 32 bytes (see\n\
              [`is_cut`](Self::is_cut))."
            .into(),
        example: g.model.causes.first().map(|_| example),
        with_category: false,
        item: quote! {
            #[must_use]
            pub fn input(&self) -> &::core::primitive::str {
                let __kept = &self.__input[..self.__len as ::core::primitive::usize];
                match ::core::str::from_utf8(__kept) {
                    ::core::result::Result::Ok(__s) => __s,
                    // Cut inside a character: up to its start (the rest is UTF-8, from a `str`).
                    ::core::result::Result::Err(__e) => {
                        match ::core::str::from_utf8(&__kept[..__e.valid_up_to()]) {
                            ::core::result::Result::Ok(__s) => __s,
                            ::core::result::Result::Err(_) => "",
                        }
                    }
                }
            }
        },
    })
}

fn suggestions_member(g: &Generator) -> Option<Member> {
    let name = &g.docs.enum_name;
    // A value with its last letter doubled: one edit away, so it is offered.
    let example = g.model.causes.first().and_then(|first| {
        let last = first.value.chars().last().filter(char::is_ascii_alphanumeric)?;
        let typo = format!("{}{last}", first.value);
        // The error keeps and compares 32 bytes at most.
        if typo.len() > KEPT {
            return None;
        }
        (g.model.causes.iter().all(|c| c.value != typo && !c.aliases.contains(&typo))).then(|| {
            format!(
                "let error = {typo:?}.parse::<{name}>().unwrap_err();\nassert_eq!(error.suggestions().next(), Some({:?}));\n",
                first.value
            )
        })
    });
    Some(Member {
        doc: "The values or aliases closest to the input, best first, at most three: those its\n\
              message offers (\"did you mean ...\"). A cause's constant counts too, and offers\n\
              its value. None for a code given to `TryFrom<u16>`."
            .into(),
        example,
        with_category: false,
        item: quote! {
            pub fn suggestions(&self) -> impl ::core::iter::Iterator<Item = &'static ::core::primitive::str> {
                self.__closest().into_iter().flatten()
            }
        },
    })
}

/// `fn __kept_words(bytes, len) -> (u128, u128)`: the first `len` (at most 32) bytes of `bytes`
/// as two little-endian words, zero above them: two loads of a word that may overlap, the
/// second shifted down past the overlap, for every length.
///
/// Inlined into `__new` on purpose (left to itself the compiler called it), and the second
/// word's shift is `checked_shr` (a whole word's shift gives 0) rather than a branch on the
/// exact length: the two together took a miss from 2.3 to 1.85 times the faster baseline in
/// `scripts/bench.sh paired`, where the input lengths vary as they do in real misses.
fn kept_words_fn() -> TokenStream {
    let u128 = quote!(::core::primitive::u128);
    let word = |n: usize, ty: TokenStream| {
        quote! {
            |__at: ::core::primitive::usize| {
                let mut __w = [0_u8; #n];
                __w.copy_from_slice(&__b[__at..__at + #n]);
                #ty::from_le_bytes(__w)
            }
        }
    };
    let (w16, w8, w4) = (
        word(16, u128.clone()),
        word(8, quote!(::core::primitive::u64)),
        word(4, quote!(::core::primitive::u32)),
    );
    quote! {
        #[inline(always)]
        fn __kept_words(__b: &[::core::primitive::u8], __len: ::core::primitive::usize) -> (#u128, #u128) {
            if __len >= 16 {
                let __word = #w16;
                let __high = __word(__len - 16).checked_shr(((32 - __len) * 8) as ::core::primitive::u32).unwrap_or(0);
                (__word(0), __high)
            } else if __len >= 8 {
                let __word = #w8;
                let __high = __word(__len - 8).checked_shr(((16 - __len) * 8) as ::core::primitive::u32).unwrap_or(0);
                (#u128::from(__word(0)) | (#u128::from(__high) << 64), 0)
            } else if __len >= 4 {
                let __word = #w4;
                let __high = __word(__len - 4).checked_shr(((8 - __len) * 8) as ::core::primitive::u32).unwrap_or(0);
                (#u128::from(__word(0)) | (#u128::from(__high) << 32), 0)
            } else {
                let mut __low: #u128 = 0;
                let mut __i = 0;
                while __i < __len {
                    __low |= #u128::from(__b[__i]) << (__i * 8);
                    __i += 1;
                }
                (__low, 0)
            }
        }
    }
}

/// `fn __distance(a, b) -> Option<usize>`: the optimal string alignment distance between two
/// byte strings of at most `KEPT` bytes, ASCII case aside (`None` for longer ones), on the
/// stack, for the `no_std` crate the code lands in.
fn distance_fn() -> TokenStream {
    quote! {
        fn __distance(
            __a: &[::core::primitive::u8],
            __b: &[::core::primitive::u8],
        ) -> ::core::option::Option<::core::primitive::usize> {
            if __a.len() > #KEPT || __b.len() > #KEPT {
                return ::core::option::Option::None;
            }
            let __same = |__x: ::core::primitive::u8, __y: ::core::primitive::u8| __x.eq_ignore_ascii_case(&__y);
            // Three rows of the table: two back (for swaps), one back, and this one.
            let mut __rows = [[0_usize; #KEPT + 1]; 3];
            for (__j, __cell) in __rows[1].iter_mut().enumerate() {
                *__cell = __j;
            }
            for __i in 1..=__a.len() {
                __rows[2][0] = __i;
                for __j in 1..=__b.len() {
                    let __cost = if __same(__a[__i - 1], __b[__j - 1]) { 0 } else { 1 };
                    let mut __v = ::core::cmp::min(
                        ::core::cmp::min(__rows[1][__j] + 1, __rows[2][__j - 1] + 1),
                        __rows[1][__j - 1] + __cost,
                    );
                    if __i > 1 && __j > 1 && __same(__a[__i - 1], __b[__j - 2]) && __same(__a[__i - 2], __b[__j - 1]) {
                        __v = ::core::cmp::min(__v, __rows[0][__j - 2] + 1);
                    }
                    __rows[2][__j] = __v;
                }
                __rows[0] = __rows[1];
                __rows[1] = __rows[2];
            }
            ::core::option::Option::Some(__rows[1][__b.len()])
        }
    }
}
