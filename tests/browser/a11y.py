"""The accessibility and HTML audit of every page type: tools, the audited site, the pages, the reports.

axe-core runs inside Chromium; the Nu HTML Checker (vnu) runs with Java. Both are npm packages pinned in
tests/a11y/package-lock.json, installed by `scripts/setup --browser` (test_accessibility.py uses this).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import NoReturn

import pytest
import yaml
from playwright.sync_api import Page, Response
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from helpers import REPO, SAMPLE_AS_OF

TOOLS = REPO / "tests" / "a11y" / "node_modules"
AXE_SOURCE = TOOLS / "axe-core" / "axe.min.js"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Items per page of the audited site's columns: the sample's hold at most 7, so some have a second page.
AUDIT_PAGE_SIZE = 5

# Each page type and the address of the page that stands for it; the column pages are picked from the build.
PAGES: dict[str, str | None] = {
    "home": "",
    "portal": "zwgk/",
    "platform-directory": "zwgk/gkml/",
    "zwgk-landing": "zwgk/xzf/",
    "department-landing": "zwgk/jyj/",
    "column-list": None,
    "column-list-page-2": None,
    "document": "zwgk/xzf/wj/2024/00002/",
    "document-validity-history": "zwgk/xzf/wj/2022/00004/",
    "document-repealed": "zwgk/xzf/wj/2021/00008/",
    "document-attachments": "zwgk/xzf/wj/2023/00030/",
    "interpretation": "zwgk/xzf/wj/2026/00063/",
    "consultations": "zwgk/xzf/zdjcygk/",
    "consultation-open": "zwgk/xzf/wj/2026/00042/",
    "consultation-answered": "zwgk/xzf/wj/2025/00020/",
    "gazette": "zwgk/xzf/zfgb/",
    "gazette-issue": "zwgk/xzf/zfgb/2026-01/",
    "standard-catalog": "zwgk/xzf/bzml/",
    "standard-domain": "zwgk/xzf/bzml/fwzs/",
    "library": "zwgk/xzf/fdzdgknr/fgwj/gfxwj/",
    "library-repealed": "zwgk/xzf/fdzdgknr/fgwj/gfxwj/fzsx/",
    "cleanup-record": "zwgk/xzf/fdzdgknr/fgwj/qljg/2025/",
    "guide": "zwgk/xzf/zn/",
    "directory": "zwgk/xzf/gkml/",
    "annual-report": "zwgk/xzf/wj/2025/00016/",
    "search-empty": "search/",
    "search-results": "search/?q=办法",
    "search-filtered": "search/?q=办法",
    "search-no-result": "search/?q=不存在的词语组合",
    "not-found": "gk-no-such-page/",
}
VIEWS = ["normal", "care"]
CARE_TIMEOUT_MS = 2000  # the 关怀版 switches on as the page loads; after the load event this is a grace period

AXE_RUN = """async (tags) => {
  const options = {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]};
  const result = await axe.run(document, options);
  const target = (node) => node.target.map((t) => (Array.isArray(t) ? t.join(" >>> ") : t)).join(", ");
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({target: target(n), summary: n.failureSummary || ""})),
  }));
}"""

# Where a sideways overflow starts: elements past the right edge whose parent is not, and text running out of
# its element; not inside a fixed box or a scrolling or clipping box that stays in the viewport; the widest few.
OVERFLOW = """() => {
  const root = document.documentElement;
  const limit = root.clientWidth + 0.5;
  const found = {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth,
    rootOverflowX: getComputedStyle(root).overflowX, wide: []};
  if (root.scrollWidth <= root.clientWidth) return found;
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id
    : [...el.classList].slice(0, 2).map((c) => "." + c).join(""));
  const nth = (el) => (el.id || !el.parentElement || el.parentElement.children.length < 2 ? ""
    : `:nth-child(${[...el.parentElement.children].indexOf(el) + 1})`);
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== root && parts.length < 4; e = e.parentElement) {
      parts.unshift(name(e) + (e === el ? nth(e) : ""));
      if (e.id) break;
    }
    return parts.join(" > ");
  };
  const right = (box) => box.getBoundingClientRect().right + window.scrollX;
  const contained = (el, itself) => {
    for (let a = el; a && a !== document.body; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.position === "fixed") return true;
      if ((itself || a !== el) && style.overflowX !== "visible" && right(a) <= limit) return true;
    }
    return false;
  };
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if ((box.width === 0 && box.height === 0) || right(el) <= limit) continue;
    if (el.parentElement !== document.body && right(el.parentElement) > limit) continue;
    if (!contained(el, false)) found.wide.push({selector: path(el), right: Math.round(right(el))});
  }
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text = texts.nextNode(); text; text = texts.nextNode()) {
    const el = text.parentElement, range = document.createRange();
    range.selectNodeContents(text);
    if (!text.textContent.trim() || right(range) <= limit || right(el) > limit || contained(el, true)) continue;
    const words = text.textContent.trim().slice(0, 20);
    found.wide.push({selector: `${path(el)} (its text “${words}”)`, right: Math.round(right(range))});
  }
  found.wide.sort((a, b) => b.right - a.right);
  found.wide = found.wide.slice(0, 8);
  return found;
}"""


def tool(path: Path, what: str) -> Path:
    """A tool the tests need, or a skip (a failure under CI, which installs it) that says how to install it."""
    if not path.is_file():
        missing(f"{what} not found at {path.relative_to(REPO)}: run scripts/setup --browser (npm ci in tests/a11y)")
    return path


def java() -> str:
    path = shutil.which("java")
    if path is None:
        missing(
            "java not found (runs the Nu HTML Checker): run scripts/setup --browser (installs default-jre-headless)"
        )
    return str(path)


def missing(message: str) -> NoReturn:
    if os.environ.get("CI"):
        pytest.fail(message)  # CI installs the tools: a missing one is a failure there
    pytest.skip(message)


def build_audit_site(root: Path) -> Path:
    """The repository's sample site with short column pages, built as of the sample's day into root/site."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for name in ("content", "overrides"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    catalog = yaml.safe_load((REPO / "catalog.yaml").read_text("utf-8"))
    catalog["平台"]["每页条数"] = AUDIT_PAGE_SIZE
    (root / "catalog.yaml").write_text(yaml.safe_dump(catalog, allow_unicode=True, sort_keys=False), "utf-8")
    site_dir = root / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GONGKAI_AS_OF", SAMPLE_AS_OF)
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
        config.plugins["gongkai/disclosure"].config.cache_dir = str(root / "cache")
        build(config)
    return site_dir


def page_paths(site_dir: Path, catalog_file: Path) -> dict[str, str]:
    """Every page type's address, checked against the built site: a column list is one with a second page."""
    catalog = yaml.safe_load(catalog_file.read_text("utf-8"))
    # The county government's columns: its template's lists.
    lists = list(_document_lists(catalog["栏目模板"]["人民政府"], f"{catalog['平台'].get('路径', 'zwgk')}/xzf/"))
    paged = sorted(path for path in lists if (site_dir / path / "2" / "index.html").is_file())
    if not paged:
        pytest.fail(f"no 文件列表 column of the audited site has a second page (columns: {', '.join(lists)})")
    paths = {**PAGES, "column-list": paged[0], "column-list-page-2": paged[0] + "2/"}
    wrong = [
        f"{page}: /{path} not built"
        for page, path in paths.items()
        if page != "not-found" and not _exists(site_dir, path)
    ]
    if _exists(site_dir, PAGES["not-found"]):
        wrong.append(f"not-found: /{PAGES['not-found']} exists")
    if wrong:
        pytest.fail("the audited pages do not match the built sample site: " + "; ".join(wrong))
    return {page: str(path) for page, path in paths.items()}


def _document_lists(columns: list[dict], parent: str):
    for column in columns:
        path = f"{parent}{column.get('路径') or column['代码']}/"
        if column.get("类型") == "文件列表":
            yield path
        yield from _document_lists(column.get("子栏目") or [], path)


def _exists(site_dir: Path, path: str | None) -> bool:
    return path is not None and (site_dir / path.split("?")[0] / "index.html").is_file()


def open_page(page: Page, base_url: str, page_type: str, path: str, view: str) -> tuple[Response | None, list[str]]:
    """Load a page type in a view and wait until it has settled; the problems met on the way."""
    url = base_url + path
    if view == "care":
        url += ("&" if "?" in url else "?") + "care=1"
    response = page.goto(url)
    problems = []
    if view == "care":
        try:
            page.wait_for_selector('html[data-gk-care="on"]', state="attached", timeout=CARE_TIMEOUT_MS)
        except PlaywrightTimeoutError:
            problems.append(f'关怀版 not on: {url} loaded, but <html> has no data-gk-care="on"')
    if page_type.startswith("search-"):
        _settle_search(page, page_type)
    if page_type == "not-found":
        status = response.status if response else None
        if status != 404 or page.title() != _site_title_of_404(page, base_url):
            problems.append(f"not the site's 404 page: /{path} answered {status} with the title {page.title()!r}")
    return response, problems


def _settle_search(page: Page, page_type: str) -> None:
    status = page.locator("#gk-search-status")
    if page_type in ("search-results", "search-filtered"):
        page.locator("#gk-search-results li").first.wait_for()
    else:
        page.wait_for_function("document.getElementById('gk-search-status').textContent.trim() !== ''")
    if page_type == "search-filtered":
        before = status.inner_text()
        page.locator("#gk-search-facets input[type=checkbox]").first.check()
        page.wait_for_function(
            "before => document.getElementById('gk-search-status').textContent.trim() !== before", arg=before.strip()
        )
    # The facets' counts come after the results.
    page.wait_for_function("!document.getElementById('gk-search-facets').hasAttribute('aria-busy')")


def _site_title_of_404(page: Page, base_url: str) -> str:
    html = page.context.request.get(base_url + "404.html").text()
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    return match.group(1).strip() if match else "(404.html has no title)"


def axe_report(violations: list[dict]) -> str:
    """Each violation with its rule, impact and help, then each node's selector and why it fails."""
    lines = []
    for violation in violations:
        nodes = violation["nodes"]
        lines.append(f"{violation['id']} [{violation['impact']}] {violation['help']} ({len(nodes)} nodes)")
        for node in nodes:
            summary = " ".join(node["summary"].split())[:200]
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)


def overflow_report(overflow: dict) -> str:
    cut = (
        " (<html> has overflow-x: hidden, so what passes the edge is cut off)"
        if overflow["rootOverflowX"] == "hidden"
        else ""
    )
    lines = [
        f"scrollWidth {overflow['scrollWidth']} > clientWidth {overflow['clientWidth']}{cut}; past the right edge:"
    ]
    lines += [f"    {item['selector']}: right edge at {item['right']}px" for item in overflow["wide"]]
    return "\n".join(lines)


def vnu_errors(jar: Path, folder: Path) -> list[str]:
    """The Nu HTML Checker's errors on every HTML file in folder, as `file:line: message`."""
    run = subprocess.run(
        [java(), "-jar", str(jar), "--format", "json", "--skip-non-html", str(folder)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    try:
        messages = json.loads(run.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu gave no JSON report (exit {run.returncode}):\n{run.stderr[:2000]}")
    errors = []
    for message in messages:
        if message.get("type") in ("error", "non-document-error") or message.get("subType") == "fatal":
            name = message.get("url", "").rsplit("/", 1)[-1]
            line = message.get("lastLine", message.get("firstLine", "?"))
            errors.append(f"{name}:{line}: {message.get('message', '').strip()}")
    return sorted(errors, key=_file_and_line)


def _file_and_line(error: str) -> tuple[str, int]:
    name, line, _ = error.split(":", 2)
    return name, int(line) if line.isdigit() else 0
