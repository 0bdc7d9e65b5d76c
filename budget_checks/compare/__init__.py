"""Comparison: two exports of one budget in, a Diff out (`budget-checks diff OLD NEW`).

snapshot.py keeps the figures of a checked document (parts.py), match.py pairs pages, tables,
rows and columns, figures.py compares the paired cells, consistency.py compares the `check`
findings of both exports, run.py runs it all; model.py is the Diff the reporters read
(budget_checks/reports/diff/). Nothing here imports a reporter or the command line.
"""
