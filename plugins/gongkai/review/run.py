"""`gongkai review --base REF`: the project at REF and the working tree, loaded, checked and compared."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from ..checks.runner import CheckReport, check_project
from ..model.problems import InvalidInput
from ..project import Project, load_project
from .changes import compare
from .git_base import extract, resolve
from .markdown import review_markdown


def review(project: Project, config_file: Path, base_ref: str, as_of: dt.date) -> str:
    """The Markdown comment; git_base.BaseUnavailable when the base cannot be read from git."""
    commit = resolve(project.root, base_ref)
    label = f"{base_ref}（{commit[:10]}）"
    head = check_project(project, as_of)
    if head.site is None:
        return _unreadable(label, head)
    with tempfile.TemporaryDirectory(prefix="gongkai-review-") as folder:
        base = _check_base(extract(project.root, commit, Path(folder)) / config_file.name, as_of)
        # Inside the folder's life: comparing reads the base's document bodies.
        changes = compare(base.site if base else None, head.site, base.findings if base else [], head.findings)
    site = head.site
    return review_markdown(
        changes, label, lambda d: project.page_url(d.src_uri), lambda d: [c.name for c in site.columns_of(d)],
        len(head.errors), len(head.warnings),
    )  # fmt: skip


def _check_base(config_file: Path, as_of: dt.date) -> CheckReport | None:
    """The base checked; None when it was not yet a gongkai site, so that everything is new."""
    if not config_file.is_file():
        return None
    try:
        return check_project(load_project(config_file), as_of)
    except InvalidInput:
        return None


def _unreadable(label: str, head: CheckReport) -> str:
    """The working tree has format errors: there is no site to compare, the errors come first."""
    lines = [
        f"## 政府信息公开专栏：本次改动（与 {label} 比较）",
        "",
        "改动后的内容有格式错误，无法比较。请先修正：",
        "",
    ]
    lines += [f"- `{p}`" for p in head.errors]
    return "\n".join(lines) + "\n"
