"""Codice fiscale: format, check letter, omocodia, codice provvisorio, comparison with data."""

from __future__ import annotations

import datetime
from typing import NamedTuple

import codicefiscale as cf_library
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tit_desktop.services import places
from tit_desktop.services.codice_fiscale import (
    CheckResult,
    Mismatch,
    check,
    compute,
    normalise,
    validate_format,
)


class Person(NamedTuple):
    last_name: str
    first_name: str
    sex: str
    birth_date: datetime.date
    birth_place_code: str


GUNDOGDU = Person("Gündoğdu", "Şükrü", "M", datetime.date(1990, 3, 12), "Z243")  # Turchia
GUNDOGDU_CODE = "GNDSKR90C12Z243P"


def with_check_letter(first_fifteen: str) -> str:
    return first_fifteen + cf_library.encode_cin(first_fifteen)


# --- compute ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last_name", "first_name", "sex", "birth_date", "place", "code"),
    [
        ("Gündoğdu", "Şükrü", "M", datetime.date(1990, 3, 12), "Z243", "GNDSKR90C12Z243P"),
        ("Rossi", "Mario", "M", datetime.date(1980, 1, 1), "H501", "RSSMRA80A01H501U"),
        # A woman: day + 40.
        ("Bianchi", "Maria", "F", datetime.date(1985, 6, 15), "A271", "BNCMRA85H55A271F"),
        ("D'Amico", "Giuseppe", "M", datetime.date(1975, 11, 23), "A271", "DMCGPP75S23A271Z"),
        ("Nguyễn", "Thị Hoa", "F", datetime.date(1992, 7, 4), "Z251", "NGYTHH92L44Z251M"),
        ("Okafor", "Chinwe", "f", datetime.date(2001, 2, 28), "z335", "KFRCNW01B68Z335E"),
        (
            "El Idrissi",
            "Fatima Zahra",
            "F",
            datetime.date(1988, 10, 31),
            "Z330",
            "LDRFMZ88R71Z330L",
        ),
    ],
)
def test_compute(
    last_name: str, first_name: str, sex: str, birth_date: datetime.date, place: str, code: str
) -> None:
    assert compute(last_name, first_name, sex, birth_date, place) == code


def test_compute_for_a_ceased_state_outside_its_dates() -> None:
    # Jugoslavia (Z118) ceased in 2003; the code is still computed from its parts.
    assert compute("Petrović", "Ana", "F", datetime.date(2005, 5, 5), "Z118") == with_check_letter(
        "PTRNAA05E45Z118"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("", "Mario", "M", datetime.date(1980, 1, 1), "H501"), "cognome mancante"),
        (("Rossi", " ", "M", datetime.date(1980, 1, 1), "H501"), "nome mancante"),
        (("Rossi", "Mario", "X", datetime.date(1980, 1, 1), "H501"), "sesso non valido"),
        (("Rossi", "Mario", "M", datetime.date(1980, 1, 1), "Z000"), "non «Italia»"),
        (("Rossi", "Mario", "M", datetime.date(1980, 1, 1), "A000"), "«A000» inesistente"),
        (("Rossi", "Mario", "M", datetime.date(1980, 1, 1), "Roma"), "«Roma» inesistente"),
    ],
)
def test_compute_refuses_incomplete_data(args: tuple[object, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        compute(*args)  # type: ignore[arg-type]


# --- format -------------------------------------------------------------------------------------


def test_normalise() -> None:
    assert normalise("  gndskr 90c12 z243p\n") == GUNDOGDU_CODE
    assert normalise("") == ""


@pytest.mark.parametrize(
    "code",
    [
        "GNDSKR90C12Z243P",
        "gndskr90c12z243p",
        "RSSMRA80A01H501U",
        "BNCMRA85H55A271F",
        "RSSMRA80A01H50MM",  # omocodia
        "RSSMRAULALMHRLMD",  # every digit replaced
        "12345678903",  # codice provvisorio
        "00743110157",
        with_check_letter("RSSMRA00B29H501"),  # 29 February 2000
        with_check_letter("RSSMRA90C12Z217"),  # Macao: a territory missing from the library
    ],
)
def test_valid_formats(code: str) -> None:
    assert validate_format(code) is None


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("", "codice fiscale vuoto"),
        (
            "RSSMRA80A01H501",
            "lunghezza errata: 15 caratteri (attesi 16, oppure 11 cifre per il codice provvisorio)",
        ),
        (
            "RSSMRA80A01H501UU",
            "lunghezza errata: 17 caratteri (attesi 16, oppure 11 cifre per il codice provvisorio)",
        ),
        ("GNDSKR90C12Z243X", "carattere di controllo errato: atteso «P», trovato «X»"),
        ("RSSMRA80A01H501A", "carattere di controllo errato: atteso «U», trovato «A»"),
        ("RSSMRA80A01H50MU", "carattere di controllo errato: atteso «M», trovato «U»"),
        ("RSSMRA80A01H5ò1U", "carattere non valido «Ò» in posizione 14"),
        (
            "RSSMRA80A01H5O1U",
            "posizione 14: attesa una cifra o una lettera di omocodia (LMNPQRSTUV), trovato «O»",
        ),
        ("RSSMRA80A01H501-", "carattere non valido «-» in posizione 16"),
        ("RSSMR480A01H501U", "posizione 6: attesa una lettera (cognome e nome), trovato «4»"),
        ("RSSMRA80101H501U", "posizione 9: attesa una lettera (mese), trovato «1»"),
        ("RSSMRA80A011501U", "posizione 12: attesa una lettera (luogo di nascita), trovato «1»"),
        (
            "RSSMRA8AA01H501U",
            "posizione 8: attesa una cifra o una lettera di omocodia (LMNPQRSTUV), trovato «A»",
        ),
        (
            "RSSMRA80F01H501U",
            "lettera del mese «F» impossibile (ammesse: A, B, C, D, E, H, L, M, P, R, S, T)",
        ),
        (
            "RSSMRA80A32H501U",
            "giorno di nascita impossibile: «32» (ammessi 01-31, 41-71 per le donne)",
        ),
        (
            "RSSMRA80A00H501U",
            "giorno di nascita impossibile: «00» (ammessi 01-31, 41-71 per le donne)",
        ),
        (
            "RSSMRA80A40H501U",
            "giorno di nascita impossibile: «40» (ammessi 01-31, 41-71 per le donne)",
        ),
        (
            "RSSMRA80A72H501U",
            "giorno di nascita impossibile: «72» (ammessi 01-31, 41-71 per le donne)",
        ),
        ("RSSMRA80B30H501U", "giorno di nascita impossibile: 30 febbraio nell'anno «80»"),
        ("RSSMRA81B69H501U", "giorno di nascita impossibile: 29 febbraio nell'anno «81»"),
        ("RSSMRA80D31H501U", "giorno di nascita impossibile: 31 aprile"),
        ("RSSMRA80A01A000U", "codice del luogo di nascita «A000» inesistente"),
        ("RSSMRA80A01Z000U", "codice del luogo di nascita «Z000» inesistente"),
        ("12345678901", "cifra di controllo errata: attesa «3», trovata «1»"),
        ("00743110158", "cifra di controllo errata: attesa «7», trovata «8»"),
        ("1234567890A", "il codice provvisorio di 11 caratteri deve contenere solo cifre"),
        ("00000000000", "codice provvisorio non valido: tutte le cifre sono zero"),
    ],
)
def test_invalid_formats(code: str, reason: str) -> None:
    assert validate_format(code) == reason


# --- check --------------------------------------------------------------------------------------


def test_check_matching_person() -> None:
    result = check(GUNDOGDU_CODE, *GUNDOGDU)
    assert result == CheckResult(
        code=GUNDOGDU_CODE, is_provisional=False, error=None, mismatches=(), computed=GUNDOGDU_CODE
    )
    assert result.warning_text == ""


def test_check_wrong_date_and_place() -> None:
    code = with_check_letter("GNDSKR90C13Z330")  # born 13/03/1990 in Marocco, says the code
    result = check(code, *GUNDOGDU)
    assert result.error is None
    assert result.mismatches == (
        Mismatch("data di nascita", "12/03/1990", "13/03/1990"),
        Mismatch("luogo di nascita", "Z243", "Z330"),
    )
    assert result.computed == GUNDOGDU_CODE
    assert result.warning_text == (
        "Il codice fiscale non corrisponde a: data di nascita, luogo di nascita. "
        "Codice calcolato dai dati: GNDSKR90C12Z243P"
    )


@pytest.mark.parametrize(
    ("first_fifteen", "mismatch"),
    [
        ("GNTSKR90C12Z243", Mismatch("cognome", "GND", "GNT")),
        ("GNDSKC90C12Z243", Mismatch("nome", "SKR", "SKC")),
        ("GNDSKR90C52Z243", Mismatch("sesso", "M", "F")),
        ("GNDSKR91C12Z243", Mismatch("data di nascita", "12/03/1990", "12/03/1991")),
        ("GNDSKR90D12Z243", Mismatch("data di nascita", "12/03/1990", "12/04/1990")),
        ("GNDSKR90C12Z330", Mismatch("luogo di nascita", "Z243", "Z330")),
        ("GNDSKR90C12A271", Mismatch("luogo di nascita", "Z243", "A271")),
    ],
)
def test_check_each_part(first_fifteen: str, mismatch: Mismatch) -> None:
    code = with_check_letter(first_fifteen)
    result = check(code, *GUNDOGDU)
    assert result.error is None
    assert result.mismatches == (mismatch,)
    assert result.warning_text == (
        f"Il codice fiscale non corrisponde a: {mismatch.part}. "
        "Codice calcolato dai dati: GNDSKR90C12Z243P"
    )


def test_check_century_of_the_found_date_is_the_nearest() -> None:
    code = with_check_letter("RSSMRA01A01H501")
    result = check(code, birth_date=datetime.date(1999, 12, 31))
    assert result.mismatches == (Mismatch("data di nascita", "31/12/1999", "01/01/2001"),)


def test_check_woman_day_plus_40() -> None:
    result = check("BNCMRA85H55A271F", "Bianchi", "Maria", "F", datetime.date(1985, 6, 15), "A271")
    assert result.error is None
    assert result.mismatches == ()
    # The same code for a man born that day: only sex differs; the date still matches.
    as_man = check("BNCMRA85H55A271F", sex="M", birth_date=datetime.date(1985, 6, 15))
    assert as_man.mismatches == (Mismatch("sesso", "M", "F"),)
    assert as_man.computed is None
    assert as_man.warning_text == "Il codice fiscale non corrisponde a: sesso"


def test_check_only_the_given_parts() -> None:
    code = with_check_letter("XXXYYY90C12Z243")
    assert check(code).mismatches == ()
    assert check(code, birth_date=datetime.date(1990, 3, 12)).mismatches == ()
    assert check(code, birth_place_code="z243").mismatches == ()
    assert check(code, last_name="Gündoğdu").mismatches == (Mismatch("cognome", "GND", "XXX"),)
    assert check(code, last_name="  ").mismatches == ()
    assert check(code, last_name="Gündoğdu").computed is None


@pytest.mark.parametrize(
    ("last_name", "first_name", "first_fifteen"),
    [
        ("D'Amico", "Giuseppe", "DMCGPP75S23A271"),
        ("DAMICO", "GIUSEPPE", "DMCGPP75S23A271"),
        ("d amico", "giuseppe", "DMCGPP75S23A271"),
        ("Gündoğdu", "Şükrü", "GNDSKR75S23A271"),
        ("GUNDOGDU", "SUKRU", "GNDSKR75S23A271"),
        ("Nguyễn", "Thị Hoa", "NGYTHH75S23A271"),
        ("NGUYEN", "THI HOA", "NGYTHH75S23A271"),
    ],
)
def test_check_names_with_accents_and_apostrophes(
    last_name: str, first_name: str, first_fifteen: str
) -> None:
    result = check(with_check_letter(first_fifteen), last_name=last_name, first_name=first_name)
    assert result.error is None
    assert result.mismatches == ()


def test_check_omocode_is_compared_as_its_base_code() -> None:
    # RSSMRA80A01H501U with the last three digits replaced: 0->L, 1->M, 5->R ... as listed by
    # the library.
    omocode = "RSSMRA80A01HRLMS"
    assert omocode in cf_library.decode("RSSMRA80A01H501U")["omocodes"]
    result = check(omocode, "Rossi", "Mario", "M", datetime.date(1980, 1, 1), "H501")
    assert result.error is None
    assert result.mismatches == ()
    assert result.computed == "RSSMRA80A01H501U"
    assert result.warning_text == ""
    other_place = check(omocode, birth_place_code="A271")
    assert other_place.mismatches == (Mismatch("luogo di nascita", "A271", "H501"),)


def test_check_born_in_italy_with_unknown_comune() -> None:
    assert check("RSSMRA80A01H501U", birth_place_code="Z000").mismatches == ()
    assert check(GUNDOGDU_CODE, birth_place_code="Z000").mismatches == (
        Mismatch("luogo di nascita", "Z000", "Z243"),
    )
    assert check(GUNDOGDU_CODE, *GUNDOGDU._replace(birth_place_code="Z000")).computed is None


def test_check_wrong_check_letter_is_an_error_without_comparison() -> None:
    result = check("GNDSKR90C13Z330X", *GUNDOGDU)
    assert result.error == "carattere di controllo errato: atteso «M», trovato «X»"
    assert result.mismatches == ()
    assert result.computed == GUNDOGDU_CODE
    assert result.is_provisional is False


def test_check_provisional_codes() -> None:
    result = check(" 123 456 789 03 ", *GUNDOGDU)
    assert result == CheckResult(
        code="12345678903",
        is_provisional=True,
        error=None,
        mismatches=(),
        computed=GUNDOGDU_CODE,
    )
    wrong = check("12345678901")
    assert wrong.is_provisional is True
    assert wrong.error == "cifra di controllo errata: attesa «3», trovata «1»"
    assert wrong.computed is None


def test_check_rejects_an_invalid_sex() -> None:
    with pytest.raises(ValueError, match="sesso non valido"):
        check(GUNDOGDU_CODE, sex="maschio")


# --- properties ---------------------------------------------------------------------------------

_LETTERS = (
    "abcdefghijklmnopqrstuvwxyz"
    "àáâãäåçèéêëìíîïñòóôõöùúûüýÿßøæœłśźżćńşğıăîșțđễạảấầ"
    "ÀÉÈÖÜÇŞĞİ"
    "абвгдежзийклмнопрстуфхцчшщыэюя"
    "αβγδεζηθικλμνξοπρστυφχψω"
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    "王李张刘陈杨黄赵吴周"
)
_NAMES = st.text(alphabet=_LETTERS + " '-", min_size=1, max_size=20).filter(
    lambda name: any(char.isalpha() for char in name)
)
# Every state (ceased ones too, Italy excepted: a code needs the comune) and one comune in 97.
_STATES = [p for p in places.states(include_ceased=True) if p != places.ITALY]
_PLACES = _STATES + places.comuni()[::97]
_DATES = st.dates(datetime.date(1930, 1, 1), datetime.date(2010, 12, 31))
_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


_PEOPLE = st.builds(
    Person,
    last_name=_NAMES,
    first_name=_NAMES,
    sex=st.sampled_from(["F", "M"]),
    birth_date=_DATES,
    birth_place_code=st.sampled_from([p.code for p in _PLACES]),
)


@settings(max_examples=200, deadline=None)
@given(_PEOPLE)
def test_property_computed_code_checks_clean(person: Person) -> None:
    code = compute(*person)
    result = check(code, *person)
    assert result.error is None
    assert result.mismatches == ()
    assert result.computed == code
    assert result.warning_text == ""


@settings(max_examples=200, deadline=None)
@given(_PEOPLE, st.integers(0, 15), st.sampled_from(_ALNUM + "àé-_.Ω"))
def test_property_one_changed_character_is_never_the_same_person(
    person: Person, position: int, char: str
) -> None:
    code = compute(*person)
    changed = code[:position] + char + code[position + 1 :]
    if normalise(changed) == code:
        changed = code[:position] + ("1" if code[position] == "0" else "0") + code[position + 1 :]
    assert normalise(changed) != code
    result = check(changed, *person)
    assert result.error is not None or result.mismatches != ()


# States and comuni for which the library's decode() accepts any birth date from 1930 to 2010
# (it checks the place's dates): decode() is what lists the omocodia variants.
_LONG_LIVED_PLACES = ["Z330", "Z243", "Z335", "Z100", "Z352", "Z236", "H501", "A271", "F205"]


@settings(max_examples=60, deadline=None)
@given(_PEOPLE, st.sampled_from(_LONG_LIVED_PLACES))
def test_property_every_omocode_variant_matches(person: Person, place_code: str) -> None:
    person = person._replace(birth_place_code=place_code)
    code = compute(*person)
    variants = cf_library.decode(code)["omocodes"]
    assert len(set(variants)) == 128
    assert variants[0] == code
    for variant in variants:
        assert validate_format(variant) is None, variant
        result = check(variant, *person)
        assert result.mismatches == (), variant
        assert result.computed == code


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=30),
        st.text(alphabet=_ALNUM, min_size=16, max_size=16),
        st.text(alphabet=_ALNUM + "lmnpqrstuv ", min_size=14, max_size=20),
        st.text(alphabet="0123456789 ", min_size=9, max_size=13),
    )
)
def test_property_validate_format_never_raises(text: str) -> None:
    reason = validate_format(text)
    assert reason is None or (isinstance(reason, str) and reason != "")
    result = check(text)
    assert result.error == reason
    assert result.mismatches == ()
    if reason is None:
        assert len(result.code) in (11, 16)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_property_provisional_code_has_exactly_one_check_digit(first_ten: str) -> None:
    accepted = [digit for digit in "0123456789" if validate_format(first_ten + digit) is None]
    if first_ten == "0000000000":
        assert accepted == []
    else:
        assert len(accepted) == 1
