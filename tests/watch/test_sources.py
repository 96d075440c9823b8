"""The sources file: what it accepts, and a clear error with the line for what it does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.watch.sources import load_sources
from rasd.watch.yamlfile import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_sources_with_defaults_and_overrides(tmp_path: Path) -> None:
    path = write(tmp_path, """\
defaults:
  interval: 10m
  delay: 1.5
sources:
  - name: enab
    url: https://www.enabbaladi.net/feed/
    outlet: Enab Baladi
  - name: page
    url: http://example.org/report.html
    kind: page
    interval: 2h
    timeout: 5s
""")
    enab, page = load_sources(path)
    assert (enab.name, enab.outlet, enab.interval, enab.delay, enab.kind) == ("enab", "Enab Baladi", 600, 1.5, "auto")
    assert (page.interval, page.timeout, page.kind, page.host) == (7200, 5, "page", "example.org")
    assert enab.line == 5 and page.line == 8


@pytest.mark.parametrize("text, line, words", [
    ("sources:\n  - name: a\n    url: https://a.example/feed\n  - name: b\n    url: [unclosed\n", 6, "not valid YAML"),
    ("sources:\n  - name: a\n    url: https://a.example/feed\n    interval: soon\n", 4, "interval"),
    ("sources:\n  - name: a\n    url: ftp://a.example/feed\n", 3, "not an http(s) URL"),
    ("sources:\n  - name: a\n    url: https://a.example/feed\n  - name: a\n    url: https://b.example/feed\n", 4,
     "already used on line 2"),
    ("sources:\n  - name: a\n    url: https://a.example/feed\n    colour: blue\n", 4, "colour"),
    ("sources:\n  - url: https://a.example/feed\n", 2, "name"),
    ("defaults:\n  interval: -5\nsources:\n  - name: a\n    url: https://a.example/feed\n", 2, "negative"),
    ("feeds:\n  - https://a.example/feed\n", 1, "'sources' list"),
])
def test_a_broken_sources_file_names_the_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_sources(path)
    assert caught.value.line == line, str(caught.value)
    assert str(caught.value).startswith(f"{path}:{line}: ")
    assert words in str(caught.value)


def test_a_missing_sources_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_sources(tmp_path / "nope.yaml")


def test_the_cli_reports_a_broken_sources_file_in_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from rasd.cli import app

    path = write(tmp_path, "sources:\n  - name: a\n    url: https://a.example/feed\n    interval: soon\n")
    result = CliRunner().invoke(app, ["watch", "--once", "--sources", str(path), "--db", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 2
    assert f"{path}:4:" in result.output and "interval" in result.output
    assert "Traceback" not in result.output
