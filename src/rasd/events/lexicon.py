"""The words event assembly reads (``data/assembly.yaml``), as sets and compiled patterns.

The patterns' shape (word boundaries, proclitics, how far apart words may be) is code;
the words are data, so an analyst can add a verb of saying or a military target without
touching a regex.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rasd.data import load_yaml
from rasd.resolve.places import DIRECTION_IN_NAME
from rasd.text.normalize import normalize_key

#: A character of a word, in a pattern that may not cross a mark of punctuation.
_NO_MARK = r"[^\s,.;:!?\"'()«»،؛؟]"
#: How many words may stand between what the accused is said to have done and the act.
_ACCUSED_OF_WITHIN = 4


def _key(word: str) -> str:
    return normalize_key(word.rstrip("*")) + ("*" if word.endswith("*") else "")


def _alternation(words: list[str]) -> str:
    """``a|b|c`` of normalized words, in the pack's order: a space matches any run of
    spaces, a trailing ``*`` any word ending."""
    return "|".join(_key(w).replace(" ", r"\s+").replace("*", r"\w*") for w in words)


def _whole_site_word(sites: list[str], before: str, endings: str) -> re.Pattern[str]:
    """A military site (``military_targets``) as a whole word: ``before`` (its clitics, with or
    without the article) and ``endings`` (plural, pronoun) around one of ``sites``, so that a
    word it only begins ("مقربة", "مطاردة") is none."""
    return re.compile(rf"(?<!\w){before}(?:{_alternation(sites)}){endings}(?!\w)")


def _territory_share(words: list[str]) -> re.Pattern[str]:
    """A share of territory: the pack's words, and after "على" a share of "it" ("سيطرت على
    معظمها", "على غالبيتها", "على أغلبه": ta marbuta becomes ت before the pronoun); not
    "معظمهم" (most of them: people)."""
    shares = [w for w in words if w != "%"]
    of_it = [_key(w)[:-1] + "ت" if _key(w).endswith("ه") else _key(w) for w in shares if " " not in w]
    return re.compile("%|" + rf"(?<!\w)(?:{_alternation(shares)})(?!\w)"
                      + rf"|(?<!\w){_key('على')}\s+(?:{'|'.join(of_it)})(?:ها|ه)(?!\w)")


def _aircraft_stopped(words: dict[str, list[str]]) -> re.Pattern[str]:
    """A missile word, at most three words that are no word of aim, a word of aim, then an
    aircraft: "صاروخ باتريوت على طائرة بدون طيار"."""
    toward = _alternation(words["toward"])
    return re.compile(rf"(?<!\w)[وب]?(?:{_alternation(words['missiles'])})(?!\w)"
                      rf"(?:\s+(?!(?:{toward})(?!\w))\S+){{0,3}}?"
                      rf"\s+(?:{toward})\s+\"?(?:{_alternation(words['aircraft'])})(?!\w)")


def _nationalities() -> dict[str, str]:
    """The adjectives of nationality of ``actor_adjectives.yaml`` ("روسية", "إسرائيلي"),
    normalized, each with the actor it names."""
    table = load_yaml("actor_adjectives.yaml")["adjectives"]
    return {normalize_key(w): name for name, forms in table.items() for w in forms}


def _words(words: list[str]) -> frozenset[str]:
    return frozenset(normalize_key(w) for w in words)


@dataclass(frozen=True)
class AssemblyWords:
    anaphoric_places: dict[str, tuple[str, ...]]
    anaphoric_place_pairs: dict[str, tuple[str, ...]]
    generic_shelling: frozenset[str]
    target_cues: frozenset[str]
    target_right_before: frozenset[str]
    target_cue_modifiers: frozenset[str]
    not_hit_cues: frozenset[str]
    strikes_told_again: frozenset[str]
    agent_glue: frozenset[str]
    passive_agent: tuple[tuple[str, ...], ...]
    strikes_near: frozenset[str]
    other_ones: frozenset[str]
    another_words: frozenset[str]
    last_before_a_noun: frozenset[str]
    belonging: frozenset[str]
    spell_acts: frozenset[str]
    backdrop: re.Pattern[str]
    clash_nouns: frozenset[str]
    repelling: frozenset[str]
    attack_before_the_attacker: frozenset[str]
    fight_between: frozenset[str]
    told_before: frozenset[str]
    speakers_own: frozenset[str]
    clause_openers: frozenset[str]
    air_defence: re.Pattern[str]
    met_or_hostile: re.Pattern[str]
    missile_strikes: frozenset[str]
    militia_rockets: frozenset[str]
    held_ground_before: frozenset[str]
    affiliation: frozenset[str]
    loss_verbs: frozenset[str]
    country_names: frozenset[str]
    preparing: frozenset[str]
    grievance: re.Pattern[str]
    protested_act: re.Pattern[str]
    protest_demand: re.Pattern[str]
    subjected_prefixes: tuple[str, ...]
    subjected_words: frozenset[str]
    claim_stems: tuple[tuple[str, ...], ...]
    occurrence_verbs: frozenset[str]
    accomplished: re.Pattern[str]
    accomplishment_verbs: frozenset[str]
    territory_share: re.Pattern[str]
    since_the_start: frozenset[str]
    continuing_adjectives: frozenset[str]
    act_adjectives: frozenset[str]
    opens_a_frame: re.Pattern[str]
    control_held_verbs: frozenset[str]
    control_acts_after: frozenset[str]
    control_acts_after_time: re.Pattern[str]
    control_acts_within: int
    launch_verbs: frozenset[str]
    launch_or_fighting_verbs: frozenset[str]
    striking_verbs: frozenset[str]
    subject_list_openers: frozenset[str]
    blowing_up: frozenset[str]
    blown_up_buildings: frozenset[str]
    before_a_blown_up_building: frozenset[str]
    booby_trapped: frozenset[str]
    feminine_striking_verbs: frozenset[str]
    verb_clause_openers: frozenset[str]
    adverbial_openers: frozenset[str]
    partitive_bands: frozenset[str]
    act_as_object_verbs: frozenset[str]
    country_as_place_before: frozenset[str]
    beginning_words: frozenset[str]  # of beginning or launching
    began_words: frozenset[str]  # of beginning only, not أطلق (also "fired")
    execution_words: frozenset[str]
    gunfire: re.Pattern[str]
    gunfire_not_at_people: re.Pattern[str]
    death_words: frozenset[str]
    begun_after: frozenset[str]  # of beginning or launching
    began_after: frozenset[str]  # of beginning only
    reference_cue: re.Pattern[str]
    alleged: frozenset[str]
    accusation_nouns: frozenset[str]
    military_convoy: frozenset[str]
    answering: re.Pattern[str]
    in_the_wake_of: re.Pattern[str]
    wrought_destruction: re.Pattern[str]
    inquired_into: re.Pattern[str]
    battle_names: frozenset[str]
    news_verbs: frozenset[str]
    battle_going_on: frozenset[str]
    found_dead: re.Pattern[str]
    possible: frozenset[str]
    weapon_nouns: frozenset[str]
    weapon_use: frozenset[str]
    agreement_frames: frozenset[str]
    generic_attack_nouns: frozenset[str]
    attack_words: frozenset[str]
    air_attack_nouns: frozenset[str]
    aircraft_nouns: frozenset[str]
    aircraft_act: re.Pattern[str]
    heard_explosions: frozenset[str]
    blast_words: frozenset[str]
    blast_heard: frozenset[str]
    blast_caused_by: re.Pattern[str]
    countryless_government: frozenset[str]
    grave_words: frozenset[str]
    grave_found_verbs: frozenset[str]
    grave_aim_before: frozenset[str]
    explosive_device: re.Pattern[str]
    chemical_context: re.Pattern[str]
    handover_context: re.Pattern[str]
    campaign_nouns: frozenset[str]
    process_nouns: frozenset[str]
    weapon_adjectives: frozenset[str]
    bare_state_subjects: frozenset[str]
    offensive_nouns: frozenset[str]
    entering_verbs: frozenset[str]
    ground_aimed_at: frozenset[str]
    since_words: frozenset[str]
    entered_states: frozenset[str]
    entered_talks: frozenset[str]
    ongoing: re.Pattern[str]
    counted_day: re.Pattern[str]
    relative_pronouns: frozenset[str]
    occurrence_of_the_act: frozenset[str]
    relative_auxiliaries: frozenset[str]
    several_agreements: frozenset[str]
    reconciliation_words: frozenset[str]
    seized_things: frozenset[str]
    seized_counts: frozenset[str]
    exception: re.Pattern[str]
    said_to_be: re.Pattern[str]
    doer_verbs: frozenset[str]
    side_description: re.Pattern[str]
    #: adjective of nationality (normalized) → the actor it names ("إيرانية" → Iranian Forces)
    nationality_actors: dict[str, str]
    waging_verbs: frozenset[str]
    waging_verbs_with_object: frozenset[str]
    resisting_words: frozenset[str]
    same_place: re.Pattern[str]
    consequence: re.Pattern[str]
    referring_source: re.Pattern[str]
    allegation_denied: re.Pattern[str]
    blame: re.Pattern[str]
    contrast: re.Pattern[str]
    statement_before: re.Pattern[str]
    reaction_before: re.Pattern[str]
    statement_opened_by_date: re.Pattern[str]
    announcing_verbs: frozenset[str]
    complementizer: re.Pattern[str]
    day_part: re.Pattern[str]
    teaser_line: re.Pattern[str]
    related_boxes: tuple[tuple[str, int], ...]  # (the page's dateline, normalized; the box's paragraphs)
    lede_min: int
    story_continues: re.Pattern[str]
    crosshead: re.Pattern[str]
    advance_directions: frozenset[str]
    submitted: frozenset[str]
    continuing_verbs: frozenset[str]
    continuing_breaks: frozenset[str]
    bomber_plurals: frozenset[str]
    statement_after: re.Pattern[str]
    issued_statement_before: re.Pattern[str]
    source_before: re.Pattern[str]
    support_before: re.Pattern[str]
    possessed: re.Pattern[str]
    hedged_after: re.Pattern[str]
    believed: re.Pattern[str]
    hedge: re.Pattern[str]
    doer: re.Pattern[str]
    agreement_doer: re.Pattern[str]
    agreement_reached_after: re.Pattern[str]
    agreement_reached_before: re.Pattern[str]
    agreement_party_gap: re.Pattern[str]
    operation_outcome: re.Pattern[str]
    accusation: re.Pattern[str]
    place_relative: re.Pattern[str]
    place_description: re.Pattern[str]
    held_area_before: re.Pattern[str]
    at_war_with_the_syrian_army: frozenset[str]
    expel_words: frozenset[str]
    military_site: re.Pattern[str]
    after_opening: re.Pattern[str]
    after_word: re.Pattern[str]
    response: re.Pattern[str]
    led_to: re.Pattern[str]
    tally_rise: re.Pattern[str]
    context_opening: re.Pattern[str]
    another: re.Pattern[str]
    defusing: re.Pattern[str]
    defusing_verb: re.Pattern[str]
    aircraft_stopped: re.Pattern[str]
    went_off: frozenset[str]
    targeting_cause: re.Pattern[str]
    targeting_perpetrators: frozenset[str]
    people_relative: re.Pattern[str]
    accused_gap: re.Pattern[str]
    accused_of: re.Pattern[str]
    militant: re.Pattern[str]
    military_target: re.Pattern[str]
    claim: re.Pattern[str]
    bomber_counted: re.Pattern[str]
    bomber_among_last: frozenset[str]  # the last word of each of ``bomber_among``
    bomber_survived: re.Pattern[str]
    bombers_two: frozenset[str]
    bomber_carrying: frozenset[str]
    one_killed: re.Pattern[str]
    two_killed: re.Pattern[str]
    some_killed: re.Pattern[str]
    dead_nouns: frozenset[str]
    injured_nouns: frozenset[str]
    between_before: re.Pattern[str]
    list_gap: re.Pattern[str]


@lru_cache(maxsize=1)
def assembly_words() -> AssemblyWords:
    d = load_yaml("assembly.yaml")

    def alt(name: str) -> str:
        return _alternation(d[name])

    nationalities = _nationalities()
    nationality = _alternation(list(nationalities))
    return AssemblyWords(
        nationality_actors=nationalities,
        anaphoric_places={normalize_key(k): tuple(v) for k, v in d["anaphoric_places"].items()},
        anaphoric_place_pairs={normalize_key(k): tuple(v) for k, v in d["anaphoric_place_pairs"].items()},
        generic_shelling=_words(d["generic_shelling"]),
        target_cues=_words(d["target_cues"]),
        target_right_before=_words(d["target_right_before"]),
        target_cue_modifiers=_words(d["target_cue_modifiers"]),
        not_hit_cues=_words(d["not_hit_cues"]),
        strikes_told_again=_words(d["strikes_told_again"]),
        agent_glue=_words(d["agent_glue"]),
        passive_agent=tuple(tuple(normalize_key(w).split()) for w in d["passive_agent"]),
        strikes_near=_words(d["strikes_near"]),
        other_ones=_words(d["other_ones"]),
        another_words=_words(d["another"]),
        last_before_a_noun=_words(d["last_before_a_noun"]),
        belonging=_words(d["belonging"]),
        spell_acts=_words(d["spell_acts"]),
        clash_nouns=_words(d["clash_nouns"]),
        repelling=_words(d["repelling"]),
        attack_before_the_attacker=_words(d["attack_before_the_attacker"]),
        # "between" after a noun of fighting, also with the pronoun of a side ("بينها وبين"):
        # the two sides of the fight come after it
        fight_between=_words([w + suffix for w in d["between"] for suffix in ("", "ه", "ها", "هم", "هما")]),
        told_before=_words(d["told_before"]),
        speakers_own=_words(d["speakers_own"]),
        clause_openers=_words(d["clause_openers"]),
        air_defence=re.compile(rf"(?<!\w)[وبل]?(?:{alt('air_defence')})(?!\w)"),
        missile_strikes=_words(d["missile_strikes"]),
        militia_rockets=_words(d["militia_rockets"]),
        met_or_hostile=re.compile(rf"(?<!\w)[وبل]?(?:{alt('air_defence')}|{alt('hostile')})(?!\w)"),
        held_ground_before=_words(d["held_ground_before"]),
        affiliation=_words(d["affiliation"]),
        loss_verbs=_words(d["loss_verbs"]),
        country_names=_words(d["country_names"]),
        preparing=_words(d["preparing"]),
        # the grievance word, على or ضد, at most one word, then the trigger (or its clitic)
        grievance=re.compile(rf"(?<!\w)[وف]?(?:{alt('grievance')})\s+(?:(?:{normalize_key('على')}|ضد)\s+)?(?:\S+\s+)?[بل]?$"),
        # the word of protest, على at most, then an act noun with its clitics and article
        protested_act=re.compile(rf"(?<!\w)[وف]?(?:{alt('protest_against')})\s+(?:{normalize_key('على')}\s+)?"
                                 rf"(?:[بل]|لل|بال)?(?:ال)?(?:{alt('protested_acts')})(?!\w)"),
        # the word of demand, then a word glued to ب ("مطالبين بحماية", "للمطالبة بالإفراج")
        protest_demand=re.compile(rf"(?<!\w)[وف]?(?:{alt('protest_demands')})\s+ب"),
        subjected_prefixes=tuple(normalize_key(w) for w in d["subjected_prefixes"]),
        subjected_words=_words(d["subjected_words"]),
        claim_stems=tuple(tuple(normalize_key(w) for w in group) for group in d["claim_stems"]),
        occurrence_verbs=_words(d["occurrence_verbs"]),
        accomplishment_verbs=_words(d["accomplishment_verbs"]),
        # the verb, its subject (at most six words), then من or في right before the trigger
        accomplished=re.compile(rf"(?<!\w)[وف]?(?:{alt('accomplishment_verbs')})\s+(?:\S+\s+){{0,6}}?(?:من|في)\s+$"),
        launch_verbs=_words(d["launch_verbs"]),
        launch_or_fighting_verbs=_words(d["launch_verbs"] + d["fighting_verbs"]),
        striking_verbs=_words(d["striking_verbs"]),
        subject_list_openers=_words(d["subject_list_openers"]),
        blowing_up=_words(d["blowing_up"]),
        blown_up_buildings=_words(d["blown_up_buildings"]),
        before_a_blown_up_building=_words(d["before_a_blown_up_building"]),
        booby_trapped=_words(d["booby_trapped"]),
        feminine_striking_verbs=_words([w for w in d["striking_verbs"] if w.endswith("ت")]),
        verb_clause_openers=_words(d["verb_clause_openers"]),
        adverbial_openers=_words(d["adverbial_openers"]),
        partitive_bands=_words(d["partitive_bands"]),
        act_as_object_verbs=_words(d["act_as_object_verbs"]),
        country_as_place_before=_words(d["country_as_place_before"]),
        beginning_words=_words(d["beginning_words"] + d["launching_words"]),
        began_words=_words(d["beginning_words"]),
        execution_words=_words(d["execution_words"]),
        gunfire=re.compile(rf"(?<!\w)[وف]?[بل]?(?:{alt('gunfire_words')})(?!\w)"
                           rf"|(?<!\w)[وف]?(?:{alt('gunfire_verbs')})(?:\s+\S+){{0,3}}?\s+(?:{alt('gunfire_objects')})(?!\w)"),
        gunfire_not_at_people=re.compile(rf"(?<!\w)[وف]?(?:{alt('gunfire_not_at_people')})(?!\w)"),
        death_words=_words(d["death_words"]),
        begun_after=_words(d["begun_after"] + d["launched_after"]),
        began_after=_words(d["begun_after"]),
        reference_cue=re.compile(rf"(?<!\w)[وفبل]?(?:{alt('reference_cues')})(?!\w)"),
        alleged=_words(d["alleged"]),
        accusation_nouns=_words(d["accusation_nouns"]),
        military_convoy=_words(d["military_convoy"]),
        weapon_nouns=_words(d["weapon_nouns"]),
        weapon_use=_words(d["weapon_use"]),
        agreement_frames=_words(d["agreement_frames"]),
        answering=re.compile(rf"(?<!\w)(?:{alt('answering')})[\"']?(?:\s+\S+){{0,2}}?\s+{normalize_key('على')}\s+$"),
        in_the_wake_of=re.compile(rf"(?<!\w)[وف]?(?:{alt('in_the_wake_of')})\s+$"),
        # (the text right before the act, which ends on the proclitics the trigger leaves out:
        # "نتيجة للقصف", "وبالقصف"; no mark between, "الحرب، وشن الطيران غارات" goes on)
        wrought_destruction=re.compile(
            rf"(?<!\w)[وف]?(?:لل|ل)?(?:{alt('destruction_words')})\s+(?:{_NO_MARK}+\s+)?(?:{alt('destruction_links')})"
            rf"\s+(?:{_NO_MARK}+\s+){{0,3}}?(?:[وف]?[بلك]|[وف])?$"
            rf"|(?<!\w)[وف]?(?:{alt('destroyed_it_verbs')})\s+$"),
        # the inquiry, at most two adjectives, its preposition, at most a word of reports or
        # claims and its preposition (or ب glued to the act), then the trigger
        inquired_into=re.compile(
            rf"(?<!\w)[وف]?(?:{alt('inquiry_nouns')})\"?(?:\s+(?:{alt('inquiry_adjectives')})\"?){{0,2}}"
            rf"\s+(?:{alt('inquiry_prepositions')})\s+"
            rf"(?:(?:{alt('reported_claims')}|{alt('allegations')})\s+(?:(?:{alt('inquiry_prepositions')})\s+|ب)?)?$"),
        possible=_words(d["possible"]),
        battle_names=_words(d["battle_names"]),
        news_verbs=_words(d["announcing_verbs"] + d["news_verbs"]),  # announcing verbs are news verbs too
        battle_going_on=_words(d["battle_going_on"]),
        # the verb of finding, at most eight words (its subject, a time, "على"), then the body
        found_dead=re.compile(rf"(?<!\w)[وف]?(?:{alt('finding_verbs')})\s+(?:\S+\s+){{0,8}}?(?:{alt('body_nouns')})(?!\w)"),
        generic_attack_nouns=_words(d["generic_attack_nouns"]),
        attack_words=_words(d["attack_words"]),
        air_attack_nouns=_words(d["air_attack_nouns"]),
        aircraft_nouns=_words(d["aircraft_nouns"]),
        # a verb's stem with a verb's endings only: "ألق" is "الق" once normalized, and read
        # with any ending it would be every "القوات" and "القصف"; "طال" would be "طالب"
        aircraft_act=re.compile(rf"(?<!\w)[وفل]?(?:{alt('aircraft_acts')})(?:{alt('aircraft_act_endings')})?(?!\w)"),
        heard_explosions=_words(d["heard_explosions"]),
        blast_words=_words(d["blast_words"]),
        blast_heard=_words(d["blast_heard"]),
        # the cause at most four words after the explosion
        blast_caused_by=re.compile(rf"[\s,،]+(?:\S+\s+){{0,4}}?[وف]?(?:{alt('blast_caused_by')})(?!\w)"),
        countryless_government=_words(d["countryless_government"]),
        grave_words=_words(d["grave_words"]),
        grave_found_verbs=_words(d["finding_verbs"] + d["discovery_verbs"]),
        grave_aim_before=_words(d["grave_aim_before"]),
        explosive_device=re.compile(rf"(?<!\w)[وفبل]?(?:ال)?(?:{alt('explosive_devices')})(?!\w)"),
        chemical_context=re.compile(rf"(?<!\w)[وفبل]?(?:{alt('chemical_context')})(?!\w)"),
        # (and consent "to" a deal: على, written علي once normalized)
        handover_context=re.compile(rf"(?<!\w)[وف]?(?:{alt('handover_context')})(?!\w)"
                                    rf"|(?<!\w)[وف]?(?:{alt('consent_openers')})(?:\s+\S+){{0,4}}?\s+علي\s+"
                                    rf"[وبل]?(?:{alt('consent_objects')})(?!\w)"),
        campaign_nouns=_words(d["campaign_nouns"]),
        process_nouns=_words(d["process_nouns"]),
        weapon_adjectives=_words(d["weapon_adjectives"]),
        bare_state_subjects=_words(d["bare_state_subjects"]),
        offensive_nouns=_words(d["offensive_nouns"]),
        entering_verbs=_words(d["entering_verbs"]),
        ground_aimed_at=_words(d["ground_aimed_at"]),
        since_words=_words(d["since_words"]),
        entered_states=_words(d["entered_states"]),
        entered_talks=_words(d["entered_talks"]),
        territory_share=_territory_share(d["territory_share"]),
        since_the_start=_words(d["since_the_start"]),
        continuing_adjectives=_words(d["continuing_adjectives"]),
        act_adjectives=_words(d["act_adjectives"]),
        opens_a_frame=re.compile(rf"[\s\"'«(-]*(?:[وف]?|(?:\S+\s+){{0,3}}?(?:{alt('frame_openers')})\s+)"),
        control_held_verbs=_words(d["control_held_verbs"]),
        control_acts_after=_words(d["control_acts_after"]),
        control_acts_after_time=re.compile(rf"(?<!\w)[وف]?(?:{alt('control_acts_after_time')})(?!\w)"),
        control_acts_within=int(d["control_acts_within"]),
        ongoing=re.compile(rf"(?<!\w)[وف]?(?:{alt('ongoing_words')})(?!\w)"),
        relative_pronouns=_words(d["relative_pronouns"]),
        occurrence_of_the_act=_words(d["occurrence_of_the_act"]),
        relative_auxiliaries=_words(d["relative_auxiliaries"]),
        several_agreements=_words(d["several_agreements"]),
        reconciliation_words=_words(d["reconciliation_words"]),
        seized_things=_words(d["seized_things"]),
        seized_counts=_words(d["seized_counts"]),
        exception=re.compile(rf"(?<!\w)(?:{alt('exception_words')})(?!\w)"),
        backdrop=re.compile(rf"(?<!\w)[وف]?بعد\s+(?:(?:(?:{alt('spell_about')})\s+)?(?:\S+\s+)?(?:{alt('backdrop_long_units')})"
                            rf"|(?:(?:عده|{alt('spell_about')})\s+(?:\S+\s+)?)?(?:{alt('backdrop_short_units')}))"
                            rf"\s+(?:عده\s+)?من\s+(?:[وف]?(?:{alt('spell_acts')})\s+)*[وف]?$"),
        doer_verbs=_words(d["doer_verbs"]),
        side_description=re.compile(rf"[\s,،]*و?(?:{alt('relative_pronouns')})\s+(?:(?:{alt('relative_auxiliaries')})\s+){{0,2}}"
                                    rf"(?:(?:{alt('accomplishment_verbs')})\s+(?:في|من)\s+)?"),
        said_to_be=re.compile(rf"\s*(?:{alt('said_to_be_verbs')})(?:\s+[^\s,،.]+){{0,3}}?\s+(?:{alt('said_to_be_that')})\s+"),
        waging_verbs=_words(d["waging_verbs"]),
        # an indefinite noun's relative clause has no pronoun, its verb the object's ("لهجوم
        # تشنه أنقرة"): the waging verbs that carry one
        waging_verbs_with_object=frozenset(w for w in _words(d["waging_verbs"]) if w.endswith(("ه", "ها"))),
        resisting_words=_words(d["resisting_words"]),
        same_place=re.compile(rf"(?<!\w)[وفبل]?(?:{alt('same_place')})(?!\w)"),
        counted_day=re.compile(rf"(?<!\w)[وف]?لليوم\s+(?:(?:{alt('counted_day_ordinals')})|الـ?\s*\d+)\s+(?:{alt('counted_day_sequels')})(?!\w)"),
        consequence=re.compile(rf"^\W*(?:[وف]?(?:{alt('consequence_verbs')})|{alt('consequence_phrases')})"),
        referring_source=re.compile(
            rf"(?<!\w)[وف]?(?:{alt('referring_verbs')})(?:ت)?\s+(?:ال\w+\s+)?(?:{alt('referring_subjects')})"),
        allegation_denied=re.compile(
            rf"(?<!\w)[وف]?(?:{alt('rejecting_verbs')})\s+(?:\S+\s+){{0,5}}?(?:{alt('allegations')})"),
        blame=re.compile(rf"\w*\s+(?:\w+\s+){{0,3}}(?:{alt('blame_words')})"),
        contrast=re.compile(rf"(?<!\w)(?:{alt('contrast_words')})(?!\w)"),
        announcing_verbs=_words(d["announcing_verbs"]),
        # "ويوم الخميس، قالت إسرائيل إن ...": a day that opens its sentence before a verb of saying
        statement_opened_by_date=re.compile(rf"\s*[,،]?\s*[وف]?(?:{alt('statement_verbs')})(?!\w)"),
        # the verb with a verb's endings ("قالوا", "ذكرته"), not a noun it begins ("إضافة إلى",
        # "إشارة", "بثلاثة") nor one it is written as ("إدانة")
        statement_before=re.compile(rf"(?<!\w)[وف]?(?!(?:{alt('statement_verbs_alike')})(?!\w))(?:{alt('statement_verbs')})"
                                    rf"(?:{alt('statement_verb_endings')})?(?!\w)(?:\W+\w+){{0,8}}?\W*$"),
        complementizer=re.compile(rf"(?<!\w)(?:{alt('complementizers')})(?!\w)"),
        # the verb of reaction, then at most six words (its subject) before the day
        reaction_before=re.compile(rf"(?<!\w)[وف]?(?:{alt('reaction_verbs')})(?!\w)(?:\W+\w+){{0,6}}?\W*$"),
        bomber_plurals=_words(d["bomber_plurals"]),
        continuing_verbs=_words(d["continuing_verbs"]),
        continuing_breaks=_words(d["continuing_breaks"]),
        advance_directions=_words(d["advance_directions"]),
        submitted=_words(d["submitted"]),
        teaser_line=re.compile(rf"^[ \t]*(?:(?:{alt('teaser_openers')})(?:[ \t]+\S+){{0,3}}?[ \t]*(?::|\.\.\.|…|$)"
                               rf"|(?:{alt('teaser_colon_openers')})[ \t]*:)", re.M),
        related_boxes=tuple((normalize_key(b["dateline"]), int(b["size"])) for b in d["related_stories"]["boxes"]),
        lede_min=int(d["related_stories"]["ledes_at_least"]),
        # a paragraph that opens with a conjunction, a quote or a word that carries the story
        # on ("كما", "بدوره", "يذكر") continues the article: it is no other story's lede
        story_continues=re.compile(rf"^\s*(?:[وف\"'(\-]|(?:{alt('story_continuers')})(?!\w))"),
        # after a full stop (or at a line's start), one to three words that neither open with و
        # or a quote nor open a sentence themselves, then the paragraph's opener
        # at a sentence's start (``crossheads`` tries only there), one to three words that
        # neither open with و or a quote nor open a sentence themselves, then the paragraph's
        # opener (on normalized text: "؟" is "?", "،" is ",", "؛" is ";", quotes are '"')
        crosshead=re.compile(rf"(?!(?:{alt('not_crossheads')})\s)((?:[^\s.,;:\"'و][^\s.,;:]*[ \t]+){{1,3}}?)"
                             rf"(?=(?:{alt('crosshead_openers')})\s)"),
        day_part=re.compile(rf"(?<!\w)[وفب]?(?:{alt('day_parts')})(?!\w)"),
        # the statement's noun, a few words of its name (no complementizer: "التقرير فان الجيش
        # نشر السبت" tells a deployment), the word that says it was issued, its issuer ("عن
        # التحالف", "أصدرته وزارة الدفاع") and at most a part of the day or "يوم" before the date
        issued_statement_before=re.compile(
            rf"(?<!\w)[وفبل]{{0,2}}(?:{alt('statement_nouns')})(?:\s+(?!(?:{alt('complementizers')}|ان|فان)(?!\w))[^\s.,]+){{0,4}}?"
            rf"\s+(?:(?:{alt('relative_pronouns')})\s+)?[وف]?(?:{alt('issuing_words')})"
            rf"(?:\s+(?:(?:عن|من)\s+)?[^\s.,]+(?:\s+[^\s.,]+){{0,3}}?)?\s+(?:(?:{alt('day_parts')}|يوم|في)\s+)?$"),
        # a word for a held area, then at most five words (whose it is: "رئيسي للمعارضة
        # المسلحة") before the word that puts it near a city
        held_area_before=re.compile(rf"(?<!\w)[وفبل]?(?:{alt('held_areas')})(?:\s+[^\s.,]+){{0,5}}?\s*$"),
        at_war_with_the_syrian_army=frozenset(d["at_war_with_the_syrian_army"]),
        expel_words=_words(d["expel_words"]),
        # a military site as a whole word, with its clitics and article ("بالمطار", "المواقع
        # العسكرية") and the endings of its plural or pronoun ("مواقعها"), not "مقربة"
        military_site=_whole_site_word(d["military_targets"], r"(?:[وفبل]|لل|بال|وال|فال)?(?:ال)?", r"(?:ات|ا|ه|ها|هم|ين)?"),
        statement_after=re.compile(rf"^(?:\W*(?:\w+\W+){{0,3}}?(?:{alt('statement_content')})(?!\w)|\s*[.\n,]|\s*$)"),
        # "قالت مصادر إن إسرائيل أطلقت": the complementizer starts what the source said;
        # "اتهمت وسائل إعلام سورية إسرائيل بإطلاق": an adjective closes the source's name
        source_before=re.compile(rf"(?:{alt('source_of_news')})\s+(?:(?!(?:{alt('complementizers')}|ان|(?:ال)?(?:{nationality}))\s)\w+\s+)?$"
                                 rf"|(?<!\w)(?:{alt('sources_of_a_body')})\s+(?:\w+\s+)?ب$"),  # "مصدر بالشرطة"
        support_before=re.compile(
            # (the side may carry the ب of "مدعومة بميليشيات إيرانية", or stand after "بـ ")
            rf"(?:{alt('support_of_a_side')})\s+" + "".join(rf"(?:{normalize_key(w)}\s+)?" for w in d["support_fillers"])
            + r"(?:ب\s*)?$"),
        possessed=re.compile(rf"(?:{alt('possessive_endings')})$"),
        # at most one word (a modifier: "جوية") between the act and the hedge
        hedge=re.compile(rf"[\s,،]*[وف]?(?:{alt('hedging')})(?!\w)"),
        hedged_after=re.compile(rf"[\s,،]*(?:\w+[\s,،]+)?[وف]?(?:{alt('hedging')})\s+(?:(?:{alt('complementizers')})\s+)?"
                                rf"(?:{nationality}|تابع\w*)(?!\w)"),
        # a word of belief, أن and a word at most, right before a side ("للاعتقاد" بأن إسرائيل);
        # not "مواقع يعتقد أنها تابعة لحزب الله", whose belief is whose the positions are
        believed=re.compile(rf"(?<!\w)[وف]?(?:{alt('belief_words')})[\s\"'«»]+(?:{alt('complementizers')})\s+(?:\w+\s+)?$"),
        # (no hedge among the words between: "قصف يعتقد أن مصدره قوات النظام" names no author)
        doer=re.compile(rf"^\W*(?:(?![وف]?(?:{alt('hedging')})(?!\w))\w+\W+){{0,3}}?(?:{alt('relative_pronouns')})?\s*"
                        rf"(?:{alt('doer_verbs')})\s+$"),
        agreement_doer=re.compile(
            rf"^\W*(?:\w+\W+){{0,3}}?(?:{alt('relative_pronouns')})?\s*(?:{alt('agreement_doer_verbs')})\s+$"),
        # from the party to the agreement: "روسيا توصلت إلى", "روسيا توصلت مساء الأحد إلى", "روسيا
        # وقعت", "روسيا، مساء الأحد، التوصل إلى" (words after the verb only before إلى)
        agreement_reached_after=re.compile(
            rf"^(?:\s+[وف]?(?:{alt('agreement_reaching_verbs')})|\W*(?:\w+\W+){{0,3}}?[وف]?(?:{alt('agreement_reaching_nouns')}))"
            rf"\W+(?:(?:\w+\W+){{0,3}}?(?:{alt('agreement_reaching_to')})\W+)?$"),
        # from the verb before the party: "توصلت" + "روسيا" + "مساء الأحد إلى"
        agreement_reached_before=re.compile(
            rf"(?<!\w)[وف]?(?:{alt('agreement_reaching_verbs')}|{alt('agreement_reaching_nouns')})\s+$"),
        # ... and from that party to the agreement: nothing, or words ending with إلى
        agreement_party_gap=re.compile(rf"^\W*(?:(?:\w+\W+){{0,3}}?(?:{alt('agreement_reaching_to')})\W+)?$"),
        operation_outcome=re.compile(rf"(?<!\w)[وف]?(?:{alt('operation_outcome')})(?!\w)"),
        people_relative=re.compile(rf"(?<!\w)[وف]?(?:{alt('people_relatives')})(?!\w)"),
        aircraft_stopped=_aircraft_stopped(d["aircraft_stopped"]),
        went_off=_words(d["went_off"]),
        defusing=re.compile(rf"(?<!\w)[وفب]?(?:{alt('defusing_words')})\s+(?:\S+\s+){{0,3}}[وف]?$"),
        # the verb, its subject and object (at most eight words), then the device
        defusing_verb=re.compile(rf"(?<!\w)[وف]?(?P<verb>{alt('defusing_verbs')})\s+(?:\S+\s+){{1,8}}[وف]?$"),
        targeting_cause=re.compile(rf"(?<!\w)[وف]?(?:{alt('targeting_causes')})(?!\w)"),
        targeting_perpetrators=_words(d["targeting_perpetrators"]),
        led_to=re.compile(rf"(?<!\w)[وف]?(?:{alt('led_to_verbs')})(?:\W+\w+){{0,4}}?\W+(?:الي\W+|ل)(?:{alt('launching')})(?!\w)"),
        response=re.compile(rf"(?<!\w)[وف]?(?:{alt('response_openers')})(?!\w)"),
        # the rising verb, then the tally noun within four words ("ليرتفع إلى 46 عدد القتلى")
        tally_rise=re.compile(rf"(?<!\w)[وف]?(?:{alt('tally_rises')})\s+(?:بذلك\s+)?(?:\S+\s+){{0,3}}?"
                              rf"(?:{alt('tally_nouns')})(?!\w)(?!\s+من\s)"),  # not "عدد من" (several)
        after_word=re.compile(rf"(?<!على\s)(?<!علي\s)(?<!\w)[وف]?(?:{alt('after_openers')})(?!\w)"),  # not "على بعد" (at a distance)
        # (a noun phrase: "وبعد أن انتزعت القوات التركية عفرين، ..." tells its own event)
        after_opening=re.compile(rf"\s*[وف]?(?:{alt('after_openers')})\s(?!ان\s)[^,.;]{{3,120}}?,"),
        context_opening=re.compile(rf"[\s\"'«(-]*[وف]?(?:{alt('context_verbs')})\s+(?:(?:{alt('demonstratives')})\s+)?"),
        another=re.compile(rf"(?<!\w)[وفب]?(?:{alt('another')})(?!\w)"),
        # after the place: its description, then the trigger within three words
        place_description=re.compile(
            rf"[\s,،]*(?:\(\S+\)\s*)?(?:{alt('place_descriptions')})\s+(?:\S+\s+){{0,3}}?[وبلف]?"),
        place_relative=re.compile(
            rf"\s*(?:\S+\s+){{0,2}}?(?:{alt('relative_pronouns_of_places')})\s+(?:(?:قد|كان|كانت)\s+)?(?:\S+\s+)?"),
        accusation=re.compile(rf"(?<!\w)[وف]?(?:{alt('accusation_verbs')})(?!\w)"),
        accused_of=re.compile(rf"(?<!\w)(?:{alt('accused_of')})\w*"),
        # "اتهمت الوحدات تنظيم داعش بإطلاق قذائف تحتوي على غازات سامة": the act named
        # within a few words of what the accused is said to have done
        accused_gap=re.compile(rf"\s*(?:(?:{alt('accused_located_by')})\s+[^\s,.،؛:]+\s+)?(?:(?:{alt('accused_of')})\s+(?:[^\s,.،؛:]+\s+){{0,{_ACCUSED_OF_WITHIN}}}|ب)"),
        # a militant as a person, one or many ("متشددا", "جهاديين", "جهاديي التنظيم"), not the
        # feminine adjective of a group or an act ("جماعة إرهابية", "منظمة متطرفة")
        militant=re.compile(rf"(?<!\w)[وف]?(?:{alt('militant_words')})(?:ا|ان|ين|ون|و|ي)?(?!\w)"),
        # a site with a glued clitic but no article ("مقرا", "بمواقعها", "مستودعاتها"): the
        # definite "القاعدة" is as often al-Qaeda, "الموقع" a website
        military_target=_whole_site_word(d["military_targets"], r"[وفبل]?", r"(?:ات)?(?:ا|ه|ها|هم|ين)?"),
        claim=re.compile(rf"(?<!\w)[وف]?(?:{alt('claim_verbs')})(?:\s+\S+){{0,8}}?\s+(?:{alt('claim_objects')})"
                         rf"|(?<!\w)[وف]?(?:{alt('claim_bare')})(?!\w)"),
        bomber_counted=re.compile(rf"(?<!\w)[وف]?(?:{alt('bomber_among')})\s+(?:\S+\s+){{0,2}}?(?:ال)?(?:{alt('bomber_nouns')}|{alt('bomber_plurals')})(?!\w)"),
        bomber_among_last=_words([w.split()[-1] for w in d["bomber_among"]]),
        bomber_carrying=_words(d["bomber_carrying"]),
        bomber_survived=re.compile(rf"(?<!\w)[وف]?(?:{alt('bomber_survived')})(?!\w)"),
        bombers_two=_words(d["bombers_two"]),
        one_killed=re.compile(rf"(?<!\w)[وف]?(?:{alt('one_killed')})(?!\w)"),
        two_killed=re.compile(rf"(?<!\w)[وف]?(?:{alt('two_killed')})(?!\w)"),
        some_killed=re.compile(rf"(?<!\w)(?:(?P<not_a_toll>[وف]?(?:{alt('some_killed_not_after')}))\s+(?:\S+\s+){{0,5}}?)?"
                               rf"[وفب]?(?:{alt('some_killed')})(?!\w)"),
        dead_nouns=_words(d["dead_nouns"]),
        injured_nouns=_words(d["injured_nouns"]),
        between_before=re.compile(rf"(?<!\w)(?:{alt('between')})\s+(?:\w+\s+)?$"),
        # (a member the gazetteer lacks may stand between: "مديرا وبيت سوى وعربين", but not
        # a clause that locates the place before: "والتابعة لناحية قرة تبه"; a name's side
        # ends it, then و and one word go on to the next: "حصيبة الشرقية وجزيرة الخالدية")
        list_gap=re.compile(rf"\s*{DIRECTION_IN_NAME}[\s,]*و\s*(?:(?:{alt('place_nouns_in_lists')})\s+|[^\s,.;:()]{{2,}}\s+)?"
                            rf"|[\s,]*(?:و(?!{alt('list_breakers')})[^\s,.;:()]{{2,}}(?:\s+[^\s,.;:()و][^\s,.;:()]+)?\s+)?و?\s*(?:(?:{alt('spots_in_lists')})\s+(?:في\s+|ب))?(?:(?:{alt('edges_in_lists')})\s+)?"
                            rf"(?:(?:{alt('place_nouns_in_lists')})\s+)?"),
    )
