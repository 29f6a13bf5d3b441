"""A disclosed document: Markdown with front matter holding the standard metadata."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import cast

import yaml

from .annual_report import ReportData, read_report_data
from .catalog import Catalog
from .consultation import Consultation, read_consultation
from .fields import FieldReader, describe
from .problems import ProblemList
from .sources import read_source
from .taxonomy import PUBLIC
from .validity import Relation, RelationKind, ValidityFacts, normalise_reference
from .yamlsource import Mapping, YamlError, load_yaml, split_front_matter

FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml, where PyYAML was built with it

REQUIRED_FIELDS = [
    "标题",
    "索引号",
    "发文机关",
    "成文日期",
    "发布日期",
    "主题分类",
    "文种",
    "公开属性",
    "栏目",
    "内容概述",
]
VALIDITY_FIELDS = ["施行日期", "有效期至", "有效期", "废止日期", *(k.value for k in RelationKind)]
# 解读对象: what a 政策解读 explains (三同步), by 索引号 or 发文字号; both pages link to each other.
# 年报数据: the YAML file of an annual report's numbers, beside it (annual_report.py).
# 发布时间: the hour and minute of 发布日期 (HH:MM), for the page's PubDate; 00:00 when not given.
# 意见征集: a consultation's period, channels and 采纳情况 (consultation.py); 征求意见稿: the consultations
# a decision was put out for comment as, by 索引号 or 发文字号 (both pages link to each other).
OPTIONAL_FIELDS = [
    "发文字号", "发布时间", "关键词", "附件", "解读对象", "年报数据", "意见征集", "征求意见稿", *VALIDITY_FIELDS,
]  # fmt: skip
TIME_PATTERN = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")

# What `gongkai new` writes where the editor must fill in: a document still holding it is not published.
PLACEHOLDER = "【请填写】"

# 示政发〔2024〕3号, or an order: 示例县人民政府令第3号 (號 in documents written in traditional script)
DOC_NUMBER_PATTERN = re.compile(r"^\S+〔\d{4}〕\d+[号號]$|^\S*令第\d+[号號]$")
WRONG_BRACKETS = re.compile(r"[\[【（(]\d{4}[\]】）)]")

ATTACHMENT_TYPES = {
    ".pdf": "PDF 文档", ".ofd": "OFD 文档", ".doc": "Word 文档", ".docx": "Word 文档",
    ".wps": "WPS 文档", ".xls": "Excel 表格", ".xlsx": "Excel 表格", ".et": "WPS 表格",
    ".csv": "CSV 表格", ".zip": "压缩包", ".rar": "压缩包", ".jpg": "图片", ".jpeg": "图片",
    ".png": "图片", ".txt": "文本文件",
}  # fmt: skip


@dataclass(frozen=True)
class Attachment:
    src_uri: str  # relative to the docs dir, POSIX
    name: str
    file_type: str
    size: int

    @property
    def size_label(self) -> str:
        if self.size < 1024:
            return f"{self.size} B"
        if self.size < 1024 * 1024:
            return f"{self.size / 1024:.1f} KB"
        return f"{self.size / 1024 / 1024:.1f} MB"


@dataclass
class Document:
    src_uri: str
    source_path: str
    title: str
    index_no: str
    issuer: str
    doc_number: str | None
    written: dt.date
    published: dt.date
    subject: str
    kind: str
    disclosure: str
    column_codes: list[str]
    summary: str
    keywords: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    validity: ValidityFacts = field(default_factory=ValidityFacts)
    interprets: list[str] = field(default_factory=list)  # references of the documents a 解读 explains
    report: ReportData | None = None  # the numbers, when this is a 政府信息公开工作年度报告
    consultation: Consultation | None = None  # when this puts a draft decision out for comment
    drafts: list[str] = field(default_factory=list)  # 征求意见稿: references of the consultations it decides
    published_time: dt.time | None = None  # 发布时间, when the editor gives it
    index_line: int = 1
    column_line: int = 1
    lines: dict[str, int] = field(default_factory=dict, repr=False)  # front matter key -> its line

    def line(self, key: str) -> int | None:
        return self.lines.get(key)

    @property
    def is_public(self) -> bool:
        return self.disclosure == PUBLIC

    @property
    def published_at(self) -> str:
        """发布日期 and 发布时间 as government pages' PubDate writes them."""
        return pub_date_text(self.published, self.published_time)

    @property
    def sort_key(self) -> tuple[dt.date, str]:
        return (self.published, self.index_no)


def pub_date_text(day: dt.date, time: dt.time | None = None) -> str:
    """A day and time as government pages' PubDate writes them: YYYY-MM-DD HH:MM, 00:00 without a time."""
    return f"{day.isoformat()} {(time or dt.time()).strftime('%H:%M')}"


def read_document(
    path: Path, docs_dir: Path, display_path: str, catalog: Catalog, problems: ProblemList
) -> Document | None:
    """Parse one document file; every problem goes to `problems`."""
    text = read_markdown(path, display_path, problems)
    return None if text is None else parse_document(text, path, docs_dir, display_path, catalog, problems)


LINK_FIELDS = ("索引号", "发文字号", *(kind.value for kind in RelationKind), "解读对象", "征求意见稿", "意见征集")


def read_link_names(path: Path) -> tuple[set[str], set[str]]:
    """(the names of the document at `path`: its 索引号 and 发文字号; the names it refers to: its relations'
    targets and 解读对象), from those fields of its front matter alone, read by libyaml without line
    numbers: what a part needs of every other organ's document to find those linked with its own. A file
    that cannot be read so names nothing (its faults are its own organ's to report)."""
    try:
        front, _, _ = split_front_matter(path.read_text("utf-8"))
        data = yaml.load(_fields_only(front or "", LINK_FIELDS), Loader=FAST_LOADER)
    except (UnicodeDecodeError, YamlError, yaml.YAMLError):
        return set(), set()
    if not isinstance(data, dict):
        return set(), set()

    def texts(key: str) -> list[str]:
        value = data.get(key)
        items = value if isinstance(value, list) else [value]
        return [str(item).strip() for item in items if isinstance(item, (str, int, float)) and str(item).strip()]

    names = {*texts("索引号"), *(normalise_reference(n) for n in texts("发文字号"))}
    targets = [t for kind in RelationKind for t in texts(kind.value)] + texts("解读对象") + texts("征求意见稿")
    consultation = data.get("意见征集")
    feedback = consultation.get("采纳情况") if isinstance(consultation, dict) else None
    if isinstance(feedback, (str, int)) and str(feedback).strip():
        targets.append(str(feedback).strip())
    return names, {normalise_reference(t) for t in targets}


def _fields_only(front: str, fields: tuple[str, ...]) -> str:
    """The lines of block YAML that hold `fields` (a top-level key's line, and the indented or list lines
    after it): most of a document's front matter is skipped before any parsing."""
    kept = []
    keep = False
    for line in front.splitlines():
        if line[:1] not in ("", " ", "\t", "-", "#"):
            keep = line.split(":", 1)[0].strip().strip("'\"") in fields
        if keep:
            kept.append(line)
    return "\n".join(kept)


def read_markdown(path: Path, display_path: str, problems: ProblemList) -> str | None:
    """The text of a Markdown file; None, with the problem, if it is not UTF-8."""
    try:
        return read_source(path)
    except UnicodeDecodeError as e:
        problems.add(display_path, None, "", f"文件不是 UTF-8 编码（第 {e.start} 字节）", "UTF-8 编码的 Markdown")
        return None


def read_front_matter(
    text: str, display_path: str, problems: ProblemList, expected: str
) -> tuple[Mapping | None, str, int] | None:
    """(front matter, or None when there is none; body; the body's first line).

    None, with the problem, when the front matter is not YAML or not a mapping (`expected` says what it should be).
    """
    try:
        front, body, body_line = split_front_matter(text)
        data = load_yaml(front, line_offset=1) if front is not None else None
    except YamlError as e:
        problems.add(display_path, e.line, "", f"front matter 的 YAML 语法错误：{e.message}", "合法的 YAML")
        return None
    if front is not None and not isinstance(data, Mapping):
        problems.add(display_path, 1, "", f"front matter 是 {describe(data)}", expected)
        return None
    return data, body, body_line


def parse_document(
    text: str, path: Path, docs_dir: Path, display_path: str, catalog: Catalog, problems: ProblemList
) -> Document | None:
    """Parse a document's text as if it were the file at `path` (the importer checks what it would write)."""
    expected = "以 --- 包围的 YAML 元数据（标题、索引号等）"
    parsed = read_front_matter(text, display_path, problems, expected)
    if parsed is None:
        return None
    data, body, body_line = parsed
    if data is None:
        problems.add(display_path, 1, "", "没有 front matter", expected)
        return None
    reader = FieldReader(data, display_path, problems)
    if _has_placeholders(reader, body, body_line):
        return None  # a scaffold being filled in: its other checks come once it is
    return _read_fields(reader, path, docs_dir, catalog)


def _has_placeholders(reader: FieldReader, body: str, body_line: int) -> bool:
    """What `gongkai new` left for the editor to write and was not written: each is a problem."""
    errors_before = len(reader.problems.errors)
    _report_placeholders(reader)
    if PLACEHOLDER in body:
        line = body_line + body[: body.index(PLACEHOLDER)].count("\n")
        expected = f"文件正文（删去「{PLACEHOLDER}」和提示）"
        reader.problems.add(reader.path, line, "正文", "还是模板的待填写内容", expected)
    return len(reader.problems.errors) > errors_before


def _report_placeholders(reader: FieldReader) -> None:
    """Each field of the front matter, or of a mapping in it (意见征集), that still holds a placeholder."""
    for key in reader.data:
        value = reader.raw(key)
        if isinstance(value, Mapping):
            _report_placeholders(FieldReader(value, reader.path, reader.problems, f"{reader.name(key)}."))
            continue
        texts = value if isinstance(value, list) else [value]
        if any(isinstance(text, str) and PLACEHOLDER in text for text in texts):
            reader.problem(key, f"还是模板的待填写内容：{value}", f"实际内容（删去「{PLACEHOLDER}」和提示）")


def _read_fields(reader: FieldReader, path: Path, docs_dir: Path, catalog: Catalog) -> Document | None:
    errors_before = len(reader.problems.errors)
    reader.check_keys(REQUIRED_FIELDS + OPTIONAL_FIELDS, REQUIRED_FIELDS)
    taxonomy = catalog.taxonomy
    texts = {key: reader.text(key) for key in ("标题", "索引号", "发文机关", "内容概述", "发文字号", "主题分类")}
    index_no = texts["索引号"]
    if index_no is not None and not catalog.index_pattern.match(index_no):
        reader.problem(
            "索引号",
            f"'{index_no}' 不符合索引号规则",
            f"匹配 {catalog.index_rule}（{{机构代码}} 为 {catalog.organ.code}）",
        )
    _check_doc_number(reader, texts["发文字号"])
    subject = texts["主题分类"]
    if subject is not None and (why := taxonomy.subject_problem(subject)):
        reader.problem("主题分类", f"'{subject}'：{why}", "国务院主题分类中的「一级\\二级」，如 卫生、体育\\医药管理")
    written, published = reader.date("成文日期"), reader.date("发布日期")
    if written and published and published < written:
        reader.problem("发布日期", f"'{published}' 早于成文日期 '{written}'", "不早于成文日期的日期")
    published_time = _read_time(reader, "发布时间")
    kind = reader.choice("文种", taxonomy.kinds)
    disclosure = reader.choice("公开属性", taxonomy.disclosure_types)
    columns = reader.text_list("栏目")
    keywords = reader.text_list("关键词")
    interprets = reader.text_list("解读对象")
    drafts = reader.text_list("征求意见稿")
    consultation = read_consultation(reader, published)
    report = _read_report(reader, path, docs_dir)
    attachments = _read_attachments(reader, path, docs_dir)
    validity = _read_validity(reader, written, published)
    if len(reader.problems.errors) > errors_before:
        return None
    # No new error means every required field was read: the casts only tell mypy.
    title, issuer, summary = cast(str, texts["标题"]), cast(str, texts["发文机关"]), cast(str, texts["内容概述"])
    src_uri = path.relative_to(docs_dir).as_posix()
    return Document(
        src_uri=src_uri, source_path=reader.path, title=title, index_no=cast(str, index_no),
        issuer=issuer, doc_number=texts["发文字号"], written=cast(dt.date, written), published=cast(dt.date, published),
        subject=cast(str, subject), kind=cast(str, kind), disclosure=cast(str, disclosure),
        column_codes=columns, summary=summary,
        keywords=keywords, attachments=attachments, validity=validity, interprets=interprets, report=report,
        consultation=consultation, drafts=drafts, published_time=published_time,
        index_line=reader.line("索引号"), column_line=reader.line("栏目"),
        lines=dict(reader.data.key_lines),
    )  # fmt: skip


def _read_time(reader: FieldReader, key: str) -> dt.time | None:
    value = reader.raw(key)
    if value is None:
        return None
    match = TIME_PATTERN.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        reader.problem(key, f"{describe(value)} 不是有效时间", "HH:MM 格式的 24 小时制时间，如 09:30")
        return None
    return dt.time(int(match.group(1)), int(match.group(2)))


def _read_report(reader: FieldReader, path: Path, docs_dir: Path) -> ReportData | None:
    file_name = reader.text("年报数据")
    if file_name is None:
        return None
    target = path.parent / file_name
    if target.suffix != ".yaml" or target.parent != path.parent:
        reader.problem(
            "年报数据", f"'{file_name}' 不是同一目录下的 .yaml 文件", "与报告放在一起的数据文件名，如 00010-nb.yaml"
        )
        return None
    folder = PurePosixPath(reader.path).parent
    if not target.is_file():
        reader.problem("年报数据", f"数据文件 '{file_name}' 不存在", f"{folder}/ 下已有的 .yaml 文件")
        return None
    shown = str(folder / file_name)
    return read_report_data(target, docs_dir, shown, reader.problems)


def _read_validity(reader: FieldReader, written: dt.date | None, published: dt.date | None) -> ValidityFacts:
    effective, expires, repealed_on = reader.date("施行日期"), reader.date("有效期至"), reader.date("废止日期")
    years = (reader.integer("有效期", 0) or None) if "有效期" in reader.data else None  # whole years
    if written and effective and effective < written:
        reader.problem("施行日期", f"'{effective}' 早于成文日期 '{written}'", "不早于成文日期的日期")
    if expires and years:
        reader.problem("有效期", f"同时填写了有效期至（{expires}）和有效期（{years} 年）", "二者只填一个")
    start = effective or published
    if expires and start and expires < start:
        which = "施行日期" if effective else "发布日期"
        reader.problem("有效期至", f"'{expires}' 早于{which} '{start}'", f"不早于{which}的日期")
    if written and repealed_on and repealed_on < written:
        reader.problem("废止日期", f"'{repealed_on}' 早于成文日期 '{written}'", "不早于成文日期的日期")
    relations = tuple(
        Relation(kind, target, reader.line(kind.value))
        for kind in RelationKind
        for target in reader.text_list(kind.value)
    )
    lines = {name: reader.line(name) for name in VALIDITY_FIELDS if name in reader.data}
    return ValidityFacts(effective, expires, years, repealed_on, relations, lines)


def _check_doc_number(reader: FieldReader, number: str | None) -> None:
    if number is None or DOC_NUMBER_PATTERN.match(number):
        return
    if WRONG_BRACKETS.search(number):
        reader.problem("发文字号", f"'{number}' 的年份用了错误的括号", "六角括号〔〕，如 示政发〔2024〕3号")
    else:
        reader.problem(
            "发文字号",
            f"'{number}' 不是发文字号的格式",
            "机关代字〔年份〕序号号，如 示政发〔2024〕3号，或 示例县人民政府令第3号",
        )


def _read_attachments(reader: FieldReader, path: Path, docs_dir: Path) -> list[Attachment]:
    value = reader.raw("附件")
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    attachments = []
    for index, item in enumerate(items, start=1):
        if isinstance(item, Mapping):
            sub = FieldReader(item, reader.path, reader.problems, f"附件[{index}].")
            sub.check_keys(["文件", "名称"], ["文件"])
            file_name, name = sub.text("文件"), sub.text("名称")
        elif isinstance(item, str) and item.strip():
            file_name, name = item.strip(), None
        else:
            reader.problem("附件", f"第 {index} 项是 {describe(item)}", "文件名，或 {文件: 文件名, 名称: 显示名称}")
            continue
        if file_name is None:
            continue
        attachment = _attachment(reader, index, path, docs_dir, file_name, name)
        if attachment is not None:
            attachments.append(attachment)
    return attachments


def _attachment(
    reader: FieldReader, index: int, path: Path, docs_dir: Path, file_name: str, name: str | None
) -> Attachment | None:
    target = (path.parent / file_name).resolve()
    field_name = f"附件[{index}].文件"
    line = reader.line("附件")
    if docs_dir.resolve() not in target.parents:
        reader.problems.add(
            reader.path, line, field_name, f"'{file_name}' 指向 content/ 之外", "与文件放在一起的附件文件名"
        )
        return None
    if not target.is_file():
        reader.problems.add(
            reader.path,
            line,
            field_name,
            f"附件 '{file_name}' 不存在",
            f"{PurePosixPath(reader.path).parent}/ 下已有的文件",
        )
        return None
    if target.suffix.lower() == ".md":
        reader.problems.add(
            reader.path, line, field_name, f"'{file_name}' 是 Markdown 页面", "可下载的附件文件（PDF、Word、Excel 等）"
        )
        return None
    return Attachment(
        src_uri=target.relative_to(docs_dir.resolve()).as_posix(),
        name=name or target.stem,
        file_type=ATTACHMENT_TYPES.get(target.suffix.lower(), f"{target.suffix.lstrip('.').upper()} 文件"),
        size=target.stat().st_size,
    )
