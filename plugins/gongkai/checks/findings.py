"""What the checks found, at the level catalog.yaml gives each rule."""

from __future__ import annotations

from ..model.catalog import CheckSettings
from ..model.problems import Problem, Severity
from ..model.rules import RULES_BY_CODE, SCHEMA, Level

SEVERITIES = {Level.ERROR: Severity.ERROR, Level.WARNING: Severity.WARNING}


class Findings:
    """Collects findings; a rule switched off (关闭) collects nothing."""

    def __init__(self, settings: CheckSettings) -> None:
        self.settings = settings
        self._items: list[Problem] = []

    def add(self, code: str, path: str, line: int | None, field: str, found: str, expected: str) -> None:
        level = self.settings.level(code)
        if level is not Level.OFF:
            self._items.append(Problem(path, line, field, found, expected, SEVERITIES[level], code))

    def take(self, problem: Problem) -> None:
        """A problem found while loading the site: a format error, or a warning with its rule's code."""
        code = problem.code or SCHEMA
        self.add(code, problem.path, problem.line, problem.field, problem.found, problem.expected)

    @property
    def items(self) -> list[Problem]:
        return sorted(self._items)


def describe_finding(problem: Problem) -> str:
    """One line: where, what was found, what is expected, and the rule."""
    rule = RULES_BY_CODE[problem.code or SCHEMA]
    return f"{problem}  [{rule.code} {rule.title}]"
