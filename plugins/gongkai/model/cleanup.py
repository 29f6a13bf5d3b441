"""清理 (periodic review) records: one YAML file per review, each published as a page.

A record lists a decision for each reviewed document. Its 废止 and 宣布失效
decisions end the documents' force from the record's 发布日期 (or the item's
own 日期), so the computed states follow the review without editing the
reviewed documents.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from .fields import FieldReader, read_yaml_file
from .problems import ProblemList
from .validity import CleanupDecision, normalise_reference

RECORD_KEYS = ["标题", "清理日期", "发布日期", "依据", "说明", "公告", "决定"]
RECORD_REQUIRED = ["标题", "清理日期", "发布日期", "依据", "决定"]
ITEM_KEYS = ["文件", "结论", "理由", "日期"]
STEM_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class Decision(StrEnum):
    KEEP = "继续有效"
    AMEND = "修改"
    REPEAL = "废止"
    DECLARE_EXPIRED = "宣布失效"

    @property
    def ends_force(self) -> bool:
        return self in (Decision.REPEAL, Decision.DECLARE_EXPIRED)


@dataclass(frozen=True)
class CleanupItem:
    target: str  # 索引号 or 发文字号
    decision: Decision
    reason: str | None
    takes_effect: dt.date
    line: int


@dataclass(frozen=True)
class CleanupRecord:
    key: str  # the file name without .yaml; also the page's URL segment
    source_path: str
    src_uri: str  # relative to the docs dir, kept out of the build
    title: str
    reviewed_on: dt.date  # 清理日期
    published: dt.date  # 发布日期
    basis: str
    summary: str | None
    announcement: str | None  # 索引号 or 发文字号 of the published 清理结果 notice
    announcement_line: int | None
    items: tuple[CleanupItem, ...]

    def decisions(self) -> list[CleanupDecision]:
        return [
            CleanupDecision(
                record=self.key,
                target=item.target,
                decision=item.decision.value,
                reviewed_on=self.reviewed_on,
                takes_effect=item.takes_effect,
                source_path=self.source_path,
                line=item.line,
            )  # fmt: skip
            for item in self.items
        ]

    def count(self, decision: Decision) -> int:
        return sum(1 for item in self.items if item.decision is decision)


def read_cleanups(
    root: Path, docs_dir: Path, display: Callable[[Path], str], problems: ProblemList
) -> list[CleanupRecord]:
    """Every *.yaml under `root`, newest review first; problems go to `problems`."""
    records = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []:
        if path.suffix != ".yaml" or path.parent != root:
            # Anything else here would be published as it is, or silently ignored: neither is right.
            problems.add(
                display(path), None, "", f"'{path.relative_to(root).as_posix()}' 不是清理记录",
                f"{display(root)}/ 下只放清理记录，每次清理一个 .yaml 文件，如 2025.yaml",
            )  # fmt: skip
            continue
        record = _read_record(path, docs_dir, display(path), problems)
        if record is not None:
            records.append(record)
    return sorted(records, key=lambda r: (r.reviewed_on, r.key), reverse=True)


def _read_record(path: Path, docs_dir: Path, display_path: str, problems: ProblemList) -> CleanupRecord | None:
    reader = read_yaml_file(path, display_path, problems, "标题、清理日期、发布日期、依据、决定")
    if reader is None:
        return None
    errors_before = len(problems.errors)
    reader.check_keys(RECORD_KEYS, RECORD_REQUIRED)
    if not STEM_PATTERN.match(path.stem):
        problems.add(
            display_path, None, "", f"文件名 '{path.name}'", "小写字母或数字开头的文件名（用作网址），如 2025.yaml"
        )
    title, basis = reader.text("标题"), reader.text("依据")
    reviewed_on, published = reader.date("清理日期"), reader.date("发布日期")
    if reviewed_on and published and published < reviewed_on:
        reader.problem("发布日期", f"'{published}' 早于清理日期 '{reviewed_on}'", "不早于清理日期的日期")
    items = _read_items(reader, published)
    if "决定" in reader.data and not items and len(problems.errors) == errors_before:
        reader.problem("决定", "没有任何决定", "至少一项：文件、结论（继续有效、修改、废止、宣布失效）")
    if len(problems.errors) > errors_before or not (title and basis and reviewed_on and published):
        return None
    return CleanupRecord(
        key=path.stem, source_path=display_path, src_uri=path.relative_to(docs_dir).as_posix(), title=title,
        reviewed_on=reviewed_on, published=published, basis=basis, summary=reader.text("说明"),
        announcement=reader.text("公告"), announcement_line=reader.line("公告"), items=tuple(items),
    )  # fmt: skip


def _read_items(reader: FieldReader, published: dt.date | None) -> list[CleanupItem]:
    items: list[CleanupItem] = []
    seen: dict[str, int] = {}
    for item in reader.mapping_list("决定"):
        item.check_keys(ITEM_KEYS, ["文件", "结论"])
        target = item.text("文件")
        decision_text = item.choice("结论", [d.value for d in Decision])
        day = item.date("日期")
        if target is None or decision_text is None or published is None:
            continue
        decision = Decision(decision_text)
        if day is not None and not decision.ends_force:
            item.problem("日期", f"「{decision.value}」的决定填写了日期", "只有废止、宣布失效的决定填写日期")
        reference = normalise_reference(target)
        if reference in seen:
            item.problem("文件", f"'{target}' 在本记录中重复（第 {seen[reference]} 行已有）", "每份文件一项决定")
            continue
        seen[reference] = item.line("文件")
        items.append(CleanupItem(target, decision, item.text("理由"), day or published, item.data.line))
    return items
