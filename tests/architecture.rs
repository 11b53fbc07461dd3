//! The direction of imports (ARCHITECTURE.md): findings sit at the bottom, and no stage before
//! the lint (loading, configuration, parsing, the theme, the site) imports the lint or anything
//! after it. Read from the source, so a `use` against the direction fails here.

use std::collections::BTreeSet;
use std::path::Path;

/// Top-level modules of `src/` before the lint, bottom first.
const BEFORE_LINT: &[&str] = &[
    "findings",
    "timings",
    "text",
    "source",
    "suggest",
    "web_address",
    "yaml",
    "error",
    "config",
    "content",
    "parse",
    "theme",
    "routes",
    "site",
];

/// Modules at or after the lint: checking, rendering, writing, and the commands.
const LATER: &[&str] = &[
    "lint",
    "render",
    "search",
    "write",
    "incremental",
    "fix",
    "scaffold",
    "serve",
    "cli",
];

/// The crate modules a file names (`crate::x`, `crate::{x::…}`), comments left out.
fn imports(text: &str) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for part in group.split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                found.insert(name);
            }
        } else {
            found.insert(
                rest.chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect(),
            );
        }
    }
    found
}

fn module_files(module: &str) -> Vec<std::path::PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let file = src.join(format!("{module}.rs"));
    if file.is_file() {
        return vec![file];
    }
    walkdir::WalkDir::new(src.join(module))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect()
}

#[test]
fn no_stage_before_the_lint_imports_the_lint_or_a_later_stage() {
    let mut wrong = Vec::new();
    for module in BEFORE_LINT {
        let files = module_files(module);
        assert!(!files.is_empty(), "no source for `{module}`");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for name in imports(&text) {
                if LATER.contains(&name.as_str()) {
                    wrong.push(format!("{} imports crate::{name}", file.display()));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the direction:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn findings_import_no_stage() {
    for file in module_files("findings") {
        let text = std::fs::read_to_string(&file).unwrap();
        let stages: Vec<String> = imports(&text)
            .into_iter()
            .filter(|name| name != "findings")
            .collect();
        assert!(stages.is_empty(), "{} imports {stages:?}", file.display());
    }
}

#[test]
fn the_import_reader_sees_grouped_and_plain_paths() {
    let found =
        imports("use crate::{lint::Rule, text};\n// crate::serve\nlet x = crate::render::page();");
    assert_eq!(
        found.into_iter().collect::<Vec<_>>(),
        ["lint", "render", "text"]
    );
}

#[test]
fn every_module_of_the_crate_has_a_place_in_the_order() {
    let lib =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let unplaced: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';'))
        .filter(|m| !BEFORE_LINT.contains(m) && !LATER.contains(m))
        .collect();
    assert!(
        unplaced.is_empty(),
        "modules missing from BEFORE_LINT or LATER: {unplaced:?}"
    );
}
