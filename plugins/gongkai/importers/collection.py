"""`gongkai import`: a collection in JSON Lines (metadata per line, body in a file beside it) into content/.

Every record ends in exactly one outcome, with its reasons: 新增, 更新, 未变,
已编辑未覆盖 or 跳过. A record is checked by the same rules as a build
(`parse_document` with the site's catalog), so an imported file never breaks
the build; what fails them is skipped with the problems, and what the
importer mended (a default, a 发文字号 written in Chinese numerals, a relation
to a skipped record) is listed as a repair.

Idempotence and edits: each imported file carries a marker comment in its
front matter with the source, the record's id and a digest of the file as
written. A second run finds its files by the marker, keeps their 索引号 and
path, and writes nothing when the result is the same. A file whose text no
longer matches its digest was edited by hand: it is left alone unless
`force` is set. Files whose record left the source are kept and listed.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..model.catalog import Catalog
from ..model.document import DOC_NUMBER_PATTERN, REQUIRED_FIELDS, parse_document
from ..model.fields import parse_date
from ..model.numbering import index_no_in, index_number, year_and_sequence
from ..model.problems import ProblemList
from ..model.validity import RelationKind
from ..model.yamlsource import YamlError, load_yaml
from . import lawrefbook
from .mapping import ImportMapping, ValueTable

MARKER = re.compile(r"^# 导入：(?P<source>\S+) 记录 (?P<id>\S+) 校验 (?P<digest>[0-9a-f]{16})$", re.M)
# The order of fields in a written file: as editors see them in the sample documents.
FIELD_ORDER = [
    "标题", "索引号", "发文机关", "发文字号", "成文日期", "发布日期", "施行日期", "有效期至", "有效期",
    "废止日期", "主题分类", "文种", "公开属性", "栏目", "内容概述", "关键词", *(k.value for k in RelationKind),
]  # fmt: skip
LIST_FIELDS = {"栏目", "关键词", *(k.value for k in RelationKind)}


class Action(StrEnum):
    ADDED = "新增"
    UPDATED = "更新"
    UNCHANGED = "未变"
    KEPT_EDITED = "已编辑，未覆盖"
    SKIPPED = "跳过"


@dataclass
class Outcome:
    record: str  # the source id; "第 N 行" for a line without one
    line: int  # line in the .jsonl
    action: Action = Action.SKIPPED
    path: str | None = None  # the file written or kept, relative to the project
    repairs: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # why skipped or kept; notes to check

    def describe(self, source: str) -> str:
        where = f"{source}:{self.line} 记录 {self.record}"
        target = f" → {self.path}" if self.path else ""
        repairs = [] if self.action is Action.SKIPPED else [f"修补：{r}" for r in self.repairs]
        detail = "；".join(self.reasons + repairs)
        return f"{where}{target}：{self.action.value}" + (f"（{detail}）" if detail else "")


@dataclass
class ImportReport:
    source: str
    outcomes: list[Outcome]
    left_in_place: list[str]  # files imported before whose record is no longer in the source

    def count(self, *actions: Action) -> int:
        return sum(1 for o in self.outcomes if o.action in actions)

    @property
    def imported(self) -> int:
        return self.count(Action.ADDED, Action.UPDATED, Action.UNCHANGED)

    @property
    def repaired(self) -> int:
        return sum(1 for o in self.outcomes if o.repairs and o.action is not Action.SKIPPED)

    @property
    def skipped(self) -> int:
        return self.count(Action.SKIPPED, Action.KEPT_EDITED)

    def summary(self) -> str:
        return (
            f"导入 {self.imported} 条（新增 {self.count(Action.ADDED)}，更新 {self.count(Action.UPDATED)}，"
            f"未变 {self.count(Action.UNCHANGED)}），其中修补 {self.repaired} 条；"
            f"跳过 {self.skipped} 条（其中已编辑未覆盖 {self.count(Action.KEPT_EDITED)} 条）；"
            f"来源中已没有、保留原文件 {len(self.left_in_place)} 个"
        )

    def lines(self) -> list[str]:
        """Every record skipped, kept, updated, repaired or to check, then the summary: nothing left out silently."""
        listed = (Action.SKIPPED, Action.KEPT_EDITED, Action.UPDATED)
        noted = [o for o in self.outcomes if o.action in listed or o.repairs or o.reasons]
        lines = [o.describe(self.source) for o in noted]
        lines += [f"{path}：来源中已没有这条记录，文件保留未动" for path in self.left_in_place]
        return [*lines, self.summary()]


@dataclass(frozen=True)
class Target:
    """Where imported documents go and the rules they must pass."""

    project_dir: Path
    docs_dir: Path
    documents_dir: str  # under docs_dir: the organ's folder and the documents' (zwgk/xzf/wj)
    catalog: Catalog
    documents_leaf: str = ""  # the documents' folder alone (wj), the plugin's documents_dir
    gazettes_dir: str = "gongbao"  # the plugin's: beside documents_leaf, the organ's 公报 issues

    @property
    def root(self) -> Path:
        return self.docs_dir / self.documents_dir

    @property
    def gazettes_root(self) -> Path:
        """The organ's 公报 issues: beside its documents' folder."""
        return self.docs_dir / self.documents_dir.removesuffix(self.documents_leaf) / self.gazettes_dir

    def display(self, path: Path) -> str:
        return path.relative_to(self.project_dir).as_posix() if path.is_relative_to(self.project_dir) else str(path)


def import_collection(
    source: Path, mapping: ImportMapping, target: Target, *, force: bool = False, dry_run: bool = False
) -> ImportReport:
    source_name = target.display(source.resolve())
    outcomes: list[Outcome] = []
    rows = list(read_rows(source, mapping.id_field, outcomes))
    derived = _derive(source.parent, mapping, rows)
    existing = _ExistingFiles(target, mapping.name)
    drafts: list[_Draft] = []
    for outcome, row in rows:
        draft = _draft(outcome, row, mapping, derived.get(outcome.record), source.parent)
        if draft is not None and _passes_rules(draft, mapping, target, existing):
            drafts.append(draft)
    _number(drafts, mapping, target, existing)
    _link_relations(drafts)
    for draft in drafts:
        _write(draft, mapping.name, target, existing, force=force, dry_run=dry_run)
    seen = {o.record for o in outcomes}
    left = sorted(target.display(f.path) for key, f in existing.by_id.items() if key not in seen)
    return ImportReport(source_name, outcomes, left)


# -- reading the source ---------------------------------------------------------------------------


def read_rows(source: Path, id_field: str, outcomes: list[Outcome]) -> Iterator[tuple[Outcome, dict]]:
    """The records of a JSON Lines file with their outcomes; a line that is no record, or whose `id_field`
    is missing or repeated, gets an outcome with the reason and no row."""
    seen: dict[str, int] = {}
    with source.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            outcome = Outcome(f"第 {number} 行", number)
            outcomes.append(outcome)
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                outcome.reasons.append(f"不是合法的 JSON（第 {e.colno} 列：{e.msg}）")
                continue
            if not isinstance(row, dict):
                outcome.reasons.append("这一行不是 JSON 对象")
                continue
            key = str(row.get(id_field) or "").strip()
            if not key:
                outcome.reasons.append(f"缺少标识字段 {id_field}")
                continue
            outcome.record = key
            if key in seen:
                outcome.reasons.append(f"标识 {key} 与第 {seen[key]} 行重复")
                continue
            seen[key] = number
            yield outcome, row


@dataclass
class _Facts:
    """What a derivation found for one record: dates, relations by source id, repairs, notes, or why it failed."""

    fields: dict[str, str] = field(default_factory=dict)
    relations: list[tuple[RelationKind, str]] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failure: str | None = None


def _derive(folder: Path, mapping: ImportMapping, rows: list[tuple[Outcome, dict]]) -> dict[str, _Facts]:
    if mapping.derive != "lawrefbook":
        return {}
    facts: dict[str, _Facts] = defaultdict(_Facts)
    entries = []
    for outcome, row in rows:
        try:
            entries.append(lawrefbook.entry_of(row))
        except (KeyError, ValueError, TypeError) as e:
            facts[outcome.record].failure = f"不是 LawRefBook 的记录格式：{type(e).__name__} {e}"
    imported = lawrefbook.import_corpus(folder, entries)
    for left in imported.undated:
        facts[left.entry].failure = left.reason
    for left in imported.dates_left_out:
        facts[left.entry].repairs.append(left.reason)
    incoming = {r.target for r in imported.relations}
    by_id = {e.id: e for e in entries}
    for instrument in imported.instruments:
        found = facts[instrument.key]
        found.fields["成文日期"] = instrument.written.isoformat()
        found.fields["发布日期"] = instrument.published.isoformat()
        if instrument.facts.effective:
            found.fields["施行日期"] = instrument.facts.effective.isoformat()
        found.relations = [(r.kind, r.target) for r in instrument.facts.relations]
        entry = by_id[instrument.key]
        if not entry.issuer and (issuer := lawrefbook.issuer_of(entry))[0]:
            found.fields["发文机关"] = issuer[0]
            found.repairs.append(f"发文机关：来源没有，取自{issuer[1]}：{issuer[0]}")
        status = entry.status
        if status != "有效" and instrument.key not in incoming:
            found.notes.append(f"待核对：来源状态为「{status}」，但来源中没有文件修改、替代或废止它，按现行有效导入")
    return facts


# -- one record into a document ---------------------------------------------------------------------


@dataclass
class _Draft:
    outcome: Outcome
    fields: dict[str, Any]
    body: str
    relations: list[tuple[RelationKind, str]]  # by source id, resolved to 索引号 once all are numbered
    year: int
    index_no: str | None = None
    path: Path | None = None


def _draft(outcome: Outcome, row: dict, mapping: ImportMapping, facts: _Facts | None, folder: Path) -> _Draft | None:
    if facts is not None and facts.failure:
        outcome.reasons.append(facts.failure)
        return None
    body = _body(row, mapping, folder, outcome)
    if body is None:
        return None
    values: dict[str, Any] = {}
    for ours, theirs in mapping.fields.items():
        if (value := _value(row.get(theirs), ours)) is not None:
            values[ours] = value
    for ours, table in mapping.tables.items():
        value, why = table.lookup(row)
        if value is None:
            outcome.reasons.append(f"{ours}：{why}，对照表也没有「其他」")
            return None
        if why:
            outcome.repairs.append(f"{ours}：{why}，按「其他」取 {value}")
        values[ours] = value
    values.update(mapping.constants)
    relations: list[tuple[RelationKind, str]] = []
    if facts is not None:
        values.update(facts.fields)
        relations += facts.relations
        outcome.repairs += facts.repairs
        outcome.reasons += facts.notes
    for kind, theirs in mapping.relations.items():
        relations += [(kind, str(t)) for t in _as_list(row.get(theirs))]
    if mapping.summary_from_body and "内容概述" not in values:
        if (summary := first_paragraph(body)) is None:
            outcome.reasons.append("内容概述：来源没有，正文中也没有可作概述的段落（正文为空或只有标题）")
            return None
        values["内容概述"] = summary
    for ours, default in mapping.defaults.items():
        if ours not in values:
            value, how = _default(default, row)
            if value is not None:
                values[ours] = value
                outcome.repairs.append(f"{ours}：来源没有，{how} {value}")
    for name in LIST_FIELDS & values.keys():
        values[name] = _as_list(values[name])
    if "发文字号" in values:
        values["发文字号"] = _repair_doc_number(values["发文字号"], outcome)
    missing = [f for f in REQUIRED_FIELDS if f != "索引号" and f not in values]
    if missing:
        outcome.reasons.append("缺少" + "、".join(missing) + "，对照表也没有缺省值")
        return None
    published = parse_date(values["发布日期"])
    year = published.year if published else 0  # an invalid date fails the checks that follow
    return _Draft(outcome, values, body, relations, year)


def _body(row: dict, mapping: ImportMapping, folder: Path, outcome: Outcome) -> str | None:
    name = row.get(mapping.body_field)
    if not isinstance(name, str) or not name.strip():
        outcome.reasons.append(f"正文字段 {mapping.body_field} 为空")
        return None
    path = (folder / name).resolve()
    if not path.is_relative_to(folder.resolve()):
        outcome.reasons.append(f"正文文件 '{name}' 在来源目录之外")
        return None
    try:
        return path.read_text("utf-8").strip() + "\n"
    except FileNotFoundError:
        outcome.reasons.append(f"正文文件 '{name}' 不存在")
    except UnicodeDecodeError:
        outcome.reasons.append(f"正文文件 '{name}' 不是 UTF-8 编码")
    return None


def _value(value: Any, ours: str) -> Any:
    if ours in LIST_FIELDS:
        items = [str(v).strip() for v in _as_list(value) if str(v).strip()]
        return items or None
    if value is None or isinstance(value, (dict, list)):
        return None
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _default(default: ValueTable | str, row: dict) -> tuple[str | None, str]:
    if isinstance(default, str):
        return default, "取缺省值"
    value, why = default.lookup(row)
    return value, f"按 {default.source} 的缺省对照（{why}）取" if why else f"按 {default.source} 的缺省对照取"


def first_paragraph(body: str, limit: int = 200) -> str | None:
    """The first sentence-like paragraph of prose: not a heading, quote, list or table line, nor a bare name."""
    for block in re.split(r"\n\s*\n", body):
        text = " ".join(line.strip() for line in block.splitlines()).strip()
        text = re.sub(r"^第[一二三四五六七八九十百零〇]+条\s*", "", text)  # 第一条 为了…: the purpose is the summary
        if len(text) >= 12 and re.search(r"[，。；：]", text) and not re.match(r"[#>|\-*!<]", text):
            return text if len(text) <= limit else text[: limit - 1] + "…"
    return None


_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_number(text: str) -> int | None:
    """三 → 3, 七十三 → 73, 一百零五 → 105; None for what is not a number."""
    total, digit = 0, None
    for char in text:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        elif char in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[char]
            digit = None
        else:
            return None
    return total + (digit or 0) if text else None


def _repair_doc_number(number: str, outcome: Outcome) -> str:
    """令第七十三号 → 令第73号: the number pattern wants Arabic digits."""
    if DOC_NUMBER_PATTERN.match(number):
        return number
    match = re.fullmatch(r"(.*令第)([〇零一二三四五六七八九十百千两]+)([号號])", number)
    value = chinese_number(match.group(2)) if match else None
    if match and value is not None:
        repaired = f"{match.group(1)}{value}{match.group(3)}"
        outcome.repairs.append(f"发文字号：'{number}' 的序号写成阿拉伯数字 '{repaired}'")
        return repaired
    return number


# -- checks, numbers, relations ---------------------------------------------------------------------


def _passes_rules(draft: _Draft, mapping: ImportMapping, target: Target, existing: _ExistingFiles) -> bool:
    """Check the draft as the build would read it; a provisional 索引号 stands in for the real one."""
    known = existing.by_id.get(draft.outcome.record)
    provisional = known.index_no if known and known.index_no else _index_no(mapping, target, draft.year, 0)
    problems = ProblemList()
    fields = {**draft.fields, "索引号": provisional}
    path = target.root / f"{draft.year:04d}" / "00000.md"
    parse_document(_render(fields, draft.body), path, target.docs_dir, "（待导入）", target.catalog, problems)
    if problems.errors:
        draft.outcome.reasons += [f"{p.field}：{p.found}；应为：{p.expected}" for p in problems.errors]
        return False
    return True


def _index_no(mapping: ImportMapping, target: Target, year: int, sequence: int) -> str:
    return index_number(mapping.index_template, target.catalog.organ.code, year, sequence)


def _number(drafts: list[_Draft], mapping: ImportMapping, target: Target, existing: _ExistingFiles) -> None:
    """Known records keep their 索引号 and path; new ones take the next free number of their year, in date order."""
    new = []
    for draft in drafts:
        known = existing.by_id.get(draft.outcome.record)
        if known is not None and known.index_no:
            draft.index_no, draft.path = known.index_no, known.path
        else:
            new.append(draft)
    for draft in sorted(new, key=lambda d: (d.fields["发布日期"], d.outcome.record)):
        sequence = existing.next_sequence(draft.year)
        draft.index_no = _index_no(mapping, target, draft.year, sequence)
        draft.path = target.root / f"{draft.year:04d}" / f"{sequence:05d}.md"
        existing.taken_paths.add(draft.path)


def _link_relations(drafts: list[_Draft]) -> None:
    index_of = {d.outcome.record: d.index_no for d in drafts}
    for draft in drafts:
        for kind, source_id in draft.relations:
            target = index_of.get(source_id)
            if target is None:
                draft.outcome.repairs.append(f"{kind.value}：目标记录 {source_id} 未导入，这条关系未写入")
            else:
                draft.fields.setdefault(kind.value, []).append(target)
        draft.fields["索引号"] = draft.index_no


# -- files ----------------------------------------------------------------------------------------


@dataclass
class _KnownFile:
    path: Path
    index_no: str | None
    text: str
    edited: bool


class _ExistingFiles:
    """The documents already under the target: imported ones by record id, and the numbers in use."""

    def __init__(self, target: Target, source: str) -> None:
        self.by_id: dict[str, _KnownFile] = {}
        self.taken_paths: set[Path] = set()
        self.sequences: dict[int, set[int]] = defaultdict(set)
        paths = sorted(target.root.rglob("*.md")) if target.root.is_dir() else []
        for path in paths:
            self.taken_paths.add(path)
            text = path.read_text("utf-8", errors="replace")
            index_no = index_no_in(text)
            if index_no and (numbers := year_and_sequence(index_no)):
                self.sequences[numbers[0]].add(numbers[1])
            marker = MARKER.search(text)
            if marker and marker.group("source") == source:
                edited = _digest(_unmarked(text)) != marker.group("digest")
                self.by_id[marker.group("id")] = _KnownFile(path, index_no, text, edited)

    def next_sequence(self, year: int) -> int:
        used = self.sequences[year]
        sequence = max(used, default=0) + 1
        used.add(sequence)
        return sequence


def _unmarked(text: str) -> str:
    return MARKER.sub("", text, count=1).replace("---\n\n", "---\n", 1)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _render(fields: dict[str, Any], body: str, marker: str | None = None) -> str:
    lines = ["---"] + ([marker] if marker else [])
    for name in FIELD_ORDER:
        if name in fields:
            lines.append(f"{name}: {_yaml_value(fields[name])}")
    return "\n".join(lines) + "\n---\n\n" + body


def _yaml_value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_scalar(v, in_list=True) for v in value) + "]"
    return _yaml_scalar(value, in_list=False)


def _yaml_scalar(value: Any, in_list: bool) -> str:
    """Plain when it reads back as the same text (dates stay plain: our YAML keeps them strings), else quoted."""
    text = str(value)
    probe = f"k: [{text}]" if in_list else f"k: {text}"
    try:
        back = load_yaml(probe)["k"]
        plain = back == [text] if in_list else back == text
    except (YamlError, TypeError, KeyError):
        plain = False
    return text if plain and "\n" not in text else json.dumps(text, ensure_ascii=False)


def _write(draft: _Draft, source: str, target: Target, existing: _ExistingFiles, *, force: bool, dry_run: bool) -> None:
    assert draft.path is not None
    outcome = draft.outcome
    outcome.path = target.display(draft.path)
    plain = _render(draft.fields, draft.body)
    marker = f"# 导入：{source} 记录 {outcome.record} 校验 {_digest(plain)}"
    text = _render(draft.fields, draft.body, marker)
    known = existing.by_id.get(outcome.record)
    if known is not None and known.text == text:
        outcome.action = Action.UNCHANGED
        return
    if known is not None and known.edited and not force:
        outcome.action = Action.KEPT_EDITED
        outcome.reasons.append("文件在导入后被编辑过，未覆盖；确需用来源覆盖时加 --force")
        return
    outcome.action = Action.UPDATED if known is not None else Action.ADDED
    if not dry_run:
        draft.path.parent.mkdir(parents=True, exist_ok=True)
        draft.path.write_text(text, "utf-8")
