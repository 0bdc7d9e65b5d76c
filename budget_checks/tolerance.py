"""When does an identity hold? The rounding policy, in one place.

A value shown in unit u stands for a true value within ±u/2, so an identity over
n shown values is consistent when |residual| <= n·u/2 (the idea behind XBRL
Calculations 1.1). Residuals are integers in the displayed unit (u = 1), so the
bound is n // 2.
"""

from __future__ import annotations

from dataclasses import dataclass

POLICIES = ("rounding", "exact", "absolute")


@dataclass(frozen=True, slots=True)
class Tolerance:
    policy: str = "rounding"
    absolute: int = 0  # the bound for the `absolute` policy, in displayed units

    def __post_init__(self) -> None:
        if self.policy not in POLICIES:
            raise ValueError(f"tolerance policy {self.policy!r} is not one of {', '.join(POLICIES)}")
        if self.absolute < 0:
            raise ValueError("an absolute tolerance cannot be negative")

    def allowed(self, operands: int) -> int:
        """The largest residual (in displayed units) that counts as a rounding difference."""
        if self.policy == "exact":
            return 0
        if self.policy == "absolute":
            return self.absolute
        return operands // 2

    def holds(self, residual: int, operands: int) -> bool:
        return abs(residual) <= self.allowed(operands)
