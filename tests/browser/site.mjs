// What the browser tests share: the sample site built once per test file (or taken from
// AKASHI_SITE, a folder built beforehand, for example by an earlier version of akashi to show
// that a test fails on it), served over HTTP as a static host serves it, and Debian's Chromium.

import { before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, mkdirSync, readFileSync, existsSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const artifacts = join(repo, "target", "browser-artifacts");
const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".xml": "application/xml", ".png": "image/png", ".svg": "image/svg+xml" };

/// The built sample site's folder: AKASHI_SITE, or a fresh build with `cargo run`.
export function buildSite() {
  if (process.env.AKASHI_SITE) return process.env.AKASHI_SITE;
  const site = join(mkdtempSync(join(tmpdir(), "akashi-browser-")), "public");
  execFileSync("cargo", ["run", "--quiet", "--", "build", "--out", site], { cwd: repo, stdio: "inherit", env: { ...process.env, SOURCE_DATE_EPOCH: "1795305600" } });
  assert.ok(existsSync(join(site, "pagefind")), "the build has no search index: run `npm install` first");
  return site;
}

/// Serves `site` on 127.0.0.1; resolves to the server and its base URL.
export async function serve(site) {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    if (path.endsWith("/")) path += "index.html";
    const file = join(site, path);
    if (!file.startsWith(site) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": types[".html"] });
      res.end(readFileSync(join(site, "404.html")));
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/// Builds and serves the site and starts Chromium before the file's tests, and stops them after.
/// Returns what the tests use: the built folder, and `open(path, width)`, which resolves to the
/// page and the response of a fresh tab at that width.
export function useSite() {
  const it = { site: undefined, server: undefined, base: undefined, browser: undefined };
  before(async () => {
    it.site = buildSite();
    ({ server: it.server, base: it.base } = await serve(it.site));
    it.browser = await launch();
    mkdirSync(artifacts, { recursive: true });
  });
  after(async () => {
    await it.browser?.close();
    it.server?.close();
  });
  it.open = async (path, width = 1280) => {
    const page = await it.browser.newPage({ viewport: { width, height: 900 } });
    const response = await page.goto(it.base + path, { waitUntil: "networkidle" });
    return { page, response };
  };
  return it;
}
