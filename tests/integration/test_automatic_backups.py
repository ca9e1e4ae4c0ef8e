"""The automatic backups: once a day (SQLite), the newest N kept, a configured folder that
may be a network share (local folder when it cannot be reached), and the warning after a
week without a backup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import make_user
from tit_desktop import paths
from tit_desktop.models import AuditEntry, Role
from tit_desktop.services import backup, clock, schema
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor
from tit_desktop.settings import Settings


class FakeClock:
    """Moves services.clock (the application's only source of the time)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, start: dt.datetime) -> None:
        self.now = start
        monkeypatch.setattr(clock, "utcnow", lambda: self.now)
        monkeypatch.setattr(clock, "today", lambda: self.now.astimezone().date())

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def fake_clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    return FakeClock(monkeypatch, dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC))


def _configure(**values: object) -> None:
    settings = Settings.load()
    for name, value in values.items():
        setattr(settings, name, value)
    settings.save()


def _daily(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("tit-*-giornaliero*.sqlite3"))


def test_a_day_passing_makes_one_backup(
    sqlite_db: Database, fake_clock: FakeClock, tmp_path: Path
) -> None:
    admin = make_user(sqlite_db, "admin", Role.ADMIN)
    folder = tmp_path / "condivisa"
    folder.mkdir()
    _configure(backup_folder=str(folder))
    first = backup.daily_backup(sqlite_db, admin)
    assert first is not None and first.warning is None and first.path.parent == folder
    # The same day: started again, or the timer firing while open, makes none.
    fake_clock.advance(hours=5)
    assert backup.daily_backup(sqlite_db, admin) is None
    assert len(_daily(folder)) == 1
    # The next day: one more, and only one.
    fake_clock.advance(days=1)
    assert backup.daily_backup_due(sqlite_db)
    second = backup.daily_backup(sqlite_db, admin)
    assert second is not None
    assert backup.daily_backup(sqlite_db, admin) is None
    assert len(_daily(folder)) == 2
    assert _daily(paths.backup_dir()) == []
    with sqlite_db.reading() as session:
        details = list(
            session.scalars(select(AuditEntry.detail).where(AuditEntry.action == "backup"))
        )
    assert details == [
        f"backup automatico giornaliero: {first.path}",
        f"backup automatico giornaliero: {second.path}",
    ]
    # A complete SQLite copy holding the data.
    copy = Database("sqlite:///" + second.path.as_posix())
    assert backup.row_counts(copy)["app_user"] == 1
    copy.dispose()


def test_the_newest_n_are_kept(sqlite_db: Database, fake_clock: FakeClock, tmp_path: Path) -> None:
    admin = make_user(sqlite_db, "admin", Role.ADMIN)
    folder = tmp_path / "backup"
    _configure(backup_folder=str(folder), backups_kept=3)
    written = []
    for _day in range(5):
        result = backup.daily_backup(sqlite_db, admin)
        assert result is not None
        written.append(result.path.name)
        fake_clock.advance(days=1)
    assert _daily(folder) == written[-3:]
    # A migration's backup counts among the N too (the last N automatic backups).
    backup.automatic_backup(sqlite_db, reason="prima-aggiornamento-0004")
    names = sorted(p.name for p in folder.glob("tit-*.sqlite3"))
    assert len(names) == 3 and names[-1].endswith("prima-aggiornamento-0004.sqlite3")


def test_an_unreachable_folder_falls_back_to_the_local_one_with_a_warning(
    sqlite_db: Database, fake_clock: FakeClock, tmp_path: Path
) -> None:
    admin = make_user(sqlite_db, "admin", Role.ADMIN)
    share = tmp_path / "server-spento" / "tit-backup"  # its parent is not there
    _configure(backup_folder=str(share))
    result = backup.daily_backup(sqlite_db, admin)
    assert result is not None
    assert result.path.parent == paths.backup_dir()
    assert result.warning is not None
    assert result.warning.startswith(
        f"La cartella dei backup {share} non è raggiungibile (la cartella non esiste)"
    )
    assert f"salvato nella cartella locale {paths.backup_dir()}" in result.warning
    assert not share.parent.exists()  # a share that is not there is not made a local folder
    # It counts as the day's backup; the list shows it.
    assert backup.daily_backup(sqlite_db, admin) is None
    assert [b.path for b in backup.list_backups(admin)] == [result.path]
    # A folder that is a file (or refuses writing) is the same.
    blocker = tmp_path / "un-file"
    blocker.write_text("x")
    _configure(backup_folder=str(blocker))
    fake_clock.advance(days=1)
    again = backup.daily_backup(sqlite_db, admin)
    assert again is not None and again.warning is not None
    assert again.path.parent == paths.backup_dir()


def test_a_manual_backup_goes_to_the_configured_folder(sqlite_db: Database, tmp_path: Path) -> None:
    admin = make_user(sqlite_db, "admin", Role.ADMIN)
    folder = tmp_path / "nas"
    folder.mkdir()
    _configure(backup_folder=str(folder))
    target = backup.backup(sqlite_db, admin)
    assert target.parent == folder
    assert [b.path for b in backup.list_backups(admin)] == [target]


def test_empty_or_cut_backups_neither_count_as_the_day_nor_among_the_n(
    sqlite_db: Database, fake_clock: FakeClock, tmp_path: Path
) -> None:
    admin = make_user(sqlite_db, "admin", Role.ADMIN)
    folder = tmp_path / "backup"
    folder.mkdir()
    _configure(backup_folder=str(folder), backups_kept=2)
    stamp = clock.utcnow().astimezone().strftime("%Y%m%d")
    (folder / f"tit-{stamp}-070000-giornaliero.sqlite3").write_bytes(b"")
    (folder / f"tit-{stamp}-070001-giornaliero.sqlite3").write_bytes(b"SQLite for")
    assert backup.daily_backup_due(sqlite_db)
    result = backup.daily_backup(sqlite_db, admin)
    assert result is not None
    assert _daily(folder) == [result.path.name]  # the empty ones were deleted, not kept
    assert [b.path for b in backup.list_backups(admin)] == [result.path]


def test_disabled_or_postgresql_takes_no_daily_backup(db: Database, admin: Actor) -> None:
    if db.is_sqlite:
        _configure(daily_backup=False)
    assert not backup.daily_backup_due(db)
    assert backup.daily_backup(db, admin) is None
    assert backup.list_backups(admin) == []


def test_the_warning_after_a_week_without_backup(
    db: Database, admin: Actor, fake_clock: FakeClock, tmp_path: Path
) -> None:
    with db.reading() as session:
        never = backup.backup_overdue(session)
        assert never is not None and never.days is None
        assert never.text == "Nessun backup del database è stato ancora eseguito."
    backup.backup(db, admin, tmp_path / "copia.sqlite3")
    with db.reading() as session:
        assert backup.backup_overdue(session) is None
        today = clock.today()
        assert backup.backup_overdue(session, today + dt.timedelta(days=7)) is None
        late = backup.backup_overdue(session, today + dt.timedelta(days=8))
        assert late is not None and late.days == 8
        assert late.text == (
            f"L'ultimo backup del database risale a 8 giorni fa ({today:%d/%m/%Y})."
        )


def test_a_migration_backup_goes_to_the_configured_folder(
    tmp_path: Path, fake_clock: FakeClock
) -> None:
    """Before each migration (schema.upgrade of an old SQLite file) a backup is written."""
    folder = tmp_path / "backup"
    folder.mkdir()
    _configure(backup_folder=str(folder))
    old = tmp_path / "vecchio.sqlite3"
    old.write_bytes((Path(__file__).parents[1] / "data" / "tit-rev0001.sqlite3").read_bytes())
    db = Database("sqlite:///" + old.as_posix())
    result = schema.upgrade(db)
    db.dispose()
    assert result.backup_path is not None and result.backup_path.parent == folder
    assert result.backup_path.name.endswith("-prima-aggiornamento-0001.sqlite3")


def test_backup_settings_are_checked_audited_and_for_managers_only(
    db: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    from tit_desktop.services.errors import PermissionDenied, ValidationError

    admin = actors[Role.ADMIN]
    missing = tmp_path / "non-montata"
    with pytest.raises(ValidationError) as refused:
        backup.configure_backups(db, admin, str(missing), 0, True)
    assert refused.value.fields == {
        "backup_folder": f"la cartella {missing} non esiste o non è raggiungibile",
        "backups_kept": "indicare un numero da 1 a 365",
    }
    with pytest.raises(ValidationError) as relative:
        backup.configure_backups(db, admin, "backup", 5, True)
    assert relative.value.fields == {
        "backup_folder": "indicare il percorso completo della cartella"
    }
    with pytest.raises(PermissionDenied):
        backup.configure_backups(db, actors[Role.OPERATOR], str(tmp_path), 5, True)
    assert Settings.load().backup_folder == ""
    backup.configure_backups(db, admin, str(tmp_path), 5, False)
    saved = Settings.load()
    assert (saved.backup_folder, saved.backups_kept, saved.daily_backup) == (
        str(tmp_path),
        5,
        False,
    )
    with db.reading() as session:
        row = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "update", AuditEntry.entity == "database")
        ).one()
    assert row.detail == "impostazioni dei backup automatici di questo PC"
    assert row.changes == {
        "cartella": ["", str(tmp_path)],
        "conservati": [10, 5],
        "giornaliero": [True, False],
    }


def test_db_backup_on_the_command_line_says_when_it_fell_back(
    sqlite_db: Database, tmp_path: Path
) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import PASSWORD

    make_user(sqlite_db, "admin", Role.ADMIN)
    share = tmp_path / "spento" / "backup"
    _configure(backup_folder=str(share))
    url = str(sqlite_db.engine.url)
    command = [sys.executable, "-m", "tit_desktop", "--database", url, "--user", "admin"]
    result = subprocess.run(
        [*command, "db", "backup"],
        capture_output=True,
        text=True,
        env={**os.environ, "TIT_PASSWORD": PASSWORD},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(
        f"Attenzione: La cartella dei backup {share} non è raggiungibile ("
    )
    written = Path(result.stdout.strip().removeprefix("Backup scritto in "))
    assert written.parent == paths.backup_dir() and written.is_file()
