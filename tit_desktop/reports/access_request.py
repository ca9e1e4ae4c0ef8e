"""The answer to a data subject's access request (art. 15 of Regulation (EU) 2016/679): the
PDF that lists everything the office holds about one person.

The service (``tit_desktop.services.gdpr``) decides what goes in and writes every text of
the sections; this module only lays them out with the shared machinery: letterhead, title,
the person's code and the date, an introduction, the numbered sections (label/value tables
and lists), the information on the processing that art. 15(1) requires (taken from the
privacy notice the person signed at registration), and the office's closing signatures.
Nothing here touches the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Final, TypeAlias

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
    "AccessRequestData",
    "Block",
    "FieldBlock",
    "ReportSection",
    "TableBlock",
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
