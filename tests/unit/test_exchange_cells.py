"""Cell parsers of the exchange workbook: exact values and exact Italian messages, and
properties over random input (junk never raises anything but a CellError)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tit_desktop.models import PermitReason
from tit_desktop.services.exchange import cells
from tit_desktop.services.exchange.cells import DECLINED, BadCell, CellError


def _error(parser: Callable[[Any], Any], value: Any) -> str:
    with pytest.raises(CellError) as exc:
        parser(value)
    return exc.value.message


# --- dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("02/05/2024", dt.date(2024, 5, 2)),
        ("2/5/2024", dt.date(2024, 5, 2)),
        (" 29/02/2024 ", dt.date(2024, 2, 29)),
        (dt.datetime(2024, 5, 2, 0, 0), dt.date(2024, 5, 2)),
        (dt.datetime(2024, 5, 2, 13, 30), dt.date(2024, 5, 2)),
        (dt.date(1990, 3, 12), dt.date(1990, 3, 12)),
    ],
)
def test_dates_are_read(value: Any, expected: dt.date) -> None:
    assert cells.parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-05-02", "«2024-05-02» non è una data nel formato gg/mm/aaaa"),
        ("02/05/24", "«02/05/24» non è una data nel formato gg/mm/aaaa"),
        ("02.05.2024", "«02.05.2024» non è una data nel formato gg/mm/aaaa"),
        ("31/02/2024", "la data «31/02/2024» non esiste"),
        ("29/02/2023", "la data «29/02/2023» non esiste"),
        ("05/13/2024", "la data «05/13/2024» non esiste"),
        (
            45000,
            "«45000» non è una data: scrivere la data come gg/mm/aaaa "
            "(o formattare la cella come data)",
        ),
        (
            True,
            "«VERO» non è una data: scrivere la data come gg/mm/aaaa "
            "(o formattare la cella come data)",
        ),
        (
            BadCell("la formula nella cella Q2 non ha un valore"),
            "la formula nella cella Q2 non ha un valore",
        ),
    ],
)
def test_wrong_dates_say_why(value: Any, message: str) -> None:
    assert _error(cells.parse_date, value) == message


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_every_date_reads_back_from_both_text_forms(day: dt.date) -> None:
    assert cells.parse_date(f"{day.day:02d}/{day.month:02d}/{day.year:04d}") == day
    assert cells.parse_date(f"{day.day}/{day.month}/{day.year}") == day


# --- amounts --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (350, "350.00"),
        (350.5, "350.50"),
        (0.1 + 0.2, "0.30"),  # a computed cell: 0.30000000000000004
        (Decimal("12.5"), "12.50"),
        ("1.234,56", "1234.56"),
        ("350,00", "350.00"),
        ("350,5", "350.50"),
        ("350.00", "350.00"),
        ("350.5", "350.50"),
        ("350", "350.00"),
        ("1.234", "1234.00"),
        ("1.234.567,89", "1234567.89"),
        ("€ 1.234,56", "1234.56"),
        ("1.234,56 €", "1234.56"),
        ("-12,50", "-12.50"),
        ("0,00", "0.00"),
    ],
)
def test_amounts_are_read_to_the_cent(value: Any, expected: str) -> None:
    result = cells.parse_amount(value)
    assert result == Decimal(expected)
    assert str(result) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1,234.56", "«1,234.56» non è un importo: scrivere ad esempio 1.234,56 oppure 350,00"),
        ("12,345", "«12,345»: un importo ha al massimo due decimali"),
        ("1234.567", "«1234.567» non è un importo: scrivere ad esempio 1.234,56 oppure 350,00"),
        ("12.34.56", "«12.34.56» non è un importo: scrivere ad esempio 1.234,56 oppure 350,00"),
        ("dieci euro", "«dieci euro» non è un importo: scrivere ad esempio 1.234,56 oppure 350,00"),
        (1 / 3, "«0.3333333333333333»: un importo ha al massimo due decimali"),
        (float("nan"), "importo non valido"),
        ("1.000.000.000.000", "«1.000.000.000.000»: importo troppo grande"),
        (1e26, "«100000000000000004764729344»: importo troppo grande"),
        (True, "«VERO» non è un importo"),
        (dt.date(2024, 1, 1), "«01/01/2024» non è un importo"),
    ],
)
def test_wrong_amounts_say_why(value: Any, message: str) -> None:
    assert _error(cells.parse_amount, value) == message


@given(st.decimals(min_value=0, max_value=10**9, places=2))
def test_amounts_read_back_in_italian_plain_and_number_form(amount: Decimal) -> None:
    italian = f"{amount:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    assert cells.parse_amount(italian) == amount
    assert cells.parse_amount(f"{amount:.2f}".replace(".", ",")) == amount
    assert cells.parse_amount(f"{amount:.2f}") == amount
    assert cells.parse_amount(float(amount)) == amount


# --- whole numbers, lists -------------------------------------------------------------


@pytest.mark.parametrize("value", [3, 3.0, "3", " 3 ", Decimal("3")])
def test_isced_accepts_numbers_and_digits(value: Any) -> None:
    assert cells.parse_isced(value) == 3


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (9, "9 non previsto: indicare il livello ISCED da 0 a 8"),
        (-1, "-1 non previsto: indicare il livello ISCED da 0 a 8"),
        (3.5, "«3.5» non è un numero intero: indicare il livello ISCED da 0 a 8"),
        ("3.0", "«3.0» non è un numero intero: indicare il livello ISCED da 0 a 8"),
        ("tre", "«tre» non è un numero intero: indicare il livello ISCED da 0 a 8"),
        (True, "«VERO» non è un numero intero: indicare il livello ISCED da 0 a 8"),
        ("٣", "«٣» non è un numero intero: indicare il livello ISCED da 0 a 8"),
    ],
)
def test_isced_out_of_range_or_not_a_number(value: Any, message: str) -> None:
    assert _error(cells.parse_isced, value) == message


def test_ethos_goes_from_0_to_13() -> None:
    assert [cells.parse_ethos(v) for v in (0, "13", 7.0)] == [0, 13, 7]
    assert _error(cells.parse_ethos, 14) == "14 non previsto: indicare la categoria ETHOS da 0 a 13"


def test_declined_answer_is_a_refusal_in_declinable_columns() -> None:
    parse = cells.declinable(cells.parse_ethos)
    assert parse("Non ha risposto") is DECLINED
    assert parse(" NON HA RISPOSTO ") is DECLINED
    assert parse(5) == 5
    with pytest.raises(CellError):
        cells.parse_ethos("non ha risposto")


def test_sex_is_f_or_m() -> None:
    assert cells.parse_sex(" f ") == "F"
    assert cells.parse_sex("M") == "M"
    assert _error(cells.parse_sex, "X") == "«X» non previsto: indicare F o M"
    assert _error(cells.parse_sex, "Femmina") == "«FEMMINA» non previsto: indicare F o M"


def test_employment_ignores_case_and_spaces() -> None:
    assert cells.parse_employment("Disoccupato di lunga durata") == "disoccupato di lunga durata"
    assert cells.parse_employment(" STUDENTE ") == "studente"
    assert _error(cells.parse_employment, "pensionato") == (
        "«pensionato» non previsto: indicare uno tra occupato, disoccupato, "
        "disoccupato di lunga durata, inattivo, studente"
    )


def test_text_cells() -> None:
    assert cells.parse_text("  Rossi ") == "Rossi"
    assert cells.parse_text(12) == "12"
    assert cells.parse_text(12.0) == "12"
    assert cells.parse_text(1.5) == "1.5"
    assert cells.parse_text(dt.datetime(2024, 5, 2)) == "02/05/2024"
    # An .xlsx cell is taken as it is: only the CSV reader removes the export's apostrophe.
    assert cells.parse_text("'=SOMMA(A1)") == "'=SOMMA(A1)"
    assert cells.parse_text("'+39 333") == "'+39 333"
    assert cells.parse_text("l'anno") == "l'anno"
    assert _error(cells.parse_text, False) == "atteso un testo, trovato il valore logico FALSO"


# --- places ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Marocco", "Z330"),
        ("MAROCCO", "Z330"),
        ("Morocco", "Z330"),
        ("Perù", "Z611"),
        ("Peru", "Z611"),
        ("Costa d'Avorio", "Z313"),
        ("Stati Uniti", "Z404"),
        ("Italia", "Z000"),
    ],
)
def test_citizenship_is_an_istat_state_name(name: str, code: str) -> None:
    assert cells.parse_state(name) == code


def test_unknown_state_is_an_error() -> None:
    assert _error(cells.parse_state, "Narnia") == (
        "stato «Narnia» sconosciuto: indicare il nome italiano dello stato "
        "(ad esempio Marocco, Nigeria, Italia)"
    )
    # An adjective is not a state name.
    assert _error(cells.parse_state, "marocchina").startswith("stato «marocchina» sconosciuto")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ancona", "A271"),
        ("Ancona (AN)", "A271"),
        ("ancona(an)", "A271"),
        ("Castro (LE)", "M261"),
        ("Marocco", "Z330"),
        ("Reggio nell'Emilia", "H223"),
        ("A271", "A271"),
        ("Z330", "Z330"),
    ],
)
def test_birth_place_comune_or_state(text: str, code: str) -> None:
    assert cells.parse_birth_place(text) == cells.BirthPlace(code, None, None)


def test_unknown_birth_place_is_kept_as_text_with_a_warning() -> None:
    assert cells.parse_birth_place("Kilimani (Nairobi)") == cells.BirthPlace(
        None,
        "Kilimani (Nairobi)",
        "«Kilimani (Nairobi)» non è tra i comuni italiani né tra gli stati esteri: il luogo "
        "sarà registrato come testo",
    )


def test_a_comune_name_of_two_provinces_needs_the_province() -> None:
    assert cells.parse_birth_place("Castro") == cells.BirthPlace(
        None,
        "Castro",
        "più comuni si chiamano «Castro» (Castro (BG), Castro (LE)): indicare la provincia, "
        "ad esempio «Castro (BG)»; il luogo sarà registrato come testo",
    )


# --- permits --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Richiesta asilo", (None, "richiesta asilo")),
        ("MINORE ETÀ", (None, "minore eta")),
        ("ue soggiornante di lungo periodo", (None, "UE soggiornante di lungo periodo")),
        ("motivi familiari", (None, "famiglia")),
        ("Richiedente asilo", (None, "richiesta asilo")),
        ("Permesso di soggiorno per motivi di studio", (None, "studio")),
        ("permesso di soggiorno per lavoro subordinato", (None, "lavoro subordinato")),
        ("Carta di soggiorno", ("Carta di soggiorno", None)),
        ("Motivi umanitari", ("Motivi umanitari", None)),
        ("Lavoro", ("Lavoro", None)),
        (
            "Permesso di soggiorno elettronico (protezione speciale)",
            ("Permesso di soggiorno elettronico", "protezione speciale"),
        ),
    ],
)
def test_permit_motive_or_kind(text: str, expected: tuple[str | None, str | None]) -> None:
    assert cells.parse_permit(text) == expected


@given(
    st.sampled_from(
        [None, "Permesso di soggiorno", "Carta di soggiorno", "Ricevuta di richiesta", "PSE"]
    ),
    st.sampled_from([None, *[r.value for r in PermitReason]]),
)
def test_permit_text_reads_back(kind: str | None, reason: str | None) -> None:
    text = cells.permit_text(kind, reason)
    if text is None:
        assert kind is None and reason is None
    else:
        assert cells.parse_permit(text) == (kind, reason)


# --- junk -----------------------------------------------------------------------------

ANY_CELL = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.text(alphabet="0123456789.,/-€ ' ", max_size=16),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.timedeltas(),
    st.builds(BadCell, st.text(min_size=1, max_size=10)),
)
PARSERS = [
    cells.parse_text,
    cells.parse_date,
    cells.parse_amount,
    cells.parse_isced,
    cells.parse_ethos,
    cells.parse_sex,
    cells.parse_employment,
    cells.parse_state,
    cells.parse_birth_place,
    cells.parse_permit,
    cells.declinable(cells.parse_state),
]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PARSERS), ANY_CELL)
def test_junk_gives_a_cell_error_or_a_value_never_a_crash(
    parser: Callable[[Any], Any], value: Any
) -> None:
    if cells.is_blank(value):
        return  # the importer never passes blank cells to a parser
    try:
        parser(value)
    except CellError as exc:
        assert exc.message and isinstance(exc.message, str)


def test_control_characters_are_a_cell_error_before_any_lookup() -> None:
    # Found by the round-trip property test: a NUL Codice reached a PostgreSQL query.
    with pytest.raises(cells.CellError) as err:
        cells.parse_text("TIU\x00-1")
    assert str(err.value) == (
        "contiene il carattere U+0000 (carattere di controllo), che non è ammesso: forse è "
        "stato incollato da un altro programma; cancellarlo e riscrivere il testo"
    )
    assert cells.parse_text("riga uno\nriga due") == "riga uno\nriga due"
