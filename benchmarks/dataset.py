"""Build the city or metropolis dataset (DOMAIN.md section 9) for the benchmarks, fast.

    python benchmarks/dataset.py [--scale city|metropolis] [--out FILE | --database URL]
                                 [--seed N] [--create-database]

The schema comes from the application's own migrations (``schema.upgrade``); the rows go in
with bulk Core inserts (``executemany`` in chunks of 5,000), not through the ORM or the
per-row services, so that 100,000 persons load in seconds. The rows are what the services
would have written: ``sort_key`` and the search tokens come from ``persons.apply_input`` and
``persons.search_tokens`` run on a lightweight object, and the codice fiscale is the one
``codice_fiscale.compute`` gives (with omocodia, as the Agenzia delle Entrate does, when two
persons would get the same code). The data is deterministic for a seed: dates are offsets
from the day of the build, so "permits expiring within 60 days" hold the same share of
persons (about 2 %) whatever day the benchmark runs.

Besides the person registry, each area registers the builder of its records with
:func:`extra_kind` (see its docstring): meals and canteen cards, bed-nights, host families,
street contacts, percorsi, expenditures, with their sizes in :data:`SCALES`. A kind whose
table is missing, or that has no builder yet, is reported as skipped.

Without ``--out``/``--database`` the SQLite file goes to a new temporary folder, which is
kept (its path is printed). On PostgreSQL, ``--create-database`` creates the database named
in the URL first (it must not exist); drop it afterwards with ``--drop-database``.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import random
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from codicefiscale import encode_cin
from sqlalchemy import create_engine, insert, inspect, select, text
from sqlalchemy.engine import URL, Connection, make_url

from tit_desktop.models import Organisation, Person, PersonSearchToken, StaffMember
from tit_desktop.models.user import Role
from tit_desktop.services import audit, codice_fiscale, demo_names, persons, schema, users
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import SYSTEM

CHUNK = 5_000
# create_person's own copy of the input onto the row (called _apply before it was public).
apply_input = getattr(persons, "apply_input", None) or persons._apply
DEFAULT_SEED = 2025
BENCH_USER = "misura"
BENCH_PASSWORD = "Password-bench-1"
CODE_PREFIX = "B-"


@dataclass(frozen=True)
class Scale:
    name: str
    persons: int
    staff: int
    # Planned sizes of the kinds that have no table yet (DOMAIN.md section 9). The
    # metropolis figures for bed-nights, contacts and expenditures are not given there:
    # they are the city's scaled with the number of persons.
    planned: dict[str, int] = field(default_factory=dict)


SCALES: dict[str, Scale] = {
    "city": Scale(
        "city",
        persons=20_000,
        staff=40,
        planned={
            "meals": 1_000_000,
            "bed_nights": 300_000,
            "street_contacts": 50_000,
            "expenditures": 5_000,
            "hosting_agreements": 3_000,
            "pathways": 12_000,
        },
    ),
    "metropolis": Scale(
        "metropolis",
        persons=100_000,
        staff=150,
        planned={
            "meals": 3_000_000,
            "bed_nights": 1_500_000,
            "street_contacts": 250_000,
            "expenditures": 25_000,
            "hosting_agreements": 15_000,
            "pathways": 60_000,
        },
    ),
}

# --- the other kinds of data: hooks --------------------------------------------------------


@dataclass(frozen=True)
class ExtraKind:
    name: str
    table: str
    build: Callable[[Connection, Scale, random.Random, dt.date, list[int]], int]


EXTRA_KINDS: dict[str, ExtraKind] = {}


def extra_kind(
    name: str, table: str
) -> Callable[
    [Callable[[Connection, Scale, random.Random, dt.date, list[int]], int]],
    Callable[[Connection, Scale, random.Random, dt.date, list[int]], int],
]:
    """Register the builder of one kind of data, run after the persons when ``table`` exists.

    The builder gets the open connection (inside the build's transaction), the scale (its
    ``planned[name]`` is the row count to reach), its own seeded random generator, the
    reference day and the person ids; it inserts with ``connection.execute(insert(T), rows)``
    in chunks of :data:`CHUNK` and returns the number of rows. For example, once the meal
    table exists::

        @extra_kind("meals", table="meal")
        def _meals(connection, scale, rng, today, person_ids):
            ...
            return scale.planned["meals"]
    """

    def register(
        function: Callable[[Connection, Scale, random.Random, dt.date, list[int]], int],
    ) -> Callable[[Connection, Scale, random.Random, dt.date, list[int]], int]:
        EXTRA_KINDS[name] = ExtraKind(name, table, function)
        return function

    return register


# --- the convention's expenditures ---------------------------------------------------------


@extra_kind("expenditures", table="expenditure")
def _expenditures(
    connection: Connection, scale: Scale, rng: random.Random, today: dt.date, person_ids: list[int]
) -> int:
    """One convention of three years, nine budget lines, ``planned["expenditures"]``
    expenditures spread over its period (about 2 % flagged: same supplier and number)."""
    from decimal import Decimal

    from tit_desktop.models import BudgetLine, Convention, CostCategory, Expenditure
    from tit_desktop.services.convention.demo import vat_number

    start = today.replace(day=1) - dt.timedelta(days=3 * 365)
    end = today
    [convention_id] = connection.execute(
        insert(Convention).returning(Convention.id),
        [
            {
                "short_name": "CITTA",
                "title": "Convenzione di prova (scala città)",
                "cup": "B99J21000000001",
                "starts_on": start,
                "ends_on": end,
                "total": Decimal("9000000.00"),
                "co_funding": Decimal(0),
                "version": 1,
            }
        ],
    ).scalars()
    categories = list(CostCategory)
    line_ids = list(
        connection.execute(
            insert(BudgetLine).returning(BudgetLine.id),
            [
                {
                    "convention_id": convention_id,
                    "name": f"A{i // 5 + 1} voce {i + 1}",
                    "action": f"Azione {i // 5 + 1}",
                    "category": categories[i % len(categories)],
                    "planned": Decimal("1000000.00"),
                    "version": 1,
                }
                for i in range(9)
            ],
        ).scalars()
    )
    suppliers = [(f"Fornitore {i} srl", vat_number(rng)) for i in range(150)]
    wanted = scale.planned["expenditures"]
    rows = []
    for i in range(wanted):
        supplier, vat = rng.choice(suppliers)
        day = start + dt.timedelta(days=rng.randint(0, (end - start).days))
        amount = Decimal(rng.randint(1_000, 800_000)).scaleb(-2)
        number = (
            f"{rng.randint(1, 60)}/{day.year}" if rng.random() < 0.02 else f"{i + 1}/{day.year}"
        )
        rows.append(
            {
                "convention_id": convention_id,
                "document_type": "Fattura",
                "number": number,
                "document_date": day,
                "supplier_name": supplier,
                "supplier_tax_code": vat,
                "amount": amount,
                "vat": Decimal(0),
                "eligible": amount
                if rng.random() < 0.9
                else (amount / 2).quantize(Decimal("0.01")),
                "budget_line_id": rng.choice(line_ids),
                "paid_on": day + dt.timedelta(days=rng.randint(0, 30)),
                "payment_method": "bonifico",
                "version": 1,
            }
        )
    for index in range(0, len(rows), CHUNK):
        connection.execute(insert(Expenditure), rows[index : index + CHUNK])
    return len(rows)


# --- percorsi --------------------------------------------------------------------------------

PATHWAY_EXIT_SHARE = 0.45


@extra_kind("pathways", table="pathway")
def _pathways(
    connection: Connection, scale: Scale, rng: random.Random, today: dt.date, person_ids: list[int]
) -> int:
    """One percorso for ``planned["pathways"]`` persons (a share of them): entry up to 60 days
    after the intake, 45 % closed 3 to 15 months later with a DOMAIN.md 5 destination."""
    from sqlalchemy import select

    from tit_desktop.models import Pathway
    from tit_desktop.models.destinations import ExitDestination

    wanted = min(scale.planned["pathways"], len(person_ids))
    chosen = sorted(rng.sample(person_ids, wanted))
    intake = dict(connection.execute(select(Person.id, Person.intake_date)).all())
    destinations = list(ExitDestination)
    rows: list[dict[str, Any]] = []
    for person_id in chosen:
        entry = min(intake[person_id] + dt.timedelta(days=rng.randint(0, 60)), today)
        exit_date = None
        if rng.random() < PATHWAY_EXIT_SHARE:
            candidate = entry + dt.timedelta(days=rng.randint(90, 450))
            exit_date = candidate if candidate < today else None
        rows.append(
            {
                "person_id": person_id,
                "entry_date": entry,
                "actions": "Corso di italiano, orientamento al lavoro",
                "reference_staff_id": None,
                "exit_date": exit_date,
                "exit_destination": rng.choice(destinations) if exit_date else None,
                "exit_reason": None,
                "version": 1,
            }
        )
    for start in range(0, len(rows), CHUNK):
        connection.execute(insert(Pathway), rows[start : start + CHUNK])
    return len(rows)


# --- meals and canteen cards ------------------------------------------------------------------

MEAL_DAYS = 3 * 365  # the meals of the last three years, today included
CANTEEN_SHARE = 0.35  # persons who use the canteen
MEAL_SHARES = (("colazione", 0.2), ("pranzo", 0.45), ("cena", 0.35))


def _driver_insert(
    connection: Connection, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """Rows as tuples straight to the driver: COPY on PostgreSQL, executemany on SQLite
    (an ORM object or even a Core dict per row would cost more than the insert)."""
    if connection.dialect.name == "postgresql":
        cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join("?" for _ in columns)
    connection.exec_driver_sql(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
        rows,  # type: ignore[arg-type]
    )


@extra_kind("meals", table="meal")
def _meals(
    connection: Connection, scale: Scale, rng: random.Random, today: dt.date, person_ids: list[int]
) -> int:
    """A third of the persons eat at the canteen: each has a card (its number is the
    person's place in that list), and every day of three years each meal is taken by a
    sample of those already in charge, drawn without repeats (one meal of a type per person
    per day, as the constraint wants)."""
    sqlite = connection.dialect.name == "sqlite"
    intake = dict(connection.exec_driver_sql("SELECT id, intake_date FROM person").all())
    users_ = sorted(rng.sample(person_ids, int(len(person_ids) * CANTEEN_SHARE)))
    users_.sort(key=lambda pid: (str(intake[pid]), pid))
    first_day = today - dt.timedelta(days=MEAL_DAYS - 1)
    cards = []
    card_of: dict[int, int] = {}
    for number, pid in enumerate(users_, start=1):
        start = _as_date(intake[pid])
        cards.append((number, number, pid, start, start + dt.timedelta(days=3 * 365 + 364)))
        card_of[pid] = number
    issued = dt.datetime.combine(first_day, dt.time(9, 0))
    _driver_insert(
        connection,
        "canteen_card",
        ("id", "number", "person_id", "valid_from", "valid_to", "status", "issued_at", "version"),
        [
            (
                i,
                n,
                pid,
                _db_date(a, sqlite),
                _db_date(b, sqlite),
                "attiva",
                _db_moment(issued, sqlite),
                1,
            )
            for i, n, pid, a, b in cards
        ],
    )
    connection.exec_driver_sql(
        f"INSERT INTO canteen_card_counter (id, last_number) VALUES (1, {len(cards)})"
    )
    per_day = scale.planned["meals"] / MEAL_DAYS
    intakes = [_as_date(intake[pid]) for pid in users_]
    total = 0
    batch: list[tuple[Any, ...]] = []
    meal_id = 0
    columns = (
        "id",
        "person_id",
        "meal_date",
        "meal_type",
        "card_id",
        "recorded_at",
        "recorded_by_user_id",
        "backdated",
    )
    carry = 0.0
    for offset in range(MEAL_DAYS):
        day = first_day + dt.timedelta(days=offset)
        eligible = bisect.bisect_right(intakes, day)
        if not eligible:
            continue
        for meal, share in MEAL_SHARES:
            carry += per_day * share
            count = min(int(carry), eligible)
            carry -= count
            hour = {"colazione": 7, "pranzo": 12, "cena": 19}[meal]
            for index in rng.sample(range(eligible), count):
                pid = users_[index]
                meal_id += 1
                moment = dt.datetime.combine(day, dt.time(hour, rng.randint(0, 59)))
                batch.append(
                    (
                        meal_id,
                        pid,
                        _db_date(day, sqlite),
                        meal,
                        card_of[pid],
                        _db_moment(moment, sqlite),
                        None,
                        False,
                    )
                )
            if len(batch) >= CHUNK * 4:
                _driver_insert(connection, "meal", columns, batch)
                total += len(batch)
                batch = []
    if batch:
        _driver_insert(connection, "meal", columns, batch)
        total += len(batch)
    if connection.dialect.name == "postgresql":
        for table in ("meal", "canteen_card"):
            connection.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
    return total


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _db_date(value: dt.date, sqlite: bool) -> Any:
    return value.isoformat() if sqlite else value


def _db_moment(value: dt.datetime, sqlite: bool) -> Any:
    """A naive UTC moment as the UTCDateTime column stores it."""
    return value.strftime("%Y-%m-%d %H:%M:%S.%f") if sqlite else value


# --- persons --------------------------------------------------------------------------------

ITALIAN_SHARE = 0.2
# Comuni of birth for the Italian persons (Belfiore codes), the office's region first.
ITALIAN_COMUNI = ("A271", "A271", "A271", "E388", "E783", "H501", "F205", "F839", "L219", "A662")
PERMIT_DUE_SHARE = 0.028  # of the permit holders (72 % of all): about 2 % of all persons
_OMOCODIA = "LMNPQRSTUV"
_CF_DIGIT_POSITIONS = (14, 13, 12, 10, 9, 7, 6)  # replaced right to left
_CUI_CHARS = "ABCDEFGHJKLMNPRSTUVZ0123456789"


def _weighted_table(weights: dict[Any, int]) -> tuple[list[Any], list[int]]:
    keys = list(weights)
    total = 0
    cumulative = []
    for key in keys:
        total += weights[key]
        cumulative.append(total)
    return keys, cumulative


def _pick(rng: random.Random, table: tuple[list[Any], list[int]]) -> Any:
    keys, cumulative = table
    return rng.choices(keys, cum_weights=cumulative)[0]


@dataclass
class _Uniques:
    fiscal_codes: set[str] = field(default_factory=set)
    cuis: set[str] = field(default_factory=set)
    omocodia: int = 0

    def fiscal_code(self, code: str) -> str | None:
        """The code, or its first omocodia variant nobody holds yet."""
        if code not in self.fiscal_codes:
            self.fiscal_codes.add(code)
            return code
        chars = list(code[:15])
        for position in _CF_DIGIT_POSITIONS:
            chars[position] = _OMOCODIA[int(chars[position])]
            partial = "".join(chars)
            variant = partial + encode_cin(partial)
            if variant not in self.fiscal_codes:
                self.fiscal_codes.add(variant)
                self.omocodia += 1
                return variant
        return None

    def cui(self, rng: random.Random) -> str:
        while True:
            value = "".join(rng.choices(_CUI_CHARS, k=10))
            if value not in self.cuis:
                self.cuis.add(value)
                return value


def _person_input(
    rng: random.Random,
    index: int,
    today: dt.date,
    staff_ids: list[int],
    referrer_ids: list[int],
    uniques: _Uniques,
) -> persons.PersonInput:
    """One realistic beneficiary, as the person form would send it."""
    italian = rng.random() < ITALIAN_SHARE
    sex = "F" if rng.random() < 0.3 else "M"
    if italian:
        last, first = demo_names.italian_full_name(rng, sex)  # type: ignore[arg-type]
        state, birth_place = "Z000", rng.choice(ITALIAN_COMUNI)
        languages = "italiano"
    else:
        origin = demo_names.pick_origin(rng)
        last, first = demo_names.full_name(rng, origin, sex)  # type: ignore[arg-type]
        state = birth_place = origin.state_code
        languages = ", ".join(origin.languages[: rng.randint(1, len(origin.languages))])
    intake = today - dt.timedelta(days=rng.randint(0, 6 * 365))
    age = rng.choices((17, 21, 40, 62), weights=(3, 22, 60, 15))[0] + rng.randint(0, 12)
    birth = intake - dt.timedelta(days=age * 365 + rng.randint(0, 364))
    data = persons.PersonInput(
        code=f"{CODE_PREFIX}{index:06d}",
        last_name=last,
        first_name=first,
        sex=sex,
        birth_date=birth,
        birth_place_code=birth_place,
        citizenship_code=state,
        intake_date=intake,
        languages=languages,
        phone=f"+39 3{rng.randint(20, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        if rng.random() < 0.7
        else None,
        referring_organisation_id=rng.choice(referrer_ids) if rng.random() < 0.8 else None,
        reference_staff_id=rng.choice(staff_ids) if rng.random() < 0.9 else None,
        consent_privacy=True,
        consent_privacy_on=intake,
        employment=_pick(rng, _EMPLOYMENT),
        ethos_at_intake=_pick(rng, _ETHOS),
        disability=rng.choices(("no", "si", "non dichiarato"), weights=(85, 5, 10))[0],
        education_isced=rng.randint(0, 8) if rng.random() < 0.8 else None,
    )
    if rng.random() < 0.85:
        data.fiscal_code = uniques.fiscal_code(
            codice_fiscale.compute(last, first, sex, birth, birth_place)
        )
    if rng.random() < 0.4:
        data.cui = uniques.cui(rng)
    if not italian and rng.random() < 0.9:
        if rng.random() < PERMIT_DUE_SHARE:
            expires = today + dt.timedelta(days=rng.randint(-40, 60))
        else:
            expires = today + dt.timedelta(days=rng.randint(61, 730))
        data.permit_reason = _pick(rng, _PERMIT)
        data.permit_type = "Permesso di soggiorno elettronico"
        data.permit_number = f"I{rng.randint(1_000_000, 9_999_999)}"
        data.permit_issuer = rng.choice(demo_names.QUESTURE)
        data.permit_issued_on = min(expires - dt.timedelta(days=365), today)
        data.permit_expires_on = expires
    return data


_EMPLOYMENT = _weighted_table(
    {"disoccupato": 35, "disoccupato di lunga durata": 20, "occupato": 20, "inattivo": 15}
)
_ETHOS = _weighted_table({1: 14, 2: 10, 3: 12, 5: 10, 6: 3, 7: 4, 8: 14, 9: 6, 11: 6, 12: 6, 0: 8})
_PERMIT = _weighted_table(
    {
        "richiesta asilo": 18,
        "protezione sussidiaria": 12,
        "protezione speciale": 12,
        "asilo politico": 8,
        "lavoro subordinato": 14,
        "famiglia": 10,
        "UE soggiornante di lungo periodo": 8,
        "altro": 2,
    }
)


def person_inputs(
    count: int,
    seed: int = DEFAULT_SEED,
    today: dt.date | None = None,
    staff_ids: list[int] | None = None,
    referrer_ids: list[int] | None = None,
) -> Iterator[persons.PersonInput]:
    """``count`` normalised persons (codes B-000001...), as the person form would send
    them; without staff and organisation ids unless given (the import workbook)."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    uniques = _Uniques()
    for index in range(1, count + 1):
        data = _person_input(rng, index, today, staff_ids or [0], referrer_ids or [0], uniques)
        if not staff_ids:
            data.reference_staff_id = None
        if not referrer_ids:
            data.referring_organisation_id = None
        yield persons.normalise(data)


def person_chunks(
    scale: Scale,
    seed: int,
    today: dt.date,
    staff_ids: list[int],
    referrer_ids: list[int],
    uniques: _Uniques,
) -> Iterator[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    """(person rows, search-token rows) in chunks of :data:`CHUNK` persons; ids 1..n."""
    rng = random.Random(seed)
    created = dt.datetime.combine(today, dt.time(8), tzinfo=dt.UTC)
    columns = persons._COLUMN_FIELDS
    person_rows: list[dict[str, Any]] = []
    token_rows: list[dict[str, Any]] = []
    for person_id in range(1, scale.persons + 1):
        data = persons.normalise(
            _person_input(rng, person_id, today, staff_ids, referrer_ids, uniques)
        )
        # What create_person would store: the same apply_input and search_tokens, on a plain
        # object instead of a mapped Person.
        record = SimpleNamespace()
        apply_input(record, data)  # type: ignore[arg-type]
        row = {name: getattr(record, name) for name in columns}
        row.update(
            id=person_id,
            declined_fields=record.declined_fields,
            sort_key=record.sort_key,
            version=1,
            created_at=created,
            updated_at=created,
        )
        person_rows.append(row)
        token_rows.extend(
            {"token": token, "person_id": person_id}
            for token in persons.search_tokens(record)  # type: ignore[arg-type]
        )
        if len(person_rows) == CHUNK:
            yield person_rows, token_rows
            person_rows, token_rows = [], []
    if person_rows:
        yield person_rows, token_rows


# --- the build -------------------------------------------------------------------------------


@dataclass
class BuildResult:
    url: str
    scale: str
    persons: int = 0
    tokens: int = 0
    omocodia: int = 0
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


def _staff_and_organisations(
    connection: Connection, scale: Scale, rng: random.Random
) -> tuple[list[int], list[int]]:
    orgs = [
        {"id": i + 1, "name": name, "is_referrer": True, "version": 1}
        for i, name in enumerate(demo_names.REFERRING_BODIES)
    ]
    for org in orgs:
        org.update(is_partner=False, is_internship_host=False, active=True)
    connection.execute(insert(Organisation), orgs)
    staff = []
    for i in range(scale.staff):
        female = rng.random() < 0.7
        last, first = demo_names.italian_full_name(rng, "F" if female else "M")
        staff.append(
            {
                "id": i + 1,
                "last_name": last,
                "first_name": first,
                "is_volunteer": rng.random() < 0.2,
                "active": True,
                "version": 1,
            }
        )
    connection.execute(insert(StaffMember), staff)
    return [s["id"] for s in staff], [o["id"] for o in orgs]


def _reset_sequences(connection: Connection) -> None:
    """Explicit ids leave PostgreSQL's sequences at 1: move them past the rows."""
    if connection.dialect.name != "postgresql":
        return
    for table in ("person", "organisation", "staff_member"):
        connection.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
        )


# --- street contacts (unità di strada) -------------------------------------------------------

STREET_ZONE_NAMES = (
    "Stazione centrale",
    "Piazza Cavour",
    "Porto",
    "Piano San Lazzaro",
    "Centro storico",
    "Passetto",
    "Archi",
    "Torrette",
)
STREET_PLACES = (
    "Stazione centrale, atrio",
    "Piazza Rosselli",
    "Piazza Cavour, portici",
    "Corso Garibaldi",
    "Porto, varco Da Chio",
    "Mole Vanvitelliana",
    "Piazza d'Armi",
    "Via Giordano Bruno",
    "Piazza del Plebiscito",
    "Mercato delle Erbe",
    "Viale della Vittoria",
    "Via Marconi",
    "Ospedale di Torrette, ingresso",
)
STREET_SERVICES = ("coperte", "pasto", "bevanda calda", "informazioni", "invio a servizio")


@extra_kind("street_contacts", table="street_contact")
def _street_contacts(
    connection: Connection, scale: Scale, rng: random.Random, today: dt.date, person_ids: list[int]
) -> int:
    """Three years of night contacts: a few per night between 21:00 and 01:30, half with a
    registered person (one whose intake date is on or before the contact), the others
    anonymous; two operators each; services as the unit gives them."""
    import bisect

    from tit_desktop.models import (
        StreetContact,
        StreetContactPerson,
        StreetContactService,
        StreetContactStaff,
        StreetZone,
    )

    total = scale.planned["street_contacts"]
    intakes = sorted(
        (day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)), pid)
        for pid, day in connection.execute(text("SELECT id, intake_date FROM person"))
    )
    days = [day for day, _ in intakes]
    staff = [row[0] for row in connection.execute(text("SELECT id FROM staff_member"))]
    connection.execute(
        insert(StreetZone),
        [
            {"id": i, "name": n, "active": True, "version": 1}
            for i, n in enumerate(STREET_ZONE_NAMES, 1)
        ],
    )
    start = today - dt.timedelta(days=3 * 365)
    span = (today - start).days
    contacts: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    teams: list[dict[str, Any]] = []
    given: list[dict[str, Any]] = []

    def flush() -> None:
        for table, rows in (
            (StreetContact, contacts),
            (StreetContactPerson, links),
            (StreetContactStaff, teams),
            (StreetContactService, given),
        ):
            if rows:
                connection.execute(insert(table), rows)
                rows.clear()

    for contact_id in range(1, total + 1):
        day = start + dt.timedelta(days=contact_id * span // total)
        minutes = 21 * 60 + rng.randint(0, 270)
        moment = dt.datetime.combine(day, dt.time(0, 0)) + dt.timedelta(minutes=minutes)
        local = moment.astimezone()
        eligible = bisect.bisect_right(days, local.date())
        kind = rng.random()
        met = 0 if eligible == 0 or kind >= 0.55 else (1 if kind < 0.47 else 2)
        chosen = {intakes[rng.randrange(eligible)][1] for _ in range(met)}
        anonymous_m = 0 if chosen and rng.random() < 0.8 else rng.choice((1, 1, 1, 2, 3))
        anonymous_f = rng.choice((0, 0, 0, 1)) if anonymous_m else 0
        contacts.append(
            {
                "id": contact_id,
                "occurred_on": local.date(),
                "occurred_at": local,
                "place": rng.choice(STREET_PLACES),
                "zone_id": rng.randint(1, len(STREET_ZONE_NAMES)),
                "anonymous_f": anonymous_f,
                "anonymous_m": anonymous_m,
                "notes": None,
                "version": 1,
            }
        )
        links.extend({"contact_id": contact_id, "person_id": p} for p in sorted(chosen))
        teams.extend(
            {"contact_id": contact_id, "staff_id": s}
            for s in rng.sample(staff, k=min(2, len(staff)))
        )
        given.extend(
            {"contact_id": contact_id, "service": s}
            for s, chance in zip(STREET_SERVICES, (0.4, 0.3, 0.7, 0.25, 0.1), strict=True)
            if rng.random() < chance
        )
        if len(contacts) >= CHUNK:
            flush()
    flush()
    if connection.dialect.name == "postgresql":
        for table in ("street_zone", "street_contact"):
            connection.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
    return total


def build(
    url: str,
    scale_name: str = "city",
    seed: int = DEFAULT_SEED,
    today: dt.date | None = None,
    report: Callable[[str], None] = print,
) -> BuildResult:
    """Create the schema and fill an EMPTY database with the scale's dataset."""
    scale = SCALES[scale_name]
    today = today or dt.date.today()
    result = BuildResult(url=url, scale=scale_name)
    started = time.perf_counter()
    db = Database(url)
    try:
        mark = time.perf_counter()
        schema.upgrade(db, make_backup=False)
        result.phases["schema"] = time.perf_counter() - mark
        with db.engine.connect() as connection:
            if connection.exec_driver_sql("SELECT COUNT(*) FROM person").scalar():
                raise SystemExit(f"{url}: the database already holds persons")
        mark = time.perf_counter()
        with db.transaction(SYSTEM) as session:
            users.add_user(session, SYSTEM, BENCH_USER, Role.ADMIN, BENCH_PASSWORD, "Benchmark")
        result.phases["user"] = time.perf_counter() - mark

        uniques = _Uniques()
        generate = insert_time = 0.0
        with db.engine.begin() as connection:
            # A generated dataset, not a user's change: no audit rows, like a restore.
            connection.execution_options(**audit.audited_elsewhere("dataset di prova"))
            staff_ids, referrer_ids = _staff_and_organisations(
                connection, scale, random.Random(seed + 1)
            )
            chunks = person_chunks(scale, seed, today, staff_ids, referrer_ids, uniques)
            while True:
                mark = time.perf_counter()
                chunk = next(chunks, None)
                generate += time.perf_counter() - mark
                if chunk is None:
                    break
                person_rows, token_rows = chunk
                mark = time.perf_counter()
                connection.execute(insert(Person), person_rows)
                for start in range(0, len(token_rows), CHUNK * 2):
                    connection.execute(
                        insert(PersonSearchToken), token_rows[start : start + CHUNK * 2]
                    )
                insert_time += time.perf_counter() - mark
                result.persons += len(person_rows)
                result.tokens += len(token_rows)
                if result.persons % 20_000 == 0:
                    report(f"  {result.persons:,} persons")
            _reset_sequences(connection)
            present = set(inspect(connection).get_table_names())
            person_ids = list(range(1, result.persons + 1))
            for name in scale.planned:
                kind = EXTRA_KINDS.get(name)
                if kind is None or kind.table not in present:
                    why = "no builder yet" if kind is None else f"no table {kind.table}"
                    result.skipped.append(f"{name} ({why})")
                    continue
                mark = time.perf_counter()
                rows = kind.build(
                    connection, scale, random.Random(f"{seed}-{name}"), today, person_ids
                )
                result.phases[name] = time.perf_counter() - mark
                report(f"  {name}: {rows:,} rows")
        result.phases["generate persons (Python)"] = generate
        result.phases["insert persons + tokens"] = insert_time
        result.omocodia = uniques.omocodia
        if db.url.get_backend_name() == "postgresql":
            # What autovacuum does shortly after a bulk load: statistics and visibility map.
            mark = time.perf_counter()
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.exec_driver_sql("VACUUM ANALYZE")
            result.phases["vacuum analyze"] = time.perf_counter() - mark
    finally:
        db.dispose()
    result.seconds = time.perf_counter() - started
    return result


def describe(result: BuildResult) -> str:
    lines = [
        f"built {result.scale}: {result.persons:,} persons, {result.tokens:,} search tokens "
        f"({result.omocodia} codici fiscali with omocodia) in {result.seconds:.1f} s",
    ]
    lines += [f"  {name:<28} {seconds:6.2f} s" for name, seconds in result.phases.items()]
    if result.skipped:
        lines.append("  skipped: " + ", ".join(result.skipped))
    return "\n".join(lines)


# --- PostgreSQL databases of one run ---------------------------------------------------------


def _server_url(url: URL) -> URL:
    return url.set(database="postgres")


def create_postgres_database(url: str) -> None:
    parsed = make_url(url).set(drivername="postgresql+psycopg")
    engine = create_engine(_server_url(parsed), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    engine.dispose()


def drop_postgres_database(url: str) -> None:
    parsed = make_url(url).set(drivername="postgresql+psycopg")
    engine = create_engine(_server_url(parsed), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
    engine.dispose()


def sqlite_url(path: Path) -> str:
    return "sqlite:///" + path.resolve().as_posix()


# --- housing: units, beds and stays (bed-nights) ------------------------------------------

# (kind, share of the beds, beds per unit, shortest and longest stay in nights)
_HOUSING_MIX = (
    ("accoglienza notturna", 0.45, 20, 2, 45),
    ("co-housing", 0.40, 6, 30, 240),
    ("housing first", 0.15, 2, 180, 720),
)
_HOUSING_YEARS = 3
_HOUSING_OCCUPANCY = 0.85


@extra_kind("bed_nights", table="stay")
def _bed_nights(
    connection: Connection, scale: Scale, rng: random.Random, today: dt.date, person_ids: list[int]
) -> int:
    """Units and beds enough for the planned bed-nights over 3 years at about 85 % occupancy,
    filled bed by bed with stays of the unit's kind (persons after their intake date, never in
    two beds the same night), the last ones still open tonight; stops at exactly the planned
    number of nights (an open stay counts its nights up to tonight). Returns the bed-nights."""
    from tit_desktop.models import Bed, HousingUnit, Stay

    target = scale.planned["bed_nights"]
    start = today - dt.timedelta(days=365 * _HOUSING_YEARS)
    tomorrow = today + dt.timedelta(days=1)
    total_beds = int(target / ((tomorrow - start).days * _HOUSING_OCCUPANCY)) + 1
    intakes = {
        person_id: day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
        for person_id, day in connection.execute(text("SELECT id, intake_date FROM person"))
    }
    units: list[dict[str, Any]] = []
    beds: list[tuple[int, str]] = []  # (unit id, kind), in insert order: bed id = index + 1
    for kind, share, per_unit, _low, _high in _HOUSING_MIX:
        kind_beds = max(int(total_beds * share), per_unit)
        for n in range(0, kind_beds, per_unit):
            units.append(
                {
                    "name": f"{kind.title()} {len(units) + 1:04d}",
                    "address": f"Via di prova {len(units) + 1}",
                    "kind": kind,
                    "active_from": start,
                    "active_to": None,
                    "notes": None,
                    "version": 1,
                }
            )
            beds.extend((len(units), kind) for _label in range(min(per_unit, kind_beds - n)))
    connection.execute(insert(HousingUnit), units)
    bed_rows = []
    labels: dict[int, int] = {}
    for unit_number, _kind in beds:
        labels[unit_number] = labels.get(unit_number, 0) + 1
        bed_rows.append(
            {
                "unit_id": unit_number,
                "label": str(labels[unit_number]),
                "active": True,
                "version": 1,
            }
        )
    connection.execute(insert(Bed), bed_rows)
    lengths = {kind: (low, high) for kind, _s, _p, low, high in _HOUSING_MIX}
    busy: dict[int, list[tuple[dt.date, dt.date]]] = {}
    far = dt.date(9999, 12, 31)
    nights = 0
    stays: list[dict[str, Any]] = []
    for bed_index, (_unit_id, kind) in enumerate(beds):
        if nights >= target:
            break
        bed_id = bed_index + 1
        low, high = lengths[kind]
        day = start + dt.timedelta(days=rng.randint(0, 30))
        while day < tomorrow and nights < target:
            person = 0
            for _try in range(30):
                candidate = rng.choice(person_ids)
                if intakes[candidate] <= day and all(
                    not (a < day + dt.timedelta(days=high) and day < b)
                    for a, b in busy.get(candidate, ())
                ):
                    person = candidate
                    break
            if not person:
                day += dt.timedelta(days=rng.randint(1, 5))
                continue
            length = rng.randint(low, high)
            al: dt.date | None = day + dt.timedelta(days=length)
            assert al is not None
            if al >= tomorrow:
                al = None
            counted = ((al or tomorrow) - day).days
            if nights + counted > target:
                al = day + dt.timedelta(days=target - nights)
                counted = target - nights
            nights += counted
            stays.append(
                {
                    "person_id": person,
                    "bed_id": bed_id,
                    "dal": day,
                    "al": al,
                    "exit_destination": "sconosciuta" if al is not None and al <= today else None,
                    "notes": None,
                    "version": 1,
                }
            )
            busy.setdefault(person, []).append((day, al or far))
            if al is None:
                break
            day = al + dt.timedelta(days=rng.choice((0, 0, 1, 2, 5)))
        if len(stays) >= CHUNK:
            connection.execute(insert(Stay), stays)
            stays = []
    if stays:
        connection.execute(insert(Stay), stays)
    return nights


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="city")
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--out", type=Path, help="SQLite file to create")
    target.add_argument("--database", help="URL of an empty database")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--create-database", action="store_true", help="PostgreSQL: create it first"
    )
    parser.add_argument(
        "--drop-database", action="store_true", help="PostgreSQL: only drop it, and stop"
    )
    args = parser.parse_args()
    if args.database:
        url = args.database
    else:
        path = args.out or Path(tempfile.mkdtemp(prefix="tit-bench-")) / f"{args.scale}.sqlite3"
        if path.exists():
            raise SystemExit(f"{path} exists already")
        url = sqlite_url(path)
    if args.drop_database:
        drop_postgres_database(url)
        return
    if args.create_database:
        create_postgres_database(url)
    print(f"building {args.scale} into {url}")
    print(describe(build(url, args.scale, args.seed)))


# --- accoglienza in famiglia -----------------------------------------------------------------

FAMILIES_PER_AGREEMENTS = 5  # a family hosts about five persons over three years


@extra_kind("hosting_agreements", table="hosting_agreement")
def _hosting(
    connection: Connection, scale: Scale, rng: random.Random, today: dt.date, person_ids: list[int]
) -> int:
    """Host families, agreements of 3-12 months (one per person, so none overlaps) over the
    last three years, and their ledgers: every month due, paid a few days after its end
    except the last month or two (and about 3 % left unpaid), as the services write them
    (``hosting.months_of`` / ``hosting.amount_for_month``)."""
    from tit_desktop.models import HostFamily, HostingAgreement, HostingContribution, HostingTime
    from tit_desktop.services import hosting

    count = min(scale.planned["hosting_agreements"], len(person_ids))
    families = max(1, count // FAMILIES_PER_AGREEMENTS)
    family_rows = []
    for number in range(1, families + 1):
        last, first = demo_names.italian_full_name(rng, rng.choice(["F", "M"]))
        family_rows.append(
            {
                "id": number,
                "name": f"Famiglia {last} {number}",
                "contact_person": f"{first} {last}",
                "address": f"{rng.choice(demo_names.ANCONA_STREETS)} {rng.randint(1, 120)}",
                "iban": "IT60X0542811101000000123456",
                "active": True,
                "version": 1,
            }
        )
    connection.execute(insert(HostFamily), family_rows)
    chosen = rng.sample(person_ids, count)
    intake: dict[int, dt.date] = {}
    for start in range(0, len(chosen), 900):
        part = chosen[start : start + 900]
        query = select(Person.id, Person.intake_date).where(Person.id.in_(part))
        intake.update((pid, day) for pid, day in connection.execute(query))
    agreements = []
    contributions = []
    amounts = {
        HostingTime.PART: hosting.DEFAULT_AMOUNTS[HostingTime.PART],
        HostingTime.FULL: hosting.DEFAULT_AMOUNTS[HostingTime.FULL],
    }
    for number, person_id in enumerate(chosen, start=1):
        first_day = intake[person_id]
        start_day = first_day + dt.timedelta(days=rng.randint(0, 60))
        if start_day > today:
            start_day = today
        months = rng.choice([3, 6, 6, 6, 12])
        end_day: dt.date | None = start_day + dt.timedelta(days=round(months * 30.4) - 1)
        if end_day is not None and end_day > today and rng.random() < 0.3:
            end_day = None
        time_kind = HostingTime.FULL if rng.random() < 0.3 else HostingTime.PART
        amount = amounts[time_kind]
        agreements.append(
            {
                "id": number,
                "family_id": rng.randint(1, families),
                "person_id": person_id,
                "start_date": start_day,
                "end_date": end_day,
                "time": time_kind,
                "monthly_amount": amount,
                "version": 1,
            }
        )
        for month in hosting.months_of(start_day, end_day, today):
            _days, due = hosting.amount_for_month(amount, start_day, end_day, month)
            paid_on = hosting.last_of_month(month) + dt.timedelta(days=rng.randint(3, 20))
            paid = paid_on <= today and rng.random() > 0.03
            contributions.append(
                {
                    "agreement_id": number,
                    "month": month,
                    "amount_due": due,
                    "paid_on": paid_on if paid else None,
                    "paid_amount": due if paid else None,
                    "version": 1,
                }
            )
    for start in range(0, len(agreements), CHUNK):
        connection.execute(insert(HostingAgreement), agreements[start : start + CHUNK])
    for start in range(0, len(contributions), CHUNK):
        connection.execute(insert(HostingContribution), contributions[start : start + CHUNK])
    if connection.dialect.name == "postgresql":
        for table in ("host_family", "hosting_agreement", "hosting_contribution"):
            connection.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
    return len(agreements) + len(contributions)


if __name__ == "__main__":
    main()
