"""Normalization + segmentation + date recognition per corpus article, and geocoding
(place recognition + resolution) per article, in milliseconds per 1,000 characters.

    python bench/text_layer.py [--articles 2000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("RASD_SHARED", ROOT.parent / "shared"))


def articles(limit: int) -> list[tuple[str, dt.date]]:
    out = []
    with gzip.open(SHARED / "data" / "corpus" / "ant_multisource_2018.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            out.append((record["text"], dt.date.fromisoformat(record["published"][:10])))
            if len(out) >= limit:
                break
    return out


def main() -> None:
    from rasd.recognize.dates import find_dates
    from rasd.recognize.places import find_places
    from rasd.resolve import gazetteer as gz
    from rasd.resolve.places import resolve_places
    from rasd.text.normalize import normalize
    from rasd.text.segment import sentences
    from rasd.text.tokens import tokenize

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    docs = articles(args.articles)
    chars = sum(len(t) for t, _ in docs)
    find_dates(normalize("12 ديسمبر"), None)  # load the calendar once

    started = time.perf_counter()
    for text, published in docs:
        n = normalize(text)
        sentences(n.norm)
        find_dates(n, published)
    text_layer = time.perf_counter() - started

    started = time.perf_counter()
    g = gz.load(gz.gazetteer_files(SHARED / "data" / "gazetteer"))
    load_time = time.perf_counter() - started
    prepared = [(normalize(t), p) for t, p in docs]
    prepared = [(n, tokenize(n)) for n, _ in prepared]
    timings = []
    for _ in range(2):  # first pass: cold word caches; second: the steady state of a long run
        started = time.perf_counter()
        for n, tokens in prepared:
            resolve_places(find_places(n.norm, tokens, g), g)
        timings.append(time.perf_counter() - started)
    cold, geocoding = timings

    print(f"{len(docs)} articles, {chars / len(docs):.0f} characters on average")
    print(f"normalize + segment + dates: {text_layer / len(docs) * 1000:.3f} ms/article, "
          f"{text_layer / chars * 1e6:.3f} ms per 1,000 characters")
    print(f"gazetteer load (cached index): {load_time:.3f} s, {len(g)} places")
    print(f"geocoding (places found + resolved): {geocoding / len(docs) * 1000:.3f} ms/article "
          f"(first pass, cold caches: {cold / len(docs) * 1000:.3f} ms/article)")


if __name__ == "__main__":
    main()
