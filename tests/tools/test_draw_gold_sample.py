"""The gold-sample draw (tools/draw_gold_sample.py) on a small corpus written for the test:
which articles may be drawn, per stratum, and that the same inputs give the same sample."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tools import load_tool

HEADER = "id\tdataset\toutlet\tdate\tm_syria\tm_iraq\tkw_families\n"


def write_corpus(root: Path) -> Path:
    """12 candidate articles about Syria (3 outlets), plus ones the draw must skip."""
    corpus = root / "corpus"
    corpus.mkdir()
    rows, docs, pool = [], [], []

    def add(doc_id: str, outlet: str, syria: int, iraq: int, families: int, chars: int, in_pool: bool = True) -> None:
        rows.append(f"{doc_id}\tsaudinewsnet\t{outlet}\t2015-07-21\t{syria}\t{iraq}\t{families}\n")
        docs.append(json.dumps({"id": doc_id, "text": "ن" * chars}, ensure_ascii=False))
        if in_pool:
            pool.append(doc_id)

    for k in range(12):
        add(f"sy-{k}", f"outlet-{k % 3}", 5, 0, 3, 800)
    add("short", "outlet-0", 5, 0, 3, 100)  # body under 300 characters
    add("abroad", "outlet-0", 1, 0, 3, 800)  # one Syria/Iraq mention only
    add("reserved", "outlet-0", 5, 0, 3, 800, in_pool=False)  # not in dev_pool.txt
    add("coded", "outlet-1", 5, 0, 3, 800)
    add("iraq-neg", "outlet-2", 0, 4, 1, 800)
    (corpus / "article_index.tsv").write_text(HEADER + "".join(rows), encoding="utf-8")
    (corpus / "dev_pool.txt").write_text("\n".join(pool) + "\n", encoding="utf-8")
    with gzip.open(corpus / "saudinewsnet_2015.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write("\n".join(docs) + "\n")
    return corpus


def test_only_pool_articles_not_yet_coded_are_drawn(tmp_path: Path) -> None:
    tool = load_tool("draw_gold_sample")
    corpus = write_corpus(tmp_path)
    strata = {("saudinewsnet", "SY", "cand"): 20, ("saudinewsnet", "IQ", "neg"): 5}
    rows = tool.draw(corpus, {"coded"}, "salt-a", strata)
    ids = {r["id"] for r in rows}
    assert ids == {f"sy-{k}" for k in range(12)} | {"iraq-neg"}
    assert next(r for r in rows if r["id"] == "iraq-neg")["stratum"] == "neg"


def test_a_stratum_is_filled_round_robin_over_its_outlets(tmp_path: Path) -> None:
    tool = load_tool("draw_gold_sample")
    corpus = write_corpus(tmp_path)
    rows = tool.draw(corpus, set(), "salt-a", {("saudinewsnet", "SY", "cand"): 6})
    assert len(rows) == 6
    assert sorted(r["outlet"] for r in rows) == ["outlet-0"] * 2 + ["outlet-1"] * 2 + ["outlet-2"] * 2


def test_the_same_inputs_give_the_same_sample_and_another_salt_another(tmp_path: Path) -> None:
    tool = load_tool("draw_gold_sample")
    corpus = write_corpus(tmp_path)
    strata = {("saudinewsnet", "SY", "cand"): 4}
    first = tool.draw(corpus, set(), "salt-a", strata)
    assert tool.draw(corpus, set(), "salt-a", strata) == first
    assert [r["id"] for r in tool.draw(corpus, set(), "salt-b", strata)] != [r["id"] for r in first]
    assert all(r["split"] == tool.split_of(r["id"]) for r in first)
    dealt = tool.assignments(first, "salt-a", 2)
    assert sorted(dealt[0] + dealt[1]) == sorted(r["id"] for r in first) and len(dealt[0]) == 2


def test_long_articles_are_drawn_only_under_a_larger_max_chars_and_short_strata_are_named(tmp_path: Path) -> None:
    tool = load_tool("draw_gold_sample")
    corpus = write_corpus(tmp_path)
    index = corpus / "article_index.tsv"
    index.write_text(index.read_text(encoding="utf-8") + "long\tsaudinewsnet\toutlet-0\t2015-07-21\t5\t0\t3\n", encoding="utf-8")
    (corpus / "dev_pool.txt").write_text((corpus / "dev_pool.txt").read_text(encoding="utf-8") + "long\n", encoding="utf-8")
    with gzip.open(corpus / "saudinewsnet_2016.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "long", "text": "ن" * 8000}) + "\n")
    strata = {("saudinewsnet", "SY", "cand"): 20, ("saudinewsnet", "IQ", "cand"): 2}
    rows = tool.draw(corpus, {"coded"}, "salt-a", strata)
    assert "long" not in {r["id"] for r in rows}
    assert tool.short_strata(rows, strata) == ["saudinewsnet/SY/cand: 12 of 20", "saudinewsnet/IQ/cand: 0 of 2"]
    longer = tool.draw(corpus, {"coded"}, "salt-a", strata, max_chars=12000)
    assert "long" in {r["id"] for r in longer} and len(longer) == 13


@pytest.mark.parametrize(("content", "problem"), [
    (None, "no such file (a shell pattern that matched no file?"),
    ("dir", "a directory, not a gold JSONL file"),
    (b"\x1f\x8b\x08\x00\xff\xfe", "cannot be read as UTF-8 JSONL"),  # a gzip file passed by mistake
    ('{"id": "sy-1"}\n{"events": []}\n', "line 2: not a gold record with an id (id None)"),
    ('{"id": "sy-1"}\n{"id": 5}\n', "line 2: not a gold record with an id (id 5)"),
    ('{"id": "sy-1"}\nnot json\n', "line 2: not a gold record ("),
    ('{"id": "sy-1"}\n["sy-2"]\n', "line 2: not a gold record ("),
])
def test_a_coded_file_that_cannot_be_read_stops_the_draw_naming_it(tmp_path: Path, content: str | bytes | None,
                                                                    problem: str) -> None:
    corpus = write_corpus(tmp_path)
    coded = tmp_path / "fresh" / "s*" / "coder-*.jsonl"  # as the shell passes a pattern that matched nothing
    if content == "dir":
        coded = tmp_path / "fresh"
        coded.mkdir()
    elif isinstance(content, bytes):
        coded = tmp_path / "coded.jsonl.gz"
        coded.write_bytes(content)
    elif content is not None:
        coded = tmp_path / "coded.jsonl"
        coded.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, str(Path(__file__).resolve().parents[2] / "tools" / "draw_gold_sample.py"),
                          "--salt", "s", "--out", str(out), "--corpus", str(corpus), "--coded", str(coded),
                          "--first-coder", "1"], capture_output=True, text=True)
    assert run.returncode == 2
    assert f"--coded {coded}" in run.stderr and problem in run.stderr
    assert "Traceback" not in run.stderr
    assert not out.exists()  # nothing half-written
