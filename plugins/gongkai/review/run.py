"""`gongkai review --base REF`: the project at REF and the working tree, loaded, checked and compared."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from ..checks.runner import CheckReport, check_project
from ..model.problems import InvalidInput, Severity
from ..project import Project, load_project
from .changes import compare
from .git_base import extract, resolve
from .markdown import platform_title, review_markdown


def review(project: Project, config_file: Path, base_ref: str, as_of: dt.date) -> str:
    """The Markdown comment; git_base.BaseUnavailable when the base cannot be read from git."""
    commit = resolve(project.root, base_ref)
    label = f"{base_ref}（{commit[:10]}）"
    head = check_project(project, as_of)
    if head.site is None:
        return _unreadable(label, head)
    assert head.platform is not None
    with tempfile.TemporaryDirectory(prefix="gongkai-review-") as folder:
        base = _check_base(extract(project.root, commit, Path(folder)) / config_file.name, as_of)
        if not head.platform.is_platform:
            # Inside the folder's life: comparing reads the base's document bodies.
            changes = compare(base.site if base else None, head.site, base.findings if base else [], head.findings)
            site = head.site
            return review_markdown(
                changes, label, lambda d: project.page_url(d.src_uri), lambda d: [c.name for c in site.columns_of(d)],
                len(head.errors), len(head.warnings),
            )  # fmt: skip
        return _platform_review(project, label, base, head)


def _platform_review(project: Project, label: str, base: CheckReport | None, head: CheckReport) -> str:
    """A platform's comment: each organ's changes under its name, organs without any left out."""
    assert head.platform is not None
    base_platform = base.platform if base is not None and base.platform is not None else None
    parts = [platform_title(label)]
    for site in head.platform.sites:
        key = site.catalog.organ_key or ""
        before = base_platform.site(key) if base_platform is not None and base_platform.is_platform else None
        findings = head.findings_of(key)
        changes = compare(before, site, base.findings_of(key) if base else [], findings)
        if changes.is_empty:
            continue
        errors = sum(1 for f in findings if f.severity is Severity.ERROR)
        parts.append(
            review_markdown(
                changes, label, lambda d: project.page_url(d.src_uri),
                lambda d, site=site: [c.name for c in site.columns_of(d)],  # type: ignore[misc]
                errors, len(findings) - errors, organ=f"{site.catalog.organ.name}（{key}）",
            )
        )  # fmt: skip
    if base_platform is not None and base_platform.is_platform:
        gone = [s.catalog for s in base_platform.sites if head.platform.site(s.catalog.organ_key or "") is None]
        parts += [
            f"### {c.organ.name}（{c.organ_key}）\n\n这个公开单位已从 catalog.yaml 删去，它的页面不再发布。\n"
            for c in gone
        ]
    if len(parts) == 1:
        parts.append("没有影响专栏的改动。\n")
    return "\n".join(parts)


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
