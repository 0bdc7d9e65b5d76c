"""Every third-party package the code imports is a declared dependency of the extra that
uses it: a package that only the test extra (or another package) happens to bring in works
on the developer's machine and fails on a user's."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OPTIONAL = {"budget_checks/gx.py": "gx"}  # modules only an extra's command imports


def _declared(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0].strip().lower().replace("_", "-") for r in requirements}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n != "budget_checks"}


def test_every_imported_package_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = _declared(project["dependencies"])
    distributions = packages_distributions()
    missing = []
    for path in sorted((ROOT / "budget_checks").rglob("*.py")):
        where = path.relative_to(ROOT).as_posix()
        allowed = runtime | (_declared(project["optional-dependencies"][OPTIONAL[where]]) if where in OPTIONAL else set())
        for module in sorted(_imports(path)):
            providers = {d.lower().replace("_", "-") for d in distributions.get(module, [module])}
            if not providers & allowed:
                missing.append(f"{where} imports {module} ({', '.join(sorted(providers))}), not declared")
    assert not missing, "\n".join(missing)
