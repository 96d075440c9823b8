"""Draw a new blind gold sample from the dev pool, by the recipe of gold/README.md.

    python tools/draw_gold_sample.py --salt rasd-gold-2026i --out /tmp/gold9 \\
        --corpus ../shared/data/corpus --coded gold/tune.jsonl gold/held.jsonl \\
        ../shared/data/gold/dev.jsonl gold/double/second.jsonl --first-coder 36

Only ids of ``dev_pool.txt`` not yet coded, with bodies of 300-5,000 characters (``--max-chars``) and at
least two Syria/Iraq mentions, are drawn; ``kw_families`` (the violence keyword families
of ``article_index.tsv``) makes a stratum of likely events (2+) or likely negatives. Each
stratum (dataset, country, kind) is filled round-robin over its outlets, outlets and ids
both in the order of ``sha1(salt|name)``, so that the same inputs always give the same
sample. The split (``held`` when ``sha1(rasd-gold-2026|split|id)`` is 0 or 1 mod 5) is
fixed here, before rasd runs on any of the articles. Writes ``sample.tsv`` (the rows to
append to ``gold/sample.tsv``) and one ``ids-N.txt`` per annotator.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

#: Articles per stratum, as in every sample so far: (dataset, country, kind) → count.
STRATA: dict[tuple[str, str, str], int] = {
    ("ant-multisource", "SY", "cand"): 22, ("ant-multisource", "IQ", "cand"): 10,
    ("saudinewsnet", "SY", "cand"): 11, ("saudinewsnet", "IQ", "cand"): 9,
    ("ant-jawharafm", "SY", "cand"): 1, ("ant-jawharafm", "IQ", "cand"): 1,
    ("ant-multisource", "SY", "neg"): 8, ("ant-multisource", "IQ", "neg"): 4,
    ("saudinewsnet", "SY", "neg"): 6, ("saudinewsnet", "IQ", "neg"): 6,
    ("ant-jawharafm", "SY", "neg"): 1, ("ant-jawharafm", "IQ", "neg"): 1,
}
SPLIT_SALT = "rasd-gold-2026|split|"
MIN_CHARS, MAX_CHARS = 300, 5000


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def split_of(doc_id: str) -> str:
    """The part an article belongs to, fixed by its id alone."""
    return "held" if int(_hash(SPLIT_SALT + doc_id), 16) % 5 in (0, 1) else "tune"


class CodedFileError(ValueError):
    """A ``--coded`` file that cannot say which ids are coded: the draw stops rather than
    draw articles already coded again."""


def coded_ids(paths: list[Path]) -> set[str]:
    """The ids already coded in gold JSONL files."""
    ids = set()
    for path in paths:
        if path.is_dir():
            raise CodedFileError(f"--coded {path}: a directory, not a gold JSONL file")
        if not path.is_file():
            hint = " (a shell pattern that matched no file? leave it out when no fresh sample waits)" \
                if any(c in str(path) for c in "*?[") else ""
            raise CodedFileError(f"--coded {path}: no such file{hint}")
        try:
            with path.open(encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    if line.strip():
                        ids.add(_coded_id(path, n, line))
        except (OSError, UnicodeDecodeError) as e:
            raise CodedFileError(f"--coded {path}: cannot be read as UTF-8 JSONL ({e})") from None
    return ids


def _coded_id(path: Path, n: int, line: str) -> str:
    try:
        doc_id = json.loads(line).get("id")
    except (json.JSONDecodeError, AttributeError) as e:
        raise CodedFileError(f"--coded {path}, line {n}: not a gold record ({e})") from None
    if not isinstance(doc_id, str) or not doc_id:
        raise CodedFileError(f"--coded {path}, line {n}: not a gold record with an id (id {doc_id!r})")
    return doc_id


def body_lengths(corpus: Path) -> dict[str, int]:
    lengths = {}
    for path in sorted(corpus.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                lengths[doc["id"]] = len(doc["text"])
    return lengths


def draw(corpus: Path, coded: set[str], salt: str, strata: dict[tuple[str, str, str], int] = STRATA,
         max_chars: int = MAX_CHARS) -> list[dict[str, str]]:
    """The sample's rows (id, dataset, outlet, date, country, stratum, split, chars).

    A stratum with fewer articles left than its count gives what it has; ``short_strata``
    says which. ``max_chars`` is a bound on every stratum, not a fallback: above 5,000 long
    articles are drawn beside short ones in the same hash order (sample 47 found the
    likely-event strata used up at 5,000, so sample 48 was drawn at 12,000).
    """
    pool = set((corpus / "dev_pool.txt").read_text(encoding="utf-8").split())
    lengths = body_lengths(corpus)
    by_stratum: dict[tuple[str, str, str], dict[str, list[dict[str, str]]]] = defaultdict(lambda: defaultdict(list))
    with (corpus / "article_index.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            doc_id = row["id"]
            if doc_id not in pool or doc_id in coded or not MIN_CHARS <= lengths.get(doc_id, 0) <= max_chars:
                continue
            syria, iraq = int(row["m_syria"]), int(row["m_iraq"])
            if syria + iraq < 2:
                continue
            key = (row["dataset"], "SY" if syria >= iraq else "IQ", "cand" if int(row["kw_families"]) >= 2 else "neg")
            by_stratum[key][row["outlet"]].append(row)
    rows = []
    for key, count in strata.items():
        outlets = sorted(by_stratum[key], key=lambda o: _hash(f"{salt}|{o}"))
        queues = {o: sorted(by_stratum[key][o], key=lambda r: _hash(f"{salt}|{r['id']}")) for o in outlets}
        taken: list[dict[str, str]] = []
        turn = 0
        while len(taken) < count and any(queues.values()):
            outlet = outlets[turn % len(outlets)]
            turn += 1
            if queues[outlet]:
                taken.append(queues[outlet].pop(0))
        rows += [{"id": r["id"], "dataset": key[0], "outlet": r["outlet"], "date": r["date"], "country": key[1],
                  "stratum": key[2], "split": split_of(r["id"]), "chars": str(lengths[r["id"]])} for r in taken]
    return rows


def short_strata(rows: list[dict[str, str]], strata: dict[tuple[str, str, str], int] = STRATA) -> list[str]:
    """One line per stratum the draw could not fill: which, and how many it got of how many."""
    got: dict[tuple[str, str, str], int] = defaultdict(int)
    for r in rows:
        got[(r["dataset"], r["country"], r["stratum"])] += 1
    return [f"{'/'.join(key)}: {got[key]} of {count}" for key, count in strata.items() if got[key] < count]


def assignments(rows: list[dict[str, str]], salt: str, coders: int) -> list[list[str]]:
    """The ids each annotator codes, dealt in the order of ``sha1(salt|coder|id)``."""
    order = sorted((r["id"] for r in rows), key=lambda i: _hash(f"{salt}|coder|{i}"))
    return [order[k::coders] for k in range(coders)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--salt", required=True, help="a salt no earlier sample used")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, default=Path("../shared/data/corpus"))
    parser.add_argument("--coded", type=Path, nargs="+", required=True, help="gold JSONL files whose ids are taken")
    parser.add_argument("--coders", type=int, default=4)
    parser.add_argument("--first-coder", type=int, required=True, help="the number of the first annotator")
    parser.add_argument("--max-chars", type=int, default=MAX_CHARS, help="the longest body drawn (default %(default)s)")
    args = parser.parse_args()
    try:
        coded = coded_ids(args.coded)
    except CodedFileError as e:
        parser.error(str(e))
    rows = draw(args.corpus, coded, args.salt, max_chars=args.max_chars)
    for line in short_strata(rows):
        print(f"stratum short of articles: {line}", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "sample.tsv").open("w", encoding="utf-8") as f:
        for r in rows:
            f.write("\t".join(r[k] for k in ("id", "dataset", "outlet", "date", "country", "stratum", "split", "chars")) + "\n")
    for k, ids in enumerate(assignments(rows, args.salt, args.coders)):
        (args.out / f"ids-{args.first_coder + k}.txt").write_text("\n".join(ids) + "\n", encoding="utf-8")
    held = sum(r["split"] == "held" for r in rows)
    print(f"{len(rows)} articles ({held} held, {len(rows) - held} tune) in {args.out}")


if __name__ == "__main__":
    main()
