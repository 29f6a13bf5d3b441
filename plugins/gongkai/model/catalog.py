"""catalog.yaml: the organ, the 公开指南 texts and the column tree."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from .digits import digits_of
from .fields import FieldReader, describe, parse_date
from .problems import InvalidInput, Problem, ProblemList
from .rules import RULES, RULES_BY_CODE, RULES_BY_NAME, Level
from .standard_catalog import load_vocabulary
from .taxonomy import Taxonomy, load_taxonomy
from .validity import Policy
from .website import Website, read_website
from .yamlsource import Mapping, YamlError, load_yaml

SLUG_PATTERN = re.compile(r"^[a-z][a-z0-9_-]*$")
# The ColumnType of government page metadata: the words are a site's (no national list is confirmed).
DEFAULT_PAGE_TYPE = "政府信息公开"


class OrganKind(StrEnum):
    """The kinds of 公开单位 a platform hosts: each kind shares a column template and an annual-report deadline."""

    GOVERNMENT = "人民政府"
    DEPARTMENT = "政府部门"
    TOWN = "乡镇街道"
    OTHER = "其他"


class ColumnKind(StrEnum):
    DOCUMENT_LIST = "文件列表"
    SINGLE_PAGE = "单页"
    GUIDE = "公开指南"
    DIRECTORY = "公开目录"
    LIBRARY = "文件库"  # 规章库 or 行政规范性文件库: documents with their validity
    CLEANUPS = "清理结果"  # the 清理 records, one page each
    CONSULTATIONS = "意见征集"  # 重大决策预公开: documents with a comment period (gongkai.model.consultation)
    GAZETTE = "政府公报"  # the gazette's issues, one page each (gongkai.model.gazette)
    STANDARD_CATALOG = "标准目录"  # 基层政务公开事项标准目录, a page per domain (gongkai.model.standard_catalog)


@dataclass(frozen=True)
class GazetteRules:
    """A 政府公报 column's settings (catalog.yaml 刊名, 目录栏目, 刊登时限)."""

    title: str  # 刊名: 示例县人民政府公报
    sections: tuple[str, ...]  # the sections an issue's 目录 may have, in the site's words
    # Working days from a 规范性文件's (or 规章's) 发布日期 within which an issue carries it. Seed 000 says
    # "在xx个工作日内报送": the number is local [unconfirmed].
    working_days: int = 20


DEFAULT_GAZETTE_SECTIONS = ("政府规章", "政府文件", "政府办公室文件", "部门文件", "人事任免", "其他")


@dataclass(frozen=True)
class ConsultationRules:
    """What a 意见征集 column asks of its consultations (catalog.yaml 最短征集天数, 反馈期限天数)."""

    # 国务院令第713号 第十四条: a period "generally not less than 30 days"; a shorter one gives its reason.
    min_days: int = 30
    # Days after the end by which the 意见采纳情况 is published: local rules differ [unconfirmed].
    feedback_days: int = 30


@dataclass(frozen=True)
class Office:
    """The body handling disclosure (Art. 12 lists each of these)."""

    name: str
    address: str
    postcode: str | None
    hours: str
    phone: str
    fax: str
    email: str


@dataclass(frozen=True)
class Organ:
    name: str
    code: str
    address: str
    postcode: str | None
    hours: str
    phone: str
    fax: str | None
    website: str
    head: str | None
    office: Office
    kind: OrganKind = OrganKind.DEPARTMENT


@dataclass(frozen=True)
class GuideTexts:
    """The prose of the 政府信息公开指南 that is not contact data."""

    preface: str | None
    proactive_scope: str
    proactive_channels: str
    proactive_deadline: str
    request_office: str
    request_how: str
    request_procedure: str
    request_fees: str | None
    remedies: str


@dataclass(eq=False)
class Column:
    code: str
    slug: str
    name: str
    basis: str
    description: str
    frequency: str
    unit: str
    kind: ColumnKind
    page_source: str | None
    prominent: bool
    category: str | None = None  # 文件库 only: 规章 or 行政规范性文件
    # 三同步: documents filed here and published on or after this day each need a 政策解读; None: none do.
    interpretations_from: dt.date | None = None
    page_type: str | None = None  # 栏目类型: the ColumnType of its pages; None: its parent's
    consultation_rules: ConsultationRules | None = None  # 意见征集 columns only
    gazette_rules: GazetteRules | None = None  # 政府公报 columns only
    standard_domains: tuple[str, ...] | None = None  # 标准目录 columns only: the domains its files may have
    line: int = field(default=0, repr=False, compare=False)  # of its 代码 in catalog.yaml
    # Left out of repr, which build-cache keys use: the catalog is in every key as it is.
    parent: Column | None = field(default=None, repr=False)
    children: list[Column] = field(default_factory=list, repr=False)

    @property
    def ancestors(self) -> list[Column]:
        """From the top-level column down to the parent."""
        chain = []
        node = self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain[::-1]

    @property
    def slug_path(self) -> str:
        return "/".join([*(c.slug for c in self.ancestors), self.slug])

    def walk(self) -> Iterator[Column]:
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def names(self) -> list[str]:
        """The names from the top-level column down to this one."""
        return [c.name for c in (*self.ancestors, self)]

    def type_or(self, default: str) -> str:
        """栏目类型, inherited from the nearest column that gives it."""
        for column in (self, *reversed(self.ancestors)):
            if column.page_type:
                return column.page_type
        return default


@dataclass(frozen=True)
class PublicNumber:
    """A number that looks personal but is published on purpose (an office hotline), with who approved it."""

    number: str
    reason: str
    line: int

    @property
    def digits(self) -> str:
        return digits_of(self.number)


@dataclass(frozen=True)
class CheckSettings:
    """catalog.yaml 检查: each rule's level where the organ changed it, and the reviewed public numbers."""

    levels: dict[str, Level] = field(default_factory=dict)  # rule code -> level
    public_numbers: tuple[PublicNumber, ...] = ()

    def level(self, code: str) -> Level:
        return self.levels.get(code, RULES_BY_CODE[code].level)

    def is_public_number(self, text: str) -> bool:
        return digits_of(text) in self._public_digits

    @cached_property
    def _public_digits(self) -> set[str]:
        return {n.digits for n in self.public_numbers}


@dataclass
class Catalog:
    organ: Organ
    guide: GuideTexts
    index_pattern: re.Pattern[str]
    index_rule: str
    root_name: str
    root_slug: str
    root_description: str
    page_size: int
    columns: list[Column]
    taxonomy: Taxonomy
    validity_policy: Policy = field(default_factory=Policy)
    checks: CheckSettings = field(default_factory=CheckSettings)
    website: Website = field(default_factory=Website)
    root_page_type: str = DEFAULT_PAGE_TYPE  # 专栏.栏目类型
    source_path: str = "catalog.yaml"
    # On a platform of many organs (gongkai.model.platform): this organ's 代码, the URL segment of its
    # column under the portal's. None on the site of one organ.
    organ_key: str | None = None

    @property
    def where(self) -> str:
        """How a finding names a column's place: the organ's on a platform, nothing on a one-organ site."""
        return f"公开单位 {self.organ_key} " if self.organ_key else ""

    def walk(self) -> Iterator[Column]:
        for column in self.columns:
            yield from column.walk()

    @cached_property
    def _by_code(self) -> dict[str, Column]:
        return {c.code: c for c in self.walk()}

    def column(self, code: str) -> Column | None:
        return self._by_code.get(code)

    def columns_of_kind(self, kind: ColumnKind) -> list[Column]:
        return [c for c in self.walk() if c.kind is kind]


ORGAN_KEYS = [
    "名称", "类型", "机构代码", "地址", "邮政编码", "办公时间", "电话", "传真", "网站", "负责人", "信息公开工作机构",
]  # fmt: skip
OFFICE_KEYS = ["名称", "地址", "邮政编码", "办公时间", "电话", "传真", "电子邮箱"]
COLUMN_KEYS = [
    "代码", "路径", "名称", "依据", "说明", "更新频率", "责任单位", "类型", "页面", "突出显示", "文件类别", "需要解读",
    "栏目类型", "最短征集天数", "反馈期限天数", "刊名", "目录栏目", "刊登时限", "领域", "子栏目",
]  # fmt: skip
CONSULTATION_RULE_KEYS = ["最短征集天数", "反馈期限天数"]
GAZETTE_RULE_KEYS = ["刊名", "目录栏目", "刊登时限"]
# The kinds a 文件库 holds: the annual report counts 规章 and 行政规范性文件; 法律法规 (a 法律法规库 of
# laws, regulations and judicial interpretations kept for reference) have no term of validity of ours.
CATEGORIES = ["行政规范性文件", "规章", "法律法规"]
VALIDITY_KEYS = ["有效期年限", "试行暂行年限", "到期提醒月数"]
COLUMN_REQUIRED = ["代码", "名称", "依据", "说明", "更新频率", "责任单位", "类型"]
TOP_KEYS = ["机关", "网站", "索引号规则", "公开指南", "专栏", "主题分类补充", "文件效力", "检查"]


def load_catalog(path: Path, display_path: str, docs_dir: Path) -> Catalog:
    """Load and validate the catalog.yaml of one organ; raise InvalidInput listing every problem."""
    problems = ProblemList()
    data = read_catalog_data(path, display_path)
    catalog = read_organ_catalog(FieldReader(data, display_path, problems), docs_dir)
    if problems.errors or catalog is None:
        raise InvalidInput(problems.errors)
    return catalog


def read_catalog_data(path: Path, display_path: str) -> Mapping:
    """The top mapping of catalog.yaml; InvalidInput when it is missing, no YAML or no mapping."""
    try:
        data = load_yaml(path.read_text("utf-8"))
    except FileNotFoundError:
        raise InvalidInput(
            [Problem(display_path, None, "", "文件不存在", "一个描述机关和栏目的 catalog.yaml")]
        ) from None
    except YamlError as e:
        raise InvalidInput([Problem(display_path, e.line, "", f"YAML 语法错误：{e.message}", "合法的 YAML")]) from e
    if not isinstance(data, Mapping):
        raise InvalidInput([Problem(display_path, 1, "", describe(data), "一个映射")])
    return data


def _required_texts(reader: FieldReader, keys: list[str]) -> dict[str, str] | None:
    """The texts of required keys, or None when one is missing (already reported)."""
    values = {key: reader.text(key) for key in keys}
    present = {key: value for key, value in values.items() if value is not None}
    return present if len(present) == len(keys) else None


def read_organ_catalog(top: FieldReader, docs_dir: Path) -> Catalog | None:
    top.check_keys(TOP_KEYS, ["机关", "索引号规则", "公开指南", "专栏"])
    taxonomy = read_taxonomy(top)
    organ = read_organ(top.mapping("机关"))
    guide = read_guide(top.mapping("公开指南"))
    index_rule, index_pattern = read_index_rule(top, organ)
    root = top.mapping("专栏")
    if root is None:
        return None
    root.check_keys(["名称", "路径", "说明", "每页条数", "栏目类型", "栏目"], ["名称", "路径", "栏目"])
    root_slug = root.text("路径") or "zwgk"
    if not SLUG_PATTERN.match(root_slug):
        root.problem("路径", describe(root_slug), "小写字母开头的字母、数字或连字符，如 zwgk")
    columns = read_columns(root, "栏目", None, taxonomy, docs_dir, seen={})
    check_unique_kinds(root, columns)
    policy = read_policy(top.mapping("文件效力"))
    checks = read_check_settings(top.mapping("检查"))
    website = read_website(top.mapping("网站"), organ.website if organ else None)
    if organ is None or guide is None or index_pattern is None:
        return None
    return Catalog(
        organ=organ,
        guide=guide,
        index_pattern=index_pattern,
        index_rule=index_rule,
        root_name=root.text("名称") or "政府信息公开",
        root_slug=root_slug,
        root_description=root.text("说明") or "",
        page_size=root.integer("每页条数", 20),
        columns=columns,
        taxonomy=taxonomy,
        validity_policy=policy,
        checks=checks,
        website=website,
        root_page_type=root.text("栏目类型") or DEFAULT_PAGE_TYPE,
        source_path=top.path,
    )


def read_taxonomy(top: FieldReader) -> Taxonomy:
    """The national taxonomy with the site's 主题分类补充."""
    taxonomy = load_taxonomy()
    extra = top.raw("主题分类补充")
    if isinstance(extra, dict):
        taxonomy = taxonomy.with_extra_subjects({str(k): [str(v) for v in (vals or [])] for k, vals in extra.items()})
    return taxonomy


def read_check_settings(reader: FieldReader | None) -> CheckSettings:
    if reader is None:
        return CheckSettings()
    reader.check_keys(["级别", "公开号码"], [])
    levels: dict[str, Level] = {}
    level_reader = reader.mapping("级别")
    if level_reader is not None:
        names = "、".join(f"{r.code}（{r.title}）" for r in RULES if not r.fixed)
        for name in level_reader.data:
            rule = RULES_BY_NAME.get(str(name))
            if rule is None:
                level_reader.problem(name, f"没有名为「{name}」的检查规则", f"以下规则代码或名称之一：{names}")
            elif rule.fixed:
                level_reader.problem(name, f"「{rule.title}」的级别不能调整", "不列出这条规则")
            elif (value := level_reader.choice(name, [level.value for level in Level])) is not None:
                levels[rule.code] = Level(value)
    numbers = []
    for item in reader.mapping_list("公开号码"):
        # Each exception is reviewed: who decided that the number may be published, and why.
        item.check_keys(["号码", "理由"], ["号码", "理由"])
        number, reason = item.text("号码"), item.text("理由")
        if number is not None and reason is not None:
            numbers.append(PublicNumber(number, reason, item.line("号码")))
    return CheckSettings(levels, tuple(numbers))


def read_policy(reader: FieldReader | None) -> Policy:
    """Default validity periods: local rules (e.g. 5 years, 试行/暂行 2 years), so they are configured here."""
    default = Policy()
    if reader is None:
        return default
    reader.check_keys(VALIDITY_KEYS, [])
    years = dict(default.years_by_category)
    by_category = reader.mapping("有效期年限")
    if by_category is not None:
        by_category.check_keys(CATEGORIES, [])
        years = {c: by_category.integer(c, 0) for c in CATEGORIES if c in by_category.data}
    return Policy(
        years_by_category=years,
        provisional_years=reader.integer("试行暂行年限", default.provisional_years),
        reminder_months=reader.integer("到期提醒月数", default.reminder_months),
    )


def read_organ(
    reader: FieldReader | None, other_keys: Iterable[str] = (), kind: OrganKind | None = None
) -> Organ | None:
    """机关 (or a platform's 公开单位, whose entry has `other_keys` too and whose `kind` is read already).

    Without a 类型, an organ whose name ends in 人民政府 is a government, any other a department."""
    if reader is None:
        return None
    required = ["名称", "机构代码", "地址", "办公时间", "电话", "网站", "信息公开工作机构"]
    reader.check_keys([*ORGAN_KEYS, *other_keys], required)
    if kind is None and "类型" in reader.data:
        kind_text = reader.choice("类型", [k.value for k in OrganKind])
        kind = OrganKind(kind_text) if kind_text else None
    office_reader = reader.mapping("信息公开工作机构")
    office = None
    if office_reader is not None:
        # Art. 12: the guide must give each of these; a missing one stops the build.
        office_reader.check_keys(OFFICE_KEYS, ["名称", "地址", "办公时间", "电话", "传真", "电子邮箱"])
        values = _required_texts(office_reader, ["名称", "地址", "办公时间", "电话", "传真", "电子邮箱"])
        if values:
            office = Office(
                name=values["名称"], address=values["地址"], postcode=office_reader.text("邮政编码"),
                hours=values["办公时间"], phone=values["电话"], fax=values["传真"], email=values["电子邮箱"],
            )  # fmt: skip
    values = _required_texts(reader, ["名称", "机构代码", "地址", "办公时间", "电话", "网站"])
    if not values or office is None:
        return None
    if kind is None:
        kind = OrganKind.GOVERNMENT if values["名称"].endswith("人民政府") else OrganKind.DEPARTMENT
    return Organ(
        name=values["名称"], code=values["机构代码"], address=values["地址"], postcode=reader.text("邮政编码"),
        hours=values["办公时间"], phone=values["电话"], fax=reader.text("传真"), website=values["网站"],
        head=reader.text("负责人"), office=office, kind=kind,
    )  # fmt: skip


def read_guide(reader: FieldReader | None) -> GuideTexts | None:
    if reader is None:
        return None
    reader.check_keys(["编制说明", "主动公开", "依申请公开", "监督和救济"], ["主动公开", "依申请公开", "监督和救济"])
    proactive = reader.mapping("主动公开")
    request = reader.mapping("依申请公开")
    p = r = None
    if proactive is not None:
        proactive.check_keys(["公开范围", "公开方式", "公开时限"], ["公开范围", "公开方式", "公开时限"])
        p = _required_texts(proactive, ["公开范围", "公开方式", "公开时限"])
    if request is not None:
        keys = ["受理机构", "申请方式", "处理程序", "收费"]
        request.check_keys(keys, keys[:3])
        r = _required_texts(request, keys[:3])
    remedies = reader.text("监督和救济")
    if p is None or r is None or request is None or remedies is None:
        return None
    return GuideTexts(
        preface=reader.text("编制说明"),
        proactive_scope=p["公开范围"], proactive_channels=p["公开方式"], proactive_deadline=p["公开时限"],
        request_office=r["受理机构"], request_how=r["申请方式"], request_procedure=r["处理程序"],
        request_fees=request.text("收费"), remedies=remedies,
    )  # fmt: skip


def read_index_rule(
    top: FieldReader, organ: Organ | None, default: str | None = None
) -> tuple[str, re.Pattern[str] | None]:
    """索引号规则 as written (else `default`, a platform's) and compiled for the organ's 机构代码."""
    rule = top.text("索引号规则") or default
    if rule is None or organ is None:
        return rule or "", None
    try:
        return rule, re.compile(rule.replace("{机构代码}", re.escape(organ.code)))
    except re.error as e:
        top.problem("索引号规则", f"'{rule}' 不是合法的正则表达式（{e}）", "如 ^{机构代码}/\\d{4}-\\d{5}$")
        return rule, None


def read_columns(
    reader: FieldReader,
    key: str,
    parent: Column | None,
    taxonomy: Taxonomy,
    docs_dir: Path | None,
    seen: dict[str, int],
) -> list[Column]:
    """A list of columns with their sub-columns. Without `docs_dir` (a platform's template, whose pages
    each organ has in its own folder) a 页面 is not looked for here."""
    columns: list[Column] = []
    slugs: set[str] = set()
    for item in reader.mapping_list(key):
        column = read_column_tree(item, parent, taxonomy, docs_dir, seen, slugs)
        if column is not None:
            columns.append(column)
    return columns


def read_column_tree(
    item: FieldReader,
    parent: Column | None,
    taxonomy: Taxonomy,
    docs_dir: Path | None,
    seen: dict[str, int],
    sibling_slugs: set[str],
    other_keys: Iterable[str] = (),
) -> Column | None:
    """One column with its sub-columns; `seen` holds the codes of the tree so far, with their lines."""
    _check_unique(item, seen, sibling_slugs)
    column = _read_column(item, parent, taxonomy, docs_dir, other_keys)
    if column is None:
        return None
    column.children = read_columns(item, "子栏目", column, taxonomy, docs_dir, seen)
    return column


def _check_unique(item: FieldReader, seen: dict[str, int], sibling_slugs: set[str]) -> None:
    """Codes are unique in the whole tree, URL segments among siblings."""
    code, slug = item.raw("代码"), item.raw("路径")
    if isinstance(code, str):
        if code in seen:
            item.problem("代码", f"栏目代码 '{code}' 重复（第 {seen[code]} 行已使用）", "每个栏目一个唯一代码")
        seen.setdefault(code, item.line("代码"))
    segment = slug if isinstance(slug, str) else code
    if isinstance(segment, str):
        if segment in sibling_slugs and isinstance(slug, str):
            item.problem("路径", f"同级栏目路径 '{slug}' 重复", "同一级下各栏目的路径互不相同")
        sibling_slugs.add(segment)


def _read_column(
    item: FieldReader, parent: Column | None, taxonomy: Taxonomy, docs_dir: Path | None, other_keys: Iterable[str]
) -> Column | None:
    item.check_keys([*COLUMN_KEYS, *other_keys], COLUMN_REQUIRED)
    code = item.text("代码")
    if code is not None and not SLUG_PATTERN.match(code):
        item.problem("代码", describe(code), "小写字母开头的字母、数字、下划线或连字符，如 fdzdgknr")
        code = None
    slug = item.text("路径") or code
    if "路径" in item.data and slug is not None and not SLUG_PATTERN.match(slug):
        item.problem("路径", describe(slug), "小写字母开头的字母、数字或连字符（URL 的一段）")
    frequency = item.choice("更新频率", taxonomy.frequencies)
    kind_text = item.choice("类型", [k.value for k in ColumnKind])
    kind = ColumnKind(kind_text) if kind_text else None
    page_source = item.text("页面")
    if kind is ColumnKind.SINGLE_PAGE and page_source is None and "页面" not in item.data:
        item.problem("页面", "单页栏目缺少「页面」", "content/ 下的一个 Markdown 文件，如 pages/jgzn.md")
    if page_source is not None:
        if kind not in (ColumnKind.SINGLE_PAGE, ColumnKind.GUIDE):
            item.problem("页面", f"类型为{kind_text}的栏目不使用「页面」", "仅单页、公开指南栏目填写")
        elif docs_dir is not None and not (docs_dir / page_source).is_file():
            item.problem("页面", f"文件 content/{page_source} 不存在", "content/ 下已有的 Markdown 文件")
    category = item.choice("文件类别", CATEGORIES) if "文件类别" in item.data else None
    if category is not None and kind is not ColumnKind.LIBRARY:
        item.problem("文件类别", f"类型为{kind_text}的栏目不使用「文件类别」", "仅文件库栏目填写")
    if kind is ColumnKind.LIBRARY:
        category = category or CATEGORIES[0]
    if "需要解读" in item.data and kind not in (ColumnKind.DOCUMENT_LIST, ColumnKind.LIBRARY):
        item.problem("需要解读", f"类型为{kind_text}的栏目不列出文件", "仅文件列表、文件库栏目填写")
    names = _required_texts(item, ["名称", "依据", "说明", "责任单位"])
    rules = _consultation_rules(item, kind, kind_text)
    gazette = _gazette_rules(item, kind, kind_text)
    domains = _standard_domains(item, kind, kind_text)
    if code is None or slug is None or kind is None or frequency is None or names is None:
        return None
    return Column(
        code=code, slug=slug, name=names["名称"], basis=names["依据"], description=names["说明"],
        frequency=frequency, unit=names["责任单位"], kind=kind, page_source=page_source,
        prominent=item.boolean("突出显示", False), category=category,
        interpretations_from=_interpretations_from(item), page_type=item.text("栏目类型"),
        consultation_rules=rules, gazette_rules=gazette, standard_domains=domains, line=item.line("代码"),
        parent=parent,
    )  # fmt: skip


def _not_for_this_kind(item: FieldReader, keys: list[str], kind_text: str | None, kind: ColumnKind) -> None:
    for key in (k for k in keys if k in item.data):
        item.problem(key, f"类型为{kind_text}的栏目不使用「{key}」", f"仅{kind.value}栏目填写")


def _standard_domains(item: FieldReader, kind: ColumnKind | None, kind_text: str | None) -> tuple[str, ...] | None:
    """领域: the domains of the catalog; by default the pilot domains (gongkai/data/standard_catalog.yaml)."""
    if kind is not ColumnKind.STANDARD_CATALOG:
        _not_for_this_kind(item, ["领域"], kind_text, ColumnKind.STANDARD_CATALOG)
        return None
    domains = tuple(item.text_list("领域")) or load_vocabulary().domains
    if len(set(domains)) < len(domains):
        item.problem("领域", "有重复的领域名称", "每个领域只写一次")
    return domains


def _gazette_rules(item: FieldReader, kind: ColumnKind | None, kind_text: str | None) -> GazetteRules | None:
    if kind is not ColumnKind.GAZETTE:
        _not_for_this_kind(item, GAZETTE_RULE_KEYS, kind_text, ColumnKind.GAZETTE)
        return None
    sections = tuple(item.text_list("目录栏目")) or DEFAULT_GAZETTE_SECTIONS
    if len(set(sections)) < len(sections):
        item.problem("目录栏目", "有重复的栏目名称", "每个栏目名称只写一次")
    default = GazetteRules("", sections)
    return GazetteRules(
        title=item.text("刊名") or "", sections=sections,
        working_days=item.integer("刊登时限", default.working_days),
    )  # fmt: skip


def _consultation_rules(item: FieldReader, kind: ColumnKind | None, kind_text: str | None) -> ConsultationRules | None:
    if kind is not ColumnKind.CONSULTATIONS:
        _not_for_this_kind(item, CONSULTATION_RULE_KEYS, kind_text, ColumnKind.CONSULTATIONS)
        return None
    default = ConsultationRules()
    return ConsultationRules(
        min_days=item.integer("最短征集天数", default.min_days),
        feedback_days=item.integer("反馈期限天数", default.feedback_days),
    )


def _interpretations_from(item: FieldReader) -> dt.date | None:
    """需要解读: true (every document), or a day (documents published from that day on)."""
    value = item.raw("需要解读")
    if value is None or value is False:
        return None
    if value is True:
        return dt.date.min
    day = parse_date(value)
    if day is None:
        item.problem("需要解读", describe(value), "true、false，或 YYYY-MM-DD（自这一天起发布的文件需要解读）")
    return day


def check_unique_kinds(root: FieldReader, columns: list[Column], key: str = "栏目") -> None:
    everything = [c for top in columns for c in top.walk()]
    for kind in (
        ColumnKind.GUIDE,
        ColumnKind.DIRECTORY,
        ColumnKind.CLEANUPS,
        ColumnKind.GAZETTE,
        ColumnKind.STANDARD_CATALOG,
    ):
        found = [c.code for c in everything if c.kind is kind]
        if len(found) > 1:
            root.problem(
                key, f"有 {len(found)} 个类型为{kind.value}的栏目（{'、'.join(found)}）", f"至多一个{kind.value}栏目"
            )
