"""The controlled vocabularies: 主题分类, 文种, 公开属性, 更新频率 (data/taxonomy.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

PUBLIC = "主动公开"


@dataclass(frozen=True)
class Taxonomy:
    subjects: dict[str, tuple[str, ...]]
    kinds: tuple[str, ...]
    disclosure_types: tuple[str, ...]
    frequencies: dict[str, int | None]

    def with_extra_subjects(self, extra: dict[str, list[str]]) -> Taxonomy:
        """A copy with a site's additional second-level 主题分类."""
        merged = dict(self.subjects)
        for top, seconds in extra.items():
            merged[top] = tuple(dict.fromkeys([*merged.get(top, ()), *seconds]))
        return Taxonomy(merged, self.kinds, self.disclosure_types, self.frequencies)

    def subject_problem(self, value: str) -> str | None:
        """Why `value` is not a valid `一级\\二级` subject, or None when it is."""
        top, sep, second = value.partition("\\")
        if top not in self.subjects:
            return f"一级分类「{top}」不在国务院主题分类中"
        if not sep:
            return "缺少二级分类（写作 一级\\二级）"
        if second not in self.subjects[top]:
            return f"二级分类「{second}」不在「{top}」之下"
        return None


@cache
def load_taxonomy() -> Taxonomy:
    text = resources.files("gongkai.data").joinpath("taxonomy.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return Taxonomy(
        subjects={top: tuple(seconds) for top, seconds in data["主题分类"].items()},
        kinds=tuple(data["文种"]),
        disclosure_types=tuple(data["公开属性"]),
        frequencies=dict(data["更新频率"]),
    )
