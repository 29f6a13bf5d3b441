"""catalog.yaml of a platform (集约化): one site for a government and its departments and towns.

Each 公开单位 (organ) publishes its own column, as a one-organ site does, under the portal's path
(`zwgk/<代码>/`), with its documents, pages and 清理 records in its own folder (`content/zwgk/<代码>/`).
Organs of one 类型 share a column template (40 towns are not 40 copies of a tree); an organ may remove
template columns (删除栏目), add its own (增加栏目, each under its 上级栏目 or at the top), or give its whole
tree (栏目). 公开指南 and 索引号规则 given at the top are every organ's unless the organ gives its own; an
organ's 公开指南 replaces the top one key by key.

A catalog without 公开单位 is a one-organ site (gongkai.model.catalog) and reads as a platform of one organ
without a portal, so that everything above the model treats both alike.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from .catalog import (
    DEFAULT_PAGE_TYPE,
    SLUG_PATTERN,
    Catalog,
    CheckSettings,
    Column,
    OrganKind,
    check_unique_kinds,
    read_catalog_data,
    read_check_settings,
    read_column_tree,
    read_columns,
    read_guide,
    read_index_rule,
    read_organ,
    read_organ_catalog,
    read_policy,
    read_taxonomy,
)
from .fields import FieldReader, describe
from .problems import InvalidInput, ProblemList
from .taxonomy import Taxonomy
from .validity import Policy
from .website import read_website
from .yamlsource import Mapping, merged

PLATFORM_KEYS = ["平台", "网站", "索引号规则", "公开指南", "栏目模板", "公开单位", "主题分类补充", "文件效力", "检查"]
PORTAL_KEYS = ["名称", "路径", "说明", "每页条数", "栏目类型"]
# What a 公开单位 entry holds beside the 机关 fields.
ENTRY_KEYS = ["代码", "索引号规则", "公开指南", "栏目", "删除栏目", "增加栏目"]
PARENT_KEY = "上级栏目"  # of a column an organ adds: the code it goes under; none: the top
# The platform-wide 公开目录, beside the organs' folders: no organ may take its path.
PLATFORM_DIRECTORY_SLUG = "gkml"
RESERVED_ORGAN_KEYS = (PLATFORM_DIRECTORY_SLUG,)


@dataclass(frozen=True)
class Portal:
    """The 政府信息公开 entry of a platform: its path, and the organs' columns below it."""

    name: str
    slug: str
    description: str
    page_size: int
    page_type: str = DEFAULT_PAGE_TYPE

    @property
    def directory_slug(self) -> str:
        return PLATFORM_DIRECTORY_SLUG


@dataclass(frozen=True)
class PlatformCatalog:
    organs: list[Catalog]  # in the order of 公开单位; one, on a one-organ site
    portal: Portal | None  # None: a one-organ site, whose column is the organ's own
    source_path: str = "catalog.yaml"

    @property
    def is_platform(self) -> bool:
        return self.portal is not None

    @property
    def first(self) -> Catalog:
        """The site's settings every organ shares (网站, 检查, 文件效力, 主题分类) are read from it."""
        return self.organs[0]

    def organ(self, key: str) -> Catalog | None:
        return next((c for c in self.organs if c.organ_key == key), None)

    def organ_folder(self, catalog: Catalog) -> str:
        """Where an organ's documents, pages and 清理 records live under the docs dir: '' on a one-organ site."""
        return f"{catalog.root_slug}/" if self.is_platform else ""


def load_platform_catalog(path: Path, display_path: str, docs_dir: Path, check_pages: bool = True) -> PlatformCatalog:
    """Load and validate catalog.yaml, a platform's or one organ's; raise InvalidInput listing every problem.

    Without `check_pages` an organ's 页面 need not be there: assembling a platform needs no organ's sources."""
    data = read_catalog_data(path, display_path)
    problems = ProblemList()
    top = FieldReader(data, display_path, problems)
    if "公开单位" not in data:
        catalog = read_organ_catalog(top, docs_dir)
        if problems.errors or catalog is None:
            raise InvalidInput(problems.errors)
        return PlatformCatalog([catalog], None, display_path)
    platform = _read_platform(top, docs_dir if check_pages else None)
    if problems.errors or platform is None:
        # A fault of the shared parts is met once for each organ: report it once.
        raise InvalidInput(dict.fromkeys(problems.errors))
    return platform


def _read_platform(top: FieldReader, docs_dir: Path | None) -> PlatformCatalog | None:
    top.check_keys(PLATFORM_KEYS, ["平台", "公开单位"])
    taxonomy = read_taxonomy(top)
    portal = _read_portal(top.mapping("平台"))
    templates = _read_templates(top.mapping("栏目模板"), taxonomy)
    shared = _Shared(
        taxonomy=taxonomy,
        templates=templates,
        guide=top.data.get("公开指南") if isinstance(top.data.get("公开指南"), Mapping) else None,
        index_rule=top.text("索引号规则"),
        policy=read_policy(top.mapping("文件效力")),
        checks=read_check_settings(top.mapping("检查")),
        portal=portal,
        docs_dir=docs_dir,
    )
    if "公开指南" in top.data and shared.guide is None:
        top.problem("公开指南", describe(top.data["公开指南"]), "一个映射：各公开单位共用的指南文字")
    entries = top.mapping_list("公开单位")
    if not entries and "公开单位" in top.data:
        top.problem("公开单位", "没有公开单位", "至少一个公开单位")
    organs = [catalog for entry in entries if (catalog := _read_entry(entry, shared)) is not None]
    if portal is None or len(organs) != len(entries):
        return None
    _check_unique_organs(entries, organs, top.problems)
    website = read_website(top.mapping("网站"), _main_website(organs))
    organs = [dataclasses.replace(c, website=website) for c in organs]
    return PlatformCatalog(organs, portal, top.path)


@dataclass(frozen=True)
class _Shared:
    """What every organ of the platform takes from the top of catalog.yaml."""

    taxonomy: Taxonomy
    templates: dict[OrganKind, list[Column]]
    guide: Mapping | None
    index_rule: str | None
    policy: Policy
    checks: CheckSettings
    portal: Portal | None
    docs_dir: Path | None  # None: an organ's pages are not looked for


def _read_portal(reader: FieldReader | None) -> Portal | None:
    if reader is None:
        return None
    reader.check_keys(PORTAL_KEYS, [])
    slug = reader.text("路径") or "zwgk"
    if not SLUG_PATTERN.match(slug):
        reader.problem("路径", describe(slug), "小写字母开头的字母、数字或连字符，如 zwgk")
        return None
    return Portal(
        name=reader.text("名称") or "政府信息公开",
        slug=slug,
        description=reader.text("说明") or "",
        page_size=reader.integer("每页条数", 20),
        page_type=reader.text("栏目类型") or DEFAULT_PAGE_TYPE,
    )


def _read_templates(reader: FieldReader | None, taxonomy: Taxonomy) -> dict[OrganKind, list[Column]]:
    """栏目模板: a column tree for each 类型 of organ. Its 页面 are each organ's own, under its folder."""
    if reader is None:
        return {}
    kinds = [k.value for k in OrganKind]
    reader.check_keys(kinds, [])
    templates = {}
    for kind in (k for k in OrganKind if k.value in reader.data):
        columns = read_columns(reader, kind.value, None, taxonomy, None, seen={})
        check_unique_kinds(reader, columns, kind.value)
        templates[kind] = columns
    return templates


def _read_entry(entry: FieldReader, shared: _Shared) -> Catalog | None:
    """One 公开单位: its 机关 fields, and its column: the template of its 类型 with its own changes."""
    kind_text = entry.choice("类型", [k.value for k in OrganKind])
    if "类型" not in entry.data:
        entry.problem("类型", "缺少「类型」", "以下之一：" + "、".join(k.value for k in OrganKind))
    kind = OrganKind(kind_text) if kind_text else None
    organ = read_organ(entry, ENTRY_KEYS, kind or OrganKind.OTHER)
    key = entry.text("代码")
    if "代码" not in entry.data:
        entry.problem("代码", "缺少「代码」", "小写字母开头的字母、数字或连字符（网址的一段），如 jyj")
    elif key is not None and (not SLUG_PATTERN.match(key) or key in RESERVED_ORGAN_KEYS):
        reserved = "（平台的公开目录已使用）" if key in RESERVED_ORGAN_KEYS else ""
        entry.problem("代码", f"{describe(key)}{reserved}", "小写字母开头的字母、数字或连字符（网址的一段），如 jyj")
        key = None
    guide = read_guide(_guide_reader(entry, shared, organ.office.name if organ else None))
    index_rule, index_pattern = read_index_rule(entry, organ, shared.index_rule)
    if not index_rule:
        entry.problem("索引号规则", "公开单位和平台都没有索引号规则", "在平台或公开单位写 索引号规则")
    if kind is None or key is None or organ is None or guide is None or index_pattern is None or shared.portal is None:
        return None
    folder = f"{shared.portal.slug}/{key}"
    columns = _organ_columns(entry, kind, shared, folder)
    if columns is None:
        return None
    return Catalog(
        organ=organ,
        guide=guide,
        index_pattern=index_pattern,
        index_rule=index_rule,
        root_name=organ.name,
        root_slug=folder,
        root_description=f"{organ.name}依照《中华人民共和国政府信息公开条例》公开的政府信息。",
        page_size=shared.portal.page_size,
        columns=columns,
        taxonomy=shared.taxonomy,
        validity_policy=shared.policy,
        checks=shared.checks,
        root_page_type=shared.portal.page_type,
        source_path=entry.path,
        organ_key=key,
    )


def _guide_reader(entry: FieldReader, shared: _Shared, office_name: str | None) -> FieldReader | None:
    """The platform's 公开指南 with the organ's laid over it; 受理机构 is, unless given, the organ's office."""
    own = entry.data.get("公开指南")
    if own is not None and not isinstance(own, Mapping):
        entry.problem("公开指南", describe(own), "一个映射：本单位与平台不同的指南文字")
        own = None
    if shared.guide is None and own is None:
        entry.problem("公开指南", "公开单位和平台都没有公开指南", "在平台或公开单位写 公开指南")
        return None
    texts = merged(shared.guide, own) if shared.guide is not None and own is not None else (own or shared.guide)
    assert texts is not None
    request = texts.get("依申请公开")
    if office_name and isinstance(request, Mapping) and "受理机构" not in request:
        texts = merged(texts, _mapping({"依申请公开": _mapping({"受理机构": office_name}, request.line)}, texts.line))
    # Only the platform's texts: a fault is theirs, named once whichever organs meet it.
    prefix = f"{entry.prefix}公开指南." if own is not None else "公开指南."
    return FieldReader(texts, entry.path, entry.problems, prefix)


def _mapping(values: dict[str, object], line: int) -> Mapping:
    result = Mapping(values)
    result.line, result.key_lines, result.duplicate_keys = line, {}, []
    return result


def _organ_columns(entry: FieldReader, kind: OrganKind, shared: _Shared, folder: str) -> list[Column] | None:
    """The organ's tree: its own 栏目, else its type's template less 删除栏目 plus 增加栏目."""
    docs_dir = shared.docs_dir
    if "栏目" in entry.data:
        columns = read_columns(entry, "栏目", None, shared.taxonomy, None, seen={})
    elif kind in shared.templates:
        columns = [_clone(c, None) for c in shared.templates[kind]]
    else:
        found = f"类型「{kind.value}」没有栏目模板，本单位也没有「栏目」"
        entry.problem("类型", found, "在 栏目模板 中加这一类型，或写本单位的 栏目")
        return None
    columns = _without(entry, columns)
    columns = _with_additions(entry, columns, shared)
    check_unique_kinds(entry, columns, "增加栏目" if "增加栏目" in entry.data else "类型")
    ok = True
    for column in (c for top in columns for c in top.walk()):
        if column.page_source is not None:
            column.page_source = f"{folder}/{column.page_source}"
            if docs_dir is not None and not (docs_dir / column.page_source).is_file():
                entry.problems.add(
                    entry.path, column.line, f"{entry.prefix}栏目 {column.code}.页面",
                    f"文件 {docs_dir.name}/{column.page_source} 不存在",
                    f"本单位文件夹 {docs_dir.name}/{folder}/ 下的这个页面",
                )  # fmt: skip
                ok = False
    return columns if ok else None


def _clone(column: Column, parent: Column | None) -> Column:
    """An organ's own copy of a template column: its tree links are its own, and so is its page's path."""
    copy = dataclasses.replace(column, parent=parent, children=[])
    copy.children = [_clone(child, copy) for child in column.children]
    return copy


def _without(entry: FieldReader, columns: list[Column]) -> list[Column]:
    codes = entry.text_list("删除栏目")
    present = {c.code for top in columns for c in top.walk()}
    for code in codes:
        if code not in present:
            found = f"栏目代码 '{code}' 不在本单位的栏目中"
            entry.problem("删除栏目", found, "以下栏目代码之一：" + "、".join(sorted(present)))
    removed = set(codes)

    def keep(items: list[Column]) -> list[Column]:
        kept = [c for c in items if c.code not in removed]
        for column in kept:
            column.children = keep(column.children)
        return kept

    return keep(columns)


def _with_additions(entry: FieldReader, columns: list[Column], shared: _Shared) -> list[Column]:
    """增加栏目: each goes under its 上级栏目 (a code of the tree), else at the top, after the others."""
    seen = {c.code: c.line for top in columns for c in top.walk()}
    for item in entry.mapping_list("增加栏目"):
        by_code = {c.code: c for top in columns for c in top.walk()}
        parent_code = item.text(PARENT_KEY)
        parent = by_code.get(parent_code) if parent_code else None
        if parent_code and parent is None:
            found = f"栏目代码 '{parent_code}' 不在本单位的栏目中"
            item.problem(PARENT_KEY, found, "以下栏目代码之一：" + "、".join(sorted(by_code)))
            continue
        siblings = parent.children if parent is not None else columns
        slugs = {c.slug for c in siblings}
        column = read_column_tree(item, parent, shared.taxonomy, None, seen, slugs, [PARENT_KEY])
        if column is not None:
            siblings.append(column)
    return columns


def _check_unique_organs(entries: list[FieldReader], organs: list[Catalog], problems: ProblemList) -> None:
    """代码 names an organ's folder and address, 机构代码 opens its 索引号: neither may be another's."""
    seen_keys: dict[str, int] = {}
    seen_codes: dict[str, int] = {}
    for entry, catalog in zip(entries, organs, strict=True):
        key, code = catalog.organ_key or "", catalog.organ.code
        if key in seen_keys:
            found = f"公开单位代码 '{key}' 重复（第 {seen_keys[key]} 行已使用）"
            entry.problem("代码", found, "每个公开单位一个唯一代码")
        if code in seen_codes:
            found = f"机构代码 '{code}' 重复（第 {seen_codes[code]} 行已使用）"
            entry.problem("机构代码", found, "每个公开单位自己的机构代码")
        seen_keys.setdefault(key, entry.line("代码"))
        seen_codes.setdefault(code, entry.line("机构代码"))


def _main_website(organs: list[Catalog]) -> str | None:
    """The address the platform's domain defaults to: its government's website, else its first organ's."""
    governments = [c for c in organs if c.organ.kind is OrganKind.GOVERNMENT]
    return (governments or organs)[0].organ.website if organs else None
