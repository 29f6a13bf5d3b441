"""GK503 不安全的网页代码: script, event handlers, javascript: links and resources from other hosts in a body."""

from __future__ import annotations

import json
import logging

import pytest

from gongkai.checks.unsafe_html import Kind, find_unsafe_html, loaded_host
from gongkai.cli import main
from helpers import document

RULE = "  [GK503 不安全的网页代码]"
REMOVE = "删去；正文只能是文字、表格、图片和链接"
HANDLER = "删去这个属性；正文不能运行脚本"
SCRIPT_LINK = "删去；链接只能指向网页或文件（https:// 地址或本站的路径）"
DOCUMENT = "content/wj/2024/00001.md"

# One unsafe thing a paragraph, each with the body line it is on and what the check says of it.
HOSTILE = [
    ("<script>alert(1)</script>", "<script> 元素", REMOVE),
    ('<script src="https://stats.example.com/s.js"></script>', "<script> 元素", REMOVE),
    ('<img src="00001-fj1.png" onerror="alert(1)">', "onerror 事件属性", HANDLER),
    ('<a href="javascript:alert(1)">点这里</a>', "javascript: 链接 'javascript:alert(1)'", SCRIPT_LINK),
    ("[也点这里](javascript:alert(2))", "javascript: 链接 'javascript:alert(2)'", SCRIPT_LINK),
    ('<iframe src="https://video.example.com/embed/1"></iframe>', "<iframe> 元素", REMOVE),
    ('<object data="https://media.example.com/x.swf"></object>', "<object> 元素", REMOVE),
    ('<embed src="https://media.example.com/y.swf">', "<embed> 元素", REMOVE),
    ('<img src="https://tracker.example.com/p.gif" width="1" height="1">', "https://tracker.example.com/p.gif", None),
    ("![统计图](https://images.example.net/chart.png)", "https://images.example.net/chart.png", None),
    ("<p style=\"background: url('https://cdn.example.org/bg.png')\">背景</p>", "https://cdn.example.org/bg.png", None),
    ('<img src="00001-fj1.png" srcset="00001-fj1.png 1x, https://cdn.example.org/fj1@2x.png 2x">',
     "https://cdn.example.org/fj1@2x.png", None),
]  # fmt: skip


def loaded(url: str, host: str) -> tuple[str, str]:
    return (
        f"从其他主机加载的资源 {url}（主机 {host}）",
        f"本站的文件，或在 catalog.yaml 网站.外部资源 中列出主机 {host} 和理由",
    )


def hostile_project(project):
    """Each case of HOSTILE in a document; a tracker on the home page, a handler on a column page."""
    body = "第一段。\n\n" + "\n\n".join(source for source, _, _ in HOSTILE)
    project.add_document("2024/00001.md", document(1, body=body, 附件=["00001-fj1.png"]))
    project.write("content/wj/2024/00001-fj1.png", b"\x89PNG")
    project.write("content/index.md", '# 首页\n\n欢迎。\n\n<img src="//tracker.example.com/i.gif">\n')
    page = '---\n发布日期: 2024-01-02\n---\n\n## 主要职能\n\n负责全县行政工作。<span onclick="alert(3)">详情</span>\n'
    project.write("content/pages/jgzn.md", page)
    # Not published: not read.
    project.add_document("2024/00002.md", document(2, 公开属性="依申请公开", body="<script>alert(4)</script>"))
    return project


def hostile_findings(project) -> list[str]:
    """What the check says of hostile_project, path:line: message each."""
    first = (project.root / DOCUMENT).read_text("utf-8").splitlines().index("第一段。") + 1
    lines = [
        "content/index.md:5: 正文: " + "；应为：".join(loaded("//tracker.example.com/i.gif", "tracker.example.com")),
        f"content/pages/jgzn.md:7: 正文: onclick 事件属性；应为：{HANDLER}",
    ]
    for n, (_, found, expected) in enumerate(HOSTILE):
        line = first + 2 + 2 * n
        if expected is None:
            found, expected = loaded(found, found.split("/")[2])
        lines.append(f"{DOCUMENT}:{line}: 正文: {found}；应为：{expected}")
    return sorted(lines, key=lambda line: (line.split(":")[0], int(line.split(":")[1])))


def check(project, capsys, *args: str) -> tuple[int, list[str]]:
    """Exit code and the finding lines of `gongkai check` (without the summary line)."""
    code = main(["-f", str(project.root / "mkdocs.yml"), "check", *args])
    return code, capsys.readouterr().out.splitlines()[:-1]


def build(project, capsys, *args: str) -> tuple[int, str]:
    """`gongkai build` as an editor runs it: exit code and what it printed."""
    code = main(["-f", str(project.root / "mkdocs.yml"), "build", "-d", str(project.site), *args])
    return code, capsys.readouterr().err


def set_catalog(project, section: str) -> None:
    """Add a section to the test catalog, before its last (检查)."""
    catalog = project.root / "catalog.yaml"
    text = catalog.read_text("utf-8")
    catalog.write_text(text.replace("\n检查:\n", f"\n{section}检查:\n", 1), "utf-8")


def catalog_line(project, text: str) -> int:
    lines = (project.root / "catalog.yaml").read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if text in line)


@pytest.fixture(autouse=True)
def _as_of(monkeypatch):
    monkeypatch.setenv("GONGKAI_AS_OF", "2026-11-23")


# -- what is found ---------------------------------------------------------------------------------------


def test_unsafe_html_stops_the_build_naming_each_occurrence(project, caplog):
    hostile_project(project)
    errors = project.build_errors(caplog)
    lines = errors[0].splitlines()
    expected = hostile_findings(project)
    assert len(expected) == len(HOSTILE) + 2 == 14
    assert lines[0] == "政府信息公开检查发现 14 个错误，请修正后重新构建："
    assert lines[1:] == [f"  {line}{RULE}" for line in expected]
    # A few written out whole, so that the expected text above is not only computed:
    assert f"  {DOCUMENT}:18: 正文: <script> 元素；应为：删去；正文只能是文字、表格、图片和链接{RULE}" in lines
    assert f"  {DOCUMENT}:22: 正文: onerror 事件属性；应为：删去这个属性；正文不能运行脚本{RULE}" in lines
    assert (
        f"  {DOCUMENT}:26: 正文: javascript: 链接 'javascript:alert(2)'；"
        f"应为：删去；链接只能指向网页或文件（https:// 地址或本站的路径）{RULE}"
    ) in lines
    assert (
        f"  {DOCUMENT}:34: 正文: 从其他主机加载的资源 https://tracker.example.com/p.gif（主机 tracker.example.com）；"
        f"应为：本站的文件，或在 catalog.yaml 网站.外部资源 中列出主机 tracker.example.com 和理由{RULE}"
    ) in lines
    assert (
        f"  {DOCUMENT}:40: 正文: 从其他主机加载的资源 https://cdn.example.org/fj1@2x.png（主机 cdn.example.org）；"
        f"应为：本站的文件，或在 catalog.yaml 网站.外部资源 中列出主机 cdn.example.org 和理由{RULE}"
    ) in lines


def test_gongkai_check_reports_the_same_findings_as_gk503_and_exits_1(project, capsys):
    hostile_project(project)
    code, lines = check(project, capsys)
    assert code == 1
    assert lines == [f"错误  {line}{RULE}" for line in hostile_findings(project)]

    assert main(["-f", str(project.root / "mkdocs.yml"), "check", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == 14
    assert {(f["code"], f["rule"], f["severity"], f["field"]) for f in report["findings"]} == {
        ("GK503", "不安全的网页代码", "error", "正文")
    }


def test_more_ways_to_run_script_or_load_are_found():
    body = "\n".join([
        '<a href=" JaVa\tScRiPt:alert(1)">x</a>',  # case, a tab, a leading space: a browser still runs it
        "[x](&#106;avascript:alert(1))",  # an entity in a Markdown link
        "[r]: vbscript:msgbox(1)",
        '<img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;">',  # SVG can carry script
        '<img src="data:image/png;base64,iVBORw0KGgo=">',  # a raster image is fine
        "![i](a.png){ onerror=\"alert(1)\" }",  # attr_list sets any attribute
        '<svg><use href="https://sprites.example.com/s.svg#a"/></svg>',
        "<style>\n@import 'https://fonts.example.com/a.css';\n</style>",
        '<img src="\\\\evil.example.com\\x.png">',  # a browser reads \\ as //
        "![a][logo]\n\n[logo]: https://logos.example.com/l.png",
        "a<b 的值较大\n\n<img src=https://after.example.com/x.png>",  # a stray < does not hide what follows
        "<!-- 未结束的注释\n\n<script>alert(5)</script>",
        '<div title="<img src=https://inner.example.com/x.png>">x</div>',
        "- 列表\n\n    <script>alert(6)</script>",  # list content, not an indented code block
        "!!! note\n\n    <script>alert(7)</script>",  # admonition content, not code either
    ])  # fmt: skip
    found = [(u.line, u.kind, u.host or u.text) for u in find_unsafe_html(body)]
    assert found == [
        (0, Kind.SCRIPT_URL, "JaVaScRiPt:alert(1)"),
        (1, Kind.SCRIPT_URL, "javascript:alert(1)"),
        (2, Kind.SCRIPT_URL, "vbscript:msgbox(1)"),
        (3, Kind.DATA_URL, "data:image/svg+xml,<svg onload=alert(1)>"),
        (5, Kind.HANDLER, "onerror"),
        (6, Kind.LOADED, "sprites.example.com"),
        (8, Kind.LOADED, "fonts.example.com"),
        (10, Kind.LOADED, "evil.example.com"),
        (13, Kind.LOADED, "logos.example.com"),
        (16, Kind.LOADED, "after.example.com"),
        (19, Kind.ELEMENT, "script"),
        (20, Kind.LOADED, "inner.example.com"),
        (23, Kind.ELEMENT, "script"),
        (26, Kind.ELEMENT, "script"),
    ]


def test_hosts_are_read_as_a_browser_reads_them():
    assert loaded_host("https://User@CDN.Example.com:8443/x.png") == "cdn.example.com:8443"
    assert loaded_host("//cdn.example.com/x.png") == "cdn.example.com"
    assert loaded_host("https:/\\cdn.example.com/x.png") == "cdn.example.com"
    assert loaded_host("/images/x.png") is None
    assert loaded_host("x.png") is None
    assert loaded_host("mailto:zwgk@example.gov.cn") is None


# -- what passes -------------------------------------------------------------------------------------------

SAFE_BODY = """\
![本站的图](https://test.example.gov.cn/images/a.png)

![相对路径的图](00001-fj1.png)

<img src="/images/b.png" alt="本站的绝对路径">

<a href="https://www.gov.cn/">中国政府网</a>，[国务院](https://www.gov.cn/guowuyuan/)。

![白名单中的图](https://cdn.allowed.example.com/c.png)

<video src="https://media.allowed.example.com:8443/v.mp4" controls></video>
"""

ALLOWED = """\
网站:
  外部资源:
    - 主机: cdn.allowed.example.com
      理由: 省政府统一的图片服务，经县政府办公室审核（2026-03-02）
    - 主机: media.allowed.example.com
      理由: 省政务视频平台
"""


def test_own_domain_relative_images_links_and_allowed_hosts_pass(project, capsys):
    set_catalog(project, ALLOWED)
    project.add_document("2024/00001.md", document(1, body=SAFE_BODY, 附件=["00001-fj1.png"]))
    project.write("content/wj/2024/00001-fj1.png", b"\x89PNG")
    assert check(project, capsys) == (0, [])
    assert build(project, capsys)[0] == 0


def test_a_host_not_allowed_is_still_named(project, capsys):
    set_catalog(project, ALLOWED)
    body = "![图](https://cdn.allowed.example.com.evil.example/c.png)"
    project.add_document("2024/00001.md", document(1, body=body))
    code, lines = check(project, capsys)
    assert code == 1
    assert lines == [
        f"错误  {DOCUMENT}:15: 正文: 从其他主机加载的资源 https://cdn.allowed.example.com.evil.example/c.png"
        "（主机 cdn.allowed.example.com.evil.example）；应为：本站的文件，或在 catalog.yaml 网站.外部资源 中列出主机 "
        f"cdn.allowed.example.com.evil.example 和理由{RULE}"
    ]


CODE_BODY = """\
行内代码 `<script>alert(1)</script>` 只是文字。

```html
<script src="https://stats.example.com/s.js"></script>
<img src="https://tracker.example.com/p.gif" onerror="alert(2)">
```

缩进的代码块：

    <iframe src="https://video.example.com/embed/1"></iframe>
"""


def test_code_spans_and_blocks_are_text_and_shown_as_text(project, capsys):
    project.add_document("2024/00001.md", document(1, body=CODE_BODY))
    assert check(project, capsys) == (0, [])
    assert build(project, capsys)[0] == 0

    body = project.html("wj/2024/00001/").css_first(".gk-body")
    assert [node.text() for node in body.css("code")] == [
        "<script>alert(1)</script>",
        '<script src="https://stats.example.com/s.js"></script>\n'
        '<img src="https://tracker.example.com/p.gif" onerror="alert(2)">\n',
        '<iframe src="https://video.example.com/embed/1"></iframe>\n',
    ]
    assert body.css("script, iframe, img") == []


# -- the allow-list in catalog.yaml ------------------------------------------------------------------------


def test_an_allowed_host_needs_a_reason_and_is_a_host_not_a_url(project, capsys):
    set_catalog(project, "网站:\n  外部资源:\n    - 主机: cdn.allowed.example.com\n"
                         "    - 主机: https://media.example.com/v/\n      理由: 省政务视频平台\n")  # fmt: skip
    code, lines = check(project, capsys)
    first, second = catalog_line(project, "主机: cdn.allowed"), catalog_line(project, "主机: https://")
    assert code == 1
    assert lines == [
        f"错误  catalog.yaml:{first}: 网站.外部资源[1].理由: 缺少必填字段；应为：填写「理由」  [GK100 内容格式]",
        f"错误  catalog.yaml:{second}: 网站.外部资源[2].主机: 'https://media.example.com/v/' 不是主机名；"
        "应为：主机名（可带端口），不带 https:// 和路径，如 www.gov.cn  [GK100 内容格式]",
    ]


# -- its level ---------------------------------------------------------------------------------------------


def test_as_a_warning_it_fails_only_a_strict_build(project, capsys, caplog):
    text = (project.root / "catalog.yaml").read_text("utf-8")
    (project.root / "catalog.yaml").write_text(text + "    不安全的网页代码: 警告\n", "utf-8")
    project.add_document("2024/00001.md", document(1, body='<img src="https://tracker.example.com/p.gif">'))
    warning = (
        f"{DOCUMENT}:15: 正文: 从其他主机加载的资源 https://tracker.example.com/p.gif（主机 tracker.example.com）；"
        f"应为：本站的文件，或在 catalog.yaml 网站.外部资源 中列出主机 tracker.example.com 和理由{RULE}"
    )
    assert check(project, capsys) == (0, [f"警告  {warning}"])

    caplog.set_level(logging.WARNING, logger="mkdocs")
    code, _ = build(project, capsys)
    assert code == 0
    assert f"gongkai: {warning}" in [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert build(project, capsys, "--strict")[0] == 1
