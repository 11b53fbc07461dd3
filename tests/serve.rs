//! `akashi serve` on a free loopback port: a saved change is served and announced, an error
//! keeps the last good page and is reported, and a burst of saves leaves the server healthy.

mod common;

use common::{TODAY_EPOCH, fixture};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    port: u16,
    events: Arc<Mutex<String>>,
    /// The server's temporary folder (its TMPDIR).
    tmp: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(root: &std::path::Path) -> Server {
    let tmp = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_akashi"))
        .args(["serve", "--port", "0"])
        .current_dir(root)
        .env("SOURCE_DATE_EPOCH", TODAY_EPOCH)
        .env("TMPDIR", tmp.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port: u16 = line
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {line:?}"));
    // Listen to the reload events like an open page does.
    let events = Arc::new(Mutex::new(String::new()));
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.write_all(b"GET /__akashi/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n").unwrap();
    let sink = events.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = stream.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    // The subscription is registered once the response headers arrive.
    wait_for(
        || events.lock().unwrap().contains("200 OK"),
        "the event stream",
    );
    Server {
        child,
        port,
        events,
        tmp,
    }
}

fn get(port: u16, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, text)
}

fn wait_for(mut done: impl FnMut() -> bool, what: &str) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn count(server: &Server, event: &str) -> usize {
    server
        .events
        .lock()
        .unwrap()
        .matches(&format!("event: {event}"))
        .count()
}

#[test]
fn a_saved_change_is_served_and_open_pages_are_told_to_reload() {
    let site = fixture("bilingual");
    let server = start(&site.root);
    let (status, page) = get(server.port, "/ja/treatments/tms/");
    assert_eq!(status, 200);
    assert!(page.contains("<h1>TMS治療</h1>"));
    assert!(
        page.contains("/__akashi/live.js"),
        "pages load the live-reload script"
    );

    let path = site.path("content/treatments/tms.ja.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("title: TMS治療\n", "title: TMS治療（改訂）\n"),
    )
    .unwrap();
    wait_for(|| count(&server, "reload") >= 1, "a reload event");
    let (_, page) = get(server.port, "/ja/treatments/tms/");
    assert!(
        page.contains("<h1>TMS治療（改訂）</h1>"),
        "the new page is served"
    );
}

#[test]
fn articles_added_edited_in_place_and_removed_while_serving_are_served_as_they_are() {
    let site = fixture("bilingual");
    let server = start(&site.root);
    let tms = std::fs::read_to_string(site.path("content/treatments/tms.en.md")).unwrap();
    let reloads = |n: usize| {
        let server = &server;
        wait_for(move || count(server, "reload") >= n, "a reload event")
    };

    // A new file: the folder is walked again and the page is published.
    site.write(
        "content/treatments/second.en.md",
        &tms.replace("title: TMS\n", "title: Second opinion\n"),
    );
    reloads(1);
    let (status, page) = get(server.port, "/en/treatments/second/");
    assert_eq!(status, 200);
    assert!(page.contains("<h1>Second opinion</h1>"), "{page}");

    // Saved in place, as editors do: only that file is read again.
    let path = site.path("content/treatments/second.en.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("title: Second opinion\n", "title: Third opinion\n"),
    )
    .unwrap();
    reloads(2);
    let (_, page) = get(server.port, "/en/treatments/second/");
    assert!(page.contains("<h1>Third opinion</h1>"), "{page}");

    // Removed: the page is gone.
    std::fs::remove_file(&path).unwrap();
    reloads(3);
    let (status, _) = get(server.port, "/en/treatments/second/");
    assert_eq!(status, 404);
}

#[test]
fn an_error_keeps_the_last_good_page_and_is_reported() {
    let site = fixture("bilingual");
    let server = start(&site.root);
    let path = site.path("content/treatments/tms.ja.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("title: TMS治療\n", "titel: TMS治療（壊れた）\n"),
    )
    .unwrap();
    wait_for(|| count(&server, "findings") >= 1, "a findings event");
    assert!(
        server
            .events
            .lock()
            .unwrap()
            .contains("frontmatter/unknown-key")
    );
    let (status, page) = get(server.port, "/ja/treatments/tms/");
    assert_eq!(status, 200);
    assert!(
        page.contains("<h1>TMS治療</h1>"),
        "the last good page is still served"
    );
    assert_eq!(count(&server, "reload"), 0);
}

#[test]
fn a_burst_of_fifty_saves_in_a_second_leaves_the_server_healthy() {
    let site = fixture("bilingual");
    let server = start(&site.root);
    let path = site.path("content/about.en.md");
    let text = std::fs::read_to_string(&path).unwrap();
    for i in 0..50 {
        // Half-written states included: every other save truncates the file.
        let content = if i % 2 == 0 {
            text[..text.len() / 2].to_string()
        } else {
            format!("{text}\nSave {i}.\n")
        };
        std::fs::write(&path, content).unwrap();
        std::thread::sleep(Duration::from_millis(20));
    }
    std::fs::write(&path, format!("{text}\nFinal save.\n")).unwrap();
    wait_for(
        || get(server.port, "/en/about/").1.contains("Final save."),
        "the final save to be served",
    );
    assert_eq!(get(server.port, "/__akashi/health").0, 200);
    let reloads = count(&server, "reload");
    assert!(
        (1..=10).contains(&reloads),
        "{reloads} reloads for one burst"
    );
}

#[test]
fn a_termination_signal_stops_the_server_cleanly_and_removes_its_temporary_folder() {
    let site = fixture("bilingual");
    let mut server = start(&site.root);
    assert_eq!(get(server.port, "/__akashi/health").0, 200);
    let status = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let started = Instant::now();
    let exit = loop {
        if let Some(exit) = server.child.try_wait().unwrap() {
            break exit;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the server did not stop"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "{exit:?}");
    let left: Vec<_> = std::fs::read_dir(server.tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// Sends `request` as it is and reads the whole answer (the connection closes after it).
fn raw(port: u16, request: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response).into_owned()
}

#[test]
fn only_requests_for_this_machine_are_answered() {
    let site = fixture("bilingual");
    let server = start(&site.root);
    for host in ["127.0.0.1", "localhost:8000", "[::1]", "site.localhost"] {
        let answer = raw(
            server.port,
            &format!("GET /ja/ HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
        );
        assert!(answer.starts_with("HTTP/1.1 200"), "{host}: {answer}");
    }
    // A page on another site whose name was pointed at 127.0.0.1 (DNS rebinding).
    for path in ["/ja/", "/__akashi/events", "/pagefind/pagefind.js"] {
        let answer = raw(
            server.port,
            &format!(
                "GET {path} HTTP/1.1\r\nHost: rebind.example:8000\r\nConnection: close\r\n\r\n"
            ),
        );
        assert!(answer.starts_with("HTTP/1.1 403"), "{path}: {answer}");
        assert!(!answer.contains("<html"), "{answer}");
    }
}

#[test]
fn a_folder_without_its_slash_is_redirected_on_this_server() {
    let site = fixture("bilingual");
    let server = start(&site.root);
    for (path, location) in [
        ("/en", "/en/"),
        ("//en", "/en/"),
        ("///ja/treatments", "/ja/treatments/"),
    ] {
        let answer = raw(
            server.port,
            &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
        );
        assert!(answer.starts_with("HTTP/1.1 308"), "{path}: {answer}");
        assert!(
            answer
                .to_ascii_lowercase()
                .contains(&format!("location: {location}\r\n")),
            "{path}: {answer}"
        );
    }
}

#[test]
fn connections_that_never_finish_a_request_are_closed_and_bounded() {
    let site = fixture("bilingual");
    let server = start(&site.root);
    // Far more half-sent requests than the server keeps open at once.
    let mut partial: Vec<TcpStream> = (0..600)
        .filter_map(|_| TcpStream::connect(("127.0.0.1", server.port)).ok())
        .collect();
    for stream in &mut partial {
        let _ = stream.write_all(b"GET /ja/ HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    }
    // Each is closed within the header timeout (5 s), the ones over the limit at once.
    let started = Instant::now();
    for stream in &mut partial {
        stream
            .set_read_timeout(Some(Duration::from_secs(15)))
            .unwrap();
        let mut buf = [0u8; 64];
        match stream.read(&mut buf) {
            Ok(0) => {}
            Ok(_) => panic!("a half-sent request was answered"),
            Err(e) => assert!(
                !matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ),
                "a half-sent request was still open after {:?}",
                started.elapsed()
            ),
        }
    }
    assert!(
        started.elapsed() < Duration::from_secs(14),
        "half-sent requests stayed open for {:?}",
        started.elapsed()
    );
    drop(partial);
    // The server still works, and so does a rebuild, which needs files of its own.
    let (status, _) = get(server.port, "/ja/");
    assert_eq!(status, 200);
    let before = count(&server, "reload");
    let article = site.path("content/treatments/tms.ja.md");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(
        &article,
        text.replace("title: TMS治療\n", "title: TMS治療（改訂）\n"),
    )
    .unwrap();
    wait_for(
        || count(&server, "reload") > before,
        "a rebuild after the flood",
    );
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let dest = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

#[test]
fn content_moved_away_and_copied_back_is_watched_again() {
    let site = fixture("bilingual");
    let server = start(&site.root);
    // Moved away (as a checkout of another branch or a sync tool does), then copied back.
    let content = site.path("content");
    let away = site.root.parent().unwrap().join("content-away");
    std::fs::rename(&content, &away).unwrap();
    wait_for(
        || count(&server, "findings") + count(&server, "reload") >= 1,
        "the server to notice that content/ went away",
    );
    copy_dir(&away, &content);
    let settled = count(&server, "reload");
    wait_for(
        || count(&server, "reload") > settled,
        "a rebuild with content/ back",
    );
    // An edit in the new content/ is seen and served.
    let before = count(&server, "reload");
    let path = site.path("content/treatments/tms.ja.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("title: TMS治療\n", "title: TMS治療（戻した後）\n"),
    )
    .unwrap();
    wait_for(
        || count(&server, "reload") > before,
        "a reload after the edit",
    );
    let (_, page) = get(server.port, "/ja/treatments/tms/");
    assert!(
        page.contains("<h1>TMS治療（戻した後）</h1>"),
        "the edit is served"
    );
}
