"""Watching sources: the sources file, polite guarded polling, ingest and status (`rasd watch`)."""
