"""政府公报: the gazette's issues, kept as data (one YAML file per issue, with its whole-issue PDF beside it).

An issue is numbered `YYYY年第N号` within its year (and 总第N号 where the site counts it), and carries a
目录 in sections whose names the site chooses (catalog.yaml). An item of the 目录 is a document already on
the site, named by 索引号 or 发文字号 (the gazette and the column then show one text), a text of its own (人事
任免), or a page range of the PDF. The rules that need the other documents (an item naming nothing, a
document in two issues, numbers out of sequence, the working days within which a 规范性文件 must be
carried) are checks: gongkai.checks.gazette.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .catalog import GazetteRules
from .fields import FieldReader, describe, read_yaml_file
from .problems import ProblemList

ISSUE_KEYS = ["年份", "期号", "总期号", "出版日期", "全文", "目录"]
ISSUE_REQUIRED = ["年份", "期号", "出版日期", "目录"]
SECTION_KEYS = ["栏目", "条目"]
ITEM_KEYS = ["文件", "标题", "正文", "页码"]
STEM_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
PAGES_PATTERN = re.compile(r"^(\d+)(?:\s*[-—–~]\s*(\d+))?$")


@dataclass(frozen=True)
class GazetteItem:
    """One entry of an issue's 目录: a document of the site, a text of its own, or pages of the PDF."""

    section: str
    document: str | None  # 索引号 or 发文字号 of a document of the site
    title: str | None  # of a text of its own, or of a page range
    text: str | None  # the text of its own (人事任免 …)
    first_page: int | None
    last_page: int | None
    line: int
    number: int  # its place in the issue, from 1: the anchor of a text of its own

    @property
    def pages(self) -> str | None:
        """第3页, 第3—8页."""
        if self.first_page is None:
            return None
        if self.last_page is None or self.last_page == self.first_page:
            return f"第{self.first_page}页"
        return f"第{self.first_page}—{self.last_page}页"


@dataclass(frozen=True)
class GazetteIssue:
    key: str  # the file name without .yaml; also the page's URL segment
    source_path: str
    src_uri: str  # relative to the docs dir, kept out of the build
    year: int
    number: int
    running_number: int | None  # 总第N号
    published: dt.date  # 出版日期
    pdf: str | None  # src_uri of the whole issue, published as it is
    pdf_size: int
    items: tuple[GazetteItem, ...]
    line_of: dict[str, int]  # top-level key -> its line

    @property
    def name(self) -> str:
        """2026年第3号."""
        return f"{self.year}年第{self.number}号"

    def sections(self) -> list[tuple[str, list[GazetteItem]]]:
        """The 目录 by section, in the order the issue gives them."""
        grouped: dict[str, list[GazetteItem]] = {}
        for item in self.items:
            grouped.setdefault(item.section, []).append(item)
        return list(grouped.items())


def read_gazette(
    root: Path, docs_dir: Path, rules: GazetteRules | None, display: Callable[[Path], str], problems: ProblemList
) -> list[GazetteIssue]:
    """Every issue under `root` (*.yaml, each with the PDFs it names beside it), newest first.
    `rules`: the organ's 政府公报 column's, None when it has none (then any issue is an error)."""
    if not root.is_dir():
        return []
    issues = []
    paths = sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))
    named_pdfs: set[Path] = set()
    for path in (p for p in paths if p.suffix == ".yaml" and p.parent == root):
        issue = _read_issue(path, docs_dir, rules, display(path), problems)
        if issue is not None:
            issues.append(issue)
            if issue.pdf:
                named_pdfs.add(docs_dir / issue.pdf)
    for path in paths:
        if (path.suffix != ".yaml" or path.parent != root) and path not in named_pdfs:
            # Anything else here would be published as it is, or silently ignored: neither is right.
            problems.add(
                display(path), None, "", f"'{path.relative_to(root).as_posix()}' 不是公报的一期，也不是某期的全文",
                f"{display(root)}/ 下只放公报：每期一个 .yaml 文件（如 2026-03.yaml），和它「全文」所写的 PDF",
            )  # fmt: skip
    if issues and rules is None:
        problems.add(
            issues[-1].source_path, None, "", "有公报，但没有发布它的栏目",
            "在 catalog.yaml 中加一个类型为「政府公报」的栏目",
        )  # fmt: skip
    return sorted(issues, key=lambda i: (i.year, i.number, i.key), reverse=True)


def _read_issue(
    path: Path, docs_dir: Path, rules: GazetteRules | None, display_path: str, problems: ProblemList
) -> GazetteIssue | None:
    reader = read_yaml_file(path, display_path, problems, "年份、期号、出版日期、目录")
    if reader is None:
        return None
    errors_before = len(problems.errors)
    reader.check_keys(ISSUE_KEYS, ISSUE_REQUIRED)
    if not STEM_PATTERN.match(path.stem):
        expected = "小写字母或数字开头的文件名（用作网址），如 2026-03.yaml"
        problems.add(display_path, None, "", f"文件名 '{path.name}'", expected)
    year, number = reader.integer("年份", 0, minimum=1900), reader.integer("期号", 0)
    running = reader.integer("总期号", 0) if "总期号" in reader.data else None
    published = reader.date("出版日期")
    if published and year and published.year != year:
        reader.problem("出版日期", f"'{published}' 不在 {year} 年", f"{year} 年内的日期（期号按年编排）")
    pdf, size = _read_pdf(reader, path, docs_dir)
    sections = rules.sections if rules else ()
    items = _read_items(reader, sections, pdf is not None)
    if len(problems.errors) > errors_before or published is None or not (year and number):
        return None
    return GazetteIssue(
        key=path.stem, source_path=display_path, src_uri=path.relative_to(docs_dir).as_posix(), year=year,
        number=number, running_number=running, published=published, pdf=pdf, pdf_size=size, items=tuple(items),
        line_of=dict(reader.data.key_lines),
    )  # fmt: skip


def _read_pdf(reader: FieldReader, path: Path, docs_dir: Path) -> tuple[str | None, int]:
    name = reader.text("全文")
    if name is None:
        return None, 0
    target = path.parent / name
    if target.parent != path.parent or target.suffix.lower() != ".pdf":
        reader.problem("全文", f"'{name}' 不是同一目录下的 PDF 文件", "与这一期放在一起的 PDF 文件名，如 2026-03.pdf")
        return None, 0
    if not target.is_file():
        reader.problem("全文", f"文件 '{name}' 不存在", f"{path.parent.name}/ 下已有的 PDF 文件")
        return None, 0
    return target.relative_to(docs_dir).as_posix(), target.stat().st_size


def _read_items(reader: FieldReader, sections: tuple[str, ...], has_pdf: bool) -> list[GazetteItem]:
    items: list[GazetteItem] = []
    for section in reader.mapping_list("目录"):
        section.check_keys(SECTION_KEYS, SECTION_KEYS)
        name = section.choice("栏目", sections) if sections else section.text("栏目")
        entries = section.mapping_list("条目")
        if section.raw("条目") == []:
            section.problem("条目", "没有任何条目", "至少一项：文件，或 标题 加 正文 或 页码")
        for entry in entries:
            item = _read_item(entry, name, has_pdf, len(items) + 1)
            if item is not None:
                items.append(item)
    if reader.raw("目录") == []:
        reader.problem("目录", "没有任何栏目", "至少一个栏目及其条目")
    return items


def _read_item(entry: FieldReader, section: str | None, has_pdf: bool, number: int) -> GazetteItem | None:
    entry.check_keys(ITEM_KEYS, [])
    document, title, text = entry.text("文件"), entry.text("标题"), entry.text("正文")
    first, last = _read_pages(entry)
    if document is not None and (title is not None or text is not None):
        key = "标题" if title is not None else "正文"
        entry.problem(key, "「文件」条目另写了标题或正文", "本站文件只写「文件」（和「页码」），标题和正文取自文件")
    elif document is None and title is None:
        entry.problems.add(
            entry.path, entry.data.line, entry.name("文件"), "条目既没有「文件」也没有「标题」",
            "本站文件的索引号或发文字号；或 标题 加 正文（如人事任免），或 标题 加 页码",
        )  # fmt: skip
    elif document is None and text is None and "页码" not in entry.data:
        entry.problem("标题", f"'{title}' 没有正文也没有页码", "「正文」，或全文 PDF 中的「页码」，如 20-21")
    elif document is None and text is None and first is not None and not has_pdf:
        entry.problem("页码", "这一期没有「全文」，页码无处可查", "在这一期写「全文」（PDF 文件），或改写「正文」")
    if section is None or (document is None and title is None):
        return None
    return GazetteItem(section, document, title, text, first, last, entry.data.line, number)


def _read_pages(entry: FieldReader) -> tuple[int | None, int | None]:
    value = entry.raw("页码")
    if value is None:
        return None, None
    match = PAGES_PATTERN.match(str(value).strip()) if isinstance(value, (int, str)) else None
    first = int(match.group(1)) if match else 0
    last = int(match.group(2)) if match and match.group(2) else None
    if not match or first < 1 or (last is not None and last < first):
        entry.problem("页码", describe(value), "全文 PDF 的页码或页码范围，如 5 或 5-12")
        return None, None
    return first, last
