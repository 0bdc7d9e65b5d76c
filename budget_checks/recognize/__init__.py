"""Recognition: a page's items in, its tables out.

grid (where the tables are, whatever the layout) -> header (which cells name the columns)
-> roles (the rulebook's vocabulary) -> identities (what must hold in each table).
"""

from budget_checks.recognize.page import recognize_page

__all__ = ["recognize_page"]
