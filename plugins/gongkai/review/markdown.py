"""The review as Markdown for a pull-request comment: plain Chinese, one section per kind of change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..checks.findings import describe_finding
from ..model.document import Document
from ..model.problems import Problem, Severity
from ..model.validity import State
from .changes import Changes

# Enough to review; a change larger than this is listed in part, with the count of the rest.
MAX_ROWS = 50


def review_markdown(
    changes: Changes,
    base_label: str,
    url_of: Callable[[Document], str],
    columns_of: Callable[[Document], list[str]],
    head_errors: int,
    head_warnings: int,
    organ: str | None = None,
) -> str:
    """The comment of a one-organ site; with `organ`, one organ's part of a platform's (without the title,
    its sections a level lower)."""
    lines = [f"### {organ}", ""] if organ else [f"## 政府信息公开专栏：本次改动（与 {base_label} 比较）", ""]
    if changes.is_empty:
        lines += ["没有影响专栏的改动。", ""]
    counts = [
        (len(changes.added), "新增"), (len(changes.changed), "修改"), (len(changes.removed), "撤下"),
        (len(changes.moved), "调整栏目"),
    ]  # fmt: skip
    if any(n for n, _ in counts):
        lines += ["**文件**：" + "，".join(f"{label} {n} 份" for n, label in counts if n), ""]

    def link(document: Document) -> str:
        return f"[{_cell(document.title)}]({url_of(document)})"

    table = ["| 发布日期 | 标题 | 索引号 | 栏目 |", "| --- | --- | --- | --- |"]
    lines += _section("新增文件", changes.added, lambda d: f"| {d.published} | {link(d)} | {d.index_no} | "
                      f"{'、'.join(columns_of(d))} |", header=table)  # fmt: skip
    lines += _section("修改的文件", changes.changed, lambda c: f"- {link(c.document)}（{c.document.index_no}）："
                      f"{'、'.join(c.fields)}")  # fmt: skip
    lines += _section("调整栏目", changes.moved, lambda c: f"- {link(c.document)}：{'、'.join(c.columns_before)}"
                      f" → {'、'.join(c.columns_after)}")  # fmt: skip
    lines += _section(
        "从网站撤下的文件", changes.removed, lambda r: f"- {_cell(r[0].title)}（{r[0].index_no}）：{r[1]}"
    )
    if changes.withheld_added:
        lines += [f"另有 {changes.withheld_added} 份新增文件不是主动公开，不会发布。", ""]
    if changes.validity or changes.expiring:
        lines += ["### 效力变化", ""]
        for v in changes.validity:
            before = v.before.value if v.before else "新文件"
            by = f"，{'废止' if v.after is State.REPEALED else '修改'}文件：{link(v.by)}" if v.by else ""
            since = f"（自 {v.since} 起）" if v.since else ""
            lines.append(f"- {link(v.document)}：{before} → **{v.after.value}**{since}{by}")
        lines += [f"- {link(d)}：有效期至 {day}，即将到期，需要评估" for d, day in changes.expiring]
        lines.append("")
    if changes.catalog or changes.public_numbers:
        lines += ["### 目录配置（catalog.yaml）", ""]
        lines += [f"- {line}" for line in changes.catalog]
        lines += [f"- **新增公开号码，请审核**：{line}" for line in changes.public_numbers]
        lines.append("")
    lines += _findings_section(changes.new_findings, changes.fixed_findings, head_errors, head_warnings)
    if organ:
        lines = [
            line.replace("### ", "#### ", 1) if line.startswith("### ") and i else line for i, line in enumerate(lines)
        ]
    return "\n".join(lines).rstrip() + "\n"


def platform_title(base_label: str) -> str:
    return f"## 政府信息公开：本次改动（与 {base_label} 比较）\n"


def _findings_section(new: list[Problem], fixed: list[Problem], errors: int, warnings: int) -> list[str]:
    lines = ["### 检查结果", ""]
    new_errors = sum(1 for p in new if p.severity is Severity.ERROR)
    lines.append(
        f"改动后共 {errors} 个错误、{warnings} 个警告；本次新出现 {len(new)} 个（其中错误 {new_errors} 个），"
        f"修正 {len(fixed)} 个。"
    )
    for title, items in (("新出现", new), ("已修正", fixed)):
        if items:
            lines += ["", f"**{title}**", ""]
            lines += [f"- {p.severity.value}：`{_code(describe_finding(p))}`" for p in items[:MAX_ROWS]]
            lines += _more(len(items))
    if new_errors:
        lines += ["", "有错误时网站不能构建：请先修正。"]
    return lines + [""]


def _section(title: str, items: list[Any], line: Callable[[Any], str], header: list[str] | None = None) -> list[str]:
    """A heading and one line per item (the first MAX_ROWS); nothing for no items."""
    if not items:
        return []
    return [f"### {title}", "", *(header or []), *(line(item) for item in items[:MAX_ROWS]), *_more(len(items)), ""]


def _more(count: int) -> list[str]:
    return [f"- ……另有 {count - MAX_ROWS} 项"] if count > MAX_ROWS else []


def _cell(text: str) -> str:
    """Text inside a table cell or link label: no pipes, brackets or line breaks to break the Markdown."""
    return text.replace("|", "｜").replace("[", "［").replace("]", "］").replace("\n", " ")


def _code(text: str) -> str:
    return text.replace("`", "'")
