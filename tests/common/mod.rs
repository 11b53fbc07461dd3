//! Shared helpers for the integration tests: fixture sites copied into a temporary folder with
//! the repository's own theme, and a runner for the akashi binary.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture site in a temporary folder.
pub struct Site {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
}

impl Site {
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// Copies `tests/fixtures/NAME` with the repository's templates, locales and static files (a
/// fixture's own take precedence) and `tests/fixtures/site.yaml` unless it has its own.
pub fn fixture(name: &str) -> Site {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    std::fs::create_dir_all(&root).unwrap();
    for theme in ["templates", "locales", "static"] {
        copy_tree(&repo().join(theme), &root.join(theme));
    }
    std::fs::copy(
        repo().join("tests/fixtures/site.yaml"),
        root.join("site.yaml"),
    )
    .unwrap();
    copy_tree(&repo().join("tests/fixtures").join(name), &root);
    Site { _dir: dir, root }
}

/// The names of the entries of `tests/fixtures/<dir>`, sorted: one per fixture site.
pub fn fixture_names(dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo().join("tests/fixtures").join(dir))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The date every test run treats as today (2026-11-22), so that review deadlines in fixtures
/// do not expire.
pub const TODAY_EPOCH: &str = "1795305600";

/// The repository's sample site built into a temporary folder, which lives as long as the
/// returned guard; the path is the built site's folder.
pub fn build_sample() -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("p");
    let run = akashi(&repo(), &["build", "--out", site.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    (out, site)
}

/// Runs akashi with `args` in `cwd`.
pub fn akashi(cwd: &Path, args: &[&str]) -> Run {
    akashi_env(cwd, args, &[("NO_COLOR", "1")])
}

/// Runs akashi with `args` in `cwd` and the given environment variables (and none of the
/// colour variables of the environment the tests run in).
pub fn akashi_env(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_akashi"))
        .args(args)
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .envs(env.iter().copied())
        .env("SOURCE_DATE_EPOCH", TODAY_EPOCH)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Every file below `dir`, by relative path.
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    files
}

/// The `lint --format json` findings of a site as (rule, line, column, message, help).
pub fn findings(root: &Path) -> (i32, Vec<serde_json::Value>) {
    let run = akashi(root, &["lint", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "lint did not print JSON ({e}): {}\n{}",
            run.stdout, run.stderr
        )
    });
    (run.code, doc["diagnostics"].as_array().unwrap().clone())
}
