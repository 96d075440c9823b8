"""Alert messages (one merged event, new or changed) as text, mail-safe HTML and JSON,
in Arabic or English; and what counts as a material change.

A change is material when the toll rises (either end of the reports' range), a source
that had not reported the event does (an outlet, or a named source such as SOHR), or an
analyst corrects, confirms or rejects it. Another article from an outlet already counted
that says nothing new is not.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from rasd.alerts import labels
from rasd.alerts.subscriptions import Subscription, toll

# what a subscription was told about an event, to compare later versions with
SNAPSHOT_FIELDS = ("event_type", "sub_event_type", "date", "date_end", "actor1", "actor2", "country", "admin1",
                   "location", "location_ar", "latitude", "longitude")


def snapshot(record: dict[str, Any], status: str, corrected: dict[str, Any] | None) -> dict[str, Any]:
    low, high = toll(record)
    return {**{k: record.get(k) for k in SNAPSHOT_FIELDS}, "fatalities": low, "fatalities_high": high,
            "sources": sources(record), "doc_ids": sorted(record.get("doc_ids") or [record.get("doc_id")]),
            "review": status, "corrected": corrected or {}}


def sources(record: dict[str, Any]) -> list[str]:
    """Outlets and named sources, in the order reports came in."""
    return list(dict.fromkeys([*(record.get("outlets") or []), *(record.get("reported_by") or [])]))


@dataclass(frozen=True)
class Change:
    kind: str  # toll | source | correction | review
    data: dict[str, Any]

    def text(self, lang: str) -> str:
        w = lambda k: labels.word(k, lang)  # noqa: E731
        sep = "، " if lang == "ar" else ", "
        if self.kind == "toll":
            return f"{toll_text(self.data['new'], lang)}{'،' if lang == 'ar' else ','} {w('was')} " \
                   f"{toll_text(self.data['old'], lang, bare=True)}"
        if self.kind == "source":
            return f"{w('now_also')} {sep.join(labels.source(s, lang) for s in self.data['added'])}"
        if self.kind == "review":
            return w(self.data["status"])
        fields = sep.join(f"{k} {_value(v[0])} → {_value(v[1])}" for k, v in self.data["fields"].items())
        return f"{w('corrected')}: {fields}"

    def as_dict(self, lang: str) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text(lang), **self.data}


def _value(v: Any) -> str:
    return "—" if v in (None, "") else str(v)


def changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """The material changes from what was told (``old``) to now (``new``)."""
    out: list[Change] = []
    before, after = (old["fatalities"], old["fatalities_high"]), (new["fatalities"], new["fatalities_high"])
    if after[0] > before[0] or after[1] > before[1]:
        out.append(Change("toll", {"old": list(before), "new": list(after)}))
    added = [s for s in new["sources"] if s not in old["sources"]]
    if added:
        out.append(Change("source", {"added": added}))
    if new["corrected"] != old["corrected"]:
        fields = {k: [old["corrected"].get(k, old.get(k)), v] for k, v in new["corrected"].items()
                  if old["corrected"].get(k) != v}
        if fields:
            out.append(Change("correction", {"fields": fields}))
    if new["review"] != old["review"] and new["review"] in ("confirmed", "rejected"):
        out.append(Change("review", {"status": new["review"]}))
    return out


def toll_text(pair: list[int] | tuple[int, int], lang: str, bare: bool = False) -> str:
    low, high = pair
    if high == 0:
        return labels.word("no_toll", lang) if not bare else "0"
    figure = str(low) if low == high else f"{low}–{high}"
    return figure if bare else f"{figure} {labels.word('killed', lang)}"


def link(base_url: str | None, merged_id: int | None) -> str | None:
    if not base_url or merged_id is None:
        return None
    return f"{base_url.rstrip('/')}/#event={merged_id}"


def headline(record: dict[str, Any], lang: str) -> str:
    """"Suicide bomb, Kurtik Siruj, Aleppo, 2015-07-25" in ``lang``."""
    sep = "، " if lang == "ar" else ", "
    parts = [labels.sub_event_type(record.get("sub_event_type"), lang), labels.place(record, lang), str(record.get("date") or "")]
    return sep.join(p for p in parts if p)


def actors_text(record: dict[str, Any], lang: str) -> str:
    names = [labels.actor(record.get("actor1"), lang)]
    if record.get("actor2"):
        names.append(labels.actor(record.get("actor2"), lang))
    return " / ".join(names)


def alert(sub: Subscription, merged_id: int, version: int, kind: str, record: dict[str, Any],
          found: list[Change], base_url: str | None, key_prefix: str) -> dict[str, Any]:
    """The message of one alert: subject, text, HTML and the webhook's JSON."""
    lang = sub.lang
    w = lambda k: labels.word(k, lang)  # noqa: E731
    sep = "؛ " if lang == "ar" else "; "
    low, high = toll(record)
    what = w("new_event") if kind == "new" else w("update")
    told = sep.join(c.text(lang) for c in found) if found else toll_text((low, high), lang)
    subject = f"[rasd] {what}: {headline(record, lang)}: {told}"
    url = link(base_url, merged_id)
    rows = [
        (w("type"), f"{labels.event_type(record.get('event_type'), lang)} / {labels.sub_event_type(record.get('sub_event_type'), lang)}"),
        (w("date"), str(record.get("date") or "") + (f" – {record['date_end']}" if record.get("date_end") not in (None, record.get("date")) else "")),
        (w("place"), labels.place(record, lang)),
        (w("actors"), actors_text(record, lang)),
        (w("toll"), toll_text((low, high), lang)),
        (w("sources"), ("، " if lang == "ar" else ", ").join(labels.source(s, lang) for s in sources(record))),
    ]
    lines = [f"{what}: {headline(record, lang)}"]
    lines += [f"* {c.text(lang)}" for c in found]
    lines += [f"{k}: {v}" for k, v in rows if v]
    if url:
        lines.append(url)
    lines += ["", f"{w('why')} {sub.name}."]
    direction = "rtl" if lang == "ar" else "ltr"
    align = "right" if lang == "ar" else "left"
    cells = "".join(
        f'<tr><td style="padding:4px 8px;color:#66707c;text-align:{align};white-space:nowrap;vertical-align:top">'
        f'{html.escape(k)}</td><td style="padding:4px 8px;text-align:{align}">{html.escape(v)}</td></tr>'
        for k, v in rows if v)
    changed = "".join(f'<li style="margin:2px 0">{html.escape(c.text(lang))}</li>' for c in found)
    body = (
        f'<!DOCTYPE html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
        f'<title>{html.escape(subject)}</title></head>'
        f'<body dir="{direction}" style="margin:0;padding:16px;background:#f6f7f9;font-family:Arial,Tahoma,sans-serif;'
        f'color:#1d232b;text-align:{align}">'
        f'<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:640px;'
        f'background:#ffffff;border:1px solid #dde1e6;border-collapse:collapse" dir="{direction}">'
        f'<tr><td style="padding:12px 16px;background:#1f5fa8;color:#ffffff;font-size:16px;font-weight:bold;'
        f'text-align:{align}">{html.escape(what)}: {html.escape(headline(record, lang))}</td></tr>'
        + (f'<tr><td style="padding:8px 16px;text-align:{align}"><ul style="margin:0;padding-{align}:18px;'
           f'color:#b3261e;font-weight:bold">{changed}</ul></td></tr>' if changed else "")
        + f'<tr><td style="padding:8px 8px"><table role="presentation" cellpadding="0" cellspacing="0" '
          f'style="border-collapse:collapse;font-size:14px" dir="{direction}">{cells}</table></td></tr>'
        + (f'<tr><td style="padding:8px 16px;text-align:{align}"><a href="{html.escape(url)}" '
           f'style="color:#1f5fa8">{html.escape(w("open"))} #{merged_id}</a></td></tr>' if url else "")
        + f'<tr><td style="padding:8px 16px;color:#66707c;font-size:12px;text-align:{align}">'
          f'{html.escape(w("why"))} {html.escape(sub.name)}.</td></tr></table></body></html>')
    markdown = "\n".join([f"# {what}: {headline(record, lang)}", "", *[f"- **{c.text(lang)}**" for c in found],
                          *([""] if found else []), *[f"- {k}: {v}" for k, v in rows if v],
                          *([f"- [{w('open')} #{merged_id}]({url})"] if url else []), "",
                          f"_{w('why')} {sub.name}._", ""])
    event = {k: v for k, v in record.items() if k != "evidence"}
    payload = {"type": "rasd.alert", "kind": kind, "subscription": sub.name, "event_id": merged_id,
               "version": version, "key": key_prefix, "lang": lang, "summary": subject.removeprefix("[rasd] "),
               "changes": [c.as_dict(lang) for c in found], "link": url, "event": event}
    return {"subject": subject, "text": "\n".join(lines) + "\n", "html": body, "json": payload, "markdown": markdown}
