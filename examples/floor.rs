//! What any generator pays for the same articles on this machine, on every core: reading every
//! Markdown file of a site's `content/` and parsing it with pulldown-cmark (the least a lint
//! can do), or reading, rendering it to HTML and writing it out (the least a build can do).
//! `bench/build_vs_hugo.py` times both beside akashi, so that a figure can be read against what
//! the machine allows:
//!
//!     cargo run --release --example floor -- SITE          # read and parse
//!     cargo run --release --example floor -- SITE OUT      # read, render and write into OUT

use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(site) = args.first() else {
        eprintln!("usage: floor SITE [OUT]");
        std::process::exit(2);
    };
    let files: Vec<PathBuf> = walkdir::WalkDir::new(Path::new(site).join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();

    let start = Instant::now();
    let Some(out) = args.get(1) else {
        let events: usize = files
            .par_iter()
            .map(|f| {
                let text = std::fs::read_to_string(f).expect("a readable UTF-8 file");
                pulldown_cmark::Parser::new_ext(&text, pulldown_cmark::Options::all()).count()
            })
            .sum();
        println!(
            "read and parsed {} files ({events} events) in {:.0} ms",
            files.len(),
            start.elapsed().as_secs_f64() * 1e3
        );
        return;
    };
    let out = Path::new(out);
    files.par_iter().enumerate().for_each(|(i, f)| {
        let text = std::fs::read_to_string(f).expect("a readable UTF-8 file");
        let mut html = String::with_capacity(text.len() * 3 / 2);
        pulldown_cmark::html::push_html(
            &mut html,
            pulldown_cmark::Parser::new_ext(&text, pulldown_cmark::Options::all()),
        );
        let dir = out.join(i.to_string());
        std::fs::create_dir_all(&dir).expect("an output folder");
        std::fs::write(dir.join("index.html"), html).expect("a written file");
    });
    println!(
        "read, rendered and wrote {} files in {:.0} ms",
        files.len(),
        start.elapsed().as_secs_f64() * 1e3
    );
}
