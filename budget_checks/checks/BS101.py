"""BS101: a baseline entry that no longer matches any finding.

Emitted by budget_checks.baseline when a run is compared with a baseline file.
"""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity

DOC = RuleDoc(
    code="BS101",
    name="stale-baseline-entry",
    severity=Severity.INFO,
    summary="A baseline entry matches no finding of this run: the problem it recorded is gone, so the entry can be removed.",
    why="A baseline lets a pipeline fail only on new findings. Entries for problems that were fixed must leave it, "
    "or the same problem could come back later and pass unnoticed as 'known'.",
    example="""budget-checks-baseline.json, line 4:
  {"fingerprint": "3f2a9c01d4e5b6a7", "code": "BL101", "document": "begroting-2025", "page": "Doel 1.2.3 ...", "row": "Doel 1.2.3", "column": "saldo"}
The saldo of Doel 1.2.3 was corrected in the source system; no BL101 finding has this fingerprint any more.""",
    fix="Write the baseline again with --write-baseline FILE (together with --baseline FILE to keep the other entries), "
    "or delete the entry's line from the file.",
    messages={
        "nl": "Baseline-regel voor {entry_code} ({where}) past bij geen enkele bevinding meer; haal hem uit de baseline ({fingerprint}).",
        "en": "Baseline entry for {entry_code} ({where}) no longer matches any finding; remove it from the baseline ({fingerprint}).",
    },
)

SCOPE = "baseline"  # the entries of the baseline file; counted by budget_checks.baseline
