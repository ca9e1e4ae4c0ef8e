"""The street unit's service: contacts written, refused, listed, summed; the rules the
database holds by itself (triggers of migration 0009) on both engines."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pypdf
import pytest
from sqlalchemy import select

from tit_desktop.models import (
    AuditEntry,
    Person,
    Role,
    StaffMember,
    StreetContact,
    StreetContactPerson,
    StreetService,
)
from tit_desktop.services import forms, gdpr, merge, persons, street, timeline
from tit_desktop.services.database import Database
from tit_desktop.services.errors import (
    ConflictError,
    PermissionDenied,
    ValidationError,
)
from tit_desktop.services.permissions import SYSTEM, Actor

DAY = dt.date(2026, 3, 10)


def make_person(db: Database, actor: Actor, code: str, last: str, first: str, **kw: Any) -> int:
    kw.setdefault("intake_date", dt.date(2026, 1, 15))
    kw.setdefault("sex", "M")
    data = persons.PersonInput(code=code, last_name=last, first_name=first, **kw)
    with db.transaction(actor) as session:
        return persons.create_person(session, actor, data).id


def make_staff(db: Database, last: str, first: str) -> int:
    with db.transaction(SYSTEM) as session:
        staff = StaffMember(last_name=last, first_name=first)
        session.add(staff)
        session.flush()
        return staff.id


def make_zone(db: Database, actor: Actor, name: str) -> int:
    with db.transaction(actor) as session:
        return street.add_zone(session, actor, name).id


def contact(**values: Any) -> street.ContactInput:
    values.setdefault("occurred_on", DAY)
    values.setdefault("time", dt.time(22, 40))
    values.setdefault("place", "Stazione centrale, lato binario 1")
    return street.ContactInput(**values)


def create(db: Database, actor: Actor, data: street.ContactInput) -> street.SaveResult:
    with db.transaction(actor) as session:
        return street.create_contact(session, actor, data)


@pytest.fixture
def setup(db: Database, actors: dict[Role, Actor]) -> dict[str, Any]:
    operator = actors[Role.OPERATOR]
    return {
        "operator": operator,
        "reader": actors[Role.READ_ONLY],
        "coordinator": actors[Role.COORDINATOR],
        "rossi": make_person(db, operator, "TIU-00001", "Rossi", "Mario"),
        "diallo": make_person(
            db, operator, "TIU-00002", "Diallo", "Awa", sex="F", intake_date=dt.date(2026, 3, 1)
        ),
        "bianchi": make_staff(db, "Bianchi", "Luca"),
        "verdi": make_staff(db, "Verdi", "Sara"),
        "station": make_zone(db, operator, "Stazione centrale"),
        "port": make_zone(db, operator, "Porto"),
    }


def test_a_contact_is_saved_with_its_links_and_read_back(db: Database, setup: dict) -> None:
    op = setup["operator"]
    saved = create(
        db,
        op,
        contact(
            zone_id=setup["station"],
            staff_ids=(setup["bianchi"], setup["verdi"]),
            person_ids=(setup["rossi"], setup["diallo"]),
            anonymous_f=1,
            anonymous_m=2,
            services=frozenset({StreetService.BLANKETS, StreetService.HOT_DRINK}),
            notes="  Freddo intenso  ",
        ),
    )
    with db.reading() as session:
        detail = street.open_contact(session, op, saved.id)
        stored = session.get(StreetContact, saved.id)
        assert stored is not None
        # the moment is stored in UTC, the same instant as 22:40 on the PC's clock
        assert stored.occurred_at == street.local_moment(DAY, dt.time(22, 40))
        assert stored.occurred_at.tzinfo == dt.UTC
    assert detail.data.time == dt.time(22, 40)
    assert detail.data.person_ids == (setup["rossi"], setup["diallo"])
    assert detail.data.staff_ids == (setup["bianchi"], setup["verdi"])
    assert detail.data.services == {StreetService.BLANKETS, StreetService.HOT_DRINK}
    assert detail.data.notes == "Freddo intenso"
    assert detail.zone_name == "Stazione centrale"
    assert [p.label for p in detail.persons] == [
        "Rossi Mario (TIU-00001)",
        "Diallo Awa (TIU-00002)",
    ]


def test_nobody_met_negative_counts_and_missing_place_are_refused(
    db: Database, setup: dict
) -> None:
    op = setup["operator"]
    with pytest.raises(ValidationError) as nobody:
        create(db, op, contact())
    assert "almeno una persona" in nobody.value.fields["persons"]
    with pytest.raises(ValidationError) as bad:
        create(db, op, contact(place="  ", anonymous_f=-1, anonymous_m=1))
    assert bad.value.fields == {
        "place": "campo obbligatorio",
        "anonymous_f": "non può essere negativo",
    }
    with pytest.raises(ValidationError) as future:
        create(db, op, contact(occurred_on=dt.date.today() + dt.timedelta(days=2), anonymous_m=1))
    assert "nel futuro" in future.value.fields["occurred_on"]
    with db.reading() as session:
        assert session.scalar(select(StreetContact.id)) is None


def test_a_contact_before_the_intake_date_is_refused_naming_the_person(
    db: Database, setup: dict
) -> None:
    with pytest.raises(ValidationError) as refused:
        create(
            db,
            setup["operator"],
            contact(occurred_on=dt.date(2026, 2, 20), person_ids=(setup["diallo"],)),
        )
    assert refused.value.fields["persons"].startswith(
        "Diallo Awa (TIU-00002) è in carico dal 01/03/2026: un contatto del 20/02/2026"
    )


def test_the_database_holds_the_intake_rule_by_itself(db: Database, setup: dict) -> None:
    op = setup["operator"]
    saved = create(db, op, contact(occurred_on=dt.date(2026, 2, 20), anonymous_m=1))
    # GIVEN a write that skips the service's check: the trigger refuses it, and the
    # message names the person and the dates
    with pytest.raises(ConflictError) as linked, db.transaction(op) as session:
        session.add(StreetContactPerson(contact_id=saved.id, person_id=setup["diallo"]))
        session.flush()
    assert "Diallo Awa (TIU-00002) è in carico dal 01/03/2026" in linked.value.message
    assert "20/02/2026" in linked.value.message
    # a contact moved before a linked person's intake
    ok = create(db, op, contact(person_ids=(setup["diallo"],)))
    with pytest.raises(ConflictError) as moved, db.transaction(op) as session:
        stored = session.get(StreetContact, ok.id)
        assert stored is not None
        stored.occurred_on = dt.date(2026, 2, 1)
        session.flush()
    assert "non può essere spostato al 01/02/2026" in moved.value.message
    # the intake date moved after a contact, through the persons' own service
    with pytest.raises(ConflictError) as intake, db.transaction(op) as session:
        detail = persons.open_person(session, op, setup["diallo"])
        from dataclasses import replace

        persons.update_person(
            session,
            op,
            setup["diallo"],
            replace(detail.data, intake_date=dt.date(2026, 3, 20)),
            detail.version,
        )
    assert "La presa in carico di Diallo Awa (TIU-00002) non può essere spostata al 20/03/2026" in (
        intake.value.message
    )
    assert "10/03/2026" in intake.value.message


def test_the_database_keeps_someone_met(db: Database, setup: dict) -> None:
    op = setup["operator"]
    saved = create(db, op, contact(anonymous_f=2))
    with pytest.raises(ConflictError) as refused, db.transaction(op) as session:
        stored = session.get(StreetContact, saved.id)
        assert stored is not None
        stored.anonymous_f = 0
        session.flush()
    assert "almeno una persona collegata o un numero di anonimi" in refused.value.message
    # through the service, counts may drop to zero when a person is linked in the same edit
    with db.transaction(op) as session:
        street.update_contact(
            session, op, saved.id, contact(person_ids=(setup["rossi"],)), saved.version
        )
    with db.reading() as session:
        stored = session.get(StreetContact, saved.id)
        assert stored is not None and stored.anonymous_f == 0
        assert [p.person_id for p in stored.persons] == [setup["rossi"]]


def test_edit_is_versioned_and_delete_removes_the_links(db: Database, setup: dict) -> None:
    op = setup["operator"]
    saved = create(db, op, contact(person_ids=(setup["rossi"],), staff_ids=(setup["bianchi"],)))
    with db.transaction(op) as session:
        again = street.update_contact(
            session,
            op,
            saved.id,
            contact(person_ids=(setup["rossi"], setup["diallo"]), staff_ids=(setup["bianchi"],)),
            saved.version,
        )
    assert again.version == saved.version + 1
    with pytest.raises(ConflictError), db.transaction(op) as session:
        street.update_contact(session, op, saved.id, contact(anonymous_m=1), saved.version)
    with db.transaction(op) as session:
        street.delete_contact(session, op, saved.id, again.version)
    with db.reading() as session:
        assert session.scalar(select(StreetContactPerson.id)) is None
        actions = session.execute(
            select(AuditEntry.action, AuditEntry.entity, AuditEntry.person_id).where(
                AuditEntry.entity.like("street_contact%")
            )
        ).all()
    # every link is audited under its person, so the person's trail shows it
    assert ("insert", "street_contact_person", setup["diallo"]) in actions
    assert ("delete", "street_contact_person", setup["rossi"]) in actions
    assert ("delete", "street_contact", None) in actions


def test_the_read_only_role_reads_but_writes_nothing(db: Database, setup: dict) -> None:
    create(db, setup["operator"], contact(anonymous_m=1))
    reader = setup["reader"]
    with pytest.raises(PermissionDenied), db.transaction(reader) as session:
        street.create_contact(session, reader, contact(anonymous_m=1))
    with pytest.raises(PermissionDenied), db.transaction(reader) as session:
        street.add_zone(session, reader, "Passetto")
    with db.reading() as session:
        assert len(street.search_ids(session, reader, street.ContactFilter())) == 1


def test_the_list_filters_sorts_and_pages_in_sql(db: Database, setup: dict) -> None:
    op = setup["operator"]
    ids = [
        create(
            db,
            op,
            contact(
                occurred_on=dt.date(2026, 3, 1),
                place="Piazza Cavour",
                zone_id=setup["station"],
                anonymous_m=1,
                staff_ids=(setup["bianchi"],),
            ),
        ).id,
        create(
            db,
            op,
            contact(
                occurred_on=dt.date(2026, 3, 5),
                place="Porto, varco Da Chio",
                zone_id=setup["port"],
                person_ids=(setup["rossi"],),
                services=frozenset({StreetService.MEAL}),
                staff_ids=(setup["verdi"],),
            ),
        ).id,
        create(
            db,
            op,
            contact(
                occurred_on=dt.date(2026, 4, 2),
                place="Piano San Lazzaro",
                anonymous_f=1,
                services=frozenset({StreetService.MEAL, StreetService.REFERRAL}),
            ),
        ).id,
    ]
    with db.reading() as session:

        def found(**kw: Any) -> list[int]:
            return street.search_ids(session, op, street.ContactFilter(**kw))

        assert found() == ids[::-1]
        assert found(date_from=dt.date(2026, 3, 2), date_to=dt.date(2026, 3, 31)) == [ids[1]]
        assert found(zone_id=setup["port"]) == [ids[1]]
        assert found(zone_id=0) == [ids[2]]
        assert found(staff_id=setup["bianchi"]) == [ids[0]]
        assert found(service=StreetService.MEAL) == [ids[2], ids[1]]
        assert found(person_id=setup["rossi"]) == [ids[1]]
        assert found(place="cavour") == [ids[0]]
        assert street.search_ids(session, op, street.ContactFilter(), "place", False) == [
            ids[2],
            ids[0],
            ids[1],
        ]
        assert street.search_ids(session, op, street.ContactFilter(), limit=1, offset=1) == [ids[1]]
        assert street.count(session, op, street.ContactFilter(service=StreetService.MEAL)) == 2
        rows = street.rows_for(session, op, ids)
    assert rows[ids[1]].persons == "Rossi Mario (TIU-00001)"
    assert rows[ids[1]].staff == "Verdi Sara"
    assert rows[ids[2]].services == "pasto, invio a servizio"
    assert rows[ids[0]].when == "01/03/2026 22:40"
    assert rows[ids[2]].zone == ""


def test_monthly_summary_counts_contacts_reached_services_and_zones(
    db: Database, setup: dict
) -> None:
    op = setup["operator"]
    both = (setup["rossi"], setup["diallo"])
    create(
        db,
        op,
        contact(
            zone_id=setup["station"],
            person_ids=both,
            anonymous_m=2,
            services=frozenset({StreetService.BLANKETS, StreetService.HOT_DRINK}),
        ),
    )
    create(
        db,
        op,
        contact(
            occurred_on=dt.date(2026, 3, 12),
            zone_id=setup["station"],
            person_ids=(setup["rossi"],),
            services=frozenset({StreetService.HOT_DRINK}),
        ),
    )
    create(db, op, contact(occurred_on=dt.date(2026, 3, 31), zone_id=setup["port"], anonymous_f=3))
    create(db, op, contact(occurred_on=dt.date(2026, 3, 31), anonymous_f=1))
    create(db, op, contact(occurred_on=dt.date(2026, 4, 1), anonymous_f=5))  # next month
    with db.reading() as session:
        month = street.month_summary(session, op, 2026, 3)
        figures = street.year_figures(session, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert (month.contacts, month.linked, month.anonymous_f, month.anonymous_m) == (4, 3, 4, 2)
    assert month.reached == 9 and month.distinct_persons == 2 and month.nights == 3
    assert month.services[StreetService.HOT_DRINK] == 2
    assert month.services[StreetService.BLANKETS] == 1
    assert month.services[StreetService.REFERRAL] == 0
    assert [(z.zone, z.contacts, z.reached) for z in month.by_zone] == [
        ("Stazione centrale", 2, 5),
        ("Porto", 1, 3),
        ("Senza zona", 1, 1),
    ]
    assert figures == (5, 14)


def test_the_printed_summary_reads_back(db: Database, setup: dict) -> None:
    op = setup["operator"]
    create(
        db,
        op,
        contact(
            zone_id=setup["station"],
            person_ids=(setup["rossi"],),
            anonymous_f=2,
            services=frozenset({StreetService.MEAL}),
        ),
    )
    buffer = io.BytesIO()
    with db.transaction(op) as session:
        forms.print_document(session, op, "riepilogo-strada", {"month": "03/2026"}, buffer)
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(buffer).pages)
    assert "Riepilogo mensile dell'unità di strada" in text
    assert "Marzo 2026" in text
    assert "Persone raggiunte (collegate + anonimi) 3" in text
    assert "Pasto 1" in text
    assert "Stazione centrale 1 1 2 0 3" in text
    with pytest.raises(ValidationError) as wrong, db.transaction(op) as session:
        forms.print_document(session, op, "riepilogo-strada", {"month": "13/2026"}, io.BytesIO())
    assert "mm/aaaa" in wrong.value.fields["month"]


def test_the_persons_contacts_reach_the_timeline(db: Database, setup: dict) -> None:
    op = setup["operator"]
    create(
        db,
        op,
        contact(
            zone_id=setup["port"],
            person_ids=(setup["rossi"],),
            services=frozenset({StreetService.INFORMATION}),
            staff_ids=(setup["bianchi"],),
        ),
    )
    create(db, op, contact(anonymous_m=1))
    with db.reading() as session:
        events = timeline.events_for(session, op, setup["rossi"], only={"street"})
        own = street.contacts_of_person(session, op, setup["rossi"])
    assert len(own) == 1
    assert [(e.day, e.title) for e in events] == [(DAY, "Contatto dell'unità di strada alle 22:40")]
    assert events[0].detail == (
        "Luogo: Stazione centrale, lato binario 1; zona Porto; prestazioni: informazioni; "
        "operatori: Bianchi Luca"
    )


def test_access_request_lists_contacts_and_anonymisation_keeps_the_counts(
    db: Database, setup: dict, tmp_path: Path
) -> None:
    coordinator = setup["coordinator"]
    op = setup["operator"]
    saved = create(
        db, op, contact(person_ids=(setup["rossi"],), anonymous_f=1, notes="Rossi chiede un letto")
    )
    with db.transaction(coordinator) as session:
        gdpr.export_person_data(
            session, coordinator, setup["rossi"], tmp_path / "a.pdf", tmp_path / "a.json"
        )
    document = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    section = document["services"]["street_contacts"]
    assert section["rows"] == [
        {
            "day": "2026-03-10",
            "time": "22:40",
            "place": "Stazione centrale, lato binario 1",
            "zone": None,
            "services": None,
            "staff": None,
        }
    ]
    with db.transaction(coordinator) as session:
        gdpr.anonymise_person(
            session, coordinator, setup["rossi"], "richiesta dell'interessato", "TIU-00001"
        )
    with db.reading() as session:
        stored = session.get(StreetContact, saved.id)
        assert stored is not None
        assert stored.notes == "*** chiede un letto"
        assert street.month_summary(session, op, 2026, 3).reached == 2
        rows = street.rows_for(session, op, [saved.id])
    assert "Rossi" not in rows[saved.id].persons


def test_a_merge_moves_the_contacts_and_drops_a_repeated_link(db: Database, setup: dict) -> None:
    coordinator = setup["coordinator"]
    op = setup["operator"]
    twin = make_person(db, op, "TIU-00009", "Rossi", "Mario Jr", intake_date=dt.date(2026, 1, 2))
    shared = create(db, op, contact(person_ids=(setup["rossi"], twin)))
    own = create(db, op, contact(occurred_on=dt.date(2026, 3, 11), person_ids=(twin,)))
    with db.transaction(coordinator) as session:
        merge.merge_persons(session, coordinator, setup["rossi"], twin, {})
    with db.reading() as session:
        links = session.execute(
            select(StreetContactPerson.contact_id, StreetContactPerson.person_id).order_by(
                StreetContactPerson.contact_id
            )
        ).all()
    assert [tuple(r) for r in links] == [(shared.id, setup["rossi"]), (own.id, setup["rossi"])]


def test_zones_are_a_list_the_office_extends(db: Database, setup: dict) -> None:
    op = setup["operator"]
    with db.transaction(op) as session:
        again = street.add_zone(session, op, " stazione   CENTRALE ")
        street.set_zone_active(session, op, setup["port"], False)
        names = [z.name for z in street.zones(session, op)]
    assert again.id == setup["station"]
    assert names == ["Stazione centrale"]
    with pytest.raises(ValidationError), db.transaction(op) as session:
        street.add_zone(session, op, "")


def test_quick_entry_helpers(db: Database, setup: dict) -> None:
    op = setup["operator"]
    create(
        db,
        op,
        contact(
            place="Piazza Cavour",
            zone_id=setup["station"],
            anonymous_m=1,
            staff_ids=(setup["verdi"],),
        ),
    )
    create(
        db,
        op,
        contact(place="Piazza Cavour", anonymous_m=1, staff_ids=(setup["verdi"], setup["bianchi"])),
    )
    create(
        db, op, contact(place="Porto", anonymous_m=1, staff_ids=(setup["bianchi"], setup["verdi"]))
    )
    with db.reading() as session:
        assert street.place_suggestions(session, op) == ["Piazza Cavour", "Porto"]
        assert street.zone_of_place(session, op, "Piazza Cavour") == setup["station"]
        assert street.last_staff_ids(session, op) == [setup["bianchi"], setup["verdi"]]
        found = street.find_persons(session, op, "dial")
    assert [p.code for p in found] == ["TIU-00002"]


def test_person_rows_are_checked_even_when_the_service_is_skipped(
    db: Database, setup: dict
) -> None:
    # an anonymised person cannot be linked to a new contact
    coordinator = setup["coordinator"]
    with db.transaction(coordinator) as session:
        gdpr.anonymise_person(session, coordinator, setup["diallo"], "richiesta", "TIU-00002")
    with pytest.raises(ValidationError) as refused:
        create(db, setup["operator"], contact(person_ids=(setup["diallo"],)))
    assert "anonimizzata" in refused.value.fields["persons"]
    with db.reading() as session:
        assert session.scalar(select(Person.code).where(Person.id == setup["diallo"])).startswith(
            "ANON-"
        )


TRIGGERS = {
    "trg_street_contact_person_after_intake",
    "trg_street_contact_person_moved_after_intake",
    "trg_street_contact_day_after_intake",
    "trg_person_intake_before_street_contacts",
    "trg_street_contact_someone_met",
}


def test_the_rules_triggers_are_there_at_head(db: Database) -> None:
    # A later migration that rebuilds a table on SQLite (batch mode) drops its triggers:
    # this finds it.
    from sqlalchemy import text

    with db.reading() as session:
        if session.get_bind().dialect.name == "sqlite":
            query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        else:
            query = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
        names = set(session.execute(text(query)).scalars())
    assert names >= TRIGGERS


def test_monthly_summary_golden(db: Database, setup: dict) -> None:
    # GIVEN a fixed month: four contacts in two zones and one without, a fifth in April
    from tests.golden import assert_matches_golden

    op = setup["operator"]
    both = (setup["rossi"], setup["diallo"])
    create(
        db,
        op,
        contact(
            zone_id=setup["station"],
            person_ids=both,
            anonymous_m=2,
            services=frozenset({StreetService.BLANKETS, StreetService.HOT_DRINK}),
        ),
    )
    create(
        db,
        op,
        contact(
            occurred_on=dt.date(2026, 3, 12),
            zone_id=setup["station"],
            person_ids=(setup["rossi"],),
            services=frozenset({StreetService.HOT_DRINK}),
        ),
    )
    create(
        db,
        op,
        contact(
            occurred_on=dt.date(2026, 3, 31),
            zone_id=setup["port"],
            anonymous_f=3,
            services=frozenset({StreetService.REFERRAL}),
        ),
    )
    create(db, op, contact(occurred_on=dt.date(2026, 3, 31), anonymous_f=1))
    create(db, op, contact(occurred_on=dt.date(2026, 4, 1), anonymous_f=5))
    with db.reading() as session:
        data = street.month_report_data(session, op, 2026, 3)
    from dataclasses import replace

    from tit_desktop.reports import street_summary

    buffer = io.BytesIO()
    street_summary.render(replace(data, document_date=dt.date(2026, 4, 2)), buffer)
    pages = pypdf.PdfReader(buffer).pages
    text = "\n".join(page.extract_text() for page in pages)
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith("Stampato il")]
    assert_matches_golden("\n".join(lines) + "\n", "street_summary.txt")


def test_the_activity_log_reads_the_contacts_in_italian(db: Database, setup: dict) -> None:
    from tit_desktop.services import audit, audit_text

    op = setup["operator"]
    create(
        db,
        op,
        contact(zone_id=setup["port"], staff_ids=(setup["bianchi"],), person_ids=(setup["rossi"],)),
    )
    admin = setup["coordinator"]
    with db.reading() as session:
        texts = {}
        for entity in ("street_contact", "street_contact_staff", "street_contact_person"):
            page = audit_text.load_page(session, admin, audit.AuditFilter(entity=entity), 5)
            line = page.lines[0]
            texts[entity] = (
                line.person,
                line.text,
                {r.field: r.after for r in audit_text.detail(line.row, page.references).rows},
            )
    assert texts["street_contact"][1] == "Creazione: Contatto di strada"
    assert texts["street_contact"][2]["Zona"] == "Porto"
    assert texts["street_contact"][2]["Luogo"] == "Stazione centrale, lato binario 1"
    assert texts["street_contact_staff"][2]["Operatore"] == "Bianchi Luca"
    assert texts["street_contact_person"][0] == "TIU-00001 Rossi Mario"
    assert texts["street_contact_person"][1] == "Creazione: Persona incontrata in strada"
