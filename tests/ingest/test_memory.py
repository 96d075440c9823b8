"""Bounded memory on oversized input: a gzip bomb (a small .jsonl.gz whose one line
inflates to 256 MiB) and an endless stdin are refused after reading at most the 10 MB
limit, measured as the peak resident memory of a real `rasd` process."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

from tests.store import STRIKE_DOCS

BOMB_MIB = 256
#: Peak memory allowed to the rasd process, in MiB: it peaks at about 65 MiB here (120
#: with a larger gazetteer) and a line of up to 10 MB may be held twice (bytes and
#: text); reading the bomb's line whole took 268 MiB and more.
BOUND_MIB = 160

# Runs one command in a child and prints that child's peak RSS (KiB on Linux): the
# wrapper's RUSAGE_CHILDREN holds only it, not the other processes the tests started.
MEASURE = """
import resource, subprocess, sys
run = subprocess.run(sys.argv[2:], stdin=open(sys.argv[1], "rb") if sys.argv[1] != "-" else None,
                     capture_output=True, text=True)
sys.stderr.write(run.stderr)
sys.stdout.write(run.stdout)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, run.returncode)
"""


def peak(command: list[str], stdin: str = "-") -> tuple[int, int, str, str]:
    """(peak MiB, exit code, stdout, stderr) of ``command``."""
    run = subprocess.run([sys.executable, "-c", MEASURE, stdin, *command], capture_output=True, text=True,
                         timeout=600)
    *out, last = run.stdout.splitlines()
    kib, code = map(int, last.split())
    return kib // 1024, code, "\n".join(out), run.stderr


def write_bomb(path: Path) -> None:
    good = json.dumps(dict(STRIKE_DOCS[0], id="after"), ensure_ascii=False).encode()
    block = b"a" * (1 << 20)
    with gzip.open(path, "wb", compresslevel=9) as out:
        out.write(b'{"id": "bomb", "text": "')
        for _ in range(BOMB_MIB):
            out.write(block)
        out.write(b'"}\n' + good + b"\n")


def test_a_gzip_bomb_line_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.jsonl.gz"
    write_bomb(bomb)
    assert bomb.stat().st_size < 1 << 20  # a small file...
    mib, code, out, err = peak([sys.executable, "-m", "rasd", "extract", str(bomb), "--format", "jsonl"])
    assert code == 1, err
    assert f"bomb.jsonl.gz:1: line too large ({BOMB_MIB * (1 << 20) + 27:,} bytes" in err
    assert [json.loads(line)["doc_id"] for line in out.splitlines()] == ["after"]  # the run went on
    assert mib < BOUND_MIB, f"peak {mib} MiB"


def test_ingest_refuses_the_bomb_in_bounded_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.jsonl.gz"
    write_bomb(bomb)
    mib, code, out, err = peak([sys.executable, "-m", "rasd", "ingest", str(bomb), "--db",
                                str(tmp_path / "s.sqlite"), "--workers", "1"])
    assert code == 1 and "1 added" in out and "bomb.jsonl.gz:1: line too large" in err, err
    assert mib < BOUND_MIB, f"peak {mib} MiB"


def test_an_oversized_stdin_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as out:
        block = "قتل ".encode() * (1 << 18)
        for _ in range(BOMB_MIB // 2):
            out.write(block)
    mib, code, _, err = peak([sys.executable, "-m", "rasd", "extract", "-"], stdin=str(big))
    assert code == 1 and "<stdin>: too large" in err, err
    assert mib < BOUND_MIB, f"peak {mib} MiB"
