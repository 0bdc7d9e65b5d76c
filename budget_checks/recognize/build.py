"""Make a typed table of a region: its columns, rows, title and unit.

The header gives the columns their labels and, through the vocabulary, their roles;
the family whose roles the columns or rows carry (or whose title the table has) gives
the table its kind, else it is `generic`. A row's values stand at their columns when
the layout kept the positions, or in order when it shows all of them; a row that shows
fewer is placed later by the arithmetic.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from budget_checks.model import Cell, Page
from budget_checks.numbers import YEAR_IN, Unit, find_unit, strip_unit, unit_problem
from budget_checks.recognize.cells import OPERATORS, TEXT, YEAR, is_sentence, is_unit_note, kind, parsed
from budget_checks.recognize.glued import GLUED
from budget_checks.recognize.header import Header, fit, fit_positional, plain_name
from budget_checks.recognize.kept import Kept
from budget_checks.recognize.rawrows import RawRow, Region
from budget_checks.recognize.roles import Role, Vocabulary, is_total_label, norm, roles_of
from budget_checks.rulebook import Rulebook, TableRule
from budget_checks.tables import PART, SUBTOTAL, TOTAL, Column, Table, TableRow

GENERIC = TableRule(kind="generic", name="Tabel", source="", titles=(), layout="amounts", columns={}, groups={}, rows={})


def build(region: Region, page: Page, index: int, book: Rulebook, vocab: Vocabulary, context: list[str]) -> Table:
    """`context`: the texts right above the region on the page, nearest last (a title candidate)."""
    width = region.width
    if region.positional:
        header = fit_positional(region.header, region.columns_at, vocab.header)
    else:
        header = fit(region.header[0] if region.header else [], width, vocab.header, vocab.balances)
    column_roles = [_role_choices(label, group, vocab) for label, group in zip(header.labels, header.groups)]
    title_cell, title = _title(region, header, context)
    rule = _family(book, column_roles, region.rows, vocab, title)
    columns = _columns(header, column_roles, rule)
    unit, unit_text = _unit(region, header, title)
    table = Table(rule, page, index, title, title_cell, columns, unit=unit)
    if rule.has_unit and unit is None and unit_text:
        table.unit_problem = unit_text
    for cell in _headings_under(header):  # `Lasten` right under the header line opens the first section
        table.rows.append(TableRow(cell.text.strip(), "heading", (None,) * width, (None,) * width, cell, placement="heading"))
    for raw in region.rows:
        table.rows.append(_row(raw, width))
    for row in table.rows:
        if not row.label.strip() and row.placement != "heading" and len(table.rows) == 1:
            row.label = title  # a card: its one row is what the table is about
    return table


def _headings_under(header: Header) -> list[Cell]:
    """Cells the header left unused that stand below its lines: section headings above the first row."""
    lines = [c.line for c in header.cells if c.line is not None]
    if not lines:
        return []
    return [c for c in header.unused if c.line is not None and c.line > max(lines) and c.text.strip()
            and not is_sentence(c.text) and not is_unit_note(c.text) and kind(c.text) == TEXT]


# ---------------------------------------------------------------- title and unit


def _title(region: Region, header: Header, context: list[str]) -> tuple[Cell | None, str]:
    # the nearest line above that names something; else the first header cell left over that could
    above = next((c for c in reversed(region.above) if c.text.strip() and not is_sentence(c.text) and _named(c.text)), None)
    if above is not None:
        return above, _clean_title(above.text)
    unused = next((c for c in header.unused if c.text.strip() and not is_unit_note(c.text) and kind(c.text) != YEAR and len(c.text.split()) >= 2), None)
    if unused is not None:
        return unused, _clean_title(unused.text)
    for text in reversed(context):
        if text.strip():
            return None, _clean_title(text)
    single = [c for c in header.unused if c.text.strip() and not is_unit_note(c.text) and kind(c.text) != YEAR]
    if single:  # a one-word caption right above the header (`Reserves`)
        return single[-1], _clean_title(single[-1].text)
    return None, ""


def _named(text: str) -> bool:
    """A line that names something besides a unit ("Meerjarenraming (x € 1.000)", not "(bedragen x € 1.000)")."""
    rest = strip_unit(text)[0] if find_unit(text) else text
    return bool(set(norm(rest).split()) - {"bedragen", "x", "in", "van", "de", "het"})


def _clean_title(text: str) -> str:
    return " ".join(strip_unit(text)[0].split())


def _unit(region: Region, header: Header, title: str) -> tuple[Unit | None, str]:
    texts = [c.text for c in region.above] + [c.text for c in header.cells] + [c.text for c in header.unused]
    texts += [c.text for line in region.header for c in line]  # a unit in the corner cell of the header
    texts += [c.text for c in region.below]
    texts += [c.text for raw in region.rows[:1] for c in raw.labels]  # a unit in the corner cell
    for text in texts:
        found = find_unit(text)
        if found:
            return found[0], text
    for text in [title, *texts]:
        problem = unit_problem(text)
        if problem:
            return None, problem
    return None, ""


# ---------------------------------------------------------------- roles and family


def _role_choices(label: str, group: str, vocab: Vocabulary) -> tuple[Role, ...]:
    found = roles_of(label, vocab)
    if not found and group:
        found = roles_of(f"{group} {label}", vocab)
    return found


def _family(book: Rulebook, column_roles: list[tuple[Role, ...]], rows: list[RawRow], vocab: Vocabulary, title: str) -> TableRule:
    """The family whose roles the columns (or else the row labels) carry most; its title breaks a tie."""
    keys: dict[str, set[str]] = {}
    for choices in column_roles:
        for role in choices:
            keys.setdefault(role.kind, set()).add(role.key)
    if not any(len(k) >= 2 for k in keys.values()):
        for raw in rows:
            for role in roles_of(raw.label, vocab):
                keys.setdefault(role.kind, set()).add(role.key)
    score = Counter({kind_: len(k) for kind_, k in keys.items()})
    bare = norm(title)
    best: tuple[float, TableRule] | None = None
    for rule in book.tables:
        if rule.layout != "amounts":
            continue
        points = float(score.get(rule.kind, 0))
        if points < 1:
            continue  # too few of its roles, titled or not
        titled = any(t and (bare == t or bare.startswith(t + " ")) for t in map(norm, rule.titles))
        if points < 2 and not titled:
            continue
        points += 0.5 if titled else 0
        if best is None or points > best[0]:
            best = (points, rule)
    return best[1] if best else GENERIC


def _columns(header: Header, column_roles: list[tuple[Role, ...]], rule: TableRule) -> list[Column]:
    """Keys unique within the table; a role that comes back (a second year group of lasten,
    baten, saldo) starts a new band and gets a numbered key. The same header under the same family
    gives the same columns (kept: headers come back on page after page; columns are immutable)."""
    key = (header.labels, header.groups, tuple(column_roles), id(rule))
    kept = _COLUMNS.get(key)
    if kept is None or kept[0] is not rule:
        kept = _COLUMNS.keep(key, (rule, tuple(_make_columns(header, column_roles, rule))))
    return list(kept[1])


_COLUMNS = Kept(1024)  # header and family -> (the family's rule, its columns)


def _make_columns(header: Header, column_roles: list[tuple[Role, ...]], rule: TableRule) -> list[Column]:
    out: list[Column] = []
    used: set[str] = set()
    group_count: Counter[str] = Counter()
    band = 0
    seen_in_band: set[str] = set()
    last_group = header.groups[0] if header.groups else ""
    for j, (label, group, roles) in enumerate(zip(header.labels, header.groups, column_roles)):
        shown = f"{group} {label}".strip() if group and group not in label else label
        mine = [r for r in roles if r.kind == rule.kind]
        if group != last_group and seen_in_band:
            band, seen_in_band = band + 1, set()
        last_group = group
        if mine and not mine[0].group:
            role = mine[0].key
            if role in seen_in_band:
                band, seen_in_band = band + 1, set()
            seen_in_band.add(role)
            key = role if role not in used else f"{role}_{band + 1}"
            while key in used:
                key += "_"
            used.add(key)
            out.append(Column(key, shown, role=role, band=band))
        elif mine and mine[0].group:
            group_count[mine[0].key] += 1
            years = [w for w in norm(label).split() if kind(w) == YEAR]
            suffix = "_".join(years) or str(group_count[mine[0].key])
            key = f"{mine[0].key}_{suffix}"
            while key in used:
                key += "_"
            used.add(key)
            out.append(Column(key, shown, group=mine[0].key, role=mine[0].key, band=band))
        else:
            key = f"kolom_{j + 1}"
            used.add(key)
            out.append(Column(key, shown if label else plain_name(j), band=band))
    _bands_by_year(out)
    return out


def _bands_by_year(columns: list[Column]) -> None:
    """`Rekening 2016 | Begroting 2017 | Begroting na wijziging 2017 | Rekening 2017 | Verschil`: the
    realisatie that comes back opens the band of 2017, and the 2017 columns before it belong to it."""
    years = [_year_of(c.label) for c in columns]
    for j in range(1, len(columns)):
        if columns[j].band == columns[j - 1].band or years[j] is None:
            continue
        i = j
        while i > 0 and columns[i - 1].band == columns[j - 1].band and years[i - 1] == years[j] and not _role_in(columns, i - 1, j):
            i -= 1
        for k in range(i, j):
            columns[k] = replace(columns[k], band=columns[j].band)


def _role_in(columns: list[Column], k: int, j: int) -> bool:
    """Whether column k's role already stands in the band that column j opens (then k stays where it is)."""
    role = columns[k].role
    return bool(role) and any(c.role == role for c in columns[j:] if c.band == columns[j].band)




def _year_of(label: str) -> str | None:
    found = set(YEAR_IN.findall(label))
    return found.pop() if len(found) == 1 else None


# ---------------------------------------------------------------- rows


def _row(raw: RawRow, width: int) -> TableRow:
    row = _typed_row(raw, width)
    row.sign = _operator(raw)
    row.preferred = raw.preferred
    return row


# "(+) Exploitatiesaldo", "(-) Mutaties vaste activa", "2. -/- Mutatie voorraden", "3. +/+ Mutatie voorzieningen"
_PREFIX = re.compile(r"^(?:\d{1,2}[.)]?\s+)?(?:\(\s*([+\-−–])\s*\)|([+\-])/[+\-])\s*")


def _operator(raw: RawRow) -> int:
    """The operator a row carries in its label or in a column of its own (+1, -1, or 0)."""
    match = _PREFIX.match(raw.label)
    if match:
        return 1 if (match.group(1) or match.group(2)) == "+" else -1
    for cell in raw.markers:
        text = cell.text.strip()
        if text in OPERATORS:
            return OPERATORS[text]
        if text in ("-", "–"):
            return -1
    return 0


def _typed_row(raw: RawRow, width: int) -> TableRow:
    label_cell = raw.labels[0] if raw.labels else (raw.first_cell() or Cell(""))
    if len(raw.labels) > 1:
        label_cell = Cell(raw.label, raw.labels[0].line, raw.labels[0].ref)
    label = raw.label
    if raw.heading:
        return TableRow(label, "heading", (None,) * width, (None,) * width, label_cell, placement="heading")
    if raw.glued is not None and not raw.values:
        return TableRow(label, PART, (None,) * width, (None,) * width, label_cell, placement=GLUED, loose=(raw.glued,))
    values = raw.values
    if raw.positional or len(values) == width:
        cells = tuple(values[:width]) + (None,) * max(0, width - len(values))
        row = TableRow(label, PART, cells, tuple([parsed(c.text) if c is not None else None for c in cells]), label_cell,
                       loose=tuple([v for v in values if v is not None]))
        return row
    if len(values) > width:
        cells = tuple(values[len(values) - width :])
        return TableRow(label, PART, cells, tuple([parsed(c.text) for c in cells]), label_cell, placement="overfull", loose=tuple(values))
    return TableRow(label, PART, (None,) * width, (None,) * width, label_cell, placement="unplaced", loose=tuple(values))


def mark_totals(table: Table, vocab: Vocabulary) -> None:
    """Row roles from the words: a total or subtotal by its label."""
    for row in table.rows:
        if row.placement == "heading":
            continue
        if is_total_label(row.label, vocab):
            row.role = SUBTOTAL if norm(row.label).startswith(("subtotaal", "sub-totaal")) else TOTAL
