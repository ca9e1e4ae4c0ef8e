"""The data subject's rights over the registry: access (art. 15 of Regulation (EU) 2016/679)
and erasure by anonymisation (art. 17), which keeps the programme's statistics right.

One module per use case:

* :mod:`.registry`: what belongs to a person, table by table, and the extension point
  modules use to register their own (:func:`register_section`);
* :mod:`.trail`: a person's rows in the audit log, found through indexes;
* :mod:`.access`: the access request, :func:`export_person_data` (its PDF layout is
  :mod:`tit_desktop.reports.access_request`);
* :mod:`.erasure`: the anonymisation, :func:`anonymise_person`;
* :mod:`.audit_scrub`: taking the erased identity out of the audit log.

Which field of the record is identifying and which is kept for the statistics is the field
catalogue's (:mod:`tit_desktop.services.person_fields`).
"""

from tit_desktop.services.gdpr.access import FORMAT, FORMAT_VERSION, export_person_data
from tit_desktop.services.gdpr.erasure import (
    ANONYMOUS_CODE_PREFIX,
    KEPT_FIELDS,
    anonymise_person,
    anonymised_birth_date,
)
from tit_desktop.services.gdpr.registry import (
    LinkedEntity,
    PersonDataModule,
    Section,
    register_section,
    registered_sections,
    uncovered_person_tables,
    unregister_section,
)

__all__ = [
    "ANONYMOUS_CODE_PREFIX",
    "FORMAT",
    "FORMAT_VERSION",
    "KEPT_FIELDS",
    "LinkedEntity",
    "PersonDataModule",
    "Section",
    "anonymise_person",
    "anonymised_birth_date",
    "export_person_data",
    "register_section",
    "registered_sections",
    "uncovered_person_tables",
    "unregister_section",
]
