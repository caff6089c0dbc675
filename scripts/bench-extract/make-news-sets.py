#!/usr/bin/env python3
"""Makes news-page development sets for scripts/bench-extract.sh from public extraction test suites.

Nothing made here is committed: the pages stay in the output folder. Sources (fetch them first):
  fundus (MIT): git clone --depth 1 https://github.com/flairNLP/fundus <fundus>
      news pages of ~150 outlets (2023-2025) with the article body and publication date that the
      project's hand-written per-outlet parsers read. Split by outlet, every other outlet in sorted
      order: fundus-dev (tune on it) and fundus-heldout (never tune on it).
  newspaper (MIT): git clone --depth 1 https://github.com/codelucas/newspaper <newspaper>
      157 news pages (2014) with newspaper's own article text (misses captions and some lists).

Usage: make-news-sets.py --fundus <fundus repo> --newspaper <newspaper repo> <out dir>
Each page becomes <out>/<set>/<case>/source.html + expected.txt (+ expected-metadata.json).
"""
import argparse, gzip, json, os, re, sys
from pathlib import Path


def write_case(out: Path, text: str, html: bytes, meta=None):
    out.mkdir(parents=True, exist_ok=True)
    (out / "source.html").write_bytes(html)
    (out / "expected.txt").write_text(text.strip() + "\n", encoding="utf-8")
    if meta:
        (out / "expected-metadata.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


def body_text(body) -> str:
    parts = list(body.get("summary") or [])
    for s in body.get("sections") or []:
        parts += list(s.get("headline") or [])
        parts += list(s.get("paragraphs") or [])
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def version_key(v: str):
    return [int(x) for x in re.findall(r"\d+", v)]


def fundus(repo: Path, out: Path):
    root = repo / "tests/resources/parser/test_data"
    publishers = []
    for group in sorted(p for p in root.iterdir() if p.is_dir()):
        for js in sorted(group.glob("*.json")):
            if js.name == "meta.info":
                continue
            publishers.append((group.name, js))
    made = {"fundus-dev": 0, "fundus-heldout": 0}
    for i, (group, js) in enumerate(publishers):
        name = js.stem
        htmls = sorted(group_path for group_path in js.parent.glob(f"{name}_*.html.gz")
                       if re.fullmatch(re.escape(name) + r"_\d{4}_\d{2}_\d{2}\.html\.gz", group_path.name))
        try:
            data = json.loads(js.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        versions = sorted(data, key=version_key)
        if len(versions) != len(htmls):
            print(f"skip {group}/{name}: {len(versions)} versions, {len(htmls)} pages", file=sys.stderr)
            continue
        target = "fundus-dev" if i % 2 == 0 else "fundus-heldout"
        for v, h in zip(versions, htmls):
            rec = data[v]
            text = body_text(rec.get("body") or {})
            if len(text.split()) < 50:
                continue
            meta = {"siteName": name}
            if rec.get("publishing_date"):
                meta["publishedTime"] = str(rec["publishing_date"])[:10]
            write_case(out / target / f"{group}-{h.name[:-8]}", text, gzip.decompress(h.read_bytes()), meta)
            made[target] += 1
    return made


def newspaper(repo: Path, out: Path):
    made = 0
    for h in sorted((repo / "tests/data/html").glob("*.html")):
        t = repo / "tests/data/text" / (h.stem + ".txt")
        if not t.is_file():
            continue
        text = t.read_text(encoding="utf-8", errors="replace")
        if len(text.split()) < 50:
            continue
        write_case(out / "newspaper" / h.stem, text, h.read_bytes())
        made += 1
    return {"newspaper": made}


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--fundus", type=Path)
    ap.add_argument("--newspaper", type=Path)
    ap.add_argument("out", type=Path)
    a = ap.parse_args()
    made = {}
    if a.fundus:
        made.update(fundus(a.fundus, a.out))
    if a.newspaper:
        made.update(newspaper(a.newspaper, a.out))
    for k, v in made.items():
        print(f"{v} pages in {a.out / k}")
