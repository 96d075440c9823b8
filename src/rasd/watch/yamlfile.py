"""YAML configuration files (sources, subscriptions) read with their line numbers, so a
mistake is reported as ``file:line: what is wrong`` instead of a stack trace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from rasd.errors import InputError


class ConfigError(InputError):
    """A sources or subscriptions file rasd cannot use; the message names file and line."""

    def __init__(self, path: str | Path, line: int | None, problem: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {problem}")
        self.path, self.line, self.problem = str(path), line, problem


class Located(dict):
    """A YAML mapping that remembers where it starts and where each of its keys is."""

    line: int = 0
    lines: dict[str, int]


class _Loader(yaml.SafeLoader):
    pass


def _mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    out = Located(loader.construct_mapping(node, deep=True))
    out.line = node.start_mark.line + 1
    out.lines = {str(k.value): v.start_mark.line + 1 for k, v in node.value if isinstance(k, yaml.ScalarNode)}
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load(path: str | Path) -> Any:
    """The parsed file (mappings as ``Located``); ConfigError for a missing, unreadable or
    malformed file, with the line of the syntax error."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(p, None, "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(p, None, f"cannot read ({exc.__class__.__name__}: {exc})") from None
    return loads(text, p)


def loads(text: str, path: str | Path = "<text>") -> Any:
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ConfigError(path, line, f"not valid YAML ({exc.problem or exc.context})") from None
    except yaml.YAMLError as exc:
        raise ConfigError(path, None, f"not valid YAML ({exc})") from None


def line_of(node: Any, loc: tuple[Any, ...] = ()) -> int | None:
    """The line of the deepest mapping or key on the path ``loc`` inside ``node``."""
    line = node.line if isinstance(node, Located) else None
    for part in loc:
        if isinstance(node, Located):
            line = node.lines.get(str(part), line)
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            line = node.line if isinstance(node, Located) else line
        else:
            break
    return line


def validation_error(path: str | Path, node: Any, exc: ValidationError, what: str) -> ConfigError:
    """The first problem of a pydantic validation of ``node`` as a ConfigError at its line."""
    first = exc.errors()[0]
    loc = tuple(first["loc"])
    field = ".".join(str(p) for p in loc if not isinstance(p, int) or len(loc) == 1)
    message = first["msg"].removeprefix("Value error, ")
    return ConfigError(path, line_of(node, loc), f"{what}: {field + ': ' if field else ''}{message}")


def duration(value: Any, field: str) -> float:
    """Seconds from 30, "30s", "10m", "2h" or "1d"."""
    if isinstance(value, bool):
        raise ValueError(f"{field}: expected a duration like 30s, 10m or 2h, not {value!r}")
    if isinstance(value, (int, float)):
        seconds = float(value)
    else:
        text = str(value).strip().lower()
        units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
        try:
            seconds = float(text[:-1]) * units[text[-1]] if text and text[-1] in units else float(text)
        except ValueError:
            raise ValueError(f"{field}: expected a duration like 30s, 10m or 2h, not {value!r}") from None
    if seconds < 0:
        raise ValueError(f"{field}: a duration cannot be negative ({value!r})")
    return seconds
