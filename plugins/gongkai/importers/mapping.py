"""The mapping file of `gongkai import`: how a source's fields become a document's fields.

A mapping is YAML with Chinese keys, like catalog.yaml, and every problem in it
is reported with file, line and key. The keys:

    名称: lawrefbook            names the source in each imported file's marker
    标识字段: id                 the source field that identifies a record, stable across exports
    正文字段: body               the field holding the body file's path, relative to the .jsonl
    推导: lawrefbook            optional: dates from header lines, relations from versions and repeal clauses
    索引号: "{机构代码}/{年}-{序号}"  how new 索引号 are made ({年} of 发布日期, {序号} next free, five digits)
    字段: {标题: title, …}        our field: the source field copied as is
    对照:                        our field: a source field's value through a table
      栏目: {字段: level, 值: {法律: fl, …}, 其他: qt}   (其他: for values not in the table)
    固定: {公开属性: 主动公开}      the same value for every record
    缺省: {发文机关: …}            for a record where the field is still empty: a value or a table; reported
    内容概述取正文: true           without a 内容概述, take the first paragraph of the body
    关系: {替代: replaces}        our relation: the source field holding the ids of its targets
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.document import OPTIONAL_FIELDS, REQUIRED_FIELDS
from ..model.fields import FieldReader, describe
from ..model.numbering import DEFAULT_INDEX_TEMPLATE
from ..model.problems import InvalidInput, Problem, ProblemList
from ..model.validity import RelationKind
from ..model.yamlsource import Mapping, YamlError, load_yaml

DERIVATIONS = ("lawrefbook",)
# Fields the importer fills itself, never from a source field.
MANAGED_FIELDS = ("索引号", *(k.value for k in RelationKind))
MAPPABLE_FIELDS = [f for f in REQUIRED_FIELDS + OPTIONAL_FIELDS if f not in MANAGED_FIELDS and f != "附件"]


@dataclass(frozen=True)
class ValueTable:
    """A source field's values mapped to ours; `fallback` for any other value (None: the record is skipped)."""

    source: str
    values: dict[str, str]
    fallback: str | None

    def lookup(self, record: dict[str, Any]) -> tuple[str | None, str]:
        """Our value for a record, or None and why."""
        value = record.get(self.source)
        if value is None or str(value).strip() == "":
            return self.fallback, f"{self.source} 为空"
        if str(value) in self.values:
            return self.values[str(value)], ""
        return self.fallback, f"{self.source} 的值 '{value}' 不在对照表中"


@dataclass
class ImportMapping:
    path: str
    name: str
    id_field: str
    body_field: str
    derive: str | None = None
    index_template: str = DEFAULT_INDEX_TEMPLATE
    fields: dict[str, str] = field(default_factory=dict)
    tables: dict[str, ValueTable] = field(default_factory=dict)
    constants: dict[str, Any] = field(default_factory=dict)
    defaults: dict[str, ValueTable | str] = field(default_factory=dict)
    summary_from_body: bool = False
    relations: dict[RelationKind, str] = field(default_factory=dict)


KEYS = ["名称", "标识字段", "正文字段", "推导", "索引号", "字段", "对照", "固定", "缺省", "内容概述取正文", "关系"]


def load_mapping(path: Path, display_path: str) -> ImportMapping:
    """Read and check a mapping file; raise InvalidInput with every problem."""
    problems = ProblemList()
    try:
        data = load_yaml(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise InvalidInput([Problem(display_path, None, "", f"无法读取：{e}", "UTF-8 编码的 YAML 对照表")]) from e
    except YamlError as e:
        problems.add(display_path, e.line, "", f"YAML 语法错误：{e.message}", "合法的 YAML")
        raise InvalidInput(problems.errors) from e
    if not isinstance(data, Mapping):
        raise InvalidInput([Problem(display_path, None, "", f"内容是 {describe(data)}", "一个映射（键: 值）")])
    top = FieldReader(data, display_path, problems)
    top.check_keys(KEYS, ["名称", "标识字段", "正文字段"])
    mapping = ImportMapping(
        path=display_path,
        name=top.text("名称") or "",
        id_field=top.text("标识字段") or "",
        body_field=top.text("正文字段") or "",
        derive=top.choice("推导", DERIVATIONS),
        index_template=top.text("索引号") or DEFAULT_INDEX_TEMPLATE,
        summary_from_body=top.boolean("内容概述取正文", False),
    )
    try:
        mapping.index_template.format(机构代码="X", 年="2024", 序号="00001")
    except (KeyError, IndexError, ValueError) as e:
        found = f"'{mapping.index_template}' 中的 {e} 无法替换"
        top.problem("索引号", found, "只含 {机构代码}、{年}、{序号} 的模板，如 {机构代码}/{年}-{序号}")
    if "{序号}" not in mapping.index_template:
        top.problem(
            "索引号", f"'{mapping.index_template}' 没有 {{序号}}", "含 {序号} 的模板，如 {机构代码}/{年}-{序号}"
        )
    mapping.fields = _field_names(top.mapping("字段"))
    mapping.tables = {k: v for k, v in _tables(top.mapping("对照")).items() if isinstance(v, ValueTable)}
    mapping.constants = dict(_field_names(top.mapping("固定")))
    mapping.defaults = _tables(top.mapping("缺省"), constants_too=True)
    mapping.relations = _relations(top.mapping("关系"))
    if problems.errors:
        raise InvalidInput(problems.errors)
    return mapping


def _field_names(reader: FieldReader | None) -> dict[str, str]:
    if reader is None:
        return {}
    reader.check_keys(MAPPABLE_FIELDS, [])
    result = {}
    for key in reader.data:
        if key in MAPPABLE_FIELDS and (value := reader.text(key)) is not None:
            result[key] = value
    return result


def _tables(reader: FieldReader | None, constants_too: bool = False) -> dict[str, ValueTable | str]:
    """Our field: a table of a source field's values; with `constants_too`, a plain value is allowed as well."""
    if reader is None:
        return {}
    reader.check_keys(MAPPABLE_FIELDS, [])
    result: dict[str, ValueTable | str] = {}
    for key in (k for k in reader.data if k in MAPPABLE_FIELDS):
        if not isinstance(reader.raw(key), Mapping) and constants_too:
            if (value := reader.text(key)) is not None:
                result[key] = value
            continue
        table = reader.mapping(key)
        if table is None:
            continue
        table.check_keys(["字段", "值", "其他"], ["字段", "值"])
        values = table.mapping("值")
        source = table.text("字段")
        if source is None or values is None:
            continue
        pairs = {str(k): values.text(str(k)) for k in values.data}
        result[key] = ValueTable(source, {k: v for k, v in pairs.items() if v is not None}, table.text("其他"))
    return result


def _relations(reader: FieldReader | None) -> dict[RelationKind, str]:
    if reader is None:
        return {}
    reader.check_keys([k.value for k in RelationKind], [])
    return {kind: source for kind in RelationKind if (source := reader.text(kind.value)) is not None}
