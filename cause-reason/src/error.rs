//! What can be wrong with a `Reason` header value, and where.

use core::fmt;

/// Why a `Reason` header value could not be parsed: what is wrong, and at which byte.
///
/// ```
/// # use cause_reason as cause_core;
/// let error = cause_core::Reason::parse("SIP;cause=4x6").unwrap_err();
/// assert_eq!(error.kind(), cause_core::ReasonErrorKind::CauseNotDigits);
/// assert_eq!(error.offset(), 10);
/// assert_eq!(error.to_string(), "`cause` is not a number of digits, at byte 10");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseReasonError {
    kind: ReasonErrorKind,
    offset: usize,
}

/// What is wrong with a `Reason` header value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReasonErrorKind {
    /// Nothing but white space where a value was expected.
    Empty,
    /// No protocol (`SIP`, `Q.850`…) before the first parameter.
    MissingProtocol,
    /// A character that a token (a protocol, a parameter name or value) cannot hold.
    InvalidToken,
    /// `cause` with no number.
    CauseEmpty,
    /// `cause` with something other than digits.
    CauseNotDigits,
    /// `cause` over 65535.
    CauseTooLarge,
    /// `cause` given twice.
    DuplicateCause,
    /// `text` given twice.
    DuplicateText,
    /// `text` with no quoted string.
    TextNotQuoted,
    /// A quoted string with no closing `"`.
    UnterminatedQuote,
    /// A control character (other than tab) inside a quoted string.
    ControlCharacter,
    /// A parameter with no name: `;;`, `;=x` or a trailing `;`.
    EmptyParameter,
    /// `name=` with no value.
    MissingValue,
    /// Something after a complete value (in [`Reason::parse`](super::Reason::parse), a comma
    /// too).
    TrailingCharacters,
    /// A folded line holding nothing but white space (`SIP\r\n \r\n ;cause=1`): RFC 3261's
    /// `LWS = [*WSP CRLF] 1*WSP` breaks a line once at most, so no white space holds two line
    /// breaks with nothing between them. The offset is the second line break's.
    EmptyFoldedLine,
    /// A value that starts with the header's name, `Reason:` (in any case), as a header line
    /// does: [`Reason::parse_header_line`](super::Reason::parse_header_line) reads a whole
    /// line.
    HeaderLine,
    /// A line given to [`Reason::parse_header_line`](super::Reason::parse_header_line) that
    /// does not start with `Reason` (in any case) and its colon: another header's line, or no
    /// header line at all.
    NotReasonHeader,
}

impl ParseReasonError {
    pub(super) const fn new(kind: ReasonErrorKind, offset: usize) -> Self {
        ParseReasonError { kind, offset }
    }

    /// What is wrong.
    #[must_use]
    pub const fn kind(&self) -> ReasonErrorKind {
        self.kind
    }

    /// The byte offset in the parsed string where the problem is.
    #[must_use]
    pub const fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for ParseReasonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ReasonErrorKind::*;
        let what = match self.kind {
            Empty => "empty reason value: expected a protocol such as `SIP` or `Q.850`",
            MissingProtocol => {
                "missing protocol: a reason value starts with `SIP`, `Q.850` or a token"
            }
            InvalidToken => "invalid character in a token",
            CauseEmpty => "`cause` has no value: expected digits, as in `cause=486`",
            CauseNotDigits => "`cause` is not a number of digits",
            CauseTooLarge => "`cause` is over 65535",
            DuplicateCause => "`cause` is given twice",
            DuplicateText => "`text` is given twice",
            TextNotQuoted => "`text` must be a quoted string, as in `text=\"Busy Here\"`",
            UnterminatedQuote => "quoted string without its closing `\"`",
            ControlCharacter => "control character in a quoted string",
            EmptyParameter => "empty parameter: a `;` must be followed by a parameter name",
            MissingValue => "parameter has `=` but no value",
            TrailingCharacters => "unexpected character after the reason value",
            HeaderLine => {
                "value starts with the header name `Reason:`: \
                 `Reason::parse_header_line` reads a whole header line"
            }
            NotReasonHeader => "not a `Reason` header line: expected `Reason:` at its start",
            EmptyFoldedLine => "empty folded line: nothing but white space between two line breaks",
        };
        write!(f, "{what}, at byte {}", self.offset)
    }
}

impl core::error::Error for ParseReasonError {}
