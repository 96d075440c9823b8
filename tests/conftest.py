"""Shared fixtures: where the team's shared data is, and a pipeline over it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("RASD_SHARED", ROOT.parent / "shared"))
SHARED_DATA = SHARED / "data"
SEED = SHARED / "examples" / "seed-alhal.txt"
SAMPLE = ROOT / "src" / "rasd" / "data" / "sample-article.txt"

needs_shared = pytest.mark.skipif(not (SHARED_DATA / "gazetteer").is_dir(),
                                  reason="../shared/data is not on this machine")


@pytest.fixture(scope="session", autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never touch the user's data or cache directories."""
    os.environ.setdefault("RASD_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    os.environ["RASD_DATA_DIR"] = str(tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="session")
def shared_pipeline():  # type: ignore[no-untyped-def]
    if not (SHARED_DATA / "gazetteer").is_dir():
        pytest.skip("../shared/data is not on this machine")
    from rasd.pipeline import Pipeline

    return Pipeline(gazetteer_path=SHARED_DATA / "gazetteer")


@pytest.fixture(scope="session")
def embedded_pipeline():  # type: ignore[no-untyped-def]
    from rasd.pipeline import Pipeline
    from rasd.resolve.gazetteer import embedded_source

    return Pipeline(gazetteer_path=embedded_source())
