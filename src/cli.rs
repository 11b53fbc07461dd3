//! Command-line interface: clap definitions and one function per command. Each returns the
//! process exit code: 0 (nothing blocks publishing), 1 (findings that block publishing).
//! Errors that stop the run become exit code 2 in `main`.

use crate::lint::report::{self, Summary};
use crate::lint::{Diagnostic, Severity};
use crate::{Checked, Result};
use camino::Utf8PathBuf;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};

#[derive(Debug, Parser)]
#[command(
    name = "akashi",
    version,
    about = "Bilingual patient information, every treatment claim with its evidence"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint the site, then render it into the output folder
    Build {
        /// The site's folder
        #[arg(long, default_value = ".")]
        root: Utf8PathBuf,
        /// Output folder (default: ROOT/public)
        #[arg(long)]
        out: Option<Utf8PathBuf>,
    },
    /// Check the site without building it
    Lint {
        /// The site's folder
        #[arg(long, default_value = ".")]
        root: Utf8PathBuf,
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Build { root, out } => build(root, out),
        Command::Lint { root, format } => lint(root, format),
    }
}

fn color(stream: &impl IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn build(root: Utf8PathBuf, out: Option<Utf8PathBuf>) -> Result<u8> {
    let out = out.unwrap_or_else(|| crate::default_out(&root));
    let built = crate::build(&root, &out)?;
    let stderr = std::io::stderr();
    let shown: Vec<Diagnostic> = built
        .checked
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .cloned()
        .collect();
    let mut text = report::human::render(&shown, |d| built.checked.source(&d.file), color(&stderr));
    let summary = Summary::of(&built.checked.diagnostics);
    match built.written {
        Some(n) => text.push_str(&format!(
            "built {n} files into {out} ({})\n",
            report::human::summary_line(summary)
        )),
        None => text.push_str(&format!(
            "not built: {}; the previous output in {out} is unchanged\n",
            report::human::summary_line(summary)
        )),
    }
    let _ = stderr.lock().write_all(text.as_bytes());
    Ok(if built.written.is_some() { 0 } else { 1 })
}

fn lint(root: Utf8PathBuf, format: Format) -> Result<u8> {
    let checked = crate::check(&root)?;
    let stdout = std::io::stdout();
    let text = match format {
        Format::Human => {
            let mut text = report::human::render(
                &checked.diagnostics,
                |d| checked.source(&d.file),
                color(&stdout),
            );
            text.push_str(&report::human::summary_line(Summary::of(
                &checked.diagnostics,
            )));
            text.push('\n');
            text
        }
        Format::Json => report::json::render(&checked.diagnostics, |d| checked.source(&d.file)),
    };
    let _ = stdout.lock().write_all(text.as_bytes());
    Ok(exit_code(&checked))
}

fn exit_code(checked: &Checked) -> u8 {
    if checked.has_errors() { 1 } else { 0 }
}

/// Prints the findings of a fatal configuration error to stderr.
pub fn print_error(error: &crate::Error) {
    let stderr = std::io::stderr();
    let text = match error {
        crate::Error::Invalid {
            sources,
            diagnostics,
        } => {
            let mut t = report::human::render(
                diagnostics,
                |d| sources.iter().find(|s| s.path == d.file),
                color(&stderr),
            );
            t.push_str(&format!("error: {error}\n"));
            t
        }
        other => format!("error: {other}\n"),
    };
    let _ = stderr.lock().write_all(text.as_bytes());
}
