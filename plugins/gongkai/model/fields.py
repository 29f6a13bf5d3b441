"""Read typed values out of a parsed YAML mapping, collecting every problem.

A small schema layer of our own: editors write Chinese keys, and each message
must name the file, line and field, say what was found and what is expected.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .problems import ProblemList
from .yamlsource import Mapping, YamlError, load_yaml

DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def describe(value: Any) -> str:
    """How a found value is quoted in a message."""
    if value is None:
        return "空值"
    if isinstance(value, (dict, list)):
        kind = "映射" if isinstance(value, dict) else "列表"
        return f"一个{kind}"
    return f"'{value}'"


def parse_date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or not DATE_PATTERN.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def read_yaml_file(path: Path, display_path: str, problems: ProblemList, what: str) -> FieldReader | None:
    """A YAML data file whose top is a mapping (`what` names its keys); None, with the problem, if not."""
    try:
        data = load_yaml(path.read_text("utf-8"))
    except FileNotFoundError:
        problems.add(display_path, None, "", "文件不存在", f"一个 YAML 文件：{what}")
        return None
    except YamlError as e:
        problems.add(display_path, e.line, "", f"YAML 语法错误：{e.message}", "合法的 YAML")
        return None
    if not isinstance(data, Mapping):
        problems.add(display_path, 1, "", describe(data), f"一个映射：{what}")
        return None
    return FieldReader(data, display_path, problems)


class FieldReader:
    """Typed access to one mapping; problems go to a shared ProblemList."""

    def __init__(self, data: Mapping, path: str, problems: ProblemList, prefix: str = "") -> None:
        self.data = data
        self.path = path
        self.problems = problems
        self.prefix = prefix

    def name(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def line(self, key: str) -> int:
        return self.data.line_of(key)

    def problem(self, key: str, found: str, expected: str) -> None:
        self.problems.add(self.path, self.line(key), self.name(key), found, expected)

    def check_keys(self, allowed: Iterable[str], required: Iterable[str]) -> None:
        """Unknown keys, missing keys and keys written twice are errors."""
        allowed = list(allowed)
        for key, line in self.data.duplicate_keys:
            self.problems.add(self.path, line, self.name(key), "字段重复出现", "每个字段只写一次")
        for key in self.data:
            if key not in allowed:
                self.problem(key, f"未知字段「{key}」", "以下字段之一：" + "、".join(allowed))
        for key in required:
            if key not in self.data:
                self.problems.add(self.path, self.data.line, self.name(key), "缺少必填字段", f"填写「{key}」")

    def raw(self, key: str) -> Any:
        return self.data.get(key)

    def text(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, (dict, list, bool)):
            self.problem(key, f"{describe(value)}", "一段文字")
            return None
        text = str(value).strip()
        if not text:
            self.problem(key, "空白文字", "非空的文字")
            return None
        return text

    def date(self, key: str) -> dt.date | None:
        value = self.data.get(key)
        if value is None:
            return None
        parsed = parse_date(value)
        if parsed is None:
            self.problem(key, f"{describe(value)} 不是有效日期", "YYYY-MM-DD 格式的日期，如 2024-03-01")
        return parsed

    def choice(self, key: str, choices: Iterable[str]) -> str | None:
        value = self.text(key)
        choices = list(choices)
        if value is not None and value not in choices:
            self.problem(key, f"{describe(value)} 不在可选值中", "以下之一：" + "、".join(choices))
            return None
        return value

    def text_list(self, key: str) -> list[str]:
        """A list of texts; a single text is taken as a one-item list."""
        value = self.data.get(key)
        if value is None:
            return []
        items = value if isinstance(value, list) else [value]
        result = []
        for item in items:
            if isinstance(item, (dict, list)) or item is None or not str(item).strip():
                self.problem(key, f"列表项 {describe(item)}", "文字，或文字的列表")
                continue
            result.append(str(item).strip())
        return result

    def boolean(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            self.problem(key, describe(value), "true 或 false")
            return default
        return value

    def integer(self, key: str, default: int, minimum: int = 1) -> int:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.problem(key, describe(value), f"不小于 {minimum} 的整数")
            return default
        return value

    def mapping(self, key: str) -> FieldReader | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, Mapping):
            self.problem(key, describe(value), "一个映射（缩进的 键: 值）")
            return None
        return FieldReader(value, self.path, self.problems, f"{self.name(key)}.")

    def mapping_list(self, key: str) -> list[FieldReader]:
        """A list of mappings, each read with its index in the field name."""
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(key, describe(value), "一个列表（每项以 - 开头）")
            return []
        readers = []
        for index, item in enumerate(value, start=1):
            if not isinstance(item, Mapping):
                self.problem(key, f"第 {index} 项是 {describe(item)}", "一个映射（键: 值）")
                continue
            readers.append(FieldReader(item, self.path, self.problems, f"{self.name(key)}[{index}]."))
        return readers
