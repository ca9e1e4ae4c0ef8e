"""The access request (art. 15 GDPR): the PDF read back with pypdf, the JSON copy, who may
produce it, and the golden text of the whole document for a fixed person.

After a deliberate layout or wording change, regenerate the golden file as tests/golden.py
says (the regenerating run fails) and review the diff.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from io import BytesIO
from pathlib import Path
from typing import Any

import pypdf
import pytest
from sqlalchemy import func, select, update

from tests.golden import assert_matches_golden
from tit_desktop.models import (
    Attachment,
    AuditEntry,
    HouseholdRelation,
    NoteLevel,
    NotSamePerson,
    Organisation,
    Person,
    Role,
    StaffMember,
)
from tit_desktop.reports.access_request import (
    TITLE,
    AccessRequestData,
    FieldBlock,
    ReportSection,
    TableBlock,
    render_access_request,
)
from tit_desktop.services import (
    attachments,
    audit,
    clock,
    forms,
    gdpr,
    household,
    notes,
    persons,
)
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ConflictError, NotFound, PermissionDenied
from tit_desktop.services.permissions import SYSTEM, Actor

TODAY = dt.date(2026, 11, 25)
SCAN = b"%PDF-1.4 scansione del permesso di soggiorno"
SCAN_SHA = hashlib.sha256(SCAN).hexdigest()

PERSON = persons.PersonInput(
    code="B-0042",
    last_name="Gundogdu",
    first_name="Şükrü",
    sex="M",
    birth_date=dt.date(1990, 3, 12),
    birth_place_code="Z243",
    citizenship_code="Z243",
    fiscal_code="GNDSKR90C12Z243P",
    permit_type="Permesso di soggiorno",
    permit_reason="protezione speciale",
    permit_number="I12345678",
    permit_issuer="Questura di Ancona",
    permit_issued_on=dt.date(2025, 1, 10),
    permit_expires_on=dt.date(2027, 1, 9),
    phone="+39 333 1234567",
    email="sukru@example.org",
    address="Via <Marconi> 12 & C., 60125 Ancona",
    languages="turco, italiano (A2)",
    education_isced=3,
    employment="disoccupato",
    declined=frozenset({"ethos_at_intake", "disability"}),
    intake_date=dt.date(2024, 5, 2),
    consent_privacy=True,
    consent_privacy_on=dt.date(2024, 5, 2),
    consent_photo=False,
    consent_photo_on=dt.date(2024, 5, 3),
)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def _fixed_person(db: Database, actors: dict[Role, Actor], tmp_path: Path) -> int:
    """The fixed dataset: a person typed, then corrected; a wife; two notes (one
    confidential); a scanned permit; a reading by an operator and a printed form."""
    coordinator, operator = actors[Role.COORDINATOR], actors[Role.OPERATOR]
    with db.transaction(SYSTEM) as session:
        org = Organisation(name="Caritas Diocesana", is_referrer=True)
        staff = StaffMember(last_name="Коваленко", first_name="Ольга")
        session.add_all([org, staff])
        session.flush()
        org_id, staff_id = org.id, staff.id
    typed = persons.PersonInput(
        **{**PERSON.__dict__, "referring_organisation_id": org_id, "reference_staff_id": staff_id}
    )
    corrected = persons.PersonInput(**{**typed.__dict__, "last_name": "Gündoğdu"})
    scan = tmp_path / "permesso.pdf"
    scan.write_bytes(SCAN)
    with db.transaction(coordinator) as session:
        pid = persons.create_person(session, coordinator, typed).id
        persons.create_person(
            session,
            coordinator,
            persons.PersonInput(
                code="B-0043",
                last_name="Nguyễn",
                first_name="Thị Hoa",
                sex="F",
                intake_date=dt.date(2024, 5, 2),
            ),
        )
    with db.transaction(coordinator) as session:
        persons.update_person(session, coordinator, pid, corrected, expected_version=1)
        household.link_relative(
            session, coordinator, pid, "B-0043", HouseholdRelation.SPOUSE_OR_PARTNER
        )
        notes.add_note(
            session, coordinator, pid, "Primo colloquio: cerca lavoro.\nParla turco e arabo."
        )
        notes.add_note(
            session, coordinator, pid, "Segnalazione del servizio sociale.", NoteLevel.CONFIDENTIAL
        )
        attachments.attach_file(session, coordinator, pid, scan, "Permesso di soggiorno")
    with db.transaction(operator) as session:
        persons.open_person(session, operator, pid)
        forms.print_form(session, operator, "scheda-iscrizione", pid, tmp_path / "scheda.pdf")
    return pid


def _export(
    db: Database, actor: Actor, pid: int, **kwargs: Any
) -> tuple[list[str], dict[str, Any]]:
    pdf, js = BytesIO(), BytesIO()
    with db.transaction(actor) as session:
        gdpr.export_person_data(session, actor, pid, pdf, js, **kwargs)
    reader = pypdf.PdfReader(BytesIO(pdf.getvalue()))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    raw = js.getvalue()
    return pages, json.loads(raw.decode("utf-8"))


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+00:00$")


def _normalised(value: Any) -> Any:
    """Moments in time (creation, notes, audit rows) vary: "<ts>" stands for each."""
    if isinstance(value, dict):
        return {k: _normalised(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalised(v) for v in value]
    if isinstance(value, str) and _ISO.match(value):
        return "<ts>"
    return value


# --------------------------------------------------------------------------- PDF content


def test_the_pdf_holds_the_persons_data_and_sections(
    db: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    pid = _fixed_person(db, actors, tmp_path)
    pages, _ = _export(db, actors[Role.COORDINATOR], pid)
    text = " ".join(pages)
    for expected in (
        "Comune di Ancona",
        "Accesso ai dati personali art. 15 Regolamento (UE) 2016/679",
        "Persona interessata: Şükrü Gündoğdu - Codice: B-0042",
        "Ancona, 25/11/2026",
        "1. Dati della scheda Dati anagrafici Codice B-0042 Cognome Gündoğdu Nome Şükrü",
        "Data di nascita 12/03/1990 Luogo di nascita Turchia Cittadinanza Turchia",
        "Codice fiscale GNDSKR90C12Z243P CUI —",
        "Motivo del permesso protezione speciale",
        "Indirizzo Via <Marconi> 12 & C., 60125 Ancona",
        "Ente inviante Caritas Diocesana Operatore di riferimento Коваленко Ольга",
        "Titolo di studio ISCED 3 - Secondaria superiore",
        "Situazione abitativa (ETHOS) non ha risposto Disabilità non ha risposto",
        "Annotazioni sulla scheda —",
        "2. Consensi",
        "Trattamento dei dati personali come descritto nell'informativa sì 02/05/2024",
        "Fotografie e riprese per documentare le attività del programma no 03/05/2024",
        "coinvolti nel percorso non richiesto —",
        "3. Nucleo familiare",
        "Nguyễn Thị Hoa B-0043 coniuge o partner",
        "4. Note",
        "normale Primo colloquio: cerca lavoro. Parla turco e arabo.",
        "riservata Segnalazione del servizio sociale.",
        "5. Documenti allegati",
        f"permesso.pdf Permesso di soggiorno application/pdf {len(SCAN)} byte",
        f"{SCAN_SHA[:32]} {SCAN_SHA[32:]}",
        "6. Servizi ricevuti Nessun servizio registrato.",
        "7. Registro delle operazioni sulla scheda",
        "modifica scheda Personale dell'ufficio Cognome: Gundogdu → Gündoğdu",
        "consultazione scheda Personale dell'ufficio",
        "stampa o esportazione scheda Personale dell'ufficio modulo scheda-iscrizione (it)",
        "inserimento legame familiare n. 1 Personale dell'ufficio Familiare: altra persona; "
        "Relazione: coniuge o partner",
        "8. Informazioni sul trattamento (art. 15, par. 1)",
        "Origine dei dati. I dati sono stati raccolti presso la persona interessata e presso "
        "l'ente che l'ha inviata all'ufficio (Caritas Diocesana)",
        "I Suoi diritti.",
        "Per il titolare del trattamento (Comune di Ancona - Direzione Politiche Sociali)",
        "Per ricevuta, la persona interessata Şükrü Gündoğdu Luogo e data",
    ):
        assert expected in text, expected
    assert "None" not in text
    assert "Pagina 1 di " in pages[0]
    for number, page in enumerate(pages, start=1):
        assert f"Pagina {number} di {len(pages)}" in page
        assert "Comune di Ancona" in page
    # the staff are not named (CJEU C-579/21): neither full names nor user names
    for name in ("Coordinatore", "coordinatore"):
        assert name not in text, name


def test_the_json_copy_is_exact(db: Database, actors: dict[Role, Actor], tmp_path: Path) -> None:
    pid = _fixed_person(db, actors, tmp_path)
    with db.reading() as session:
        org_id = session.scalar(select(Organisation.id))
        staff_id = session.scalar(select(StaffMember.id))
    _, document = _export(db, actors[Role.COORDINATOR], pid)
    document = _normalised(document)
    assert list(document) == [
        "format",
        "format_version",
        "legal_basis",
        "controller",
        "generated_at",
        "document_date",
        "produced_by_role",
        "person",
        "record",
        "consents",
        "household",
        "notes",
        "attachments",
        "distinct_person_decisions",
        "merged_records",
        "services",
        "activity_log",
    ]
    assert {k: document[k] for k in list(document)[:8]} == {
        "format": "tit-desktop/accesso-dati-art15",
        "format_version": 1,
        "legal_basis": "art. 15 Regolamento (UE) 2016/679",
        "controller": {
            "name": "Comune di Ancona",
            "department": "Direzione Politiche Sociali",
            "programme": "Tessiture Integrate Urbane",
        },
        "generated_at": "<ts>",
        "document_date": "2026-11-25",
        "produced_by_role": "Coordinatore",
        "person": {
            "id": pid,
            "code": "B-0042",
            "created_at": "<ts>",
            "updated_at": "<ts>",
            "anonymised": False,
            "anonymised_at": None,
        },
    }
    # field: (label, value, text, declined)
    expected_record: dict[str, tuple[str, Any, str, bool]] = {
        "code": ("Codice", "B-0042", "B-0042", False),
        "last_name": ("Cognome", "Gündoğdu", "Gündoğdu", False),
        "first_name": ("Nome", "Şükrü", "Şükrü", False),
        "sex": ("Sesso", "M", "M", False),
        "birth_date": ("Data di nascita", "1990-03-12", "12/03/1990", False),
        "birth_place_code": ("Luogo di nascita (codice)", "Z243", "Turchia", False),
        "birth_place_text": ("Luogo di nascita (come scritto)", None, "", False),
        "citizenship_code": ("Cittadinanza", "Z243", "Turchia", False),
        "fiscal_code": ("Codice fiscale", "GNDSKR90C12Z243P", "GNDSKR90C12Z243P", False),
        "cui": ("CUI", None, "", False),
        "permit_type": (
            "Tipo di permesso",
            "Permesso di soggiorno",
            "Permesso di soggiorno",
            False,
        ),
        "permit_reason": (
            "Motivo del permesso",
            "protezione speciale",
            "protezione speciale",
            False,
        ),
        "permit_number": ("Numero del permesso", "I12345678", "I12345678", False),
        "permit_issuer": ("Questura", "Questura di Ancona", "Questura di Ancona", False),
        "permit_issued_on": ("Rilascio del permesso", "2025-01-10", "10/01/2025", False),
        "permit_expires_on": ("Scadenza del permesso", "2027-01-09", "09/01/2027", False),
        "phone": ("Telefono", "+39 333 1234567", "+39 333 1234567", False),
        "email": ("E-mail", "sukru@example.org", "sukru@example.org", False),
        "address": (
            "Indirizzo",
            "Via <Marconi> 12 & C., 60125 Ancona",
            "Via <Marconi> 12 & C., 60125 Ancona",
            False,
        ),
        "languages": ("Lingue parlate", "turco, italiano (A2)", "turco, italiano (A2)", False),
        "education_isced": ("Titolo di studio", 3, "ISCED 3 - Secondaria superiore", False),
        "employment": ("Condizione occupazionale", "disoccupato", "disoccupato", False),
        "ethos_at_intake": ("Situazione abitativa (ETHOS)", None, "non ha risposto", True),
        "disability": ("Disabilità", None, "non ha risposto", True),
        "intake_date": ("Data presa in carico", "2024-05-02", "02/05/2024", False),
        "referring_organisation_id": ("Ente inviante", org_id, "Caritas Diocesana", False),
        "reference_staff_id": (
            "Operatore di riferimento",
            staff_id,
            "Коваленко Ольга",
            False,
        ),
        "notes": ("Annotazioni sulla scheda", None, "", False),
    }
    assert list(document["record"]) == list(expected_record)
    assert document["record"] == {
        name: {"label": label, "value": value, "text": text, "declined": declined}
        for name, (label, value, text, declined) in expected_record.items()
    }
    assert document["consents"] == {
        "privacy": {
            "label": "Trattamento dei dati personali come descritto nell'informativa",
            "given": True,
            "date": "2024-05-02",
        },
        "photo": {
            "label": "Fotografie e riprese per documentare le attività del programma",
            "given": False,
            "date": "2024-05-03",
        },
        "sharing": {
            "label": "Comunicazione dei dati agli enti partner e ai servizi coinvolti nel percorso",
            "given": None,
            "date": None,
        },
    }
    assert document["household"] == [
        {"code": "B-0043", "name": "Nguyễn Thị Hoa", "relation": "coniuge o partner"}
    ]
    assert document["notes"] == [
        {
            "id": 1,
            "written_at": "<ts>",
            "level": "normale",
            "text": "Primo colloquio: cerca lavoro.\nParla turco e arabo.",
            "author": "Personale dell'ufficio",
        },
        {
            "id": 2,
            "written_at": "<ts>",
            "level": "riservata",
            "text": "Segnalazione del servizio sociale.",
            "author": "Personale dell'ufficio",
        },
    ]
    assert document["attachments"] == [
        {
            "id": 1,
            "file_name": "permesso.pdf",
            "media_type": "application/pdf",
            "size": len(SCAN),
            "sha256": SCAN_SHA,
            "description": "Permesso di soggiorno",
            "uploaded_at": "<ts>",
            "uploaded_by": "Personale dell'ufficio",
            "copy": None,
        }
    ]
    assert document["distinct_person_decisions"] == []
    assert document["merged_records"] == []
    assert document["services"] == {}

    def row(action: str, entity: str, entity_id: str, changes: Any, detail: Any = None) -> dict:
        labels = {
            "insert": "inserimento",
            "update": "modifica",
            "view": "consultazione",
            "export": "stampa o esportazione",
        }
        return {
            "at": "<ts>",
            "action": action,
            "action_label": labels[action],
            "entity": entity,
            "entity_label": {
                "person": "scheda",
                "household_link": "legame familiare",
                "person_note": "nota",
                "attachment": "allegato",
            }[entity],
            "entity_id": entity_id,
            "by": "Personale dell'ufficio",
            "changes": changes,
            "detail": detail,
        }

    person_insert = {
        "id": pid,
        "code": "B-0042",
        "last_name": "Gundogdu",
        "first_name": "Şükrü",
        "sex": "M",
        "birth_date": "1990-03-12",
        "birth_place_code": "Z243",
        "citizenship_code": "Z243",
        "fiscal_code": "GNDSKR90C12Z243P",
        "permit_type": "Permesso di soggiorno",
        "permit_reason": "protezione speciale",
        "permit_number": "I12345678",
        "permit_issuer": "Questura di Ancona",
        "permit_issued_on": "2025-01-10",
        "permit_expires_on": "2027-01-09",
        "phone": "+39 333 1234567",
        "email": "sukru@example.org",
        "address": "Via <Marconi> 12 & C., 60125 Ancona",
        "languages": "turco, italiano (A2)",
        "education_isced": 3,
        "employment": "disoccupato",
        "declined_fields": "disability,ethos_at_intake",
        "intake_date": "2024-05-02",
        "referring_organisation_id": org_id,
        "reference_staff_id": staff_id,
        "consent_privacy": True,
        "consent_privacy_on": "2024-05-02",
        "consent_photo": False,
        "consent_photo_on": "2024-05-03",
        "created_at": "<ts>",
    }
    assert document["activity_log"] == [
        row("insert", "person", str(pid), person_insert),
        row("update", "person", str(pid), {"last_name": ["Gundogdu", "Gündoğdu"]}),
        row(
            "insert",
            "household_link",
            "1",
            {"id": 1, "person_id": pid, "relative_id": "***", "relation": "coniuge o partner"},
        ),
        row(
            "insert",
            "person_note",
            "1",
            {
                "id": 1,
                "person_id": pid,
                "written_at": "<ts>",
                "level": "normale",
                "text": "Primo colloquio: cerca lavoro.\nParla turco e arabo.",
                "version": 1,
            },
        ),
        row(
            "insert",
            "person_note",
            "2",
            {
                "id": 2,
                "person_id": pid,
                "written_at": "<ts>",
                "level": "riservata",
                "text": "Segnalazione del servizio sociale.",
                "version": 1,
            },
        ),
        row(
            "insert",
            "attachment",
            "1",
            {
                "id": 1,
                "person_id": pid,
                "file_name": "permesso.pdf",
                "media_type": "application/pdf",
                "size": len(SCAN),
                "sha256": SCAN_SHA,
                "description": "Permesso di soggiorno",
                "uploaded_at": "<ts>",
                "content": f"<{len(SCAN)} byte>",
            },
        ),
        row("view", "person", str(pid), None),
        row("view", "person", str(pid), None),  # the printed form reads the record too
        row("export", "person", str(pid), None, "modulo scheda-iscrizione (it)"),
    ]


def test_the_json_is_utf8_with_letters_as_typed(
    db: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    pid = _fixed_person(db, actors, tmp_path)
    out = tmp_path / "accesso.json"
    with db.transaction(actors[Role.ADMIN]) as session:
        gdpr.export_person_data(session, actors[Role.ADMIN], pid, tmp_path / "a.pdf", out)
    raw = out.read_bytes()
    assert "Gündoğdu".encode() in raw  # not \\u011f escapes
    assert b"\\u" not in raw
    assert raw.endswith(b"}\n")


# --------------------------------------------------------------------------- golden file

_MOMENT = re.compile(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}")
_PRINTED = re.compile(r"Stampato il \d{2}/\d{2}/\d{4} alle \d{2}:\d{2}")


def test_golden_text(db: Database, actors: dict[Role, Actor], tmp_path: Path) -> None:
    pid = _fixed_person(db, actors, tmp_path)
    pdf = BytesIO()
    with db.transaction(actors[Role.COORDINATOR]) as session:
        gdpr.export_person_data(session, actors[Role.COORDINATOR], pid, pdf, BytesIO())
    reader = pypdf.PdfReader(BytesIO(pdf.getvalue()))
    lines: list[str] = []
    for number, page in enumerate(reader.pages, start=1):
        lines.append(f"===== pagina {number} =====")
        for line in page.extract_text().replace("\xa0", " ").splitlines():
            line = " ".join(line.split())
            line = _PRINTED.sub("Stampato il <data> alle <ora>", line)
            line = _MOMENT.sub("<data ora>", line)
            if line:
                lines.append(line)
    actual = "\n".join(lines) + "\n"
    assert_matches_golden(actual, "access_request.txt")


# --------------------------------------------------------------------------- who may


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ADMIN])
def test_confidential_notes_are_included_for_those_who_may_answer(
    db: Database, actors: dict[Role, Actor], tmp_path: Path, role: Role
) -> None:
    pid = _fixed_person(db, actors, tmp_path)
    pages, document = _export(db, actors[role], pid)
    assert [n["level"] for n in document["notes"]] == ["normale", "riservata"]
    assert "riservata Segnalazione del servizio sociale." in " ".join(pages)


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.READ_ONLY])
def test_operators_and_readers_cannot_answer_an_access_request(
    db: Database, actors: dict[Role, Actor], tmp_path: Path, role: Role
) -> None:
    pid = _fixed_person(db, actors, tmp_path)
    with db.reading() as session:
        before = session.scalar(select(func.count()).select_from(AuditEntry))
    pdf, js = tmp_path / "a.pdf", tmp_path / "a.json"
    with pytest.raises(PermissionDenied) as err, db.transaction(actors[role]) as session:
        gdpr.export_person_data(session, actors[role], pid, pdf, js)
    label = "Operatore" if role is Role.OPERATOR else "Sola lettura"
    assert err.value.message == (
        f"Operazione non consentita: il ruolo «{label}» non può rispondere a una richiesta "
        "di accesso ai dati (art. 15), che comprende le note riservate: può produrla un "
        "coordinatore o un amministratore."
    )
    assert not pdf.exists() and not js.exists()
    # only the refusal's own record
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == before + 1
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert last is not None and last.action == "denied"


def test_staff_names_only_when_asked(
    db: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    pid = _fixed_person(db, actors, tmp_path)
    pages, document = _export(db, actors[Role.COORDINATOR], pid, include_staff_names=True)
    by = [(t["action"], t["by"]) for t in document["activity_log"]]
    # full names of the fixture users are their user names, title-cased
    assert by[0] == ("insert", "Coordinatore")
    assert ("view", "Operatore") in by
    assert document["notes"][0]["author"] == "Coordinatore"
    text = " ".join(pages)
    assert "Data Livello Autore Testo" in text
    assert "consultazione scheda Operatore" in text


# --------------------------------------------------------------------------- audit, copies


def test_the_export_is_audited_without_personal_data(
    db: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    pid = _fixed_person(db, actors, tmp_path)
    coordinator = actors[Role.COORDINATOR]
    _, first = _export(db, coordinator, pid)
    with db.reading() as session:
        last_two = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(2)).all()
    assert [(e.action, e.entity, e.entity_id, e.detail) for e in reversed(last_two)] == [
        ("view", "person", str(pid), None),
        ("export", "person", str(pid), "accesso ai dati personali (art. 15): PDF e JSON"),
    ]
    assert all(e.username == "coordinatore" for e in last_two)
    # this request's own reading is not in its trail; the next request lists it
    _, second = _export(db, coordinator, pid)
    assert len(second["activity_log"]) == len(first["activity_log"]) + 2
    assert [t["action"] for t in second["activity_log"][-2:]] == ["view", "export"]


def test_attachment_copies_are_written_and_checked(
    db: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    pid = _fixed_person(db, actors, tmp_path)
    coordinator = actors[Role.COORDINATOR]
    copies = tmp_path / "copie"
    _, document = _export(db, coordinator, pid, attachments_dir=copies)
    assert document["attachments"][0]["copy"] == "1-permesso.pdf"
    assert sorted(p.name for p in copies.iterdir()) == ["1-permesso.pdf"]
    assert (copies / "1-permesso.pdf").read_bytes() == SCAN
    with db.reading() as session:
        detail = session.scalars(select(AuditEntry.detail).order_by(AuditEntry.id.desc())).first()
    assert detail == "accesso ai dati personali (art. 15): PDF e JSON; allegati copiati: 1"

    # a damaged scan stops the answer before any file is written
    with db.transaction(SYSTEM) as session:
        session.execute(
            update(Attachment).values(content=b"%PDF-1.4 rovinato"),
            execution_options=audit.audited_elsewhere("test: un file rovinato sul disco"),
        )
    again = tmp_path / "di-nuovo"
    pdf, js = tmp_path / "b.pdf", tmp_path / "b.json"
    with (
        pytest.raises(ConflictError, match=r"«permesso\.pdf» risulta danneggiato"),
        db.transaction(coordinator) as session,
    ):
        gdpr.export_person_data(session, coordinator, pid, pdf, js, attachments_dir=again)
    assert not again.exists() and not pdf.exists() and not js.exists()


def test_unknown_and_merged_records_are_not_found(
    db: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    coordinator = actors[Role.COORDINATOR]
    pid = _fixed_person(db, actors, tmp_path)
    twin = 2
    with db.transaction(SYSTEM) as session:
        stub = session.get(Person, twin)
        assert stub is not None
        stub.merged_into_id = pid
        session.add(NotSamePerson(person_low_id=1, person_high_id=2))
    for missing in (twin, 999):
        with pytest.raises(NotFound), db.transaction(coordinator) as session:
            gdpr.export_person_data(session, coordinator, missing, BytesIO(), BytesIO())
    # the merged record is the same person: its data are part of the answer
    pages, document = _export(db, coordinator, pid)
    assert [m["person"]["code"] for m in document["merged_records"]] == ["B-0043"]
    assert document["merged_records"][0]["record"]["last_name"]["value"] == "Nguyễn"
    assert _normalised(document["distinct_person_decisions"]) == [{"decided_at": "<ts>"}]
    text = " ".join(pages)
    assert "6. Verifiche di omonimia" in text
    assert "7. Schede unite a questa" in text and "Scheda B-0043 Codice B-0043" in text


def test_an_anonymised_record_is_answered_as_it_now_is(
    db: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    coordinator = actors[Role.COORDINATOR]
    pid = _fixed_person(db, actors, tmp_path)
    with db.transaction(coordinator) as session:
        gdpr.anonymise_person(
            session, coordinator, pid, "Fine del periodo di conservazione", "B-0042"
        )
    pages, document = _export(db, coordinator, pid)
    text = " ".join(pages)
    assert "Questa scheda è stata anonimizzata il" in text
    assert f"Persona interessata: Anonimo #{pid} - Codice: ANON-{pid}" in text
    assert "Data di nascita 1990 (solo l'anno)" in text
    assert "Gündoğdu" not in text and "GNDSKR90C12Z243P" not in text
    assert document["person"]["anonymised"] is True
    assert document["record"]["birth_date"]["value"] == "1990-01-02"
    assert document["notes"] == [] and document["attachments"] == []
    assert document["activity_log"][-1]["action"] == "anonymise"
    assert document["activity_log"][-1]["detail"] == (
        "motivo: Fine del periodo di conservazione; eliminati: note 2, allegati 1, "
        "legami familiari 1"
    )


# --------------------------------------------------------------------------- the report alone


def _document(**overrides: Any) -> AccessRequestData:
    values: dict[str, Any] = {
        "code": "B-0001",
        "full_name": "Niccolò D'Angelo",
        "document_date": dt.date(2026, 1, 7),
        "sections": (
            ReportSection(
                "Dati della scheda",
                (FieldBlock("Dati anagrafici", (("Cognome", "D'Angelo"), ("CUI", ""))),),
            ),
            ReportSection(
                "Note", (TableBlock("", ("Data", "Testo"), (), empty_text="Nessuna nota."),)
            ),
            ReportSection("Vuota"),
        ),
    }
    values.update(overrides)
    return AccessRequestData(**values)


def _render(data: AccessRequestData) -> tuple[list[str], pypdf.PdfReader]:
    buffer = BytesIO()
    render_access_request(data, buffer)
    reader = pypdf.PdfReader(BytesIO(buffer.getvalue()))
    return [" ".join(page.extract_text().split()) for page in reader.pages], reader


def test_report_empty_values_and_sections() -> None:
    pages, _ = _render(_document())
    text = " ".join(pages)
    assert "Dati anagrafici Cognome D'Angelo CUI —" in text
    assert "2. Note Nessuna nota. 3. Vuota Nessun dato registrato. 4. Informazioni sul" in text
    assert "__________" not in text  # no blank to fill in by hand: "—" means not recorded


def test_report_notices_and_escaping() -> None:
    pages, _ = _render(
        _document(
            notices=("Scheda <b>anonimizzata</b> & basta.",),
            sections=(ReportSection("X <i>", (FieldBlock("", (("A & B", "<script>"),)),)),),
        )
    )
    text = " ".join(pages)
    assert "Scheda <b>anonimizzata</b> & basta." in text
    assert "1. X <i> A & B <script>" in text


def test_report_long_lists_break_across_pages_with_the_right_numbers() -> None:
    rows = tuple((f"{i:03d}/01/2026", f"Operazione numero {i:03d}") for i in range(250))
    pages, _ = _render(
        _document(sections=(ReportSection("Registro", (TableBlock("", ("Data", "Cosa"), rows),)),))
    )
    assert len(pages) >= 4
    for number, page in enumerate(pages, start=1):
        assert f"Pagina {number} di {len(pages)}" in page
        assert "Comune di Ancona" in page
    everything = " ".join(pages)
    for i in range(250):
        assert everything.count(f"Operazione numero {i:03d}") == 1
    # the header row is repeated on every page the list runs over
    assert sum("Data Cosa" in page for page in pages) >= 3


def test_report_metadata_keeps_the_name_out() -> None:
    _, reader = _render(_document())
    metadata = reader.metadata
    assert metadata is not None
    assert metadata.title == f"{TITLE} - B-0001"
    assert metadata.subject == "Accesso ai dati personali (art. 15 Regolamento (UE) 2016/679)"
    assert "D'Angelo" not in str(dict(metadata))
