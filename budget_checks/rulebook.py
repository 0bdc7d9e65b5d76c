"""Load the rulebook: `rules/*.toml`, one module per table family.

A module declares how to recognise a table (titles, column labels with their
synonyms, row roles) and what must hold in it (identities and totals). The
loader validates every key, so a typo in a rule file is a clear error naming
the file and the key.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from budget_checks.docs import RuleDoc
from budget_checks.expressions import ExpressionError, Identity, compile_identity
from budget_checks.findings import Severity

LAYOUTS = ("amounts", "indicator", "text")
_TABLE_KEYS = {"name", "titles", "layout", "min_header", "columns", "groups", "rows", "identity", "total", "stop_at", "unit"}
_DOC_KEYS = {"code", "name", "summary", "why", "example", "fix", "severity", "message"}


class RulebookError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class IdentityRule:
    doc: RuleDoc
    alternatives: tuple[Identity, ...]  # sign conventions; the first is the default
    stated: tuple[tuple[str, ...], ...] = ()  # per alternative: header or legend phrases that state it


@dataclass(frozen=True, slots=True)
class TotalRule:
    doc: RuleDoc


@dataclass(frozen=True, slots=True)
class TableRule:
    kind: str
    name: str
    source: str
    titles: tuple[str, ...]
    layout: str
    columns: dict[str, tuple[str, ...]]  # key -> label synonyms
    groups: dict[str, tuple[str, ...]]  # repeating columns: key -> label patterns with {year}
    rows: dict[str, tuple[str, ...]]  # role -> label prefixes (total, subtotal)
    identities: tuple[IdentityRule, ...] = ()
    total: TotalRule | None = None
    min_header: int = 2
    stop_at: tuple[str, ...] = ()
    has_unit: bool = True

    @property
    def docs(self) -> list[RuleDoc]:
        return [i.doc for i in self.identities] + ([self.total.doc] if self.total else [])


VOCABULARY_KEYS = ("header", "totals", "results", "differences", "balances", "increases", "decreases", "costs", "parts")


@dataclass(slots=True)
class Rulebook:
    tables: list[TableRule] = field(default_factory=list)
    # words all families share (rules/vocabulary.toml): key -> lower-case words
    vocabulary: dict[str, tuple[str, ...]] = field(default_factory=lambda: {key: () for key in VOCABULARY_KEYS})

    def docs(self) -> list[RuleDoc]:
        return [doc for table in self.tables for doc in table.docs]

    def table(self, kind: str) -> TableRule:
        for table in self.tables:
            if table.kind == kind:
                return table
        raise KeyError(kind)


def default_rule_dir() -> Path:
    """`rules/` beside the package in a checkout, `_rules/` inside an installed wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "rules", here / "_rules"):
        if candidate.is_dir():
            return candidate
    raise RulebookError("the rulebook folder (rules/) is missing from this installation")


def load_rulebook(extra_dirs: tuple[Path, ...] = ()) -> Rulebook:
    book = Rulebook()
    seen_codes: dict[str, str] = {}
    for folder in (default_rule_dir(), *extra_dirs):
        if not folder.is_dir():
            raise RulebookError(f"{folder}: rule folder not found")
        for file in sorted(folder.glob("*.toml")):
            tables, vocabulary = _load_file(file)
            for key, words in vocabulary.items():
                book.vocabulary[key] = tuple(dict.fromkeys(book.vocabulary[key] + words))
            for table in tables:
                for doc in table.docs:
                    if doc.code in seen_codes:
                        raise RulebookError(f"{file}: code {doc.code} is already used in {seen_codes[doc.code]}")
                    seen_codes[doc.code] = str(file)
                book.tables.append(table)
    return book


def _load_file(file: Path) -> tuple[list[TableRule], dict[str, tuple[str, ...]]]:
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RulebookError(f"{file}: {exc}") from None
    unknown = set(data) - {"table", "vocabulary"}
    if unknown:
        raise RulebookError(f"{file}: unknown key {sorted(unknown)[0]!r} (a rule module holds [table.NAME] sections and [vocabulary])")
    return [_table(file, kind, spec) for kind, spec in data.get("table", {}).items()], _vocabulary(file, data.get("vocabulary", {}))


def _vocabulary(file: Path, spec: dict) -> dict[str, tuple[str, ...]]:
    unknown = set(spec) - set(VOCABULARY_KEYS)
    if unknown:
        raise RulebookError(f"{file}: [vocabulary]: unknown key {sorted(unknown)[0]!r} (one of {', '.join(VOCABULARY_KEYS)})")
    out = {}
    for key, words in spec.items():
        if not (isinstance(words, list) and all(isinstance(w, str) and w.strip() for w in words)):
            raise RulebookError(f"{file}: [vocabulary].{key}: expected a list of words")
        out[key] = tuple(w.strip().lower() for w in words)
    return out


def _table(file: Path, kind: str, spec: dict) -> TableRule:
    where = f"{file}: [table.{kind}]"
    unknown = set(spec) - _TABLE_KEYS
    if unknown:
        raise RulebookError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    layout = spec.get("layout", "amounts")
    if layout not in LAYOUTS:
        raise RulebookError(f"{where}: layout {layout!r} is not one of {', '.join(LAYOUTS)}")
    columns = _labels(spec.get("columns", {}), f"{where}.columns")
    groups = _labels(spec.get("groups", {}), f"{where}.groups")
    if not columns and not groups:
        raise RulebookError(f"{where}: declares no columns")
    keys = set(columns) | set(groups)
    identities = tuple(_identity(f"{where}.identity", item, keys, set(groups)) for item in spec.get("identity", []))
    total = TotalRule(_doc(f"{where}.total", spec["total"], Severity.ERROR)) if "total" in spec else None
    return TableRule(
        kind=kind,
        name=spec.get("name", kind),
        source=file.name,
        titles=tuple(spec.get("titles", [])),
        layout=layout,
        columns=columns,
        groups=groups,
        rows=_labels(spec.get("rows", {}), f"{where}.rows"),
        identities=identities,
        total=total,
        min_header=int(spec.get("min_header", min(3, len(columns) or 2))),
        stop_at=tuple(spec.get("stop_at", [])),
        has_unit=bool(spec.get("unit", layout == "amounts")),
    )


def _labels(spec: dict, where: str) -> dict[str, tuple[str, ...]]:
    out = {}
    for key, labels in spec.items():
        if isinstance(labels, str):
            labels = [labels]
        if not (isinstance(labels, list) and labels and all(isinstance(x, str) and x.strip() for x in labels)):
            raise RulebookError(f"{where}.{key}: expected a list of labels")
        out[key] = tuple(labels)
    return out


def _identity(where: str, item: dict, keys: set[str], groups: set[str]) -> IdentityRule:
    holds = item.get("holds")
    if isinstance(holds, str):
        holds = [holds]
    if not holds:
        raise RulebookError(f"{where}: {item.get('code', '?')} has no `holds`")
    alternatives = []
    for text in holds:
        try:
            identity = compile_identity(text)
        except ExpressionError as exc:
            raise RulebookError(f"{where}: {item.get('code', '?')}: {exc}") from None
        for term in identity.terms:
            if term.name not in keys or term.group != (term.name in groups):
                raise RulebookError(f"{where}: {item.get('code', '?')}: {term.name!r} is not a column of this table")
        alternatives.append(identity)
    rest = {k: v for k, v in item.items() if k not in ("holds", "stated")}
    return IdentityRule(_doc(where, rest, Severity.ERROR), tuple(alternatives), _stated(where, item, len(alternatives)))


def _stated(where: str, item: dict, count: int) -> tuple[tuple[str, ...], ...]:
    """`stated = [[phrases of the first alternative], [of the second], ...]`: words a header
    or a legend uses to state which sign convention the table follows."""
    stated = item.get("stated", [])
    if not (isinstance(stated, list) and len(stated) <= count
            and all(isinstance(p, list) and all(isinstance(x, str) and x.strip() for x in p) for p in stated)):
        raise RulebookError(f"{where}: {item.get('code', '?')}: `stated` is a list of phrase lists, at most one per alternative in `holds`")
    return tuple(tuple(p) for p in stated)


def _doc(where: str, item: dict, default: Severity) -> RuleDoc:
    unknown = set(item) - _DOC_KEYS
    if unknown:
        raise RulebookError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    code = item.get("code", "")
    if not re.fullmatch(r"[A-Z]{2}\d{3}", code):
        raise RulebookError(f"{where}: code {code!r} is not two capitals and three digits")
    message = item.get("message", {})
    try:
        severity = Severity.parse(item.get("severity", default.label))
    except ValueError as exc:
        raise RulebookError(f"{where}: {code}: {exc}") from None
    return RuleDoc(
        code=code,
        name=item.get("name", code.lower()),
        severity=severity,
        summary=item.get("summary", ""),
        why=item.get("why", ""),
        example=item.get("example", ""),
        fix=item.get("fix", ""),
        messages={"nl": message.get("nl", ""), "en": message.get("en", "")},
    )
