"""The activity log's sentences for the idle lock and the daily backup."""

from __future__ import annotations

import datetime as dt

from tit_desktop.models.audit import AuditAction
from tit_desktop.services import audit, audit_text


def _row(action: str, detail: str | None) -> audit.AuditRow:
    return audit.AuditRow(
        id=1,
        at=dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC),
        username="anna",
        action=action,
        entity="app_user" if action != AuditAction.BACKUP else "database",
        entity_id="1",
        changes=None,
        detail=detail,
    )


def test_lock_unlock_and_daily_backup_read_as_sentences() -> None:
    assert audit_text.ACTION_LABELS[AuditAction.LOCK] == "Blocco per inattività"
    assert audit_text.ACTION_LABELS[AuditAction.UNLOCK] == "Sblocco"
    assert audit_text.sentence(_row(AuditAction.LOCK, "nessuna attività per 10 minuti")) == (
        "Finestra bloccata (nessuna attività per 10 minuti)"
    )
    assert audit_text.sentence(_row(AuditAction.UNLOCK, None)) == (
        "Finestra sbloccata con la password"
    )
    daily = _row(AuditAction.BACKUP, "backup automatico giornaliero: /b/tit-1-giornaliero.sqlite3")
    assert audit_text.sentence(daily).startswith("Backup automatico giornaliero del database in ")
    assert "/b/tit-1-giornaliero.sqlite3" in audit_text.sentence(daily)
