"""Settings from a configuration file, merged with the command line.

A project keeps its settings in `[tool.budget-checks]` of a pyproject.toml or
at the top level of a budget-checks.toml; the nearest one from the current
folder upwards is used, or the file given with --config. Every key and value
is validated here, so a typo is an error that names the key and the file
instead of a setting that silently does nothing. Flags given on the command
line win over the file. Paths in a file are relative to that file's folder.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from budget_checks.docs import LANGUAGES
from budget_checks.tolerance import POLICIES

CONFIG_FILE = "budget-checks.toml"
PYPROJECT = "pyproject.toml"
SECTION = "budget-checks"  # [tool.budget-checks]
FAIL_ON = ("error", "warning", "info", "never")
SEVERITIES = ("error", "warning", "info")
KEYS = (
    "select", "ignore", "extend-select", "severity", "tolerance", "fail-on", "lang",
    "rule-dirs", "per-path-ignores", "format", "output-dir", "baseline", "limits",
)
_PREFIX = re.compile(r"[A-Z]{1,2}\d{0,3}")
_CODE = re.compile(r"[A-Z]{2}\d{3}")


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names file and key."""


@dataclass(frozen=True)
class Settings:
    """Everything a run can be configured with; None means 'not set here'."""

    source: Path | None = None  # the file these came from
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] | None = None
    severity: dict[str, str] = field(default_factory=dict)
    tolerance: str | None = None
    tolerance_absolute: int | None = None
    fail_on: str | None = None
    lang: str | None = None
    rule_dirs: tuple[Path, ...] = ()
    per_path_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    format: tuple[str, ...] | None = None
    output_dir: Path | None = None
    baseline: Path | None = None
    limits: dict[str, float] = field(default_factory=dict)  # input limits to change, by name (docs/limits.md)

    def merged(self, **flags: object) -> "Settings":
        """These settings with every command-line flag that was given (not None) put over them."""
        names = {f.name for f in fields(self)}
        unknown = set(flags) - names
        if unknown:
            raise TypeError(f"not a setting: {', '.join(sorted(unknown))}")
        given = {name: value for name, value in flags.items() if value is not None}
        for name in ("select", "ignore", "format", "extend_select"):
            if name in given:
                given[name] = tuple(given[name])  # type: ignore[arg-type]
        return replace(self, **given)

    # ------------------------------------------------------------ resolved values

    @property
    def effective_fail_on(self) -> str:
        return self.fail_on or "error"

    @property
    def effective_lang(self) -> str:
        return self.lang or "nl"

    @property
    def effective_format(self) -> tuple[str, ...]:
        return self.format or ("console",)

    def check_options(self) -> dict[str, object]:
        """Keyword arguments for budget_checks.check."""
        return {
            "lang": self.effective_lang,
            "tolerance": self.tolerance or "rounding",
            "tolerance_absolute": self.tolerance_absolute or 0,
            "select": list(self.select) if self.select is not None else None,
            "extend_select": list(self.extend_select),
            "ignore": list(self.ignore) if self.ignore is not None else None,
            "severity": dict(self.severity),
            "rule_dirs": list(self.rule_dirs),
            "per_path_ignores": {glob: list(codes) for glob, codes in self.per_path_ignores.items()},
            "baseline": self.baseline,
            "limits": dict(self.limits),
        }

    def describe(self) -> dict[str, object]:
        """The options a report shows as 'used', beyond those the engine records."""
        out: dict[str, object] = {"fail_on": self.effective_fail_on, "formats": list(self.effective_format)}
        if self.source:
            out["config"] = str(self.source)
        if self.select is not None:
            out["select"] = ",".join(self.select)
        if self.extend_select:
            out["extend_select"] = ",".join(self.extend_select)
        if self.ignore:
            out["ignore"] = ",".join(self.ignore)
        if self.severity:
            out["severity"] = ",".join(f"{code}={level}" for code, level in sorted(self.severity.items()))
        if self.per_path_ignores:
            out["per_path_ignores"] = "; ".join(f"{g}: {','.join(c)}" for g, c in self.per_path_ignores.items())
        if self.rule_dirs:
            out["rule_dirs"] = ",".join(str(d) for d in self.rule_dirs)
        if self.baseline:
            out["baseline"] = str(self.baseline)
        if self.limits:
            out["limits"] = ",".join(f"{name}={value}" for name, value in sorted(self.limits.items()))
        return out


# ---------------------------------------------------------------- finding and reading


def find_config(start: Path) -> Path | None:
    """The nearest budget-checks.toml, or pyproject.toml with [tool.budget-checks], from `start` upwards."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        candidate = folder / PYPROJECT
        if candidate.is_file() and SECTION in _read_toml(candidate).get("tool", {}):
            return candidate
    return None


def load_settings(path: Path | None = None, cwd: Path | None = None) -> Settings:
    """Settings from `path` (--config), else from the nearest configuration file, else defaults."""
    if path is None:
        path = find_config((cwd or Path.cwd()).resolve())
        if path is None:
            return Settings()
    elif not path.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    data = _read_toml(path)
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        if SECTION not in tool:
            raise ConfigError(f"{path}: has no [tool.{SECTION}] section")
        data = tool[SECTION]
        where = f"{path} [tool.{SECTION}]"
    else:
        where = str(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a table of settings")
    return _parse(data, path, where)


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _parse(data: dict, path: Path, where: str) -> Settings:
    unknown = [key for key in data if key not in KEYS]
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (known keys: {', '.join(KEYS)})")
    base = path.parent
    values: dict[str, object] = {"source": path}
    if "select" in data:
        values["select"] = _prefixes(data["select"], "select", where)
    if "extend-select" in data:
        values["extend_select"] = _prefixes(data["extend-select"], "extend-select", where)
    if "ignore" in data:
        values["ignore"] = _prefixes(data["ignore"], "ignore", where)
    if "severity" in data:
        values["severity"] = _severities(data["severity"], where)
    if "tolerance" in data:
        values["tolerance"], values["tolerance_absolute"] = _tolerance(data["tolerance"], where)
    if "fail-on" in data:
        values["fail_on"] = _choice(data["fail-on"], "fail-on", FAIL_ON, where)
    if "lang" in data:
        values["lang"] = _choice(data["lang"], "lang", LANGUAGES, where)
    if "rule-dirs" in data:
        values["rule_dirs"] = tuple(_folder(base, p, "rule-dirs", where) for p in _strings(data["rule-dirs"], "rule-dirs", where))
    if "per-path-ignores" in data:
        values["per_path_ignores"] = _per_path(data["per-path-ignores"], where)
    if "format" in data:
        values["format"] = _formats(data["format"], where)
    if "output-dir" in data:
        values["output_dir"] = base / _string(data["output-dir"], "output-dir", where)
    if "baseline" in data:
        values["baseline"] = base / _string(data["baseline"], "baseline", where)
    if "limits" in data:
        values["limits"] = _limits(data["limits"], where)
    return Settings(**values)  # type: ignore[arg-type]


# ---------------------------------------------------------------- value checks


def _string(value: object, key: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: {key!r} must be a non-empty string, not {value!r}")
    return value.strip()


def _strings(value: object, key: str, where: str) -> tuple[str, ...]:
    """A string or a list of strings (a comma-separated string is split)."""
    if isinstance(value, str):
        items = [part for part in value.split(",")]
    elif isinstance(value, list):
        items = value
    else:
        raise ConfigError(f"{where}: {key!r} must be a list of strings, not {value!r}")
    return tuple(_string(item, key, where) for item in items)


def _prefixes(value: object, key: str, where: str) -> tuple[str, ...]:
    out = []
    for item in _strings(value, key, where):
        code = item.upper()
        if code == "ALL":
            code = ""
        elif not _PREFIX.fullmatch(code):
            raise ConfigError(f"{where}: {key!r} has {item!r}, which is not a rule code or prefix such as BL101, BL or ALL")
        out.append(code)
    return tuple(out)


def _choice(value: object, key: str, allowed: tuple[str, ...], where: str) -> str:
    if not isinstance(value, str) or value.strip().lower() not in allowed:
        raise ConfigError(f"{where}: {key!r} must be one of {', '.join(allowed)}, not {value!r}")
    return value.strip().lower()


def _severities(value: object, where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: 'severity' must be a table of rule code = level, e.g. severity = {{ BL103 = \"warning\" }}")
    out = {}
    for code, level in value.items():
        if not _CODE.fullmatch(code.upper()):
            raise ConfigError(f"{where}: 'severity' has {code!r}, which is not a rule code such as BL101")
        out[code.upper()] = _choice(level, f"severity.{code}", SEVERITIES, where)
    return out


def _tolerance(value: object, where: str) -> tuple[str, int]:
    """`tolerance = "exact"`, or `tolerance = { policy = "absolute", absolute = 2 }`."""
    if isinstance(value, str):
        return _choice(value, "tolerance", POLICIES, where), 0
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: 'tolerance' must be a policy ({', '.join(POLICIES)}) or a table with 'policy' and 'absolute'")
    extra = set(value) - {"policy", "absolute"}
    if extra:
        raise ConfigError(f"{where}: unknown key 'tolerance.{sorted(extra)[0]}' (known keys: policy, absolute)")
    policy = _choice(value.get("policy", "rounding"), "tolerance.policy", POLICIES, where)
    absolute = value.get("absolute", 0)
    if isinstance(absolute, bool) or not isinstance(absolute, int) or absolute < 0:
        raise ConfigError(f"{where}: 'tolerance.absolute' must be a whole number of displayed units >= 0, not {absolute!r}")
    return policy, absolute


def _folder(base: Path, text: str, key: str, where: str) -> Path:
    folder = base / text
    if not folder.is_dir():
        raise ConfigError(f"{where}: {key!r} names {text!r}, which is not a folder (looked in {folder})")
    return folder


def _per_path(value: object, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: 'per-path-ignores' must be a table of glob = [codes], e.g. \"nieuws*.txt\" = [\"TB001\"]")
    return {glob: _prefixes(codes, f"per-path-ignores.{glob}", where) for glob, codes in value.items()}


def _limits(value: object, where: str) -> dict[str, float]:
    """`limits = { max_file_bytes = 200000000, max_seconds_per_file = 120 }`."""
    from budget_checks.readers.limits import DEFAULT_LIMITS, LIMIT_NAMES

    if not isinstance(value, dict):
        raise ConfigError(f"{where}: 'limits' must be a table of name = number, e.g. limits = {{ max_file_bytes = 200000000 }}")
    for name in value:
        if name not in LIMIT_NAMES:
            raise ConfigError(f"{where}: unknown limit 'limits.{name}' (known limits: {', '.join(LIMIT_NAMES)})")
    try:
        DEFAULT_LIMITS.replace(**value)
    except ValueError as exc:
        raise ConfigError(f"{where}: 'limits': {exc}") from None
    return dict(value)


def _formats(value: object, where: str) -> tuple[str, ...]:
    from budget_checks.reports import FORMATS

    names = _strings(value, "format", where)
    for name in names:
        if name not in FORMATS:
            raise ConfigError(f"{where}: 'format' has {name!r}; choose from {', '.join(FORMATS)}")
    return names
