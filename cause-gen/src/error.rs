//! An error of the call or its table: one or more messages, each on a span of the call, which
//! the macro emits as `compile_error!`s. What the generator needs of `syn::Error`, without `syn`: the call is
//! small enough to read token by token (`input/tokens.rs`), and syn was a third of a clean
//! build's critical path.

use std::fmt;

use crate::tt::Span;

/// One or more compiler errors, each a message on a span.
#[derive(Clone)]
pub struct Error {
    messages: Vec<(Span, String)>,
}

/// The generator's result: a value, or the errors to emit instead.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// An error with `message` on `span`.
    pub fn new(span: Span, message: impl fmt::Display) -> Error {
        Error {
            messages: vec![(span, message.to_string())],
        }
    }

    /// Adds `other`'s messages after this one's: every error of a build is reported.
    pub fn combine(&mut self, other: Error) {
        self.messages.extend(other.messages);
    }

    /// The span of the first message.
    pub fn span(&self) -> Span {
        self.messages[0].0
    }

    /// Every message, in order.
    pub fn messages(&self) -> impl Iterator<Item = &str> {
        self.messages.iter().map(|(_, message)| message.as_str())
    }

    /// Every message with its span, in order: the macro emits each as a
    /// `::core::compile_error!` on the span's token, so that rustc underlines where it points.
    pub fn spanned(&self) -> impl Iterator<Item = (Span, &str)> {
        self.messages
            .iter()
            .map(|(span, message)| (*span, message.as_str()))
    }
}

/// The first message, as `syn::Error` shows itself.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.messages[0].1)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.messages()).finish()
    }
}

impl std::error::Error for Error {}
