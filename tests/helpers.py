"""Build small real sites in a temporary folder, read their HTML, serve them to a browser."""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import json
import logging
import shutil
import textwrap
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from gongkai.search.text import token_stream
from gongkai.static_server import SiteRequestHandler

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parents[1]
# The sample site's states (尚未生效, 失效 …) are asserted as of this day.
SAMPLE_AS_OF = "2026-11-23"
# A few documents of the sample site per search shard.
SAMPLE_SHARD_TOKENS = 3000
ORGAN_CODE = "11330000TEST00001X"
# Validity is computed as of this day in every test build, so results never depend on the clock.
AS_OF = dt.date(2026, 11, 23)

MKDOCS_YML = """\
site_name: 测试县人民政府
docs_dir: content
theme:
  name: material
  language: zh
  font: false
plugins:
  - gongkai/disclosure:
      as_of: "2026-11-23"
"""


def front_matter(**fields: object) -> str:
    """A document's front matter; list values are written as YAML flow lists."""
    lines = []
    for key, value in fields.items():
        if isinstance(value, list):
            value = "[" + ", ".join(str(v) for v in value) + "]"
        lines.append(f"{key}: {value}")
    return "---\n" + "\n".join(lines) + "\n---\n"


def document(seq: int = 1, year: int = 2024, body: str = "正文。", **overrides: object) -> str:
    fields: dict[str, object] = {
        "标题": f"测试县人民政府关于第{seq}号事项的通知",
        "索引号": f"{ORGAN_CODE}/{year}-{seq:05d}",
        "发文机关": "测试县人民政府",
        "发文字号": f"测政发〔{year}〕{seq}号",
        "成文日期": f"{year}-03-01",
        "发布日期": f"{year}-03-{min(28, 1 + seq % 27):02d}",
        "主题分类": "综合政务\\政务公开",
        "文种": "通知",
        "公开属性": "主动公开",
        "栏目": ["gfxwj"],
        "内容概述": f"关于第{seq}号事项的通知。",
    }
    for key, value in overrides.items():
        if value is None:
            fields.pop(key, None)
        else:
            fields[key] = value
    return front_matter(**fields) + "\n" + body + "\n"


@dataclass
class Project:
    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, "utf-8")
        return path

    def add_document(self, relative: str, text: str) -> Path:
        return self.write(f"content/wj/{relative}", text)

    def build(self) -> Path:
        config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.site), strict=True)
        build(config)
        return self.site

    def build_errors(self, caplog) -> list[str]:
        """Build expecting failure; return the logged error messages."""
        caplog.set_level(logging.ERROR, logger="mkdocs")
        try:
            self.build()
        except Abort:
            return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
        raise AssertionError("the build succeeded but was expected to fail")

    def html(self, url_path: str) -> HTMLParser:
        path = self.site / url_path
        if path.is_dir() or url_path.endswith("/"):
            path = path / "index.html"
        return HTMLParser(path.read_text("utf-8"))


def make_project(tmp_path: Path, documents: dict[str, str] | None = None) -> Project:
    project = Project(tmp_path / "project")
    project.root.mkdir()
    project.write("mkdocs.yml", MKDOCS_YML)
    shutil.copy(FIXTURES / "catalog.yaml", project.root / "catalog.yaml")
    project.write("content/index.md", "# 首页\n\n欢迎。\n")
    project.write("content/pages/jgzn.md", "---\n发布日期: 2024-01-02\n---\n\n## 主要职能\n\n负责全县行政工作。\n")
    for relative, text in (documents or {}).items():
        project.add_document(relative, text)
    return project


def add_top_column(project: Project, column: str) -> None:
    """The test catalog with one more top-level column: its YAML, indented as the catalog's columns."""
    catalog = project.root / "catalog.yaml"
    text = catalog.read_text("utf-8")
    at = text.index("# Test sites hold")
    catalog.write_text(text[:at] + column + text[at:], "utf-8")


def check_findings(project: Project, capsys) -> tuple[int, list[str]]:
    """`gongkai check`'s exit code and finding lines (without the summary line)."""
    from gongkai.cli import main

    code = main(["-f", str(project.root / "mkdocs.yml"), "check"])
    return code, capsys.readouterr().out.splitlines()[:-1]


def texts(tree: HTMLParser, selector: str) -> list[str]:
    return [node.text(strip=True) for node in tree.css(selector)]


def scan_output(site_dir, needle: str) -> list[str]:
    """Every output file whose bytes contain `needle` (HTML, JSON, CSV, sitemap, search index …).

    Pagefind's fragments are gzipped and hold text as 一网通查 tokens (CJK bigrams): they are read
    decoded, and searched for the needle's tokens too.
    """
    encoded = needle.encode("utf-8")
    as_tokens = token_stream(needle).encode("utf-8")
    found = []
    for path in site_dir.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".pf_fragment":
            data = gzip.decompress(data)
        if encoded in data or (path.suffix == ".pf_fragment" and as_tokens in data):
            found.append(str(path.relative_to(site_dir)))
    return found


def search_records(site_dir) -> list[dict]:
    """The records in the Pagefind index, decoded: url, content (a token stream), meta, filters."""
    records = []
    for path in sorted((site_dir / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd"), path
        record = json.loads(data[len(b"pagefind_dcd") :])
        records.append(record)
    return records


def pagefind_index(bundle: Path, as_merged: bool = False) -> dict:
    """A Pagefind index decoded, for comparing two: all of it but the names of its meta and filter files,
    which follow from the order Pagefind happens to list filter values in. `as_merged`: for comparing
    Pagefind's own index with a merged one, pages are named by their number, their word counts rounded,
    and no sort is in the meta (gongkai.search.merge writes them so, and the dates apart)."""
    from gongkai.search import pagefind_files as pf

    entry = pf.read_entry(bundle)
    languages = {name: {**details, "hash": None} for name, details in entry["languages"].items()}
    decoded: dict = {"entry": {**entry, "languages": languages}}
    for details in entry["languages"].values():
        version, pages, chunks, filters, sorts, fields = pf.read_cbor(bundle / f"pagefind.{details['hash']}.pf_meta")
        decoded["meta"] = {"version": version, "pages": pages, "chunks": chunks, "sorts": sorts, "fields": fields}
        decoded["index"] = {name: pf.read_cbor(bundle / "index" / f"{name}.pf_index") for _, _, name in chunks}
        decoded["words"] = {word: where for (chunk,) in decoded["index"].values() for word, where, _ in chunk}
        decoded["filters"] = {}
        for name, file_name in filters:
            filter_name, values = pf.read_cbor(bundle / "filter" / f"{file_name}.pf_filter")
            decoded["filters"][name] = (filter_name, {value: pages for value, pages in values})
        decoded["fragments"] = {name: pf.read_data(bundle / "fragment" / f"{name}.pf_fragment") for name, _ in pages}
        if as_merged:
            from gongkai.search.merge import rounded_word_count

            decoded["meta"]["pages"] = [[n, rounded_word_count(count)] for n, (_, count) in enumerate(pages)]
            decoded["meta"]["sorts"] = []
            decoded["fragments"] = dict(enumerate(decoded["fragments"].values()))
    return decoded


@contextmanager
def served(site: Path) -> Iterator[str]:
    """A built site served on 127.0.0.1 as `gongkai serve SITE_DIR` serves it; yields its base URL."""
    handler = functools.partial(SiteRequestHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# The organs of tests/fixtures/platform/catalog.yaml: 代码 -> (name, 机构代码).
PLATFORM_ORGANS = {
    "xzf": ("测试县人民政府", "11330000TEST00001X"),
    "jyj": ("测试县教育局", "11330000TEST00002X"),
    "sfj": ("测试县司法局", "11330000TEST00003X"),
    "csz": ("测试县城关镇人民政府", "11330000TEST00004X"),
    "hlz": ("测试县红梁镇人民政府", "11330000TEST00005X"),
}


def organ_document(organ: str, seq: int, year: int = 2026, **overrides: object) -> str:
    """A document of one organ of the platform fixture, numbered with its 机构代码."""
    name, code = PLATFORM_ORGANS[organ]
    fields: dict[str, object] = {
        "标题": f"{name}关于第{seq}号事项的通知",
        "索引号": f"{code}/{year}-{seq:05d}",
        "发文机关": name,
        "发文字号": f"测{organ}发〔{year}〕{seq}号",
    }
    return document(seq, year, **{**fields, **overrides})


JYJ_RULE = "11330000TEST00002X/2022-00001"


def platform_documents() -> dict[str, str]:
    """The platform fixture's documents: one organ's repealed by another's, one withheld, one per town."""
    return {
        # A department's 规范性文件, repealed by a government decision.
        "jyj/wj/2022/00001.md": organ_document(
            "jyj", 1, 2022, 栏目=["gfxwj"], 标题="测试县教育局关于中小学收费管理的规定"
        ),
        "xzf/wj/2026/00001.md": organ_document(
            "xzf", 1, 2026, 栏目=["gfxwj"], 标题="测试县人民政府关于废止部分规范性文件的决定", 废止=[JYJ_RULE]
        ),
        "xzf/wj/2026/00002.md": organ_document(
            "xzf", 2, 2026, 公开属性="依申请公开", 标题="测试县人民政府内部事项的批复"
        ),
        "jyj/wj/2026/00003.md": organ_document(
            "jyj", 3, 2026, 栏目=["zsks"], 标题="测试县教育局关于2026年中考招生的通知"
        ),
        "jyj/wj/2026/00007.md": organ_document("jyj", 7, 2026, 栏目=["ghjh"], 标题="测试县教育局2026年工作计划"),
        "sfj/wj/2026/00004.md": organ_document("sfj", 4, 2026, 栏目=["gfxwj"], 标题="测试县司法局关于法律援助的规定"),
        "csz/wj/2026/00005.md": organ_document(
            "csz", 5, 2026, 栏目=["tzgg"], 标题="城关镇关于秋季防火的通告", 发布日期="2026-10-20", 成文日期="2026-10-19"
        ),
        "hlz/wj/2026/00006.md": organ_document(
            "hlz", 6, 2026, 栏目=["tzgg"], 标题="红梁镇关于道路施工的通告", 发布日期="2026-10-21", 成文日期="2026-10-20"
        ),
    }


def make_platform(tmp_path: Path, documents: dict[str, str] | None = None) -> Project:
    """The platform fixture: five organs, each town with its 机构职能 page; `documents` by path under
    content/zwgk/ (e.g. 'jyj/wj/2024/00001.md')."""
    project = Project(tmp_path / "platform")
    project.root.mkdir()
    project.write("mkdocs.yml", MKDOCS_YML.replace("site_name: 测试县人民政府", "site_name: 测试县政府信息公开平台"))
    shutil.copy(FIXTURES / "platform" / "catalog.yaml", project.root / "catalog.yaml")
    project.write("content/index.md", "# 首页\n\n欢迎。\n")
    for town in ("csz", "hlz"):
        project.write(
            f"content/zwgk/{town}/pages/jgzn.md",
            "---\n发布日期: 2026-01-05\n---\n\n## 主要职能\n\n负责全镇行政工作。\n",
        )
    for relative, text in (documents or {}).items():
        project.write(f"content/zwgk/{relative}", text)
    return project
