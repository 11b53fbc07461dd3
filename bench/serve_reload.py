#!/usr/bin/env python3
"""Time from saving one article to the reload event in `akashi serve`, on a generated site of
N article pairs (default 1,000), and the time the rebuild itself took as the server reports
it. Prints each run and the medians.

    python3 bench/serve_reload.py [--pairs 1000] [--runs 7]

Builds akashi in release mode first. The site is generated in a temporary folder from the
repository's own theme and references: every article has front matter with review dates, ten
paragraphs and tagged claims in both languages.
"""
import argparse, os, shutil, socket, statistics, subprocess, sys, tempfile, threading, time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

JA = """---
title: 記事 {i}
summary: 生成した記事 {i} です。
date: 2026-{m:02d}-{d:02d}
tags: [うつ病]
authors: [山田 花子]
reviewed_by: 佐藤 健一（精神科専門医）
last_reviewed: 2026-11-01
next_review: 2027-11-01
---

{body}
"""
EN = """---
title: Article {i}
summary: Generated article {i}.
date: 2026-{m:02d}-{d:02d}
tags: [depression]
authors: [Hanako Yamada]
reviewed_by: Kenichi Sato, MD (psychiatrist)
last_reviewed: 2026-11-01
next_review: 2027-11-01
---

{body}
"""
JA_PARA = "## 見出し {k}\n\n当院では、症状や生活についてお話をうかがいます。TMS治療は、うつ病の症状を軽くすることが示されています[B: @oreardon2007; @mutz2019]。予約はお電話で承ります。\n"
EN_PARA = "## Heading {k}\n\nWe will ask about your symptoms and daily life. TMS has been shown to ease symptoms of depression [B: @oreardon2007; @mutz2019]. You can book by phone.\n"


def generate(root, pairs):
    for part in ("templates", "locales", "static"):
        shutil.copytree(os.path.join(REPO, part), os.path.join(root, part))
    shutil.copy(os.path.join(REPO, "site.yaml"), root)
    content = os.path.join(root, "content", "articles")
    os.makedirs(content)
    shutil.copy(os.path.join(REPO, "content", "references.yaml"), os.path.join(root, "content"))
    for i in range(pairs):
        m, d = 1 + i % 12, 1 + i % 28
        with open(os.path.join(content, f"a{i}.ja.md"), "w") as f:
            f.write(JA.format(i=i, m=m, d=d, body="\n".join(JA_PARA.format(k=k) for k in range(10))))
        with open(os.path.join(content, f"a{i}.en.md"), "w") as f:
            f.write(EN.format(i=i, m=m, d=d, body="\n".join(EN_PARA.format(k=k) for k in range(10))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    akashi = os.path.join(REPO, "target", "release", "akashi")
    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.join(tmp, "site")
        os.makedirs(root)
        generate(root, args.pairs)
        env = dict(os.environ, SOURCE_DATE_EPOCH="1795305600")
        server = subprocess.Popen([akashi, "serve", "--port", "0"], cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        rebuilds = []

        def log():
            for line in server.stderr:
                if line.startswith("rebuilt in "):
                    rebuilds.append(line.strip())

        threading.Thread(target=log, daemon=True).start()
        try:
            started = time.time()
            line = server.stdout.readline()
            print(f"{args.pairs} pairs: first build and start {time.time() - started:.2f} s")
            port = int(line.split("127.0.0.1:")[1].split("/")[0])
            sock = socket.create_connection(("127.0.0.1", port))
            sock.sendall(b"GET /__akashi/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            reloads = []
            cond = threading.Condition()

            def listen():
                buf = b""
                while True:
                    data = sock.recv(65536)
                    if not data:
                        return
                    buf += data
                    while b"event: reload" in buf:
                        buf = buf.split(b"event: reload", 1)[1]
                        with cond:
                            reloads.append(time.time())
                            cond.notify_all()

            threading.Thread(target=listen, daemon=True).start()
            time.sleep(0.5)
            path = os.path.join(root, "content", "articles", "a7.en.md")
            times = []
            rebuild_times = []
            for run in range(args.runs):
                text = open(path).read()
                seen = len(reloads)
                saved = time.time()
                with open(path, "w") as f:
                    f.write(text.replace("You can book by phone.", f"You can book by phone ({run}).", 1))
                with cond:
                    cond.wait_for(lambda: len(reloads) > seen, timeout=60)
                if len(reloads) <= seen:
                    sys.exit("no reload event within 60 s")
                ms = (reloads[seen] - saved) * 1000
                times.append(ms)
                time.sleep(0.3)
                report = rebuilds[-1] if rebuilds else "?"
                print(f"  save to reload event: {ms:.0f} ms; server: {report}")
                try:
                    rebuild_times.append(float(report.split("rebuilt in ")[1].split(" ms")[0]))
                except (IndexError, ValueError):
                    pass
            print(f"median save to reload event, {args.pairs} pairs: {statistics.median(times):.0f} ms "
                  f"(includes the watcher's wait for the end of a burst of saves)")
            if rebuild_times:
                print(f"median rebuild, {args.pairs} pairs: {statistics.median(rebuild_times):.0f} ms")
        finally:
            server.kill()


if __name__ == "__main__":
    main()
