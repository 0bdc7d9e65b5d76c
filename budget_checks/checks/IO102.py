"""IO102: an input limit was reached; the part beyond it was not read."""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity

DOC = RuleDoc(
    code="IO102",
    name="input-limit",
    severity=Severity.ERROR,
    summary="A file, archive member or archive exceeds an input limit and was not (fully) read.",
    why="Limits keep one hostile or broken file from exhausting the machine. Hitting one is reported, never a silent truncation.",
    example="export.zip:page.txt   compression ratio 1000:1 exceeds 200:1",
    fix="Check that the file is what it claims to be; raise the limit in the configuration if the file is genuine.",
    messages={
        "nl": "Invoerlimiet bereikt: {reason}",
        "en": "Input limit reached: {reason}",
    },
)

SCOPE = "files"  # what the rule looks at, for the evaluated count


def check(context):
    return context.read_problems(DOC)
