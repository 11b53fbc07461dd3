// What a patient sees, in Chromium at phone and desktop widths: evidence badges that say their
// level in words and explain it in place, an evidence summary at the top of each article,
// a note beside claims about unapproved or self-pay treatments, references that say what kind
// of study they are and lead back to where they were cited, tap targets of at least 24 px, and
// a theme without rough edges (text that never breaks inside a word, one font family for the
// two scripts of a Japanese page, a search box whose hint fits and whose results open over the
// page, an <h1> on every page, a 404 page whose language switcher reads right). Screenshots of
// every page type at 320, 390 and 1280 px in both languages go to target/browser-artifacts/.
//
// AKASHI_SITE=DIR runs these tests on a site built beforehand (for example with an earlier
// akashi and its theme, to see them fail there).

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { repo, artifacts, useSite } from "./site.mjs";

const built = useSite();
const open = async (path, width) => (await built.open(path, width)).page;

const articles = ["/ja/treatments/rtms/", "/en/treatments/rtms/", "/ja/treatments/exosome/", "/en/treatments/exosome/", "/ja/treatments/nmn/", "/en/treatments/nmn/"];
const widths = [320, 390, 1280];
const langOf = (path) => (path.startsWith("/en/") ? "en" : "ja");
const badges = ".article-body .evidence-badge";

test("every badge says its level in words, visible without hovering", async () => {
  const words = { ja: /^[A-D]\s*根拠: (高|中|低|非常に低)$/, en: /^[A-D]\s*Evidence: (high|moderate|low|very low)$/ };
  for (const path of articles) {
    const page = await open(path, 390);
    const texts = await page.locator(badges).allInnerTexts();
    assert.ok(texts.length > 0, `${path} has no badges`);
    for (const text of texts) {
      assert.match(text.replace(/\s+/g, " ").trim(), words[langOf(path)], `${path}: a badge reads "${text}"`);
    }
    for (const badge of await page.locator(badges).all()) {
      assert.ok(await badge.isVisible(), `${path}: a badge is not visible`);
    }
    await page.close();
  }
});

test("pressing a badge explains its level in place, and pressing it again hides it", async () => {
  for (const path of ["/ja/treatments/rtms/", "/en/treatments/rtms/"]) {
    const page = await open(path, 390);
    const badge = page.locator(badges).first();
    const before = page.url();
    assert.equal(await badge.getAttribute("aria-expanded"), "false", `${path}: the badge is not a disclosure`);
    const note = page.locator(`#${await badge.getAttribute("aria-controls")}`);
    assert.equal(await note.isVisible(), false, `${path}: the explanation shows before it is asked for`);
    await badge.click();
    assert.equal(page.url(), before, `${path}: pressing the badge left the page`);
    assert.equal(await badge.getAttribute("aria-expanded"), "true");
    assert.ok(await note.isVisible(), `${path}: the explanation did not open`);
    const text = await note.innerText();
    assert.ok(text.length > 20, `${path}: the explanation says too little: "${text}"`);
    assert.ok(await note.locator(`a[href*="/evidence/#level-"]`).count(), `${path}: no link to what the levels mean`);
    // From the keyboard as well.
    await badge.focus();
    await page.keyboard.press("Enter");
    assert.equal(await note.isVisible(), false, `${path}: Enter did not close the explanation`);
    await page.keyboard.press("Space");
    assert.ok(await note.isVisible(), `${path}: Space did not open the explanation`);
    await page.close();
  }
});

test("each article opens with an evidence summary that counts its badges by level", async () => {
  for (const path of articles) {
    const page = await open(path);
    const summary = page.locator(".evidence-summary");
    assert.equal(await summary.count(), 1, `${path} has no evidence summary`);
    const before = await page.evaluate(() => {
      const s = document.querySelector(".evidence-summary");
      const body = document.querySelector(".article-body");
      return Boolean(s.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.ok(before, `${path}: the summary is not above the article's text`);
    const letters = (await page.locator(`${badges} .evidence-letter`).allInnerTexts()).map((t) => t.trim());
    const counted = {};
    for (const l of letters) counted[l] = (counted[l] ?? 0) + 1;
    const items = await summary.locator("li").allInnerTexts();
    assert.equal(items.length, Object.keys(counted).length, `${path}: ${items.join(" / ")} against ${JSON.stringify(counted)}`);
    for (const [letter, n] of Object.entries(counted)) {
      const item = items.find((i) => i.includes(`(${letter})`) || i.includes(`（${letter}）`));
      assert.ok(item, `${path}: no line for level ${letter} in "${items.join(" / ")}"`);
      assert.match(item, new RegExp(`\\b${n}\\b`), `${path}: level ${letter} counts ${n} statements, the summary says "${item}"`);
    }
    assert.match(await summary.innerText(), new RegExp(`\\b${letters.length}\\b`), `${path}: the summary does not give the total of ${letters.length}`);
    assert.ok(await summary.locator(`a[href="/${langOf(path)}/evidence/"]`).count(), `${path}: the summary does not link to what the levels mean`);
    await page.close();
  }
});

test("statements about unapproved treatments say so beside the badge", async () => {
  for (const [path, note] of [["/ja/treatments/exosome/", "国内未承認"], ["/en/treatments/exosome/", "Not approved in Japan"], ["/ja/treatments/nmn/", "国内未承認"]]) {
    const page = await open(path, 390);
    const tags = page.locator(".article-body .claim-tag", { has: page.locator(".evidence-badge") });
    const notes = await page.locator(".article-body .claim-tag .treatment-status").allInnerTexts();
    assert.ok(notes.length > 0 && notes.every((n) => n.trim() === note), `${path}: notes ${JSON.stringify(notes)}`);
    assert.ok(await page.locator(".article-body .claim-tag .treatment-status").first().isVisible());
    assert.ok(notes.length <= (await tags.count()));
    await page.close();
  }
  // An approved treatment's statements carry no such note.
  const page = await open("/en/treatments/rtms/", 390);
  assert.equal(await page.locator(".treatment-status").count(), 0);
  await page.close();
});

test("badges, citation marks and the links back from references are at least 24 × 24 px", async () => {
  for (const path of articles) {
    for (const width of [320, 390]) {
      const page = await open(path, width);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll(".article-body .evidence-badge, .article-body .citations a, .references .backlink")]
          .map((e) => ({ text: e.textContent.trim().slice(0, 30), r: e.getBoundingClientRect() }))
          .filter(({ r }) => r.width < 24 || r.height < 24)
          .map(({ text, r }) => `"${text}" ${r.width.toFixed(1)}×${r.height.toFixed(1)}`),
      );
      assert.deepEqual(small, [], `${path} at ${width} px`);
      await page.close();
    }
  }
});

test("going to a reference and back returns to the same place in the text", async () => {
  for (const path of ["/ja/treatments/rtms/", "/en/treatments/nmn/"]) {
    const page = await open(path, 390);
    const mark = page.locator(".article-body .citations a").nth(1);
    await mark.scrollIntoViewIfNeeded();
    const id = await mark.getAttribute("id");
    assert.ok(id, `${path}: the citation mark has no id to come back to`);
    const ref = await mark.getAttribute("href");
    await mark.click();
    assert.equal(new URL(page.url()).hash, ref);
    const back = page.locator(`${ref} a[href="#${id}"]`);
    assert.equal(await back.count(), 1, `${path}: reference ${ref} has no link back to the mark`);
    await back.click();
    const top = await mark.evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(top > -1 && top < 900, `${path}: back from the reference, the mark is ${top}px from the top`);
    await page.close();
  }
});

test("each reference says what kind of study it is, in the page's language", async () => {
  for (const [path, expected] of [
    ["/ja/treatments/rtms/", ["ネットワークメタアナリシス", "ランダム化比較試験"]],
    ["/en/treatments/rtms/", ["Network meta-analysis", "Randomised controlled trial"]],
  ]) {
    const page = await open(path);
    const designs = await page.locator(".references li .study-design").allInnerTexts();
    const items = await page.locator(".references li").count();
    assert.equal(designs.length, items, `${path}: ${designs.length} of ${items} references say their kind`);
    for (const e of expected) assert.ok(designs.includes(e), `${path}: ${JSON.stringify(designs)} lacks ${e}`);
    await page.close();
  }
});

/// Where the text of the selected elements wraps onto a new line between two characters that
/// belong to one word: two Latin letters or digits, or two Japanese characters neither of which
/// is punctuation (a Japanese line may break at 、。・ and brackets, and at spaces).
async function brokenWords(page, selector) {
  return page.evaluate((selector) => {
    const open = "（(「『［【〈《“";
    const close = "、。，．・）)」』］】〉》”：:/／";
    const joined = (a, b) =>
      !/\s/.test(a) && !/\s/.test(b) && !close.includes(a) && !open.includes(b) && !close.includes(b) && !open.includes(a);
    const out = [];
    for (const el of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let chars = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest("[hidden]")) continue;
        for (let i = 0; i < node.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (rect) chars.push({ c: node.data[i], top: rect.top, bottom: rect.bottom });
        }
      }
      for (let i = 1; i < chars.length; i++) {
        const [a, b] = [chars[i - 1], chars[i]];
        if (b.top >= a.bottom - 2 && joined(a.c, b.c)) {
          const around = chars.slice(Math.max(0, i - 4), i + 4).map((x) => x.c).join("");
          out.push(`${el.tagName.toLowerCase()}.${el.className}: "${around}" breaks between "${a.c}" and "${b.c}"`);
        }
      }
    }
    return out;
  }, selector);
}

test("no word in the article details, the badges or the notes beside them is broken across lines", async () => {
  for (const path of articles) {
    for (const width of widths) {
      const page = await open(path, width);
      const broken = await brokenWords(page, ".article-meta dt, .article-meta dd, .evidence-badge, .treatment-status");
      assert.deepEqual(broken, [], `${path} at ${width} px`);
      await page.close();
    }
  }
});

test("a Japanese page sets Latin letters and Japanese in one font family", async () => {
  const page = await open("/ja/treatments/rtms/");
  // What Chromium actually draws a paragraph with both scripts in.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
  const paragraphs = await page.locator(".article-body p").allInnerTexts();
  const index = paragraphs.findIndex((t) => /[A-Za-z]{2}/.test(t) && /[ぁ-ん]/.test(t));
  assert.ok(index >= 0, "no paragraph with both scripts");
  const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: ".article-body p" });
  const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId: nodeIds[index] });
  const families = [...new Set(fonts.map((f) => f.familyName))];
  assert.equal(families.length, 1, `the paragraph is drawn in ${JSON.stringify(fonts)}`);
  const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  // The families Japanese systems ship: macOS and iOS, Android and Linux, Windows.
  for (const f of ["Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic UI", "Meiryo"]) {
    assert.ok(family.includes(f), `the font stack ${family} does not name ${f}`);
  }
  await page.close();
});

test("the search box's hint fits and can be read, at every width", async () => {
  for (const lang of ["ja", "en"]) {
    for (const width of widths) {
      const page = await open(`/${lang}/`, width);
      const input = page.locator("#search input");
      await input.waitFor();
      const fit = await input.evaluate((el) => {
        const style = getComputedStyle(el);
        const canvas = document.createElement("canvas").getContext("2d");
        canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const needed = canvas.measureText(el.placeholder).width;
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const hint = getComputedStyle(el, "::placeholder");
        return { needed, room, placeholder: el.placeholder, opacity: parseFloat(hint.opacity), color: hint.color };
      });
      assert.ok(fit.needed <= fit.room, `/${lang}/ at ${width} px: "${fit.placeholder}" needs ${fit.needed.toFixed(0)} px, has ${fit.room.toFixed(0)}`);
      assert.ok(fit.opacity >= 0.9, `/${lang}/: the hint is faded to opacity ${fit.opacity}`);
      await page.close();
    }
  }
});

test("search results open over the page, leaving the menu where it was", async () => {
  for (const [lang, query] of [["ja", "抗うつ薬"], ["en", "exosome"]]) {
    for (const width of [390, 1280]) {
      const page = await open(`/${lang}/`, width);
      const nav = page.locator(".site-nav");
      const before = (await nav.boundingBox()).y;
      await page.locator("#search input").fill(query);
      await page.locator(".pagefind-ui__result-link").first().waitFor({ timeout: 10000 });
      const after = (await nav.boundingBox()).y;
      assert.equal(after, before, `/${lang}/ at ${width} px: the menu moved from ${before} to ${after}`);
      const link = page.locator(".pagefind-ui__result-link").first();
      assert.ok(await link.isVisible());
      await page.close();
    }
  }
});

const everyPage = [
  "/", "/404.html", "/ja/", "/en/", "/ja/treatments/", "/en/treatments/", "/ja/treatments/rtms/", "/en/treatments/rtms/",
  "/ja/tags/", "/en/tags/", "/ja/tags/%E3%81%86%E3%81%A4%E7%97%85/", "/en/tags/depression/", "/ja/evidence/", "/en/evidence/",
];

test("every page has one <h1>", async () => {
  for (const path of everyPage) {
    const page = await open(path);
    assert.equal(await page.locator("h1").count(), 1, path);
    await page.close();
  }
});

test("the 404 page's language switcher offers the other home page, not an article", async () => {
  const page = await open("/404.html");
  const text = await page.locator(".language-switcher").innerText();
  assert.doesNotMatch(text, /article|記事/, text);
  await page.close();
});

test("screenshots of every page type at 320, 390 and 1280 px in both languages", async () => {
  const types = {
    landing: ["/"], "not-found": ["/404.html"], home: ["/ja/", "/en/"], section: ["/ja/treatments/", "/en/treatments/"],
    article: ["/ja/treatments/rtms/", "/en/treatments/rtms/"], "article-unapproved": ["/ja/treatments/exosome/", "/en/treatments/exosome/"],
    tags: ["/ja/tags/", "/en/tags/"], tag: ["/ja/tags/%E3%81%86%E3%81%A4%E7%97%85/", "/en/tags/depression/"], evidence: ["/ja/evidence/", "/en/evidence/"],
  };
  for (const [type, paths] of Object.entries(types)) {
    for (const path of paths) {
      const lang = path === "/" || path === "/404.html" ? "both" : langOf(path);
      for (const width of widths) {
        const page = await open(path, width);
        const file = join(artifacts, `${type}-${lang}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        assert.ok(statSync(file).size > 5000, file);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${path} at ${width} px scrolls sideways by ${overflow} px`);
        if (type === "article" && process.env.UPDATE_SCREENSHOTS && (width === 390 || width === 1280)) {
          // For the README: the top of the article on a desktop screen; on a phone, its first
          // badge pressed, with the explanation open.
          const readme = join(repo, "docs", "screenshots", `article-${lang}-${width === 390 ? "phone" : "desktop"}.png`);
          mkdirSync(dirname(readme), { recursive: true });
          if (width === 390) {
            const badge = page.locator(".article-body .evidence-badge").first();
            await badge.evaluate((e) => e.closest("p, li, td").scrollIntoView());
            await page.evaluate(() => window.scrollBy(0, -60));
            await badge.click();
          }
          await page.screenshot({ path: readme });
        }
        await page.close();
      }
    }
  }
});
