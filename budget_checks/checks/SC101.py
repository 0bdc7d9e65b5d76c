"""SC101: a row follows another sign convention than the rest of its table.

Emitted by the arithmetic dataset, which infers each table's convention.
"""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity

DOC = RuleDoc(
    code="SC101",
    name="mixed-sign-convention",
    severity=Severity.WARNING,
    summary="A row fits another sign convention than the one the table follows (it is also reported by the identity it breaks).",
    why="Tables follow one convention (saldo = lasten − baten, or baten − lasten, or signed amounts). A row that fits only another one usually has its signs swapped.",
    example="""Doel 1.1.1   14.573.052 | 0 | 14.573.052 | ...
Doel 1.1.2   16.329.083 | 1.798.619 | -14.530.464 | ...     (saldo = baten − lasten, the other rows lasten − baten)""",
    fix="Make the row use the same signs as the other rows of the table.",
    messages={
        "nl": "Rij volgt een andere tekenconventie ({convention}) dan de rest van de tabel ({table_convention}, {identity})",
        "en": "Row follows another sign convention ({convention}) than the rest of the table ({table_convention}, {identity})",
    },
)
