"""Identity expressions of the rulebook: `saldo == lasten - baten`.

Only column names, `+`, `-`, unary minus, integer literals and `sum(group)`
are allowed. The same compiled expression evaluates on plain integers (row
placement) and on numpy arrays (the dataset), so the arithmetic is written once.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any


class ExpressionError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Term:
    sign: int  # +1 or -1
    name: str  # a column key, or a group when `group` is set
    group: bool = False


@dataclass(frozen=True, slots=True)
class Identity:
    """`lhs == rhs`, kept as signed terms of `lhs - rhs` (the residual)."""

    text: str
    terms: tuple[Term, ...]
    constant: int = 0

    @property
    def names(self) -> set[str]:
        return {t.name for t in self.terms}

    def operand_count(self, groups: Mapping[str, list[str]]) -> int:
        """How many shown values take part (a group counts each of its columns)."""
        return sum(len(groups.get(t.name, [])) if t.group else 1 for t in self.terms)

    def residual(self, value: Callable[[str], Any], groups: Mapping[str, list[str]]) -> Any:
        total: Any = self.constant
        for term in self.terms:
            if term.group:
                for key in groups.get(term.name, []):
                    total = total + term.sign * value(key)
            else:
                total = total + term.sign * value(term.name)
        return total


def compile_identity(text: str) -> Identity:
    try:
        tree = ast.parse(text, mode="eval").body
    except SyntaxError as exc:
        raise ExpressionError(f"not an expression: {text!r} ({exc.msg})") from None
    if not (isinstance(tree, ast.Compare) and len(tree.ops) == 1 and isinstance(tree.ops[0], ast.Eq)):
        raise ExpressionError(f"an identity has the form `a == b`: {text!r}")
    terms: list[Term] = []
    constant = _collect(tree.left, +1, terms, text) + _collect(tree.comparators[0], -1, terms, text)
    return Identity(text, tuple(terms), constant)


def _collect(node: ast.AST, sign: int, terms: list[Term], text: str) -> int:
    if isinstance(node, ast.Name):
        terms.append(Term(sign, node.id))
        return 0
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return sign * node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        return _collect(node.operand, -sign if isinstance(node.op, ast.USub) else sign, terms, text)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
        left = _collect(node.left, sign, terms, text)
        return left + _collect(node.right, sign if isinstance(node.op, ast.Add) else -sign, terms, text)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "sum"
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Name)
        and not node.keywords
    ):
        terms.append(Term(sign, node.args[0].id, group=True))
        return 0
    raise ExpressionError(f"only names, +, -, whole numbers and sum(group) are allowed: {text!r}")
