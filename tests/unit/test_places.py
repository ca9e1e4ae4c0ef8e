"""ISTAT places: lists, look-ups and search for the birth place and citizenship pickers."""

from __future__ import annotations

import pytest

from tit_desktop.services import places
from tit_desktop.services.places import ITALY, Place


def test_italy_is_a_pseudo_state_in_the_state_list() -> None:
    expected = Place(code="Z000", name="Italia", province=None, kind="stato", active=True)
    assert expected == ITALY
    assert ITALY in places.states()
    assert places.by_code("z000") is ITALY
    assert places.state_by_name("ITALIA") is ITALY
    assert places.state_by_name("Italy") is ITALY


def test_well_known_states() -> None:
    assert places.by_code("Z330") == Place("Z330", "Marocco", None, "stato", True)
    assert places.by_code("Z243") == Place("Z243", "Turchia", None, "stato", True)
    assert places.by_code("Z335") == Place("Z335", "Nigeria", None, "stato", True)


def test_states_are_sorted_unique_and_active_by_default() -> None:
    states = places.states()
    assert [places.fold(s.name) for s in states] == sorted(places.fold(s.name) for s in states)
    assert len({s.code for s in states}) == len(states)
    assert all(s.kind == "stato" and s.province is None and s.active for s in states)
    assert all(s.code.startswith("Z") for s in states)
    # 211 active states in the library data, plus Italy.
    assert len(states) == 212


def test_ceased_states_only_on_request() -> None:
    yugoslavia = places.by_code("Z118")
    assert yugoslavia == Place("Z118", "Jugoslavia", None, "stato", False)
    assert yugoslavia not in places.states()
    assert yugoslavia in places.states(include_ceased=True)
    assert places.search("jugoslavia") == []
    assert places.search("jugoslavia", include_ceased=True) == [yugoslavia]


def test_state_names_are_written_as_istat_does() -> None:
    names = {s.code: s.name for s in places.states()}
    assert names["Z404"] == "Stati Uniti d'America"  # library: "Stati Uniti D'America"
    assert names["Z611"] == "Perù"  # library: "Peru'"
    assert names["Z341"] == "Sao Tomé e Principe"  # library: "Sao Tome' E Principe"
    assert names["Z312"] == "Repubblica Democratica del Congo"


def test_comuni_pick_the_active_record_of_a_code() -> None:
    # Roma H501 appears 11 times in the library data, one per period of validity.
    roma = [c for c in places.comuni() if c.code == "H501"]
    assert roma == [Place("H501", "Roma", "RM", "comune", True)]
    # A001 was "Abano" until 1924, then "Abano Terme".
    assert places.by_code("a001") == Place("A001", "Abano Terme", "PD", "comune", True)
    # A004 moved from the province of Milano to the new province of Lodi in 1992.
    assert places.by_code("A004") == Place("A004", "Abbadia Cerreto", "LO", "comune", True)
    comuni = places.comuni(include_ceased=True)
    assert len({c.code for c in comuni}) == len(comuni)


def test_ceased_comuni_only_on_request() -> None:
    abbadia_alpina = places.by_code("A003")
    assert abbadia_alpina == Place("A003", "Abbadia Alpina", "TO", "comune", False)
    assert abbadia_alpina not in places.comuni()
    assert abbadia_alpina in places.comuni(include_ceased=True)
    assert all(c.active for c in places.comuni())
    assert len(places.comuni()) == 7894


def test_comune_names_lower_case_prepositions() -> None:
    assert places.by_code("A271") == Place("A271", "Ancona", "AN", "comune", True)
    names = {c.name for c in places.comuni()}
    assert "Acquaviva d'Isernia" in names
    assert "Reggio nell'Emilia" in names
    assert "Castel di Sangro" in names
    assert "Cava de' Tirreni" in names
    assert "Sotto Il Monte Giovanni XXIII" in names  # the library wrote "Xxiii"


@pytest.mark.parametrize(
    ("place", "text"),
    [
        (Place("A271", "Ancona", "AN", "comune", True), "Ancona (AN)"),
        (Place("Z330", "Marocco", None, "stato", True), "Marocco"),
        (ITALY, "Italia"),
    ],
)
def test_label(place: Place, text: str) -> None:
    assert places.label(place) == text


def test_by_code_unknown() -> None:
    assert places.by_code("Z999") is None
    assert places.by_code("") is None
    assert places.by_code("  h501 ") == Place("H501", "Roma", "RM", "comune", True)


def test_search_prefix_before_substring() -> None:
    morocco = places.by_code("Z330")
    assert places.search("mar")[0] == morocco
    assert [p.name for p in places.search("mar", kind="stato")] == [
        "Marocco",
        "Martinica",
        "Isole Marshall",  # a word starts with "mar"
        "San Marino",
        "Danimarca",  # substring
        "Myanmar",
    ]


def test_search_comuni() -> None:
    assert [places.label(p) for p in places.search("ancona")] == ["Ancona (AN)"]
    castro = places.search("CASTRO", kind="comune")
    assert [places.label(p) for p in castro[:3]] == [
        "Castro (BG)",
        "Castro (LE)",
        "Castro dei Volsci (FR)",
    ]
    assert [places.label(p) for p in places.search("castro (le)")] == ["Castro (LE)"]
    assert all(p.kind == "comune" for p in castro)


def test_search_ignores_accents_case_and_punctuation() -> None:
    peru = places.by_code("Z611")
    assert places.search("PERÙ", kind="stato") == [peru]
    assert places.search("peru", kind="stato") == [peru]
    assert places.search("costa d avorio") == [places.by_code("Z313")]
    assert places.search("COSTA D'AVORIO") == [places.by_code("Z313")]
    assert places.search("cantu", kind="comune")[0] == Place("B639", "Cantù", "CO", "comune", True)


def test_search_other_names() -> None:
    assert places.search("bozen") == [places.by_code("A952")]
    assert places.search("morocco") == [places.by_code("Z330")]


def test_search_limits() -> None:
    assert places.search("") == []
    assert places.search("   ") == []
    assert len(places.search("a", limit=5)) == 5
    assert len(places.search("a")) == 20
    assert places.search("a", limit=0) == []
    assert places.search("zzzzqqq") == []


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Marocco", "Z330"),
        ("MAROCCO", "Z330"),
        ("Morocco", "Z330"),
        ("turchia", "Z243"),
        ("Stati Uniti d'America", "Z404"),
        ("stati uniti d america", "Z404"),
        ("United States", "Z404"),
        ("Perù", "Z611"),
        ("Peru'", "Z611"),
        ("Côte d'Ivoire", "Z313"),
        ("Georgia", "Z254"),  # the active one, not Z136 (ceased 1994)
        ("URSS", "Z135"),
        ("Jugoslavia", "Z118"),
        ("Cina", "Z210"),
        ("Corea del Sud", "Z213"),
        ("Russia", "Z154"),
    ],
)
def test_state_by_name(name: str, code: str) -> None:
    state = places.state_by_name(name)
    assert state is not None
    assert state.code == code


def test_state_by_name_is_exact() -> None:
    assert places.state_by_name("Maroc") is None
    assert places.state_by_name("Ancona") is None
    assert places.state_by_name("") is None
    assert places.state_by_name("Atlantide") is None


def test_fold() -> None:
    assert places.fold("Costa d'Avorio") == "costa d avorio"
    assert places.fold("  PERÙ ") == "peru"
    assert places.fold("Peru'") == "peru"
    assert places.fold("Gündoğdu") == "gundogdu"
