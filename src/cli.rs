//! Command-line interface: clap definitions and one function per command. Each returns the
//! process exit code: 0 (nothing blocks publishing), 1 (findings that block publishing).
//! Errors that stop the run become exit code 2 in [`main`]. This is the only module that
//! prints.

use crate::lint::report::{self, Summary};
use crate::lint::{Diagnostic, Rule, Severity};
use crate::source::SourceFile;
use crate::{Checked, Result};
use camino::{Utf8Path, Utf8PathBuf};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};

#[derive(Debug, Parser)]
#[command(
    name = "akashi",
    version,
    about = "Bilingual patient information, every treatment claim with its evidence",
    after_help = "The site is the nearest folder with a site.yaml, from the current folder up, unless --root names it.\nFiles are named relative to the current folder in every output format.\nExit codes: 0 nothing blocks publishing, 1 findings that block publishing, 2 the run itself failed."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Colours in the terminal: auto (when it is a terminal and NO_COLOR is not set, or when
    /// CLICOLOR_FORCE is), always or never
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print only what blocks publishing: errors, without warnings, notes, progress or summary
    /// (the json, sarif and github formats stay complete)
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint the site, then render it into the output folder
    Build {
        /// The site's folder (default: the nearest folder with a site.yaml, from here up)
        #[arg(long)]
        root: Option<Utf8PathBuf>,
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
        /// The site's folder, whose configuration, references and theme apply (default: the
        /// nearest folder with a site.yaml, from here up)
        #[arg(long)]
        root: Option<Utf8PathBuf>,
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Write the report to FILE instead of standard output (also when the run fails)
        #[arg(long, short, value_name = "FILE")]
        output_file: Option<Utf8PathBuf>,
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
        /// The site's folder (default: the nearest folder with a site.yaml, from here up)
        #[arg(long)]
        root: Option<Utf8PathBuf>,
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
    /// Start a site: site.yaml with every key explained, an article pair with a tagged claim,
    /// and references.yaml (the theme is built in)
    Init {
        /// The folder of the new site (created if needed)
        #[arg(default_value = ".")]
        dir: Utf8PathBuf,
        /// Also write the built-in theme (templates, UI strings, style sheet, scripts) for
        /// editing; in an existing site, write only the theme
        #[arg(long)]
        theme: bool,
        /// The date to fill in (default: SOURCE_DATE_EPOCH or today)
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<jiff::civil::Date>,
    },
    /// Create a new article in every language of the site, as a draft
    New {
        /// Where: SECTION/SLUG, for example treatments/ketamine
        path: String,
        /// The site's folder (default: the nearest folder with a site.yaml, from here up)
        #[arg(long)]
        root: Option<Utf8PathBuf>,
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
        /// Output format
        #[arg(long, value_enum, default_value_t = DocFormat::Human)]
        format: DocFormat,
    },
    /// List every rule: id, severity and what it finds
    Rules {
        /// Output format
        #[arg(long, value_enum, default_value_t = DocFormat::Human)]
        format: DocFormat,
    },
    /// Print a shell completion script (for example `akashi completions bash > ~/.local/share/bash-completion/completions/akashi`)
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocFormat {
    /// Markdown text, for people
    Human,
    /// JSON: id, severity, summary, description, documentation (Markdown) and url of each rule
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// What every command is told besides its own arguments.
#[derive(Debug, Clone, Copy)]
struct Terminal {
    color: ColorChoice,
    quiet: bool,
}

impl Terminal {
    /// Whether to colour what goes to `stream`.
    fn color(self, stream: &impl IsTerminal) -> bool {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto if set("NO_COLOR") => false,
            ColorChoice::Auto
                if set("CLICOLOR_FORCE") && std::env::var_os("CLICOLOR_FORCE").unwrap() != "0" =>
            {
                true
            }
            ColorChoice::Auto => stream.is_terminal(),
        }
    }
}

/// Runs the command and prints what stopped it, if anything; returns the exit code.
pub fn main(cli: Cli) -> u8 {
    let terminal = Terminal {
        color: cli.color,
        quiet: cli.quiet,
    };
    match run(cli.command, terminal) {
        Ok(code) => code,
        Err(error) => {
            print_error(&error, terminal);
            2
        }
    }
}

/// The site root: `--root` when given, else the nearest folder with a site.yaml from here up.
fn site_root(root: Option<Utf8PathBuf>) -> Result<Utf8PathBuf> {
    match root {
        Some(root) => Ok(root),
        None => crate::config::Config::find_root(Utf8Path::new(".")),
    }
}

fn run(command: Command, terminal: Terminal) -> Result<u8> {
    match command {
        Command::Build {
            root,
            out,
            today,
            timings,
        } => build(
            site_root(root)?,
            out,
            &crate::Options::new(today)?,
            timings,
            terminal,
        ),
        Command::Lint {
            paths,
            root,
            format,
            output_file,
            today,
            fix,
            diff,
        } => {
            let report = Report {
                format,
                output_file,
                terminal,
            };
            let prepared = crate::Options::new(today).and_then(|o| Ok((o, site_root(root)?)));
            let (options, root) = match prepared {
                Ok(p) => p,
                Err(e) => return report.failed(e, Utf8Path::new(".")),
            };
            let paths = match absolute_paths(paths) {
                Ok(p) => p,
                Err(e) => return report.failed(e, &root),
            };
            if diff {
                return show_fixes(&root, &paths, &options);
            }
            if fix && let Err(e) = fix_command(&root, &paths, &options, terminal) {
                return report.failed(e, &root);
            }
            lint(&root, &paths, &options, &report)
        }
        Command::Explain { rule, all, format } => explain(rule.as_deref(), all, format),
        Command::Rules { format } => rules(format),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut command, "akashi", &mut out);
            let _ = std::io::stdout().lock().write_all(&out);
            Ok(0)
        }
        Command::Serve {
            root,
            port,
            today,
            timings,
        } => {
            let options = crate::Options::new(today)?;
            let root = site_root(root)?;
            crate::serve::run(&root, port, &options, timings, |port| {
                let _ = writeln!(
                    std::io::stdout().lock(),
                    "serving the site at http://127.0.0.1:{port}/ (stop with Ctrl-C)"
                );
            })?;
            Ok(0)
        }
        Command::Init { dir, theme, today } => {
            use crate::scaffold::init::{What, init};
            let options = crate::Options::new(today)?;
            let is_site = dir.join(crate::config::FILE_NAME).exists();
            let what = if theme && is_site {
                What::Theme
            } else {
                What::Site { theme }
            };
            let written = init(&dir, what, options.today)?;
            if !terminal.quiet {
                let mut text = String::new();
                for file in &written {
                    text.push_str(&format!("created {file}\n"));
                }
                if what != What::Theme {
                    let cd = if dir == "." {
                        String::new()
                    } else {
                        format!("cd {dir} && ")
                    };
                    text.push_str(&format!(
                        "\nA bilingual site with one article pair. Next:\n  {cd}akashi serve      # see it at http://127.0.0.1:8000/, reloading on every save\n  akashi new treatments/NAME   # add an article in both languages\n  akashi lint       # what CI checks\n"
                    ));
                }
                let _ = std::io::stdout().lock().write_all(text.as_bytes());
            }
            Ok(0)
        }
        Command::New { path, root, today } => {
            let options = crate::Options::new(today)?;
            let config = crate::config::Config::load(&site_root(root)?)?;
            let written = crate::scaffold::new_article(&config, &path, options.today)?;
            let mut text = String::new();
            for file in written {
                text.push_str(&format!("created {file}\n"));
            }
            if !terminal.quiet {
                let _ = std::io::stdout().lock().write_all(text.as_bytes());
            }
            Ok(0)
        }
    }
}

/// Paths given on the command line, made absolute, so that findings in them are named from
/// the current folder like every other file.
fn absolute_paths(paths: Vec<Utf8PathBuf>) -> Result<Vec<Utf8PathBuf>> {
    paths
        .into_iter()
        .map(|p| {
            let absolute =
                std::path::absolute(&p).map_err(|e| crate::Error::io(p.clone(), "open", e))?;
            Utf8PathBuf::from_path_buf(absolute)
                .map_err(|_| crate::Error::msg(format!("`{p}` is not a UTF-8 path")))
        })
        .collect()
}

fn build(
    root: Utf8PathBuf,
    out: Option<Utf8PathBuf>,
    options: &crate::Options,
    timings: bool,
    terminal: Terminal,
) -> Result<u8> {
    let out = out.unwrap_or_else(|| crate::default_out(&root));
    let built = crate::build(&root, &out, options)?;
    let stderr = std::io::stderr();
    let mut shown = built.checked.warnings_and_errors();
    if terminal.quiet {
        shown.retain(|d| d.severity == Severity::Error);
    }
    let (shown, files) = report::Paths::new(&root).rebase(&shown);
    let mut text = report::human::render(
        &shown,
        |d| files.get(&d.file).and_then(|f| built.checked.source(f)),
        terminal.color(&stderr),
    );
    let summary = Summary::of(&built.checked.diagnostics);
    match built.written {
        Some(_) if terminal.quiet => {}
        Some(n) => {
            if !built.search_index {
                text.push_str("note: no search index: Pagefind was not found (`npm install pagefind` in the site folder, or `pagefind` on the PATH)\n");
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

/// Where and how `lint` reports.
struct Report {
    format: Format,
    output_file: Option<Utf8PathBuf>,
    terminal: Terminal,
}

impl Report {
    /// Renders the findings, their files named from the current folder, and `failure` when
    /// the run stopped.
    fn render<'s>(
        &self,
        diagnostics: &[Diagnostic],
        source: impl Fn(&Utf8Path) -> Option<&'s SourceFile>,
        root: &Utf8Path,
        failure: Option<&str>,
    ) -> String {
        let (mut shown, files) = report::Paths::new(root).rebase(diagnostics);
        let source = |d: &Diagnostic| files.get(&d.file).and_then(|f| source(f));
        match self.format {
            Format::Human => {
                if self.terminal.quiet {
                    shown.retain(|d| d.severity == Severity::Error);
                }
                let color = self.output_file.is_none() && self.terminal.color(&std::io::stdout());
                let mut text = report::human::render(&shown, source, color);
                if !self.terminal.quiet && failure.is_none() {
                    text.push_str(&report::human::summary_line(Summary::of(diagnostics)));
                    text.push('\n');
                }
                text
            }
            Format::Json => report::json::render(&shown, source, failure),
            Format::Sarif => {
                let base = std::env::current_dir().and_then(std::fs::canonicalize).ok();
                report::sarif::render(&shown, source, base.as_deref(), failure)
            }
            Format::Github => report::github::render(&shown, source, failure),
        }
    }

    /// Writes the report to standard output or, replacing it whole, to `--output-file`.
    fn write(&self, text: &str) -> Result<()> {
        match &self.output_file {
            None => {
                let _ = std::io::stdout().lock().write_all(text.as_bytes());
                Ok(())
            }
            Some(path) => crate::write::replace_file(path, text.as_bytes()),
        }
    }

    /// The run stopped. The machine formats and `--output-file` still get a report that says
    /// why, with the findings that explain it (errors in site.yaml, say), so that CI shows
    /// them; the error also goes to standard error, and the exit code is 2.
    fn failed(&self, error: crate::Error, root: &Utf8Path) -> Result<u8> {
        if self.format != Format::Human || self.output_file.is_some() {
            let (diagnostics, sources): (&[Diagnostic], &[SourceFile]) = match &error {
                crate::Error::Invalid {
                    sources,
                    diagnostics,
                } => (diagnostics, sources),
                _ => (&[], &[]),
            };
            let text = self.render(
                diagnostics,
                |p| sources.iter().find(|s| s.path == p),
                root,
                Some(&error.to_string()),
            );
            self.write(&text)?;
        }
        Err(error)
    }
}

fn lint(
    root: &Utf8PathBuf,
    paths: &[Utf8PathBuf],
    options: &crate::Options,
    report: &Report,
) -> Result<u8> {
    let checked = match check(root, paths, options) {
        Ok(checked) => checked,
        Err(e) => return report.failed(e, root),
    };
    let text = report.render(&checked.diagnostics, |p| checked.source(p), root, None);
    report.write(&text)?;
    Ok(exit_code(&checked))
}

/// `--fix`: applies the safe fixes and says what changed; the lint that follows reports what
/// is left.
fn fix_command(
    root: &Utf8PathBuf,
    paths: &[Utf8PathBuf],
    options: &crate::Options,
    terminal: Terminal,
) -> Result<()> {
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
    if !terminal.quiet {
        let _ = stderr.lock().write_all(text.as_bytes());
    }
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

/// A rule as `explain --format json` and `rules --format json` give it.
fn rule_json(rule: Rule, with_doc: bool) -> serde_json::Value {
    let mut value = serde_json::json!({
        "id": rule.id(),
        "severity": rule.default_severity().as_str(),
        "summary": rule.summary(),
        "description": rule.description(),
        "url": rule.doc_url(),
    });
    if with_doc {
        value["documentation"] = serde_json::json!(rule.doc());
    }
    value
}

fn json_text(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

fn explain(rule: Option<&str>, all: bool, format: DocFormat) -> Result<u8> {
    let rules: Vec<Rule> = if all {
        Rule::ALL.to_vec()
    } else {
        let id = rule.unwrap_or_default();
        match Rule::from_id(id) {
            Some(rule) => vec![rule],
            None => {
                let ids: Vec<&str> = Rule::ids().collect();
                return Err(crate::Error::msg(format!(
                    "`{id}` is not a rule: {}; `akashi rules` lists every rule",
                    crate::suggest::did_you_mean(id, &ids)
                )));
            }
        }
    };
    let text = match format {
        DocFormat::Human => {
            rules
                .iter()
                .map(|r| r.doc().trim_end().to_string())
                .collect::<Vec<_>>()
                .join("\n\n---\n\n")
                + "\n"
        }
        DocFormat::Json if all => json_text(&serde_json::Value::Array(
            rules.iter().map(|r| rule_json(*r, true)).collect(),
        )),
        DocFormat::Json => json_text(&rule_json(rules[0], true)),
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Ok(0)
}

fn rules(format: DocFormat) -> Result<u8> {
    let text = match format {
        DocFormat::Human => {
            let width = Rule::ids().map(str::len).max().unwrap_or(0);
            let mut text = String::new();
            for rule in Rule::ALL {
                text.push_str(&format!(
                    "{:width$}  {:7}  {}\n",
                    rule.id(),
                    rule.default_severity().as_str(),
                    rule.summary()
                ));
            }
            text.push_str("\n`akashi explain RULE` prints a rule's documentation.\n");
            text
        }
        DocFormat::Json => json_text(&serde_json::Value::Array(
            Rule::ALL.iter().map(|r| rule_json(*r, false)).collect(),
        )),
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Ok(0)
}

fn exit_code(checked: &Checked) -> u8 {
    if checked.has_errors() { 1 } else { 0 }
}

/// Prints what stopped the run to stderr, with the findings of a configuration error.
fn print_error(error: &crate::Error, terminal: Terminal) {
    let stderr = std::io::stderr();
    let text = match error {
        crate::Error::Invalid {
            sources,
            diagnostics,
        } => {
            let (shown, files) = report::Paths::new(Utf8Path::new(".")).rebase(diagnostics);
            let mut t = report::human::render(
                &shown,
                |d| {
                    files
                        .get(&d.file)
                        .and_then(|f| sources.iter().find(|s| s.path == *f))
                },
                terminal.color(&stderr),
            );
            t.push_str(&format!("error: {error}\n"));
            t
        }
        other => format!("error: {other}\n"),
    };
    let _ = stderr.lock().write_all(text.as_bytes());
}
