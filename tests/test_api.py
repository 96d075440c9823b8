"""The library face of rasd: ``import rasd; rasd.extract(text, published=...)``, its
errors, its version, and the command line's handling of errors it did not expect."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

import rasd

TEXT = "قتل 3 مدنيين في قصف لقوات النظام على مدينة دوما يوم الجمعة، بحسب المرصد السوري لحقوق الإنسان."


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120, check=False)


def test_extract_in_two_lines() -> None:
    events = rasd.extract(TEXT, published="2018-03-10")
    assert [(e.sub_event_type, e.actor1, e.actor2, e.location, e.fatalities, str(e.date)) for e in events] == [
        ("Shelling/artillery/missile attack", "Syrian Government Forces", "Civilians", "Douma", 3, "2018-03-09")]
    assert isinstance(events[0], rasd.Event)
    for evidence in events[0].evidence:
        assert TEXT[evidence.start:evidence.end] == evidence.text
    assert events[0].reported_by == ["SOHR"]


def test_analyze_gives_the_mentions() -> None:
    analysis = rasd.analyze(TEXT, published="2018-03-10")
    assert [d.value["date"] for d in analysis.dates] == ["2018-03-09"]
    assert {a.actor.name for a in analysis.actors} >= {"Syrian Government Forces"}


@pytest.mark.parametrize("text,published,problem", [
    ("   ", None, "text is empty"),
    (TEXT, "2018-13-01", "published"),
])
def test_bad_input_is_an_input_error(text: str, published: str | None, problem: str) -> None:
    with pytest.raises(rasd.InputError, match=problem):
        rasd.extract(text, published=published)
    assert issubclass(rasd.InputError, rasd.RasdError)


def test_version_is_the_installed_one() -> None:
    assert rasd.__version__ == version("rasd")
    result = subprocess.run([sys.executable, "-m", "rasd", "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout.strip() == f"rasd {rasd.__version__}"


def test_the_package_declares_its_types() -> None:
    assert (Path(rasd.__file__).parent / "py.typed").exists()


def _gold(tmp_path: Path) -> Path:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "d", "events": []}) + "\n", encoding="utf-8")
    return gold


BROKEN = "import sys, rasd.evaluate.runner as r; r.score_file = lambda *a: 1 / 0; from rasd.cli import main; main(sys.argv[1:])"


def test_an_unexpected_error_is_one_line(tmp_path: Path) -> None:
    gold = _gold(tmp_path)
    result = _run(BROKEN, "evaluate", str(gold), "--pred", str(gold))
    assert result.returncode == 1
    assert "unexpected ZeroDivisionError: division by zero" in result.stderr and "--debug" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) <= 2


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    gold = _gold(tmp_path)
    result = _run(BROKEN, "--debug", "evaluate", str(gold), "--pred", str(gold))
    assert result.returncode == 1 and "Traceback" in result.stderr and "ZeroDivisionError" in result.stderr


def test_a_rasd_error_is_one_line_with_exit_2(tmp_path: Path) -> None:
    code = ("import sys; import rasd.evaluate.runner as r; from rasd.errors import DataError\n"
            "def fail(*a): raise DataError('gold.jsonl: the gazetteer is gone')\n"
            "r.score_file = fail; from rasd.cli import main; main(sys.argv[1:])")
    gold = _gold(tmp_path)
    result = _run(code, "evaluate", str(gold), "--pred", str(gold))
    assert result.returncode == 2 and result.stderr.strip() == "error: gold.jsonl: the gazetteer is gone"


def test_a_missing_extra_names_the_pip_install(tmp_path: Path) -> None:
    code = "import sys; sys.modules['uvicorn'] = None; from rasd.cli import main; main(sys.argv[1:])"
    result = _run(code, "serve", "--db", str(tmp_path / "s.sqlite"))
    assert result.returncode == 2 and "pip install 'rasd[serve]'" in result.stderr
    assert not (tmp_path / "s.sqlite").exists()


def test_verbose_logs_what_happens(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text(TEXT, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "rasd", "-v", "extract", str(text), "--published", "2018-03-10",
                             "--format", "jsonl"], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0 and "rasd: INFO rasd" in result.stderr
    quiet = subprocess.run([sys.executable, "-m", "rasd", "extract", str(text), "--published", "2018-03-10",
                            "--format", "jsonl"], capture_output=True, text=True, timeout=120, check=False)
    assert "INFO" not in quiet.stderr and quiet.stdout == result.stdout
