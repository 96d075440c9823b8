"""The corpus store: documents, mentions, per-document and cross-article events in one
SQLite file (``db``), the ingest runner that fills it (``ingest``), and cross-article
merging (``merge``)."""

from rasd.store.db import Filters, StoreError, open_store, query_events

__all__ = ["Filters", "StoreError", "open_store", "query_events"]
