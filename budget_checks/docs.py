"""Documentation and message templates of one rule code."""

from __future__ import annotations

from dataclasses import dataclass, field

from budget_checks.findings import Finding, Severity, Tally

LANGUAGES = ("nl", "en")


@dataclass(frozen=True, slots=True)
class RuleDoc:
    code: str
    name: str
    severity: Severity
    summary: str  # one line, English
    why: str = ""
    example: str = ""  # a failing example (page text or table)
    fix: str = ""
    # lang -> str.format template; "lang.form" for a finding of another form (its param `form`),
    # e.g. "en.many" for a figure compared with many pages
    messages: dict[str, str] = field(default_factory=dict)
    # lang -> {a parameter's English text: its translation} (the reason a cell is malformed, ...)
    words: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def family(self) -> str:
        return self.code[:2]

    def missing(self) -> list[str]:
        """Which parts of the documentation are empty (the docs meta-test uses this)."""
        parts = {"summary": self.summary, "why": self.why, "example": self.example, "fix": self.fix}
        parts.update({f"message.{lang}": self.messages.get(lang, "") for lang in LANGUAGES})
        forms = {key.partition(".")[2] for key in self.messages if "." in key}
        parts.update({f"message.{lang}.{form}": self.messages.get(f"{lang}.{form}", "") for form in forms for lang in LANGUAGES})
        return [name for name, text in parts.items() if not text.strip()]

    def render(self, finding: Finding, lang: str) -> str:
        form = finding.param("form")
        template = (form and self.messages.get(f"{lang}.{form}")) or self.messages.get(lang) or self.messages.get("en") or self.summary
        decimals = int(finding.param("decimals", 0) or 0)
        fields = {
            "row": finding.row,
            "column": finding.column,
            "table": finding.table,
            "expected": amount_text(finding.expected, lang, decimals),
            "actual": amount_text(finding.actual, lang, decimals),
            "difference": amount_text(finding.difference, lang, decimals),
            "unit": finding.unit,
        }
        words = self.words.get(lang, {})
        fields.update((name, tally_text(value, lang) if isinstance(value, Tally) else words.get(value, value) if isinstance(value, str) else value)
                      for name, value in finding.params)
        try:
            return template.format(**fields)
        except (KeyError, IndexError, ValueError):
            return f"{template} {dict(finding.params)}"


def amount_text(value: int | None, lang: str, decimals: int = 0) -> str:
    """An amount as the reader writes it; `decimals`: the value counts tenths, hundredths..."""
    if value is None:
        return ""
    whole, part = divmod(abs(value), 10**decimals)
    text = f"{whole:,}"
    if lang == "nl":
        text = text.replace(",", ".")
    if decimals:
        text += ("," if lang == "nl" else ".") + str(part).zfill(decimals)
    return ("-" if value < 0 else "") + text


TALLY_SHOWN = 5  # values a message names; the JSON lists what the finding holds


def tally_text(tally: Tally, lang: str) -> str:
    """`1.205.582 (3), 1.250.582 (1)`: each value with the number of pages that show it."""
    shown = [f"{amount_text(amount, lang)} ({pages})" for amount, pages, _ in tally.values[:TALLY_SHOWN]]
    return ", ".join(shown) + (", …" if tally.more or len(tally.values) > TALLY_SHOWN else "")
