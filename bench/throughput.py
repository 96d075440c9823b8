"""End-to-end ingest throughput against a tokenization baseline, same corpus, one run.

Baseline: spaCy's blank Arabic pipeline (``spacy.blank("ar")``: the tokenizer only, no
model), ``nlp.pipe`` over the article texts, which are read before the clock starts.
rasd: ``rasd.store.ingest.ingest`` end to end into a fresh SQLite file, timed around the
call, so it includes reading and parsing the JSONL.gz inputs, starting the workers (or the
Dask cluster) and building their pipelines, extraction, SQLite writes and cross-article
merging. Each configuration runs in a fresh interpreter, so its peak RSS is its own:
the parent's (getrusage RUSAGE_SELF), the largest worker's (RUSAGE_CHILDREN), and the
total of the parent and all its workers at once (sampled with psutil every 0.2 s).

    python bench/throughput.py [--limit N] [--corpus FILE] [--gazetteer DIR] [--only NAME] [--rounds N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("RASD_SHARED", ROOT.parent / "shared"))
CORPUS = sorted((SHARED / "data" / "corpus").glob("*.jsonl.gz"))
RUNS = {  # name: ingest keyword arguments
    "rasd --workers 1": {"workers": 1},
    "rasd --workers 2": {"workers": 2},
    "rasd --dask local (2 workers)": {"workers": 2, "dask": "local"},
}


def sources(limit: int | None, folder: Path, corpus: list[Path]) -> list[Path]:
    """The corpus files, or a JSONL.gz of their first ``limit`` lines."""
    if limit is None:
        return corpus
    lines: list[bytes] = []
    for path in corpus:
        with gzip.open(path, "rb") as handle:
            lines.extend(line for _, line in zip(range(limit - len(lines)), handle))
    subset = folder / f"first-{limit}.jsonl.gz"
    with gzip.open(subset, "wb") as handle:
        handle.writelines(lines)
    return [subset]


class PeakRSS:
    """The largest sum of the RSS of this process and all its descendants, sampled."""

    def __init__(self) -> None:
        self.peak = 0
        self.stop = threading.Event()
        try:
            import psutil
        except ImportError:
            self.thread = None
            return
        me = psutil.Process()

        def sample() -> None:
            while not self.stop.is_set():
                total = 0
                for p in [me, *me.children(recursive=True)]:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
                self.stop.wait(0.2)

        self.thread = threading.Thread(target=sample, daemon=True)
        self.thread.start()

    def close(self) -> int | None:
        self.stop.set()
        if self.thread is None:
            return None
        self.thread.join()
        return self.peak


def maxrss_mb(who: int) -> float:
    kb = resource.getrusage(who).ru_maxrss  # kilobytes on Linux, bytes on macOS
    return kb / 1024 / (1024 if sys.platform == "darwin" else 1)


def run_baseline(paths: list[Path]) -> dict[str, object]:
    import spacy

    texts = []
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            texts.extend(json.loads(line)["text"] for line in handle)
    nlp = spacy.blank("ar")
    sampler = PeakRSS()
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=256))
    seconds = time.perf_counter() - started
    return {"documents": len(texts), "tokens": tokens, "seconds": seconds, "parent_mb": maxrss_mb(resource.RUSAGE_SELF),
            "total_mb": (sampler.close() or 0) / 2**20}


def run_ingest(paths: list[Path], options: dict[str, object], gazetteer: Path | None) -> dict[str, object]:
    from rich.console import Console

    from rasd.store.ingest import ingest

    with tempfile.TemporaryDirectory() as folder:
        sampler = PeakRSS()
        started = time.perf_counter()
        report = ingest([str(p) for p in paths], Path(folder) / "bench.sqlite", gazetteer_path=gazetteer,
                        console=Console(quiet=True), **options)  # type: ignore[arg-type]
        seconds = time.perf_counter() - started
        total = sampler.close()
    return {"documents": report.extracted + report.unchanged + report.bad_inputs, "failed": report.failed,
            "events": report.events, "merged": report.totals["merged"], "multi": report.totals["multi_source"],
            "outside": report.outside_coverage,
            "seconds": seconds, "parent_mb": maxrss_mb(resource.RUSAGE_SELF),
            "worker_mb": maxrss_mb(resource.RUSAGE_CHILDREN), "total_mb": (total or 0) / 2**20}


def measure(name: str, paths: list[Path], gazetteer: Path | None) -> dict[str, object]:
    """One configuration in a fresh interpreter (peak RSS is per process lifetime)."""
    command = [sys.executable, __file__, "--child", name, "--gazetteer", str(gazetteer or ""), *map(str, paths)]
    out = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.splitlines()[-1])


def _resolved(path: str) -> Path:
    """An absolute path: the measuring children run from the repository's root."""
    return Path(path).resolve()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="first N articles of the corpus (default: all)")
    parser.add_argument("--corpus", type=_resolved, action="append",
                        help="a JSONL.gz file of articles to measure instead of the shared corpus (repeatable)")
    parser.add_argument("--gazetteer", type=_resolved, default=SHARED / "data" / "gazetteer" if
                        (SHARED / "data" / "gazetteer").is_dir() else None, help="gazetteer folder (default: shared)")
    parser.add_argument("--only", action="append", choices=["spacy", *RUNS], help="run only these (repeatable)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="measure every run this many times, interleaved, and report the median run "
                             "(the ratio of each round too): on a shared machine one run can be 10%% off")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    gazetteer = args.gazetteer if args.gazetteer and str(args.gazetteer) else None
    if args.child:  # one measurement, as JSON on the last line
        result = run_baseline(args.paths) if args.child == "spacy" else run_ingest(args.paths, RUNS[args.child], gazetteer)
        print(json.dumps(result))
        return

    with tempfile.TemporaryDirectory() as folder:
        paths = sources(args.limit, Path(folder), args.corpus or CORPUS)
        names = args.only or ["spacy", *RUNS]
        rounds: dict[str, list[dict[str, object]]] = {name: [] for name in names}
        for round_ in range(max(1, args.rounds)):
            for name in names:
                rounds[name].append(measure(name, paths, gazetteer))
                print(f"round {round_ + 1}, {name}: {rounds[name][-1]['seconds']:.1f} s", file=sys.stderr, flush=True)
        results = {name: sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2] for name, runs in rounds.items()}
    print(f"{', '.join(p.name for p in paths)} · {os.cpu_count()} CPUs · Python {sys.version.split()[0]} · "
          f"gazetteer {gazetteer or 'default'}\n")
    print("| run | documents | seconds | docs/s | × spaCy docs/s | tokens/s | events/s | events stored | "
          "merged (2+ docs) | outside coverage | peak RSS parent | largest worker | parent + workers |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    base = results["spacy"]["documents"] / results["spacy"]["seconds"] if "spacy" in results else None
    for name, r in results.items():
        rate = r["documents"] / r["seconds"]
        ratio = f"{rate / base:.4f}" if base else "–"
        if name == "spacy":
            print(f"| spaCy blank('ar') tokenizer | {r['documents']:,} | {r['seconds']:.1f} | {rate:,.0f} | 1 | "
                  f"{r['tokens'] / r['seconds']:,.0f} | – | – | – | – | {r['parent_mb']:.0f} MB | – | {r['total_mb']:.0f} MB |")
            continue
        worker = f"{r['worker_mb']:.0f} MB" if r["worker_mb"] else "–"
        print(f"| {name} | {r['documents']:,} | {r['seconds']:.1f} | {rate:,.1f} | {ratio} | – | "
              f"{r['events'] / r['seconds']:,.1f} | {r['events']:,} | {r['merged']:,} ({r['multi']:,}) | {r['outside']:,} | "
              f"{r['parent_mb']:.0f} MB | {worker} | {r['total_mb']:.0f} MB |")
    if base and len(rounds.get("spacy", [])) > 1:
        print(f"\nMedian of {len(rounds['spacy'])} interleaved rounds. × spaCy docs/s per round:")
        for name, runs in rounds.items():
            if name != "spacy":
                ratios = [sp["seconds"] / r["seconds"] for sp, r in zip(rounds["spacy"], runs)]  # same documents
                print(f"- {name}: {', '.join(f'{x:.3f}' for x in ratios)}")
    print("\nspaCy: tokenizing texts already in memory. rasd: end to end, reading the JSONL.gz "
          "inputs, worker and pipeline start-up, extraction, SQLite writes and merging. Outside coverage: "
          "articles wholly about countries rasd does not cover, whose recognition stops after their country "
          "words, so the rate depends on the corpus's share of them (--corpus: measure articles of your own).")


if __name__ == "__main__":
    main()
