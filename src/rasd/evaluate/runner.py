"""``rasd evaluate``: run extraction on gold documents and score it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Callable

from rasd.errors import DataError
from rasd.evaluate.scorer import EvaluationResult, score
from rasd.ingest.files import iter_jsonl_records
from rasd.model import Document


class GoldError(DataError):
    """A gold file or corpus that cannot be used, naming the file and the problem."""


def _json_lines(path: Path, what: str) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value) of each non-blank line of a JSONL file; a file that
    cannot be read or a line that is not JSON is a ``GoldError`` naming it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read {what} ({exc})") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc


def load_gold(path: Path) -> list[dict]:
    docs = []
    for number, record in _json_lines(path, "gold file"):
        if not isinstance(record, dict) or "id" not in record or not isinstance(record.get("events"), list):
            raise GoldError(f"{path}:{number}: a gold line needs 'id' and an 'events' list")
        docs.append(record)
    return docs


def load_predictions(path: Path) -> dict[str, list[dict]]:
    """Events to score, read from a file instead of extracted: gold-format lines (``{"id",
    "events"}``: another coder's gold, for agreement) or event lines as ``rasd extract
    --format jsonl`` prints them (grouped by ``doc_id``)."""
    predictions: dict[str, list[dict]] = {}
    for number, record in _json_lines(path, "predictions"):
        if isinstance(record, dict) and isinstance(record.get("events"), list) and "id" in record:
            predictions.setdefault(str(record["id"]), []).extend(record["events"])
        elif isinstance(record, dict) and record.get("doc_id") and record.get("event_type"):
            predictions.setdefault(str(record["doc_id"]), []).append(record)
        else:
            raise GoldError(f"{path}:{number}: neither a gold line ('id', 'events') nor an event with 'doc_id'")
    return predictions


def score_file(gold_path: Path, pred_path: Path) -> EvaluationResult:
    """Score the events of ``pred_path`` against the gold; a gold document the file has
    no line for was predicted to have no events."""
    gold = load_gold(gold_path)
    found = load_predictions(pred_path)
    predictions = {g["id"]: found.get(g["id"], []) for g in gold}
    return _with_calibration(gold, predictions, score(gold, predictions))


def score_against(predictions: dict[str, list[dict]], result: EvaluationResult) -> EvaluationResult:
    """Other ``predictions`` (``load_predictions``) scored on the gold documents ``result`` was
    scored on, in its order (``rasd evaluate --compare``: the two results' tallies pair up
    document by document); a document they have no line for was predicted to have none."""
    scored = result.gold_docs
    return score(scored, {str(g["id"]): predictions.get(str(g["id"]), []) for g in scored})


def _with_calibration(gold: list[dict], predictions: dict[str, list[dict]], result: EvaluationResult) -> EvaluationResult:
    from rasd.evaluate.calibration import calibration

    result.calibration = calibration(gold, predictions, result)
    return result


def gold_texts(gold: list[dict], corpora: list[Path]) -> dict[str, dict]:
    """Corpus records of the gold documents, found by id in the corpus files."""
    wanted = {g["id"] for g in gold}
    found: dict[str, dict] = {}
    for corpus in corpora:
        try:
            for record in iter_jsonl_records(corpus):
                if record.get("id") in wanted:
                    found[record["id"]] = record
        except (OSError, EOFError, json.JSONDecodeError) as exc:
            raise GoldError(f"{corpus}: cannot read corpus ({exc})") from exc
        if len(found) == len(wanted):
            break
    return found


def gold_documents(gold: list[dict], corpora: list[Path]) -> Iterator[tuple[dict, Document]]:
    """Each gold line whose article the corpora hold, with that article as a ``Document``
    (dated by the gold's publication date when it has one)."""
    records = gold_texts(gold, corpora)
    for g in gold:
        record = records.get(g["id"])
        if record is not None:
            yield g, Document(id=g["id"], text=record["text"], title=record.get("title"),
                              published=g.get("published") or record.get("published"),
                              outlet=record.get("outlet"))


def training_documents(gold_paths: list[Path], corpora: list[Path]) -> Iterator[tuple[dict, Document]]:
    """``gold_documents`` of the gold files a model may be fitted on: the held-back part
    (``held*.jsonl``) is refused, since only its figures are ever read."""
    for path in gold_paths:
        if path.name.startswith("held"):
            raise SystemExit(f"{path}: the held-back gold is never fitted on")
        yield from gold_documents(load_gold(path), corpora)


def evaluate(gold_path: Path, corpora: list[Path], extract: Callable[[Document], list],
             save: Path | None = None) -> tuple[EvaluationResult, list[str]]:
    """Score ``extract`` on the gold file; also return the ids missing from the corpora.
    With ``save``, the events scored are written there as ``rasd extract --format jsonl``
    lines (for ``--pred`` or ``--compare`` later), once all were extracted."""
    gold = load_gold(gold_path)
    predictions: dict[str, list[dict]] = {}
    scored = []
    for g, doc in gold_documents(gold, corpora):
        scored.append(g)
        predictions[g["id"]] = [e.model_dump(mode="json") for e in extract(doc)]
    missing = sorted(g["id"] for g in gold if g["id"] not in predictions)
    if save is not None:
        _save_events(save, predictions)
    return _with_calibration(scored, predictions, score(scored, predictions)), missing


def groups_of(gold_path: Path, corpora: list[Path], by: str) -> dict[str, str]:
    """Each gold article's group for ``rasd evaluate --by``: its ``outlet`` (from the
    corpus, which must be given) or the ``year`` it was published (the gold's date, else the
    corpus's); "?" where neither says."""
    if by not in ("outlet", "year"):
        raise GoldError(f"--by {by!r}: group by outlet or by year")
    gold = load_gold(gold_path)
    if by == "outlet" and not corpora:
        raise GoldError("--by outlet: the outlets are read from the corpus; give it with --corpus")
    needed = by == "outlet" or any(not g.get("published") for g in gold)  # (reading the corpus takes seconds)
    records = gold_texts(gold, corpora) if corpora and needed else {}
    out = {}
    for g in gold:
        record = records.get(g["id"], {})
        value = record.get("outlet") if by == "outlet" else str(g.get("published") or record.get("published") or "")[:4]
        out[g["id"]] = str(value or "?")
    return out


def _save_events(path: Path, predictions: dict[str, list[dict]]) -> None:
    """Write the events whole or not at all: a file that is there is a complete run."""
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8") as out:
            for events in predictions.values():
                for event in events:
                    out.write(json.dumps(event, ensure_ascii=False) + "\n")
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise GoldError(f"{path}: cannot write the events ({exc.strerror or exc})") from exc
