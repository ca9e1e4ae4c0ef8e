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
from decimal import Decimal
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
    courses,
    demo,
    duplicates,
    gdpr,
    household,
    housing,
    housing_forms,
    merge,
    notes,
    pathways,
    persons,
    plans,
    street,
    tirocini,
    users,
)
from tit_desktop.services.convention import expenditures, payment_requests
from tit_desktop.services.database import Database
from tit_desktop.services.errors import PermissionDenied
from tit_desktop.services.exchange.importer import import_raw, import_workbook
from tit_desktop.services.gdpr import retention
from tit_desktop.services.permissions import ROLE_PERMISSIONS, Actor, Permission

WRITE_PREFIXES = (
    "submit",
    "unlock",
    "close_",
    "apply",
    "reopen",
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
SELF_SERVICE = {
    "users.change_password",
    "users.login",
    "session_lock.record_lock",
    "session_lock.unlock",
}
# The bulk-write helper audits for the service that calls it; that service checks the role.
BULK_HELPERS = {"bulk.insert_rows", "bulk.update_rows", "bulk.delete_rows"}
# Writes only the audit row of a schema upgrade (which every start runs, whatever the role):
# who ran it, not a permission.
AUDIT_ONLY = {
    "schema.record_upgrade",
    "exporter.record_export",
}
# The same function listed under the package that re-exports it.
ALIASES = {"erasure.anonymise_person"}


def _person() -> persons.PersonInput:
    return persons.PersonInput(
        code="P1", last_name="Rossi", first_name="Ada", intake_date=dt.date(2024, 1, 10)
    )


def _hosting_writers() -> dict[str, Callable[[Database, Actor, Path], Any]]:
    from decimal import Decimal

    from tit_desktop.models import HostingTime
    from tit_desktop.services import hosting

    family = hosting.FamilyInput(name="Rossi")
    agreement = hosting.AgreementInput(family_id=1, person_code="X", start_date=dt.date(2026, 1, 1))
    calls: dict[str, Callable[[Any, Actor], Any]] = {
        "hosting.create_family": lambda s, a: hosting.create_family(s, a, family),
        "hosting.update_family": lambda s, a: hosting.update_family(s, a, 1, family, 1),
        "hosting.delete_family": lambda s, a: hosting.delete_family(s, a, 1),
        "hosting.set_default_amount": lambda s, a: hosting.set_default_amount(
            s, a, HostingTime.FULL, Decimal("600")
        ),
        "hosting.create_agreement": lambda s, a: hosting.create_agreement(s, a, agreement),
        "hosting.update_agreement": lambda s, a: hosting.update_agreement(s, a, 1, agreement, 1),
        "hosting.delete_agreement": lambda s, a: hosting.delete_agreement(s, a, 1),
        "hosting.mark_paid": lambda s, a: hosting.mark_paid(s, a, 1, dt.date(2026, 2, 1)),
    }
    return {
        name: (lambda db, a, _p, call=call: _in_tx(db, a, lambda s: call(s, a)))
        for name, call in calls.items()
    }


D = dt.date(2025, 2, 1)


def _convention_writers() -> dict[str, Callable[[Database, Actor, Path], Any]]:
    """The convention's writers: each checks the role before reading its arguments."""
    from tit_desktop.services.convention import (
        budget,
        conventions,
        deadlines,
        expenditures,
        payment_requests,
        staff,
    )

    day = dt.date(2026, 1, 1)
    calls: dict[str, Callable[[Any, Actor], Any]] = {
        "budget.create_line": lambda s, a: budget.create_line(s, a, 1, None),  # type: ignore[arg-type]
        "budget.update_line": lambda s, a: budget.update_line(s, a, 1, 1, None),  # type: ignore[arg-type]
        "budget.delete_line": lambda s, a: budget.delete_line(s, a, 1),
        "conventions.create_convention": lambda s, a: conventions.create_convention(s, a, None),  # type: ignore[arg-type]
        "conventions.update_convention": lambda s, a: conventions.update_convention(
            s,
            a,
            1,
            1,
            None,  # type: ignore[arg-type]
        ),
        "conventions.add_extension": lambda s, a: conventions.add_extension(s, a, 1, day, "x"),
        "conventions.remove_extension": lambda s, a: conventions.remove_extension(s, a, 1),
        "conventions.set_partner": lambda s, a: conventions.set_partner(s, a, 1, 1, None),
        "conventions.remove_partner": lambda s, a: conventions.remove_partner(s, a, 1),
        "conventions.attach_document": lambda s, a: conventions.attach_document(
            s, a, 1, "a.pdf", b"%PDF"
        ),
        "deadlines.add_deadline": lambda s, a: deadlines.add_deadline(s, a, 1, "x", day),
        "deadlines.add_quarterly_monitoring": lambda s, a: deadlines.add_quarterly_monitoring(
            s, a, 1
        ),
        "deadlines.mark_done": lambda s, a: deadlines.mark_done(s, a, 1, 1, day, "x"),
        "expenditures.create_expenditure": lambda s, a: expenditures.create_expenditure(
            s,
            a,
            1,
            None,  # type: ignore[arg-type]
        ),
        "expenditures.update_expenditure": lambda s, a: expenditures.update_expenditure(
            s,
            a,
            1,
            1,
            None,  # type: ignore[arg-type]
        ),
        "expenditures.delete_expenditure": lambda s, a: expenditures.delete_expenditure(s, a, 1, 1),
        "payment_requests.submit": lambda s, a: payment_requests.submit(s, a, 1, day, day),
        "payment_requests.unlock": lambda s, a: payment_requests.unlock(s, a, 1, "x"),
        "staff.record_hours": lambda s, a: staff.record_hours(s, a, 1, 1, day, "x", 60),
        "staff.set_staff_cost": lambda s, a: staff.set_staff_cost(s, a, 1, 2026, None, None),
        "staff.close_month": lambda s, a: staff.close_month(s, a, 1, 1, day),
        "staff.record_month": lambda s, a: staff.record_month(s, a, 1, 1, day, {}),
        "staff.reopen_month": lambda s, a: staff.reopen_month(s, a, 1, 1, day, "x"),
        "deadlines.add_deadlines": lambda s, a: deadlines.add_deadlines(s, a, 1, "x", day),
        "deadlines.reopen": lambda s, a: deadlines.reopen(s, a, 1, 1),
    }
    return {
        name: (lambda db, a, _p, call=call: _in_tx(db, a, lambda s: call(s, a)))
        for name, call in calls.items()
    }


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
    "backup.backup_to_folder": lambda db, a, p: backup.backup_to_folder(db, a, p / "b.sqlite3"),
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
    **_hosting_writers(),
    "street.create_contact": lambda db, a, _p: _in_tx(
        db, a, lambda s: street.create_contact(s, a, _contact())
    ),
    "street.update_contact": lambda db, a, _p: _in_tx(
        db, a, lambda s: street.update_contact(s, a, 1, _contact(), expected_version=1)
    ),
    "street.delete_contact": lambda db, a, _p: _in_tx(
        db, a, lambda s: street.delete_contact(s, a, 1, expected_version=1)
    ),
    "street.add_zone": lambda db, a, _p: _in_tx(db, a, lambda s: street.add_zone(s, a, "Porto")),
    "street.set_zone_active": lambda db, a, _p: _in_tx(
        db, a, lambda s: street.set_zone_active(s, a, 1, False)
    ),
    "housing.create_unit": lambda db, a, _p: _in_tx(
        db, a, lambda s: housing.create_unit(s, a, housing.UnitInput("Casa", "co-housing"))
    ),
    "housing.update_unit": lambda db, a, _p: _in_tx(
        db, a, lambda s: housing.update_unit(s, a, 1, housing.UnitInput("Casa", "co-housing"), 1)
    ),
    "housing.deactivate_unit": lambda db, a, _p: _in_tx(
        db, a, lambda s: housing.deactivate_unit(s, a, 1, dt.date(2026, 1, 1), 1)
    ),
    "housing.assign": lambda db, a, _p: _in_tx(
        db, a, lambda s: housing.assign(s, a, 1, 1, 1, dt.date(2026, 1, 1))
    ),
    "housing.move": lambda db, a, _p: _in_tx(
        db, a, lambda s: housing.move(s, a, 1, 1, 2, dt.date(2026, 1, 1), 1)
    ),
    "housing.end_stay": lambda db, a, _p: _in_tx(
        db, a, lambda s: housing.end_stay(s, a, 1, dt.date(2026, 1, 1), "decesso", 1)
    ),
    "housing.reopen_stay": lambda db, a, _p: _in_tx(
        db, a, lambda s: housing.reopen_stay(s, a, 1, 1)
    ),
    "housing.update_notes": lambda db, a, _p: _in_tx(
        db, a, lambda s: housing.update_notes(s, a, 1, "nota", 1)
    ),
    "housing.delete_stay": lambda db, a, _p: _in_tx(
        db, a, lambda s: housing.delete_stay(s, a, 1, 1)
    ),
    # Printing takes data out: EXPORT_DATA, which the auditors' role has not.
    "housing_forms.fill_agreement": lambda db, a, p: _in_tx(
        db, a, lambda s: housing_forms.fill_agreement(s, a, {"person": "P1"}, "it", p / "a.pdf")
    ),
    "housing_forms.fill_register": lambda db, a, p: _in_tx(
        db,
        a,
        lambda s: housing_forms.fill_register(
            s, a, {"alloggio": "Casa", "month": "03/2026"}, "it", p / "r.pdf"
        ),
    ),
    "housing_forms.fill_tonight": lambda db, a, p: _in_tx(
        db, a, lambda s: housing_forms.fill_tonight(s, a, {}, "it", p / "t.pdf")
    ),
    # the Percorsi area (each checks the role before anything else)
    "courses.add_session": lambda db, a, _p: _in_tx(
        db, a, lambda s: courses.add_session(s, a, 1, D, 60)
    ),
    "courses.create_course": lambda db, a, _p: _in_tx(
        db, a, lambda s: courses.create_course(s, a, courses.CourseInput("X", None, 1, D, D))
    ),
    "courses.delete_course": lambda db, a, _p: _in_tx(
        db, a, lambda s: courses.delete_course(s, a, 1, 1)
    ),
    "courses.delete_session": lambda db, a, _p: _in_tx(
        db, a, lambda s: courses.delete_session(s, a, 1, 1)
    ),
    "courses.record_attendance": lambda db, a, _p: _in_tx(
        db, a, lambda s: courses.record_attendance(s, a, 1, {1: 60})
    ),
    "courses.update_course": lambda db, a, _p: _in_tx(
        db, a, lambda s: courses.update_course(s, a, 1, 1, courses.CourseInput("X", None, 1, D, D))
    ),
    "courses.update_session": lambda db, a, _p: _in_tx(
        db, a, lambda s: courses.update_session(s, a, 1, 1, D, 60)
    ),
    "pathways.create_pathway": lambda db, a, _p: _in_tx(
        db, a, lambda s: pathways.create_pathway(s, a, pathways.PathwayInput(1, D))
    ),
    "pathways.delete_pathway": lambda db, a, _p: _in_tx(
        db, a, lambda s: pathways.delete_pathway(s, a, 1, 1)
    ),
    "pathways.close_pathway": lambda db, a, _p: _in_tx(
        db, a, lambda s: pathways.close_pathway(s, a, 1, 1, D, "decesso")
    ),
    "pathways.update_pathway": lambda db, a, _p: _in_tx(
        db, a, lambda s: pathways.update_pathway(s, a, 1, pathways.PathwayInput(1, D), 1)
    ),
    "plans.add_action": lambda db, a, _p: _in_tx(
        db, a, lambda s: plans.add_action(s, a, 1, plans.ActionInput("X"))
    ),
    "plans.add_assessment": lambda db, a, _p: _in_tx(
        db, a, lambda s: plans.add_assessment(s, a, 1, "ingresso", D, {})
    ),
    "plans.add_goal": lambda db, a, _p: _in_tx(
        db, a, lambda s: plans.add_goal(s, a, 1, "lingua", "X")
    ),
    "plans.add_review": lambda db, a, _p: _in_tx(
        db, a, lambda s: plans.add_review(s, a, 1, D, "X")
    ),
    "plans.delete_action": lambda db, a, _p: _in_tx(
        db, a, lambda s: plans.delete_action(s, a, 1, 1)
    ),
    "plans.delete_assessment": lambda db, a, _p: _in_tx(
        db, a, lambda s: plans.delete_assessment(s, a, 1, 1)
    ),
    "plans.delete_goal": lambda db, a, _p: _in_tx(db, a, lambda s: plans.delete_goal(s, a, 1, 1)),
    "plans.delete_review": lambda db, a, _p: _in_tx(
        db, a, lambda s: plans.delete_review(s, a, 1, 1)
    ),
    "plans.update_action": lambda db, a, _p: _in_tx(
        db, a, lambda s: plans.update_action(s, a, 1, 1, plans.ActionInput("X"))
    ),
    "plans.update_goal": lambda db, a, _p: _in_tx(
        db, a, lambda s: plans.update_goal(s, a, 1, 1, "lingua", "X")
    ),
    "plans.update_review": lambda db, a, _p: _in_tx(
        db, a, lambda s: plans.update_review(s, a, 1, 1, D, "X")
    ),
    "tirocini.create_tirocinio": lambda db, a, _p: _in_tx(
        db, a, lambda s: tirocini.create_tirocinio(s, a, tirocini.TirocinioInput(1))
    ),
    "tirocini.delete_tirocinio": lambda db, a, _p: _in_tx(
        db, a, lambda s: tirocini.delete_tirocinio(s, a, 1, 1)
    ),
    "tirocini.record_month": lambda db, a, _p: _in_tx(
        db, a, lambda s: tirocini.record_month(s, a, 1, D, 10)
    ),
    "tirocini.record_payment": lambda db, a, _p: _in_tx(
        db, a, lambda s: tirocini.record_payment(s, a, 1, D, None, D)
    ),
    "tirocini.remove_payment": lambda db, a, _p: _in_tx(
        db, a, lambda s: tirocini.remove_payment(s, a, 1, 1)
    ),
    "tirocini.update_tirocinio": lambda db, a, _p: _in_tx(
        db, a, lambda s: tirocini.update_tirocinio(s, a, 1, 1, tirocini.TirocinioInput(1))
    ),
    **_convention_writers(),
    "importer.import_workbook": lambda db, a, p: _in_tx(
        db, a, lambda s: import_workbook(s, a, p / "cartella.xlsx")
    ),
    "importer.import_raw": lambda db, a, _p: _in_tx(
        db,
        a,
        lambda s: import_raw(s, a, None),  # type: ignore[arg-type]
    ),
    "retention.apply": lambda db, a, _p: _in_tx(
        db,
        a,
        lambda s: retention.apply(
            s, a, retention.Batch(5, dt.date(2021, 1, 1), dt.date(2026, 1, 1), "x")
        ),
    ),
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


def _contact() -> street.ContactInput:
    return street.ContactInput(
        occurred_on=dt.date(2026, 3, 10), place="Stazione centrale", anonymous_m=1
    )


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
    for module_info in pkgutil.walk_packages([str(package)], "tit_desktop.services."):
        module = importlib.import_module(module_info.name)
        for fname, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or fname.startswith("_"):
                continue
            params = list(inspect.signature(function).parameters)
            if "actor" in params and fname.startswith(WRITE_PREFIXES):
                found.add(f"{module_info.name.rsplit('.', 1)[-1]}.{fname}")
    missing = found - set(WRITE_SERVICES) - SELF_SERVICE - BULK_HELPERS - AUDIT_ONLY - ALIASES
    assert missing == set(), f"writing services without a lettura test: {sorted(missing)}"


@pytest.mark.parametrize(
    "name",
    ["print_form", "copy_to_file", "export_workbook", "export_register", "export_documents"],
)
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
        # the convention's money is the auditors' to read, but its annex names payees
        "export_register": lambda s: expenditures.export_register(
            s, reader, expenditures.ExpenditureFilter(1), out / "r.xlsx"
        ),
        "export_documents": lambda s: payment_requests.export_documents(
            s, reader, _no_figures(), out / "d.pdf", out / "d.xlsx"
        ),
    }
    with pytest.raises(PermissionDenied), db.transaction(reader) as session:
        calls[name](session)
    assert list(out.iterdir()) == []


def _no_figures() -> payment_requests.RequestFigures:
    """A request's figures as the auditors may read them (their content does not matter)."""
    day = dt.date(2021, 1, 1)
    return payment_requests.RequestFigures(
        1, "TIU", "Titolo", "B99J21000000001", None, None, Decimal(1), day, day, [], []
    )


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
