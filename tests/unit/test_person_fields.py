"""The field catalogue describes every person column once, and the lists the record dialog,
the merge, the anonymisation, the access request and the exchange sheet use come from it."""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy import Column, Integer, MetaData, Table

from tit_desktop.models import Person
from tit_desktop.services import merge, person_fields, persons
from tit_desktop.services.exchange import persons_sheet
from tit_desktop.services.person_fields import Handling

PERSON_COLUMNS = [c.name for c in Person.__table__.columns]


def test_every_person_column_is_classified() -> None:
    assert person_fields.unclassified(PERSON_COLUMNS) == []
    assert set(person_fields.BY_NAME) == set(PERSON_COLUMNS)  # nothing stale either
    # in the model's order (the access request's JSON and the exchange sheet follow it)
    assert [f.name for f in person_fields.FIELDS] == PERSON_COLUMNS


def test_a_new_column_without_a_description_is_reported() -> None:
    table = Table(
        "person",
        MetaData(),
        *(Column(c.name, c.type) for c in Person.__table__.columns),
        Column("shoe_size", Integer),
    )
    assert person_fields.unclassified(c.name for c in table.columns) == ["shoe_size"]


def test_the_statistics_keep_what_the_year_end_figures_need() -> None:
    # DOMAIN.md section 7: gender, age band (birth year), citizenship, new entries (intake
    # date), homeless at entry (ETHOS).
    assert person_fields.kept_for_statistics() == {
        "sex",
        "citizenship_code",
        "ethos_at_intake",
        "intake_date",
    }
    assert person_fields.get("birth_date").handling is Handling.REDUCED
    # every field on the form is either kept, reduced, replaced or erased: none is forgotten
    for name in person_fields.form_fields():
        assert person_fields.get(name).handling is not Handling.SYSTEM, name


def test_the_form_merge_and_validation_take_their_lists_from_the_catalogue() -> None:
    form = person_fields.form_fields()
    assert form == tuple(f.name for f in fields(persons.PersonInput) if f.name != "declined")
    assert form == merge.MERGEABLE_FIELDS
    assert person_fields.bundles() == merge.FIELD_GROUPS
    assert ("birth_place_code", "birth_place_text") in merge.FIELD_GROUPS
    assert person_fields.labels() == persons.FIELD_LABELS
    assert set(persons.DECLINABLE) == {
        "citizenship_code",
        "education_isced",
        "employment",
        "ethos_at_intake",
        "disability",
    }
    # consents and the free-text notes are on the form but not in the printed record groups
    assert set(form) - set(person_fields.record_fields()) == {
        n for n in form if n.startswith("consent_")
    }


def test_the_record_dialog_finds_the_tab_of_every_field() -> None:
    from tit_desktop.ui.person_dialog import TAB_OF_FIELD

    for name in person_fields.form_fields():
        assert TAB_OF_FIELD[name] == person_fields.get(name).tab, name
    assert TAB_OF_FIELD["notes"] == person_fields.Tab.NOTES == 5


def test_the_exchange_sheet_has_the_columns_of_domain_section_8() -> None:
    assert [c.name for c in persons_sheet.COLUMNS] == [
        "Codice",
        "Cognome",
        "Nome",
        "Sesso",
        "Data di nascita",
        "Luogo di nascita",
        "Cittadinanza",
        "Codice fiscale",
        "CUI",
        "Tipo permesso",
        "Numero permesso",
        "Scadenza permesso",
        "Telefono",
        "Titolo di studio",
        "Condizione occupazionale",
        "ETHOS",
        "Data presa in carico",
        "Note",
    ]
    assert [c.name for c in persons_sheet.COLUMNS if c.required] == [
        "Codice",
        "Cognome",
        "Nome",
        "Sesso",
        "Data presa in carico",
    ]
    assert persons_sheet.column_of("permit_reason") == "Tipo permesso"
    assert persons_sheet.column_of("birth_place_text") == "Luogo di nascita"
    assert persons_sheet.column_of("email") == "E-mail"  # not in the sheet: the form's label
