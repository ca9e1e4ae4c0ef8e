"""Gapless numbers issued by several PCs at once.

``issue(session, series, year, start_after)`` takes the next number of a series inside the
caller's write transaction: one ``UPDATE ... RETURNING`` on the series' row, which the database
locks until the transaction ends, so two PCs never get the same number, and a transaction that
rolls back gives its number back (no gap). On SQLite write transactions already begin IMMEDIATE
(one writer at a time); on PostgreSQL the row lock orders concurrent writers.

``start_after`` seeds a series the first time it is used (e.g. the highest person code already
in the registry), so numbering continues from the office's past records.
"""

from __future__ import annotations

from collections.abc import Callable
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
