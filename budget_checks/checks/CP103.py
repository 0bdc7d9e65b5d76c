"""CP103: rows a thousand times the same rows elsewhere in the document: a unit slip."""

from itertools import islice

from budget_checks.checks.groups import common, comparable, document_groups, slip
from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.locate import at_table

DOC = RuleDoc(
    code="CP103",
    name="unit-slip",
    severity=Severity.WARNING,
    summary="A row's amounts are about 1.000× (or 1/1.000×) the same row on another page: a wrong or missing unit label.",
    why="A table in thousands without '(x €1.000)', or in euros under a thousands label, is off by a factor of a "
        "thousand for every reader. Comparing it with the same row elsewhere in the document reveals the slip.",
    example="""Doel 1.3.1 page (no unit label):   Doel 1.3.1   124.506 | 5.973 | 118.533 | ...
Programma 1 page (euros):          Doel 1.3.1   124.506.201 | 5.973.114 | 118.533.087 | ...""",
    fix="Add or correct the unit label of the table whose amounts are in the other unit, e.g. (x €1.000).",
    messages={
        "nl": "{row}: bedragen zijn {factor} die op {other_page} ({unit} hier, {other_unit} daar); eenheid ontbreekt of is fout",
        "en": "{row}: amounts are {factor} those on {other_page} ({unit} here, {other_unit} there); the unit label is missing or wrong",
    },
)

SCOPE = "pages"  # what the rule looks at, for the evaluated count

SEARCH = 50  # rows of the prevailing class tried for one a row may be compared with


def check(context):
    for doc in context.documents:
        for group in document_groups(context, doc):
            prevailing, *others = group.magnitudes
            for member in (m for cls in others for m in cls):
                ref = next((p for p in islice(prevailing, SEARCH) if comparable(member, p) and common(member, p)), None)
                factor = slip(member, ref, common(member, ref)) if ref is not None else ""
                if factor:
                    yield at_table(DOC.code, DOC.severity, doc.path, member.table, member.figure.row, factor=factor,
                                   other_page=ref.page.path, other_unit=ref.table.unit_name)
