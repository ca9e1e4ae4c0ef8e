"""``tit-desktop db verify-audit``: an administrator checks the audit log's chain; exit 0
when intact, 1 naming the first broken link (here: a row rewritten with raw SQL)."""

from __future__ import annotations

import json

from sqlalchemy import select, text

from tests.integration.test_cli import PASSWORD, run, run_here
from tit_desktop.models import AuditEntry
from tit_desktop.services.database import Database


def test_verify_audit_reports_the_first_broken_link(db_url: str) -> None:
    assert run_here("user", "add", "anna", "--role", "admin", db_url=db_url, stdin=PASSWORD + "\n")
    env = {"TIT_PASSWORD": PASSWORD}
    added = run_here(
        "--user",
        "anna",
        "user",
        "add",
        "carla",
        "--role",
        "coordinatore",
        db_url=db_url,
        stdin=PASSWORD + "\n",
        env=env,
    )
    assert added.returncode == 0, added.stderr

    ok = run_here("--user", "anna", "db", "verify-audit", db_url=db_url, env=env)
    assert ok.returncode == 0, ok.stderr
    assert "integro" in ok.stdout

    refused = run_here("--user", "carla", "db", "verify-audit", db_url=db_url, env=env)
    assert refused.returncode == 1
    assert "Rifiutato" in refused.stderr

    db = Database(db_url)
    try:
        with db.reading() as session:
            victim = session.scalars(select(AuditEntry.id).order_by(AuditEntry.id)).first()
        with db.engine.begin() as conn:
            conn.execute(
                text("UPDATE audit_log SET action = 'view' WHERE id = :id"), {"id": victim}
            )
    finally:
        db.dispose()

    broken = run("--user", "anna", "db", "verify-audit", db_url=db_url, env=env)
    assert broken.returncode == 1
    assert f"riga {victim}" in broken.stdout and "ALTERATO" in broken.stdout
    as_json = run_here("--user", "anna", "db", "verify-audit", "--json", db_url=db_url, env=env)
    assert as_json.returncode == 1
    data = json.loads(as_json.stdout)
    assert data["intact"] is False and data["broken"]["audit_id"] == victim
    assert "non corrisponde" in data["broken"]["reason"]
