"""The person registry at city or metropolis scale: the real services against raw SQL.

    python benchmarks/registry.py [--scale city|metropolis] [--database URL]
                                  [--create-database] [--repeat N] [--explain] [--keep]

Builds the dataset (benchmarks/dataset.py; a temporary SQLite file unless ``--database``
names a database, which is built when it holds no persons and reused when it does), then
times, in the same run and on the same data:

* the REAL operations, as the window does them: a short session per call
  (``Database.reading()`` / ``Database.transaction()``), then the service function;
* the same work as a hand-written SQL string run on one DBAPI connection held open for the
  whole run (``engine.raw_connection()``, so SQLite has the application's PRAGMAs): the floor
  the services could reach. Each raw query is checked to return what the service returns.

and prints, per operation, p50/p95 of both, their ratio, the target and whether it is met,
and the rule "no figure more than 2x its raw SQL floor plus 20 ms" (checked on p95). Then
the cold start with this database (benchmarks/startup.py) and the peak memory of a process
that logs in, opens the main window (home screen and Beneficiari list) and runs 50 searches.
For every row that misses its target or the floor rule, the plan of its slowest sample is
printed (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL); ``--explain`` prints
them for every row.

PostgreSQL: ``--create-database`` creates the database named in the URL (it must not exist)
and drops it at the end unless ``--keep``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dataset import (
    BENCH_PASSWORD,
    BENCH_USER,
    DEFAULT_SEED,
    SCALES,
    apply_input,
    build,
    create_postgres_database,
    describe,
    drop_postgres_database,
    person_inputs,
    sqlite_url,
)
from sqlalchemy.engine import make_url

from tit_desktop.models.audit import AuditAction
from tit_desktop.models.user import Role
from tit_desktop.services import clock, dashboard, persons, schema, users
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import SYSTEM, Actor
from tit_desktop.services.text import fold, fold_key

HERE = Path(__file__).resolve().parent
VISIBLE_ROWS = 60

# Targets (ms, on p95). They are stated for the metropolis; the city must meet them too.
SEARCH_TARGET_MS = 50
LIST_TARGET_MS = 300  # list open; sorting and filters reload the same list: same target
RECORD_TARGET_MS = 100
MEMORY_TARGET_MB = 400


# --- raw SQL on one DBAPI connection -------------------------------------------------------


class Raw:
    """A DBAPI connection held open, and SQL written with ``?`` placeholders."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.sqlite = db.is_sqlite
        self.connection = db.engine.raw_connection()

    def _sql(self, sql: str) -> str:
        return sql if self.sqlite else sql.replace("?", "%s")

    def _params(self, params: Sequence[Any]) -> list[Any]:
        if not self.sqlite:
            return list(params)
        # The SQLite dialect stores dates and datetimes as ISO text.
        out: list[Any] = []
        for value in params:
            if isinstance(value, dt.datetime):
                out.append(value.strftime("%Y-%m-%d %H:%M:%S.%f"))
            elif isinstance(value, dt.date):
                out.append(value.isoformat())
            else:
                out.append(value)
        return out

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cursor = self.connection.cursor()
        cursor.execute(self._sql(sql), self._params(params))
        rows = cursor.fetchall()
        cursor.close()
        if not self.sqlite:
            self.connection.rollback()  # a read ends its transaction, as a session does
        return rows

    def write(self, statements: Sequence[tuple[str, Sequence[Any]]]) -> list[tuple[Any, ...]]:
        """Run statements in one transaction; return the first one's rows."""
        cursor = self.connection.cursor()
        if self.sqlite:
            cursor.execute("BEGIN")
        first: list[tuple[Any, ...]] = []
        for index, (sql, params) in enumerate(statements):
            cursor.execute(self._sql(sql), self._params(params))
            if index == 0:
                first = cursor.fetchall()
        if self.sqlite:
            cursor.execute("COMMIT")
        else:
            self.connection.commit()
        cursor.close()
        return first

    def explain(self, sql: str, params: Sequence[Any]) -> list[str]:
        if self.sqlite:
            rows = self.fetch("EXPLAIN QUERY PLAN " + sql, params)
            depth: dict[int, int] = {0: 0}
            lines = []
            for node, parent, _unused, detail in rows:
                depth[node] = depth.get(parent, 0) + 1
                lines.append("  " * depth[node] + detail)
            return lines
        rows = self.fetch("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, params)
        return ["  " + r[0] for r in rows]

    def close(self) -> None:
        self.connection.close()


SORT_COLUMNS = {
    "name": "p.sort_key",
    "code": "p.code",
    "birth_date": "p.birth_date",
    "intake_date": "p.intake_date",
    "permit_expires_on": "p.permit_expires_on",
}
ROW_COLUMNS = (
    "id, code, last_name, first_name, sex, birth_date, citizenship_code, fiscal_code, "
    "intake_date, permit_expires_on, ethos_at_intake"
)


def list_sql(
    flt: persons.PersonFilter,
    sort: str = "name",
    descending: bool = False,
    words: list[str] | None = None,
) -> tuple[str, list[Any]]:
    """The ids of the matching persons in display order, written by hand. ``words``
    replaces the service's splitting of ``flt.text`` (for the what-if)."""
    where = ["p.merged_into_id IS NULL"]
    if not flt.include_anonymised:
        where.append("p.anonymised_at IS NULL")
    params: list[Any] = []
    for word in persons.search_words(flt.text) if words is None else words:
        word = word[:64]
        where.append(
            "p.id IN (SELECT t.person_id FROM person_search_token t "
            "WHERE t.token >= ? AND t.token < ?)"
        )
        params += [word, word[:-1] + chr(ord(word[-1]) + 1)]
    if flt.citizenship_code:
        where.append("p.citizenship_code = ?")
        params.append(flt.citizenship_code)
    if flt.ethos is not None:
        where.append("p.ethos_at_intake = ?")
        params.append(flt.ethos)
    if flt.permit_expiring_within_days is not None:
        where.append("p.permit_expires_on <= ?")
        params.append(clock.today() + dt.timedelta(days=flt.permit_expiring_within_days))
    if flt.reference_staff_id is not None:
        where.append("p.reference_staff_id = ?")
        params.append(flt.reference_staff_id)
    order = SORT_COLUMNS[sort] + (" DESC" if descending else "")
    if sort != "name":
        order += ", p.sort_key"
    sql = f"SELECT p.id FROM person p WHERE {' AND '.join(where)} ORDER BY {order}, p.id"
    return sql, params


def rows_sql(ids: Sequence[int]) -> tuple[str, list[Any]]:
    marks = ", ".join("?" for _ in ids)
    return f"SELECT {ROW_COLUMNS} FROM person WHERE id IN ({marks})", list(ids)


EXPIRING_SQL = (
    "SELECT id, code, last_name, first_name, permit_reason, permit_expires_on FROM person "
    "WHERE permit_expires_on IS NOT NULL AND permit_expires_on <= ? "
    "AND anonymised_at IS NULL AND merged_into_id IS NULL "
    "ORDER BY permit_expires_on, sort_key LIMIT ?"
)
HOME_COUNT_SQL = (
    "SELECT COUNT(*) FROM person WHERE anonymised_at IS NULL AND merged_into_id IS NULL"
)
RECORD_SQL = (
    "SELECT p.*, o.name, s.last_name, s.first_name FROM person p "
    "LEFT JOIN organisation o ON o.id = p.referring_organisation_id "
    "LEFT JOIN staff_member s ON s.id = p.reference_staff_id "
    "WHERE p.id = ? AND p.merged_into_id IS NULL"
)
AUDIT_SQL = (
    "INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, changes, detail) "
    "VALUES (?, ?, ?, ?, 'person', ?, NULL, NULL)"
)


# --- measuring ---------------------------------------------------------------------------------


@dataclass(eq=False)
class Sample:
    """One input of an operation: what the service gets, and the raw SQL doing the same."""

    label: str
    real: Callable[[], Any]
    raw: Callable[[], Any]
    explain: tuple[str, list[Any]] | None = None
    real_ms: list[float] = field(default_factory=list)
    raw_ms: list[float] = field(default_factory=list)
    matches: int | None = None
    mismatch: str | None = None


def percentile(values: list[float], pct: int) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


@dataclass
class Row:
    name: str
    target_ms: float | None
    samples: list[Sample]

    @property
    def real(self) -> list[float]:
        return [t for s in self.samples for t in s.real_ms]

    @property
    def raw(self) -> list[float]:
        return [t for s in self.samples for t in s.raw_ms]

    @property
    def matches(self) -> list[int]:
        return [s.matches for s in self.samples if s.matches is not None]

    @property
    def mismatches(self) -> list[str]:
        return [f"{s.label!r}: {s.mismatch}" for s in self.samples if s.mismatch]

    @property
    def slowest(self) -> tuple[float, Sample] | None:
        timed = [(max(s.real_ms), s) for s in self.samples if s.real_ms]
        return max(timed, key=lambda pair: pair[0]) if timed else None

    def real_p(self, pct: int) -> float:
        return percentile(self.real, pct)

    def raw_p(self, pct: int) -> float:
        return percentile(self.raw, pct)

    @property
    def meets_target(self) -> bool | None:
        return None if self.target_ms is None else self.real_p(95) <= self.target_ms

    @property
    def meets_floor(self) -> bool:
        return self.real_p(95) <= 2 * self.raw_p(95) + 20


def measure(
    name: str,
    samples: list[Sample],
    repeat: int,
    target_ms: float | None,
    check: Callable[[Any, Any], str | None] | None = None,
    count: Callable[[Any], int] | None = None,
) -> Row:
    """Warm up once (and compare the results), then time real and raw alternately,
    ``repeat`` times per sample."""
    for sample in samples:
        real_result = sample.real()
        raw_result = sample.raw()
        sample.mismatch = check(real_result, raw_result) if check else None
        if count is not None:
            sample.matches = count(real_result)
    for _ in range(repeat):
        for sample in samples:
            start = time.perf_counter()
            sample.real()
            sample.real_ms.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            sample.raw()
            sample.raw_ms.append((time.perf_counter() - start) * 1000)
    return Row(name, target_ms, samples)


# --- the operations ----------------------------------------------------------------------------


class Bench:
    def __init__(self, db: Database, actor: Actor, raw: Raw, repeat: int, seed: int) -> None:
        self.db = db
        self.actor = actor
        self.raw = raw
        self.repeat = repeat
        self.rng = random.Random(seed)
        self.full_codes: list[tuple[int, str]] = []
        self.full_cfs: list[tuple[int, str]] = []
        self.kinds = self.keystrokes()

    # The list: all matching keys, then the visible rows (two short sessions, as the page).
    def list_real(
        self, flt: persons.PersonFilter, sort: str = "name", descending: bool = False
    ) -> tuple[list[int], dict[int, persons.PersonRow]]:
        with self.db.reading() as session:
            ids = persons.search_ids(session, self.actor, flt, sort, descending)
        with self.db.reading() as session:
            rows = persons.rows_for(session, self.actor, ids[:VISIBLE_ROWS])
        return ids, rows

    def list_raw(
        self, flt: persons.PersonFilter, sort: str = "name", descending: bool = False
    ) -> tuple[list[int], list[tuple[Any, ...]]]:
        sql, params = list_sql(flt, sort, descending)
        ids = [r[0] for r in self.raw.fetch(sql, params)]
        rows = self.raw.fetch(*rows_sql(ids[:VISIBLE_ROWS])) if ids else []
        return ids, rows

    def list_sample(
        self, label: str, flt: persons.PersonFilter, sort: str = "name", descending: bool = False
    ) -> Sample:
        return Sample(
            label,
            lambda: self.list_real(flt, sort, descending),
            lambda: self.list_raw(flt, sort, descending),
            list_sql(flt, sort, descending),
        )

    @staticmethod
    def check_list(real: Any, raw: Any) -> str | None:
        real_ids, real_rows = real
        raw_ids, raw_rows = raw
        if real_ids != raw_ids:
            return f"ids differ ({len(real_ids)} real, {len(raw_ids)} raw)"
        if sorted(real_rows) != sorted(r[0] for r in raw_rows):
            return "visible rows differ"
        return None

    def measure_list(
        self, name: str, samples: list[Sample], target: float | None, repeat: int | None = None
    ) -> Row:
        return measure(
            name,
            samples,
            repeat or self.repeat,
            target,
            self.check_list,
            lambda result: len(result[0]),
        )

    # --- search as you type
    def keystrokes(self) -> dict[str, list[str]]:
        """About 200 texts, each word typed a letter at a time, from persons on file."""
        total = self.raw.fetch("SELECT COUNT(*) FROM person")[0][0]
        picks = self.rng.sample(range(1, total + 1), 40)
        found = self.raw.fetch(
            f"SELECT id, code, last_name, first_name, fiscal_code FROM person "
            f"WHERE id IN ({', '.join('?' for _ in picks)}) ORDER BY id",
            picks,
        )
        people = {r[0]: r for r in found}
        order = [people[p] for p in picks if p in people]

        def typed(text: str, longest: int) -> list[str]:
            return [text[:n] for n in range(1, min(len(text), longest) + 1)]

        kinds: dict[str, list[str]] = {
            "surname": [],
            "first name": [],
            "code": [],
            "codice fiscale": [],
            "two words": [],
        }
        with_cf = [p for p in order if p[4]]
        for person in order[:12]:
            kinds["surname"] += typed(fold(person[2]), 6)
        for person in order[:2]:  # typed as written, accents and capitals included
            kinds["surname"] += typed(person[2], 5)
        for person in order[12:20]:
            kinds["first name"] += typed(fold(person[3]).split()[0], 5)
        for person in order[20:24]:
            kinds["code"] += typed(person[1], 8)
        for person in with_cf[24:28]:
            kinds["codice fiscale"] += typed(person[4], 8)
        self.full_codes = [(p[0], p[1]) for p in order[20:24]]
        self.full_cfs = [(p[0], p[4]) for p in with_cf[24:28]]
        for person in order[28:33]:
            surname = fold(person[2])
            first = fold(person[3]).split()[0]
            kinds["two words"] += typed(surname, 4) + [
                f"{surname} {first[:n]}" for n in range(1, min(len(first), 3) + 1)
            ]
        return kinds

    def search_rows(self) -> list[Row]:
        """All keystrokes timed together, then shown by kind and by folded length."""
        # The page asks the database only when the searched words change
        # (PersonsPage._search_if_changed): a keystroke with no word of 2+ characters yet
        # leaves the list as it is and costs no query, so it is timed apart, below.
        by_kind: dict[str, list[Sample]] = {}
        unsearched: list[Sample] = []
        self.unsearched = 0
        for kind, texts in self.kinds.items():
            by_kind[kind] = []
            for t in texts:
                sample = self.list_sample(t, persons.PersonFilter(text=t))
                (by_kind[kind] if persons.search_words(t) else unsearched).append(sample)
        every = [s for samples in by_kind.values() for s in samples]
        everything = self.measure_list(
            f"search-as-you-type, all {len(every)} keystrokes", every, SEARCH_TARGET_MS
        )
        rows = [everything]
        for kind, samples in by_kind.items():
            rows.append(Row(f"  {kind} ({len(samples)})", SEARCH_TARGET_MS, samples))
        by_length: dict[str, list[Sample]] = {"3+": []}
        for sample in every:
            if len("".join(persons.search_words(sample.label))) >= 3:
                by_length["3+"].append(sample)
        rows.append(
            Row(
                f"  searched: 3+ characters ({len(by_length['3+'])})",
                SEARCH_TARGET_MS,
                by_length["3+"],
            )
        )
        if unsearched:
            rows.append(
                Row(
                    f"  (no query in the page) 1 letter: whole list ({len(unsearched)})",
                    LIST_TARGET_MS,
                    unsearched,
                )
            )
        return rows

    def code_search_hits(self) -> str:
        """Does a code / codice fiscale typed in full (as printed) find its person?"""
        lines = []
        for kind, wanted in (("code", self.full_codes), ("codice fiscale", self.full_cfs)):
            found = 0
            for person_id, text in wanted:
                with self.db.reading() as session:
                    ids = persons.search_ids(
                        session, self.actor, persons.PersonFilter(text=text), limit=20
                    )
                found += person_id in ids
            examples = ", ".join(repr(t) for _, t in wanted[:2])
            lines.append(f"{kind}: {found}/{len(wanted)} found (e.g. {examples})")
        return "; ".join(lines)

    # --- one record
    def record_samples(self) -> list[Sample]:
        total = self.raw.fetch("SELECT COUNT(*) FROM person")[0][0]
        samples = []
        for person_id in self.rng.sample(range(1, total + 1), 30):

            def real(person_id: int = person_id) -> Any:
                with self.db.transaction(self.actor) as session:
                    return persons.open_person(session, self.actor, person_id)

            def raw(person_id: int = person_id) -> Any:
                return self.raw.write(
                    [
                        (RECORD_SQL, [person_id]),
                        (
                            AUDIT_SQL,
                            [
                                clock.utcnow().replace(tzinfo=None),
                                self.actor.user_id,
                                self.actor.username,
                                AuditAction.VIEW,
                                str(person_id),
                            ],
                        ),
                    ]
                )

            samples.append(Sample(str(person_id), real, raw, (RECORD_SQL, [person_id])))
        return samples

    @staticmethod
    def check_record(real: Any, raw: Any) -> str | None:
        return None if raw and raw[0][0] == real.id else "not the same person"

    # --- home screen
    def home_samples(self) -> tuple[Sample, Sample]:
        limit = clock.today() + dt.timedelta(days=60)

        def expiring_real() -> Any:
            with self.db.reading() as session:
                return persons.expiring_permits(session, self.actor, 60)

        def count_real() -> Any:
            with self.db.reading() as session:
                return dashboard.home_figures(session, self.actor)

        return (
            Sample(
                "60 days",
                expiring_real,
                lambda: self.raw.fetch(EXPIRING_SQL, [limit, 200]),
                (EXPIRING_SQL, [limit, 200]),
            ),
            Sample(
                "count",
                count_real,
                lambda: self.raw.fetch(HOME_COUNT_SQL),
                (HOME_COUNT_SQL, []),
            ),
        )

    def run(self) -> tuple[list[Row], str]:
        rows: list[Row] = []
        rows += self.search_rows()
        rows.append(self.list_open_row())
        rows.append(
            measure(
                "record open (open_person + view audit, committed)",
                self.record_samples(),
                self.repeat,
                RECORD_TARGET_MS,
                self.check_record,
            )
        )
        rows += self.sort_rows(list(persons.SORTABLE))
        rows += self.filter_rows()
        rows += self.home_rows()
        return rows, self.code_search_hits()

    def list_open_row(self) -> Row:
        return self.measure_list(
            "list open (no filter, all keys + 60 rows)",
            [self.list_sample("all", persons.PersonFilter())],
            LIST_TARGET_MS,
            max(self.repeat, 5),
        )

    def sort_rows(self, columns: list[str]) -> list[Row]:
        rows = []
        for sort in columns:
            samples = [
                self.list_sample(f"{sort} asc", persons.PersonFilter(), sort, False),
                self.list_sample(f"{sort} desc", persons.PersonFilter(), sort, True),
            ]
            rows.append(self.measure_list(f"sort by {sort} (asc + desc)", samples, LIST_TARGET_MS))
        return rows

    def filter_rows(self, only: tuple[str, ...] = ()) -> list[Row]:
        common, rare = self._citizenships()
        filters = [
            (
                f"filter: citizenship {common} (most common)",
                persons.PersonFilter(citizenship_code=common),
            ),
            (f"filter: citizenship {rare} (rarest)", persons.PersonFilter(citizenship_code=rare)),
            ("filter: ETHOS 1", persons.PersonFilter(ethos=1)),
            (
                "filter: permit expiring within 60 days",
                persons.PersonFilter(permit_expiring_within_days=60),
            ),
            (
                f"filter: 'a' + citizenship {common}",
                persons.PersonFilter(text="a", citizenship_code=common),
            ),
        ]
        return [
            self.measure_list(
                name, [self.list_sample(name, flt)], LIST_TARGET_MS, max(self.repeat, 5)
            )
            for name, flt in filters
            if not only or any(word in name for word in only)
        ]

    def home_rows(self) -> list[Row]:
        expiring, count = self.home_samples()
        return [
            measure(
                "home: persons.expiring_permits (60 days, 200 rows)",
                [expiring],
                max(self.repeat, 5),
                None,
                lambda real, raw: (
                    None if [p.person_id for p in real] == [r[0] for r in raw] else "rows differ"
                ),
                len,
            ),
            measure("home: dashboard.home_figures (count)", [count], max(self.repeat, 5), None),
        ]

    def _citizenships(self) -> tuple[str, str]:
        counts = self.raw.fetch(
            "SELECT citizenship_code, COUNT(*) FROM person WHERE citizenship_code IS NOT NULL "
            "GROUP BY citizenship_code ORDER BY COUNT(*) DESC, citizenship_code"
        )
        return counts[0][0], counts[-1][0]


# --- what if: the fixes, measured on the same data --------------------------------------------

WHAT_IF_INDEX = "ix_whatif_person_active_sort"
WHAT_IF_INDEX_SQL = (
    f"CREATE INDEX {WHAT_IF_INDEX} ON person (sort_key, id) "
    "WHERE merged_into_id IS NULL AND anonymised_at IS NULL"
)


def proposed_words(text: str) -> list[str]:
    """The proposed splitting of the typed text: chunks between white space, each folded
    with ``fold_key`` like the code token ("B-000123" -> ["b000123"]; today the service
    splits it into ["b", "000123"] and finds nobody)."""
    return [key[:64] for key in (fold_key(chunk) for chunk in text.split()) if key][:6]


def proposed_rows(bench: Bench) -> list[Row]:
    """The keystrokes as the list would search them with the proposed splitting, and with
    texts under two folded characters not searched (the list stays as it is). The REAL
    service is timed: it gets the text already split and folded, which its own folding
    leaves as it is."""
    by_kind: dict[str, list[Sample]] = {}
    skipped = 0
    for kind, texts in bench.kinds.items():
        by_kind[kind] = []
        for text in texts:
            words = proposed_words(text)
            if sum(len(w) for w in words) < 2:
                skipped += 1
                continue
            sample = bench.list_sample(text, persons.PersonFilter(text=" ".join(words)))
            by_kind[kind].append(sample)
    every = [s for samples in by_kind.values() for s in samples]
    everything = bench.measure_list(
        f"proposed: {len(every)} keystrokes searched, {skipped} not", every, SEARCH_TARGET_MS
    )
    rows = [everything]
    for kind, samples in by_kind.items():
        rows.append(Row(f"  {kind} ({len(samples)})", SEARCH_TARGET_MS, samples))
    return rows


def code_hits_proposed(bench: Bench) -> str:
    found = 0
    for person_id, code in bench.full_codes:
        flt = persons.PersonFilter(text=" ".join(proposed_words(code)))
        with bench.db.reading() as session:
            found += person_id in persons.search_ids(session, bench.actor, flt, limit=20)
    return f"codes typed in full found with the proposed splitting: {found}/{len(bench.full_codes)}"


MERGED_INDEX = "ix_person_merged_into_id"
MERGED_INDEX_PARTIAL_SQL = (
    f"CREATE INDEX {MERGED_INDEX} ON person (merged_into_id) WHERE merged_into_id IS NOT NULL"
)
PERMIT_IN_SQL = (
    "SELECT p.id FROM person p WHERE p.merged_into_id IS NULL AND p.anonymised_at IS NULL "
    "AND p.id IN (SELECT x.id FROM person x WHERE x.permit_expires_on <= ?) "
    "ORDER BY p.sort_key, p.id"
)


def _index_sql(raw: Raw, name: str) -> str | None:
    if raw.sqlite:
        found = raw.fetch("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", [name])
    else:
        found = raw.fetch("SELECT indexdef FROM pg_indexes WHERE indexname = ?", [name])
    return found[0][0] if found else None


def _execute(raw: Raw, statements: list[str]) -> None:
    cursor = raw.connection.cursor()
    for sql in statements:
        cursor.execute(sql)
    if not raw.sqlite:
        cursor.execute("ANALYZE person")
        raw.connection.commit()
    cursor.close()


def permit_shapes(bench: Bench) -> str:
    """Raw SQL only: the permit filter as the service writes it, and with the expiry test in
    an IN (subquery), which lets SQLite start from ix_person_permit_expires_on."""
    limit = clock.today() + dt.timedelta(days=60)
    current, _params = list_sql(persons.PersonFilter(permit_expiring_within_days=60))
    times: dict[str, list[float]] = {"service's shape": [], "IN (subquery)": []}
    for name, sql in (("service's shape", current), ("IN (subquery)", PERMIT_IN_SQL)):
        bench.raw.fetch(sql, [limit])
        for _ in range(max(bench.repeat, 5)):
            start = time.perf_counter()
            bench.raw.fetch(sql, [limit])
            times[name].append((time.perf_counter() - start) * 1000)
    plan = " / ".join(line.strip() for line in bench.raw.explain(PERMIT_IN_SQL, [limit]))
    return (
        "permit filter, raw SQL only, p95: "
        + ", ".join(f"{name} {percentile(t, 95):.1f} ms" for name, t in times.items())
        + (f"\n  plan of the IN (subquery) shape: {plan}" if bench.raw.sqlite else "")
    )


def what_if_index(bench: Bench, before: list[Row]) -> tuple[str, list[Row]]:
    """The real services again with the proposed indexes: ix_person_merged_into_id made
    partial (only the merged rows), and the active persons' sort order as a partial index.
    Created in the benchmark's database, then the original schema is put back."""
    original = _index_sql(bench.raw, MERGED_INDEX)
    replace_merged = original is not None and "WHERE" not in original.upper()
    statements = [WHAT_IF_INDEX_SQL]
    if replace_merged:
        statements = [f"DROP INDEX {MERGED_INDEX}", MERGED_INDEX_PARTIAL_SQL, *statements]
    start = time.perf_counter()
    _execute(bench.raw, statements)
    built_ms = (time.perf_counter() - start) * 1000
    try:
        after = [
            bench.list_open_row(),
            *bench.sort_rows(["name"]),
            *bench.search_rows(),
            *bench.filter_rows(("ETHOS", "permit")),
            *bench.home_rows(),
        ]
        both = proposed_rows(bench)
        permits = permit_shapes(bench)
    finally:
        undo = [f"DROP INDEX {WHAT_IF_INDEX}"]
        if replace_merged:
            undo += [f"DROP INDEX {MERGED_INDEX}", str(original)]
        _execute(bench.raw, undo)
    old = {row.name: row for row in before}
    lines = [f"{sql};" for sql in statements if not sql.startswith("DROP")]
    if replace_merged:
        lines.insert(0, f"-- instead of: {original}")
    lines += [
        f"-- built in {built_ms:.0f} ms; the original schema is put back afterwards",
        f"{'operation':<54} {'real p50 before':>15} {'after':>7} {'real p95 before':>15} "
        f"{'after':>7} {'raw p95 before':>14} {'after':>7} {'target':>6} {'meets':>5} "
        f"{'2x+20':>5}",
    ]
    for row in after:
        prior = old.get(row.name)
        if prior is None:
            continue
        target = f"{row.target_ms:.0f}" if row.target_ms is not None else "-"
        lines.append(
            f"{row.name:<54} {prior.real_p(50):>15.1f} {row.real_p(50):>7.1f} "
            f"{prior.real_p(95):>15.1f} {row.real_p(95):>7.1f} "
            f"{prior.raw_p(95):>14.1f} {row.raw_p(95):>7.1f} {target:>6} "
            f"{_flag(row.meets_target):>5} {_flag(row.meets_floor):>5}"
        )
    lines.append(permits)
    return "\n".join(lines), both


# --- other processes: cold start, peak memory, import ---------------------------------------

MEMORY_PROBE = r"""
import json, os, resource, statistics, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
url, user, password, texts = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])

def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

from tit_desktop.services import users
from tit_desktop.services.database import Database
from tit_desktop.ui.app import create_application
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.main_window import MainWindow
from tit_desktop.services import persons
loads = []
search_ids = persons.search_ids
def counted(*args, **kwargs):
    start = time.perf_counter()
    result = search_ids(*args, **kwargs)
    loads.append((time.perf_counter() - start) * 1000)
    return result
persons.search_ids = counted
app = create_application([])
after_imports = peak_mb()
db = Database(url)
actor = users.login(db, user, password)
after_login = peak_mb()
start = time.perf_counter()
window = MainWindow(AppContext(db, actor))
window.show()
window.show_area("persons")
app.processEvents()
open_ms = (time.perf_counter() - start) * 1000
page = window.page("persons")
rows_open = page.model.rowCount()
open_loads = list(loads)
after_open = peak_mb()
times = []
for text in texts:
    start = time.perf_counter()
    page.search.setText(text)
    page.refresh()
    app.processEvents()
    times.append((time.perf_counter() - start) * 1000)
print(json.dumps({
    "after_imports_mb": after_imports, "after_login_mb": after_login,
    "after_open_mb": after_open, "peak_mb": peak_mb(), "open_ms": open_ms,
    "rows": rows_open, "open_key_loads": open_loads, "search_p50_ms": statistics.median(times),
    "search_max_ms": max(times),
}))
"""


def memory_probe(url: str, texts: list[str]) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as home:
        env["TIT_HOME"] = home
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                MEMORY_PROBE,
                url,
                BENCH_USER,
                BENCH_PASSWORD,
                json.dumps(texts),
            ],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
    if result.returncode != 0:
        return {"error": result.stderr.strip().splitlines()[-1] if result.stderr else "failed"}
    return json.loads(result.stdout.strip().splitlines()[-1])


def places_index_ms() -> float:
    """The first place lookup loads the ISTAT lists (the list's citizenship column and
    filter need it): a one-off cost at the first list open, whatever the scale."""
    code = (
        "import time; from tit_desktop.services import places; t = time.perf_counter(); "
        "places.by_code('Z000'); print((time.perf_counter() - t) * 1000)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return float(result.stdout.strip())


def cold_start(url: str, runs: int) -> str:
    result = subprocess.run(
        [sys.executable, str(HERE / "startup.py"), "--runs", str(runs), "--database", url],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        return "startup benchmark failed: " + (result.stderr or result.stdout).strip()[-500:]
    return result.stdout.strip()


IMPORT_ROWS = 10_000


def _import_workbook_file(path: Path, seed: int) -> None:
    """A Beneficiari sheet of IMPORT_ROWS persons, cells as the exchange module's own export
    writes them (its ``export_row`` on an unsaved Person), written with openpyxl."""
    from openpyxl import Workbook

    from tit_desktop.models import Disability, Employment, PermitReason, Person, Sex
    from tit_desktop.services.exchange import persons_sheet

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(persons_sheet.SHEET)
    sheet.append([column.name for column in persons_sheet.COLUMNS])
    enums = {
        "sex": Sex,
        "permit_reason": PermitReason,
        "employment": Employment,
        "disability": Disability,
    }
    for data in person_inputs(IMPORT_ROWS, seed):
        person = Person()
        apply_input(person, data)
        for name, kind in enums.items():
            value = getattr(person, name)
            if value is not None:
                setattr(person, name, kind(value))
        sheet.append(persons_sheet.export_row(person))
    workbook.save(path)


def import_measurement(backend_url: str, seed: int) -> str:
    """10,000 Beneficiari rows through tit_desktop.services.exchange: a dry run and a real
    import into an EMPTY database of the same back end (a temporary SQLite file, or a new
    PostgreSQL database next to the benchmark's, dropped afterwards)."""
    if importlib.util.find_spec("tit_desktop.services.exchange") is None:
        return "not measured: tit_desktop.services.exchange does not exist yet (hook)"
    try:
        from tit_desktop.services.exchange import import_workbook
    except Exception as exc:  # the module is being written by someone else
        return f"not measured: tit_desktop.services.exchange not importable ({exc!r})"
    with tempfile.TemporaryDirectory(prefix="tit-import-") as folder:
        path = Path(folder) / "beneficiari.xlsx"
        start = time.perf_counter()
        try:
            _import_workbook_file(path, seed)
        except Exception as exc:
            return f"not measured: building the workbook failed ({exc!r})"
        write_ms = (time.perf_counter() - start) * 1000
        url = backend_url
        postgres = make_url(backend_url).get_backend_name() == "postgresql"
        if postgres:
            url = (
                make_url(backend_url)
                .set(database=f"{make_url(backend_url).database}_import")
                .render_as_string(hide_password=False)
            )
            create_postgres_database(url)
        else:
            url = sqlite_url(Path(folder) / "import.sqlite3")
        try:
            db = Database(url)
            schema.upgrade(db, make_backup=False)
            with db.transaction(SYSTEM) as session:
                users.add_user(session, SYSTEM, BENCH_USER, Role.ADMIN, BENCH_PASSWORD)
            actor = users.login(db, BENCH_USER, BENCH_PASSWORD)
            timings = {}
            reports = {}
            for dry_run in (True, False):
                start = time.perf_counter()
                with db.transaction(actor) as session:
                    reports[dry_run] = import_workbook(session, actor, path, dry_run=dry_run)
                timings[dry_run] = (time.perf_counter() - start) * 1000
            with db.engine.connect() as connection:
                stored = connection.exec_driver_sql("SELECT COUNT(*) FROM person").scalar()
            db.dispose()
        except Exception as exc:
            return f"failed: {exc!r}"
        finally:
            if postgres:
                drop_postgres_database(url)
    real = reports[False]
    problems = "" if real.ok else f"; {len(real.errors)} errors, first: {real.errors[:1]}"
    return (
        f"workbook of {IMPORT_ROWS:,} rows written in {write_ms:.0f} ms (openpyxl); "
        f"dry run {timings[True]:.0f} ms, import {timings[False]:.0f} ms "
        f"({stored:,} persons stored, {len(real.warnings)} warnings{problems})"
    )


# --- report -------------------------------------------------------------------------------------


def _flag(value: bool | None) -> str:
    return "-" if value is None else ("yes" if value else "NO")


def table(rows: list[Row]) -> str:
    head = (
        f"{'operation':<54} {'n':>4} {'matches':>8} {'real p50':>9} {'real p95':>9} "
        f"{'raw p50':>8} {'raw p95':>8} {'ratio':>6} {'target':>7} {'meets':>5} {'2x+20':>5}"
    )
    lines = [head, "-" * len(head)]
    for row in rows:
        matches = str(int(statistics.median(row.matches))) if row.matches else ""
        ratio = row.real_p(95) / row.raw_p(95) if row.raw_p(95) else float("inf")
        target = f"{row.target_ms:.0f}" if row.target_ms is not None else "-"
        lines.append(
            f"{row.name:<54} {len(row.real):>4} {matches:>8} {row.real_p(50):>9.1f} "
            f"{row.real_p(95):>9.1f} {row.raw_p(50):>8.1f} {row.raw_p(95):>8.1f} "
            f"{ratio:>5.1f}x {target:>7} {_flag(row.meets_target):>5} "
            f"{_flag(row.meets_floor):>5}"
        )
    return "\n".join(lines)


def plans(rows: list[Row], raw: Raw, every: bool) -> str:
    out = []
    seen: dict[str, str] = {}
    for row in rows:
        if not every and row.meets_target is not False and row.meets_floor:
            continue
        if row.slowest is None or row.slowest[1].explain is None:
            continue
        elapsed, sample = row.slowest
        sql, params = sample.explain
        head = f"* {row.name.strip()}: slowest sample {sample.label!r} ({elapsed:.1f} ms real)"
        key = f"{sql} {params}"
        if key in seen:
            out.append(f"{head}: same query as for {seen[key]!r}")
            continue
        seen[key] = row.name.strip()
        out.append(head)
        out.append("  " + re.sub(r"\s+", " ", sql) + f"   -- {params}")
        out += raw.explain(sql, params)
    return "\n".join(out)


# --- main --------------------------------------------------------------------------------------


def _holds_persons(url: str) -> int | None:
    db = Database(url)
    try:
        with db.engine.connect() as connection:
            return connection.exec_driver_sql("SELECT COUNT(*) FROM person").scalar()
    except Exception:
        return None
    finally:
        db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="city")
    parser.add_argument("--database", help="URL (default: a new temporary SQLite file)")
    parser.add_argument("--create-database", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the database built")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over each sample")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--explain", action="store_true", help="plans of every row")
    parser.add_argument("--startup-runs", type=int, default=3)
    parser.add_argument("--no-startup", action="store_true")
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--no-import", action="store_true")
    parser.add_argument(
        "--what-if",
        action="store_true",
        help="also measure the proposed fixes (adds an index to the database, then drops it)",
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    folder: Path | None = None
    if args.database:
        url = args.database
        if args.create_database:
            if make_url(url).get_backend_name() != "postgresql":
                parser.error("--create-database is for a PostgreSQL URL")
            create_postgres_database(url)
    else:
        folder = Path(tempfile.mkdtemp(prefix="tit-bench-"))
        url = sqlite_url(folder / f"{args.scale}.sqlite3")
    try:
        held = _holds_persons(url)
        if held:
            print(f"using {url}: {held:,} persons already there")
            if held != SCALES[args.scale].persons:
                print(f"  (the {args.scale} scale has {SCALES[args.scale].persons:,})")
        else:
            print(f"building {args.scale} into {url}", flush=True)
            print(describe(build(url, args.scale, args.seed)), flush=True)
        run(url, args)
    finally:
        if args.create_database and not args.keep:
            drop_postgres_database(url)
            print(f"dropped {url}")
        if folder is not None:
            if args.keep:
                print(f"kept {folder}")
            else:
                shutil.rmtree(folder, ignore_errors=True)


def _code_version() -> str:
    """The commit the benchmark ran on (others edit the tree meanwhile: "+ local changes")."""
    try:
        head = subprocess.run(
            ["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            [
                "git",
                "-C",
                str(HERE),
                "status",
                "--porcelain",
                "--",
                "../tit_desktop",
                "../migrations",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" + local changes in tit_desktop/migrations" if dirty else "")


def _load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def run(url: str, args: argparse.Namespace) -> None:
    """Measure and print, section by section."""
    db = Database(url)
    actor = users.login(db, BENCH_USER, BENCH_PASSWORD)
    raw = Raw(db)
    backend = db.url.get_backend_name()
    version = raw.fetch("SELECT sqlite_version()" if raw.sqlite else "SHOW server_version")
    print(
        f"\n{args.scale} on {backend} {version[0][0]} ({url}); repeat {args.repeat}; "
        f"times in ms; p95 is what the targets and the 2x+20 rule look at; "
        f"load average before: {_load()}; code {_code_version()}; schema {schema.head_revision()}",
        flush=True,
    )
    try:
        bench = Bench(db, actor, raw, args.repeat, args.seed)
        rows, hits = bench.run()
        print(table(rows))
        print(f"load average after: {_load()}")
        for row in rows:
            for mismatch in row.mismatches[:3]:
                print(f"!! {row.name}: raw SQL and service disagree: {mismatch}")
        print(f"\nsearch by code: {hits}", flush=True)
        print(
            f"keystrokes with no word of 2+ characters yet: {bench.unsearched} (the page "
            "sends no query for them: the list stays as it is)",
            flush=True,
        )
        plan_text = plans(rows, raw, args.explain)
        extra: dict[str, Any] = {}
        if not args.no_startup:
            text = cold_start(url, args.startup_runs)
            extra["cold_start"] = text
            print("\ncold start to the login window (benchmarks/startup.py):\n" + text, flush=True)
        if not args.no_memory:
            keystrokes = [t for texts in bench.kinds.values() for t in texts]
            texts = random.Random(args.seed).sample(keystrokes, min(50, len(keystrokes)))
            probe = memory_probe(url, texts)
            extra["memory"] = probe
            print(_memory_text(probe), flush=True)
        if not args.no_import:
            text = import_measurement(url, args.seed)
            extra["import"] = text
            print("\nimport of 10,000 rows: " + text, flush=True)
        if args.what_if:
            print(
                "\nWHAT IF 1: typed text split on white space and each chunk folded with "
                "fold_key (B-000123 -> b000123); texts under 2 folded characters not "
                "searched. Real service fed the split text; schema unchanged."
            )
            print(table(proposed_rows(bench)))
            print(code_hits_proposed(bench), flush=True)
            print("\nWHAT IF 2: the permit filter written as IN (subquery); schema unchanged")
            print(permit_shapes(bench))
            print("\nWHAT IF 3: indexes (the SQL below; permit filter shapes measured with them)")
            index_text, both = what_if_index(bench, rows)
            print(index_text)
            print("\nWHAT IF 1 + 3")
            print(table(both), flush=True)
        if plan_text:
            print("\nplans (slowest sample of the rows marked NO, or all with --explain):")
            print(plan_text)
    finally:
        raw.close()
        db.dispose()
    if args.json:
        results = [
            {
                "operation": r.name.strip(),
                "n": len(r.real),
                "real_p50": r.real_p(50),
                "real_p95": r.real_p(95),
                "raw_p50": r.raw_p(50),
                "raw_p95": r.raw_p(95),
                "target": r.target_ms,
                "meets_target": r.meets_target,
                "meets_floor": r.meets_floor,
            }
            for r in rows
        ]
        args.json.write_text(
            json.dumps(
                {"scale": args.scale, "backend": backend, "rows": results, **extra}, indent=2
            )
        )


def _memory_text(probe: dict[str, Any]) -> str:
    if "error" in probe:
        return f"\npeak memory: probe failed: {probe['error']}"
    meets = _flag(probe["peak_mb"] < MEMORY_TARGET_MB)
    loads = " + ".join(f"{t:.0f}" for t in probe["open_key_loads"])
    return (
        f"\npeak memory (login, main window with the list of {probe['rows']:,} open, "
        f"then 50 searches in the page): {probe['peak_mb']:.0f} MB "
        f"(target < {MEMORY_TARGET_MB}: {meets}); after imports "
        f"{probe['after_imports_mb']:.0f}, after login {probe['after_login_mb']:.0f}, "
        f"after the list opened {probe['after_open_mb']:.0f} MB\n"
        f"main window open after login (home + Beneficiari): {probe['open_ms']:.0f} ms, "
        f"of which {len(probe['open_key_loads'])} loads of all the keys "
        f"(persons.search_ids: {loads} ms) and the first place lookup (places index, "
        f"{places_index_ms():.0f} ms alone)\n"
        f"search in the page (setText + refresh + paint): median "
        f"{probe['search_p50_ms']:.0f}, max {probe['search_max_ms']:.0f} ms"
    )


if __name__ == "__main__":
    main()
