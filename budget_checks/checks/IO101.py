"""IO101: a file or archive member could not be read."""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity

DOC = RuleDoc(
    code="IO101",
    name="unreadable-input",
    severity=Severity.ERROR,
    summary="A file or archive member of the export could not be read.",
    why="A page that cannot be read is a page whose numbers were not checked; the run must say so instead of passing it.",
    example="begroting-2026/005.txt   binary data, not a page",
    fix="Export the page again, or remove the file from the export folder if it does not belong there.",
    messages={
        "nl": "Bestand niet leesbaar: {reason}",
        "en": "File could not be read: {reason}",
    },
)

SCOPE = "files"  # what the rule looks at, for the evaluated count


def check(context):
    return context.read_problems(DOC)
