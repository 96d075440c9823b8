"""Snapshot of what extraction produces on a corpus, to prove a refactoring changed nothing.

    python tools/snapshot.py ../shared/data/corpus/*.jsonl.gz --gazetteer ../shared/data/gazetteer -o before.jsonl
    ... change the code ...
    python tools/snapshot.py ../shared/data/corpus/*.jsonl.gz --gazetteer ../shared/data/gazetteer -o after.jsonl
    cmp before.jsonl after.jsonl

One line per document, in input order: the events (as ``rasd extract --format jsonl``
prints them), the ``--explain`` records (rules, kept/dropped) and the mention rows.
Runs in worker processes; the output does not depend on how many.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

_PIPELINE = None


def _init(gazetteer: str | None) -> None:
    global _PIPELINE
    from rasd.pipeline import Pipeline

    _PIPELINE = Pipeline(gazetteer_path=Path(gazetteer) if gazetteer else None)


def _one(record: dict) -> str:
    from rasd.events import assemble as assembly
    from rasd.model import Document

    doc = Document.model_validate(record)
    analysis = _PIPELINE.analyze(doc)  # type: ignore[union-attr]
    trace: list[dict] = []
    events = assembly.assemble(analysis, _PIPELINE.gazetteer, trace)  # type: ignore[union-attr]
    return json.dumps({
        "id": doc.id,
        "events": [e.model_dump(mode="json") for e in events],
        "explain": trace,
        "mentions": analysis.mention_rows(),
    }, ensure_ascii=False, sort_keys=True, default=str)


def _records(paths: list[str], limit: int | None):
    n = 0
    for path in paths:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if limit is not None and n >= limit:
                    return
                n += 1
                yield json.loads(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="+")
    parser.add_argument("--gazetteer")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    digest = hashlib.sha256()
    with open(args.output, "w", encoding="utf-8") as out, \
            ProcessPoolExecutor(args.workers, initializer=_init, initargs=(args.gazetteer,)) as pool:
        for line in pool.map(_one, _records(args.corpus, args.limit), chunksize=32):
            out.write(line + "\n")
            digest.update(line.encode())
    print(digest.hexdigest(), args.output, file=sys.stderr)


if __name__ == "__main__":
    main()
