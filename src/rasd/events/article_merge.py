"""One event per real event within an article: an article repeats an event (same type,
place and dates), or comes back to it with a definite noun ("الهجوم وقع ... في منطقة
السعدونية"); the second mention then adds what it knows better (place, day, toll).
"""

from __future__ import annotations

import datetime as dt

from rasd.events.article import Emitted
from rasd.events.attribution import UNCLAIMED
from rasd.events.candidate import BOMBARDMENT_TYPES
from rasd.events.toll import KILLS_NOBODY_TYPES
from rasd.model import Event
from rasd.recognize.actors import load_pack
from rasd.recognize.places import place_cues

_PLACE_FIELDS = ("location", "location_ar", "latitude", "longitude", "geo_precision", "gazetteer_id",
                 "admin1", "admin2", "country")


def overlap(a: Event, b: Event, slack: int = 0) -> bool:
    """The two events' date windows overlap (each widened by ``slack`` days)."""
    gap = dt.timedelta(days=slack)
    return bool(a.date and b.date and a.date_end and b.date_end
                and a.date <= b.date_end + gap and b.date <= a.date_end + gap)


#: Sub-event types so rare that an article telling two at one place within so many days
#: tells one, dated once by the attack and once by a statement or a visit about it: the
#: earlier day of equal precision is the attack's (a statement comes after it).
_RARE = {"Chemical weapon": 10}


class _Merged:
    """The article's distinct events so far, in order, filed by what a repeat must share
    with them (sub-event type, event type), so that finding a twin reads only those."""

    def __init__(self) -> None:
        self.events: list[Emitted] = []
        self.by_sub: dict[str, list[Emitted]] = {}
        self.by_type: dict[str, list[Emitted]] = {}

    def add(self, e: Emitted) -> None:
        self.events.append(e)
        self.by_sub.setdefault(e.event.sub_event_type, []).append(e)
        self.by_type.setdefault(e.event.event_type, []).append(e)

    def replace(self, old: Emitted, new: Emitted) -> None:
        """``new`` takes ``old``'s place (and its sources, and its toll when it has none)."""
        new.event.reported_by = list(dict.fromkeys(new.event.reported_by + old.event.reported_by))
        _take_toll(new, old)
        self.events[self.events.index(old)] = new
        self.by_sub[old.event.sub_event_type].remove(old)
        self.by_type[old.event.event_type].remove(old)
        self.by_sub.setdefault(new.event.sub_event_type, []).append(new)
        self.by_type.setdefault(new.event.event_type, []).append(new)

    def twin(self, e: Emitted) -> Emitted | None:
        """The earlier event ``e`` repeats, if any. An event that has taken in one place of
        a clause takes in no other: the places of one clause are one event each."""
        event = e.event

        def open_to(events: list[Emitted]) -> list[Emitted]:
            return [m for m in events if e.segment not in m.absorbed_from]

        # "تفجير آخر": told as another event, it repeats none told before (a toll told
        # alone that it says how came about is still one with it: _a_toll_and_its_act)
        same_sub = [] if e.another else open_to(self.by_sub.get(event.sub_event_type, []))
        same_type = [] if e.another else open_to(self.by_type.get(event.event_type, []))
        slack = _RARE.get(event.sub_event_type, 0)
        twin = next((m for m in same_sub if _same_place(m, e)
                     and (overlap(m.event, event, slack) or e.weak_date or m.weak_date)), None)
        if twin is None:
            twin = next((m for m in same_sub if _one_toll_told_twice(m, e)), None)
        if twin is None:
            twin = next((m for m in same_type if _one_author_unnamed(m, e)), None)
        if twin is None:
            twin = next((m for m in open_to(self.events) if _a_toll_and_its_act(m, e)), None)
        if twin is None and event.sub_event_type in BOMBARDMENT_TYPES:
            twin = next((m for m in same_type if _one_bombardment(m, e)), None)
        if twin is None and event.sub_event_type in _DEMONSTRATION:
            twin = next((m for m in open_to(self.events) if _one_demonstration(m, e)), None)
        if twin is None and e.anaphoric:
            twin = next((m for m in reversed(same_type) if m.segment != e.segment
                         and not _two_named_places(m, e) and m.event.admin1 == event.admin1 and m.event.country == event.country
                         and (overlap(m.event, event) or _the_day_before_its_announcement(m, event))), None)
        return twin


def _the_day_before_its_announcement(announced: Emitted, event: Event) -> bool:
    """"أعلنت القوات العراقية، الجمعة، إحباط هجوم ..." then "إحباط الهجوم جرى الخميس": an act
    dated by the day it was announced may have happened the day before, which a later
    sentence gives (not the day after)."""
    day = announced.event.date
    return announced.announced_on_its_day and day is not None and event.date is not None \
        and event.date_end is not None and event.date <= day and event.date_end >= day - dt.timedelta(days=1)


def _one_toll_told_twice(a: Emitted, b: Emitted) -> bool:
    """"قتل 21 عنصرا من قوات النظام في كمين نصبه تنظيم داعش في محافظة السويداء" and "21
    عنصرا ... قتلوا في كمين نصبه تنظيم داعش ليل الاثنين في منطقة تلول الصفا": one undated,
    the same sides in the same governorate and the same toll, they are one event, dated
    by the other. Without one toll they may be two: a governorate's day of strikes told
    as a whole ("600 ضربة جوية على بلدات درعا") beside one of them at its town is coded
    twice. (The places of one clause are one event each: never twins of each other.)"""
    return (a.weak_date or b.weak_date) and a.segment != b.segment and not _two_named_places(a, b) \
        and a.event.admin1 == b.event.admin1 and a.event.fatalities == b.event.fatalities > 0 \
        and {a.event.actor1, a.event.actor2} == {b.event.actor1, b.event.actor2}


def _one_bombardment(a: Emitted, b: Emitted) -> bool:
    """"شنت الطائرات غارات على بلدة كفرنبودة، وقصفت المدفعية البلدة": air strikes and
    shelling of one place on one day by one side, told together (the same sentence or the
    next) and not each with its own toll, are one event (event-schema.md §3.1, mixed
    bombardment). One of them told without a day of its own ("لضربات جوية صاروخية" in the
    lead, "بصواريخ معادية ... مساء الأحد" in the next sentence) is the other's bombardment
    when their windows overlap: it is dated by the one told with its day."""
    return {a.event.sub_event_type, b.event.sub_event_type} == BOMBARDMENT_TYPES and _same_place(a, b) \
        and abs(a.sentence - b.sentence) <= 1 and not (a.event.fatalities and b.event.fatalities) \
        and ((a.event.date == b.event.date and a.event.date_end == b.event.date_end)
             or ((a.weak_date or b.weak_date) and overlap(a.event, b.event))) \
        and a.event.actor1 == b.event.actor1 and _flies(a.event.actor1)


#: A demonstration, by what it came to: peaceful, then met by intervention or force, or violent.
_DEMONSTRATION = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                  "Violent demonstration")


def _one_demonstration(a: Emitted, b: Emitted) -> bool:
    """"تجمع متظاهرون أمام مجلس المحافظة حيث اندلعت مواجهات مع قوات الأمن": a peaceful
    protest and what it came to (an intervention, force, violence) at the same place on
    days that overlap, told in one sentence or the next, are one demonstration, coded as
    what it came to (ACLED codes a demonstration once, by its most severe form)."""
    kinds = {a.event.sub_event_type, b.event.sub_event_type}
    return len(kinds) == 2 and "Peaceful protest" in kinds and kinds <= set(_DEMONSTRATION) \
        and abs(a.sentence - b.sentence) <= 1 and _same_place(a, b) and overlap(a.event, b.event)


def _tells_only_a_toll(e: Emitted) -> bool:
    """An unnamed author's killing told by a word that says only that people died ("أفادت
    مصادر أمنية بمقتل 24 مدنيا في مدينة بعقوبة"): coded an Attack for want of a mode."""
    return e.event.sub_event_type == "Attack" and e.event.actor1 in UNCLAIMED and not e.features.get("mode", 1.0)


def _a_toll_and_its_act(a: Emitted, b: Emitted) -> bool:
    """"أفادت مصادر أمنية بمقتل 24 مدنيا في مدينة بعقوبة. وقالت المصادر إن عبوة ناسفة
    انفجرت في حي اليرموك الثانية غربي بعقوبة": the toll told first (or after) with no
    mode, and an act that says how people died at that place on days that overlap, within
    two sentences, are one report: the act (with its own toll) is the event."""
    act = b if _tells_only_a_toll(a) else a
    return _tells_only_a_toll(a) != _tells_only_a_toll(b) and act.event.event_type in _KILLING_TYPES \
        and abs(a.sentence - b.sentence) <= 2 and _same_place(a, b) and overlap(a.event, b.event)


#: Event types whose acts kill: the ones a toll told alone may sum up.
_KILLING_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")


def _one_author_unnamed(a: Emitted, b: Emitted) -> bool:
    """"شنت الولايات المتحدة وفرنسا وبريطانيا ضربات جوية على مواقع في دمشق" and "تم إطلاق
    105 صواريخ استهدفت مركز أبحاث برزة في دمشق": an act of one kind at one place on days
    that overlap, told once with its author and once with none, is one event by that author
    (event-schema.md §3.1: one event per type, day, place and pair of sides). Only acts
    of one kind (or the air strikes and shelling of a bombardment), and not when the named
    author is the side the unnamed act hit."""
    if (a.event.actor1 in UNCLAIMED) == (b.event.actor1 in UNCLAIMED):
        return False
    named, unnamed = (b.event, a.event) if a.event.actor1 in UNCLAIMED else (a.event, b.event)
    kinds = {a.event.sub_event_type, b.event.sub_event_type}
    # "ردا على إطلاق صواريخ من سوريا": the side the named author hit did the unnamed act
    return (len(kinds) == 1 or kinds == BOMBARDMENT_TYPES) and named.actor1 != unnamed.actor2 \
        and _same_place(a, b) and overlap(a.event, b.event)


def _flies(name: str) -> bool:
    """An author that has aircraft (an unnamed military force may)."""
    actor = load_pack().by_name.get(name)
    return name == "Unidentified Military Forces" or (actor is not None and actor.air)


def _same_place(a: Emitted, b: Emitted) -> bool:
    """One place, or one name at two precisions: "منطقة جسر الشغور" (the district) and "جسر
    الشغور" (its town), "منطقة عفرين" and "عفرين" are the place of one event."""
    if a.place_key == b.place_key or _a_part_and_its_town(a, b):
        return True
    name = _bare_name(a)
    return bool(name) and name == _bare_name(b) \
        and a.event.location == b.event.location and a.event.admin1 == b.event.admin1


def _a_part_and_its_town(a: Emitted, b: Emitted) -> bool:
    """"سقوط صاروخ على حي شعبي في وسط مدينة حلب" and "سقط الصاروخ على حي المغاير في حلب":
    a neighbourhood coded at its town, and the town itself, on days that overlap and by one
    author, are one place. (Two parts of a town keep their own names: the article tells them apart.)"""
    town = a.event.gazetteer_id
    if town is None or town != b.event.gazetteer_id or a.event.geo_precision != 1 or b.event.geo_precision != 1 \
            or not overlap(a.event, b.event) or a.event.actor1 != b.event.actor1:
        return False
    return (a.place_key == town) != (b.place_key == town)


def _bare_name(e: Emitted) -> str:
    """The name the event's place is written with, without a leading cue ("منطقة", "مدينة")."""
    if not e.picks:
        return ""
    cues = place_cues()
    words = e.picks[0].name_norm.lstrip("#").split()
    while len(words) > 1 and (words[0] in cues.settlement or words[0] in cues.governorate):
        words = words[1:]
    return " ".join(words)


def _two_named_places(a: Emitted, b: Emitted) -> bool:
    """Two towns each named ("بلدة الحارة" and "مدينة بصرى الشام"), or each named as what
    the event was near ("خمس غارات قرب الموصل" and "الضربات الأخرى قرب كركوك وتلعفر"): two
    events, whatever their dates; an undated mention joins an event only where its place is
    vaguer ("بلدة تلمنس قرب معرة النعمان" and later "الغارات قرب معرة النعمان": one)."""
    if a.place_key == b.place_key or a.event.gazetteer_id == b.event.gazetteer_id:
        return False
    if a.specificity == 4 and b.specificity == 4:
        return True
    if not ((_named_settlement(a) or _named_as_near(a)) and (_named_settlement(b) or _named_as_near(b))):
        return False
    if _named_as_near(a) and _named_as_near(b):
        return True
    # a town and a place near another town: two, unless that town locates the first
    near, named = (a, b) if _named_as_near(a) else (b, a)
    return near.event.gazetteer_id not in named.clause_places


def _named_settlement(e: Emitted) -> bool:
    """The event's place is a city, town or village its clause names."""
    pick = e.picks[0] if e.picks else None
    return e.specificity == 4 and pick is not None and pick.place is not None \
        and pick.place.feature in ("city", "town", "village")


def _named_as_near(e: Emitted) -> bool:
    """The event's place is a town it was near ("قرب الموصل", "قرب كركوك وتلعفر"), not a
    wider area ("ريف دمشق", a district)."""
    pick = e.picks[0] if e.picks else None
    r = pick.resolved if pick else None
    return pick is not None and pick.geo_precision == 2 and r is not None and not r.mention.countryside \
        and pick.place is not None and pick.place.feature in ("city", "town", "village")


def _take_toll(kept: Emitted, other: Emitted) -> bool:
    """``kept`` takes ``other``'s toll when it has none of its own (and can kill), or when
    its own is only the least that words without a number say (the schema's figures: "أوقع
    قتلى" 3, "عددا من عناصر حزب الله" 3, "مقتل العشرات" 10) and ``other`` counts more ("وقتل 31
    مدنيا", "ثمانية عناصر"): a count told of the same event is what it knows. A smaller count
    is some of the dead, not a correction; and a count beyond what "tens" or "hundreds" say
    ("عشرات المدنيين", then "أكثر من 150") is another source's, which disagrees: the lowest
    figure stays (event-schema.md §5), the higher widens the range (``_absorb``), in either
    order. Whether it took it."""
    k, o = kept.event, other.event
    if not o.fatalities or k.sub_event_type in KILLS_NOBODY_TYPES:
        return False
    if k.fatalities and not kept.unnumbered_toll and other.unnumbered_toll and _beyond_a_stated_size(o, k.fatalities):
        # the count came first ("أكثر من 150"), the word of size after ("عشرات المدنيين"): the
        # two disagree just the same, and the lowest figure is the toll
        k.fatalities_high = max(k.fatalities, k.fatalities_high or 0)
        k.fatalities, k.fatalities_low = o.fatalities, o.fatalities_low
        return True
    if k.fatalities and not (kept.unnumbered_toll and not other.unnumbered_toll and o.fatalities > k.fatalities
                             and not _beyond_a_stated_size(k, o.fatalities)):
        return False
    k.fatalities, k.fatalities_low, k.fatalities_high = o.fatalities, o.fatalities_low, o.fatalities_high
    kept.unnumbered_toll = other.unnumbered_toll
    return True


#: The least figure of a vague count that states a size ("عشرات": 10, "مئات": 100), not
#: merely that some died ("قتلى", "عدد من": 3).
_A_STATED_SIZE = 10


def _beyond_a_stated_size(k: Event, count: int) -> bool:
    """Whether ``count`` lies above the range of a toll read from a word of size."""
    return k.fatalities >= _A_STATED_SIZE and k.fatalities_high is not None and count > k.fatalities_high


def _absorb(twin: Emitted, e: Emitted) -> None:
    """``twin`` takes what ``e`` knows better: a more specific place (or one its own clause
    names, where the twin's was lent by the article's focus), a stated date, the second
    side, a toll (``_take_toll``; else a higher one widens the range). A toll told with no
    mode gives way to the act it sums up and adds only its sources."""
    kept, event = twin.event, e.event
    if _tells_only_a_toll(e) and _a_toll_and_its_act(twin, e):
        kept.reported_by = list(dict.fromkeys(kept.reported_by + event.reported_by))
        _take_toll(twin, e)
        return
    if event.sub_event_type == "Air/drone strike" and _one_bombardment(twin, e):  # coded as the air strike
        kept.sub_event_type, kept.notes = event.sub_event_type, event.notes
    if kept.actor1 in UNCLAIMED and _one_author_unnamed(twin, e):  # the author, and what the author did
        kept.actor1, kept.sub_event_type, kept.notes = event.actor1, event.sub_event_type, event.notes
        if event.actor2 and event.actor2 != kept.actor1:
            kept.actor2 = event.actor2
    # a place the clause names beats one lent by the article's focus, at the same precision
    if e.specificity > twin.specificity \
            or (twin.place_borrowed and not e.place_borrowed and e.specificity == twin.specificity):
        for name in _PLACE_FIELDS:
            setattr(kept, name, getattr(event, name))
        twin.specificity, twin.place_borrowed = e.specificity, e.place_borrowed
    earlier = event.sub_event_type in _RARE and event.time_precision == kept.time_precision \
        and event.date is not None and kept.date is not None and event.date < kept.date
    if (event.time_precision < kept.time_precision or twin.weak_date or earlier) and not e.weak_date:
        kept.date, kept.date_end, kept.time_precision = event.date, event.date_end, event.time_precision
        twin.weak_date = False
    if kept.actor2 is None and event.actor2 and event.actor2 != kept.actor1:
        kept.actor2 = event.actor2
    if not _take_toll(twin, e) and kept.fatalities and event.fatalities > kept.fatalities:
        kept.fatalities_high = max(event.fatalities, kept.fatalities_high or 0)
    kept.evidence.extend(ev for ev in event.evidence if ev.field != "quote")
    kept.reported_by = list(dict.fromkeys(kept.reported_by + event.reported_by))


def merge_within_article(events: list[Emitted]) -> list[Event]:
    """The article's events, each repeat merged into the event it repeats. A toll told by
    a death word alone ("وقتل 54 شخصا، بينهم 28 مدنيا") is no event of its own: it lives on
    only in the act it is merged with (the bombardment that caused it), as ACLED codes a
    toll under the event that caused it."""
    merged = _Merged()
    for e in events:
        twin = merged.twin(e)
        if twin is None:
            merged.add(e)
        elif twin.toll_alone and not e.toll_alone:
            merged.replace(twin, e)  # the act takes the toll's place (and its toll, its sources)
            e.absorbed_from |= twin.absorbed_from | {twin.segment}
        elif _tells_only_a_toll(twin) and _a_toll_and_its_act(twin, e) and not e.toll_alone:
            merged.replace(twin, e)  # the act the toll told first sums up
        elif twin.event.sub_event_type == "Peaceful protest" and _one_demonstration(twin, e):
            merged.replace(twin, e)  # what the protest came to
        else:
            _absorb(twin, e)
            twin.absorbed_from.add(e.segment)
    return [m.event for m in merged.events if not m.toll_alone]
