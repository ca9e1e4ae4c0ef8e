"""The test suite's own promises: a stuck test ends the run with its stack instead of hanging
CI (checked by running the project's pytest configuration on a test that blocks in a Qt
modal loop, the case that hung a CI run once), and every PostgreSQL test starts from an
empty, just migrated database."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from tests.conftest import _reset_postgres, make_user
from tit_desktop.models import Role
from tit_desktop.services import demo, schema
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor

PYPROJECT = Path(__file__).parents[2] / "pyproject.toml"
STUCK = """\
from PySide6.QtWidgets import QDialog


def test_waits_for_a_click_that_never_comes(qapp):
    QDialog().exec()
"""


def _options() -> dict[str, object]:
    options: dict[str, object] = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"][
        "pytest"
    ]["ini_options"]
    return options


def test_every_test_has_a_two_minute_limit_and_stacks_are_dumped_first() -> None:
    options = _options()
    assert options["timeout"] == 120
    assert options["timeout_method"] == "thread"
    faulthandler_timeout = options["faulthandler_timeout"]
    assert isinstance(faulthandler_timeout, int)
    assert 0 < faulthandler_timeout < 120  # later than the timeout it would never fire


def test_a_test_stuck_in_a_modal_loop_fails_the_run(tmp_path: Path) -> None:
    (tmp_path / "test_stuck.py").write_text(STUCK, encoding="utf-8")
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-c",
            str(PYPROJECT),
            "--rootdir",
            str(tmp_path),
            "-p",
            "no:cacheprovider",
            # the project's method and options, with a limit short enough for a test
            "-o",
            "timeout=4",
            "-o",
            "faulthandler_timeout=2",
            str(tmp_path / "test_stuck.py"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=90,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert time.monotonic() - started < 60
    # both dumps name the line the test is stuck on
    assert output.count("test_stuck.py") >= 2, output
    assert "Timeout" in output


def test_the_postgresql_reset_between_tests_leaves_a_just_migrated_database(
    postgres_server_url: str, admin_on_postgres: Actor
) -> None:
    """Every PostgreSQL test shares the session's database, emptied before each test by
    deleting only what the previous test left (tests/conftest.py): after a test that wrote
    in most tables, used the sequences and restamped the revision, nothing may remain."""
    db = Database(postgres_server_url)
    try:
        with db.engine.connect() as conn:
            triggers = _triggers(conn)
        assert "expenditure" in {table for table, _name, _enabled in triggers}
        demo.fill_demo_data(db, admin_on_postgres, people=2, seed=3)
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_newer'"))
        with db.engine.connect() as conn:
            tables = _tables(conn)
            filled = [name for name in tables if _rows(conn, name)]
        assert len(filled) > len(tables) // 2, filled  # the check below means something

        _reset_postgres(db)

        with db.engine.connect() as conn:
            left = {name: _rows(conn, name) for name in tables if name != "alembic_version"}
            assert {name: rows for name, rows in left.items() if rows} == {}
            # stored from the first page again: rows come back in the order written
            pages = conn.execute(
                text(
                    "SELECT relname FROM pg_class WHERE relkind = 'r' "
                    "AND relnamespace = current_schema()::regnamespace "
                    "AND relname <> 'alembic_version' AND pg_relation_size(oid) > 0"
                )
            ).scalars()
            assert list(pages) == []
            used = conn.execute(
                text("SELECT sequencename FROM pg_sequences WHERE last_value IS NOT NULL")
            ).scalars()
            assert list(used) == []
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).all()
            assert revision == [(schema.head_revision(),)]
            assert _triggers(conn) == triggers  # the ones lifted for the DELETE are back
    finally:
        db.dispose()


@pytest.fixture
def admin_on_postgres(postgres_server_url: str) -> Actor:
    db = Database(postgres_server_url)
    try:
        _reset_postgres(db)
        return make_user(db, "admin", Role.ADMIN)
    finally:
        db.dispose()


def _tables(conn: Connection) -> list[str]:
    """Every table of the database, also one no model declares."""
    return list(
        conn.execute(
            text(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            )
        ).scalars()
    )


def _rows(conn: Connection, table: str) -> int:
    return int(conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one())


def _triggers(conn: Connection) -> list[tuple[str, str, str]]:
    """The triggers of the tables, each with its table and whether it is enabled."""
    rows = conn.execute(
        text(
            "SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal "
            "AND c.relnamespace = current_schema()::regnamespace ORDER BY 1, 2"
        )
    ).all()
    return [(str(table), str(name), str(enabled)) for table, name, enabled in rows]
