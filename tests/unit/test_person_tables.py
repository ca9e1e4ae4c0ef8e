"""Every table that refers to a person is covered by the access request and by the
anonymisation; the anonymisation's lists come from the field catalogue."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table

from tit_desktop.models import Base
from tit_desktop.services import gdpr, person_fields
from tit_desktop.services.gdpr import audit_scrub, erasure
from tit_desktop.services.person_fields import Handling


def test_the_anonymisation_keeps_and_scrubs_what_the_catalogue_says() -> None:
    assert person_fields.kept_for_statistics() == gdpr.KEPT_FIELDS
    # what is identifying is scrubbed from the audit log; bookkeeping and statistics stay
    assert person_fields.with_handling(Handling.KEPT, Handling.SYSTEM) == audit_scrub.AUDIT_KEPT
    assert not any(person_fields.get(n).handling.identifying for n in audit_scrub.AUDIT_KEPT)


def test_the_erasure_empties_exactly_the_erased_fields() -> None:
    erased = set(person_fields.erased())
    assert {"fiscal_code", "cui", "permit_number", "phone", "disability", "notes"} <= erased
    assert not erased & person_fields.kept_for_statistics()
    assert erasure.KEPT_FIELDS.isdisjoint(erased)


def test_every_table_referring_to_a_person_is_covered() -> None:
    # GIVEN the application's tables: each one with a foreign key to person.id is listed in
    # the access request and handled by the anonymisation (core table or registered module)
    referring = [
        t.name
        for t in Base.metadata.sorted_tables
        if t.name != "person" and gdpr.registry.person_columns(t)
    ]
    assert {"person_note", "attachment", "household_link", "not_same_person"} <= set(referring)
    assert gdpr.uncovered_person_tables() == []


def test_a_new_table_referring_to_a_person_is_not_covered_until_registered() -> None:
    # GIVEN a throw-away schema with a table nobody registered
    metadata = MetaData()
    Table("person", metadata, Column("id", Integer, primary_key=True))
    Table(
        "stay_new",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("person_id", ForeignKey("person.id")),
        Column("note", String(100)),
    )
    Table("bed_new", metadata, Column("id", Integer, primary_key=True))
    # THEN it is reported (the tables that do not refer to a person are not)
    assert gdpr.uncovered_person_tables(metadata) == ["stay_new"]
    # WHEN a module registers it
    gdpr.register_section(
        "stay_new_test",
        lambda s, p: gdpr.Section("Soggiorni"),
        entities=[gdpr.LinkedEntity("stay_new", identifying=frozenset({"note"}))],
    )
    try:
        assert gdpr.uncovered_person_tables(metadata) == []
    finally:
        gdpr.unregister_section("stay_new_test")
