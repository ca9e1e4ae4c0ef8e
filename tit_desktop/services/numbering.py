"""Gapless numbers issued by several PCs at once.

``issue(session, series, year, start_after)`` takes the next number of a series inside the
caller's write transaction: one ``UPDATE ... RETURNING`` on the series' row, which the database
locks until the transaction ends, so two PCs never get the same number, and a transaction that
rolls back gives its number back (no gap). On SQLite write transactions already begin IMMEDIATE
(one writer at a time); on PostgreSQL the row lock orders concurrent writers.

``start_after`` seeds a series the first time it is used (e.g. the highest person code already
in the registry), so numbering continues from the office's past records.

The series in use: ``person_code`` (TIU-00001...), ``canteen_card`` (card numbers),
``payment_request:<convention id>`` (each convention's requests 1, 2, 3...) and
``protocollo`` per year (the office's outgoing register, "12/2024", see
:func:`issue_protocol`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from tit_desktop.models import NumberSeries

PERPETUAL = 0
"""The ``year`` of a series that never restarts."""


def issue(
    session: Session, series: str, year: int = PERPETUAL, start_after: Callable[[], int] = int
) -> int:
    """The next number of ``series`` in ``year`` (1, 2, 3... unless seeded), reserved for the
    caller's transaction."""
    table = cast(Table, NumberSeries.__table__)
    bumped = session.execute(
        update(table)
        .where(table.c.series == series, table.c.year == year)
        .values(last_number=table.c.last_number + 1)
        .returning(table.c.last_number)
    ).scalar_one_or_none()
    if bumped is not None:
        return int(bumped)
    seed = max(int(start_after()), 0)
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    # Two PCs starting the same series at once: one row is created, the other PC's insert
    # does nothing and its update below waits for the first transaction and follows it.
    session.execute(
        insert(table)
        .values(series=series, year=year, last_number=seed)
        .on_conflict_do_nothing(index_elements=["series", "year"])
    )
    return issue(session, series, year)


def last_issued(session: Session, series: str, year: int = PERPETUAL) -> int | None:
    """The last number given (None: the series has not started)."""
    return session.scalar(
        select(NumberSeries.last_number).where(
            NumberSeries.series == series, NumberSeries.year == year
        )
    )


# --- the office's outgoing register (protocollo) -----------------------------------------

PROTOCOL_SERIES = "protocollo"


@dataclass(frozen=True)
class Protocol:
    """A number of the outgoing register: ``number``/``year``, registered on ``day``."""

    number: int
    year: int
    day: dt.date

    @property
    def text(self) -> str:
        """ "12/2024", as the office cites it."""
        return f"{self.number}/{self.year}"

    @property
    def cited(self) -> str:
        """ "12/2024 del 15/03/2024", as a document prints it after "Protocollo n."."""
        return f"{self.text} del {self.day:%d/%m/%Y}"

    @property
    def stamp(self) -> str:
        """ "prot. n. 12/2024 del 15/03/2024": appended to the record's own text."""
        return f"prot. n. {self.text} del {self.day:%d/%m/%Y}"


_STAMP = re.compile(r"\s*;\s*prot\. n\. (\d+)/(\d{4}) del (\d{2})/(\d{2})/(\d{4})\s*$")


def issue_protocol(session: Session, day: dt.date) -> Protocol:
    """The next number of the register for a document sent on ``day``: 1/YYYY, 2/YYYY...
    restarting each year, gapless like every series (a rollback gives it back)."""
    return Protocol(issue(session, PROTOCOL_SERIES, day.year), day.year, day)


def stored_protocol(text: str | None, day: dt.date | None) -> Protocol | None:
    """A protocol kept on a record as its text ("12/2024") and its day (None: not given)."""
    if not text or day is None:
        return None
    number, _, year = text.partition("/")
    return Protocol(int(number), int(year), day)


def stamped(text: str, protocol: Protocol) -> str:
    """``text`` followed by the protocol: "Scheda inviata via PEC; prot. n. 3/2024 del ..."."""
    return f"{unstamped(text)}; {protocol.stamp}"


def unstamped(text: str) -> str:
    """``text`` without a protocol stamp at its end (one typed by hand is not a number the
    register gave)."""
    return _STAMP.sub("", text)


def protocol_in(text: str | None) -> Protocol | None:
    """The protocol stamped at the end of ``text`` by :func:`stamped`, if any."""
    match = _STAMP.search(text or "")
    if match is None:
        return None
    number, year, dd, mm, yyyy = (int(part) for part in match.groups())
    try:
        return Protocol(number, year, dt.date(yyyy, mm, dd))
    except ValueError:
        return None
