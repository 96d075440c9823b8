"""Extraction on a Dask cluster (``rasd ingest --dask ADDRESS|local``).

Only extraction moves: the parent still reads the inputs, skips unchanged documents and
alone writes SQLite, in input order (``rasd.store.ingest``). Each task is ``_work`` on a
partition of documents; a Dask worker builds its ``Pipeline`` on its first task and keeps
it in a module global (``rasd.store.ingest.pipeline``). ``local`` starts a
``LocalCluster`` of worker processes for the run; an address connects to a running
scheduler, whose workers must have rasd installed (and the gazetteer at the same path,
when one is given). Dask is imported only here, so rasd works without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rasd.model import Document
from rasd.store import db
from rasd.store.ingest import IngestError, _work

PARTITION = 32  # documents per task: a Dask task costs more to schedule than a pool's


class DaskExecutor:
    """Submits partitions to a cluster; ``slots`` is the cluster's thread count."""

    chunk = PARTITION

    def __init__(self, address: str, workers: int, gazetteer_path: Path | None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise IngestError("--dask needs Dask: install rasd[dask] (pip install 'rasd[dask]')") from None
        self.address, self.gazetteer_path = address, gazetteer_path
        self.cluster: Any = None
        self.client: Any = None
        try:
            if address == "local":
                self.cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                            dashboard_address=None)
                self.client = Client(self.cluster)
            else:
                self.client = Client(address)  # waits up to distributed.comm.timeouts.connect
            self.slots = max(1, sum(self.client.nthreads().values()))
        except Exception as exc:
            self.close()
            where = "a local Dask cluster" if address == "local" else f"the Dask scheduler at {address}"
            raise IngestError(f"cannot reach {where} ({exc.__class__.__name__}: {exc})") from None

    def submit(self, items: list[tuple[Document, str, str]]) -> Any:
        return self.client.submit(_work, items, self.gazetteer_path, pure=False)

    def result(self, future: Any) -> list[db.DocResult]:
        try:
            result: list[db.DocResult] = future.result()
            return result
        except IngestError:
            raise
        except Exception as exc:  # _work records failing documents itself: this is the cluster
            raise IngestError(f"extraction on the Dask cluster at {self.address} failed "
                              f"({exc.__class__.__name__}: {exc}); rerun the same command to resume") from exc

    def close(self) -> None:
        for part in (self.client, self.cluster):
            if part is not None:
                part.close()
