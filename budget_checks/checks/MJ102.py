"""MJ102: the year columns of a meerjarenraming (or of kredieten ramingen) run on without gaps."""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.locate import at_table
from budget_checks.numbers import YEAR_IN

DOC = RuleDoc(
    code="MJ102",
    name="year-series",
    severity=Severity.ERROR,
    summary="The years of a series of year columns increase by one from column to column (one year may appear in two documents' columns).",
    why="A meerjarenraming shows t … t+3. A skipped, repeated or reversed year means a column holds another year's "
        "figures than its header says, or a column is missing, and the multi-year balance is judged on the wrong years.",
    example="""Meerjarenraming
Begroting 2025 | Raming 2026 | Raming 2028 | Raming 2029      (2027 is missing)""",
    fix="Correct the year in the column header, or add the missing year's column, in the source system.",
    messages={
        "nl": "Jaren van de kolommen lopen niet aaneengesloten op: {years}",
        "en": "The years of the columns do not run on without gaps: {years}",
    },
)

SCOPE = "tables:amounts"  # what the rule looks at, for the evaluated count
SERIES = {"meerjarenraming": "jaar", "kredieten": "raming"}  # family -> its group of year columns


def check(context):
    for document, table in context.tables(layout="amounts"):
        group = SERIES.get(table.kind)
        if not group:
            continue
        columns = [c for c in table.columns if c.group == group]
        years = [(int(found[0]), c.label) for c in columns if (found := YEAR_IN.findall(c.label))]
        broken = any(not (y2 == y1 + 1 or (y2 == y1 and l2.lower() != l1.lower()))
                     for (y1, l1), (y2, l2) in zip(years, years[1:]))
        if broken:
            yield at_table(DOC.code, DOC.severity, document, table, years=" | ".join(label for _, label in years))
