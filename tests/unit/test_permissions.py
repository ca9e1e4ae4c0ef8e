"""A read-only user (lettura) is refused by every service that writes.

WRITE_SERVICES names each writing service with a call that would otherwise succeed or fail
only for other reasons; the meta-test below makes sure a new writing service cannot be
added to tit_desktop.services without being listed here.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

import tit_desktop.services
from tit_desktop.models import AuditEntry, HouseholdRelation, MealType, Role
from tit_desktop.services import (
    attachments,
    backup,
    canteen,
    demo,
    duplicates,
    gdpr,
    household,
    merge,
    notes,
    persons,
    users,
)
from tit_desktop.services.database import Database
from tit_desktop.services.errors import PermissionDenied
from tit_desktop.services.permissions import ROLE_PERMISSIONS, Actor, Permission

WRITE_PREFIXES = (
    "add_",
    "create_",
    "update_",
    "delete_",
    "reset_",
    "set_",
    "merge_",
    "anonymise_",
    "import_",
    "restore",
    "backup",
    "fill_",
    "record_",
    "undo_",
    "remove_",
    "save_",
    "attach_",
    "link_",
    "unlink_",
    "mark_",
)
# Writing functions that any logged-in user may call on their own account.
SELF_SERVICE = {"users.change_password", "users.login"}
# The bulk-write helper audits for the service that calls it; that service checks the role.
BULK_HELPERS = {"bulk.insert_rows", "bulk.update_rows", "bulk.delete_rows"}
# Writes only the audit row of a schema upgrade (which every start runs, whatever the role):
# who ran it, not a permission.
AUDIT_ONLY = {"schema.record_upgrade"}


def _person() -> persons.PersonInput:
    return persons.PersonInput(
        code="P1", last_name="Rossi", first_name="Ada", intake_date=dt.date(2024, 1, 10)
    )


WRITE_SERVICES: dict[str, Callable[[Database, Actor, Path], Any]] = {
    "users.add_user": lambda db, a, _p: _in_tx(
        db, a, lambda s: users.add_user(s, a, "nuovo", Role.OPERATOR, "Password-nuova-1")
    ),
    "users.update_user": lambda db, a, _p: _in_tx(
        db, a, lambda s: users.update_user(s, a, 1, expected_version=1, full_name="X")
    ),
    "users.reset_password": lambda db, a, _p: _in_tx(
        db, a, lambda s: users.reset_password(s, a, 1, "Password-nuova-1")
    ),
    "persons.create_person": lambda db, a, _p: _in_tx(
        db, a, lambda s: persons.create_person(s, a, _person())
    ),
    "persons.update_person": lambda db, a, _p: _in_tx(
        db, a, lambda s: persons.update_person(s, a, 1, _person(), expected_version=1)
    ),
    "backup.backup": lambda db, a, p: backup.backup(db, a, p / "b.sqlite3"),
    "backup.restore": lambda db, a, p: backup.restore(db, a, p / "b.sqlite3"),
    "demo.fill_demo_data": lambda db, a, _p: demo.fill_demo_data(db, a, people=2),
    "notes.add_note": lambda db, a, _p: _in_tx(db, a, lambda s: notes.add_note(s, a, 1, "Nota")),
    "household.link_relative": lambda db, a, _p: _in_tx(
        db, a, lambda s: household.link_relative(s, a, 1, "P2", HouseholdRelation.OTHER_RELATIVE)
    ),
    "household.unlink_relative": lambda db, a, _p: _in_tx(
        db, a, lambda s: household.unlink_relative(s, a, 1)
    ),
    "attachments.attach_file": lambda db, a, p: _in_tx(
        db, a, lambda s: attachments.attach_file(s, a, 1, p / "scan.pdf")
    ),
    "attachments.remove_attachment": lambda db, a, _p: _in_tx(
        db, a, lambda s: attachments.remove_attachment(s, a, 1)
    ),
    "gdpr.anonymise_person": lambda db, a, _p: _in_tx(
        db, a, lambda s: gdpr.anonymise_person(s, a, 1, "Richiesta dell'interessato", "P1")
    ),
    "duplicates.mark_not_same": lambda db, a, _p: _in_tx(
        db,
        a,
        lambda s: duplicates.mark_not_same(s, a, 1, 2),
    ),
    "merge.merge_persons": lambda db, a, _p: _in_tx(
        db,
        a,
        lambda s: merge.merge_persons(s, a, 1, 2),
    ),
    "merge.undo_merge": lambda db, a, _p: _in_tx(db, a, lambda s: merge.undo_merge(s, a, 1)),
    "canteen.check_in": lambda db, a, _p: _in_tx(db, a, lambda s: canteen.check_in(s, a, "P1")),
    "canteen.check_in_person": lambda db, a, _p: _in_tx(
        db, a, lambda s: canteen.check_in_person(s, a, 1)
    ),
    "canteen.undo_check_in": lambda db, a, _p: _in_tx(
        db, a, lambda s: canteen.undo_check_in(s, a, 1)
    ),
    "canteen.issue_card": lambda db, a, _p: _in_tx(db, a, lambda s: canteen.issue_card(s, a, 1)),
    "canteen.renew_card": lambda db, a, _p: _in_tx(
        db, a, lambda s: canteen.renew_card(s, a, 1, dt.date(2030, 1, 1))
    ),
    "canteen.revoke_card": lambda db, a, _p: _in_tx(db, a, lambda s: canteen.revoke_card(s, a, 1)),
    "canteen.replace_card": lambda db, a, _p: _in_tx(
        db, a, lambda s: canteen.replace_card(s, a, 1)
    ),
    "canteen.save_meal_setting": lambda db, a, _p: _in_tx(
        db,
        a,
        lambda s: canteen.save_meal_setting(
            s, a, MealType.LUNCH, dt.time(12, 0), dt.time(14, 0), 50
        ),
    ),
}


def _in_tx(db: Database, actor: Actor, work: Callable[[Any], Any]) -> Any:
    with db.transaction(actor) as session:
        return work(session)


@pytest.mark.parametrize("name", sorted(WRITE_SERVICES))
def test_read_only_user_is_refused(
    db: Database, actors: dict[Role, Actor], name: str, tmp_path: Path
) -> None:
    reader = actors[Role.READ_ONLY]
    with db.reading() as session:
        before = session.scalar(select(func.max(AuditEntry.id))) or 0
    with pytest.raises(PermissionDenied) as err:
        WRITE_SERVICES[name](db, reader, tmp_path)
    assert err.value.message.startswith("Operazione non consentita: il ruolo «Sola lettura»")
    # Nothing written but the refusal's own record, signed by who tried
    with db.reading() as session:
        added = session.execute(
            select(AuditEntry.action, AuditEntry.username, AuditEntry.detail).where(
                AuditEntry.id > before
            )
        ).all()
    assert [tuple(row) for row in added] == [("denied", "lettura", err.value.message)]


def test_every_writing_service_is_listed() -> None:
    found = set()
    package = Path(tit_desktop.services.__file__).parent
    for module_info in pkgutil.iter_modules([str(package)]):
        module = importlib.import_module(f"tit_desktop.services.{module_info.name}")
        for fname, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or fname.startswith("_"):
                continue
            params = list(inspect.signature(function).parameters)
            if "actor" in params and fname.startswith(WRITE_PREFIXES):
                found.add(f"{module_info.name}.{fname}")
    missing = found - set(WRITE_SERVICES) - SELF_SERVICE - BULK_HELPERS - AUDIT_ONLY
    assert missing == set(), f"writing services without a lettura test: {sorted(missing)}"


@pytest.mark.parametrize("name", ["print_form", "copy_to_file", "export_workbook"])
def test_read_only_user_cannot_take_personal_data_out(
    db: Database, actors: dict[Role, Actor], name: str, tmp_path: Path
) -> None:
    from tit_desktop.services import exchange, forms

    reader = actors[Role.READ_ONLY]
    out = tmp_path / "uscita"
    out.mkdir()
    calls = {
        "print_form": lambda s: forms.print_form(s, reader, "scheda-iscrizione", 1, out / "f.pdf"),
        "copy_to_file": lambda s: attachments.copy_to_file(s, reader, 1, out / "c.pdf"),
        "export_workbook": lambda s: exchange.export_workbook(s, reader, out / "e.xlsx"),
    }
    with pytest.raises(PermissionDenied), db.transaction(reader) as session:
        calls[name](session)
    assert list(out.iterdir()) == []


def test_read_only_role_has_no_write_permission() -> None:
    writes = {
        Permission.EXPORT_DATA,
        Permission.WRITE_REGISTRY,
        Permission.WRITE_MONEY,
        Permission.MANAGE_USERS,
        Permission.MANAGE_SETTINGS,
        Permission.MANAGE_DATABASE,
        Permission.RESTORE_DATABASE,
        Permission.ANONYMISE,
        Permission.IMPORT_DATA,
    }
    assert ROLE_PERMISSIONS[Role.READ_ONLY] & writes == set()
    assert Permission.READ_CONFIDENTIAL not in ROLE_PERMISSIONS[Role.OPERATOR]
    assert Permission.READ_MONEY not in ROLE_PERMISSIONS[Role.OPERATOR]
    assert Permission.MANAGE_USERS not in ROLE_PERMISSIONS[Role.COORDINATOR]
    assert Permission.RESTORE_DATABASE not in ROLE_PERMISSIONS[Role.COORDINATOR]
