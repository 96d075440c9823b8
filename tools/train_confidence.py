"""Fit the confidence model (rasd.events.confidence) on the gold rasd is tuned on.

    pip install scikit-learn
    python tools/train_confidence.py gold/tune.jsonl ../shared/data/gold/dev.jsonl \\
        --corpus ../shared/data/corpus/*.jsonl.gz --gazetteer ../shared/data/gazetteer

Every event rasd extracts from the gold articles is labelled 1 when the evaluation's
one-to-one matching pairs it with a hand-coded event, else 0, and a logistic regression
over its features (what the text gave the event, what rules borrowed) is fitted to those
labels. The weights go to src/rasd/data/confidence.yaml; nothing else is needed at run
time. Never pass the held-back gold (gold/held.jsonl): its figures are read, not fitted.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from rasd.evaluate.runner import training_documents  # noqa: E402
from rasd.evaluate.scorer import _match_document  # noqa: E402
from rasd.events.assemble import assemble  # noqa: E402
from rasd.events.confidence import FEATURES  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402


def labelled_events(gold_paths: list[Path], corpora: list[Path], gazetteer: Path | None) -> tuple[list[list[float]], list[int]]:
    pipeline = Pipeline(gazetteer_path=gazetteer)
    rows, labels = [], []
    for g, doc in training_documents(gold_paths, corpora):
        inputs: list[dict[str, float]] = []
        events = assemble(pipeline.analyze(doc), pipeline.gazetteer, None, None, inputs)
        predicted = [e.model_dump(mode="json") for e in events]
        matched = {pi for _, pi in _match_document(g["events"], predicted)}
        for i, features in enumerate(inputs):
            rows.append([features[name] for name in FEATURES])
            labels.append(int(i in matched))
    return rows, labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--corpus", nargs="+", type=Path, required=True)
    parser.add_argument("--gazetteer", type=Path)
    parser.add_argument("--c", type=float, default=0.5, help="inverse regularization strength")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "src" / "rasd" / "data" / "confidence.yaml")
    args = parser.parse_args()
    from sklearn.linear_model import LogisticRegression

    rows, labels = labelled_events(args.gold, args.corpus, args.gazetteer)
    model = LogisticRegression(C=args.c, max_iter=1000).fit(rows, labels)
    weights = {name: round(float(w), 4) for name, w in zip(FEATURES, model.coef_[0]) if abs(w) >= 1e-4}
    header = ("# Weights of the confidence model (rasd.events.confidence), written by\n"
              "# tools/train_confidence.py: a logistic regression fitted to whether each event rasd\n"
              f"# extracted from {', '.join(p.name for p in args.gold)} matched a hand-coded one\n"
              f"# ({len(labels)} events, {sum(labels)} matched; C={args.c}). Never fitted on gold/held.jsonl.\n")
    body = yaml.safe_dump({"bias": round(float(model.intercept_[0]), 4), "weights": weights},
                          allow_unicode=True, sort_keys=False)
    args.output.write_text(header + body, encoding="utf-8")
    print(f"{len(labels)} events, {sum(labels)} matched; weights written to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
