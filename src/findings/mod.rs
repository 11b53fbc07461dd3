//! Findings, at the bottom of the crate: what a check found ([`Diagnostic`]), how bad it is
//! ([`Severity`]) and which rule says so ([`Rule`]). Every stage imports this module; it imports
//! no stage.

pub mod diagnostic;
pub mod rule;

pub use diagnostic::{Diagnostic, Severity, sort};
pub use rule::Rule;
