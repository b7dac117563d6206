//! Tokens for the category enum: one variant per `[[category]]`, with its key, title and the
//! causes it holds.

use proc_macro2::TokenStream;
use quote::quote;

use crate::expand::{Generator, accessor, derive, indexed_table, str_lit};
use crate::input::Item;
use crate::method_docs::Method;
use crate::model::Category;

impl Generator<'_> {
    pub fn category(&self, item: &Item) -> TokenStream {
        let Item { vis, ident, .. } = item;
        let attrs: Vec<&TokenStream> = if self.model.stand_in {
            item.attrs_without_repr().collect()
        } else {
            item.attrs.iter().collect()
        };
        let cause = &self.input.cause.ident;
        let variants = self
            .model
            .categories
            .iter()
            .zip(&self.category_variants)
            .map(|(c, v)| {
                let doc = self.docs.category_doc(c);
                quote!(#[doc = #doc] #v,)
            });
        let all = self.category_variants.iter().map(|v| quote!(Self::#v));
        let str = quote!(&'static ::core::primitive::str);
        let keys = self.per_category(str.clone(), |c| str_lit(&c.row.key.value));
        let titles = self.per_category(str, |c| str_lit(&c.row.title.value));
        let causes = self.per_category(quote!(&'static [#cause]), |category| {
            let members = category.causes.iter().map(|&index| &self.variants[index]);
            quote!(&[#(#members),*])
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
        let ex_categoryall = self.method_example(Method::CategoryAll);
        let ex_categorykey = self.method_example(Method::CategoryKey);
        let ex_categorytitle = self.method_example(Method::CategoryTitle);
        let ex_categorycauses = self.method_example(Method::CategoryCauses);
        let accessor = accessor();
        quote! {
            #(#attrs)*
            #derive
            #[non_exhaustive]
            #vis enum #ident {
                #(#variants)*
            }

            impl #ident {
                /// Every category, in the order of the table.
                #ex_categoryall
                pub const ALL: &'static [Self] = &[#(#all),*];

                /// The category's key in the table, such as `"sip-error"`.
                #ex_categorykey
                #accessor
                pub const fn key(self) -> &'static ::core::primitive::str { #keys }

                /// The category's title, which [`Display`](::core::fmt::Display) prints.
                #ex_categorytitle
                #accessor
                pub const fn title(self) -> &'static ::core::primitive::str { #titles }

                /// The causes in this category, in the order of the table.
                #ex_categorycauses
                #accessor
                pub const fn causes(self) -> &'static [#cause] { #causes }
            }

            impl ::core::fmt::Display for #ident {
                #[inline]
                fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    __formatter.pad(self.title())
                }
            }
        }
    }

    /// A `const fn(self)` body returning one item per category.
    fn per_category(
        &self,
        ty: TokenStream,
        item: impl Fn(&Category) -> TokenStream,
    ) -> TokenStream {
        let items = self.model.categories.iter().map(item).collect();
        indexed_table(quote!(self), ty, items)
    }
}
