"""The housing documents: the accordo di accoglienza abitativa with the house rules, the
monthly presence register of a unit for signatures, and the list of who sleeps where on a
night. Plain data in, PDF out; nothing here touches the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from reportlab.platypus import Flowable

from tit_desktop.italian import MONTH_NAMES as MONTHS
from tit_desktop.reports.pdf import (
    PdfTarget,
    Signature,
    build_pdf,
    data_table,
    field_table,
    fmt_date,
    paragraph,
    section_heading,
    signature_blocks,
    spacer,
)

AGREEMENT_NAME: Final = "accordo-accoglienza-abitativa"
AGREEMENT_TITLE: Final = "Accordo di accoglienza abitativa"
REGISTER_NAME: Final = "registro-presenze-alloggio"
REGISTER_TITLE: Final = "Registro mensile delle presenze"
TONIGHT_NAME: Final = "elenco-stanotte"
TONIGHT_TITLE: Final = "Chi dorme dove: elenco della notte"


HOUSE_RULES: Final = (
    "L'alloggio è un luogo di vita comune: ciascuno rispetta le persone che vi abitano, gli "
    "operatori e i vicini, senza violenza né minacce.",
    "Il posto letto assegnato è personale: non si ospitano altre persone, nemmeno per una "
    "notte, senza l'accordo degli operatori.",
    "Si rientra entro l'orario concordato con gli operatori; un'assenza per la notte si "
    "comunica prima, anche per telefono.",
    "Nell'alloggio non si introducono né si consumano alcol e sostanze stupefacenti; non si "
    "fuma nei locali chiusi.",
    "Ciascuno tiene in ordine il proprio spazio e partecipa alla pulizia degli spazi comuni "
    "secondo i turni concordati.",
    "Gli operatori possono accedere all'alloggio per le verifiche concordate; i guasti si "
    "segnalano subito.",
    "L'accoglienza è un percorso verso l'autonomia: la persona partecipa agli incontri e alle "
    "attività del proprio progetto individuale.",
    "Il mancato rispetto grave o ripetuto di queste regole può comportare la fine "
    "dell'accoglienza, comunicata per iscritto.",
)


@dataclass(frozen=True, kw_only=True)
class AgreementData:
    code: str
    name: str
    birth_date: dt.date | None
    citizenship: str
    unit_name: str
    unit_kind: str
    unit_address: str
    bed_label: str
    dal: dt.date | None
    al: dt.date | None
    operator: str
    document_date: dt.date


def render_agreement(data: AgreementData, out: PdfTarget) -> int:
    story: list[Flowable] = [
        section_heading("La persona accolta"),
        field_table(
            [
                ("Cognome e nome", data.name),
                ("Codice", data.code),
                ("Data di nascita", fmt_date(data.birth_date) if data.birth_date else None),
                ("Cittadinanza", data.citizenship or None),
            ]
        ),
        section_heading("L'alloggio"),
        field_table(
            [
                ("Alloggio", data.unit_name or None),
                ("Tipo", data.unit_kind or None),
                ("Indirizzo", data.unit_address or None),
                ("Posto letto", data.bed_label or None),
                ("Prima notte (dal)", fmt_date(data.dal) if data.dal else None),
                (
                    "Fine prevista (giorno di partenza)",
                    fmt_date(data.al) if data.al else "da concordare con gli operatori",
                ),
            ]
        ),
        spacer(2),
        paragraph(
            "Il Comune di Ancona, attraverso il programma Tessiture Integrate Urbane, mette a "
            "disposizione della persona il posto letto indicato sopra, a titolo gratuito e "
            "temporaneo, come parte del suo progetto individuale. La persona accetta le regole "
            "della casa riportate di seguito e si impegna a rispettarle."
        ),
        section_heading("Regole della casa"),
    ]
    for number, rule in enumerate(HOUSE_RULES, start=1):
        story.append(paragraph(f"{number}. {rule}", "small_justified"))
        story.append(spacer(1))
    story.append(spacer(2))
    story.append(
        paragraph(
            "La persona dichiara di aver ricevuto e compreso queste regole, spiegate in una "
            "lingua che conosce, e di averne ricevuto copia."
        )
    )
    story.append(
        signature_blocks(
            [
                Signature("La persona accolta", data.name),
                Signature("L'operatore di riferimento", data.operator),
            ]
        )
    )
    return build_pdf(
        out,
        f"{AGREEMENT_TITLE} - {data.code}",
        story,
        heading=AGREEMENT_TITLE,
        subtitle=f"Codice: {data.code}",
        document_date=data.document_date,
        subject=AGREEMENT_TITLE,
        keywords=(AGREEMENT_NAME, data.code),
    )


@dataclass(frozen=True)
class RegisterNight:
    day: dt.date
    bed_label: str
    name: str
    code: str


@dataclass(frozen=True, kw_only=True)
class RegisterData:
    unit_name: str
    unit_address: str
    year: int
    month: int
    beds: int
    nights: Sequence[RegisterNight]


_WEEKDAYS: Final = ("lun", "mar", "mer", "gio", "ven", "sab", "dom")


def render_register(data: RegisterData, out: PdfTarget) -> int:
    month = f"{MONTHS[data.month - 1]} {data.year}"
    story: list[Flowable] = [
        field_table(
            [
                ("Alloggio", data.unit_name),
                ("Indirizzo", data.unit_address or None),
                ("Mese", month),
                ("Posti letto", str(data.beds)),
                ("Notti registrate", str(len(data.nights))),
            ],
            blank=False,
        ),
        paragraph(
            "Ogni persona firma per ciascuna notte trascorsa nell'alloggio; l'operatore "
            "annota le assenze accanto alla firma mancante."
        ),
        spacer(3),
    ]
    if data.nights:
        story.append(
            data_table(
                ["Notte del", "Posto", "Cognome e nome", "Codice", "Firma"],
                [
                    (
                        f"{_WEEKDAYS[n.day.weekday()]} {fmt_date(n.day)}",
                        n.bed_label,
                        n.name,
                        n.code,
                        "",
                    )
                    for n in data.nights
                ],
                col_weights=[1.3, 0.6, 2.2, 1.1, 2.2],
            )
        )
    else:
        story.append(paragraph("Nessuna presenza registrata nel mese."))
    story.append(signature_blocks([Signature("L'operatore", "")]))
    return build_pdf(
        out,
        f"{REGISTER_TITLE} - {data.unit_name} - {month}",
        story,
        heading=REGISTER_TITLE,
        subtitle=f"{data.unit_name}, {month}",
        subject=REGISTER_TITLE,
        keywords=(REGISTER_NAME, data.unit_name, f"{data.month:02d}/{data.year}"),
    )


@dataclass(frozen=True)
class TonightLine:
    unit_name: str
    bed_label: str
    name: str
    code: str
    dal: dt.date
    al: dt.date | None


def render_tonight(night: dt.date, lines: Sequence[TonightLine], out: PdfTarget) -> int:
    story: list[Flowable] = [
        paragraph(
            f"Notte del {_WEEKDAYS[night.weekday()]} {fmt_date(night)}: "
            f"{len(lines)} {'persona' if len(lines) == 1 else 'persone'} nei posti letto."
        ),
        spacer(2),
    ]
    if lines:
        story.append(
            data_table(
                ["Alloggio", "Posto", "Cognome e nome", "Codice", "Dal", "Partenza", "Presente"],
                [
                    (
                        line.unit_name,
                        line.bed_label,
                        line.name,
                        line.code,
                        fmt_date(line.dal),
                        fmt_date(line.al) if line.al else "",
                        "",
                    )
                    for line in lines
                ],
                col_weights=[1.9, 0.8, 2.1, 1.2, 1.1, 1.1, 1.2],
            )
        )
    else:
        story.append(paragraph("Nessuna persona risulta in un posto letto questa notte."))
    return build_pdf(
        out,
        f"{TONIGHT_TITLE} - {fmt_date(night)}",
        story,
        heading=TONIGHT_TITLE,
        subtitle=f"Notte del {fmt_date(night)}",
        subject=TONIGHT_TITLE,
        keywords=(TONIGHT_NAME, night.isoformat()),
    )
