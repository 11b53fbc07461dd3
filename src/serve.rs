//! `akashi serve`: builds the site, serves it on 127.0.0.1, watches the site's files, rebuilds
//! on a change and reloads open pages.
//!
//! The site is served from memory. A rebuild goes through the same lint as `akashi build` and
//! reuses what the last one made for everything a change did not affect (see
//! [`crate::incremental`]); when it succeeds, the new site replaces the old one in one step, so
//! a reader never gets a half-built page. A file saved halfway or a change that introduces an
//! error never replaces the last good site: the server keeps serving it, prints the findings in
//! the terminal and shows them over the page in the browser. Bursts of saves are coalesced by
//! the file watcher's debouncer. The search index, which takes longer, is rebuilt on disk in the
//! background after each good build and served from there.

use crate::error::{Error, Result};
use crate::incremental::{Cache, Change};
use crate::lint::Diagnostic;
use crate::lint::report::human;
use crate::render::OutputFile;
use axum::Router;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use camino::{Utf8Path, Utf8PathBuf};
use futures_util::stream::Stream;
use notify_debouncer_full::notify::RecursiveMode;
use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::{Arc, RwLock, mpsc};
use std::time::{Duration, Instant};
use tokio::sync::broadcast;
use tower::ServiceExt;

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

/// The built site: its files sorted by path inside the output folder (`ja/index.html`), as a
/// rebuild hands them over (and the search index's writer shares them), found by binary search.
#[derive(Default)]
struct Served {
    files: Arc<Vec<OutputFile>>,
}

impl Served {
    fn get(&self, path: &str) -> Option<&bytes::Bytes> {
        let at = self
            .files
            .binary_search_by(|f| f.path.as_str().cmp(path))
            .ok()?;
        Some(&self.files[at].bytes)
    }
}

/// What the request handlers share.
#[derive(Clone)]
struct Shared {
    site: Arc<RwLock<Arc<Served>>>,
    notices: broadcast::Sender<Notice>,
    /// Where the search index is written (its `pagefind/` folder is served from there).
    search_dir: Utf8PathBuf,
}

/// Runs the server until the process ends.
pub fn run(
    root: &Utf8Path,
    port: u16,
    options: &crate::Options,
    timings: bool,
    ready: impl FnOnce(u16),
) -> Result<()> {
    let search_tmp = tempfile::Builder::new()
        .prefix("akashi-serve-")
        .tempdir()
        .map_err(|e| {
            Error::io(
                std::env::temp_dir().display().to_string(),
                "create a folder in",
                e,
            )
        })?;
    let search_dir = Utf8PathBuf::from_path_buf(search_tmp.path().join("site"))
        .map_err(|_| Error::msg("temporary folder path is not UTF-8"))?;
    let options = crate::Options {
        live_reload: true,
        ..options.clone()
    };
    let (tx, _) = broadcast::channel::<Notice>(64);
    let shared = Shared {
        site: Arc::new(RwLock::new(Arc::new(Served::default()))),
        notices: tx,
        search_dir: search_dir.clone(),
    };
    let pagefind = crate::search::Pagefind::find(root);
    let search_jobs = pagefind.map(|pagefind| search_worker(pagefind, search_dir.clone()));

    let mut builder = Builder {
        root: root.to_path_buf(),
        options,
        cache: Cache::default(),
        shared: shared.clone(),
        search_jobs,
        timings,
    };
    builder.rebuild();

    let (events_tx, events_rx) = mpsc::channel::<Change>();
    // The watcher names files by absolute paths; the site names them from `root` as given.
    let watched_root = std::path::absolute(root.as_std_path())
        .map_err(|e| Error::msg(format!("cannot watch `{root}`: {e}")))?;
    let site_root = root.to_path_buf();
    let debouncer = notify_debouncer_full::new_debouncer(
        Duration::from_millis(DEBOUNCE_MS),
        None,
        move |result: notify_debouncer_full::DebounceEventResult| {
            let change = match result {
                Ok(events) => change_of(&events, &watched_root, &site_root),
                // The watcher lost track (its queue overflowed): look at everything.
                Err(_) => Some(Change::Anything),
            };
            if let Some(change) = change {
                let _ = events_tx.send(change);
            }
        },
    )
    .map_err(|e| Error::msg(format!("cannot watch the site's files: {e}")))?;
    let mut watches = Watches {
        debouncer,
        root: root.to_path_buf(),
        armed: HashMap::new(),
    };
    // The site's folder itself, not its subfolders: to see content/, templates/ and the others
    // appear, disappear or be replaced, and watch them again.
    watches
        .debouncer
        .watch(root.as_std_path(), RecursiveMode::NonRecursive)
        .map_err(|e| Error::msg(format!("cannot watch `{root}`: {e}")))?;
    watches.arm()?;
    std::thread::spawn(move || {
        while let Ok(mut change) = events_rx.recv() {
            // A burst of saves is one rebuild: wait for a quiet moment, but not for ever.
            let first = Instant::now();
            loop {
                match events_rx.recv_timeout(QUIET) {
                    Ok(more) => {
                        change = change.and(more);
                        if first.elapsed() >= MAX_WAIT {
                            break;
                        }
                    }
                    Err(mpsc::RecvTimeoutError::Timeout) => break,
                    Err(mpsc::RecvTimeoutError::Disconnected) => return,
                }
            }
            builder.cache.told(change);
            if let Err(e) = watches.arm() {
                use std::io::Write;
                let line =
                    format!("{e}: changes there are not seen until akashi serve is restarted\n");
                let _ = std::io::stderr().lock().write_all(line.as_bytes());
            }
            builder.rebuild();
        }
    });

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
            .fallback(serve_file)
            .layer(axum::middleware::from_fn(only_local_hosts))
            .with_state(shared);
        ready(port);
        // Open pages keep their event streams open: on a signal the server stops at once.
        tokio::select! {
            () = accept(listener, app) => Ok(()),
            _ = stopped() => Ok(()),
        }
    })?;
    drop(search_tmp);
    Ok(())
}

/// At most this many connections are open at once; more are closed as they arrive, so that a
/// flood of connections cannot use up the process's files (a rebuild needs some).
const MAX_CONNECTIONS: usize = 256;
/// A connection must send a whole request head within this long of opening (or of its last
/// response), or it is closed.
const HEADER_TIMEOUT: Duration = Duration::from_secs(5);

/// Accepts connections and serves each with `app`, within [`MAX_CONNECTIONS`] and
/// [`HEADER_TIMEOUT`]. Responses themselves (the live-reload stream) have no time limit.
async fn accept(listener: tokio::net::TcpListener, app: Router) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let open = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            // Out of files or a connection reset before it was accepted: go on with the next.
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        let Ok(permit) = open.clone().try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone().map_request(
            |request: Request<hyper::body::Incoming>| request.map(axum::body::Body::new),
        ));
        tokio::spawn(async move {
            // A connection that sends nothing at all is closed too.
            if tokio::time::timeout(HEADER_TIMEOUT, stream.readable())
                .await
                .is_err()
            {
                return;
            }
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT);
            let _ = http.serve_connection(TokioIo::new(stream), service).await;
            drop(permit);
        });
    }
}

/// Refuses requests whose `Host` is not this machine's loopback name or address, so that a
/// page elsewhere that points its own host name at 127.0.0.1 (DNS rebinding) cannot read the
/// site, its findings or the live-reload stream, as Vite and webpack-dev-server refuse them.
async fn only_local_hosts(request: Request, next: axum::middleware::Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| request.uri().host());
    match host {
        Some(host) if is_local_host(host) => next.run(request).await,
        _ => (
            StatusCode::FORBIDDEN,
            "akashi serve answers only requests for localhost, 127.0.0.1 or [::1]\n",
        )
            .into_response(),
    }
}

/// `localhost`, a name under `.localhost`, `127.0.0.1` or `[::1]`, with or without a port.
fn is_local_host(host: &str) -> bool {
    let name = match host.rsplit_once(':') {
        Some((name, port)) if !name.ends_with(':') && port.bytes().all(|b| b.is_ascii_digit()) => {
            name
        }
        _ => host,
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name == "localhost" || name.ends_with(".localhost") || name == "127.0.0.1" || name == "[::1]"
}

/// Resolves on Ctrl-C or a termination signal, so that the server stops and removes its
/// temporary folder.
async fn stopped() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate => {}
    }
}

/// How long the watcher holds file events to merge those of one save.
const DEBOUNCE_MS: u64 = 10;
/// A rebuild starts when no file has changed for this long...
const QUIET: Duration = Duration::from_millis(30);
/// ...or when changes have gone on for this long.
const MAX_WAIT: Duration = Duration::from_millis(400);

/// Answers a request from the site in memory, or from the search index on disk.
async fn serve_file(State(shared): State<Shared>, request: Request) -> Response {
    let path = crate::routes::percent_decode(request.uri().path());
    let key = path.trim_start_matches('/');
    if key.starts_with("pagefind/") {
        let dir = tower_http::services::ServeDir::new(shared.search_dir.as_std_path());
        return match dir.oneshot(request).await {
            Ok(response) => response.into_response(),
            Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
        };
    }
    let site = shared
        .site
        .read()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .clone();
    let index = format!("{key}index.html");
    let found = if key.is_empty() || key.ends_with('/') {
        site.get(&index).map(|b| (index.as_str(), b))
    } else {
        site.get(key).map(|b| (key, b))
    };
    if let Some((name, bytes)) = found {
        return file_response(StatusCode::OK, name, bytes.clone());
    }
    // A folder asked for without its slash: where its page is, always on this server (`//en`
    // must not become `//en/`, an address on another host).
    if site.get(&format!("{key}/index.html")).is_some() {
        let path = request.uri().path().trim_start_matches('/');
        return (
            StatusCode::PERMANENT_REDIRECT,
            [(header::LOCATION, format!("/{path}/"))],
        )
            .into_response();
    }
    match site.get("404.html") {
        Some(bytes) => file_response(StatusCode::NOT_FOUND, "404.html", bytes.clone()),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

fn file_response(status: StatusCode, name: &str, bytes: bytes::Bytes) -> Response {
    let mime = mime_guess::from_path(name).first_or_octet_stream();
    let content_type = if mime.type_() == mime_guess::mime::TEXT
        || mime.subtype() == mime_guess::mime::JAVASCRIPT
        || mime.subtype() == mime_guess::mime::JSON
        || mime.subtype() == mime_guess::mime::XML
    {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    };
    (
        status,
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache".to_string()),
        ],
        bytes,
    )
        .into_response()
}

/// Writes each good build to disk and indexes it with Pagefind, one at a time; builds that
/// arrive while one is being indexed are skipped for the newest.
fn search_worker(
    pagefind: crate::search::Pagefind,
    dir: Utf8PathBuf,
) -> mpsc::Sender<Arc<Vec<OutputFile>>> {
    let (tx, rx) = mpsc::channel::<Arc<Vec<OutputFile>>>();
    std::thread::spawn(move || {
        while let Ok(mut files) = rx.recv() {
            while let Ok(newer) = rx.try_recv() {
                files = newer;
            }
            let started = Instant::now();
            let result = crate::write::write_site(&dir, &files, |staging| pagefind.index(staging));
            let line = match result {
                Ok(()) => format!(
                    "search index rebuilt in {} ms\n",
                    started.elapsed().as_millis()
                ),
                Err(e) => format!("search index not rebuilt: {e}\n"),
            };
            use std::io::Write;
            let _ = std::io::stderr().lock().write_all(line.as_bytes());
        }
    });
    tx
}

/// What a batch of watcher events means for the site in `root` (absolute; the site names its
/// files from `site_root`, as given); `None` when nothing that can change the site changed.
fn change_of(
    events: &[notify_debouncer_full::DebouncedEvent],
    root: &std::path::Path,
    site_root: &Utf8Path,
) -> Option<Change> {
    use notify_debouncer_full::notify::EventKind;
    use notify_debouncer_full::notify::event::ModifyKind;
    let mut in_place = Vec::new();
    let mut seen = false;
    // Reading the files to rebuild is an access event too: only changes count.
    for event in events
        .iter()
        .filter(|e| !e.kind.is_access() && !e.kind.is_other())
    {
        let paths: Vec<&std::path::PathBuf> =
            event.paths.iter().filter(|p| relevant(p, root)).collect();
        if paths.is_empty() {
            continue;
        }
        seen = true;
        let written = matches!(
            event.kind,
            EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Metadata(_) | ModifyKind::Any)
        );
        if !written || event.need_rescan() {
            return Some(Change::Anything);
        }
        for path in paths {
            let Some(rel) = path.strip_prefix(root).ok().and_then(Utf8Path::from_path) else {
                return Some(Change::Anything);
            };
            if rel.starts_with(crate::content::CONTENT_DIR) {
                in_place.push(site_root.join(rel));
            }
        }
    }
    seen.then_some(Change::InPlace(in_place))
}

/// Rebuilds the site on demand, keeping what each build made for the next.
struct Builder {
    root: Utf8PathBuf,
    options: crate::Options,
    cache: Cache,
    shared: Shared,
    search_jobs: Option<mpsc::Sender<Arc<Vec<OutputFile>>>>,
    /// Print the stages of every rebuild.
    timings: bool,
}

/// Editors' temporary files (`.x.swp`, `x~`, `.#x`, `4913`) do not trigger a rebuild.
/// The watches on the site's folders and files: what is watched, by the identity of the
/// folder or file (its inode) when it was armed.
struct Watches {
    debouncer: notify_debouncer_full::Debouncer<
        notify_debouncer_full::notify::RecommendedWatcher,
        notify_debouncer_full::RecommendedCache,
    >,
    root: Utf8PathBuf,
    armed: HashMap<&'static str, u64>,
}

impl Watches {
    /// Watches each of [`WATCHED`] that exists and is not watched yet, or is another folder or
    /// file than the one watched (`content/` moved away and copied back: the watch followed the
    /// old folder), and forgets those that are gone.
    fn arm(&mut self) -> Result<()> {
        for name in WATCHED {
            let path = self.root.join(name);
            match std::fs::metadata(&path) {
                Ok(meta) => {
                    let id = identity(&meta);
                    if self.armed.get(name) == Some(&id) {
                        continue;
                    }
                    let _ = self.debouncer.unwatch(path.as_std_path());
                    let mode = if meta.is_dir() {
                        RecursiveMode::Recursive
                    } else {
                        RecursiveMode::NonRecursive
                    };
                    self.debouncer
                        .watch(path.as_std_path(), mode)
                        .map_err(|e| Error::msg(format!("cannot watch `{path}`: {e}")))?;
                    self.armed.insert(name, id);
                }
                Err(_) => {
                    if self.armed.remove(name).is_some() {
                        let _ = self.debouncer.unwatch(path.as_std_path());
                    }
                }
            }
        }
        Ok(())
    }
}

/// Which folder or file this is, whatever its name.
fn identity(meta: &std::fs::Metadata) -> u64 {
    #[cfg(unix)]
    {
        std::os::unix::fs::MetadataExt::ino(meta)
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        0
    }
}

/// Whether a change at `path` can change the site: not an editor's temporary file, and, right
/// in the site's folder, one of [`WATCHED`] (not `public/` or a README).
fn relevant(path: &std::path::Path, root: &std::path::Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    if path.parent() == Some(root) && !WATCHED.contains(&name.as_ref()) {
        return false;
    }
    !(name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
        || name == "4913")
}

impl Builder {
    /// Builds the site and tells open pages; errors leave the previous site in place.
    fn rebuild(&mut self) {
        let started = Instant::now();
        let search = self.search_jobs.is_some();
        let result = crate::rebuild(&self.root, &self.options, search, &mut self.cache);
        let tx = &self.shared.notices;
        let mut stderr = String::new();
        match result {
            Ok((checked, files)) => {
                let shown = checked.warnings_and_errors();
                stderr.push_str(&human::render(&shown, |d| checked.source(&d.file), false));
                match files {
                    Some(files) => {
                        let files = Arc::new(files);
                        let served = Served {
                            files: files.clone(),
                        };
                        *self
                            .shared
                            .site
                            .write()
                            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(served);
                        // Until the new pages are served.
                        let elapsed = started.elapsed().as_secs_f64() * 1000.0;
                        let reuse = checked.reuse;
                        stderr.push_str(&format!(
                            "rebuilt in {elapsed:.0} ms: {} of {} pages changed, {} of {} files rendered again\n",
                            reuse.pages - reuse.parsed,
                            reuse.pages,
                            reuse.outputs - reuse.rendered,
                            reuse.outputs,
                        ));
                        let _ = tx.send(Notice::Reload);
                        if self.timings {
                            stderr.push_str(&checked.timings.render());
                        }
                        if let Some(jobs) = &self.search_jobs {
                            let _ = jobs.send(files);
                        }
                    }
                    None => {
                        let errors: Vec<&Diagnostic> =
                            shown.iter().filter(|d| d.is_error()).collect();
                        let overlay: Vec<serde_json::Value> = errors
                            .iter()
                            .map(|d| {
                                let at = checked.source(&d.file).map(|s| s.line_col(d.span.start));
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
                checked.keep_in(&mut self.cache);
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
}

async fn events(State(shared): State<Shared>) -> impl IntoResponse {
    Sse::new(notices(shared.notices.subscribe())).keep_alive(KeepAlive::default())
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

#[cfg(test)]
mod tests {
    use super::is_local_host;

    #[test]
    fn only_loopback_names_are_local() {
        for ok in [
            "localhost",
            "localhost:8000",
            "127.0.0.1:8000",
            "[::1]:8000",
            "app.localhost",
            "LOCALHOST.",
        ] {
            assert!(is_local_host(ok), "{ok}");
        }
        for bad in [
            "example.com",
            "evil.example:8000",
            "127.0.0.1.nip.io",
            "localhost.evil.com",
            "[::2]:8000",
            "",
        ] {
            assert!(!is_local_host(bad), "{bad}");
        }
    }
}
