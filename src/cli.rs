//! Command-line interface: clap definitions and one function per command. Each returns the
//! process exit code: 0 (nothing blocks publishing), 1 (findings that block publishing).
//! Errors that stop the run become exit code 2 in `main`.

use crate::lint::Diagnostic;
use crate::lint::report::{self, Summary};
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
        /// The date review deadlines are checked against (default: SOURCE_DATE_EPOCH or today)
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<jiff::civil::Date>,
        /// Print how long each stage took (to standard error)
        #[arg(long)]
        timings: bool,
    },
    /// Check the site (or only the given Markdown files) without building it
    Lint {
        /// Markdown files or folders to check, inside or outside content/ (default: the whole site)
        paths: Vec<Utf8PathBuf>,
        /// The site's folder, whose configuration, references and theme apply
        #[arg(long, default_value = ".")]
        root: Utf8PathBuf,
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// The date review deadlines are checked against (default: SOURCE_DATE_EPOCH or today)
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<jiff::civil::Date>,
        /// Apply the safe fixes (full-width tags, the case of a level), then report what is left
        #[arg(long, conflicts_with = "diff")]
        fix: bool,
        /// Show the safe fixes as a diff without writing anything
        #[arg(long)]
        diff: bool,
    },
    /// Build, serve on 127.0.0.1, rebuild and reload open pages when a file changes
    Serve {
        /// The site's folder
        #[arg(long, default_value = ".")]
        root: Utf8PathBuf,
        /// Port (0: any free port)
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// The date review deadlines are checked against (default: SOURCE_DATE_EPOCH or today)
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<jiff::civil::Date>,
        /// Print how long each stage of every rebuild took (to standard error)
        #[arg(long)]
        timings: bool,
    },
    /// Create a new article in every language of the site, as a draft
    New {
        /// Where: SECTION/SLUG, for example treatments/ketamine
        path: String,
        /// The site's folder
        #[arg(long, default_value = ".")]
        root: Utf8PathBuf,
        /// The date to fill in (default: SOURCE_DATE_EPOCH or today)
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<jiff::civil::Date>,
    },
    /// Print the documentation of a rule (what it finds, why it matters, examples)
    Explain {
        /// A rule id such as claim/untagged
        #[arg(required_unless_present = "all")]
        rule: Option<String>,
        /// Print every rule
        #[arg(long, conflicts_with = "rule")]
        all: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style, for people
    Human,
    /// {"version": 1, "diagnostics": [...], "summary": {...}}
    Json,
    /// SARIF 2.1.0, for GitHub code scanning
    Sarif,
    /// GitHub Actions workflow commands, for pull request annotations
    Github,
}

pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Build {
            root,
            out,
            today,
            timings,
        } => build(root, out, &crate::Options::new(today)?, timings),
        Command::Lint {
            paths,
            root,
            format,
            today,
            fix,
            diff,
        } => {
            let options = crate::Options::new(today)?;
            if diff {
                return show_fixes(&root, &paths, &options);
            }
            if fix {
                fix_command(&root, &paths, &options)?;
            }
            lint(root, paths, format, &options)
        }
        Command::Explain { rule, all } => explain(rule.as_deref(), all),
        Command::Serve {
            root,
            port,
            today,
            timings,
        } => {
            let options = crate::Options::new(today)?;
            crate::serve::run(&root, port, &options, timings, |port| {
                let _ = writeln!(
                    std::io::stdout().lock(),
                    "serving the site at http://127.0.0.1:{port}/ (stop with Ctrl-C)"
                );
            })?;
            Ok(0)
        }
        Command::New { path, root, today } => {
            let options = crate::Options::new(today)?;
            let config = crate::config::Config::load(&root)?;
            let written = crate::scaffold::new_article(&config, &path, options.today)?;
            let mut text = String::new();
            for file in written {
                text.push_str(&format!("created {file}\n"));
            }
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            Ok(0)
        }
    }
}

fn color(stream: &impl IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn build(
    root: Utf8PathBuf,
    out: Option<Utf8PathBuf>,
    options: &crate::Options,
    timings: bool,
) -> Result<u8> {
    let out = out.unwrap_or_else(|| crate::default_out(&root));
    let built = crate::build(&root, &out, options)?;
    let stderr = std::io::stderr();
    let shown = built.checked.warnings_and_errors();
    let mut text = report::human::render(&shown, |d| built.checked.source(&d.file), color(&stderr));
    let summary = Summary::of(&built.checked.diagnostics);
    match built.written {
        Some(n) => {
            if !built.search_index {
                text.push_str("note: no search index: Pagefind was not found (run `npm install` in the site folder)\n");
            }
            text.push_str(&format!(
                "built {n} files into {out} ({})\n",
                report::human::summary_line(summary)
            ))
        }
        None => text.push_str(&format!(
            "not built: {}; the previous output in {out} is unchanged\n",
            report::human::summary_line(summary)
        )),
    }
    if timings {
        text.push_str("timings:\n");
        text.push_str(&built.checked.timings.render());
    }
    let _ = stderr.lock().write_all(text.as_bytes());
    Ok(if built.written.is_some() { 0 } else { 1 })
}

fn lint(
    root: Utf8PathBuf,
    paths: Vec<Utf8PathBuf>,
    format: Format,
    options: &crate::Options,
) -> Result<u8> {
    let checked = check(&root, &paths, options)?;
    let stdout = std::io::stdout();
    let source = |d: &Diagnostic| checked.source(&d.file);
    let text = match format {
        Format::Human => {
            let mut text = report::human::render(&checked.diagnostics, source, color(&stdout));
            text.push_str(&report::human::summary_line(Summary::of(
                &checked.diagnostics,
            )));
            text.push('\n');
            text
        }
        Format::Json => report::json::render(&checked.diagnostics, source),
        Format::Sarif => report::sarif::render(&checked.diagnostics, source, &uri_prefix(&root)),
        Format::Github => report::github::render(&checked.diagnostics, source, &uri_prefix(&root)),
    };
    let _ = stdout.lock().write_all(text.as_bytes());
    Ok(exit_code(&checked))
}

/// `--fix` / `--diff`: applies (or shows) the safe fixes and says what changed; the lint that
/// follows reports what is left.
fn fix_command(root: &Utf8PathBuf, paths: &[Utf8PathBuf], options: &crate::Options) -> Result<()> {
    let fixes = planned_fixes(root, paths, options)?;
    let stderr = std::io::stderr();
    let mut text = String::new();
    crate::fix::apply(root, &fixes)?;
    let count: usize = fixes.iter().map(|f| f.applied.len()).sum();
    for fix in &fixes {
        for applied in &fix.applied {
            text.push_str(&format!("fixed {applied}\n"));
        }
    }
    text.push_str(&format!(
        "{count} finding(s) fixed in {} file(s)\n",
        fixes.len()
    ));
    let _ = stderr.lock().write_all(text.as_bytes());
    Ok(())
}

/// The whole site, or only the given files.
fn check(
    root: &Utf8PathBuf,
    paths: &[Utf8PathBuf],
    options: &crate::Options,
) -> Result<crate::Checked> {
    if paths.is_empty() {
        crate::check(root, options)
    } else {
        crate::check_paths(root, paths, options)
    }
}

fn planned_fixes(
    root: &Utf8PathBuf,
    paths: &[Utf8PathBuf],
    options: &crate::Options,
) -> Result<Vec<crate::fix::FileFix>> {
    let checked = check(root, paths, options)?;
    Ok(crate::fix::plan(&checked.diagnostics, |p| {
        checked.source(p)
    }))
}

/// `--diff`: the safe fixes as a diff; nothing is written.
fn show_fixes(root: &Utf8PathBuf, paths: &[Utf8PathBuf], options: &crate::Options) -> Result<u8> {
    let fixes = planned_fixes(root, paths, options)?;
    let _ = std::io::stdout()
        .lock()
        .write_all(crate::fix::diff(&fixes).as_bytes());
    Ok(0)
}

/// The site root relative to the current folder (`""` or `"site/"`), so that SARIF and GitHub
/// annotations name files relative to the repository that CI checks out.
fn uri_prefix(root: &camino::Utf8Path) -> String {
    let (Ok(cwd), Ok(root)) = (std::env::current_dir(), std::fs::canonicalize(root)) else {
        return String::new();
    };
    let cwd = std::fs::canonicalize(&cwd).unwrap_or(cwd);
    match root.strip_prefix(&cwd) {
        Ok(rel) if rel.as_os_str().is_empty() => String::new(),
        Ok(rel) => format!("{}/", rel.to_string_lossy().replace('\\', "/")),
        Err(_) => String::new(),
    }
}

fn explain(rule: Option<&str>, all: bool) -> Result<u8> {
    use crate::lint::Rule;
    let text = if all {
        Rule::ALL
            .iter()
            .map(|r| r.doc().trim_end().to_string())
            .collect::<Vec<_>>()
            .join("\n\n---\n\n")
            + "\n"
    } else {
        let id = rule.unwrap_or_default();
        match Rule::from_id(id) {
            Some(rule) => rule.doc().to_string(),
            None => {
                let ids: Vec<&str> = Rule::ids().collect();
                return Err(crate::Error::msg(format!(
                    "`{id}` is not a rule: {}; `akashi explain --all` prints every rule",
                    crate::suggest::did_you_mean(id, &ids)
                )));
            }
        }
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Ok(0)
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
