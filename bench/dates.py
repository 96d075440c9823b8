"""Date recognition + resolution: rasd against dateparser's search_dates, same inputs, one run.

Accuracy: on tests/recognize/date_table.tsv (each expression anchored on its article's
publication date; a row counts when the start of the resolved window is right, since
dateparser has no notion of a window or precision). Speed: sentences per second over
sentences of real corpus articles.

    python bench/dates.py [--sentences 2000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasd.recognize.dates import find_dates  # noqa: E402
from rasd.text.normalize import normalize  # noqa: E402
from rasd.text.segment import sentences  # noqa: E402
from tests.recognize.date_table import rows  # noqa: E402


def rasd_start(text: str, published: dt.date) -> str | None:
    found = find_dates(normalize(text), published)
    if not found:
        return None
    return max(found, key=lambda d: d.end - d.start).value["date"]


def dateparser_start(text: str, published: dt.date) -> str | None:
    from dateparser.search import search_dates

    base = dt.datetime.combine(published, dt.time(12))
    found = search_dates(text, languages=["ar"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    if not found:
        return None
    return max(found, key=lambda f: len(f[0]))[1].date().isoformat()


def corpus_sentences(limit: int) -> list[tuple[str, dt.date]]:
    path = Path(__import__("os").environ.get("RASD_SHARED", ROOT.parent / "shared")) / "data" / "corpus" / "ant_multisource_2018.jsonl.gz"
    out: list[tuple[str, dt.date]] = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            published = dt.date.fromisoformat(record["published"][:10])
            n = normalize(record["text"])
            for s in sentences(n.norm):
                a, b = n.original_span(s.start, s.end)
                out.append((record["text"][a:b], published))
                if len(out) >= limit:
                    return out
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sentences", type=int, default=2000)
    args = parser.parse_args()
    table = rows()
    for name, fn in (("rasd", rasd_start), ("dateparser", dateparser_start)):
        right = sum(fn(r.expression, r.published) == r.date for r in table)
        print(f"{name:10s} table accuracy (window start): {right}/{len(table)} = {right / len(table):.3f}")
    exact = sum(
        (lambda f: bool(f) and (max(f, key=lambda d: d.end - d.start).value["date"],
                                max(f, key=lambda d: d.end - d.start).value["date_end"],
                                max(f, key=lambda d: d.end - d.start).value["precision"]) == (r.date, r.date_end, r.precision))(
            find_dates(normalize(r.expression), r.published)) for r in table)
    print(f"rasd       table accuracy (date, date_end, precision exact): {exact / len(table):.3f}")
    sample = corpus_sentences(args.sentences)
    timings = {}
    for name, fn in (("rasd", lambda t, p: find_dates(normalize(t), p)),
                     ("dateparser", lambda t, p: dateparser_start(t, p))):
        subset = sample if name == "rasd" else sample[: max(200, len(sample) // 10)]
        started = time.perf_counter()
        for text, published in subset:
            fn(text, published)
        elapsed = time.perf_counter() - started
        timings[name] = len(subset) / elapsed
        print(f"{name:10s} {len(subset)} sentences in {elapsed:.2f}s: {timings[name]:.0f} sentences/s")
    print(f"speed ratio rasd/dateparser: {timings['rasd'] / timings['dateparser']:.1f}x")


if __name__ == "__main__":
    main()
