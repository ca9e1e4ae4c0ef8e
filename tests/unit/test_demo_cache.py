"""tests/demo_cache.py gives a test the demo data another test filled: the copy must be the
database the demo left, working as that one would (sequences, audit chain, triggers)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from tests import demo_cache
from tests.conftest import _reset_postgres, make_user
from tit_desktop.models import Base, Role
from tit_desktop.services import audit_chain, demo, persons, users
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ValidationError
from tit_desktop.services.permissions import Actor


def _everything(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    with db.engine.connect() as conn:
        return {
            table.name: [
                tuple(row)
                for row in conn.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in Base.metadata.sorted_tables
        }


def _triggers(db: Database) -> list[tuple[str, str]]:
    if db.is_sqlite:
        return []
    with db.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1")
        ).all()
    return [(str(name), str(enabled)) for name, enabled in rows]


def _empty_again(db: Database, sqlite_template: Path) -> None:
    if db.is_sqlite:
        demo_cache._sqlite_copy(sqlite_template, Path(str(db.url.database)))
    else:
        _reset_postgres(db)


def test_a_copy_is_the_database_the_demo_left_and_works_as_it(
    db: Database, sqlite_template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fills: list[int] = []
    real_fill = demo.fill_demo_data

    def counted(db: Database, actor: Actor, **kwargs: Any) -> dict[str, int]:
        fills.append(kwargs["people"])
        return real_fill(db, actor, **kwargs)

    monkeypatch.setattr(demo, "fill_demo_data", counted)
    triggers = _triggers(db)
    people, seed = 6, 4040  # no other test asks for these: the first call fills

    admin = make_user(db, "admin", Role.ADMIN)
    filled = demo_cache.fill_demo(db, admin, people=people, seed=seed)
    original = _everything(db)
    assert fills == [people]
    assert sum(1 for rows in original.values() if rows) > len(original) // 2

    _empty_again(db, sqlite_template)
    admin = make_user(db, "admin", Role.ADMIN)
    copied = demo_cache.fill_demo(db, admin, people=people, seed=seed)
    assert fills == [people]  # not filled again: copied
    assert copied == filled
    assert _everything(db) == original
    assert _triggers(db) == triggers

    # The copy goes on as the original would: new ids after the copied ones, the audit
    # chain intact and extended, the demo's own refusal of a database with people.
    with db.transaction(admin) as session:
        added = persons.create_person(
            session,
            admin,
            persons.PersonInput(
                code="DOPO-1", last_name="Dopo", first_name="Copia", intake_date=dt.date(2024, 1, 2)
            ),
        )
    assert added.id == max(row[0] for row in original["person"]) + 1
    with db.reading() as session:
        assert audit_chain.verify(session).intact
    with pytest.raises(ValidationError):
        demo_cache.fill_demo(db, admin, people=people, seed=seed)


def test_a_database_in_another_state_is_not_given_a_copy(db: Database) -> None:
    """A copy is given only to the state it was taken from: another user, a user whose
    password is not the fixtures' one, or any record but users means another key or a real
    fill (no key)."""
    admin = make_user(db, "admin", Role.ADMIN)
    alone = demo_cache._state(db, admin, 3, 4041)
    assert alone is not None
    assert demo_cache._state(db, admin, 3, 4041) == alone
    assert demo_cache._state(db, admin, 4, 4041) != alone
    make_user(db, "collega", Role.OPERATOR)
    with_colleague = demo_cache._state(db, admin, 3, 4041)
    assert with_colleague is not None and with_colleague != alone
    with db.transaction(admin) as session:
        persons.create_person(
            session,
            admin,
            persons.PersonInput(
                code="PRIMA-1",
                last_name="Prima",
                first_name="Demo",
                intake_date=dt.date(2024, 1, 2),
            ),
        )
    assert demo_cache._state(db, admin, 3, 4041) is None


def test_a_user_with_a_password_of_its_own_means_a_real_fill(db: Database) -> None:
    admin = make_user(db, "admin", Role.ADMIN)
    with db.transaction(admin) as session:
        users.add_user(session, admin, "altra.password", Role.OPERATOR, "Un-altra-password-1")
    assert demo_cache._state(db, admin, 3, 4041) is None
