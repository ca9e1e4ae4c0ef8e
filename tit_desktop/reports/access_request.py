"""The answer to a data subject's access request (art. 15 of Regulation (EU) 2016/679): the
PDF that lists everything the office holds about one person.

The service (``tit_desktop.services.gdpr``) decides what goes in and hands over plain data
(:class:`AccessRequestContent`: the record's fields with their labels, the consents, notes,
attachments, services and the audit trail); :func:`access_request_sections` lays it out in
numbered sections (which tables, their columns and widths, the explanations) and
:func:`render_access_request` prints them with the shared machinery: letterhead, title, the
person's code and the date, an introduction, the sections, the information on the processing
that art. 15(1) requires (taken from the privacy notice the person signed at registration),
and the office's closing signatures. Nothing here touches the database or the services.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Final, TypeAlias

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from tit_desktop.reports.pdf import (
    CONTENT_WIDTH,
    Letterhead,
    Markup,
    PdfTarget,
    Signature,
    build_pdf,
    data_table,
    escape_text,
    field_table,
    markup_paragraph,
    paragraph,
    section_heading,
    signature_blocks,
    spacer,
)
from tit_desktop.reports.registration_form import load_privacy_text

__all__ = [
    "EMPTY",
    "HEADING",
    "LEGAL_BASIS",
    "TITLE",
    "AccessRequestContent",
    "AccessRequestData",
    "Block",
    "FieldBlock",
    "ReportSection",
    "ServiceTable",
    "TableBlock",
    "access_request_sections",
    "format_date",
    "format_datetime",
    "format_value",
    "render_access_request",
]

HEADING: Final = "Accesso ai dati personali"
LEGAL_BASIS: Final = "art. 15 Regolamento (UE) 2016/679"
#: The document's title (PDF metadata); printed as HEADING with LEGAL_BASIS under it.
TITLE: Final = f"{HEADING} - {LEGAL_BASIS}"
#: What a value the office does not hold prints as (a blank line would invite filling in).
EMPTY: Final = "—"


@dataclass(frozen=True)
class FieldBlock:
    """Label/value pairs under an optional subheading. Empty values print as EMPTY."""

    title: str
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class TableBlock:
    """A list with a header row; ``empty_text`` prints instead of an empty table.
    ``title`` is a subheading (empty: none)."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    col_weights: tuple[float, ...] | None = None
    empty_text: str = "Nessun dato registrato."


Block: TypeAlias = FieldBlock | TableBlock


@dataclass(frozen=True)
class ReportSection:
    """A numbered section: heading, an optional explanation, then its blocks."""

    title: str
    blocks: tuple[Block, ...] = ()
    intro: str = ""


@dataclass(frozen=True, kw_only=True)
class AccessRequestData:
    """Everything the document prints, as plain strings (dates already formatted)."""

    code: str
    full_name: str
    document_date: date
    sections: tuple[ReportSection, ...]
    #: Printed in a box under the introduction (e.g. "this record was anonymised").
    notices: tuple[str, ...] = field(default_factory=tuple)
    #: The office that answers, as it signs at the bottom.
    office: str = "Comune di Ancona - Direzione Politiche Sociali"
    #: Where the data came from (art. 15(1)(g)).
    source: str = ""


# --------------------------------------------------------------------------- values as printed


def format_date(value: dt.date | None) -> str:
    if value is None:
        return ""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def format_datetime(value: dt.datetime | None) -> str:
    """A moment in the local time of the PC that prints it."""
    if value is None:
        return ""
    local = value.astimezone()
    return f"{format_date(local)} {local.hour:02d}:{local.minute:02d}"


_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def format_value(value: Any) -> str:
    """A plain value as the document prints it (ISO dates as found in the JSON copy too)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "sì" if value else "no"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, decimal.Decimal):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, str):
        if _ISO_DATETIME.match(value):
            try:
                return format_datetime(dt.datetime.fromisoformat(value))
            except ValueError:
                return value
        if _ISO_DATE.match(value):
            try:
                return format_date(dt.date.fromisoformat(value))
            except ValueError:
                return value
        return value
    if isinstance(value, list):
        return " → ".join(format_value(v) or "—" for v in value)
    return str(value)


def _size(size: int) -> str:
    return f"{size:,} byte".replace(",", ".")


# --------------------------------------------------------------------------- the content


@dataclass(frozen=True)
class ServiceTable:
    """A registered module's rows (stays, meals...): plain values, printed by column."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    empty_text: str = "Nessun dato registrato."


@dataclass(frozen=True, kw_only=True)
class AccessRequestContent:
    """Everything the office holds about the person, as plain data from the service.

    ``record`` and each of ``merged_records`` are the printed groups of a record: a title and
    (label, text) pairs. ``consents``, ``household``, ``notes``, ``attachments``,
    ``distinct_decisions`` and ``trail`` are the items of the JSON copy (the trail's items
    also carry ``summary``: the changes as people read them)."""

    record: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    created_at: dt.datetime
    updated_at: dt.datetime
    anonymised_at: dt.datetime | None = None
    consents: Sequence[Mapping[str, Any]] = ()
    household: Sequence[Mapping[str, Any]] = ()
    notes: Sequence[Mapping[str, Any]] = ()
    with_staff_names: bool = False
    attachments: Sequence[Mapping[str, Any]] = ()
    copies_delivered: bool = False
    distinct_decisions: Sequence[Mapping[str, Any]] = ()
    merged_records: Sequence[tuple[str, tuple[tuple[str, str], ...]]] = ()
    services: Sequence[ServiceTable] = ()
    trail: Sequence[Mapping[str, Any]] = ()


def _record_blocks(content: AccessRequestContent) -> list[Block]:
    blocks: list[Block] = [FieldBlock(title, rows) for title, rows in content.record]
    status = [
        ("Scheda creata il", format_datetime(content.created_at)),
        ("Ultima modifica", format_datetime(content.updated_at)),
    ]
    if content.anonymised_at is not None:
        status.append(("Anonimizzata il", format_datetime(content.anonymised_at)))
    blocks.append(FieldBlock("Stato della scheda", tuple(status)))
    return blocks


def _consent_block(consents: Sequence[Mapping[str, Any]]) -> TableBlock:
    rows = []
    for c in consents:
        given = c["given"]
        answer = "non richiesto" if given is None else ("sì" if given else "no")
        rows.append((c["label"], answer, format_value(c["date"])))
    return TableBlock("", ("Consenso", "Risposta", "Data"), tuple(rows), (6, 1.6, 1.6))


def _note_block(notes: Sequence[Mapping[str, Any]], with_authors: bool) -> TableBlock:
    if with_authors:
        return TableBlock(
            "",
            ("Data", "Livello", "Autore", "Testo"),
            tuple(
                (format_value(n["written_at"]), n["level"], n["author"] or "", n["text"])
                for n in notes
            ),
            (1.8, 1.3, 1.7, 5.2),
            "Nessuna nota.",
        )
    return TableBlock(
        "",
        ("Data", "Livello", "Testo"),
        tuple((format_value(n["written_at"]), n["level"], n["text"]) for n in notes),
        (1.8, 1.3, 6.9),
        "Nessuna nota.",
    )


def _attachment_block(items: Sequence[Mapping[str, Any]]) -> TableBlock:
    rows = []
    for a in items:
        document = a["file_name"]
        if a["description"]:
            document += f"\n{a['description']}"
        document += f"\n{a['media_type']}"
        if a["copy"]:
            document += f"\ncopia: {a['copy']}"
        digest = a["sha256"]
        rows.append(
            (
                document,
                _size(a["size"]),
                format_value(a["uploaded_at"]),
                f"{digest[:32]}\n{digest[32:]}",
            )
        )
    return TableBlock(
        "",
        ("Documento", "Dimensione", "Caricato il", "Impronta SHA-256"),
        tuple(rows),
        (3.2, 1.3, 1.6, 3.4),
        "Nessun documento allegato.",
    )


def _trail_block(trail: Sequence[Mapping[str, Any]]) -> TableBlock:
    rows = []
    for t in trail:
        details = t["summary"]
        if t["detail"]:
            details = f"{t['detail']}\n{details}" if details else t["detail"]
        subject = t["entity_label"]
        if t["entity"] != "person" and t["entity_id"]:
            subject = f"{subject} n. {t['entity_id']}"
        rows.append((format_value(t["at"]), t["action_label"], subject, t["by"] or "", details))
    return TableBlock(
        "",
        ("Data e ora", "Operazione", "Oggetto", "Eseguita da", "Dettagli"),
        tuple(rows),
        (1.8, 1.45, 1.3, 1.45, 4.0),
        "Nessuna operazione registrata.",
    )


def _service_block(table: ServiceTable) -> TableBlock:
    return TableBlock(
        table.title,
        table.columns or ("Dati",),
        tuple(tuple(format_value(v) for v in row) for row in table.rows),
        empty_text=table.empty_text,
    )


def access_request_sections(content: AccessRequestContent) -> tuple[ReportSection, ...]:
    """The numbered sections of the document, in order."""
    sections = [
        ReportSection("Dati della scheda", tuple(_record_blocks(content))),
        ReportSection("Consensi", (_consent_block(content.consents),)),
        ReportSection(
            "Nucleo familiare",
            (
                TableBlock(
                    "",
                    ("Nome e cognome", "Codice", "Relazione"),
                    tuple((r["name"], r["code"], r["relation"]) for r in content.household),
                    (4, 2, 3),
                    "Nessun familiare registrato.",
                ),
            ),
            "Relazione: che cosa il familiare è per la persona interessata.",
        ),
        ReportSection("Note", (_note_block(content.notes, content.with_staff_names),)),
        ReportSection(
            "Documenti allegati",
            (_attachment_block(content.attachments),),
            "L'impronta SHA-256 identifica il contenuto esatto di ciascun documento."
            + (
                " Una copia di ciascun documento è consegnata insieme a questo."
                if content.copies_delivered
                else " Una copia dei documenti può essere consegnata su richiesta."
            ),
        ),
    ]
    if content.distinct_decisions:
        sections.append(
            ReportSection(
                "Verifiche di omonimia",
                (
                    TableBlock(
                        "",
                        ("Data della verifica",),
                        tuple((format_value(d["decided_at"]),) for d in content.distinct_decisions),
                    ),
                ),
                "L'ufficio ha verificato che una scheda simile a questa appartiene a "
                "un'altra persona (i dati dell'altra persona non sono riportati).",
            )
        )
    if content.merged_records:
        sections.append(
            ReportSection(
                "Schede unite a questa",
                tuple(FieldBlock(f"Scheda {code}", rows) for code, rows in content.merged_records),
                "Schede registrate due volte per la stessa persona e poi unite a questa.",
            )
        )
    sections.append(
        ReportSection(
            "Servizi ricevuti",
            tuple(_service_block(t) for t in content.services),
            "" if content.services else "Nessun servizio registrato.",
        )
    )
    sections.append(
        ReportSection(
            "Registro delle operazioni sulla scheda",
            (_trail_block(content.trail),),
            "Ogni consultazione, stampa e modifica della scheda e dei dati collegati, con i "
            "valori precedenti e successivi che il registro conserva. Orari nell'ora locale.",
        )
    )
    return tuple(sections)


# --------------------------------------------------------------------------- the document

_INTRO: Final = (
    "In risposta alla richiesta di accesso ai dati personali presentata ai sensi dell'art. 15 "
    "del Regolamento (UE) 2016/679, questo documento riporta tutti i dati che l'ufficio "
    "conserva sulla persona interessata nell'archivio del programma: la scheda anagrafica, i "
    "consensi, il nucleo familiare, le note, i documenti allegati, i servizi ricevuti e il "
    "registro delle operazioni eseguite sulla scheda. Una copia in formato elettronico "
    "(JSON, leggibile da computer) accompagna questo documento."
)
_LEGEND: Final = (
    f"Nelle tabelle, «{EMPTY}» indica un dato non registrato; «non ha risposto» indica una "
    "domanda a cui la persona ha scelto di non rispondere."
)
_CLOSING: Final = (
    "Per chiedere la rettifica o la cancellazione dei dati, la limitazione del trattamento "
    "o per opporsi al trattamento, la persona interessata può rivolgersi all'ufficio o al "
    "Responsabile della protezione dei dati del Comune."
)

_NOTICE_BG: Final = colors.HexColor("#FFF4D6")
_NOTICE_BORDER: Final = colors.HexColor("#B08A2E")


def _value(text: str) -> str:
    return text if text.strip() else EMPTY


def _block_flowables(block: Block) -> list[Flowable]:
    story: list[Flowable] = []
    if block.title:
        story.append(paragraph(block.title, "subheading"))
    if isinstance(block, FieldBlock):
        story.append(
            field_table([(label, _value(value)) for label, value in block.rows], blank=False)
        )
        return story
    if not block.rows:
        story.append(paragraph(block.empty_text, "muted"))
        story.append(spacer(1.5))
        return story
    rows = [tuple(_value(cell) for cell in row) for row in block.rows]
    story.append(
        data_table(
            block.columns,
            rows,
            col_weights=block.col_weights,
        )
    )
    return story


def _notice_box(texts: Sequence[str]) -> Table:
    cells = [[paragraph(text, "body")] for text in texts]
    table = Table(cells, colWidths=[CONTENT_WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), _NOTICE_BG),
                ("BOX", (0, 0), (-1, -1), 0.8, _NOTICE_BORDER),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    table.spaceBefore = 4
    table.spaceAfter = 4
    return table


def _information_section(number: int, source: str) -> list[Flowable]:
    """Art. 15(1)(a)-(h): purposes, recipients, retention, rights, source of the data.
    The privacy notice the person signed at registration says all of it."""
    title, paragraphs = load_privacy_text("it")
    story: list[Flowable] = [
        section_heading(f"{number}. Informazioni sul trattamento (art. 15, par. 1)"),
        paragraph(
            "Finalità, base giuridica, destinatari, tempi di conservazione e diritti sono "
            f"quelli descritti nell'informativa consegnata alla presa in carico («{title}»), "
            "riportata qui sotto.",
            "small_justified",
        ),
        spacer(1.5),
    ]
    if source:
        story.append(markup_paragraph(f"<b>Origine dei dati.</b> {escape_text(source)}", "small"))
        story.append(spacer(1.5))
    for text in paragraphs:
        if text.startswith("**") and "**" in text[2:]:
            lead, rest = text[2:].split("**", 1)
            markup = Markup(f"<b>{escape_text(lead)}</b> {escape_text(rest.strip())}")
        else:
            markup = escape_text(text)
        story.append(markup_paragraph(markup, "small_justified"))
        story.append(spacer(1.2))
    return story


def _story(data: AccessRequestData) -> list[Flowable]:
    story: list[Flowable] = [
        paragraph(_INTRO, "justified"),
        spacer(1.5),
        paragraph(_LEGEND, "muted"),
    ]
    if data.notices:
        story.append(_notice_box(data.notices))
    number = 0
    for number, section in enumerate(data.sections, start=1):
        story.append(section_heading(f"{number}. {section.title}"))
        if section.intro:
            intro = paragraph(section.intro, "small_justified")
            intro.keepWithNext = 1 if section.blocks else 0  # not alone at a page's foot
            story.append(intro)
            story.append(spacer(1.5))
        if not section.blocks and not section.intro:
            story.append(paragraph("Nessun dato registrato.", "muted"))
        for block in section.blocks:
            story.extend(_block_flowables(block))
    story.extend(_information_section(number + 1, data.source))
    story.append(spacer(3))
    # The closing words and the signatures on one page. (keepWithNext would not do: the
    # document template does not group a flowable with a following KeepTogether.)
    story.append(
        KeepTogether(
            [
                paragraph(_CLOSING, "justified"),
                signature_blocks(
                    [
                        Signature(f"Per il titolare del trattamento ({data.office})"),
                        Signature("Per ricevuta, la persona interessata", data.full_name),
                    ],
                    place_date_label="Luogo e data",
                ),
            ]
        )
    )
    return story


def render_access_request(
    data: AccessRequestData,
    out: PdfTarget,
    *,
    letterhead: Letterhead | None = None,
    printed_at: datetime | None = None,
) -> int:
    """Write the document as PDF to ``out`` (path or binary stream); return its page count.

    The person's name is printed on the pages but kept out of the PDF's metadata (file
    previews and desktop search indexes read those)."""
    return build_pdf(
        out,
        f"{TITLE} - {data.code}",
        _story(data),
        heading=HEADING,
        subtitle=f"{LEGAL_BASIS}\nPersona interessata: {data.full_name} - Codice: {data.code}",
        letterhead=letterhead,
        document_date=data.document_date,
        subject="Accesso ai dati personali (art. 15 Regolamento (UE) 2016/679)",
        keywords=("accesso-dati-art15", data.code),
        printed_at=printed_at,
    )
