"""The catalogue of a person's fields: every column of ``person``, described once.

For each column: its Italian label (on the form and in error messages, and the longer one a
document prints when the field stands alone), the record dialog's tab, the printed section
(the access request groups the record by it), what the anonymisation does with it (kept for
the year-end figures of DOMAIN.md section 7, reduced, replaced, erased, or bookkeeping), whether
the person may decline to answer ("non ha risposto"), the ``Beneficiari`` column of the exchange
workbook (DOMAIN.md section 8) and which fields go together (a merge takes them from one record).

The record dialog, the merge, the anonymisation, the access request and the exchange sheet
take their field lists from here; a test fails when a column of the model is missing.
No Qt and no database access: plain descriptions.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Tab(enum.IntEnum):
    """The record dialog's tabs, in their order (the value is the tab's index)."""

    REGISTRY = 0  # Anagrafica
    PERMIT = 1  # Permesso
    CONTACTS = 2  # Recapiti
    SITUATION = 3  # Situazione
    CONSENTS = 4  # Consensi
    NOTES = 5  # Note


TAB_TITLES: dict[Tab, str] = {
    Tab.REGISTRY: "Anagrafica",
    Tab.PERMIT: "Permesso",
    Tab.CONTACTS: "Recapiti",
    Tab.SITUATION: "Situazione",
    Tab.CONSENTS: "Consensi",
    Tab.NOTES: "Note",
}


class Section(enum.StrEnum):
    """The printed groups of the record (the access request's "Dati della scheda")."""

    REGISTRY = "Dati anagrafici"
    PERMIT = "Documento di soggiorno"
    CONTACTS = "Recapiti e lingue"
    INTAKE = "Presa in carico"
    CONSENTS = "Consensi"


class Handling(enum.StrEnum):
    """What the anonymisation (art. 17) does with a field."""

    KEPT = "kept"  # kept as it is: the year-end figures need it
    REDUCED = "reduced"  # kept in part (the birth year; "non ha risposto" for kept fields)
    REPLACED = "replaced"  # replaced by an anonymous value (ANON-<id>, "Anonimo", "#<id>")
    ERASED = "erased"  # emptied
    SYSTEM = "system"  # bookkeeping (ids, dates of the record, version): no personal data

    @property
    def identifying(self) -> bool:
        return self in (Handling.REDUCED, Handling.REPLACED, Handling.ERASED)


@dataclass(frozen=True)
class PersonField:
    name: str
    label: str
    handling: Handling
    tab: Tab | None = None  # None: not on the form (bookkeeping)
    section: Section | None = None  # None: not printed as a field of the record
    # The label a document prints when the field stands alone (default: ``label``).
    document_label: str | None = None
    declinable: bool = False
    exchange_column: str | None = None
    # Fields that belong together share a bundle: a merge takes all of them from one record.
    bundle: str | None = None
    # A value that points to this person when found in another record's history (a merge
    # may have copied it there): taken out of the partner's history at anonymisation.
    distinctive: bool = False
    # Searched as whole words in the audit log's free text (and the anonymisation's reason).
    in_free_text: bool = False
    # Unique in the database: searched for in the whole audit log at anonymisation.
    unique_value: bool = False

    @property
    def printed_label(self) -> str:
        return self.document_label or self.label

    @property
    def on_form(self) -> bool:
        return self.tab is not None


_K, _R, _P, _E, _S = (
    Handling.KEPT,
    Handling.REDUCED,
    Handling.REPLACED,
    Handling.ERASED,
    Handling.SYSTEM,
)

# In the order of the model's columns (the access request's JSON and the exchange sheet
# follow it; the printed sections take their fields in this order too).
FIELDS: tuple[PersonField, ...] = (
    PersonField("id", "Identificativo", _S),
    PersonField(
        "code",
        "Codice",
        _P,
        Tab.REGISTRY,
        Section.REGISTRY,
        exchange_column="Codice",
        distinctive=True,
        in_free_text=True,
    ),
    PersonField(
        "last_name",
        "Cognome",
        _P,
        Tab.REGISTRY,
        Section.REGISTRY,
        exchange_column="Cognome",
        distinctive=True,
        in_free_text=True,
    ),
    PersonField(
        "first_name",
        "Nome",
        _P,
        Tab.REGISTRY,
        Section.REGISTRY,
        exchange_column="Nome",
        distinctive=True,
        in_free_text=True,
    ),
    # Derived from the names, for sorting: replaced with them.
    PersonField("sort_key", "Chiave di ordinamento", _P),
    PersonField("sex", "Sesso", _K, Tab.REGISTRY, Section.REGISTRY, exchange_column="Sesso"),
    # Age bands: the year is kept, on a day that keeps every band exact.
    PersonField(
        "birth_date",
        "Data di nascita",
        _R,
        Tab.REGISTRY,
        Section.REGISTRY,
        exchange_column="Data di nascita",
        distinctive=True,
    ),
    PersonField(
        "birth_place_code",
        "Luogo di nascita",
        _E,
        Tab.REGISTRY,
        Section.REGISTRY,
        document_label="Luogo di nascita (codice)",
        exchange_column="Luogo di nascita",
        bundle="birth_place",
        distinctive=True,
    ),
    PersonField(
        "birth_place_text",
        "Luogo di nascita",
        _E,
        Tab.REGISTRY,
        Section.REGISTRY,
        document_label="Luogo di nascita (come scritto)",
        exchange_column="Luogo di nascita",
        bundle="birth_place",
        distinctive=True,
        in_free_text=True,
    ),
    PersonField(
        "citizenship_code",
        "Cittadinanza",
        _K,
        Tab.REGISTRY,
        Section.REGISTRY,
        declinable=True,
        exchange_column="Cittadinanza",
    ),
    PersonField(
        "fiscal_code",
        "Codice fiscale",
        _E,
        Tab.REGISTRY,
        Section.REGISTRY,
        exchange_column="Codice fiscale",
        distinctive=True,
        in_free_text=True,
        unique_value=True,
    ),
    PersonField(
        "cui",
        "CUI",
        _E,
        Tab.REGISTRY,
        Section.REGISTRY,
        exchange_column="CUI",
        distinctive=True,
        in_free_text=True,
        unique_value=True,
    ),
    PersonField(
        "permit_type",
        "Tipo di permesso",
        _E,
        Tab.PERMIT,
        Section.PERMIT,
        exchange_column="Tipo permesso",
        bundle="permit",
    ),
    PersonField(
        "permit_reason",
        "Motivo del permesso",
        _E,
        Tab.PERMIT,
        Section.PERMIT,
        exchange_column="Tipo permesso",
        bundle="permit",
    ),
    PersonField(
        "permit_number",
        "Numero del permesso",
        _E,
        Tab.PERMIT,
        Section.PERMIT,
        exchange_column="Numero permesso",
        bundle="permit",
        distinctive=True,
        in_free_text=True,
    ),
    PersonField("permit_issuer", "Questura", _E, Tab.PERMIT, Section.PERMIT, bundle="permit"),
    PersonField(
        "permit_issued_on",
        "Rilascio del permesso",
        _E,
        Tab.PERMIT,
        Section.PERMIT,
        bundle="permit",
    ),
    PersonField(
        "permit_expires_on",
        "Scadenza del permesso",
        _E,
        Tab.PERMIT,
        Section.PERMIT,
        exchange_column="Scadenza permesso",
        bundle="permit",
    ),
    PersonField(
        "phone",
        "Telefono",
        _E,
        Tab.CONTACTS,
        Section.CONTACTS,
        exchange_column="Telefono",
        distinctive=True,
        in_free_text=True,
    ),
    PersonField(
        "email",
        "E-mail",
        _E,
        Tab.CONTACTS,
        Section.CONTACTS,
        distinctive=True,
        in_free_text=True,
    ),
    PersonField(
        "address",
        "Indirizzo",
        _E,
        Tab.CONTACTS,
        Section.CONTACTS,
        distinctive=True,
        in_free_text=True,
    ),
    PersonField(
        "languages", "Lingue parlate", _E, Tab.CONTACTS, Section.CONTACTS, distinctive=True
    ),
    PersonField(
        "education_isced",
        "Titolo di studio",
        _E,
        Tab.SITUATION,
        Section.INTAKE,
        declinable=True,
        exchange_column="Titolo di studio",
    ),
    PersonField(
        "employment",
        "Condizione occupazionale",
        _E,
        Tab.SITUATION,
        Section.INTAKE,
        declinable=True,
        exchange_column="Condizione occupazionale",
    ),
    PersonField(
        "ethos_at_intake",
        "ETHOS",
        _K,
        Tab.SITUATION,
        Section.INTAKE,
        document_label="Situazione abitativa (ETHOS)",
        declinable=True,
        exchange_column="ETHOS",
    ),
    # Health data: erased.
    PersonField("disability", "Disabilità", _E, Tab.SITUATION, Section.INTAKE, declinable=True),
    # The names of the declined fields: only those of kept fields stay.
    PersonField("declined_fields", "Domande senza risposta", _R),
    PersonField(
        "intake_date",
        "Data presa in carico",
        _K,
        Tab.SITUATION,
        Section.INTAKE,
        exchange_column="Data presa in carico",
    ),
    PersonField("referring_organisation_id", "Ente inviante", _E, Tab.SITUATION, Section.INTAKE),
    PersonField(
        "reference_staff_id", "Operatore di riferimento", _E, Tab.SITUATION, Section.INTAKE
    ),
    # Consents: nothing is processed on their basis after the erasure.
    PersonField(
        "consent_privacy",
        "Consenso privacy",
        _E,
        Tab.CONSENTS,
        Section.CONSENTS,
        bundle="consent_privacy",
    ),
    PersonField(
        "consent_privacy_on",
        "Data consenso privacy",
        _E,
        Tab.CONSENTS,
        Section.CONSENTS,
        bundle="consent_privacy",
    ),
    PersonField(
        "consent_photo",
        "Consenso foto",
        _E,
        Tab.CONSENTS,
        Section.CONSENTS,
        bundle="consent_photo",
    ),
    PersonField(
        "consent_photo_on",
        "Data consenso foto",
        _E,
        Tab.CONSENTS,
        Section.CONSENTS,
        bundle="consent_photo",
    ),
    PersonField(
        "consent_sharing",
        "Consenso comunicazione a enti",
        _E,
        Tab.CONSENTS,
        Section.CONSENTS,
        bundle="consent_sharing",
    ),
    PersonField(
        "consent_sharing_on",
        "Data consenso comunicazione a enti",
        _E,
        Tab.CONSENTS,
        Section.CONSENTS,
        bundle="consent_sharing",
    ),
    PersonField(
        "notes",
        "Note",
        _E,
        Tab.NOTES,
        Section.INTAKE,
        document_label="Annotazioni sulla scheda",
        exchange_column="Note",
        distinctive=True,
    ),
    PersonField("anonymised_at", "Anonimizzata il", _S),
    PersonField("merged_into_id", "Unita alla scheda", _S),
    PersonField("created_at", "Creata il", _S),
    PersonField("updated_at", "Ultima modifica", _S),
    PersonField("version", "Versione", _S),
)

BY_NAME: dict[str, PersonField] = {f.name: f for f in FIELDS}


@dataclass(frozen=True)
class ExchangeColumn:
    """A column of the ``Beneficiari`` sheet: its header, the key its parser works on (a
    field's name, or the name of a bundle the cell fills as a whole) and the fields it sets."""

    name: str
    key: str
    fields: tuple[str, ...]
    required: bool


# DOMAIN.md section 8: the required columns of ``Beneficiari``.
_REQUIRED_COLUMNS = frozenset({"Codice", "Cognome", "Nome", "Sesso", "Data presa in carico"})


def exchange_columns() -> tuple[ExchangeColumn, ...]:
    """The ``Beneficiari`` columns in the sheet's order, from the catalogue."""
    columns: dict[str, list[PersonField]] = {}
    for f in FIELDS:
        if f.exchange_column is not None:
            columns.setdefault(f.exchange_column, []).append(f)
    result = []
    for name, members in columns.items():
        key = members[0].name if len(members) == 1 else members[0].bundle
        if key is None:
            raise RuntimeError(f"column {name} fills several fields that share no bundle")
        result.append(
            ExchangeColumn(name, key, tuple(m.name for m in members), name in _REQUIRED_COLUMNS)
        )
    return tuple(result)


def get(name: str) -> PersonField:
    return BY_NAME[name]


def names(fields: Iterable[PersonField]) -> tuple[str, ...]:
    return tuple(f.name for f in fields)


def form_fields() -> tuple[str, ...]:
    """The fields the record dialog edits (and a merge chooses between), in order."""
    return names(f for f in FIELDS if f.on_form)


def record_fields() -> tuple[str, ...]:
    """The fields printed as the record (the consents have their own section)."""
    return names(f for f in FIELDS if f.section not in (None, Section.CONSENTS))


def labels() -> dict[str, str]:
    """Field -> label on the form (error messages name fields by it)."""
    return {f.name: f.label for f in FIELDS if f.on_form}


def tab_of_field() -> dict[str, int]:
    """Field -> index of the record dialog's tab that holds it."""
    return {f.name: int(f.tab) for f in FIELDS if f.tab is not None}


def declinable() -> tuple[str, ...]:
    return names(f for f in FIELDS if f.declinable)


def bundles() -> tuple[tuple[str, ...], ...]:
    """Fields that go together, each group in order."""
    groups: dict[str, list[str]] = {}
    for f in FIELDS:
        if f.bundle is not None:
            groups.setdefault(f.bundle, []).append(f.name)
    return tuple(tuple(g) for g in groups.values())


def with_handling(*handlings: Handling) -> frozenset[str]:
    return frozenset(f.name for f in FIELDS if f.handling in handlings)


def kept_for_statistics() -> frozenset[str]:
    return with_handling(Handling.KEPT)


def erased() -> tuple[str, ...]:
    return names(f for f in FIELDS if f.handling is Handling.ERASED)


def distinctive() -> tuple[str, ...]:
    return names(f for f in FIELDS if f.distinctive)


def in_free_text() -> tuple[str, ...]:
    return names(f for f in FIELDS if f.in_free_text)


def unique_values() -> tuple[str, ...]:
    return names(f for f in FIELDS if f.unique_value)


def unclassified(column_names: Iterable[str]) -> list[str]:
    """Columns of the person table the catalogue does not describe (a test keeps it empty)."""
    return [name for name in column_names if name not in BY_NAME]
