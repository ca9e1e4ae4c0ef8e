"""The convention's paperwork (DOMAIN.md 6): conventions, budget, expenditures, payment
requests, deadlines, staff timesheets and the quarterly monitoring sheet.

Money is coordinatore/admin only: every function here checks ``Permission.READ_MONEY`` or
``Permission.WRITE_MONEY`` itself.
"""
