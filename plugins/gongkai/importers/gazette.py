"""`gongkai import` of historical 政府公报 issues: JSON Lines, one issue a line, through a mapping whose
`类型` is 公报. Each issue becomes `<gazettes_dir>/<年>-<期>.yaml` with its PDF beside it, written only
when it reads back as a valid issue (gongkai.model.gazette) for the organ's 政府公报 column; like documents,
a file edited since its import is kept, and a second run changes nothing.

The mapping (YAML):

    名称: 旧公报库               names the source in each written file's marker
    类型: 公报
    标识字段: id                 the source field that identifies an issue
    字段: {年份: year, 期号: number, 总期号: total, 出版日期: date, 全文: pdf, 目录: toc}
    目录字段: {栏目: section, 文件: doc_no, 标题: title, 正文: text, 页码: pages}

`全文` is the PDF's path relative to the .jsonl; `目录` a list of sections, each {栏目, 条目: [...]}, or
a flat list of entries that each name their 栏目 (grouped in the order met). `目录字段` renames an
entry's source keys to ours; unnamed keys are taken as they are.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..model.catalog import Catalog, ColumnKind
from ..model.fields import FieldReader, describe
from ..model.gazette import ITEM_KEYS, read_gazette
from ..model.problems import InvalidInput, Problem, ProblemList
from ..model.yamlsource import Mapping, YamlError, load_yaml
from .collection import MARKER, Action, ImportReport, Outcome, _digest, read_rows

ISSUE_FIELDS = ["年份", "期号", "总期号", "出版日期", "全文", "目录"]
KEYS = ["名称", "类型", "标识字段", "字段", "目录字段"]


@dataclass
class GazetteMapping:
    path: str
    name: str
    id_field: str
    fields: dict[str, str]  # our issue field -> source field
    entry_fields: dict[str, str] = field(default_factory=dict)  # our entry key -> source key


def is_gazette_mapping(path: Path) -> bool:
    """Whether a mapping file says `类型: 公报` (read loosely: load_gazette_mapping checks it)."""
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return False
    return isinstance(data, dict) and data.get("类型") == "公报"


def load_gazette_mapping(path: Path, display_path: str) -> GazetteMapping:
    problems = ProblemList()
    try:
        data = load_yaml(path.read_text("utf-8"))
    except YamlError as e:
        raise InvalidInput([Problem(display_path, e.line, "", f"YAML 语法错误：{e.message}", "合法的 YAML")]) from e
    if not isinstance(data, Mapping):
        raise InvalidInput([Problem(display_path, None, "", f"内容是 {describe(data)}", "一个映射（键: 值）")])
    top = FieldReader(data, display_path, problems)
    top.check_keys(KEYS, ["名称", "类型", "标识字段", "字段"])
    top.choice("类型", ["公报"])
    fields = _renames(top.mapping("字段"), ISSUE_FIELDS, ["年份", "期号", "出版日期", "目录"])
    entries = _renames(top.mapping("目录字段"), ["栏目", *ITEM_KEYS], [])
    mapping = GazetteMapping(display_path, top.text("名称") or "", top.text("标识字段") or "", fields, entries)
    if problems.errors:
        raise InvalidInput(problems.errors)
    return mapping


def _renames(reader: FieldReader | None, allowed: list[str], required: list[str]) -> dict[str, str]:
    if reader is None:
        return {}
    reader.check_keys(allowed, required)
    return {key: text for key in allowed if key in reader.data and (text := reader.text(key)) is not None}


@dataclass(frozen=True)
class GazetteTarget:
    project_dir: Path
    docs_dir: Path
    folder: Path  # the organ's gazette folder
    catalog: Catalog

    def display(self, path: Path) -> str:
        return path.relative_to(self.project_dir).as_posix() if path.is_relative_to(self.project_dir) else str(path)


def import_gazette(
    source: Path, mapping: GazetteMapping, target: GazetteTarget, *, force: bool = False, dry_run: bool = False
) -> ImportReport:
    columns = target.catalog.columns_of_kind(ColumnKind.GAZETTE)
    if not columns:
        found = f"{target.catalog.organ.name}没有类型为「政府公报」的栏目"
        raise InvalidInput([Problem(target.display(target.folder), None, "", found, "先在 catalog.yaml 中加这个栏目")])
    rules = columns[0].gazette_rules
    source_name = target.display(source.resolve())
    outcomes: list[Outcome] = []
    known = _imported_before(target.folder, mapping.name)
    for outcome, row in read_rows(source, mapping.id_field, outcomes):
        issue = _issue(row, mapping, outcome)
        if issue is None:
            continue
        key = f"{issue['年份']}-{int(issue['期号']):02d}"
        pdf = _pdf(issue, source.parent, key, outcome)
        if outcome.reasons:
            continue
        plain = _render(issue)
        text = f"# 导入：{mapping.name} 记录 {outcome.record} 校验 {_digest(plain)}\n{plain}"
        path = target.folder / f"{key}.yaml"
        outcome.path = target.display(path)
        if not _valid(text, key, pdf, target, rules, outcome):
            continue
        before = known.get(outcome.record)
        if before is not None and before[1] == text:
            outcome.action = Action.UNCHANGED
            continue
        if before is not None and _edited(before[1]) and not force:
            outcome.action = Action.KEPT_EDITED
            outcome.reasons.append("文件在导入后被编辑过，未覆盖；确需用来源覆盖时加 --force")
            continue
        if before is None and path.exists():
            outcome.reasons.append(f"{outcome.path} 已存在（不是本来源导入的），未覆盖")
            continue
        outcome.action = Action.UPDATED if before is not None else Action.ADDED
        if not dry_run:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
            if pdf is not None:
                shutil.copyfile(pdf, path.with_suffix(".pdf"))
    seen = {o.record for o in outcomes}
    left = sorted(target.display(p) for record, (p, _) in known.items() if record not in seen)
    return ImportReport(source_name, outcomes, left)


def _imported_before(folder: Path, source: str) -> dict[str, tuple[Path, str]]:
    found = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        text = path.read_text("utf-8", errors="replace")
        marker = MARKER.search(text)
        if marker and marker.group("source") == source:
            found[marker.group("id")] = (path, text)
    return found


def _edited(text: str) -> bool:
    """Whether an imported file was changed after its import: its marker's digest is of what was written."""
    marker = MARKER.search(text)
    return marker is None or _digest(MARKER.sub("", text, count=1).lstrip("\n")) != marker.group("digest")


def _issue(row: dict, mapping: GazetteMapping, outcome: Outcome) -> dict[str, Any] | None:
    issue: dict[str, Any] = {}
    for ours, theirs in mapping.fields.items():
        value = row.get(theirs)
        if value is not None and value != "":
            issue[ours] = value
    missing = [f for f in ("年份", "期号", "出版日期", "目录") if f not in issue]
    if missing:
        outcome.reasons.append("缺少 " + "、".join(f"{f}（{mapping.fields.get(f, f)}）" for f in missing))
        return None
    if not str(issue["期号"]).isdigit():
        outcome.reasons.append(f"期号 {describe(issue['期号'])} 不是数字")
        return None
    issue["目录"] = _sections(issue["目录"], mapping)
    return issue


def _sections(toc: Any, mapping: GazetteMapping) -> Any:
    """Sections as the issue file writes them: {栏目, 条目}, from nested sections or a flat list of entries."""
    ours = {theirs: key for key, theirs in mapping.entry_fields.items()}

    def entry(raw: Any) -> Any:
        return {ours.get(k, k): v for k, v in raw.items() if v not in (None, "")} if isinstance(raw, dict) else raw

    if not isinstance(toc, list):
        return toc  # the issue's reading names what is wrong
    if all(isinstance(s, dict) and "条目" in s for s in toc):
        return [{"栏目": entry(s).get("栏目"), "条目": [entry(e) for e in s["条目"]]} for s in toc]
    sections: dict[Any, list[Any]] = {}
    for raw in (entry(e) for e in toc):
        name = raw.pop("栏目", None) if isinstance(raw, dict) else None
        sections.setdefault(name, []).append(raw)
    return [{"栏目": name, "条目": entries} for name, entries in sections.items()]


def _pdf(issue: dict[str, Any], folder: Path, key: str, outcome: Outcome) -> Path | None:
    name = issue.pop("全文", None)
    if name is None:
        return None
    path = (folder / str(name)).resolve()
    if path.suffix.lower() != ".pdf" or not path.is_file():
        outcome.reasons.append(f"全文 '{name}' 不是已有的 PDF 文件")
        return None
    issue["全文"] = f"{key}.pdf"
    return path


def _render(issue: dict[str, Any]) -> str:
    ordered = {k: issue[k] for k in ISSUE_FIELDS if k in issue}
    return yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=1000)


def _valid(text: str, key: str, pdf: Path | None, target: GazetteTarget, rules: Any, outcome: Outcome) -> bool:
    """Whether the issue file reads back as a valid issue; the problems, if not, are the outcome's reasons."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "gongbao"
        root.mkdir()
        (root / f"{key}.yaml").write_text(text, "utf-8")
        if pdf is not None:
            shutil.copyfile(pdf, root / f"{key}.pdf")
        problems = ProblemList()
        read_gazette(root, Path(folder), rules, lambda p: f"{key}{p.suffix}", problems)
    outcome.reasons += [f"{p.field or '文件'}：{p.found}；应为：{p.expected}" for p in problems.errors]
    return not problems.errors
