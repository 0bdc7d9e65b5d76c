"""JUnit XML: valid against the Jenkins/Surefire schema, one suite per document, failures carry findings."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import budget_checks
from budget_checks.reports.junit import JunitReporter
from tests.conftest import write_page

XSD = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "schemas" / "junit-10.xsd")))
GOOD = """
Doel 1.1.1 Voorbeeld
Overzicht baten en lasten
Lasten\tBaten\tSaldo
Doel 1.1.1\t100\t20\t80
"""
BAD = GOOD.replace("\t80", "\t90")


def junit_of(report) -> etree._Element:
    text = JunitReporter().render(report)
    root = etree.fromstring(text.encode("utf-8"))
    XSD.assertValid(root)
    return root


def two_documents(tmp_path: Path):
    write_page(tmp_path / "a", BAD, "p1.txt")
    write_page(tmp_path / "a", GOOD.replace("1.1.1", "1.1.2"), "p2.txt")
    write_page(tmp_path / "b", GOOD.replace("1.1.1", "2.1.1"), "p1.txt")
    return budget_checks.check([str(tmp_path / "a"), str(tmp_path / "b")], lang="en")


def test_one_suite_per_document_one_case_per_page_and_family(tmp_path: Path) -> None:
    report = two_documents(tmp_path)
    report.options["fail_on"] = "error"
    root = junit_of(report)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [str(tmp_path / "a"), str(tmp_path / "b")]
    families = {case.get("name") for case in suites[0].iter("testcase")}
    assert {"BL", "UN"} <= families
    classnames = {case.get("classname") for case in suites[0].iter("testcase")}
    assert classnames == {"a.p1_txt", "a.p2_txt"}
    assert int(suites[0].get("tests")) == 2 * len(families)
    assert root.get("tests") == str(sum(int(s.get("tests")) for s in suites))


def test_failures_carry_the_findings_and_follow_fail_on(tmp_path: Path) -> None:
    report = two_documents(tmp_path)
    report.options["fail_on"] = "error"
    root = junit_of(report)
    failures = root.findall(".//failure")
    assert len(failures) == 1 and root.get("failures") == "1"
    case = failures[0].getparent()
    assert (case.get("classname"), case.get("name")) == ("a.p1_txt", "BL")
    assert failures[0].get("type") == "BL101"
    assert "expected 80, actual 90, difference 10" in failures[0].text
    # infos do not fail at --fail-on error, but are not hidden either
    un = [c for c in root.iter("testcase") if c.get("name") == "UN" and c.get("classname") == "a.p1_txt"][0]
    assert un.find("failure") is None and "UN101" in un.find("system-out").text

    report.options["fail_on"] = "info"
    assert len(junit_of(report).findall(".//failure")) == 1 + 3  # the saldo error and the UN101 info of every page


def test_known_findings_do_not_fail(tmp_path: Path) -> None:
    write_page(tmp_path / "a", BAD)
    first = budget_checks.check([str(tmp_path / "a")])
    report = budget_checks.check([str(tmp_path / "a")], baseline=[{"fingerprint": f.fingerprint} for f in first.findings])
    root = junit_of(report)
    assert root.findall(".//failure") == []
    assert "BL101" in "".join(e.text for e in root.iter("system-out"))


def test_text_from_the_export_cannot_break_the_xml(tmp_path: Path) -> None:
    write_page(tmp_path / "a", BAD.replace("Doel 1.1.1\t", 'Doel 1.1.1 <b>&"\x07\t'), "p<1>&.txt")
    report = budget_checks.check([str(tmp_path / "a")])
    root = junit_of(report)
    assert root.find("testsuite").get("name") == str(tmp_path / "a")


@pytest.mark.parametrize("fail_on", ["never"])
def test_fail_on_never_has_no_failures(tmp_path: Path, fail_on: str) -> None:
    report = two_documents(tmp_path)
    report.options["fail_on"] = fail_on
    assert junit_of(report).findall(".//failure") == []
