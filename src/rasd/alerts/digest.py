"""Digests: the events of a period grouped by governorate and type, with tolls, actors,
places and sources, counts against the previous period of the same length, a static
map and links to the review page; as Markdown, mail-safe HTML (inline styles, tables,
no scripts, RTL for Arabic) or JSON.

Events are the merged events whose dates overlap the period (as ``rasd events
--since --until``), filtered by the subscription when one is given, rejected ones left
out unless the subscription asks for them.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import json
import sqlite3
from typing import Any

from rasd.alerts import labels, mapimage, render
from rasd.alerts.subscriptions import Subscription, toll
from rasd.model import EVENT_TAXONOMY
from rasd.store import db

TYPE_ORDER = list(EVENT_TAXONOMY)


def _events(conn: sqlite3.Connection, sub: Subscription | None, since: dt.date, until: dt.date) -> list[dict[str, Any]]:
    records = db.query_events(conn, db.Filters(since=since, until=until, review="all"))
    if sub is None:
        return [r for r in records if r["review"] != "rejected"]
    return [r for r in records if sub.matches(r, r["review"], r["corrected"])]


def _totals(events: list[dict[str, Any]]) -> dict[str, int]:
    return {"events": len(events), "fatalities": sum(toll(e)[0] for e in events),
            "fatalities_high": sum(toll(e)[1] for e in events)}


def build(conn: sqlite3.Connection, sub: Subscription | None, since: dt.date, until: dt.date, lang: str,
          base_url: str | None = None) -> dict[str, Any]:
    """The digest as data (what ``--format json`` prints)."""
    if until < since:
        raise ValueError(f"the period ends ({until}) before it starts ({since})")
    events = _events(conn, sub, since, until)
    days = (until - since).days + 1
    previous_since, previous_until = since - dt.timedelta(days=days), since - dt.timedelta(days=1)
    previous = _events(conn, sub, previous_since, previous_until)
    by_type = []
    for t in TYPE_ORDER:
        now_n = sum(1 for e in events if e["event_type"] == t)
        before_n = sum(1 for e in previous if e["event_type"] == t)
        if now_n or before_n:
            by_type.append({"event_type": t, "label": labels.event_type(t, lang), "events": now_n,
                            "previous": before_n, "fatalities": sum(toll(e)[0] for e in events if e["event_type"] == t)})
    regions: dict[str, list[dict[str, Any]]] = {}
    for e in events:
        regions.setdefault(e.get("admin1") or "", []).append(e)
    groups = []
    for admin1, members in sorted(regions.items(), key=lambda kv: (kv[0] == "", -sum(toll(e)[0] for e in kv[1]),
                                                                     labels.admin1(kv[0] or None, lang))):
        types = []
        for t in TYPE_ORDER:
            of_type = sorted((e for e in members if e["event_type"] == t), key=lambda e: (e["date"] or "", e["id"]))
            if of_type:
                types.append({"event_type": t, "label": labels.event_type(t, lang),
                              "events": [_item(e, lang, base_url) for e in of_type]})
        groups.append({"admin1": admin1 or None, "label": labels.admin1(admin1 or None, lang),
                       "events": len(members), "fatalities": sum(toll(e)[0] for e in members), "types": types})
    return {"type": "rasd.digest", "lang": lang, "subscription": sub.name if sub else None,
            "since": since.isoformat(), "until": until.isoformat(),
            "previous": {"since": previous_since.isoformat(), "until": previous_until.isoformat(), **_totals(previous)},
            "totals": _totals(events), "by_type": by_type, "groups": groups,
            "map_svg": mapimage.svg(events, lang)}


def _item(e: dict[str, Any], lang: str, base_url: str | None) -> dict[str, Any]:
    low, high = toll(e)
    sep = "، " if lang == "ar" else ", "
    return {"id": e["id"], "date": e["date"], "date_end": e["date_end"], "event_type": e["event_type"],
            "sub_event_type": e["sub_event_type"], "sub_event_label": labels.sub_event_type(e["sub_event_type"], lang),
            "actor1": e["actor1"], "actor2": e.get("actor2"), "actors": render.actors_text(e, lang),
            "place": labels.place(e, lang), "location": e.get("location"), "location_ar": e.get("location_ar"),
            "latitude": e.get("latitude"), "longitude": e.get("longitude"),
            "fatalities": low, "fatalities_high": high, "toll": render.toll_text((low, high), lang),
            "sources": render.sources(e), "sources_label": sep.join(labels.source(s, lang) for s in render.sources(e)),
            "doc_ids": e.get("doc_ids") or [e.get("doc_id")], "review": e.get("review"),
            "link": render.link(base_url, e["id"])}


def title(d: dict[str, Any]) -> str:
    lang = d["lang"]
    period = d["since"] if d["since"] == d["until"] else f"{d['since']} – {d['until']}"
    who = f" · {d['subscription']}" if d.get("subscription") else ""
    name = "ملخص رصد" if lang == "ar" else "rasd digest"
    return f"{name}: {period}{who}"


def _summary(d: dict[str, Any]) -> tuple[str, str]:
    lang = d["lang"]
    t, p = d["totals"], d["previous"]
    return (labels.word("summary", lang).format(events=t["events"], fatalities=t["fatalities"]),
            labels.word("versus", lang).format(events=p["events"], fatalities=p["fatalities"]))


def _delta(now: int, before: int) -> str:
    return f"{now - before:+d}" if now != before else "±0"


def markdown(d: dict[str, Any], map_name: str | None = None) -> str:
    lang = d["lang"]
    w = lambda k: labels.word(k, lang)  # noqa: E731
    now_line, before_line = _summary(d)
    out = [f"# {title(d)}", "", f"**{now_line}** ({before_line}; {_delta(d['totals']['events'], d['previous']['events'])})", ""]
    if d["by_type"]:
        out += [f"| {w('type')} | {w('events')} | {w('previous')} | {w('fatalities')} |", "|---|---:|---:|---:|"]
        out += [f"| {t['label']} | {t['events']} | {t['previous']} | {t['fatalities']} |" for t in d["by_type"]]
        out.append("")
    if map_name:
        out += [f"![{w('map')}]({map_name})", ""]
    if not d["groups"]:
        out += [w("no_events"), ""]
    for g in d["groups"]:
        out += [f"## {g['label']} ({g['events']} {w('events')}, {g['fatalities']} {w('fatalities')})", ""]
        for t in g["types"]:
            out += [f"### {t['label']}", ""]
            for e in t["events"]:
                bits = [e["date"] or "", e["sub_event_label"], e["place"], e["toll"], e["actors"]]
                if e["sources_label"]:
                    bits.append(f"{w('sources')}: {e['sources_label']}")
                ref = f"[#{e['id']}]({e['link']})" if e["link"] else f"#{e['id']}"
                out.append(f"- {' — '.join(b for b in bits if b)} — {ref}")
            out.append("")
    out.append(f"_{w('generated')}_")
    return "\n".join(out) + "\n"


def html_page(d: dict[str, Any], map_src: str | None = None) -> str:
    """Mail-safe HTML: tables, inline styles, no scripts or external resources.
    ``map_src``: the image's URL (``cid:...`` in an email); default the SVG inline as a
    data URI."""
    lang = d["lang"]
    w = lambda k: labels.word(k, lang)  # noqa: E731
    e_ = html.escape
    direction, align = ("rtl", "right") if lang == "ar" else ("ltr", "left")
    other = "left" if lang == "ar" else "right"
    font = "Tahoma,Arial,sans-serif" if lang == "ar" else "Arial,Helvetica,sans-serif"
    now_line, before_line = _summary(d)
    if map_src is None:
        map_src = "data:image/svg+xml;base64," + base64.b64encode(d["map_svg"].encode()).decode()
    cell = f"padding:6px 8px;border-bottom:1px solid #e3e7eb;text-align:{align};vertical-align:top"
    num = f"padding:6px 8px;border-bottom:1px solid #e3e7eb;text-align:{other};vertical-align:top"
    head = f"padding:6px 8px;background:#eef2f7;color:#4a5561;font-size:12px;text-align:{align}"
    rows = "".join(
        f'<tr><td style="{cell}">{e_(t["label"])}</td><td style="{num}">{t["events"]}</td>'
        f'<td style="{num}">{t["previous"]}</td><td style="{num}">{t["fatalities"]}</td></tr>' for t in d["by_type"])
    parts = [
        f'<!DOCTYPE html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{e_(title(d))}</title></head>',
        f'<body dir="{direction}" style="margin:0;padding:0;background:#f6f7f9;font-family:{font};color:#1d232b">',
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f6f7f9">'
        '<tr><td align="center" style="padding:16px">',
        f'<table role="presentation" width="680" cellpadding="0" cellspacing="0" dir="{direction}" '
        f'style="width:680px;max-width:100%;background:#ffffff;border:1px solid #dde1e6;border-collapse:collapse">',
        f'<tr><td style="padding:14px 18px;background:#1f5fa8;color:#ffffff;font-size:20px;font-weight:bold;'
        f'text-align:{align}">{e_(title(d))}</td></tr>',
        f'<tr><td style="padding:12px 18px;text-align:{align};font-size:15px"><strong>{e_(now_line)}</strong>'
        f'<br><span style="color:#66707c;font-size:13px">{e_(before_line)} '
        f'({_delta(d["totals"]["events"], d["previous"]["events"])})</span></td></tr>',
    ]
    if rows:
        parts.append(
            f'<tr><td style="padding:0 18px 12px"><table role="presentation" width="100%" cellpadding="0" '
            f'cellspacing="0" dir="{direction}" style="border-collapse:collapse;font-size:14px">'
            f'<tr><th style="{head}">{e_(w("type"))}</th><th style="{head}">{e_(w("events"))}</th>'
            f'<th style="{head}">{e_(w("previous"))}</th><th style="{head}">{e_(w("fatalities"))}</th></tr>'
            f'{rows}</table></td></tr>')
    parts.append(f'<tr><td style="padding:0 18px 12px" align="center"><img src="{e_(map_src)}" width="640" '
                 f'alt="{e_(w("map"))}" style="display:block;width:100%;max-width:640px;height:auto;'
                 f'border:1px solid #dde1e6"></td></tr>')
    if not d["groups"]:
        parts.append(f'<tr><td style="padding:12px 18px;text-align:{align};color:#66707c">{e_(w("no_events"))}</td></tr>')
    for g in d["groups"]:
        parts.append(f'<tr><td style="padding:14px 18px 4px;text-align:{align};font-size:17px;font-weight:bold;'
                     f'border-top:2px solid #1f5fa8">{e_(g["label"])} <span style="color:#66707c;font-size:13px;'
                     f'font-weight:normal">({g["events"]} {e_(w("events"))}، {g["fatalities"]} {e_(w("fatalities"))})'
                     f'</span></td></tr>' if lang == "ar" else
                     f'<tr><td style="padding:14px 18px 4px;text-align:{align};font-size:17px;font-weight:bold;'
                     f'border-top:2px solid #1f5fa8">{e_(g["label"])} <span style="color:#66707c;font-size:13px;'
                     f'font-weight:normal">({g["events"]} {e_(w("events"))}, {g["fatalities"]} {e_(w("fatalities"))})'
                     f'</span></td></tr>')
        for t in g["types"]:
            color = mapimage.TYPE_COLORS.get(t["event_type"], "#7f7f7f")
            items = []
            for ev in t["events"]:
                ref = (f'<a href="{e_(ev["link"])}" style="color:#1f5fa8">#{ev["id"]}</a>' if ev["link"]
                       else f'#{ev["id"]}')
                items.append(
                    f'<tr><td style="{cell};white-space:nowrap;width:90px">{e_(ev["date"] or "")}</td>'
                    f'<td style="{cell}"><strong>{e_(ev["sub_event_label"])}</strong> · {e_(ev["place"])}<br>'
                    f'<span style="color:#4a5561">{e_(ev["actors"])}</span>'
                    + (f'<br><span style="color:#66707c;font-size:12px">{e_(w("sources"))}: {e_(ev["sources_label"])}</span>'
                       if ev["sources_label"] else "")
                    + f'</td><td style="{num};white-space:nowrap"><strong style="color:#b3261e">{e_(ev["toll"])}</strong>'
                      f'<br>{ref}</td></tr>')
            parts.append(
                f'<tr><td style="padding:6px 18px 10px"><div style="font-size:14px;font-weight:bold;color:{color};'
                f'text-align:{align};padding:4px 0">{e_(t["label"])}</div>'
                f'<table role="presentation" width="100%" cellpadding="0" cellspacing="0" dir="{direction}" '
                f'style="border-collapse:collapse;font-size:14px">{"".join(items)}</table></td></tr>')
    parts.append(f'<tr><td style="padding:12px 18px;color:#8a939e;font-size:12px;text-align:{align}">'
                 f'{e_(w("generated"))}</td></tr></table></td></tr></table></body></html>')
    return "".join(parts)


def as_json(d: dict[str, Any]) -> str:
    return json.dumps(d, ensure_ascii=False, indent=2) + "\n"


def message(conn: sqlite3.Connection, sub: Subscription, since: dt.date, until: dt.date, base_url: str | None,
            key: str) -> dict[str, Any]:
    """The digest as a delivery payload (email with the map attached inline, webhook JSON,
    files)."""
    d = build(conn, sub, since, until, sub.lang, base_url)
    stem = f"{sub.name}-digest-{since.isoformat()}-{until.isoformat()}"
    map_name = f"{stem}-map.svg"
    data = {k: v for k, v in d.items() if k != "map_svg"}
    data["key"] = key
    return {"subject": f"[rasd] {title(d)}: {_summary(d)[0]}", "text": markdown(d, map_name),
            "markdown": markdown(d, map_name), "html": html_page(d, f"cid:{map_name}"), "json": data,
            "file_stem": stem, "attachments": [{"name": map_name, "cid": map_name, "mime": "image/svg+xml",
                                                "data": base64.b64encode(d["map_svg"].encode()).decode()}]}
