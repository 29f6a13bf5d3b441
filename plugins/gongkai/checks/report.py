"""`gongkai check` output: lines for people, JSON for tools (a stable schema)."""

from __future__ import annotations

from typing import Any

from ..model.problems import Problem, Severity
from ..model.rules import RULES_BY_CODE, SCHEMA
from .findings import describe_finding
from .runner import CheckReport

JSON_SCHEMA_VERSION = 1


def text_lines(report: CheckReport) -> list[str]:
    lines = [f"{finding.severity.value}  {describe_finding(finding)}" for finding in report.findings]
    checked = f"检查了 {report.documents} 份主动公开文件" if report.site else "内容有格式错误，其他检查未进行"
    lines.append(
        f"{checked}（按 {report.as_of} 计算）：{len(report.errors)} 个错误，{len(report.warnings)} 个警告；"
        f"用时 {report.seconds:.1f} 秒"
    )
    return lines


def json_document(report: CheckReport) -> dict[str, Any]:
    """{"schema": 1, "as_of", "seconds", "documents", "errors", "warnings", "findings": [...]}; never reordered."""
    return {
        "schema": JSON_SCHEMA_VERSION,
        "as_of": report.as_of.isoformat(),
        "seconds": round(report.seconds, 3),
        "documents": report.documents,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "findings": [_finding_json(f) for f in report.findings],
    }


def _finding_json(finding: Problem) -> dict[str, Any]:
    rule = RULES_BY_CODE[finding.code or SCHEMA]
    return {
        "code": rule.code,
        "rule": rule.title,
        "severity": "error" if finding.severity is Severity.ERROR else "warning",
        "path": finding.path,
        "line": finding.line,
        "field": finding.field,
        "found": finding.found,
        "expected": finding.expected,
        "message": str(finding),
    }
