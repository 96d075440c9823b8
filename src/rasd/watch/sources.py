"""The sources file of ``rasd watch``: which feeds and pages to poll, how often, and under
which outlet name.

```yaml
defaults:            # optional; each source may override any of these
  interval: 15m      # time between two polls of a source (s, m, h, d; a number is seconds)
  delay: 2s          # least time between two requests to the same host
  timeout: 30s       # one request, connect to last byte
  backoff: 1m        # first wait after an error; doubled at each error in a row ...
  max_backoff: 6h    # ... up to this
sources:
  - name: enab-baladi                       # unique; used in logs and `rasd watch-status`
    url: https://www.enabbaladi.net/feed/
    outlet: Enab Baladi                     # for items whose feed has no title
  - name: one-page
    url: https://example.org/report.html
    kind: page                              # feed | page | auto (default: by content type)
```
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import httpx
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from rasd.watch.yamlfile import ConfigError, Located, duration, load, validation_error

DEFAULTS = {"interval": 900.0, "delay": 2.0, "timeout": 30.0, "backoff": 60.0, "max_backoff": 6 * 3600.0}


class _Timing(BaseModel):
    model_config = ConfigDict(extra="forbid")

    interval: float | None = None
    delay: float | None = None
    timeout: float | None = None
    backoff: float | None = None
    max_backoff: float | None = None

    @field_validator("interval", "delay", "timeout", "backoff", "max_backoff", mode="before")
    @classmethod
    def _duration(cls, value: Any, info: Any) -> Any:
        return None if value is None else duration(value, info.field_name)


class _SourceIn(_Timing):
    name: str = Field(min_length=1, max_length=200)
    url: str = Field(min_length=1, max_length=2000)
    outlet: str | None = None
    kind: Literal["auto", "feed", "page"] = "auto"

    @field_validator("url")
    @classmethod
    def _http(cls, value: str) -> str:
        try:
            url = httpx.URL(value)
        except httpx.InvalidURL as exc:
            raise ValueError(f"not a URL ({exc})") from None
        if url.scheme not in ("http", "https") or not url.host:
            raise ValueError(f"{value!r} is not an http(s) URL")
        return value


@dataclass(frozen=True)
class Source:
    name: str
    url: str
    outlet: str | None
    kind: str
    interval: float
    delay: float
    timeout: float
    backoff: float
    max_backoff: float
    line: int = 0

    @property
    def host(self) -> str:
        return httpx.URL(self.url).host


def parse_sources(raw: Any, path: str | Path = "<sources>") -> list[Source]:
    """Sources of a parsed sources file; ConfigError naming the line of the first problem."""
    if not isinstance(raw, dict) or not isinstance(raw.get("sources"), list):
        raise ConfigError(path, getattr(raw, "line", None) or 1,
                          "expected a mapping with a 'sources' list (see `rasd watch --help`)")
    unknown = sorted(set(raw) - {"defaults", "sources"})
    if unknown:
        raise ConfigError(path, raw.lines.get(unknown[0]) if isinstance(raw, Located) else None,
                          f"unknown key {unknown[0]!r} (expected 'defaults' and 'sources')")
    defaults = dict(DEFAULTS)
    if raw.get("defaults") is not None:
        try:
            given = _Timing.model_validate(raw["defaults"])
        except ValidationError as exc:
            raise validation_error(path, raw["defaults"], exc, "defaults") from None
        defaults.update({k: v for k, v in given.model_dump().items() if v is not None})
    out: list[Source] = []
    seen: dict[str, int] = {}
    for number, item in enumerate(raw["sources"], start=1):
        line = item.line if isinstance(item, Located) else (raw.lines.get("sources") if isinstance(raw, Located) else None)
        if not isinstance(item, dict):
            raise ConfigError(path, line, f"source {number}: expected a mapping with at least 'name' and 'url'")
        try:
            spec = _SourceIn.model_validate(item)
        except ValidationError as exc:
            label = f"source {item.get('name')!r}" if isinstance(item.get("name"), str) else f"source {number}"
            raise validation_error(path, item, exc, label) from None
        if spec.name in seen:
            raise ConfigError(path, line, f"source {spec.name!r}: the name is already used on line {seen[spec.name]}")
        seen[spec.name] = line or 0
        timing = {k: getattr(spec, k) if getattr(spec, k) is not None else defaults[k] for k in DEFAULTS}
        if timing["interval"] <= 0:
            raise ConfigError(path, line, f"source {spec.name!r}: interval must be more than 0")
        out.append(Source(spec.name, spec.url, spec.outlet, spec.kind, line=line or 0, **timing))
    if not out:
        raise ConfigError(path, raw.lines.get("sources") if isinstance(raw, Located) else None, "no sources listed")
    return out


def load_sources(path: str | Path) -> list[Source]:
    return parse_sources(load(path), path)
