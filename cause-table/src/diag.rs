//! Errors found in a table, collected so that one build reports all of them (of TOML that does
//! not parse, the first syntax error: the parser stops there).
//!
//! The errors themselves and their rendering are `cause_model::diag`'s, re-exported here.

use std::cell::RefCell;

pub use cause_model::diag::{ByteSpan, Diagnostic, LineCol, MAX_SHOWN, Renderer, line_col};

/// A value of the table and where it stands in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Loc<T> {
    /// The value.
    pub value: T,
    /// Where it stands in the table's text.
    pub span: ByteSpan,
}

impl<T> Loc<T> {
    /// `value` at `span`.
    pub fn new(value: T, span: ByteSpan) -> Self {
        Loc { value, span }
    }
}

/// The errors of one expansion. Like serde's `Ctxt`, it must be consumed with
/// [`Diagnostics::check`]; forgetting to do so is a bug in this crate, caught on drop (so it is
/// not public: a caller's forgotten check must not panic).
#[derive(Debug, Default)]
pub(crate) struct Diagnostics {
    errors: RefCell<Option<Vec<Diagnostic>>>,
}

impl Diagnostics {
    /// No errors yet.
    pub fn new() -> Self {
        Diagnostics {
            errors: RefCell::new(Some(Vec::new())),
        }
    }

    /// Records an error at `span`.
    pub fn error(&self, span: ByteSpan, message: impl Into<String>) {
        self.push(Diagnostic {
            span: Some(span),
            message: message.into(),
            first_defined: None,
        });
    }

    /// Records an error about the table as a whole (something missing from it), reported at
    /// its first line with no excerpt.
    pub fn table_error(&self, message: impl Into<String>) {
        self.push(Diagnostic {
            span: Some(0..0),
            message: message.into(),
            first_defined: None,
        });
    }

    /// Records an error about a duplicate at `span`, pointing back at the first occurrence.
    pub fn duplicate(&self, span: ByteSpan, first: ByteSpan, message: impl Into<String>) {
        self.push(Diagnostic {
            span: Some(span),
            message: message.into(),
            first_defined: Some(first),
        });
    }

    /// Records `diagnostic`.
    pub fn push(&self, diagnostic: Diagnostic) {
        self.errors
            .borrow_mut()
            .as_mut()
            .expect("Diagnostics used after check")
            .push(diagnostic);
    }

    /// Consumes the context: `Ok` if nothing was recorded, else every error in table order.
    pub fn check(self) -> Result<(), Vec<Diagnostic>> {
        let mut errors = self.errors.borrow_mut().take().unwrap_or_default();
        if errors.is_empty() {
            return Ok(());
        }
        // Stable order: by position in the file, file-level faults first.
        errors.sort_by_key(|d| d.span.as_ref().map(|s| (s.start, s.end)));
        Err(errors)
    }
}

impl Drop for Diagnostics {
    fn drop(&mut self) {
        if !std::thread::panicking() && self.errors.borrow().is_some() {
            panic!("forgot to check for errors");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_sorts_by_position() {
        let diagnostics = Diagnostics::new();
        diagnostics.error(9..10, "second");
        diagnostics.error(1..2, "first");
        let errors = diagnostics.check().unwrap_err();
        assert_eq!(errors[0].message, "first");
        assert_eq!(errors[1].message, "second");
    }
}
