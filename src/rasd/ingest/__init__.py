"""Reading documents: text, JSONL corpora, HTML pages, RSS/Atom feeds, WARC archives,
folders, stdin and URLs (``read_path``). Problems are yielded as ``BadInput`` records
and documents set aside on purpose (not Arabic) as ``Skipped``; a batch never stops."""

from rasd.ingest.files import MAX_BYTES, BadInput, Skipped, read_path

__all__ = ["MAX_BYTES", "BadInput", "Skipped", "read_path"]
