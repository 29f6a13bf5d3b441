"""Links in published Markdown to files of the site: each must reach a published page or attachment.

A link is resolved as MkDocs resolves it, relative to the file it is written in
(a column page's, relative to the page the column generates). Links with a
scheme (https:, mailto:), absolute paths and links to a folder are not files
of the site and are left alone.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from ..model.layout import Layout
from ..model.rules import BROKEN_LINK, LINK_TO_UNPUBLISHED
from ..model.site import DisclosureSite
from ..model.sources import read_source
from ..model.yamlsource import split_front_matter
from .findings import Findings

_CODE = re.compile(r"^(```|~~~).*?^\1[ \t]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL)
_INLINE = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"'\n]*[\"'])?\s*\)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_HTML = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']+)["']""")


def check_links(site: DisclosureSite, findings: Findings) -> None:
    layout = Layout(site.catalog)
    generated = site.shared.generated_pages
    withheld = site.shared.withheld_files
    for src_uri, source_path, base_uri in published_markdown(site, layout):
        text = read_source(site.docs_dir / src_uri)
        _, body, body_line = split_front_matter(text)
        for url, line in _links(body, body_line):
            target = _target(url, base_uri)
            if target is None or target in generated:
                continue
            where = (source_path, line, "正文")
            if target in withheld:
                found = f"链接 '{url}' 指向非主动公开的文件 {site.shown_path(target)}，它不会发布"
                findings.add(LINK_TO_UNPUBLISHED, *where, found, "删去链接，或链接主动公开的文件")
            elif target.startswith("../"):
                findings.add(
                    BROKEN_LINK, *where, f"链接 '{url}' 指向 {site.shown_docs_dir} 之外", "站点内容目录下的文件"
                )
            elif target in site.shared.unpublished_files or not (site.docs_dir / target).is_file():
                findings.add(
                    BROKEN_LINK, *where, f"链接 '{url}' 的目标 {site.shown_path(target)} 不存在或不发布",
                    "已发布的页面或附件，路径相对于本文件",
                )  # fmt: skip


def published_markdown(site: DisclosureSite, layout: Layout) -> Iterator[tuple[str, str, str]]:
    """(file, path to show, the URI links in it are relative to) of each published Markdown file.

    Documents that are 主动公开, the column pages (单页, 公开指南) and, for the organ whose checks cover them
    (the first), every other Markdown page of the site.
    """
    for document in site.documents:
        yield document.src_uri, document.source_path, document.src_uri
    for code, page in site.pages.items():
        column = site.catalog.column(code)
        assert column is not None
        yield page.src_uri, page.source_path, layout.column_uri(column)
    if not site.checks_other_pages:
        return
    documents = site.shared.document_files | site.shared.unpublished_files
    for path in sorted(site.docs_dir.rglob("*.md")):
        src_uri = path.relative_to(site.docs_dir).as_posix()
        if src_uri not in documents:
            yield src_uri, site.shown_path(src_uri), src_uri


def _links(body: str, body_line: int) -> Iterator[tuple[str, int]]:
    if not any(mark in body for mark in ("](", "]:", "href", "src")):
        return  # most documents link nowhere: no need to look closer
    if "`" in body or "~~~" in body:
        body = _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), body)  # links in code are text
    for pattern in (_INLINE, _REFERENCE, _HTML):
        for match in pattern.finditer(body):
            yield match.group(1), body_line + body.count("\n", 0, match.start())


def _target(url: str, base_uri: str) -> str | None:
    """The file a link names, relative to the docs dir; None for what is not a file of the site."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("/", "\\")) or not parts.path:
        return None
    path = unquote(parts.path)
    if path.endswith("/") or not posixpath.splitext(path)[1]:
        return None  # a folder or a page's address: MkDocs leaves these as written
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_uri), path))
