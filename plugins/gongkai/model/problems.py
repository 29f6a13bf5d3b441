"""Problems found in author input, reported together with file, line and field."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "错误"
    WARNING = "警告"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an author must fix: where it is, what was found, what is expected."""

    path: str
    line: int | None
    field: str
    found: str
    expected: str
    severity: Severity = Severity.ERROR
    code: str = ""  # the check rule (gongkai.model.rules); empty: a format error of the input

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.found}；应为：{self.expected}"


class ProblemList:
    """Collects problems so that one run reports all of them, not one per run."""

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def add(
        self,
        path: str,
        line: int | None,
        field: str,
        found: str,
        expected: str,
        severity: Severity = Severity.ERROR,
        code: str = "",
    ) -> None:
        self._items.append(Problem(path, line, field, found, expected, severity, code))

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self._items if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for p in self._items if p.severity is Severity.WARNING)


class InvalidInput(Exception):
    """Raised when author input has errors; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"政府信息公开内容有 {count} 处错误，请修正后重新构建：\n{lines}")
