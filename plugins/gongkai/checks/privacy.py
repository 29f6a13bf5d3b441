"""Personal data in what the site publishes: every file whose text reaches the public, as written.

Documents are read whole (front matter and body: the title, summary and keywords
are published too), with their text attachments (CSV, TXT), the column pages,
the 清理 records and catalog.yaml (its organ and guide texts make the 公开指南).
A number catalog.yaml lists under 检查: 公开号码, with the reason it may be
published, is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..model.site import DisclosureSite
from .findings import Findings
from .personal_data import find_personal_data
from .rules import PERSONAL_DATA

TEXT_ATTACHMENTS = (".csv", ".txt")
_KEY = re.compile(r"^([^\s:#-][^:#]*?):(?:\s|$)")


def check_personal_data(site: DisclosureSite, findings: Findings, catalog_file: Path) -> None:
    settings = site.catalog.checks
    for path, display, kind in _published_files(site, catalog_file):
        lines = path.read_text("utf-8", errors="replace").splitlines()
        text = _without_comments(lines, kind)
        for found in find_personal_data(text):
            if settings.is_public_number(found.text):
                continue
            line = text.count("\n", 0, found.start) + 1
            findings.add(
                PERSONAL_DATA, display, line, _field_at(lines, line, kind),
                f"{found.kind.value} '{mask(found.text)}'",
                "删去或去标识化后发布；确需公开的号码（如办公电话），在 catalog.yaml 检查: 公开号码 中登记并写明理由",
            )  # fmt: skip


def mask(number: str) -> str:
    """Enough of the number to find it, not enough to copy it: a report may itself be public."""
    return number[:3] + "*" * (len(number) - 5) + number[-2:]


def _published_files(site: DisclosureSite, catalog_file: Path) -> Iterator[tuple[Path, str, str]]:
    """(file, path to show, how its front matter ends: 'yaml' for a YAML file, 'md', or '' for none)."""
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
    yield catalog_file, site.catalog.source_path, "yaml"


def _without_comments(lines: list[str], kind: str) -> str:
    """The text with YAML comment lines blanked (same length, so offsets hold): they are never published.

    The importer writes its record digest in one.
    """
    end = _front_matter_end(lines) if kind == "md" else (len(lines) if kind == "yaml" else 0)
    kept = [" " * len(line) if n < end and line.lstrip().startswith("#") else line for n, line in enumerate(lines)]
    return "\n".join(kept)


def _front_matter_end(lines: list[str]) -> int:
    """The index of the line closing the front matter; 0 when there is none."""
    if not lines or lines[0].strip() != "---":
        return 0
    return next((n for n in range(1, len(lines)) if lines[n].strip() in ("---", "...")), len(lines))


def _field_at(lines: list[str], line: int, kind: str) -> str:
    """The key a line of YAML belongs to (the nearest key at the left margin above it), or 正文."""
    if kind == "":
        return "附件"
    if kind == "md" and line > _front_matter_end(lines):
        return "正文"
    for text in reversed(lines[:line]):
        if match := _KEY.match(text):
            return match.group(1)
    return "正文"
