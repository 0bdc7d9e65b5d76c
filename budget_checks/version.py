"""The version of budget-checks (in reports and SARIF); a module of its own so that stages can name
it without importing the package's faces."""

__version__ = "0.1.0"
