"""Data packs that ship with rasd: language facts kept as files, apart from the code."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

#: libyaml's parser when PyYAML was built with it (the wheels are): the same documents,
#: read about ten times faster, which every worker process pays at start.
SafeLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: Any) -> Any:
    """``yaml.safe_load`` with the fastest safe loader available."""
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader


def data_path(name: str) -> resources.abc.Traversable:
    return resources.files(__name__).joinpath(name)


@lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    """Parse a packaged YAML data file (cached: packs are read once per process)."""
    with data_path(name).open("r", encoding="utf-8") as handle:
        return safe_load(handle)
