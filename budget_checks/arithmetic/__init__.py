"""Arithmetic: recognised tables with their relations in, findings out.

Every relation is evaluated on its table's integer matrix and validated in one pandera pass per
document (dataset.py); rounding differences, sign conventions and the cell where failures cross
(suspects.py) are told apart from errors.
"""
