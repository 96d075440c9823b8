"""Extraction time against article length: is it near-linear?

    python bench/scaling.py [--sizes 10000,30000,100000,300000,1000000] [--rounds 3]

One long article is made by joining event-rich corpus articles (at least four violence
keyword families) with line breaks, then cut to each size. For each size the pipeline
analyses it (recognizers) and assembles its events; the table gives CPU seconds (best of
``--rounds``), milliseconds per 1,000 characters, and the cost per character relative to
the smallest size, measured in the same process: a ratio near 1 at every size means
linear, a ratio growing with size means super-linear.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from rasd.events.assemble import assemble  # noqa: E402
from rasd.model import Document  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402

SHARED = Path(os.environ.get("RASD_SHARED", ROOT.parent / "shared")) / "data"


def long_text(limit: int) -> str:
    index = SHARED / "corpus" / "article_index.tsv"
    with index.open(encoding="utf-8") as fh:
        rich = {r["id"] for r in csv.DictReader(fh, delimiter="\t")
                if int(r["kw_families"]) >= 4 and r["dataset"] == "ant-multisource"}
    texts, size = [], 0
    with gzip.open(SHARED / "corpus" / "ant_multisource_2018.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["id"] in rich:
                texts.append(record["text"])
                size += len(record["text"]) + 1
                if size > limit:
                    break
    return "\n".join(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,30000,100000,300000,1000000")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    text = long_text(max(sizes))
    pipeline = Pipeline(gazetteer_path=SHARED / "gazetteer")
    pipeline.extract(Document(id="warm", text=text[:20000], published=dt.date(2018, 6, 1)))
    print(f"{'characters':>10} {'analyse s':>10} {'assemble s':>11} {'total s':>8} {'ms/1k chars':>12} "
          f"{'× smallest':>11} {'events':>7}")
    base = None
    for size in sizes:
        doc = Document(id=f"long-{size}", text=text[:size], published=dt.date(2018, 6, 1))
        best = None
        for _ in range(args.rounds):
            t0 = time.process_time()
            analysis = pipeline.analyze(doc)
            t1 = time.process_time()
            events = assemble(analysis, pipeline.gazetteer)
            t2 = time.process_time()
            if best is None or t2 - t0 < best[0] + best[1]:
                best = (t1 - t0, t2 - t1, len(events))
        analyse, assembly, n_events = best  # type: ignore[misc]
        per_k = (analyse + assembly) / size * 1e6
        base = base or per_k
        print(f"{size:>10,} {analyse:>10.2f} {assembly:>11.2f} {analyse + assembly:>8.2f} {per_k:>12.3f} "
              f"{per_k / base:>11.2f} {n_events:>7}")


if __name__ == "__main__":
    main()
