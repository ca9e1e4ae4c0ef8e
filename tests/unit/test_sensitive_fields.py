"""Sensitive fields reach only the roles the matrix allows, on every way out: the activity
log as the viewer shows it, the person's timeline (on screen and printed).

Money (amounts, the families' IBAN) needs READ_MONEY; the text of a confidential note needs
READ_CONFIDENTIAL. The expectations are read from ROLE_PERMISSIONS: a role that gains or
loses a permission changes what these tests expect.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.conftest import make_user
from tests.demo_cache import fill_demo
from tit_desktop.models import HostingAgreement, NoteLevel, Person, Role
from tit_desktop.services import audit, audit_text, forms, notes, timeline
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import ROLE_PERMISSIONS, SYSTEM, Actor, Permission

MONEY_TEXT = re.compile(r"\d,\d\d\s*(EUR|€)|€\s*\d|\bIT\d{2}\s?[A-Z]\d{3}", re.IGNORECASE)
SECRET = "Segnalazione riservata ai servizi: caso 4471"


@pytest.fixture
def demo_db(db: Database) -> Database:
    fill_demo(db, SYSTEM, people=12, seed=3)
    return db


def _log_texts(db: Database, actor: Actor) -> Iterator[str]:
    """Every text the activity log's list and detail window show for the whole log."""
    with db.reading() as session:
        page = audit_text.load_page(session, actor, audit.AuditFilter(), limit=100_000)
    for line in page.lines:
        yield line.text
        shown = audit_text.detail(line.row, page.references)
        yield from (value for _label, value in shown.facts)
        for row in shown.rows:
            yield row.before
            yield row.after


def test_the_activity_log_masks_money_for_a_reader_without_read_money(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN the operatori given the activity log (the matrix may change: today only roles
    # holding READ_MONEY read it), and the demo's payments, agreements and IBANs in the log
    monkeypatch.setitem(
        ROLE_PERMISSIONS, Role.OPERATOR, ROLE_PERMISSIONS[Role.OPERATOR] | {Permission.VIEW_AUDIT}
    )
    admin = make_user(demo_db, "capo", Role.ADMIN)
    auditor = make_user(demo_db, "operatrice", Role.OPERATOR)
    # WHEN each reads the whole log
    admin_money = [t for t in _log_texts(demo_db, admin) if MONEY_TEXT.search(t)]
    auditor_texts = list(_log_texts(demo_db, auditor))
    # THEN the administrator sees the amounts, the operatrice "riservato" in their place
    assert admin_money, "the demo's log holds amounts: the check must be able to see them"
    assert [t for t in auditor_texts if MONEY_TEXT.search(t)] == []
    assert audit_text.MASKED in auditor_texts


def test_convention_amounts_read_as_money_in_the_log() -> None:
    """Every money column of the models is a money field of the log (formatted, masked)."""
    assert {"total", "planned", "eligible", "vat", "share", "annual_gross"} <= (
        audit_text.MONEY_FIELDS
    )
    assert audit_text.value_text("eligible", "1234.5") == "1.234,50 EUR"


@pytest.mark.parametrize("role", list(ROLE_PERMISSIONS), ids=lambda r: r.value)
def test_the_timeline_shows_a_role_only_what_it_may_read(
    demo_db: Database, role: Role, tmp_path: Path
) -> None:
    # GIVEN a hosted person with a confidential note
    coordinator = make_user(demo_db, "coord", Role.COORDINATOR)
    with demo_db.reading() as session:
        person_id, code = session.execute(
            select(Person.id, Person.code)
            .join(HostingAgreement, HostingAgreement.person_id == Person.id)
            .order_by(Person.id)
        ).first()  # type: ignore[misc]
    with demo_db.transaction(coordinator) as session:
        notes.add_note(session, coordinator, person_id, SECRET, NoteLevel.CONFIDENTIAL)
    actor = make_user(demo_db, f"chi-{role.value}", role)
    # WHEN the role reads the person's timeline (and prints it, when it may)
    with demo_db.reading() as session:
        events = timeline.events_for(session, actor, person_id)
    texts = [f"{e.title} {e.detail}" for e in events]
    if actor.can(Permission.EXPORT_DATA):
        out = tmp_path / "cronologia.pdf"
        with demo_db.transaction(actor) as session:
            forms.print_document(session, actor, "cronologia", {"person": code}, out)
        texts += [page.extract_text() or "" for page in PdfReader(out).pages]
    # THEN money only with READ_MONEY, the note's text only with READ_CONFIDENTIAL
    joined = "\n".join(texts)
    assert any("Accoglienza" in t for t in texts)
    assert bool(MONEY_TEXT.search(joined)) is actor.can(Permission.READ_MONEY)
    assert SECRET not in joined  # the timeline has no notes, for anyone
