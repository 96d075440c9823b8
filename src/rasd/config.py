"""Where rasd keeps and finds its data: one place to change it (``RASD_DATA_DIR``)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def data_dir() -> Path:
    """Installed data (gazetteer, ...): ``$RASD_DATA_DIR`` or the user data directory.

    A directory laid out like ``../shared/data`` (with a ``gazetteer/`` folder) works
    as is, so tests and CI point ``RASD_DATA_DIR`` at it.
    """
    env = os.environ.get("RASD_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir("rasd"))


def cache_dir() -> Path:
    env = os.environ.get("RASD_CACHE_DIR")
    return Path(env) if env else Path(platformdirs.user_cache_dir("rasd"))


def gazetteer_paths(explicit: Path | None = None) -> list[Path]:
    """The gazetteer sources to use: an explicit file or folder, else the installed
    gazetteer, else the embedded default (governorates and capitals only); always with
    rasd's own list of regions, bases and city quarters that gazetteers lack (الغوطة،
    الجولان، التيفور، جوبر)."""
    from rasd.resolve.gazetteer import embedded_source, gazetteer_files, regions_source

    if explicit is not None:
        files = gazetteer_files(explicit) if explicit.is_dir() else [explicit]
        return files + [regions_source()]
    installed = data_dir() / "gazetteer"
    if installed.is_dir():
        files = gazetteer_files(installed)
        if files:
            return files + [regions_source()]
    return [embedded_source(), regions_source()]
