"""Demo names: origins match the ISTAT state table; names are clean and make a codice fiscale."""

from __future__ import annotations

import collections
import datetime
import random
import unicodedata
from typing import Any

import codicefiscale
import pytest
from codicefiscale.data import get_data

from tit_desktop.services import demo_names
from tit_desktop.services.demo_names import ORIGINS, Origin

_BY_NAME = {origin.state_name: origin for origin in ORIGINS}


def _ids(origin: Origin) -> str:
    return origin.state_name


def _library_states() -> dict[str, dict[str, Any]]:
    """The library's own countries.json, by Belfiore code."""
    return {str(record["code"]): record for record in get_data("countries.json")}


def _is_latin_name(name: str) -> bool:
    return all(ch in " '-" or (ch.isalpha() and "LATIN" in unicodedata.name(ch, "")) for ch in name)


def _name_tuples(origin: Origin) -> dict[str, tuple[str, ...]]:
    tuples = {
        "male_first_names": origin.male_first_names,
        "female_first_names": origin.female_first_names,
        "last_names": origin.last_names,
    }
    if origin.female_last_names:
        tuples["female_last_names"] = origin.female_last_names
    return tuples


def test_there_are_enough_distinct_origins() -> None:
    assert len(ORIGINS) >= 24
    assert len({origin.state_code for origin in ORIGINS}) == len(ORIGINS)
    assert len({origin.state_name for origin in ORIGINS}) == len(ORIGINS)
    # Listed most frequent first.
    weights = [origin.weight for origin in ORIGINS]
    assert weights == sorted(weights, reverse=True)


@pytest.mark.parametrize("origin", ORIGINS, ids=_ids)
def test_state_code_and_name_are_the_library_ones(origin: Origin) -> None:
    states = _library_states()
    assert origin.state_code in states, origin.state_code
    record = states[origin.state_code]
    assert record["name"] == origin.state_name
    assert record["active"] and not record["date_deleted"]
    # By name, for someone born after 1994: the library also lists a ceased "Georgia" (Z136,
    # until 1994), which it picks for earlier birth dates. The demo encodes by code.
    assert codicefiscale.encode_birthplace(origin.state_name, "2000-01-01") == origin.state_code


@pytest.mark.parametrize("origin", ORIGINS, ids=_ids)
def test_names_are_clean_and_unique(origin: Origin) -> None:
    assert origin.weight > 0
    for field, names in _name_tuples(origin).items():
        assert isinstance(names, tuple), field
        assert 15 <= len(names) <= 30, (field, len(names))
        assert len(set(names)) == len(names), (field, collections.Counter(names).most_common(2))
        for name in names:
            assert name and name == name.strip() and "  " not in name, (field, name)
            assert _is_latin_name(name), (field, name)
            assert unicodedata.normalize("NFC", name) == name, (field, name)
    assert origin.languages and len(set(origin.languages)) == len(origin.languages)
    assert all(lang and lang == lang.strip() and lang.islower() for lang in origin.languages)


def test_weights_put_the_largest_communities_first() -> None:
    assert all(origin.weight > 0 for origin in ORIGINS)
    top = max(ORIGINS, key=lambda origin: origin.weight)
    assert top.state_name == "Bangladesh"


@pytest.mark.parametrize("state_name", ["Turchia", "Vietnam", "Albania", "Mali"])
def test_names_keep_their_diacritics(state_name: str) -> None:
    origin = _BY_NAME[state_name]
    names = origin.male_first_names + origin.female_first_names + origin.last_names
    assert any(not name.isascii() for name in names)
    assert any(not name.isascii() for name in origin.last_names)


def test_specific_spellings() -> None:
    turkish = _BY_NAME["Turchia"]
    assert {"Şükrü", "İbrahim"} <= set(turkish.male_first_names)
    assert {"Gündoğdu", "Çelik", "Öztürk"} <= set(turkish.last_names)
    vietnamese = _BY_NAME["Vietnam"]
    assert "Nguyễn" in vietnamese.last_names and "Trần" in vietnamese.last_names
    assert "Thị Hoa" in vietnamese.female_first_names
    assert "Văn Đức" in vietnamese.male_first_names
    assert {"Hoxha", "Çela"} <= set(_BY_NAME["Albania"].last_names)
    assert {"Diallo", "Ba", "Ndiaye"} <= set(_BY_NAME["Senegal"].last_names)
    assert {"El Amrani"} <= set(_BY_NAME["Marocco"].last_names)
    assert {"Ben Salah"} <= set(_BY_NAME["Tunisia"].last_names)
    assert {"Abdi Hassan"} <= set(_BY_NAME["Somalia"].last_names)


def test_multi_word_surnames_exist() -> None:
    assert sum(" " in name for origin in ORIGINS for name in origin.last_names) >= 40


def _split_latin(origin: Origin, latin: str) -> tuple[str, str, str]:
    """(last, first, sex) for a "First Last" string made of the origin's names."""
    words = latin.split(" ")
    for cut in range(1, len(words)):
        first, last = " ".join(words[:cut]), " ".join(words[cut:])
        if first in origin.male_first_names and last in demo_names.last_names_for(origin, "M"):
            return last, first, "M"
        if first in origin.female_first_names and last in demo_names.last_names_for(origin, "F"):
            return last, first, "F"
    raise AssertionError(f"{latin!r} is not made of {origin.state_name}'s names")


def _scripts(text: str) -> set[str]:
    return {unicodedata.name(ch).split()[0] for ch in text if ch.isalpha()}


@pytest.mark.parametrize(
    ("state_name", "script"),
    [
        ("Ucraina", "CYRILLIC"),
        ("Federazione Russa", "CYRILLIC"),
        ("Marocco", "ARABIC"),
        ("Egitto", "ARABIC"),
        ("Repubblica Popolare Cinese", "CJK"),
        ("Georgia", "GEORGIAN"),
    ],
)
def test_native_script_pairs(state_name: str, script: str) -> None:
    origin = _BY_NAME[state_name]
    assert len(origin.native_scripts) >= 4
    latins = [latin for latin, _ in origin.native_scripts]
    assert len(set(latins)) == len(latins)
    sexes = set()
    for latin, native in origin.native_scripts:
        last, first, sex = _split_latin(origin, latin)
        sexes.add(sex)
        assert _scripts(native) == {script}, (latin, native)
        assert native == native.strip()
        assert demo_names.native_script_name(origin, last, first) == native
    assert sexes == {"F", "M"}


def test_native_scripts_are_only_for_a_few_origins() -> None:
    with_scripts = [origin for origin in ORIGINS if origin.native_scripts]
    assert 4 <= len(with_scripts) <= 8
    for origin in ORIGINS:
        for latin, native in origin.native_scripts:
            _split_latin(origin, latin)
            assert not _is_latin_name(native)
    assert demo_names.native_script_name(_BY_NAME["Senegal"], "Diallo", "Fatou") is None


def test_pick_origin_is_deterministic() -> None:
    first = [demo_names.pick_origin(random.Random(42)) for _ in range(3)]
    assert first[0] == first[1] == first[2]
    rng_a, rng_b = random.Random(7), random.Random(7)
    assert [demo_names.pick_origin(rng_a) for _ in range(200)] == [
        demo_names.pick_origin(rng_b) for _ in range(200)
    ]


def test_pick_origin_follows_the_weights() -> None:
    rng = random.Random(2024)
    counts = collections.Counter(demo_names.pick_origin(rng).state_name for _ in range(5000))
    top = max(ORIGINS, key=lambda origin: origin.weight)
    assert counts.most_common(1)[0][0] == top.state_name
    lightest = min(ORIGINS, key=lambda origin: origin.weight)
    assert counts[top.state_name] > 5 * counts[lightest.state_name]
    # Every origin shows up in a large enough draw.
    assert set(counts) == {origin.state_name for origin in ORIGINS}


@pytest.mark.parametrize("origin", ORIGINS, ids=_ids)
def test_full_name_draws_from_the_origin(origin: Origin) -> None:
    rng = random.Random(origin.state_code)
    for sex in ("F", "M"):
        first_names = origin.female_first_names if sex == "F" else origin.male_first_names
        for _ in range(50):
            last, first = demo_names.full_name(rng, origin, sex)
            assert last in demo_names.last_names_for(origin, sex)
            assert first in first_names
            assert last != first
            assert (last, first) not in demo_names._AVOIDED
    assert demo_names.full_name(random.Random(1), origin, "F") == demo_names.full_name(
        random.Random(1), origin, "F"
    )


def test_gendered_family_names() -> None:
    rng = random.Random(3)
    russia = _BY_NAME["Federazione Russa"]
    assert all(demo_names.full_name(rng, russia, "F")[0].endswith("a") for _ in range(30))
    assert all(demo_names.full_name(rng, russia, "M")[0].endswith(("v", "n")) for _ in range(30))
    india = _BY_NAME["India"]
    assert "Kaur" in demo_names.last_names_for(india, "F")
    assert "Kaur" not in demo_names.last_names_for(india, "M")
    assert demo_names.last_names_for(_BY_NAME["Senegal"], "F") == _BY_NAME["Senegal"].last_names


def test_full_name_rejects_an_unknown_sex() -> None:
    with pytest.raises(ValueError):
        demo_names.full_name(random.Random(0), ORIGINS[0], "X")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        demo_names.italian_full_name(random.Random(0), "m")  # type: ignore[arg-type]


@pytest.mark.parametrize("origin", ORIGINS, ids=_ids)
def test_every_name_encodes_to_a_valid_codice_fiscale(origin: Origin) -> None:
    birth = datetime.datetime(1998, 3, 14)
    people: list[tuple[str, str, str]] = []
    last_names = origin.last_names + origin.female_last_names
    for index, last in enumerate(last_names):
        people.append((last, origin.male_first_names[index % len(origin.male_first_names)], "M"))
    for index, first in enumerate(origin.female_first_names):
        people.append((demo_names.last_names_for(origin, "F")[index % 7], first, "F"))
    for index, first in enumerate(origin.male_first_names):
        people.append((origin.last_names[index % 5], first, "M"))
    for last, first, sex in people:
        code = codicefiscale.encode(last, first, sex, birth, origin.state_name)
        assert len(code) == 16, (last, first, code)
        assert codicefiscale.is_valid(code), (last, first, code)
        assert code[11:15] == origin.state_code
        assert code[:3] == codicefiscale.encode_lastname(last)
        assert code[3:6] == codicefiscale.encode_firstname(first)
        assert code[:6].isalpha() and code[:6].isascii()


def test_italian_names() -> None:
    for names in (
        demo_names.ITALIAN_FIRST_NAMES_M,
        demo_names.ITALIAN_FIRST_NAMES_F,
        demo_names.ITALIAN_LAST_NAMES,
    ):
        assert len(names) >= 30
        assert len(set(names)) == len(names)
        assert all(name and name == name.strip() and _is_latin_name(name) for name in names)
    assert {"Nicolò", "Niccolò"} <= set(demo_names.ITALIAN_FIRST_NAMES_M)
    assert "D'Angelo" in demo_names.ITALIAN_LAST_NAMES
    assert any(not name.isascii() for name in demo_names.ITALIAN_LAST_NAMES)
    rng = random.Random(5)
    for sex in ("F", "M"):
        last, first = demo_names.italian_full_name(rng, sex)
        assert last in demo_names.ITALIAN_LAST_NAMES
        first_names = (
            demo_names.ITALIAN_FIRST_NAMES_F if sex == "F" else demo_names.ITALIAN_FIRST_NAMES_M
        )
        assert first in first_names
        code = codicefiscale.encode(last, first, sex, datetime.datetime(1970, 1, 2), "Ancona")
        assert codicefiscale.is_valid(code) and code[11:15] == "A271"


def test_places_and_organisations() -> None:
    streets = demo_names.ANCONA_STREETS
    assert len(streets) >= 30 and len(set(streets)) == len(streets)
    assert all(street.split(" ")[0] in {"Via", "Corso", "Piazza"} for street in streets)
    for street in ("Corso Garibaldi", "Via Marconi", "Piazza Cavour", "Via XXIX Settembre"):
        assert street in streets
    questure = demo_names.QUESTURE
    assert questure[0] == "Questura di Ancona"
    assert len(set(questure)) == len(questure) >= 5
    assert all(questura.startswith("Questura di ") for questura in questure)
    bodies = demo_names.REFERRING_BODIES
    assert len(set(bodies)) == len(bodies) >= 10
    assert all(body and body == body.strip() for body in bodies)
    assert {"Caritas diocesana", "Centro per l'impiego", "Unità di strada"} <= set(bodies)
