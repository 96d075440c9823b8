"""The HTTP API and the review page: one FastAPI app over one rasd store.

Reads (events, documents, GeoJSON, the page) are open when the server listens on a
loopback address and need the token otherwise; writes (extract-and-store, corrections)
always need the token, and with no token configured they are refused, never open.
Extraction runs in a separate worker process so that a document that takes too long
can be stopped: the worker is killed and replaced, the request gets a 413 saying so.
"""


import asyncio
import datetime as dt
import ipaddress
import secrets
import sqlite3
from concurrent.futures.process import BrokenProcessPool
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any, AsyncIterator, Iterator, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, model_validator
from swagger_ui_bundle import swagger_ui_path

from rasd import __version__
from rasd.model import EVENT_TAXONOMY, Document
from rasd.serve.limits import BodySizeLimit, HostCheck, SecurityHeaders, header_timeout_protocol
from rasd.store import db, queries, references, review
from rasd.store.db import Filters

STATIC = files("rasd.serve") / "static"
# Swagger UI's files, from the swagger-ui-bundle package: /docs works offline, no CDN
DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>rasd API</title>
<link rel="stylesheet" href="/docs-assets/swagger-ui.css">
<link rel="icon" type="image/png" href="/docs-assets/favicon-32x32.png"></head>
<body><div id="swagger-ui"></div>
<script src="/docs-assets/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script>
</body></html>
"""


@dataclass
class Settings:
    """What ``rasd serve`` was started with."""

    db_path: Path
    token: str | None = None
    host: str = "127.0.0.1"
    gazetteer_path: Path | None = None
    tile_url: str | None = None
    allow_private: bool = False
    reference_path: Path | None = None  # `--reference`: an ACLED or UCDP file shown as a layer
    max_body_bytes: int = 2_000_000
    max_text_chars: int = 200_000
    extract_seconds: float = 30.0
    max_page_size: int = 1000
    allowed_hosts: list[str] = field(default_factory=list)  # more names for the Host check

    @property
    def reads_open(self) -> bool:
        return is_loopback(self.host)

    @property
    def served_names(self) -> set[str]:
        """What a request's Host may name: the bound host, the loopback names, --allowed-host."""
        return {self.host.strip("[]").lower(), "localhost", "127.0.0.1", "::1", *self.allowed_hosts}


def is_loopback(host: str) -> bool:
    """True for localhost and every loopback address (all of 127.0.0.0/8, and ::1)."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host.lower() == "localhost"


def _wildcard(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def _origin(url: str | None) -> list[str]:
    """The CSP source of a tile URL template ("{s}." subdomains as a wildcard)."""
    from urllib.parse import urlsplit

    if not url:
        return []
    parts = urlsplit(url.replace("{s}", "*"))
    return [f"{parts.scheme}://{parts.netloc}"] if parts.scheme in ("http", "https") and parts.netloc else []


# --- request and response bodies -------------------------------------------------------

def _surrogate(value: Any) -> str | None:
    """The first lone surrogate in a JSON value's strings (JSON's \\ud800 escapes make
    them; no UTF-8 output or SQLite takes them), or None."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            return f"\\u{ord(value[exc.start]):04x}"
        return None
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if isinstance(value, (list, tuple)):
        for item in value:
            found = _surrogate(item)
            if found:
                return found
    return None


class Body(BaseModel):
    """A request body: strings must be valid Unicode."""

    @model_validator(mode="before")
    @classmethod
    def _valid_unicode(cls, data: Any) -> Any:
        found = _surrogate(data)
        if found:
            raise ValueError(f"a string holds a lone surrogate ({found}), which is not valid Unicode text")
        return data


class ArticleIn(Body):
    """An article to extract: its text and what anchors it (publication date, outlet)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    id: str | None = Field(default=None, min_length=1, max_length=500)
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None


class IngestIn(Body):
    """Store one article: give either ``url`` (fetched now) or ``document``."""

    model_config = ConfigDict(extra="forbid")

    url: str | None = Field(default=None, max_length=2000)
    document: ArticleIn | None = None
    published: dt.date | None = Field(default=None, description="Fallback date for a page that has none.")


class CorrectionIn(Body):
    """An analyst's correction and/or verdict on one event."""

    model_config = ConfigDict(extra="forbid")

    fields: dict[str, Any] = Field(default_factory=dict, description=f"Any of: {', '.join(review.CORRECTABLE)}")
    status: Literal["unreviewed", "confirmed", "rejected"] | None = None
    reviewer: str = Field(min_length=1, max_length=200)
    note: str = Field(default="", max_length=5000)


_NUMBER = r"\s*-?[0-9]+(\.[0-9]+)?\s*"
_BBOX = rf"^{_NUMBER}(,{_NUMBER}){{3}}$"
ReviewState = Literal["all", "unreviewed", "confirmed", "rejected", "corrected"]


class Problem(BaseModel):
    """Every error: ``detail`` says what is wrong (a list of field errors when the
    request does not match its schema)."""

    detail: str | list[dict[str, Any]]


class Page(BaseModel):
    total: int
    page: int
    page_size: int
    items: list[dict[str, Any]]


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem} for code in (400, 401, 403, 404, 409, 413, 422)
}


# --- the app ---------------------------------------------------------------------------

def create_app(settings: Settings) -> FastAPI:
    """The app; opening the store here (not per request) makes a bad ``--db`` fail at start."""
    conn = db.open_store(settings.db_path, create=True)
    conn.close()
    extractor = _Extractor(settings)
    layer = _reference_layer(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        extractor.close()

    app = FastAPI(title="rasd", version=__version__, lifespan=lifespan, responses=ERRORS,
                  docs_url=None, redoc_url=None,  # /docs is served below from local files, not a CDN
                  description="Arabic conflict reporting as ACLED-style events: query, review, correct, extract.")
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(HostCheck, allowed=settings.served_names, any_ip=_wildcard(settings.host))
    app.add_middleware(SecurityHeaders, image_origins=_origin(settings.tile_url))  # outermost: every response
    bearer = HTTPBearer(auto_error=False, description="The token set with `rasd serve --token` or RASD_TOKEN.")

    def connection() -> Iterator[sqlite3.Connection]:
        conn = db.open_store(settings.db_path, create=False)
        try:
            yield conn
        finally:
            conn.close()

    def authorized(credentials: HTTPAuthorizationCredentials | None) -> None:
        if settings.token is None:
            raise HTTPException(403, "writes are disabled: start the server with --token or RASD_TOKEN set")
        if credentials is None:
            raise HTTPException(401, "missing token: send 'Authorization: Bearer <token>'",
                                headers={"WWW-Authenticate": "Bearer"})
        if not secrets.compare_digest(credentials.credentials.encode(), settings.token.encode()):
            raise HTTPException(403, "wrong token")

    def reader(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        if not settings.reads_open:
            authorized(credentials)

    def writer(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        authorized(credentials)

    Conn = Annotated[sqlite3.Connection, Depends(connection)]
    read = [Depends(reader)]
    write = [Depends(writer)]

    @app.exception_handler(review.ReviewError)
    async def _review_error(_: Request, exc: review.ReviewError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=404 if isinstance(exc, review.UnknownEvent) else 422)

    @app.exception_handler(db.StoreError)
    async def _store_error(_: Request, exc: db.StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=409)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's own answer echoes the input, which may hold what cannot be encoded
        return JSONResponse({"detail": _printable(jsonable_encoder(exc.errors()))}, status_code=422)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(DOCS_PAGE)

    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(str(STATIC / "index.html"), media_type="text/html")

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    @app.get("/api/meta", dependencies=read)
    def meta(conn: Conn) -> dict[str, Any]:
        """Taxonomy, governorates present, basemap tiles and store counts, for the page."""
        admin1 = queries.governorates(conn)
        counts = db.summary(conn)
        return {"version": __version__, "taxonomy": {t: list(s) for t, s in EVENT_TAXONOMY.items()},
                "admin1": admin1, "tile_url": settings.tile_url, "write_requires_token": True,
                "writes_enabled": settings.token is not None, "review_states": list(db.REVIEW_STATES),
                "correctable": list(review.CORRECTABLE), "reference": layer.meta() if layer else None,
                "counts": {"events": counts["merged"], "documents": counts["documents"]}}

    def filters(since: dt.date | None = None, until: dt.date | None = None, country: str | None = None,
                admin1: str | None = None, type: Annotated[list[str] | None, Query()] = None,
                actor: str | None = None,
                bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat", pattern=_BBOX)] = None,
                min_confidence: Annotated[float, Query(ge=0, le=1)] = 0.0,
                review: Annotated[ReviewState | None, Query(description="Default: all but rejected")] = None,
                ) -> Filters:
        return Filters(since=since, until=until, country=country, admin1=admin1, types=type or [], actor=actor,
                       bbox=_bbox(bbox), min_confidence=min_confidence, review=review)

    Selected = Annotated[Filters, Depends(filters)]

    @app.get("/api/events", dependencies=read, response_model=Page)
    def events(conn: Conn, selected: Selected, per_document: bool = False,
               page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
               page_size: Annotated[int, Query(ge=1, le=settings.max_page_size)] = 100) -> Page:
        """Events matching the filters (the same as `rasd events`), oldest first, paged."""
        total = db.count_events(conn, selected, per_document)
        items = db.query_events(conn, selected, per_document, limit=page_size, offset=(page - 1) * page_size)
        return Page(total=total, page=page, page_size=page_size, items=items)

    @app.get("/api/events.geojson", dependencies=read, response_class=JSONResponse,
             responses={200: {"content": {"application/geo+json": {"schema": {"type": "object"}}}}})
    def events_geojson(conn: Conn, selected: Selected) -> JSONResponse:
        """Every matching cross-article event as a GeoJSON Feature (geometry null when the
        place has no coordinates), with the properties the review page filters on."""
        features = [f.as_geojson() for f in queries.map_features(conn, selected)]
        return JSONResponse({"type": "FeatureCollection", "features": features},
                            media_type="application/geo+json")

    @app.get("/api/events/{event_id}", dependencies=read, response_model=None,
             responses={308: {"description": "The event has a new id (its articles changed): see Location"}})
    def event(conn: Conn, event_id: Annotated[int, PathParam(ge=1, le=2**62)]) -> dict[str, Any] | RedirectResponse:
        """One cross-article event: its record, review, audit trail, member events with their
        evidence spans, and the documents reporting it. An id that changed when the
        event's articles were re-extracted redirects to the current one."""
        current = review.resolve(conn, event_id)
        if current is not None and current != event_id:
            return RedirectResponse(f"/api/events/{current}", status_code=308)
        return detail(conn, event_id)

    def detail(conn: sqlite3.Connection, event_id: int) -> dict[str, Any]:
        found = _event_detail(conn, event_id)
        found["referenced_by"] = references.referenced_by(conn, event_id)
        if layer is not None:
            found["reference_match"] = layer.match_for(conn, event_id)
        return found

    @app.get("/api/reference.geojson", dependencies=read, response_class=JSONResponse,
             responses={200: {"content": {"application/geo+json": {"schema": {"type": "object"}}}}})
    def reference_geojson(conn: Conn) -> JSONResponse:
        """The events of the reference file (`rasd serve --reference`), each with the rasd
        event it matches (`matched_event`, or null); 404 when no file was given."""
        if layer is None:
            raise HTTPException(404, "no reference file: start the server with `rasd serve --reference FILE`")
        return JSONResponse(layer.geojson(conn), media_type="application/geo+json")

    @app.patch("/api/events/{event_id}", dependencies=write)
    def correct(conn: Conn, event_id: Annotated[int, PathParam(ge=1, le=2**62)], body: CorrectionIn) -> dict[str, Any]:
        """Correct fields of an event and/or confirm or reject it; kept in the audit trail
        (an old id of the event is followed to its current one)."""
        event_id = review.resolve(conn, event_id) or event_id
        with db.transaction(conn):
            review.correct(conn, event_id, reviewer=body.reviewer, fields=body.fields, status=body.status,
                           note=body.note)
        return detail(conn, event_id)

    @app.get("/api/documents/{doc_id:path}", dependencies=read)
    def document(conn: Conn, doc_id: str) -> dict[str, Any]:
        """A stored article with its text (the offsets of every evidence span point into it)."""
        found = queries.document(conn, doc_id)
        if found is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return asdict(found)

    @app.post("/api/extract", dependencies=write)
    async def extract(article: ArticleIn) -> dict[str, Any]:
        """Extract the events of a posted article without storing anything;
        ``outside_coverage`` is the country (ISO code) an article is wholly about when rasd
        does not cover it, and then no event is sought in it; null for any other article."""
        doc = _document(article, settings)
        result = await extractor.run(doc)
        return {"doc_id": doc.id, "events": result.events, "outside_coverage": result.outside_coverage}

    @app.post("/api/ingest", dependencies=write, status_code=201)
    async def ingest(conn: Conn, body: IngestIn) -> dict[str, Any]:
        """Fetch a URL (or take a posted article), extract it and store its events;
        ``outside_coverage`` as for /api/extract (for an unchanged article, as stored)."""
        if (body.url is None) == (body.document is None):
            raise HTTPException(422, "give exactly one of 'url' and 'document'")
        if body.url is not None:
            doc = await asyncio.to_thread(_fetch, body.url, body.published, settings)
        else:
            assert body.document is not None
            doc = _document(body.document, settings)
        sha = db.content_hash(doc)
        if db.stored_hash(conn, doc.id) == sha:
            return {"doc_id": doc.id, "status": "unchanged", "events": queries.document_events(conn, doc.id),
                    "outside_coverage": queries.outside_coverage(conn, doc.id)}
        result = await extractor.run(doc)
        result.sha256, result.source = sha, body.url or "api"
        await asyncio.to_thread(queries.store_one, settings.db_path, result)
        return {"doc_id": doc.id, "status": "stored", "events": queries.document_events(conn, doc.id),
                "outside_coverage": result.outside_coverage}

    from rasd.alerts.api import router as alerts_router  # subscriptions and watch status

    app.include_router(alerts_router(settings.db_path, read, write, allow_private=settings.allow_private))
    return app


def _reference_layer(settings: Settings) -> Any:
    """The reference layer of ``--reference`` (rasd.compare.layer), or None."""
    if settings.reference_path is None:
        return None
    from rasd.compare.layer import ReferenceLayer

    return ReferenceLayer(settings.reference_path)


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    try:
        return db.parse_bbox(value)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None


def _document(article: ArticleIn, settings: Settings) -> Document:
    if len(article.text) > settings.max_text_chars:
        raise HTTPException(413, f"text of {len(article.text)} characters; the limit is {settings.max_text_chars}")
    fields = article.model_dump()
    fields["id"] = article.id or "api-" + db.content_hash(Document.model_validate({**fields, "id": "-"}))[:16]
    return Document.model_validate(fields)


def _fetch(url: str, published: dt.date | None, settings: Settings) -> Document:
    from rasd.ingest.files import BadInput, read_path

    if not url.lower().startswith(("http://", "https://")):
        raise HTTPException(422, f"{url!r}: only http(s) URLs are fetched")
    for item in read_path(url, published, allow_private=settings.allow_private):
        if isinstance(item, BadInput):
            raise HTTPException(422, str(item))
        return item
    raise HTTPException(422, f"{url}: no document")


def _event_detail(conn: sqlite3.Connection, event_id: int) -> dict[str, Any]:
    found = queries.event_detail(conn, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return found.as_dict()


class _Extractor:
    """One extraction process (ingest's pool of one), started on first use, killed and
    replaced when an extraction runs over its time."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.workers: Any = None
        self.lock = asyncio.Lock()

    async def run(self, doc: Document) -> db.DocResult:
        from rasd.store.ingest import IngestError, _Processes

        async with self.lock:  # one extraction at a time: one process, predictable memory
            if self.workers is None:
                self.workers = _Processes(1, self.settings.gazetteer_path)
            future = asyncio.wrap_future(self.workers.submit([(doc, "api", "")]))
            try:
                (result,) = await asyncio.wait_for(future, self.settings.extract_seconds)
            except asyncio.TimeoutError:
                self.close(kill=True)
                raise HTTPException(413, f"extraction took longer than {self.settings.extract_seconds:g} s; "
                                    "send a shorter text") from None
            except (BrokenProcessPool, IngestError) as exc:
                self.close(kill=True)
                raise HTTPException(422, f"extraction failed: {exc}") from None
        if result.error:
            raise HTTPException(422, result.error)
        return result

    def close(self, kill: bool = False) -> None:
        if self.workers is not None:
            self.workers.kill() if kill else self.workers.close()
            self.workers = None


def _printable(value: Any) -> Any:
    """``value`` with every string encodable as UTF-8 (a lone surrogate as \\udXXX)."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {_printable(k): _printable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_printable(v) for v in value]
    return value


def run(app: FastAPI, host: str, port: int) -> None:
    """Serve ``app`` with uvicorn, bounded: request headers within ``HEADER_TIMEOUT`` of
    connecting (or of the previous response), idle keep-alive connections closed after
    5 s, and beyond 512 connections or tasks a 503."""
    import uvicorn

    uvicorn.run(app, host=host.strip("[]"), port=port, log_level="warning", http=header_timeout_protocol(),
                timeout_keep_alive=5, limit_concurrency=512)
