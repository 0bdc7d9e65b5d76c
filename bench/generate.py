"""Synthetic budget exports in the portal's cell-per-line text layout.

An export of N pages is a folder of documents (one budget each, a few hundred
pages), each a folder of page files like the real exports: programme pages with
a baten-en-lasten overview (goal rows and a Totaal) and a kredieten overview
(rows that drop their empty cells), goal pages with indicators, kaderstellende
nota's and the goal's baten-en-lasten row, and a few pages without tables.
Half the documents show whole euros, half thousands (values rounded from whole
euros, so rounding differences occur as they do in real documents).

Errors are planted at known places and written to `truth.json`; the tables as
shown (after the cell-per-line layout dropped its empty cells, re-placed) are
written to `tables/<document>.csv` for the variants that validate tidy tables.
Everything follows from the seed: the same (pages, seed) gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

VERSION = 4  # bump when the output changes, so cached exports are rebuilt
PAGES_PER_DOCUMENT = 250
PLANT_EVERY = 400  # about one planted error per this many pages
AMOUNT_COLUMNS = ["lasten", "baten", "saldo", "toevoeging", "onttrekking", "resultaat",
                  "omvang", "gerealiseerd", "resterend", "raming_1", "raming_2", "raming_3"]
TIDY_COLUMNS = ["doc", "page", "table", "kind", "row", "label", "role", *AMOUNT_COLUMNS]
BL_HEADER = ["Lasten", "Baten", "Saldo", "Toevoeging aan reserves", "Onttrekking aan reserves", "Geraamd resultaat"]
CODES = ("BL101", "BL102", "BL103", "KR101", "KR102", "KR103", "IN101")

_PROGRAMMES = ["Samen gezond", "Werk en inkomen", "Wonen en bouwen", "Bereikbare stad", "Veilige wijken",
               "Cultuur en sport", "Leren en opgroeien", "Duurzame stad", "Bestuur en dienstverlening", "Sterke economie"]
_TOPICS = ["ontmoeting in de wijk", "gezond opgroeien", "schuldhulp", "passend wonen", "groen in de stad",
           "veilig verkeer", "bibliotheken", "sportparken", "vroegsignalering", "ondernemers in het centrum",
           "afvalinzameling", "openbare verlichting", "mantelzorg", "leerlingenvervoer", "bodemkwaliteit"]
_VERBS = ["versterken", "ondersteunen", "verbeteren", "onderzoeken", "uitbreiden", "vereenvoudigen"]
_PARTNERS = ["maatschappelijke partners", "scholen", "woningcorporaties", "buurgemeenten", "bewoners", "zorgaanbieders"]
_PEOPLE = ["A. de Vries", "B. Jansen", "C. Bakker", "D. Visser", "E. Smit", "F. Meijer"]
_INDICATORS = ["Deelnemers aan activiteiten", "Meldingen in de wijk", "Gebruikers van de regeling",
               "Bezoekers per jaar", "Afgehandelde aanvragen", "Wachtenden op de lijst"]


@dataclass
class Plant:
    doc: str
    page: str
    table: int
    row: str
    code: str

    def key(self) -> tuple:
        return (self.doc, self.page, self.table, self.row, self.code)


@dataclass
class Export:
    root: Path
    documents: list[str] = field(default_factory=list)
    pages: int = 0
    tables: int = 0
    rows: int = 0
    planted: list[Plant] = field(default_factory=list)


# ---------------------------------------------------------------- text pieces


def _money(value: int) -> str:
    text = f"{abs(value):,}".replace(",", ".")
    return f"-{text}" if value < 0 else text


def _sentence(rng: random.Random) -> str:
    return (f"We {rng.choice(_VERBS)} de aanpak voor {rng.choice(_TOPICS)} samen met {rng.choice(_PARTNERS)} "
            f"en volgen de resultaten elk jaar met de gemeenteraad.")


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))


def _footer(rng: random.Random, exported: tuple[int, int, int, int, int]) -> str:
    """One export per document; each page is built from it a few minutes later."""
    year, month, day, hour, minute = exported
    return (f"Deze pagina is gebouwd op {month:02d}/{day:02d}/{year} {hour:02d}:{minute + rng.randint(5, 19):02d}:06 "
            f"met de export van {month:02d}/{day:02d}/{year} {hour:02d}:{minute:02d}:21")


# ---------------------------------------------------------------- figures


@dataclass
class Goal:
    number: str
    name: str
    euros: tuple[int, ...]  # lasten, baten, saldo, toevoeging, onttrekking, resultaat in whole euros


def _goal_euros(rng: random.Random) -> tuple[int, ...]:
    lasten = rng.randint(200_000, 120_000_000)
    baten = 0 if rng.random() < 0.4 else rng.randint(0, lasten // 3)
    toevoeging = 0 if rng.random() < 0.6 else rng.randint(1_000, 900_000)
    onttrekking = 0 if rng.random() < 0.5 else rng.randint(1_000, 1_500_000)
    saldo = lasten - baten
    return (lasten, baten, saldo, toevoeging, onttrekking, saldo + toevoeging - onttrekking)


def _shown(euros: tuple[int, ...] | list[int], scale: int) -> list[int]:
    return [round(v / scale) for v in euros]


def _credit_euros(rng: random.Random, full: bool) -> list[int | None]:
    omvang = rng.randint(500_000, 60_000_000)
    gerealiseerd = rng.randint(0, omvang * 3 // 4)
    resterend = omvang - gerealiseerd
    if full:
        first = rng.randint(resterend // 4, resterend // 2)
        second = rng.randint(0, (resterend - first) // 2)
        ramingen = [first, second, resterend - first - second]
    else:
        spot = 0 if rng.random() < 0.7 else rng.randint(1, 2)
        ramingen = [None, None, None]
        ramingen[spot] = resterend
    return [omvang, gerealiseerd, resterend, *ramingen]


# ---------------------------------------------------------------- one document


class _DocumentWriter:
    def __init__(self, export: Export, name: str, pages: int, rng: random.Random, scale: int, labelled: bool, year: int,
                 plant_every: int = PLANT_EVERY):
        self.export, self.name, self.total, self.rng = export, name, pages, rng
        self.scale, self.labelled, self.year, self.plant_every = scale, labelled, year, plant_every
        self.folder = export.root / "export" / name
        self.folder.mkdir(parents=True)
        self.count = 0
        self.tidy: list[list] = []
        self.exported = (year - 1, rng.randint(9, 11), rng.randint(1, 28), rng.randint(7, 16), rng.randint(0, 40))

    def _unit(self) -> str:
        if self.scale == 1000:
            return " (x €1.000)"
        return " (bedragen in €)" if self.labelled else ""

    def _plant(self) -> bool:
        return self.rng.random() < 1 / self.plant_every

    def _write(self, lines: list[str]) -> str:
        digest = hashlib.sha256(f"{self.name}/{self.count}".encode()).hexdigest()[:16]
        page = f"{self.count:03d}_{digest}.txt"
        (self.folder / page).write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        self.count += 1
        self.export.pages += 1
        return page

    def _next_page(self) -> str:
        digest = hashlib.sha256(f"{self.name}/{self.count}".encode()).hexdigest()[:16]
        return f"{self.count:03d}_{digest}.txt"

    def _record(self, page: str, table: int, kind: str, row: int, label: str, role: str, values: dict[str, int]) -> None:
        self.tidy.append([self.name, page, table, kind, row, label, role, *(values.get(c, "") for c in AMOUNT_COLUMNS)])
        self.export.rows += 1

    def write(self) -> None:
        rng = self.rng
        programme = 0
        while self.count < self.total:
            programme += 1
            goals = []
            for ambition in range(1, rng.randint(2, 3) + 1):
                for g in range(1, rng.randint(1, 3) + 1):
                    topic = rng.choice(_TOPICS)
                    goals.append(Goal(f"{programme}.{ambition}.{g}", topic[0].upper() + topic[1:], _goal_euros(rng)))
            self._programme_page(programme, goals)
            for goal in goals:
                if self.count >= self.total:
                    break
                self._goal_page(programme, goal)
            if self.count < self.total and rng.random() < 0.3:
                self._news_page()

    # ------------------------------------------------------------ pages

    def _programme_page(self, number: int, goals: list[Goal]) -> None:
        rng, page = self.rng, self._next_page()
        name = _PROGRAMMES[(number - 1) % len(_PROGRAMMES)]
        lines = ["Programma's", f"Programma {number}. {name}", "Beschrijving", *(_paragraph(rng) for _ in range(rng.randint(3, 8))),
                 "Financiën programma", "Overzicht baten en lasten", _sentence(rng),
                 f"Overzicht baten en lasten{self._unit()}", *BL_HEADER]
        rows = [_shown(goal.euros, self.scale) for goal in goals]
        total = _shown([sum(g.euros[i] for g in goals) for i in range(6)], self.scale)
        table = 1
        for r, (goal, shown) in enumerate(zip(goals, rows)):
            label = f"Doel {goal.number} {goal.name}"
            lines += [label, *map(_money, shown)]
            self._record(page, table, "baten_en_lasten", r, label, "part", dict(zip(AMOUNT_COLUMNS[:6], shown)))
        if self._plant():  # the Totaal changed on its own, consistently within its row
            delta = rng.choice([-1, 1]) * rng.randint(50, 5_000)
            for i in (0, 2, 5):
                total[i] += delta
            self.export.planted.append(Plant(self.name, page, table, "Totaal", "BL103"))
        lines += ["Totaal", *map(_money, total)]
        self._record(page, table, "baten_en_lasten", len(rows), "Totaal", "total", dict(zip(AMOUNT_COLUMNS[:6], total)))
        self.export.tables += 1

        table = 2
        credits = [(f"Doel {goal.number} {goal.name}", _credit_euros(rng, full=rng.random() < 0.3)) for goal in goals[: rng.randint(2, len(goals))]]
        credits.append((f"Investeringen {name.lower()}", _credit_euros(rng, full=True)))
        lines += ["Overzicht kredieten", _sentence(rng), f"Overzicht kredieten{self._unit()}", "Omvang krediet",
                  f"Gerealiseerd tot en met {self.year - 2}", "Resterend krediet", f"Raming {self.year - 1}",
                  f"Raming {self.year}", f"Raming {self.year + 1} en verder"]
        # a shown row whose figure was changed on its own moves the Totaal with it
        total = [round(sum(e[i] or 0 for _, e in credits) / self.scale) for i in range(6)]
        for r, (label, euros) in enumerate(credits):
            shown = [None if v is None else round(v / self.scale) for v in euros]
            if None not in shown and self._plant():
                which = rng.choice(["KR101", "KR102"])
                spot, delta = (0 if which == "KR101" else 4), rng.choice([-1, 1]) * rng.randint(50, 5_000)
                shown[spot] += delta
                total[spot] += delta  # so the Totaal row breaks the same identity
                self.export.planted.append(Plant(self.name, page, table, label, which))
                self.export.planted.append(Plant(self.name, page, table, "Totaal", which))
            lines += [label, *(_money(v) for v in shown if v is not None)]
            self._record(page, table, "kredieten", r, label, "part", {k: v or 0 for k, v in zip(AMOUNT_COLUMNS[6:], shown)})
        if self._plant():
            delta = rng.choice([-1, 1]) * rng.randint(50, 5_000)
            total[0] += delta
            total[1] += delta
            self.export.planted.append(Plant(self.name, page, table, "Totaal", "KR103"))
        lines += ["Totaal", *map(_money, total)]
        self._record(page, table, "kredieten", len(credits), "Totaal", "total", dict(zip(AMOUNT_COLUMNS[6:], total)))
        self.export.tables += 1
        lines += [_sentence(rng), _footer(rng, self.exported)]
        self._write(lines)

    def _goal_page(self, programme: int, goal: Goal) -> None:
        rng, page = self.rng, self._next_page()
        lines = ["Programma's", f"{programme}. {_PROGRAMMES[(programme - 1) % len(_PROGRAMMES)]}",
                 f"Doel {goal.number} {goal.name}", _sentence(rng), "Beschrijving"]
        lines += [_paragraph(rng) for _ in range(rng.randint(4, 9))]
        table = 0
        if rng.random() < 0.8:
            table += 1
            lines += ["Indicatoren", "Indicator", "Verleden", "Heden", "Toekomst"]
            for name in rng.sample(_INDICATORS, rng.randint(2, 5)):
                percent = rng.random() < 0.3
                label = f"{name} ({'%' if percent else 'aantal'})"
                years = [self.year - 4, self.year - 2, self.year]
                if self._plant():
                    years[1], years[2] = years[2], years[1]
                    self.export.planted.append(Plant(self.name, page, table, label, "IN101"))
                top = 100 if percent else 5_000
                values = [str(rng.randint(0, top)) for _ in range(2)] + [rng.choice([str(rng.randint(0, top)), "lager", "Meer"])]
                lines += [label, *map(str, years), *values, _sentence(rng)]
            self.export.tables += 1
        if rng.random() < 0.6:
            table += 1
            lines += ["Kaderstellende nota('s)", "Beleidsdocument", "Vastgesteld"]
            for _ in range(rng.randint(1, 3)):
                lines += [f"Nota {rng.choice(_TOPICS)}", str(rng.randint(self.year - 9, self.year - 1))]
                if rng.random() < 0.5:
                    lines.append(_sentence(rng))
            self.export.tables += 1
        lines += ["Portefeuillehouder(s)", rng.choice(_PEOPLE), "Activiteiten", "Lopende activiteiten"]
        lines += [f"• {_sentence(rng)}" for _ in range(rng.randint(4, 10))]
        table += 1
        shown = _shown(goal.euros, self.scale)
        label = f"Doel {goal.number} {goal.name}"
        if self._plant():
            delta = rng.choice([-1, 1]) * rng.randint(50, 5_000)
            if rng.random() < 0.5:  # saldo and resultaat move together: only BL101 fails
                shown[2] += delta
                shown[5] += delta
                self.export.planted.append(Plant(self.name, page, table, label, "BL101"))
            else:
                shown[5] += delta
                self.export.planted.append(Plant(self.name, page, table, label, "BL102"))
        lines += ["Overzicht baten en lasten", _sentence(rng), f"Overzicht baten en lasten{self._unit()}", *BL_HEADER,
                  label, *map(_money, shown), _sentence(rng), _footer(rng, self.exported)]
        self._record(page, table, "baten_en_lasten", 0, label, "part", dict(zip(AMOUNT_COLUMNS[:6], shown)))
        self.export.tables += 1
        self._write(lines)

    def _news_page(self) -> None:
        rng = self.rng
        self._write([f"Nieuws over {rng.choice(_TOPICS)}", _paragraph(rng), _paragraph(rng), _footer(rng, self.exported)])


# ---------------------------------------------------------------- the export


def generate(root: Path, pages: int, seed: int = 1, pages_per_document: int = PAGES_PER_DOCUMENT, plant_every: int = PLANT_EVERY) -> Export:
    """Write an export of `pages` pages under root/export, with root/tables and root/truth.json."""
    if root.exists():
        shutil.rmtree(root)
    (root / "tables").mkdir(parents=True)
    export = Export(root)
    rng = random.Random(seed)
    left, number = pages, 0
    while left > 0:
        number += 1
        size = min(left, pages_per_document)
        scale = 1000 if number % 2 == 0 else 1
        year = 2018 + number % 9
        name = f"gemeente-{number:03d}-begroting-{year}"
        writer = _DocumentWriter(export, name, size, random.Random(rng.getrandbits(64)), scale, labelled=number % 4 == 1, year=year,
                                 plant_every=plant_every)
        writer.write()
        with open(root / "tables" / f"{name}.csv", "w", newline="", encoding="utf-8") as out:
            table_writer = csv.writer(out)
            table_writer.writerow(TIDY_COLUMNS)
            table_writer.writerows(writer.tidy)
        export.documents.append(name)
        left -= writer.count
    truth = {
        "version": VERSION, "seed": seed, "pages": export.pages, "documents": export.documents,
        "tables": export.tables, "rows": export.rows, "planted": [p.__dict__ for p in export.planted],
    }
    (root / "truth.json").write_text(json.dumps(truth, indent=1), encoding="utf-8")
    return export


def cached(root: Path, pages: int, seed: int = 1) -> dict:
    """The export under root, generated unless an identical one is already there."""
    truth_file = root / "truth.json"
    if truth_file.exists():
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        if truth.get("version") == VERSION and truth.get("seed") == seed and truth.get("pages") == pages:
            return truth
    generate(root, pages, seed)
    return json.loads(truth_file.read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    truth = cached(args.out, args.pages, args.seed)
    print(f"{truth['pages']} pages in {len(truth['documents'])} documents, {truth['tables']} amounts and indicator tables, "
          f"{len(truth['planted'])} planted errors -> {args.out}")


if __name__ == "__main__":
    main()
