#!/usr/bin/env python3
"""Time and peak memory of `akashi build` on single pathological articles: many evidence tags
in one paragraph, one very long line, a deeply nested list, and very large articles in English
and Japanese. Each case is built alone on a small site (the `bilingual` test fixture with the
repository's theme), so the figures are the article's.

    python3 bench/pathological.py [--scale 1.0] [--runs 3] [--no-cargo]

Builds akashi in release mode first. `--scale` multiplies every size (0.1 for a quick look).
Prints the figures of the small site alone, then one line per case: the article's size, wall
time, peak memory (the largest resident size of the process), and the memory above the small
site's per byte of the article.

Then inputs that once took time growing faster than their size, each at three sizes that
double, with the time and memory per item, which stay about the same when the growth is
linear: one article with N front-matter tags (built), N nested `<div>` (the lint refuses them,
`markdown/deep-html`: the build ends at once), and references.yaml with N entries that no page
cites (linted to SARIF: N notes).
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

FRONT = """---
title: Parking
summary: Where to park.
date: 2026-07-01
authors: [Hanako Yamada]
reviewed_by: Kenichi Sato, MD (psychiatrist)
last_reviewed: 2026-11-01
next_review: 2027-11-01
---

"""

EN_PARA = "We are five minutes' walk from the station, and the desk is open on weekdays.\n\n"
JA_PARA = "当院は駅から歩いて5分の場所にあり、受付は平日に開いています。\n\n"
TAG = "TMS can reduce symptoms of depression [B: @oreardon2007; @mutz2019]. "


def cases(scale):
    """(name, file name, a function that makes the body): bodies are made one at a time."""
    n = lambda x: max(1, int(x * scale))
    mb = n(50 * 1024 * 1024)
    yield f"{n(100_000):,} tags in one paragraph", "many-tags.en.md", lambda: TAG * n(100_000)
    yield f"one line of {n(3_000_000):,} characters", "long-line.ja.md", lambda: "あ" * n(3_000_000)
    yield f"a list nested {n(5_000):,} deep", "nested.en.md", lambda: "".join(
        "  " * i + "- item\n" for i in range(n(5_000)))
    yield (f"{mb / 2**20:.0f} MiB of English paragraphs", "large.en.md",
           lambda: EN_PARA * (mb // len(EN_PARA)))
    yield (f"{mb / 2**20:.0f} MiB of Japanese paragraphs", "large.ja.md",
           lambda: JA_PARA * (mb // len(JA_PARA.encode())))


def site(root):
    for part in ("templates", "locales", "static"):
        shutil.copytree(os.path.join(REPO, part), os.path.join(root, part))
    shutil.copy(os.path.join(REPO, "tests", "fixtures", "site.yaml"), root)
    shutil.copytree(os.path.join(REPO, "tests", "fixtures", "bilingual"), root, dirs_exist_ok=True)


def measure(binary, root, command=("build",), expect=0):
    """Wall time in seconds and peak resident memory in bytes of one `akashi build` (or
    `command`), which must end with exit code `expect`."""
    # The report goes to a file: a pipe nobody reads while waiting would fill and stop akashi.
    with tempfile.TemporaryFile() as report:
        start = time.perf_counter()
        child = subprocess.Popen([binary, *command, "--root", root],
                                 stdout=subprocess.DEVNULL, stderr=report)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code != expect:
            report.seek(0)
            text = report.read().decode(errors="replace")
            sys.exit(f"akashi {' '.join(command)} ended with {code}, not {expect}:\n{text[-2000:]}")
    return elapsed, usage.ru_maxrss * 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-cargo", action="store_true", help="use target/release/akashi as it is")
    args = parser.parse_args()
    if not args.no_cargo:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    binary = os.path.join(REPO, "target", "release", "akashi")
    print(f"{'article':36} {'size':>9} {'time':>8} {'peak memory':>12} {'per byte':>9}")
    base = None
    small = ("(the small site alone)", None, lambda: "")
    for name, file, body in [small, *cases(args.scale)]:
        with tempfile.TemporaryDirectory() as tmp:
            root = os.path.join(tmp, "site")
            site(root)
            size = 0
            if file:
                with open(os.path.join(root, "content", file), "w") as f:
                    size = f.write(FRONT + body() + "\n")
                size = os.path.getsize(os.path.join(root, "content", file))
            runs = [measure(binary, root) for _ in range(args.runs)]
            elapsed = statistics.median(r[0] for r in runs)
            peak = statistics.median(r[1] for r in runs)
            base = peak if base is None else base
            per_byte = f"{(peak - base) / size:8.1f}B" if size else ""
            print(f"{name:36} {size / 1e6:7.1f}MB {elapsed:7.2f}s {peak / 2**20:8.0f} MiB"
                  f" {per_byte}", flush=True)
    print()
    print(f"{'grows with':36} {'n':>9} {'time':>8} {'peak memory':>12} {'per item':>18}")
    for name, command, expect, sizes, write in growth(args.scale):
        for n in sizes:
            with tempfile.TemporaryDirectory() as tmp:
                root = os.path.join(tmp, "site")
                site(root)
                write(root, n)
                runs = [measure(binary, root, command, expect) for _ in range(args.runs)]
                elapsed = statistics.median(r[0] for r in runs)
                peak = statistics.median(r[1] for r in runs)
                print(f"{name:36} {n:9,} {elapsed:7.2f}s {peak / 2**20:8.0f} MiB"
                      f" {elapsed / n * 1e6:7.1f}µs {(peak - base) / n / 1024:6.2f}KiB", flush=True)


def growth(scale):
    """(name, command, exit code, sizes, a function that writes the input for a size)."""
    n = lambda x: max(1, int(x * scale))

    def tags(root, count):
        names = ", ".join(f"tag{i}" for i in range(count))
        with open(os.path.join(root, "content", "tagged.en.md"), "w") as f:
            f.write(FRONT.replace("title: Parking", f"title: Parking\ntags: [{names}]") + EN_PARA)

    def divs(root, count):
        with open(os.path.join(root, "content", "divs.en.md"), "w") as f:
            f.write(FRONT + "<div>" * count + "Opening hours" + "</div>" * count + "\n")

    def references(root, count):
        with open(os.path.join(root, "content", "references.yaml"), "a") as f:
            for i in range(count):
                f.write(f"\nref{i}:\n  type: article\n  authors: [Doe J]\n"
                        f"  title: \"Study {i}\"\n  journal: J Test\n  year: 2020\n  design: rct\n")

    sarif = ("lint", "--format", "sarif", "--output-file", os.devnull)
    yield "front-matter tags on one article", ("build",), 0, [n(2_000), n(4_000), n(8_000)], tags
    yield "nested <div> (refused by the lint)", ("build",), 1, [n(25_000), n(50_000), n(100_000)], divs
    yield "uncited references, SARIF", sarif, 0, [n(25_000), n(50_000), n(100_000)], references


if __name__ == "__main__":
    main()
