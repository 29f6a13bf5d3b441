"""Personal data in what the site publishes: every file whose text reaches the public, as written.

Documents are read whole (front matter and body: the title, summary and keywords
are published too), with their text attachments (CSV, TXT), the column pages,
the 清理 records, the 公报 issues and catalog.yaml (its organ and guide texts make the 公开指南).
A number catalog.yaml lists under 检查: 公开号码, with the reason it may be
published, is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..model.rules import PERSONAL_DATA
from ..model.site import DisclosureSite
from ..model.sources import read_source
from ..model.yamlsource import split_front_matter
from .findings import Findings
from .personal_data import find_personal_data

TEXT_ATTACHMENTS = (".csv", ".txt")
_KEY = re.compile(r"^([^\s:#-][^:#]*?):(?:\s|$)")


def check_personal_data(site: DisclosureSite, findings: Findings, catalog_file: Path) -> None:
    settings = site.catalog.checks
    for path, display, kind in _published_files(site, catalog_file):
        raw = read_source(path, errors="replace")
        lines = raw.splitlines()
        yaml_lines = _yaml_lines(raw, kind)
        text = _without_comments(lines, yaml_lines)
        for found in find_personal_data(text):
            if settings.is_public_number(found.text):
                continue
            line = text.count("\n", 0, found.start) + 1
            field = "附件" if kind == "" else _field_at(lines, line, yaml_lines)
            findings.add(
                PERSONAL_DATA, display, line, field, f"{found.kind.value} '{mask(found.text)}'",
                "删去或去标识化后发布；确需公开的号码（如办公电话），在 catalog.yaml 检查: 公开号码 中登记并写明理由",
            )  # fmt: skip


def mask(number: str) -> str:
    """Enough of the number to find it, not enough to copy it: a report may itself be public."""
    return number[:3] + "*" * (len(number) - 5) + number[-2:]


def _published_files(site: DisclosureSite, catalog_file: Path) -> Iterator[tuple[Path, str, str]]:
    """(file, path to show, what it is: 'yaml' a YAML file, 'md' Markdown with front matter, '' an attachment)."""
    docs_dir = site.docs_dir
    for document in site.documents:
        yield docs_dir / document.src_uri, document.source_path, "md"
        for attachment in document.attachments:
            if attachment.src_uri.lower().endswith(TEXT_ATTACHMENTS):
                yield docs_dir / attachment.src_uri, site.shown_path(attachment.src_uri), ""
    for page in site.pages.values():
        yield docs_dir / page.src_uri, page.source_path, "md"
    for record in site.cleanups:
        yield docs_dir / record.src_uri, record.source_path, "yaml"
    for issue in site.gazette:  # its texts of its own (人事任免) are published
        yield docs_dir / issue.src_uri, issue.source_path, "yaml"
    for domain in site.standard_catalog:
        yield docs_dir / domain.src_uri, domain.source_path, "yaml"
    yield catalog_file, site.catalog.source_path, "yaml"


def _yaml_lines(text: str, kind: str) -> int:
    """How many lines from the top are YAML: a whole YAML file, a Markdown file's front matter, else none."""
    if kind == "yaml":
        return text.count("\n") + 1
    if kind == "md":
        front, _, body_line = split_front_matter(text)
        return body_line - 1 if front is not None else 0
    return 0


def _without_comments(lines: list[str], yaml_lines: int) -> str:
    """The text with YAML comment lines blanked (same length, so offsets hold): they are never published.

    The importer writes its record digest in one.
    """
    kept = [
        " " * len(line) if n < yaml_lines and line.lstrip().startswith("#") else line for n, line in enumerate(lines)
    ]
    return "\n".join(kept)


def _field_at(lines: list[str], line: int, yaml_lines: int) -> str:
    """The key a line of YAML belongs to (the nearest key at the left margin above it), or 正文."""
    if line > yaml_lines:
        return "正文"
    for text in reversed(lines[:line]):
        if match := _KEY.match(text):
            return match.group(1)
    return "正文"
