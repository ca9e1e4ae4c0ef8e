"""The printed documents of accoglienza in famiglia: the hosting agreement (accordo di
accoglienza in famiglia), a month's contribution receipt, and a month's payment list for
the accounts office (PDF and XLSX). Plain data in, a document out; no database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO

from tit_desktop.italian import month_and_year
from tit_desktop.reports import pdf
from tit_desktop.reports.pdf import Markup, escape_text

AGREEMENT_FORM = "accordo-famiglia"
AGREEMENT_TITLE = "Accordo di accoglienza in famiglia"
RECEIPT_FORM = "ricevuta-contributo"
RECEIPT_TITLE = "Ricevuta del contributo per l'accoglienza in famiglia"
PAYMENT_LIST_FORM = "pagamenti-famiglie"
PAYMENT_LIST_TITLE = "Contributi alle famiglie ospitanti: elenco dei pagamenti del mese"


def month_name(month: dt.date) -> str:
    """ "marzo 2026"."""
    return month_and_year(month)


def _eur(amount: Decimal | None) -> str:
    return pdf.fmt_eur(amount) if amount is not None else ""


@dataclass(frozen=True)
class AgreementData:
    family: str
    contact_person: str
    members: str
    address: str
    phone: str
    iban: str  # grouped by four; empty when the printer may not see it
    person_code: str
    person_name: str
    person_birth: str  # "12/03/1990, Marocco"
    start_date: dt.date
    end_date: dt.date | None
    time: str  # pieno / parziale
    monthly_amount: Decimal | None  # None: printed by a role without money, left blank
    pro_rata_rule: str
    document_date: dt.date


HOUSE_RULES = (
    "La famiglia offre all'ospite una stanza o un posto letto, l'uso della cucina e dei servizi, "
    "e lo accompagna nella conoscenza del quartiere e dei servizi della città.",
    "L'ospite rispetta gli orari e le regole della casa concordati con la famiglia, ne ha cura "
    "come della propria e partecipa alle piccole attività domestiche.",
    "L'ospite prosegue il proprio percorso di autonomia (lingua italiana, formazione, lavoro, "
    "casa) con l'operatore di riferimento, che incontra la famiglia e l'ospite almeno una volta "
    "al mese.",
    "La famiglia e l'ospite segnalano subito all'operatore di riferimento ogni difficoltà, "
    "assenza prolungata o cambiamento; ciascuno può chiedere di concludere l'accoglienza con un "
    "preavviso di quindici giorni.",
    "Il Comune versa alla famiglia il contributo mensile indicato, con bonifico sull'IBAN "
    "indicato, dopo la fine di ogni mese di accoglienza; un mese non intero è pagato in "
    "proporzione ai giorni.",
    "I dati personali sono trattati dal Comune per la gestione del progetto, secondo "
    "l'informativa consegnata all'ospite e alla famiglia.",
)


def render_agreement(data: AgreementData, out: str | Path | IO[bytes]) -> int:
    contact = data.contact_person
    period_end = pdf.fmt_date(data.end_date) if data.end_date else "(da definire)"
    amount = _eur(data.monthly_amount) if data.monthly_amount is not None else None
    story = [
        pdf.paragraph(
            "Il presente accordo regola l'accoglienza in famiglia della persona indicata, "
            "nell'ambito del progetto «Tessiture Integrate Urbane» del Comune di Ancona "
            "(azione «Accoglienza in famiglia»)."
        ),
        pdf.section_heading("La famiglia ospitante"),
        pdf.field_table(
            [
                ("Famiglia", data.family),
                ("Referente e telefono", " — ".join(x for x in (contact, data.phone) if x)),
                ("Componenti", data.members.replace("\n", ", ")),
                ("Indirizzo", data.address),
                ("IBAN per il contributo", data.iban),
            ],
            blank=False,
        ),
        pdf.section_heading("La persona accolta"),
        pdf.field_table(
            [
                ("Codice, cognome e nome", f"{data.person_code} — {data.person_name}"),
                ("Nascita", data.person_birth),
            ],
            blank=False,
        ),
        pdf.section_heading("Periodo e contributo"),
        pdf.field_table(
            [
                ("Periodo", f"dal {pdf.fmt_date(data.start_date)} al {period_end}"),
                ("Tempo", f"tempo {data.time}"),
                ("Contributo mensile alla famiglia", amount),
            ],
            blank=False,
        ),
        pdf.paragraph(
            "I giorni indicati «dal» e «al» sono entrambi compresi nell'accoglienza. "
            + data.pro_rata_rule,
            "small",
        ),
        pdf.section_heading("Impegni reciproci"),
    ]
    for number, rule in enumerate(HOUSE_RULES, start=1):
        story.append(pdf.paragraph(f"{number}. {rule}", "small_justified"))
    story.append(
        pdf.signature_blocks(
            [
                pdf.Signature("La famiglia ospitante (il referente)", data.contact_person),
                pdf.Signature("La persona accolta", data.person_name),
                pdf.Signature("Per il Comune di Ancona", None),
            ],
            per_row=3,
        )
    )
    return pdf.build_pdf(
        out,
        AGREEMENT_TITLE,
        story,
        subtitle=f"{data.family} — {data.person_code} {data.person_name}",
        document_date=data.document_date,
        subject="Accoglienza in famiglia",
    )


@dataclass(frozen=True)
class ReceiptData:
    family: str
    contact_person: str
    iban: str
    person_code: str
    person_name: str
    month: dt.date
    days: int
    days_in_month: int
    time: str
    monthly_amount: Decimal
    amount_due: Decimal
    paid_on: dt.date
    paid_amount: Decimal
    document_date: dt.date
    # "12/2024 del 15/03/2024": the outgoing register's number, printed under the title.
    protocol: str | None = None


def render_receipt(data: ReceiptData, out: str | Path | IO[bytes]) -> int:
    who = data.contact_person or data.family
    story = [
        pdf.markup_paragraph(
            Markup(
                f"La sottoscritta/il sottoscritto <b>{escape_text(who)}</b>, referente della "
                f"famiglia ospitante <b>{escape_text(data.family)}</b>, dichiara di aver "
                f"ricevuto dal Comune di Ancona il contributo per l'accoglienza in famiglia "
                f"di <b>{escape_text(data.person_name)}</b> (codice "
                f"{escape_text(data.person_code)}) per il mese di "
                f"<b>{escape_text(month_name(data.month))}</b>."
            )
        ),
        pdf.section_heading("Contributo"),
        pdf.field_table(
            [
                ("Mese", month_name(data.month)),
                ("Tempo", f"tempo {data.time}"),
                ("Contributo mensile", _eur(data.monthly_amount)),
                ("Giorni di accoglienza nel mese", f"{data.days} su {data.days_in_month}"),
                ("Importo dovuto", _eur(data.amount_due)),
                ("Importo pagato", _eur(data.paid_amount)),
                ("Data del pagamento", pdf.fmt_date(data.paid_on)),
                ("Accreditato sull'IBAN", data.iban),
            ]
        ),
        pdf.signature_blocks([pdf.Signature("Il referente della famiglia", who)], per_row=1),
    ]
    return pdf.build_pdf(
        out,
        RECEIPT_TITLE,
        story,
        subtitle=f"{data.family} — {month_name(data.month)}",
        document_date=data.document_date,
        subject="Accoglienza in famiglia",
        protocol=data.protocol,
    )


@dataclass(frozen=True)
class PaymentListLine:
    family: str
    contact_person: str
    iban: str
    person: str  # "TIU-00012 Diallo Awa"
    time: str
    days: int
    amount_due: Decimal
    paid_on: dt.date | None
    paid_amount: Decimal | None


@dataclass(frozen=True)
class PaymentListData:
    month: dt.date
    lines: Sequence[PaymentListLine]
    total_due: Decimal
    total_paid: Decimal
    pro_rata_rule: str
    document_date: dt.date


PAYMENT_HEADER = (
    "Famiglia",
    "Referente",
    "IBAN",
    "Ospite",
    "Tempo",
    "Giorni",
    "Dovuto",
    "Pagato il",
    "Importo pagato",
)


def render_payment_list(data: PaymentListData, out: str | Path | IO[bytes]) -> int:
    unpaid = sum(1 for line in data.lines if line.paid_on is None)
    rows = [
        (
            f"{line.family}\n{line.contact_person}".strip(),
            line.iban,
            line.person,
            line.time,
            str(line.days),
            _eur(line.amount_due),
            pdf.fmt_date(line.paid_on),
            _eur(line.paid_amount),
        )
        for line in data.lines
    ]
    rows.append(("Totale", "", "", "", "", _eur(data.total_due), "", _eur(data.total_paid)))
    story = [
        pdf.field_table(
            [
                ("Mese", month_name(data.month)),
                ("Contributi del mese", str(len(data.lines))),
                ("Da pagare", str(unpaid)),
                ("Totale dovuto", _eur(data.total_due)),
                ("Totale pagato", _eur(data.total_paid)),
            ],
            blank=False,
        ),
        pdf.data_table(
            (
                "Famiglia e referente",
                "IBAN",
                "Ospite",
                "Tempo",
                "Giorni",
                "Dovuto",
                "Pagato il",
                "Pagato",
            ),
            rows,
            col_weights=(80, 68, 70, 54, 44, 64, 66, 64),
            right_aligned=(4, 5, 7),
        ),
        pdf.paragraph(data.pro_rata_rule, "small"),
    ]
    if not data.lines:
        story.insert(1, pdf.paragraph("Nessun contributo dovuto per questo mese."))
    return pdf.build_pdf(
        out,
        PAYMENT_LIST_TITLE,
        story,
        subtitle=month_name(data.month).capitalize(),
        document_date=data.document_date,
        subject="Accoglienza in famiglia",
    )


def write_payment_list_xlsx(data: PaymentListData, out: str | Path | IO[bytes]) -> None:
    """The same list as a spreadsheet: amounts as numbers with two decimals, dates as dates."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Pagamenti"
    sheet.append([f"{PAYMENT_LIST_TITLE}: {month_name(data.month)}"])
    sheet["A1"].font = Font(bold=True)
    sheet.append([])
    sheet.append(list(PAYMENT_HEADER))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for line in data.lines:
        sheet.append(
            [
                line.family,
                line.contact_person,
                line.iban,
                line.person,
                line.time,
                line.days,
                line.amount_due,
                line.paid_on,
                line.paid_amount,
            ]
        )
    sheet.append(["Totale", None, None, None, None, None, data.total_due, None, data.total_paid])
    last = sheet.max_row
    for cell in sheet[last]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=4, max_row=last):
        for index in (6, 8):
            row[index].number_format = "#,##0.00"
        row[7].number_format = "DD/MM/YYYY"
    for column, width in zip("ABCDEFGHI", (24, 22, 32, 30, 10, 8, 12, 12, 14), strict=True):
        sheet.column_dimensions[column].width = width
    book.save(out)
