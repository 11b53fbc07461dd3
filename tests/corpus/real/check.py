#!/usr/bin/env python3
"""Checks the format of real-page corpus files and prints their counts.

Usage: python3 tests/corpus/real/check.py [FILE ...]   (default: every *.tsv beside this script)

A file models one public page. Header lines come first:
    #source<TAB>https://...        the page's address (required)
    #kind<TAB>self-pay clinic      one of KINDS below (required)
    #topic<TAB>free text           what the page is about (required)
    #lang<TAB>ja | en              (required)
    #split<TAB>train | dev | test  (added by tests/corpus/real/assign_splits.py)
Then one row per heading or sentence, in the page's order, tab-separated:
    label<TAB>kind<TAB>shape<TAB>text[<TAB>note]
label: claim | none | borderline | heading
shape: h1 h2 h3 (headings only), p (paragraph), li (list item), q (FAQ question),
       a (FAQ answer), td (table cell), cap (caption, lead, callout), cta (button, booking line)
"""
import sys
from pathlib import Path

KINDS = {
    "self-pay clinic", "hospital", "university", "national health service", "ministry",
    "public body", "pharmaceutical", "supplement shop", "patient organisation",
    "health information site",
}
LABEL_KINDS = {
    "claim": {"benefit", "hedged", "figure", "safety", "harm", "mechanism", "comparison",
              "uncertain", "promise"},
    "none": {"procedure", "aftercare", "eligibility", "substance", "disease", "regulatory",
             "definition", "question", "price", "booking", "navigation", "clinic",
             "disclaimer", "advice", "other"},
    "borderline": {"aim", "instruction-effect", "fragment", "implied", "mixed", "other"},
    "heading": {"-"},
}
SHAPES = {"h1", "h2", "h3", "p", "li", "q", "a", "td", "cap", "cta"}
HEADERS = ["source", "kind", "topic", "lang"]


def check(path):
    errors, counts, meta = [], {"claim": 0, "none": 0, "borderline": 0, "heading": 0}, {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            key, _, value = line[1:].partition("\t")
            meta[key] = value.strip()
            continue
        cols = line.split("\t")
        where = f"{path.name}:{n}"
        if len(cols) not in (4, 5):
            errors.append(f"{where}: expected 4 or 5 tab-separated columns, found {len(cols)}")
            continue
        label, kind, shape, text = cols[:4]
        if label not in LABEL_KINDS:
            errors.append(f"{where}: label {label!r}")
        elif kind not in LABEL_KINDS[label]:
            errors.append(f"{where}: kind {kind!r} is not one of {sorted(LABEL_KINDS[label])}")
        if shape not in SHAPES or (label == "heading") != shape.startswith("h"):
            errors.append(f"{where}: shape {shape!r}")
        if not text.strip():
            errors.append(f"{where}: empty text")
        if label == "borderline" and (len(cols) < 5 or not cols[4].strip()):
            errors.append(f"{where}: a borderline row needs a note saying why")
        if label in counts:
            counts[label] += 1
    for key in HEADERS:
        if key not in meta:
            errors.append(f"{path.name}: missing #{key} header")
    if meta.get("kind") and meta["kind"] not in KINDS:
        errors.append(f"{path.name}: #kind {meta['kind']!r} is not one of {sorted(KINDS)}")
    if meta.get("lang") not in ("ja", "en"):
        errors.append(f"{path.name}: #lang must be ja or en")
    return errors, counts, meta


def main():
    here = Path(__file__).resolve().parent
    files = [Path(a) for a in sys.argv[1:]] or sorted(here.glob("*.tsv"))
    total, bad = {}, False
    # A page is modelled once: two files of one page could land in different splits.
    sources = {}
    for f in files:
        errors, counts, meta = check(f)
        if meta.get("source") in sources:
            errors.append(f"{f.name}: the same page as {sources[meta['source']]}")
        sources.setdefault(meta.get("source"), f.name)
        for e in errors:
            print(e)
            bad = True
        sentences = counts["claim"] + counts["none"] + counts["borderline"]
        print(f"{f.name}: {sentences} sentences ({counts['claim']} claim, {counts['none']} none, "
              f"{counts['borderline']} borderline), {counts['heading']} headings")
        lang = meta.get("lang", "?")
        t = total.setdefault(lang, [0, 0])
        t[0] += 1
        t[1] += sentences
    for lang, (sources, sentences) in sorted(total.items()):
        print(f"total {lang}: {sources} sources, {sentences} sentences")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
