//! Finding and reading the table file.

use std::path::{Path, PathBuf};

use cause_model::diag::line_col;

use crate::error::{Error, Result};
use crate::input::LitStr;

/// The table's text and where it came from.
pub struct TableFile {
    /// The path as the caller wrote it, for messages.
    pub written: String,
    /// The path on disk, absolute when the base directory is.
    pub path: PathBuf,
    pub source: String,
}

impl TableFile {
    /// Reads the file `path` names, relative to `base` (the directory of the calling file).
    /// Every fault of the file as a whole is an error spanned on the path literal.
    pub fn read(path: &LitStr, base: &Path) -> Result<TableFile> {
        let written = path.value();
        let full = base.join(&written);
        let error = |message: String| Error::new(path.span(), format!("{written}: {message}"));
        if written.is_empty() {
            // No path to put before the message.
            let message = "the table's path is empty: name a TOML file, such as \"causes.toml\"";
            return Err(Error::new(path.span(), message));
        }
        if full.is_dir() {
            return Err(error(format!(
                "`{}` is a directory: name the TOML file in it",
                full.display()
            )));
        }
        let bytes = std::fs::read(&full).map_err(|e| {
            error(format!(
                "cannot read `{}`: {e} (the path is relative to the file that calls the macro, as for `include_str!`)",
                full.display()
            ))
        })?;
        let source = String::from_utf8(bytes).map_err(|e| {
            let valid = e.utf8_error().valid_up_to();
            // The valid prefix is UTF-8, so the position of the first bad byte is well defined.
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]);
            let at = line_col(&prefix, valid);
            Error::new(
                path.span(),
                format!(
                    "{written}:{}:{}: the file is not UTF-8 text: a TOML table must be UTF-8",
                    at.line, at.column
                ),
            )
        })?;
        Ok(TableFile {
            written,
            path: full,
            source,
        })
    }
}
