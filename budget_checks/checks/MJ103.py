"""MJ103: line-item rows of a meerjarenraming add up in every year.

The rows are lasten, baten, saldo, reserve mutations and the result; for every year
column the identities of the Overzicht baten en lasten (BL101, BL102, BL104) must hold
between them, in one sign convention per table, inferred from its columns.
"""

from functools import lru_cache

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.locate import at_table

DOC = RuleDoc(
    code="MJ103",
    name="year-identities",
    severity=Severity.ERROR,
    summary="In a meerjarenraming with lasten, baten and saldo rows, saldo (and the result) follow from them in every year.",
    why="A multi-year overview of line items carries the same arithmetic as the Overzicht baten en lasten, once per "
        "year. A year whose saldo does not follow from its lasten and baten misstates that year's balance.",
    example="""Meerjarenraming
Begroting 2025 | Raming 2026 | Raming 2027
Lasten   276.597 | 270.112 | 268.450
Baten     13.834 |  13.900 |  14.020
Saldo    262.763 | 256.212 | 254.340      (2027: 268.450 − 14.020 = 254.430, not 254.340)""",
    fix="Correct the year's lasten, baten or saldo in the source system.",
    messages={
        "nl": "{row} {column} klopt niet: {holds} geeft {expected}, de pagina toont {actual} (verschil {difference})",
        "en": "{row} {column} does not add up: {holds} gives {expected}, the page shows {actual} (difference {difference})",
    },
)

SCOPE = "tables:amounts"  # what the rule looks at, for the evaluated count
_ITEMS = ("lasten", "baten", "saldo", "toevoeging", "onttrekking", "mutaties", "resultaat")


@lru_cache(maxsize=1)
def _identities():
    """The baten-en-lasten identities of the rulebook: the conventions are written there once."""
    from budget_checks.rulebook import load_rulebook

    return load_rulebook().table("baten_en_lasten").identities


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def check(context):
    for document, table in context.tables(kind="meerjarenraming"):
        synonyms = {_norm(label): item for item in _ITEMS for label in table.rule.rows.get(item, ())}
        rows = {}
        for row in table.rows:
            item = synonyms.get(_norm(row.label))
            if item and item not in rows and row.placement in ("given", "placed"):
                rows[item] = row
        for rule in _identities():
            names = rule.alternatives[0].names
            if not names <= set(rows):
                continue
            yield from _check_identity(document, table, rows, rule, context.tolerance)


def _check_identity(document, table, rows, rule, tolerance):
    residuals = []  # per column: residual of every alternative (None when a value is unreadable)
    for i, _ in enumerate(table.columns):
        values = {name: row.amount(i) for name, row in rows.items()}
        if any(values[n] is None for n in rule.alternatives[0].names):
            residuals.append(None)
            continue
        residuals.append([alt.residual(lambda k: values[k], {}) for alt in rule.alternatives])
    holding = [sum(1 for r in residuals if r is not None and tolerance.holds(r[a], len(alt.terms)))
               for a, alt in enumerate(rule.alternatives)]
    best = holding.index(max(holding))  # the first convention wins a tie
    identity = rule.alternatives[best]
    target = rows[identity.terms[0].name]
    for i, found in enumerate(residuals):
        if found is None or tolerance.holds(found[best], len(identity.terms)):
            continue
        actual = target.amount(i)
        yield at_table(DOC.code, DOC.severity, document, table, target, i, expected=actual - found[best], actual=actual,
                       holds=identity.text.replace("==", "="))
