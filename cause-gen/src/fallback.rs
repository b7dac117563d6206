//! What to emit when the table has errors: the errors, and beside them the items of the rows
//! that parsed, so that the caller's other uses of the names (`Cause`, `Category`, …) do not bury the
//! real errors under follow-on "cannot find type" errors.

use crate::error::Error;
use crate::expand::{Env, expand};
use crate::input::Input;
use crate::pipeline::Expansion;
use cause_model::model::Model;

/// `error`, and beside it the items of `stand_in` (`validate::stand_in`).
pub fn expand_with_errors(input: &Input, error: Error, stand_in: &Model) -> Expansion {
    Expansion {
        errors: Some(error),
        code: expand(input, stand_in, &Env { track_path: None }),
    }
}
