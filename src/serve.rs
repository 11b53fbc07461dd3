//! `akashi serve`: builds the site, serves it on 127.0.0.1, watches the site's files, rebuilds
//! on a change and reloads open pages.
//!
//! A rebuild goes through the same lint and atomic output swap as `akashi build`, so a file
//! saved halfway or a change that introduces an error never replaces the last good site: the
//! server keeps serving it, prints the findings in the terminal and shows them over the page
//! in the browser. Bursts of saves are coalesced by the file watcher's debouncer.

use crate::error::{Error, Result};
use crate::lint::Diagnostic;
use crate::lint::report::human;
use axum::Router;
use axum::extract::State;
use axum::response::IntoResponse;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::get;
use camino::{Utf8Path, Utf8PathBuf};
use futures_util::stream::Stream;
use notify_debouncer_full::notify::RecursiveMode;
use std::convert::Infallible;
use std::sync::mpsc;
use std::time::{Duration, Instant};
use tokio::sync::broadcast;

/// What open pages are told.
#[derive(Debug, Clone)]
pub enum Notice {
    /// The site was rebuilt: reload.
    Reload,
    /// The last change has errors: show them; the previous site is still served.
    Findings(String),
}

const LIVE_JS: &str = include_str!("serve/live.js");

/// Paths under the site that trigger a rebuild.
const WATCHED: &[&str] = &["content", "templates", "locales", "static", "site.yaml"];

/// Runs the server until the process ends.
pub fn run(
    root: &Utf8Path,
    port: u16,
    options: &crate::Options,
    ready: impl FnOnce(u16),
) -> Result<()> {
    let out_dir = tempfile::Builder::new()
        .prefix("akashi-serve-")
        .tempdir()
        .map_err(|e| {
            Error::io(
                std::env::temp_dir().display().to_string(),
                "create a folder in",
                e,
            )
        })?;
    let out = Utf8PathBuf::from_path_buf(out_dir.path().join("site"))
        .map_err(|_| Error::msg("temporary folder path is not UTF-8"))?;
    let options = crate::Options {
        live_reload: true,
        ..options.clone()
    };
    let (tx, _) = broadcast::channel::<Notice>(64);

    rebuild(root, &out, &options, &tx);

    let (events_tx, events_rx) = mpsc::channel::<()>();
    let mut debouncer = notify_debouncer_full::new_debouncer(
        Duration::from_millis(150),
        None,
        move |result: notify_debouncer_full::DebounceEventResult| {
            if let Ok(events) = result {
                // Reading the files to rebuild is an access event too: only changes count.
                let changed = events
                    .iter()
                    .filter(|e| !e.kind.is_access() && !e.kind.is_other())
                    .flat_map(|e| e.paths.iter())
                    .any(|p| relevant(p));
                if changed {
                    let _ = events_tx.send(());
                }
            }
        },
    )
    .map_err(|e| Error::msg(format!("cannot watch the site's files: {e}")))?;
    for name in WATCHED {
        let path = root.join(name);
        if path.exists() {
            let mode = if path.is_dir() {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            debouncer
                .watch(path.as_std_path(), mode)
                .map_err(|e| Error::msg(format!("cannot watch `{path}`: {e}")))?;
        }
    }
    {
        let (root, out, tx) = (root.to_path_buf(), out.clone(), tx.clone());
        std::thread::spawn(move || {
            while events_rx.recv().is_ok() {
                // A burst of saves is one rebuild.
                while events_rx.recv_timeout(Duration::from_millis(50)).is_ok() {}
                rebuild(&root, &out, &options, &tx);
            }
        });
    }

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::msg(format!("cannot start the server: {e}")))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .map_err(|e| Error::msg(format!("cannot listen on 127.0.0.1:{port}: {e}")))?;
        let port = listener
            .local_addr()
            .map_err(|e| Error::msg(e.to_string()))?
            .port();
        let files = tower_http::services::ServeDir::new(out.as_std_path()).not_found_service(
            tower_http::services::ServeFile::new(out.join("404.html").as_std_path()),
        );
        let app = Router::new()
            .route("/__akashi/events", get(events))
            .route(
                "/__akashi/live.js",
                get(|| async {
                    (
                        [("content-type", "text/javascript; charset=utf-8")],
                        LIVE_JS,
                    )
                }),
            )
            .route("/__akashi/health", get(|| async { "ok" }))
            .fallback_service(files)
            .with_state(tx);
        ready(port);
        axum::serve(listener, app)
            .await
            .map_err(|e| Error::msg(format!("server stopped: {e}")))
    })?;
    drop(debouncer);
    drop(out_dir);
    Ok(())
}

/// Editors' temporary files (`.x.swp`, `x~`, `.#x`, `4913`) do not trigger a rebuild.
fn relevant(path: &std::path::Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    !(name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
        || name == "4913")
}

/// Builds into `out` and tells open pages; errors leave the previous site in place.
fn rebuild(
    root: &Utf8Path,
    out: &Utf8Path,
    options: &crate::Options,
    tx: &broadcast::Sender<Notice>,
) {
    let started = Instant::now();
    let result = crate::build(root, out, options);
    let elapsed = started.elapsed().as_millis();
    let mut stderr = String::new();
    match result {
        Ok(built) => {
            let shown = built.checked.warnings_and_errors();
            stderr.push_str(&human::render(
                &shown,
                |d| built.checked.source(&d.file),
                false,
            ));
            if built.written.is_some() {
                stderr.push_str(&format!("rebuilt in {elapsed} ms\n"));
                let _ = tx.send(Notice::Reload);
            } else {
                let errors: Vec<&Diagnostic> = shown.iter().filter(|d| d.is_error()).collect();
                let overlay: Vec<serde_json::Value> = errors
                    .iter()
                    .map(|d| {
                        let at = built
                            .checked
                            .source(&d.file)
                            .map(|s| s.line_col(d.span.start));
                        serde_json::json!({
                            "rule": d.rule.id(),
                            "file": d.file.as_str(),
                            "line": at.map(|a| a.line),
                            "column": at.map(|a| a.column),
                            "message": d.message,
                        })
                    })
                    .collect();
                stderr.push_str(&format!(
                    "not rebuilt: {} error(s); still serving the last good build\n",
                    errors.len()
                ));
                let _ = tx.send(Notice::Findings(
                    serde_json::Value::from(overlay).to_string(),
                ));
            }
        }
        Err(e) => {
            stderr.push_str(&format!(
                "not rebuilt: {e}; still serving the last good build\n"
            ));
            let overlay = serde_json::json!([{"rule": "", "file": "", "line": null, "column": null, "message": e.to_string()}]);
            let _ = tx.send(Notice::Findings(overlay.to_string()));
        }
    }
    use std::io::Write;
    let _ = std::io::stderr().lock().write_all(stderr.as_bytes());
}

async fn events(State(tx): State<broadcast::Sender<Notice>>) -> impl IntoResponse {
    Sse::new(notices(tx.subscribe())).keep_alive(KeepAlive::default())
}

fn notices(
    rx: broadcast::Receiver<Notice>,
) -> impl Stream<Item = std::result::Result<Event, Infallible>> {
    futures_util::stream::unfold(rx, |mut rx| async move {
        loop {
            match rx.recv().await {
                Ok(Notice::Reload) => {
                    return Some((Ok(Event::default().event("reload").data("reload")), rx));
                }
                Ok(Notice::Findings(json)) => {
                    return Some((Ok(Event::default().event("findings").data(json)), rx));
                }
                Err(broadcast::error::RecvError::Lagged(_)) => continue,
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    })
}
