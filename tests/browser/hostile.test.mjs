// A script written in an article does not run in the built page: the hostile fixture article
// (script element, event handlers, a javascript: link) is opened in Chromium as built with the
// default `raw_html: sanitize`, and, to show that the check would notice, with `raw_html: allow`.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, cpSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
});

/// Builds the hostile fixture with `raw_html: mode` and returns the article's file URL.
function build(mode) {
  const root = join(mkdtempSync(join(tmpdir(), "akashi-hostile-")), "site");
  for (const part of ["templates", "locales", "static"]) {
    cpSync(join(repo, part), join(root, part), { recursive: true });
  }
  cpSync(join(repo, "tests", "fixtures", "hostile-html"), root, { recursive: true });
  const yaml = readFileSync(join(repo, "tests", "fixtures", "site.yaml"), "utf8");
  writeFileSync(join(root, "site.yaml"), `${yaml}raw_html: ${mode}\n`);
  execFileSync("cargo", ["run", "--quiet", "--", "build", "--root", root], { cwd: repo, stdio: "inherit", env: { ...process.env, SOURCE_DATE_EPOCH: "1795305600" } });
  return pathToFileURL(join(root, "public", "en", "clinic", "visiting", "index.html")).href;
}

/// What the page's scripts did: the value they set, and any dialog they opened.
async function ran(url) {
  const page = await browser.newPage();
  const dialogs = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  await page.goto(url, { waitUntil: "load" });
  // Give an image's error handler time to fire, and click what an author made clickable.
  await page.waitForTimeout(300);
  await page.getByText(/Ask at the desk/).click({ timeout: 2000 }).catch(() => {});
  const pwned = await page.evaluate(() => window.__pwned);
  await page.close();
  return { pwned, dialogs };
}

test("a script in an article does not run in the built page", async () => {
  const { pwned, dialogs } = await ran(build("sanitize"));
  assert.equal(pwned, undefined, `the article's script ran: ${pwned}`);
  assert.deepEqual(dialogs, []);
});

test("with raw_html: allow the same article's script runs, so the check above can fail", async () => {
  const { pwned } = await ran(build("allow"));
  assert.notEqual(pwned, undefined);
});
