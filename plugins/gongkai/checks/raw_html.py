"""不安全的网页代码: HTML in a published body that runs script, or loads from another host.

The same Markdown files as the link rule are read: documents that are 主动公开,
the column pages and every other Markdown page of the site. A script, an event
handler or a javascript: link runs in the visitor's browser under the site's
name; a resource from another host (a tracking pixel, a web font, an embedded
player) tells that host who reads what. Images and media from the site's own
domain (catalog.yaml 网站.域名, else the host of 机关.网站) are allowed, and so
are hosts listed under 网站: 外部资源 with the reason each was allowed. Links to
other sites are navigation, not loading: they are fine.
"""

from __future__ import annotations

import re

from ..model.layout import Layout
from ..model.rules import UNSAFE_HTML
from ..model.site import DisclosureSite
from ..model.sources import read_source
from ..model.website import Website
from ..model.yamlsource import split_front_matter
from .findings import Findings
from .links import published_markdown
from .unsafe_html import Kind, Unsafe, find_unsafe_html, url_scheme

REMOVE = "删去；正文只能是文字、表格、图片和链接"
_PORT = re.compile(r":\d*$")


def check_raw_html(site: DisclosureSite, findings: Findings) -> None:
    website = site.catalog.website
    for src_uri, source_path, _ in published_markdown(site, Layout(site.catalog)):
        text = read_source(site.docs_dir / src_uri)
        _, body, body_line = split_front_matter(text)
        for unsafe in find_unsafe_html(body):
            if unsafe.kind is Kind.LOADED and is_allowed(unsafe.host, website):
                continue
            findings.add(UNSAFE_HTML, source_path, body_line + unsafe.line, "正文", *describe(unsafe))


def is_allowed(host: str, website: Website) -> bool:
    """The site's own domain (on any port), or a host catalog.yaml allows (its port, or any port if none given)."""
    name = _PORT.sub("", host)
    return name == website.domain or website.allows(host) or website.allows(name)


def describe(unsafe: Unsafe) -> tuple[str, str]:
    """(what was found, what is expected)."""
    match unsafe.kind:
        case Kind.ELEMENT:
            return f"<{unsafe.text}> 元素", REMOVE
        case Kind.HANDLER:
            return f"{unsafe.text} 事件属性", "删去这个属性；正文不能运行脚本"
        case Kind.SCRIPT_URL:
            found = f"{url_scheme(unsafe.text)}: 链接 '{shorten(unsafe.text)}'"
            return found, "删去；链接只能指向网页或文件（https:// 地址或本站的路径）"
        case Kind.DATA_URL:
            found = f"data: 地址 '{shorten(unsafe.text, 40)}'"
            return found, "本站的文件；直接写在正文中的只能是 PNG、GIF、JPEG 或 WebP 图片（data:image/png 等）"
    found = f"从其他主机加载的资源 {shorten(unsafe.text)}（主机 {unsafe.host}）"
    return found, f"本站的文件，或在 catalog.yaml 网站.外部资源 中列出主机 {unsafe.host} 和理由"


def shorten(text: str, limit: int = 80) -> str:
    """A URL short enough for one line of a report (a data: URL may run to megabytes)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
