//! Search: Pagefind indexes the rendered site after the build, in both languages (its npm
//! build segments Japanese). akashi runs it on the new output folder before that folder
//! replaces the old one.
//!
//! Pagefind is found as `AKASHI_PAGEFIND`, then the site's `node_modules/.bin/pagefind`
//! (`npm install` in the site), then `pagefind` on the `PATH`. Without it the site is built
//! without a search index and the build says so.

use crate::error::{Error, Result};
use camino::{Utf8Path, Utf8PathBuf};
use std::process::Command;

pub struct Pagefind {
    program: Utf8PathBuf,
}

impl Pagefind {
    pub fn find(root: &Utf8Path) -> Option<Pagefind> {
        if let Some(program) = std::env::var_os("AKASHI_PAGEFIND") {
            return Utf8PathBuf::from_path_buf(program.into())
                .ok()
                .map(|program| Pagefind { program });
        }
        let local = root.join("node_modules/.bin/pagefind");
        if local.is_file() {
            return Some(Pagefind { program: local });
        }
        let on_path = std::env::var_os("PATH")?;
        std::env::split_paths(&on_path)
            .map(|dir| dir.join("pagefind"))
            .find(|p| p.is_file())
            .and_then(|p| Utf8PathBuf::from_path_buf(p).ok())
            .map(|program| Pagefind { program })
    }

    /// Indexes the pages under `site` into `site/pagefind/`.
    pub fn index(&self, site: &Utf8Path) -> Result<()> {
        let output = Command::new(self.program.as_std_path())
            .arg("--site")
            .arg(site.as_std_path())
            .output()
            .map_err(|e| Error::io(self.program.clone(), "run", e))?;
        if !output.status.success() {
            return Err(Error::msg(format!(
                "Pagefind failed to build the search index:\n{}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            )));
        }
        Ok(())
    }
}
