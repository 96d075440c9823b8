"""The errors rasd reports to its user: one family, so that a caller (the CLI, the HTTP
API, a library user) can tell rasd's own "this input / this data / this store is wrong"
from a bug, and say it in one line naming what is wrong.
"""

from __future__ import annotations


class RasdError(Exception):
    """A problem rasd can describe to its user: the message names the input, file or
    setting and what is wrong with it."""


class InputError(RasdError):
    """A document, file, URL or argument that cannot be read or used."""


class DataError(RasdError):
    """A data pack or an installed data set (gazetteer, actor dictionary, gold) that is
    missing, corrupt or inconsistent."""


class StoreError(RasdError):
    """The SQLite store cannot be opened, created or written."""


class MissingExtra(RasdError):
    """A feature whose optional dependencies are not installed (``rasd[serve]``,
    ``rasd[parquet]``): the base install stays small."""


def need(extra: str, *modules: str) -> None:
    """Raise ``MissingExtra`` naming the pip extra when one of ``modules`` is missing."""
    from importlib.util import find_spec

    missing = [m for m in modules if find_spec(m) is None]
    if missing:
        raise MissingExtra(f"this needs {', '.join(missing)}, not installed: pip install 'rasd[{extra}]'")
