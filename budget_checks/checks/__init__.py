"""Checks: a document's recognised tables in, findings out; one rule module per code, each with `DOC` and optionally `check`.

`check(context) -> Iterable[Finding]` runs once per run over all documents.
Modules without `check` document codes that another stage emits (reading,
recognition, the arithmetic dataset); their documentation lives here all the same.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from budget_checks.docs import RuleDoc

MODULES = (
    "IO101", "IO102", "NU101", "PL101", "PL102", "UN101", "UN102",
    "IN101", "IN102", "IN103", "MD101", "SC101", "RD101",
    "BS101",
    "CP101", "CP102", "CP103", "CP104", "MJ102", "RV103", "BA102", "SC102",
    "NU102", "ST101", "ST102", "ST103", "ST104", "DR101", "DR102", "XC101", "TB002",
    "TB001",  # last: it reports the tables no other module checked
)


def modules() -> list[ModuleType]:
    return [import_module(f"budget_checks.checks.{name}") for name in MODULES]


def docs() -> list[RuleDoc]:
    return [module.DOC for module in modules()]
