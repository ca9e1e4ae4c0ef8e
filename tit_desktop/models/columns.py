"""The shared column types and helpers every model uses: keys, moments, enums, JSON, money.

One module, so that a table added for a new area takes its types from here and stores a
moment, an enum or a document exactly as the others do.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    DateTime,
    Enum,
    Integer,
    Numeric,
    TypeDecorator,
    func,
    literal,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.operators import OperatorType
from sqlalchemy.types import TypeEngine

# A 64-bit key on PostgreSQL, SQLite's rowid alias on SQLite (only INTEGER autoincrements there).
BigIntKey = BigInteger().with_variant(Integer(), "sqlite")

# A JSON document: JSONB on PostgreSQL (indexable, compact), JSON text on SQLite.
JSONDocument = JSON().with_variant(JSONB(), "postgresql")


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A moment in time, stored as naive UTC, always returned timezone-aware (UTC).

    SQLite has no time zones; storing naive UTC on both back ends keeps comparisons
    and ordering identical, and refusing naive input keeps local times out.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("UTCDateTime needs a timezone-aware datetime")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


def enum_column(enum_cls: type[enum.Enum], name: str) -> Enum:
    """A portable enum: VARCHAR plus a named CHECK constraint, storing the values."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        length=max(len(str(m.value)) for m in enum_cls) + 8,
        values_callable=lambda members: [str(m.value) for m in members],
    )


# --- money ------------------------------------------------------------------------------

CENT = Decimal("0.01")
MONEY_DIGITS = 14
"""NUMERIC(14, 2): up to 999.999.999.999,99 euro, far beyond any amount of the office."""
MAX_AMOUNT = Decimal(10) ** (MONEY_DIGITS - 2) - CENT

# Operators whose result is still an amount (cents stay cents on SQLite).
_AMOUNT_PRESERVING = {operators.add, operators.sub}
_SCALING = {operators.mul}
_ARITHMETIC = {
    operators.add,
    operators.sub,
    operators.mul,
    operators.truediv,
    operators.floordiv,
    operators.mod,
}


def check_amount(value: object) -> Decimal:
    """``value`` as an amount to the cent, or a ValueError/TypeError naming the problem.

    Only ``Decimal`` (and ``int``, exact whole euro) are amounts: a float is refused, since
    0.1 + 0.2 is not 0.30 in binary, and so is text (parse it with services.money first).
    More than two decimals is refused rather than rounded: rounding is the caller's choice.
    """
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"an amount must be a Decimal, not {type(value).__name__}: {value!r}")
    amount = Decimal(value)
    if not amount.is_finite():
        raise ValueError(f"an amount must be a finite number, not {value!r}")
    cents = amount.quantize(CENT) if abs(amount) <= MAX_AMOUNT else amount
    if cents != amount:
        raise ValueError(f"an amount has at most two decimals, not {value!r}")
    if abs(amount) > MAX_AMOUNT:
        raise ValueError(f"an amount is at most {MAX_AMOUNT} in absolute value, not {value!r}")
    return cents


class Money(TypeDecorator[Decimal]):
    """An amount of money in euro, exact to the cent: ``Decimal`` in Python.

    PostgreSQL stores NUMERIC(14, 2); SQLite, whose NUMERIC is a float underneath, stores
    the whole number of cents in an INTEGER, so that SUM, ordering and comparisons in SQL
    are exact on both engines. Use ``func.sum``/``min``/``max``/``coalesce`` (they keep
    the type), ``+``/``-`` between amounts and ``*`` by a whole number; dividing in SQL is
    refused (on SQLite it would divide cents as integers): divide in Python and round.

    A bare ``Decimal`` inside a SQL function is not an amount to SQLAlchemy (it binds as a
    float in euro, not in cents): write ``literal(x, Money())``, or :func:`money_total` for
    "the sum, 0,00 when there is nothing". A CHECK written as text sees cents on SQLite:
    compare with 0 only (:func:`non_negative`).
    """

    impl = Numeric(MONEY_DIGITS, 2, asdecimal=True)
    cache_ok = True

    class Comparator(TypeDecorator.Comparator[Decimal]):
        def _adapt_expression(
            self, op: OperatorType, other_comparator: TypeEngine.Comparator[Any]
        ) -> tuple[OperatorType, TypeEngine[Any]]:
            other = other_comparator.type
            if op in _AMOUNT_PRESERVING and isinstance(other, Money):
                return op, self.type
            if op in _SCALING and isinstance(other, Integer):
                return op, self.type
            if op in _ARITHMETIC:
                raise TypeError(
                    "Money supports only + and - between amounts and * by a whole number in "
                    f"SQL, not {op.__name__}: compute it in Python"
                )
            return super()._adapt_expression(op, other_comparator)

    comparator_factory = Comparator

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(Numeric(MONEY_DIGITS, 2, asdecimal=True))

    def coerce_compared_value(self, op: OperatorType | None, value: Any) -> TypeEngine[Any]:
        # amount * 3: the 3 is a count, not three euro (on SQLite, not 300 cents).
        if op in _SCALING and isinstance(value, int) and not isinstance(value, bool):
            return Integer()
        return self

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        amount = check_amount(value)
        if dialect.name == "sqlite":
            return int(amount.scaleb(2))
        return amount

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        if dialect.name == "sqlite":
            if isinstance(value, float):
                # A stored amount is always a whole number of cents: a float is a bare
                # Decimal bound inside a SQL function (a float in euro) or a float SQLite
                # computed. Either way not cents: refuse rather than misread by 100x.
                raise TypeError(
                    f"an amount came back from SQLite as a float ({value!r}): "
                    "compute averages and divisions in Python"
                )
            return Decimal(int(value)).scaleb(-2).quantize(CENT)
        return Decimal(value).quantize(CENT)


def money_total(
    amount: ColumnElement[Decimal], where: ColumnElement[bool] | None = None
) -> ColumnElement[Decimal]:
    """SUM of an amount column in SQL (only the rows ``where`` holds, when given), 0,00 when
    there are no rows, typed Money on both engines."""
    total: ColumnElement[Decimal] = func.sum(amount)
    if where is not None:
        total = func.sum(amount).filter(where)
    return func.coalesce(total, literal(Decimal(0), Money()))


def non_negative(column_name: str) -> CheckConstraint:
    """A named CHECK that an amount column is never negative (NULL is allowed: say
    ``nullable=False`` on the column when it is required). Named
    ``ck_<table>_<column>_non_negative`` by the naming convention."""
    return CheckConstraint(f"{column_name} >= 0", name=f"{column_name}_non_negative")
