"""JUnit XML report, for the test views of GitLab, Jenkins and other CI servers.

One testsuite per document, one testcase per page and rule family (BL, KR,
IN, ...) among the families that had something to check in the run. A testcase fails when the page has a finding of that family that
fails the run (at or above --fail-on and not known from a baseline); the other
findings of the family are listed in its system-out, so nothing is hidden.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from budget_checks.findings import Finding, Severity
from budget_checks.report import Report
from budget_checks.reports.labels import amount, labels

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 cannot hold
_DOCUMENT_LEVEL = "(document)"


class JunitReporter:
    name = "junit"
    suffix = ".junit.xml"
    binary = False

    def render(self, report: Report, *, color: bool = False) -> str:
        root = to_xml(report)
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def to_xml(report: Report) -> ET.Element:
    threshold = fail_threshold(report)
    # families that looked at something in this run (a family with nothing to check would only pass vacuously)
    looked = {code for code, count in report.checks.items() if count.evaluated} | {f.code for f in report.findings}
    families = sorted({code[:2] for code in looked})
    by_place: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_place[(finding.document, finding.page)].append(finding)

    suites = ET.Element("testsuites", name="budget-checks")
    for document, pages in _documents(report, by_place).items():
        suite = ET.SubElement(suites, "testsuite", name=_clean(document))
        if report.started_at:
            suite.set("timestamp", report.started_at.isoformat())
        tests = failures = 0
        for page in pages:
            on_page = by_place.get((document, page), [])
            for family in families:
                found = [f for f in on_page if f.code[:2] == family]
                failing = [f for f in found if _fails(f, threshold)]
                case = ET.SubElement(suite, "testcase", classname=_classname(document, page), name=family)
                tests += 1
                if failing:
                    failures += 1
                    failure = ET.SubElement(case, "failure", type=failing[0].code, message=_clean(_headline(failing)))
                    failure.text = _clean("\n".join(_line(f, report.lang) for f in failing))
                rest = [f for f in found if f not in failing]
                if rest:
                    ET.SubElement(case, "system-out").text = _clean("\n".join(_line(f, report.lang) for f in rest))
        for key, value in (("tests", tests), ("failures", failures), ("errors", 0), ("skipped", 0)):
            suite.set(key, str(value))
    for key in ("tests", "failures", "errors"):
        suites.set(key, str(sum(int(s.get(key, "0")) for s in suites)))
    return suites


def _documents(report: Report, by_place: dict[tuple[str, str], list[Finding]]) -> dict[str, list[str]]:
    """Every document with its pages, in report order; places only findings know (a baseline file) last."""
    out: dict[str, list[str]] = {doc.path: [page.path for page in doc.pages] for doc in report.documents}
    for document, page in by_place:
        pages = out.setdefault(document, [])
        if page not in pages:
            pages.append(page)
    return out


def fail_threshold(report: Report) -> Severity | None:
    """The --fail-on of the run (None for never); reports may not import the engine that knows it."""
    fail_on = str(report.options.get("fail_on", "error"))
    return None if fail_on == "never" else Severity.parse(fail_on)


def _fails(finding: Finding, threshold: Severity | None) -> bool:
    return threshold is not None and not finding.known and finding.severity >= threshold


def _classname(document: str, page: str) -> str:
    """`document.page`; dots inside names become _ so Jenkins does not split them into packages."""
    def part(path: str) -> str:
        return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1].replace(".", "_")

    return _clean(f"{part(document)}.{part(page) if page and page != document else _DOCUMENT_LEVEL}")


def _headline(findings: list[Finding]) -> str:
    codes = sorted({f.code for f in findings})
    return f"{len(findings)} finding{'s' if len(findings) != 1 else ''}: {', '.join(codes)}"


def _line(f: Finding, lang: str) -> str:
    words = labels(lang)
    where = " › ".join(x for x in (f.table, f.row, f.column) if x)
    source = f"{words['line']} {f.line}" if f.line else (f.cell or "")
    text = f"{words[f.severity.label]} {f.code}"
    text += f" {source}" if source else ""
    text += f" {where}" if where else ""
    text += f": {f.message}"
    if f.expected is not None or f.actual is not None:
        unit = f" {f.unit}" if f.unit else ""
        text += (f" [{words['expected']} {amount(f.expected, lang)}, {words['actual']} {amount(f.actual, lang)}, "
                 f"{words['difference']} {amount(f.difference, lang)}{unit}]")
    if f.known:
        text += f" ({words['known']})"
    return text


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)
