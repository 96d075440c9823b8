"""rasd (رصد): Arabic conflict reporting → structured, geolocated, dated, source-attributed
event data in the ACLED taxonomy.

    >>> from rasd import Pipeline, Document
    >>> events = Pipeline().extract(Document(id="1", text="...", published="2018-12-20"))
"""

from rasd.model import Document, Event, Evidence, Mention, Span

__version__ = "0.1.0"
__all__ = ["Document", "Event", "Evidence", "Mention", "Pipeline", "Span", "__version__"]


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    # The pipeline pulls in the recognizers; load it only when asked for.
    if name == "Pipeline":
        from rasd.pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)
