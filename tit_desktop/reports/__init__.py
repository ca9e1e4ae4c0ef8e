"""Printed forms and reports (ReportLab), fed with plain data by the services. No Qt here."""
