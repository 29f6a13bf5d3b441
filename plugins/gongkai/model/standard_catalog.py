"""基层政务公开事项标准目录 (国办发〔2019〕54号): a grassroots organ's catalog of what it discloses, one YAML
file per domain, each item a row of the official table (DOMAIN.md §4).

The domains, channels and choices are data (gongkai/data/standard_catalog.yaml; a site may set its own
domains in catalog.yaml). An item may name the columns that publish its information: its row then links
there with their newest date, and gongkai.checks.standard_catalog compares that with its 公开时限.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from .fields import FieldReader, read_yaml_file
from .problems import ProblemList

DOMAIN_KEYS = ["领域", "事项"]
ITEM_KEYS = [
    "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式",
    "公开层级", "栏目",
]  # fmt: skip
ITEM_REQUIRED = ITEM_KEYS[:-1]
STEM_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
# 公开时限 as the catalogs word it: "信息形成或者变更之日起20个工作日内"; "实时公开", "及时公开".
WORKING_DAYS = re.compile(r"(\d+)\s*个工作日")
PROMPTLY = re.compile(r"实时|及时")


@dataclass(frozen=True)
class Vocabulary:
    """The official table's fixed choices, and the domains (gongkai/data/standard_catalog.yaml)."""

    channels: tuple[str, ...]
    audiences: tuple[str, ...]
    manners: tuple[str, ...]
    levels: tuple[str, ...]
    domains: tuple[str, ...]


@cache
def load_vocabulary() -> Vocabulary:
    text = resources.files("gongkai.data").joinpath("standard_catalog.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return Vocabulary(*(tuple(data[key]) for key in ("公开渠道", "公开对象", "公开方式", "公开层级", "领域")))


@dataclass(frozen=True)
class StandardItem:
    """A row of the official table; 序号 is its place in the domain's file."""

    number: int
    first_level: str  # 一级事项
    second_level: str  # 二级事项
    contents: tuple[str, ...]  # 公开内容（要素）
    basis: str  # 公开依据
    deadline: str  # 公开时限, as written
    body: str  # 公开主体
    channels: frozenset[str]  # 公开渠道和载体: the ticked ones
    audience: str  # 公开对象
    manner: str  # 公开方式
    levels: tuple[str, ...]  # 公开层级
    columns: tuple[str, ...]  # codes of the columns that publish it
    line: int

    @property
    def working_days(self) -> int | None:
        """N of "…之日起N个工作日内"; None for any other wording."""
        found = WORKING_DAYS.search(self.deadline)
        return int(found.group(1)) if found else None

    @property
    def promptly(self) -> bool:
        """实时公开 / 及时公开: judged as a column updated 实时 is (GK202)."""
        return self.working_days is None and PROMPTLY.search(self.deadline) is not None


@dataclass(frozen=True)
class StandardDomain:
    key: str  # the file name without .yaml; also the page's URL segment
    source_path: str
    src_uri: str
    name: str  # 领域
    items: tuple[StandardItem, ...]


def read_standard_catalog(
    root: Path,
    docs_dir: Path,
    domains: tuple[str, ...] | None,
    column_codes: set[str],
    display: Callable[[Path], str],
    problems: ProblemList,
) -> list[StandardDomain]:
    """Every domain file under `root`, in the order of the domain list. `domains`: the organ's 标准目录
    column's list (None: the organ has no such column, and any file is an error); `column_codes`: the codes
    an item may name (the organ's columns that list documents)."""
    if not root.is_dir():
        return []
    found = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")):
        if path.suffix != ".yaml" or path.parent != root:
            problems.add(
                display(path), None, "", f"'{path.relative_to(root).as_posix()}' 不是标准目录的一个领域",
                f"{display(root)}/ 下只放标准目录：每个领域一个 .yaml 文件，如 ywjy.yaml",
            )  # fmt: skip
            continue
        domain = _read_domain(path, docs_dir, domains or (), column_codes, display(path), problems)
        if domain is not None:
            found.append(domain)
    if found and domains is None:
        problems.add(
            found[-1].source_path, None, "", "有标准目录，但没有发布它的栏目",
            "在 catalog.yaml 中加一个类型为「标准目录」的栏目",
        )  # fmt: skip
    _check_one_file_a_domain(found, problems)
    order = {name: n for n, name in enumerate(domains or ())}
    return sorted(found, key=lambda d: (order.get(d.name, len(order)), d.key))


def _read_domain(
    path: Path,
    docs_dir: Path,
    domains: tuple[str, ...],
    column_codes: set[str],
    display_path: str,
    problems: ProblemList,
) -> StandardDomain | None:
    reader = read_yaml_file(path, display_path, problems, "领域、事项")
    if reader is None:
        return None
    errors_before = len(problems.errors)
    reader.check_keys(DOMAIN_KEYS, DOMAIN_KEYS)
    if not STEM_PATTERN.match(path.stem):
        expected = "小写字母或数字开头的文件名（用作网址），如 ywjy.yaml"
        problems.add(display_path, None, "", f"文件名 '{path.name}'", expected)
    name = reader.choice("领域", domains) if domains else reader.text("领域")
    vocabulary = load_vocabulary()
    items: list[StandardItem] = []
    seen: dict[tuple[str, str], int] = {}
    for entry in reader.mapping_list("事项"):
        item = _read_item(entry, len(items) + 1, vocabulary, column_codes)
        if item is None:
            continue
        pair = (item.first_level, item.second_level)
        if pair in seen:
            found = f"「{item.first_level}／{item.second_level}」与第 {seen[pair]} 行的事项重复"
            entry.problem("二级事项", found, "每个一级事项下的二级事项各不相同")
            continue
        seen[pair] = item.line
        items.append(item)
    if reader.raw("事项") == []:
        reader.problem("事项", "没有任何事项", "至少一个事项")
    if len(problems.errors) > errors_before or name is None:
        return None
    return StandardDomain(path.stem, display_path, path.relative_to(docs_dir).as_posix(), name, tuple(items))


def _read_item(entry: FieldReader, number: int, vocabulary: Vocabulary, column_codes: set[str]) -> StandardItem | None:
    errors_before = len(entry.problems.errors)
    entry.check_keys(ITEM_KEYS, ITEM_REQUIRED)
    texts = {key: entry.text(key) for key in ("一级事项", "二级事项", "公开依据", "公开时限", "公开主体")}
    contents = entry.text_list("公开内容")
    if "公开内容" in entry.data and not contents:
        entry.problem("公开内容", "空的公开内容", "公开的要素，如 [招生政策, 招生范围, 招生计划]")
    channels = entry.text_list("公开渠道")
    for channel in channels:
        if channel not in vocabulary.channels:
            entry.problem(
                "公开渠道", f"'{channel}' 不是标准目录的公开渠道", "以下之一：" + "、".join(vocabulary.channels)
            )
    if "公开渠道" in entry.data and not channels:
        entry.problem("公开渠道", "没有勾选任何公开渠道", "至少一个：" + "、".join(vocabulary.channels))
    audience = entry.choice("公开对象", vocabulary.audiences)
    manner = entry.choice("公开方式", vocabulary.manners)
    levels = entry.text_list("公开层级")
    for level in levels:
        if level not in vocabulary.levels:
            entry.problem("公开层级", f"'{level}' 不在可选值中", "以下之一或两者：" + "、".join(vocabulary.levels))
    columns = entry.text_list("栏目")
    for code in columns:
        if code not in column_codes:
            listing = "、".join(sorted(column_codes))
            entry.problem("栏目", f"栏目代码 '{code}' 不是本单位列出文件的栏目", f"以下栏目代码之一：{listing}")
    if len(entry.problems.errors) > errors_before or None in texts.values() or audience is None or manner is None:
        return None
    return StandardItem(
        number=number, first_level=str(texts["一级事项"]), second_level=str(texts["二级事项"]),
        contents=tuple(contents), basis=str(texts["公开依据"]), deadline=str(texts["公开时限"]),
        body=str(texts["公开主体"]), channels=frozenset(channels), audience=audience, manner=manner,
        levels=tuple(levels), columns=tuple(columns), line=entry.data.line,
    )  # fmt: skip


def _check_one_file_a_domain(domains: list[StandardDomain], problems: ProblemList) -> None:
    first: dict[str, StandardDomain] = {}
    for domain in domains:
        other = first.setdefault(domain.name, domain)
        if other is not domain:
            problems.add(
                domain.source_path,
                1,
                "领域",
                f"领域「{domain.name}」已有一个文件：{other.source_path}",
                "每个领域一个文件",
            )
