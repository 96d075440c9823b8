"""Installing gazetteer data into the data directory, all or nothing.

The new files are copied into a staging folder and indexed there; only when that
succeeds does the staging folder replace the installed one, so a corrupt, truncated or
wrong-format file leaves the previous installation working.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from rasd.config import data_dir
from rasd.resolve import gazetteer as gz


class InstallError(Exception):
    """Installation failed; names the source and the problem. Nothing was changed."""


def install_gazetteer(source: Path) -> str:
    if not source.exists():
        raise InstallError(f"{source}: no such file or folder")
    files = gz.gazetteer_files(source) if source.is_dir() else [source]
    if not files:
        raise InstallError(f"{source}: no gazetteer CSV files (*.csv, *.csv.gz) in this folder")
    target = data_dir() / "gazetteer"
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".gazetteer-staging-", dir=target.parent))
    try:
        for f in files:
            shutil.copy2(f, staging / f.name)
        staged = gz.gazetteer_files(staging)
        try:
            gazetteer = gz.load(staged)
        except gz.GazetteerError as exc:
            raise InstallError(str(exc).replace(str(staging), str(source))) from exc
        backup = target.with_name(".gazetteer-previous")
        if backup.exists():
            shutil.rmtree(backup)
        if target.exists():
            target.rename(backup)
        staging.rename(target)
        if backup.exists():
            shutil.rmtree(backup)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    gz.load(gz.gazetteer_files(target))  # warm the cache for the installed paths
    return f"installed {len(gazetteer)} places from {len(files)} file(s) into {target}"
