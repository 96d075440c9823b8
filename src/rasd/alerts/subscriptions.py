"""Subscriptions: who wants to hear about which events, how, and when.

```yaml
subscriptions:
  - name: aleppo-bombings          # unique; letters, digits, - and _
    lang: en                       # ar | en: the language of alerts and digests
    filters:                       # every filter given must hold; none given: every event
      countries: [SY]              # ISO codes
      governorates: [Aleppo, إدلب] # admin1, English or Arabic name
      bbox: [35.5, 35.5, 38.5, 37.0]          # min_lon, min_lat, max_lon, max_lat
      near: {lat: 36.2, lon: 37.15, km: 50}   # a radius around a point
      actors: [Islamic State]      # actor1 or actor2 containing one of these (any case)
      types: [Explosions/Remote violence]     # event types or sub-event types
      min_fatalities: 1
      min_confidence: 0.5
      review: [unreviewed, confirmed, corrected]   # default: all but rejected
    deliver:                       # one or more
      email: {to: [desk@example.org]}              # SMTP settings from RASD_SMTP_* variables
      webhook: {url: "https://example.org/hook", secret_env: RASD_WEBHOOK_SECRET}
      files: {dir: alerts/, formats: [md, html, json]}
    schedule: immediate            # immediate | daily | weekly
    at: "07:00"                    # daily/weekly: the local hour of the digest ...
    tz: Asia/Damascus              # ... in this time zone
    day: monday                    # weekly: the day
```
"""

from __future__ import annotations

import datetime as dt
import math
import re
import zoneinfo
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from rasd.alerts import labels
from rasd.model import EVENT_TAXONOMY, EVENT_TYPE_OF
from rasd.watch.yamlfile import ConfigError, Located, load, loads, validation_error

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
REVIEWS = ("unreviewed", "confirmed", "rejected", "corrected")


ReviewState = Literal["unreviewed", "confirmed", "rejected", "corrected"]
FileFormat = Literal["md", "html", "json"]
_NOT_REJECTED: tuple[ReviewState, ...] = ("unreviewed", "confirmed", "corrected")
_ALL_FORMATS: tuple[FileFormat, ...] = ("md", "html", "json")

class Near(BaseModel):
    model_config = ConfigDict(extra="forbid")

    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    km: float = Field(gt=0, le=5000)


class Filters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    countries: list[str] = Field(default_factory=list)
    governorates: list[str] = Field(default_factory=list)
    bbox: tuple[float, float, float, float] | None = None
    near: Near | None = None
    actors: list[str] = Field(default_factory=list)
    types: list[str] = Field(default_factory=list)
    min_fatalities: int = Field(default=0, ge=0)
    min_confidence: float = Field(default=0.0, ge=0, le=1)
    review: list[ReviewState] = Field(default_factory=lambda: list(_NOT_REJECTED))

    @field_validator("countries")
    @classmethod
    def _countries(cls, value: list[str]) -> list[str]:
        out = [c.strip().upper() for c in value]
        bad = [c for c in out if not re.fullmatch(r"[A-Z]{2}", c)]
        if bad:
            raise ValueError(f"{bad[0]!r} is not a two-letter ISO country code")
        return out

    @field_validator("governorates")
    @classmethod
    def _governorates(cls, value: list[str]) -> list[str]:
        return [labels.admin1_english(v) for v in value]

    @field_validator("types")
    @classmethod
    def _types(cls, value: list[str]) -> list[str]:
        known = {t.lower(): t for t in [*EVENT_TAXONOMY, *EVENT_TYPE_OF]}
        out = []
        for v in value:
            if v.lower() not in known:
                raise ValueError(f"{v!r} is not an event type or sub-event type (see `rasd schema`)")
            out.append(known[v.lower()])
        return out

    @field_validator("bbox")
    @classmethod
    def _bbox(cls, value: tuple[float, float, float, float] | None) -> tuple[float, float, float, float] | None:
        if value is not None:
            min_lon, min_lat, max_lon, max_lat = value
            if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
                raise ValueError("expected [min_lon, min_lat, max_lon, max_lat] within WGS 84 bounds")
        return value


class Email(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to: list[str] = Field(min_length=1)

    @field_validator("to", mode="before")
    @classmethod
    def _one(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("to")
    @classmethod
    def _addresses(cls, value: list[str]) -> list[str]:
        for address in value:
            if not re.fullmatch(r"[^@\s<>,]+@[^@\s<>,]+", address):
                raise ValueError(f"{address!r} is not an email address")
        return value


class Webhook(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(pattern=r"^https?://")
    secret_env: str = Field(default="RASD_WEBHOOK_SECRET", pattern=r"^[A-Za-z_][A-Za-z0-9_]*$",
                            description="The environment variable holding the HMAC secret (never the secret itself)")


class Files(BaseModel):
    model_config = ConfigDict(extra="forbid")

    dir: str = Field(min_length=1)
    formats: list[FileFormat] = Field(default_factory=lambda: list(_ALL_FORMATS), min_length=1)


class Deliver(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: Email | None = None
    webhook: Webhook | None = None
    files: Files | None = None

    @model_validator(mode="after")
    def _some(self) -> "Deliver":
        if not self.channels:
            raise ValueError("give at least one of email, webhook, files")
        return self

    @property
    def channels(self) -> list[str]:
        return [c for c in ("email", "webhook", "files") if getattr(self, c) is not None]


class Subscription(BaseModel):
    """One subscription (the YAML entry, the API body)."""

    model_config = ConfigDict(extra="forbid")

    name: str
    lang: Literal["ar", "en"] = "en"
    filters: Filters = Field(default_factory=Filters)
    deliver: Deliver
    schedule: Literal["immediate", "daily", "weekly"] = "immediate"
    at: str = "07:00"
    tz: str = "UTC"
    day: str = "monday"
    enabled: bool = True

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not NAME.match(value):
            raise ValueError("use 1-100 letters, digits, '.', '-' or '_' (starting with a letter or digit)")
        return value

    @field_validator("at", mode="before")
    @classmethod
    def _at(cls, value: Any) -> str:
        if isinstance(value, int) and not isinstance(value, bool):  # YAML 1.1 reads 07:00 as 420
            value = f"{value // 60}:{value % 60:02d}"
        m = re.fullmatch(r"(\d{1,2}):(\d{2})", str(value).strip())
        if not m or int(m[1]) > 23 or int(m[2]) > 59:
            raise ValueError(f"{value!r}: expected a time of day like 07:00")
        return f"{int(m[1]):02d}:{m[2]}"

    @field_validator("tz")
    @classmethod
    def _tz(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not a time zone name (e.g. Asia/Damascus, UTC)") from None
        return value

    @field_validator("day")
    @classmethod
    def _day(cls, value: str) -> str:
        v = value.strip().lower()
        match = [d for d in DAYS if d.startswith(v[:3])] if len(v) >= 3 else []
        if len(match) != 1:
            raise ValueError(f"{value!r}: expected a day of the week (monday ... sunday)")
        return match[0]

    # --- matching --------------------------------------------------------------------
    def matches(self, record: dict[str, Any], review: str = "unreviewed", corrected: bool = False) -> bool:
        """Whether a merged event (its record, review state and corrected flag) is one
        this subscription wants."""
        f = self.filters
        states = {review} | ({"corrected"} if corrected else set())
        if not states & set(f.review):
            return False
        if f.countries and record.get("country") not in f.countries:
            return False
        if f.governorates and (record.get("admin1") or "").lower() not in {g.lower() for g in f.governorates}:
            return False
        lat, lon = record.get("latitude"), record.get("longitude")
        if f.bbox is not None:
            if lat is None or lon is None:
                return False
            min_lon, min_lat, max_lon, max_lat = f.bbox
            if not (min_lon <= lon <= max_lon and min_lat <= lat <= max_lat):
                return False
        if f.near is not None:
            if lat is None or lon is None or km_between(f.near.lat, f.near.lon, lat, lon) > f.near.km:
                return False
        if f.actors:
            named = [str(record.get(k) or "").lower() for k in ("actor1", "actor2")]
            named += [a.lower() for k in ("assoc_actor1", "assoc_actor2") for a in record.get(k) or []]
            if not any(a.lower() in n for a in f.actors for n in named if n):
                return False
        if f.types and record.get("event_type") not in f.types and record.get("sub_event_type") not in f.types:
            return False
        if toll(record)[1] < f.min_fatalities:
            return False
        return float(record.get("confidence") or 0.0) >= f.min_confidence

    # --- schedule ---------------------------------------------------------------------
    def last_slot(self, now: dt.datetime) -> dt.datetime | None:
        """The latest digest time at or before ``now`` (aware, UTC), None when immediate."""
        if self.schedule == "immediate":
            return None
        zone = zoneinfo.ZoneInfo(self.tz)
        local = now.astimezone(zone)
        hour, minute = (int(x) for x in self.at.split(":"))
        slot = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
        if self.schedule == "daily":
            if slot > local:
                slot -= dt.timedelta(days=1)
        else:
            slot -= dt.timedelta(days=(slot.weekday() - DAYS.index(self.day)) % 7)
            if slot > local:
                slot -= dt.timedelta(days=7)
        # re-localize: the wall-clock hour across a DST change
        slot = slot.replace(tzinfo=None).replace(tzinfo=zone)
        return slot.astimezone(dt.timezone.utc)

    def period(self) -> dt.timedelta:
        return dt.timedelta(days=7 if self.schedule == "weekly" else 1)


def toll(record: dict[str, Any]) -> tuple[int, int]:
    """(lowest, highest) fatalities the reports give."""
    low = int(record.get("fatalities") or 0)
    high = record.get("fatalities_high")
    return low, max(low, int(high)) if high is not None else low


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((l2 - l1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def parse_subscription(raw: Any, path: str | Path = "<subscription>", number: int = 1) -> Subscription:
    if not isinstance(raw, dict):
        raise ConfigError(path, getattr(raw, "line", None), f"subscription {number}: expected a mapping")
    try:
        return Subscription.model_validate(raw)
    except ValidationError as exc:
        label = f"subscription {raw.get('name')!r}" if isinstance(raw.get("name"), str) else f"subscription {number}"
        raise validation_error(path, raw, exc, label) from None


def parse_subscriptions(raw: Any, path: str | Path = "<subscriptions>") -> list[Subscription]:
    """Subscriptions of a parsed file; ConfigError naming the line of the first problem."""
    if not isinstance(raw, dict) or not isinstance(raw.get("subscriptions"), list):
        raise ConfigError(path, getattr(raw, "line", None) or 1, "expected a mapping with a 'subscriptions' list")
    unknown = sorted(set(raw) - {"subscriptions"})
    if unknown:
        raise ConfigError(path, raw.lines.get(unknown[0]) if isinstance(raw, Located) else None,
                          f"unknown key {unknown[0]!r} (expected 'subscriptions')")
    out: list[Subscription] = []
    seen: dict[str, int] = {}
    for number, item in enumerate(raw["subscriptions"], start=1):
        sub = parse_subscription(item, path, number)
        line = item.line if isinstance(item, Located) else 0
        if sub.name in seen:
            raise ConfigError(path, line, f"subscription {sub.name!r}: the name is already used on line {seen[sub.name]}")
        seen[sub.name] = line
        out.append(sub)
    return out


def load_subscriptions(path: str | Path) -> list[Subscription]:
    return parse_subscriptions(load(path), path)


def loads_subscriptions(text: str, path: str = "<text>") -> list[Subscription]:
    return parse_subscriptions(loads(text, path), path)
