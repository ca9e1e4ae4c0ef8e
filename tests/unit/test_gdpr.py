"""Anonymisation (art. 17 GDPR, keeping the statistics) and the registry of person-data
sections that later modules (stays, meals, percorsi) fill. The access request itself is
tested in test_access_request.py."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pypdf
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, inspect, select, text

from tit_desktop.models import (
    Attachment,
    AuditEntry,
    HouseholdLink,
    HouseholdRelation,
    NoteLevel,
    NotSamePerson,
    Organisation,
    Person,
    PersonNote,
    PersonSearchToken,
    Role,
    Sex,
    StaffMember,
)
from tit_desktop.services import attachments, audit, clock, forms, gdpr, household, notes, persons
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from tit_desktop.services.permissions import SYSTEM, Actor

TODAY = dt.date(2026, 11, 25)

# As first typed (a transcription without accents), then corrected: the audit log holds both.
TYPED = persons.PersonInput(
    code="B-0042",
    last_name="Gundogdu",
    first_name="Sukru",
    sex="M",
    birth_date=dt.date(1990, 3, 12),
    birth_place_code="Z243",
    citizenship_code="Z243",
    fiscal_code="GNDSKR90C12Z243P",
    cui="0123456789",
    permit_type="Permesso di soggiorno",
    permit_reason="protezione speciale",
    permit_number="I12345678",
    permit_issuer="Questura di Ancona",
    permit_issued_on=dt.date(2025, 1, 10),
    permit_expires_on=dt.date(2027, 1, 9),
    phone="+39 333 1234567",
    email="sukru@example.org",
    address="Via Marconi 12, 60125 Ancona",
    languages="turco, italiano (A2)",
    education_isced=3,
    employment="disoccupato",
    ethos_at_intake=3,
    declined=frozenset({"disability"}),
    intake_date=dt.date(2024, 5, 2),
    consent_privacy=True,
    consent_privacy_on=dt.date(2024, 5, 2),
    consent_photo=False,
    consent_photo_on=dt.date(2024, 5, 3),
    notes="Arrivato con la moglie, Nguyễn Thị Hoa.",
)
CORRECTED = replace(TYPED, last_name="Gündoğdu", first_name="Şükrü", phone="+39 333 7654321")
OLD_VALUES = (
    "Gündoğdu",
    "Gundogdu",
    "Şükrü",
    "Sukru",
    "B-0042",
    "GNDSKR90C12Z243P",
    "0123456789",
    "I12345678",
    "+39 333 1234567",
    "+39 333 7654321",
    "sukru@example.org",
    "Via Marconi",
    "Arrivato con la moglie",
    "Primo colloquio",
    "Segnalazione riservata",
    "permesso_Gundogdu.pdf",
)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def _create(db: Database, actor: Actor, data: persons.PersonInput) -> int:
    with db.transaction(actor) as session:
        return persons.create_person(session, actor, data).id


def _simple(code: str, last: str, first: str, **values: Any) -> persons.PersonInput:
    values.setdefault("intake_date", dt.date(2024, 5, 2))
    return persons.PersonInput(code=code, last_name=last, first_name=first, **values)


def _scenario(db: Database, coordinator: Actor, tmp_path: Path) -> dict[str, int]:
    """A person with everything: corrected data, notes of both levels, an attachment that
    was also copied out, household links from both sides, a "persone distinte" decision,
    a printed form and an import message that quotes the codice fiscale."""
    with db.transaction(SYSTEM) as session:
        org = Organisation(name="Caritas Diocesana", is_referrer=True)
        staff = StaffMember(last_name="Коваленко", first_name="Ольга")
        session.add_all([org, staff])
        session.flush()
        org_id, staff_id = org.id, staff.id
    typed = replace(TYPED, referring_organisation_id=org_id, reference_staff_id=staff_id)
    pid = _create(db, coordinator, typed)
    wife = _create(db, coordinator, _simple("B-0043", "Nguyễn", "Thị Hoa", sex="F"))
    son = _create(db, coordinator, _simple("B-0045", "Nguyễn", "Minh", sex="M"))
    namesake = _create(db, coordinator, _simple("B-0044", "Gündoğan", "Şükran", sex="M"))
    scan = tmp_path / "permesso_Gundogdu.pdf"
    scan.write_bytes(b"%PDF-1.4 scansione del permesso")
    with db.transaction(coordinator) as session:
        corrected = replace(
            CORRECTED, referring_organisation_id=org_id, reference_staff_id=staff_id
        )
        persons.update_person(session, coordinator, pid, corrected, expected_version=1)
        notes.add_note(session, coordinator, pid, "Primo colloquio: cerca lavoro.")
        notes.add_note(session, coordinator, pid, "Segnalazione riservata.", NoteLevel.CONFIDENTIAL)
        household.link_relative(
            session, coordinator, pid, "B-0043", HouseholdRelation.SPOUSE_OR_PARTNER
        )
        household.link_relative(session, coordinator, son, "B-0042", HouseholdRelation.PARENT)
        info = attachments.attach_file(session, coordinator, pid, scan, "Permesso di soggiorno")
        session.add(NotSamePerson(person_low_id=pid, person_high_id=namesake))
        # A row that quotes the person's data names the person (audit.concerning finds
        # it by index; the log is not searched as a whole).
        audit.record(
            session,
            coordinator,
            "import",
            "database",
            detail="riga 5: codice fiscale GNDSKR90C12Z243P già presente",
            person_id=pid,
        )
    with db.transaction(coordinator) as session:
        attachments.copy_to_file(session, coordinator, info.id, tmp_path / "copia.pdf")
        forms.print_form(session, coordinator, "scheda-iscrizione", pid, tmp_path / "s.pdf")
    return {"person": pid, "wife": wife, "son": son, "namesake": namesake}


def _audit_text(db: Database) -> str:
    """Everything the audit log stores, decoded (JSON escapes \\u011f as ğ) and raw."""
    with db.reading() as session:
        rows = session.execute(
            select(AuditEntry.changes, AuditEntry.detail, AuditEntry.username)
        ).all()
        raw = session.scalars(
            text("SELECT CAST(changes AS TEXT) || ' ' || COALESCE(detail, '') FROM audit_log")
        ).all()
    decoded = [f"{json.dumps(c, ensure_ascii=False)} {d or ''}" for c, d, _ in rows]
    return "\n".join(decoded + [r or "" for r in raw])


def _anonymise(
    db: Database, actor: Actor, pid: int, code: str, reason: str = "Richiesta dell'interessato"
) -> None:
    with db.transaction(actor) as session:
        gdpr.anonymise_person(session, actor, pid, reason, code)


# --------------------------------------------------------------------------- erasure


def test_anonymise_erases_the_identity_from_the_registry_and_the_audit_log(
    db: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    coordinator = actors[Role.COORDINATOR]
    ids = _scenario(db, coordinator, tmp_path)
    pid = ids["person"]
    before = _audit_text(db)
    for value in OLD_VALUES:
        assert value.casefold() in before.casefold(), value
    with db.reading() as session:
        audit_ids_before = set(session.scalars(select(AuditEntry.id)))

    # WHEN the coordinator anonymises, typing the code, with the name in the reason
    _anonymise(db, coordinator, pid, " B-0042 ", "Richiesta di cancellazione di Şükrü Gündoğdu")

    with db.reading() as session:
        person = session.get(Person, pid)
        assert person is not None
        row = {c.key: getattr(person, c.key) for c in inspect(Person).column_attrs}
        assert person.anonymised_at is not None
        assert abs(person.anonymised_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
        # kept for the year-end figures: sex, citizenship, ETHOS, intake, birth year
        assert (row["sex"].value, row["citizenship_code"], row["ethos_at_intake"]) == (
            "M",
            "Z243",
            3,
        )
        assert row["intake_date"] == dt.date(2024, 5, 2)
        # born 12 March, intake 2 May: the birthday comes first in the calendar year
        assert row["birth_date"] == dt.date(1990, 1, 2)
        assert (row["code"], row["last_name"], row["first_name"]) == (
            f"ANON-{pid}",
            "Anonimo",
            f"#{pid}",
        )
        assert row["sort_key"] == f"anonimo {pid}"
        assert row["declined_fields"] == ""  # disability was declined: disability is erased
        erased = {
            k: v
            for k, v in row.items()
            if k
            not in {
                "id",
                "version",
                "code",
                "last_name",
                "first_name",
                "sort_key",
                "sex",
                "birth_date",
                "citizenship_code",
                "ethos_at_intake",
                "intake_date",
                "declined_fields",
                "anonymised_at",
                "created_at",
                "updated_at",
            }
        }
        assert erased == dict.fromkeys(erased)  # every other column is empty
        for model, column in (
            (PersonNote, PersonNote.person_id),
            (Attachment, Attachment.person_id),
            (HouseholdLink, HouseholdLink.person_id),
            (HouseholdLink, HouseholdLink.relative_id),
            (NotSamePerson, NotSamePerson.person_low_id),
        ):
            assert session.scalar(select(func.count()).select_from(model).where(column == pid)) == 0
        tokens = set(
            session.scalars(
                select(PersonSearchToken.token).where(PersonSearchToken.person_id == pid)
            )
        )
        assert tokens == {"anonimo", str(pid), f"anon{pid}"}
        # the relatives and the namesake are untouched, their search words too
        wife = session.get(Person, ids["wife"])
        assert wife is not None and (wife.code, wife.last_name) == ("B-0043", "Nguyễn")
        son_tokens = set(
            session.scalars(
                select(PersonSearchToken.token).where(PersonSearchToken.person_id == ids["son"])
            )
        )
        assert son_tokens == {"nguyen", "minh", "b0045"}
        # no audit row was deleted
        assert audit_ids_before <= set(session.scalars(select(AuditEntry.id)))

    after = _audit_text(db)
    for value in OLD_VALUES:
        assert value.casefold() not in after.casefold(), value
    # the raw stored JSON escapes non-ASCII letters: look for that spelling too
    for value in ("Gündoğdu", "Şükrü"):
        escaped = json.dumps(value)[1:-1]
        assert escaped.casefold() not in after.casefold(), escaped
    # ...while the relatives are still in the log, with their own history
    assert "Minh" in after and "Nguyễn" in after and "B-0043" in after

    with db.reading() as session:
        # the person's event (the other one is the chain's record of the rows scrubbed)
        event = session.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "anonymise", AuditEntry.entity == "person"
            )
        ).one()
        assert (event.entity, event.entity_id, event.username) == (
            "person",
            str(pid),
            "coordinatore",
        )
        assert event.detail == (
            "motivo: Richiesta di cancellazione di *** ***; eliminati: note 2, allegati 1, "
            "legami familiari 2, decisioni persone distinte 1"
        )
        assert event.changes is None
        # the son's own history still says who was linked to him, not to whom
        son_link = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "household_link", AuditEntry.action == "insert")
            .order_by(AuditEntry.id)
        ).all()
        assert [e.changes for e in son_link] == [
            {
                "id": 1,
                "person_id": "***",
                "relative_id": ids["wife"],
                "relation": "coniuge o partner",
            },
            {"id": 2, "person_id": ids["son"], "relative_id": "***", "relation": "genitore"},
        ]
        # who did what and when is still there: the correction of the record...
        update_row = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "person", AuditEntry.entity_id == str(pid))
            .where(AuditEntry.action == "update")
            .order_by(AuditEntry.id)
        ).first()
        assert update_row is not None and update_row.username == "coordinatore"
        assert update_row.changes == {
            "last_name": ["***", "***"],
            "first_name": ["***", "***"],
            "phone": ["***", "***"],
        }
        # ...and the import message keeps its sense without the codice fiscale
        imported = session.scalars(select(AuditEntry).where(AuditEntry.action == "import")).one()
        assert imported.detail == "riga 5: codice fiscale *** già presente"
        copied = session.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "attachment", AuditEntry.action == "export"
            )
        ).one()
        assert copied.detail == "copia salvata: ***"


def test_the_anonymous_record_opens_but_is_not_found_by_its_old_identity(
    db: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    coordinator = actors[Role.COORDINATOR]
    pid = _scenario(db, coordinator, tmp_path)["person"]
    _anonymise(db, coordinator, pid, "B-0042")
    with db.transaction(coordinator) as session:
        detail = persons.open_person(session, coordinator, pid)
        assert detail.anonymised is True
        assert detail.display_name == f"Anonimo #{pid}"
        assert detail.data.code == f"ANON-{pid}"
        assert detail.data.fiscal_code is None and detail.data.phone is None
        for words in ("Gündoğdu", "Sukru", "B-0042", "GNDSKR90C12Z243P", "0123456789"):
            flt = persons.PersonFilter(text=words, include_anonymised=True)
            assert persons.search_ids(session, coordinator, flt) == [], words
        found = persons.search_ids(
            session, coordinator, persons.PersonFilter(text="anon", include_anonymised=True)
        )
        assert found == [pid]
        assert persons.count(session, coordinator, persons.PersonFilter()) == 3
        everyone = persons.PersonFilter(include_anonymised=True)
        assert persons.count(session, coordinator, everyone) == 4


def _statistics(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    with db.reading() as session:

        def grouped(*columns: Any) -> list[tuple[Any, ...]]:
            query = select(*columns, func.count()).group_by(*columns)
            rows = [tuple(r) for r in session.execute(query)]
            # NULL sorts first on SQLite and last on PostgreSQL: order here
            return sorted(rows, key=lambda r: [(v is not None, str(v)) for v in r])

        return {
            "sex": grouped(Person.sex),
            "citizenship": grouped(Person.citizenship_code),
            "ethos": grouped(Person.ethos_at_intake),
            "intake": grouped(Person.intake_date),
            "age_bands": sorted(
                (year, _band(birth, intake, year))
                for birth, intake in session.execute(select(Person.birth_date, Person.intake_date))
                for year in range(intake.year, TODAY.year + 1)
            ),
        }


def _age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _band(birth: dt.date | None, intake: dt.date, year: int) -> str:
    """DOMAIN.md section 7: age on the later of 1 January Y and the intake date."""
    if birth is None:
        return "ND"
    age = _age_on(birth, max(dt.date(year, 1, 1), intake))
    return "<18" if age < 18 else "18-24" if age < 25 else "25-54" if age < 55 else "55+"


def test_statistics_are_the_same_after_anonymisation(
    db: Database, actors: dict[Role, Actor]
) -> None:
    coordinator = actors[Role.COORDINATOR]
    people = [
        _simple(
            "S-1",
            "Diallo",
            "Aminata",
            sex="F",
            citizenship_code="Z343",
            birth_date=dt.date(2006, 11, 30),
            intake_date=dt.date(2024, 6, 1),
            ethos_at_intake=1,
        ),
        _simple(
            "S-2",
            "Diallo",
            "Moussa",
            sex="M",
            citizenship_code="Z343",
            birth_date=dt.date(2000, 1, 1),
            intake_date=dt.date(2024, 6, 1),
        ),
        _simple(
            "S-3",
            "Ahmadi",
            "Farid",
            sex="M",
            citizenship_code="Z200",
            birth_date=dt.date(1971, 8, 15),
            intake_date=dt.date(2025, 2, 10),
            ethos_at_intake=8,
        ),
        _simple(
            "S-4",
            "Rossi",
            "Maria",
            sex="F",
            birth_date=dt.date(2024, 3, 1),
            intake_date=dt.date(2024, 3, 20),
        ),
        _simple("S-5", "Bah", "Fatou", sex="F", citizenship_code="Z317"),
    ]
    ids = [_create(db, coordinator, p) for p in people]
    before = _statistics(db)
    for pid, p in zip(ids[:4], people[:4], strict=True):
        _anonymise(db, coordinator, pid, p.code)
    after = _statistics(db)
    assert after == before
    assert after["sex"] == [(Sex.F, 3), (Sex.M, 2)]
    assert after["citizenship"] == [(None, 1), ("Z200", 1), ("Z317", 1), ("Z343", 2)]
    with db.reading() as session:
        # a newborn taken in the year of birth: the kept date never follows the intake
        newborn = session.get(Person, ids[3])
        assert newborn is not None and newborn.birth_date == dt.date(2024, 1, 2)


@given(
    birth=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2030, 12, 31)),
    days_to_intake=st.integers(min_value=0, max_value=40_000),
)
def test_the_kept_birth_date_gives_the_same_age_bands(birth: dt.date, days_to_intake: int) -> None:
    intake = birth + dt.timedelta(days=days_to_intake)
    kept = gdpr.anonymised_birth_date(birth, intake)
    assert kept is not None
    assert kept.year == birth.year
    assert kept <= intake  # the database's birth_before_intake constraint
    assert (kept.month, kept.day) in {(1, 1), (1, 2), (12, 31)}
    for year in range(intake.year, intake.year + 60):
        day = max(dt.date(year, 1, 1), intake)
        assert _age_on(kept, day) == _age_on(birth, day), (year, day)
    assert gdpr.anonymised_birth_date(None, intake) is None


# --------------------------------------------------------------------------- refusals


def _snapshot(db: Database) -> dict[str, Any]:
    with db.reading() as session:
        return {
            "persons": [
                {c.key: getattr(p, c.key) for c in inspect(Person).column_attrs}
                for p in session.scalars(select(Person).order_by(Person.id))
            ],
            "notes": session.execute(select(PersonNote.id, PersonNote.text)).all(),
            "attachments": session.execute(select(Attachment.id, Attachment.sha256)).all(),
            "links": session.execute(select(HouseholdLink.id)).all(),
            "distinct": session.execute(select(NotSamePerson.id)).all(),
            "tokens": sorted(
                session.execute(select(PersonSearchToken.token, PersonSearchToken.person_id)).all()
            ),
            "audit": session.execute(
                select(AuditEntry.id, AuditEntry.action, AuditEntry.changes, AuditEntry.detail)
                # a refusal's own record is the only row a refused operation leaves
                .where(AuditEntry.action != "denied")
                .order_by(AuditEntry.id)
            ).all(),
        }


def test_a_wrong_confirmation_code_changes_nothing(
    db: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    coordinator = actors[Role.COORDINATOR]
    pid = _scenario(db, coordinator, tmp_path)["person"]
    before = _snapshot(db)
    for typed in ("", "B-0043", "b-0042", "B-00422"):
        with pytest.raises(ValidationError) as err, db.transaction(coordinator) as session:
            gdpr.anonymise_person(session, coordinator, pid, "Richiesta", typed)
        assert err.value.fields == {
            "confirm_code": "il codice digitato non corrisponde a quello della persona "
            "(B-0042): l'anonimizzazione non è stata eseguita"
        }
        assert err.value.message == (
            "Il codice digitato non corrisponde a quello della persona (B-0042): "
            "l'anonimizzazione non è stata eseguita."
        )
    with pytest.raises(ValidationError) as err, db.transaction(coordinator) as session:
        gdpr.anonymise_person(session, coordinator, pid, "   ", "B-0042")
    assert err.value.fields == {"reason": "indicare il motivo dell'anonimizzazione"}
    with pytest.raises(ValidationError) as err, db.transaction(coordinator) as session:
        gdpr.anonymise_person(session, coordinator, pid, "x" * 501, "B-0042")
    assert err.value.fields == {"reason": "troppo lungo: al massimo 500 caratteri"}
    assert _snapshot(db) == before


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.READ_ONLY])
def test_only_coordinators_and_admins_anonymise(
    db: Database, actors: dict[Role, Actor], role: Role
) -> None:
    pid = _create(db, actors[Role.ADMIN], _simple("R-1", "Traoré", "Awa"))
    before = _snapshot(db)
    with pytest.raises(PermissionDenied) as err, db.transaction(actors[role]) as session:
        gdpr.anonymise_person(session, actors[role], pid, "Richiesta", "R-1")
    assert err.value.message.startswith("Operazione non consentita: il ruolo «")
    assert "anonimizzare" in err.value.message
    assert _snapshot(db) == before
    _anonymise(db, actors[Role.ADMIN], pid, "R-1")


def test_a_person_is_anonymised_once(db: Database, actors: dict[Role, Actor]) -> None:
    coordinator = actors[Role.COORDINATOR]
    pid = _create(db, coordinator, _simple("R-2", "Traoré", "Awa"))
    _anonymise(db, coordinator, pid, "R-2")
    before = _snapshot(db)
    with pytest.raises(ConflictError) as err, db.transaction(coordinator) as session:
        gdpr.anonymise_person(session, coordinator, pid, "Di nuovo", f"ANON-{pid}")
    with db.reading() as session:
        person = session.get(Person, pid)
        assert person is not None and person.anonymised_at is not None
        day = person.anonymised_at.astimezone().date()
    assert err.value.message == f"La persona è già stata anonimizzata il {day:%d/%m/%Y}."
    assert _snapshot(db) == before
    with pytest.raises(NotFound), db.transaction(coordinator) as session:
        gdpr.anonymise_person(session, coordinator, 9999, "Richiesta", "X")


def test_a_failure_midway_leaves_everything_as_it_was(
    db: Database, actors: dict[Role, Actor], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    coordinator = actors[Role.COORDINATOR]
    pid = _scenario(db, coordinator, tmp_path)["person"]
    before = _snapshot(db)
    reached: list[str] = []
    real_scrub = gdpr.audit_scrub.scrub_audit

    def scrub_then_fail(*args: Any, **kwargs: Any) -> int:
        # by now notes, attachments and links are deleted and the identity erased
        reached.append("scrub")
        real_scrub(*args, **kwargs)
        raise RuntimeError("disco pieno")

    monkeypatch.setattr(gdpr.audit_scrub, "scrub_audit", scrub_then_fail)
    with pytest.raises(RuntimeError, match="disco pieno"), db.transaction(coordinator) as session:
        gdpr.anonymise_person(session, coordinator, pid, "Richiesta", "B-0042")
    assert reached == ["scrub"]
    assert _snapshot(db) == before

    # Even a caller that swallows the error and commits keeps nothing of it: the work
    # runs in a savepoint that the failure rolled back.
    with db.transaction(coordinator) as session:
        with pytest.raises(RuntimeError):
            gdpr.anonymise_person(session, coordinator, pid, "Richiesta", "B-0042")
        session.flush()
    assert _snapshot(db) == before


def test_records_merged_into_the_person_are_anonymised_too(
    db: Database, actors: dict[Role, Actor]
) -> None:
    coordinator = actors[Role.COORDINATOR]
    pid = _create(db, coordinator, _simple("M-1", "Okafor", "Chinedu", fiscal_code=None))
    twin = _create(
        db, coordinator, _simple("M-1-BIS", "Okafor", "Chinedu Emeka", phone="+39 320 555 0101")
    )
    with db.transaction(SYSTEM) as session:  # what the merge module does to a duplicate
        stub = session.get(Person, twin)
        assert stub is not None
        stub.merged_into_id = pid
    with pytest.raises(NotFound), db.transaction(coordinator) as session:
        gdpr.anonymise_person(session, coordinator, twin, "Richiesta", "M-1-BIS")
    _anonymise(db, coordinator, pid, "M-1")
    with db.reading() as session:
        stub = session.get(Person, twin)
        assert stub is not None
        assert (stub.code, stub.last_name, stub.phone) == (f"ANON-{twin}", "Anonimo", None)
        assert stub.anonymised_at is not None and stub.merged_into_id == pid
        # the person's event (the other one is the chain's record of the rows scrubbed)
        event = session.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "anonymise", AuditEntry.entity == "person"
            )
        ).one()
        assert event.detail == "motivo: Richiesta dell'interessato; con 1 schede unite"
    after = _audit_text(db)
    for value in ("Okafor", "Chinedu", "Emeka", "M-1-BIS", "+39 320 555 0101"):
        assert value not in after, value


def test_a_code_taken_by_someone_else_is_refused(db: Database, actors: dict[Role, Actor]) -> None:
    coordinator = actors[Role.COORDINATOR]
    pid = _create(db, coordinator, _simple("C-1", "Bah", "Fatou"))
    _create(db, coordinator, _simple(f"ANON-{pid}", "Bah", "Mariama"))
    with pytest.raises(ConflictError, match=f"ANON-{pid}"), db.transaction(coordinator) as s:
        gdpr.anonymise_person(s, coordinator, pid, "Richiesta", "C-1")


# --------------------------------------------------------------------------- extension point


@pytest.fixture
def stays_module() -> Iterator[list[tuple[str, int]]]:
    """A stand-in for a later module (stays) registering its section."""
    calls: list[tuple[str, int]] = []

    def collect(session: Any, person_id: int) -> gdpr.Section:
        calls.append(("collect", person_id))
        return gdpr.Section(
            title="Soggiorni",
            rows=[
                {
                    "from": dt.date(2024, 5, 2),
                    "to": dt.date(2024, 6, 1),
                    "bed": "Casa A / 1",
                    "note": "Dorme vicino alla finestra",
                },
                {"from": dt.date(2024, 9, 1), "to": None, "bed": "Casa B / 3", "note": None},
            ],
            columns=[("from", "Dal"), ("to", "Al"), ("bed", "Posto"), ("note", "Note")],
        )

    def anonymise(session: Any, actor: Actor, person_id: int) -> None:
        calls.append(("anonymise", person_id))

    gdpr.register_section(
        "stays_test",
        collect,
        anonymise=anonymise,
        entities=[gdpr.LinkedEntity("stay_test", identifying=frozenset({"note"}))],
        order=1,
    )
    try:
        yield calls
    finally:
        gdpr.unregister_section("stays_test")


def test_registered_sections_are_exported_and_scrubbed(
    db: Database, actors: dict[Role, Actor], tmp_path: Path, stays_module: list[tuple[str, int]]
) -> None:
    coordinator = actors[Role.COORDINATOR]
    pid = _create(db, coordinator, _simple("T-1", "Yıldız", "Elif", sex="F"))
    other = _create(db, coordinator, _simple("T-2", "Kaya", "Deniz"))
    with db.transaction(coordinator) as session:
        # the rows a stays module's changes would leave in the audit log (the listener
        # files each under its person_id)
        for entity_id, person_id, note in ((1, pid, "Yıldız al letto 1"), (2, other, "Kaya")):
            audit.record(
                session,
                coordinator,
                "insert",
                "stay_test",
                entity_id,
                changes={"person_id": person_id, "bed_id": 7, "note": note},
                person_id=person_id,
            )
    with db.transaction(coordinator) as session:
        gdpr.export_person_data(session, coordinator, pid, tmp_path / "a.pdf", tmp_path / "a.json")
    document = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    # (the areas' own sections are there too: this test is about the one it registered)
    assert {"stays_test": document["services"]["stays_test"]} == {
        "stays_test": {
            "title": "Soggiorni",
            "columns": [
                {"key": "from", "label": "Dal"},
                {"key": "to", "label": "Al"},
                {"key": "bed", "label": "Posto"},
                {"key": "note", "label": "Note"},
            ],
            "rows": [
                {
                    "from": "2024-05-02",
                    "to": "2024-06-01",
                    "bed": "Casa A / 1",
                    "note": "Dorme vicino alla finestra",
                },
                {"from": "2024-09-01", "to": None, "bed": "Casa B / 3", "note": None},
            ],
        }
    }
    stays_in_trail = [t for t in document["activity_log"] if t["entity"] == "stay_test"]
    assert [(t["entity_id"], t["changes"]) for t in stays_in_trail] == [
        ("1", {"person_id": pid, "bed_id": 7, "note": "Yıldız al letto 1"})
    ]
    pdf = " ".join(
        " ".join(p.extract_text().split()) for p in pypdf.PdfReader(tmp_path / "a.pdf").pages
    )
    assert "Servizi ricevuti Soggiorni Dal Al Posto Note 02/05/2024 01/06/2024 Casa A / 1" in pdf
    assert "01/09/2024 — Casa B / 3 —" in pdf

    _anonymise(db, coordinator, pid, "T-1")
    assert ("anonymise", pid) in stays_module
    with db.reading() as session:
        rows = session.execute(
            select(AuditEntry.entity_id, AuditEntry.changes)
            .where(AuditEntry.entity == "stay_test")
            .order_by(AuditEntry.entity_id)
        ).all()
    assert [tuple(r) for r in rows] == [
        ("1", {"person_id": pid, "bed_id": 7, "note": "***"}),
        ("2", {"person_id": other, "bed_id": 7, "note": "Kaya"}),  # someone else's stay
    ]


def test_a_module_may_refuse_the_anonymisation(db: Database, actors: dict[Role, Actor]) -> None:
    coordinator = actors[Role.COORDINATOR]
    pid = _create(db, coordinator, _simple("U-1", "Sow", "Ibrahima"))

    def refuse(session: Any, actor: Actor, person_id: int) -> None:
        raise ConflictError("La persona occupa un posto letto stanotte.")

    gdpr.register_section("beds_test", lambda s, p: gdpr.Section("Letti"), anonymise=refuse)
    try:
        before = _snapshot(db)
        with pytest.raises(ConflictError, match="posto letto"), db.transaction(coordinator) as s:
            gdpr.anonymise_person(s, coordinator, pid, "Richiesta", "U-1")
        assert _snapshot(db) == before
    finally:
        gdpr.unregister_section("beds_test")


def test_registration_rules() -> None:
    def collect(session: Any, person_id: int) -> gdpr.Section:
        return gdpr.Section("X")

    with pytest.raises(ValueError, match="non valida"):
        gdpr.register_section("Soggiorni!", collect)
    gdpr.register_section("dup_test", collect)
    try:
        with pytest.raises(ValueError, match="già registrata"):
            gdpr.register_section("dup_test", collect)
        assert "dup_test" in [m.key for m in gdpr.registered_sections()]
    finally:
        gdpr.unregister_section("dup_test")
    assert "dup_test" not in [m.key for m in gdpr.registered_sections()]


def test_merges_keep_no_copy_of_an_anonymised_identity(
    db: Database, actors: dict[Role, Actor]
) -> None:
    from tit_desktop.services import merge

    coordinator = actors[Role.COORDINATOR]
    kept = _create(db, coordinator, _simple("K-1", "Mensah", "Kwame", phone="+39 320 111 2222"))
    twin = _create(db, coordinator, _simple("K-2", "Mensa", "Kwame Kofi", cui="CUI778899"))
    other = _create(db, coordinator, _simple("K-3", "Asante", "Yaw", email="yaw@example.org"))
    duplicate = _create(db, coordinator, _simple("K-4", "Asantè", "Yaw Ebo", phone="+39 320 999"))
    with db.transaction(coordinator) as session:
        notes.add_note(session, coordinator, twin, "Nota scritta sulla scheda doppia di Kofi.")
        merge.merge_persons(session, coordinator, kept, twin)
        merge.merge_persons(session, coordinator, other, duplicate)
    with db.transaction(coordinator) as session:  # two different people after all
        merge.undo_merge(session, coordinator, survivor_id=other, absorbed_id=duplicate)

    # WHEN the survivor of a standing merge and the absorbed side of an undone one go
    _anonymise(db, coordinator, kept, "K-1")
    _anonymise(db, coordinator, duplicate, "K-4")

    after = _audit_text(db)
    for value in (
        "Mensah",
        "Mensa",
        "Kofi",
        "K-1",
        "K-2",
        "+39 320 111 2222",
        "CUI778899",
        "Asantè",
        "Ebo",
        "K-4",
        "+39 320 999",
        "scheda doppia",
    ):
        assert value not in after, value
    # the person on the other side of the undone merge keeps their own history
    assert "Asante" in after and "yaw@example.org" in after and "K-3" in after
    with db.reading() as session:
        events = session.execute(
            select(AuditEntry.action, AuditEntry.entity_id, AuditEntry.changes)
            .where(AuditEntry.action.in_(["merge", "undo_merge"]))
            .order_by(AuditEntry.id)
        ).all()
    merges = [changes for action, _, changes in events if action == "merge"]
    # ids are kept (the merge module still knows which merge was undone), snapshots are not
    assert [
        {k: v for k, v in m.items() if k in ("survivor_id", "absorbed_id", "absorbed")}
        for m in merges
    ] == [
        {"survivor_id": kept, "absorbed_id": twin, "absorbed": "***"},
        {"survivor_id": other, "absorbed_id": duplicate, "absorbed": "***"},
    ]
    undo = [changes for action, _, changes in events if action == "undo_merge"]
    assert undo == [{"merge_audit_id": undo[0]["merge_audit_id"], "absorbed_id": duplicate}]
