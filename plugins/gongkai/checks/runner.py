"""Run every rule over a site's catalog.yaml and content/, without building it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..model.problems import InvalidInput, Problem, Severity
from ..model.rules import SCHEMA
from ..model.site import DisclosureSite, Platform, load_platform
from ..model.sources import sources_read_once
from ..project import Project
from .annual_reports import check_annual_reports
from .columns import check_columns
from .consultations import check_consultations
from .deadlines import check_deadlines
from .findings import Findings
from .gazette import check_gazette
from .interpretations import check_interpretations
from .links import check_links
from .privacy import check_personal_data
from .raw_html import check_raw_html
from .standard_catalog import check_standard_catalog


@dataclass(frozen=True)
class CheckReport:
    findings: list[Problem]
    as_of: dt.date
    seconds: float
    platform: Platform | None = field(default=None, repr=False)  # None when the input could not be read
    by_organ: dict[str, list[Problem]] = field(default_factory=dict, repr=False)  # organ key -> its findings

    @property
    def site(self) -> DisclosureSite | None:
        """The organ's site of a one-organ site; a platform's first organ's."""
        return self.platform.first if self.platform else None

    @property
    def documents(self) -> int:
        """主动公开 documents checked."""
        return len(self.platform.documents) if self.platform else 0

    def findings_of(self, organ_key: str) -> list[Problem]:
        """The findings of one organ of a platform: those its checks made."""
        return self.by_organ.get(organ_key, [])

    @property
    def errors(self) -> list[Problem]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [f for f in self.findings if f.severity is Severity.WARNING]


def check_site(site: DisclosureSite, catalog_file: Path) -> list[Problem]:
    """The findings on a loaded site: its load warnings and every rule, at the catalog's levels."""
    findings = Findings(site.catalog.checks)
    for warning in site.warnings:
        findings.take(warning)
    check_columns(site, findings)
    check_deadlines(site, findings)
    check_interpretations(site, findings)
    check_personal_data(site, findings, catalog_file)
    check_links(site, findings)
    check_raw_html(site, findings)
    check_annual_reports(site, findings)
    check_consultations(site, findings)
    check_gazette(site, findings)
    check_standard_catalog(site, findings)
    return findings.items


def check_platform(platform: Platform, catalog_file: Path) -> list[Problem]:
    """The findings of every organ: each organ's columns, deadlines and reports are its own."""
    return [finding for findings in check_organs(platform, catalog_file).values() for finding in findings]


def check_organs(platform: Platform, catalog_file: Path) -> dict[str, list[Problem]]:
    """Each organ's findings, by its key ("" on a one-organ site)."""
    return {site.catalog.organ_key or "": check_site(site, catalog_file) for site in platform.sites}


def check_project(project: Project, as_of: dt.date) -> CheckReport:
    """Every rule over the site a mkdocs.yml describes (its folders and plugin options)."""
    started = time.perf_counter()
    with sources_read_once():  # loading and the checks read the same files
        return _check_project(project, as_of, started)


def _check_project(project: Project, as_of: dt.date, started: float) -> CheckReport:
    plugin = project.plugin
    try:
        platform = load_platform(project.catalog_file, project.docs_dir, plugin.documents_dir, project.root, as_of,
                                 plugin.cleanups_dir, gazettes_dir=plugin.gazettes_dir,
                                 standards_dir=plugin.standards_dir)  # fmt: skip
    except InvalidInput as e:
        # Input that cannot be read stops here: the other rules need the whole site.
        findings = [dataclasses.replace(p, code=p.code or SCHEMA) for p in e.problems]
        return CheckReport(findings, as_of, time.perf_counter() - started)
    by_organ = check_organs(platform, project.catalog_file)
    findings = [finding for found in by_organ.values() for finding in found]
    return CheckReport(findings, as_of, time.perf_counter() - started, platform, by_organ)
