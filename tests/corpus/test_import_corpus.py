"""`gongkai import` of the whole LawRefBook corpus with bench/lawrefbook/import.yaml, and a strict build of it."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from gongkai.cli import main
from gongkai.importers.lawrefbook import read_index

PROJECT = Path(__file__).parents[2] / "bench" / "lawrefbook"
# Every reason a corpus record may be skipped for; any other fails the test.
SKIP_REASONS = {
    "没有发布日期，也没有带日期的题注：无法确定日期": "undated",
    "缺少发文机关，对照表也没有缺省值": "no issuer",
    "内容概述：来源没有，正文中也没有可作概述的段落（正文为空或只有标题）": "empty body",
}


@pytest.fixture(scope="module")
def imported(lawrefbook: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    project = tmp_path_factory.mktemp("lawrefbook") / "project"
    shutil.copytree(PROJECT, project, ignore=shutil.ignore_patterns("site", "wj"))
    return project, _import(project, lawrefbook)


def _import(project: Path, corpus: Path) -> list[str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        command = ["-f", str(project / "mkdocs.yml"), "import", str(corpus / "index.jsonl")]
        assert main([*command, "-m", str(project / "import.yaml")]) == 0
    return out.getvalue().splitlines()


def test_every_record_is_imported_or_skipped_for_a_known_reason(imported, lawrefbook):
    project, report = imported
    print("\n" + report[-1])
    entries = read_index(lawrefbook)
    summary = re.match(r"导入 (\d+) 条（新增 (\d+)，更新 0，未变 0），其中修补 (\d+) 条；跳过 (\d+) 条", report[-1])
    assert summary, report[-1]
    added, skipped = int(summary[2]), int(summary[4])
    assert added + skipped == len(entries)
    assert added == len(list((project / "content" / "wj").rglob("*.md")))
    skips = Counter()
    for line in report:
        if "：跳过（" in line:
            reason = line.split("：跳过（", 1)[1].removesuffix("）")
            assert reason in SKIP_REASONS, line
            skips[SKIP_REASONS[reason]] += 1
    assert sum(skips.values()) == skipped
    assert skips["undated"] == sum(1 for e in entries if e.version_date is None)
    assert added >= 3300


def test_a_second_import_changes_nothing(imported, lawrefbook):
    project, _ = imported
    report = _import(project, lawrefbook)
    assert re.match(r"导入 \d+ 条（新增 0，更新 0，未变 \d+）", report[-1]), report[-1]


def test_the_imported_corpus_builds_strict_with_validity(imported):
    project, _ = imported
    site = project / "site"
    assert main(["-f", str(project / "mkdocs.yml"), "build", "--strict", "-d", str(site)]) == 0
    documents = _documents(project)
    assert len(list((site / "wj").rglob("index.html"))) == len(documents)
    # A version that replaced an older one, and a text a later clause repealed: the older pages say so and link it.
    for relation, state in (("替代", "本文件已修改"), ("废止", "本文件已废止")):
        newer, older = next((url, fields[relation][0]) for url, fields in documents.items() if relation in fields)
        older_url = next(url for url, fields in documents.items() if fields["索引号"] == older)
        banner = _html(site, older_url).css_first(".gk-validity")
        assert banner is not None and banner.css_first("h2").text(strip=True).endswith(state)
        links = [urljoin(f"https://x/{older_url}", a.attributes.get("href") or "") for a in banner.css("a")]
        assert f"https://x/{newer}" in links


def _documents(project: Path) -> dict[str, dict]:
    """Each imported document's URL path (wj/2019/00001/) and front matter."""
    from gongkai.model.yamlsource import load_yaml, split_front_matter

    found = {}
    for path in (project / "content" / "wj").rglob("*.md"):
        front, _, _ = split_front_matter(path.read_text("utf-8"))
        found[path.relative_to(project / "content").with_suffix("").as_posix() + "/"] = load_yaml(front)
    return found


def _html(site: Path, url: str) -> HTMLParser:
    return HTMLParser((site / url / "index.html").read_text("utf-8"))
