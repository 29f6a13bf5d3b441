"""catalog.yaml 网站: what identifies the website itself, as inspections and page metadata ask for.

The 政府网站标识码 (SiteIDCode) is 10 characters: for a local site the 6-digit 行政区划代码 (GB/T 2260)
of its government and a 4-digit sequence (3305210001); for a State Council department `bm`, a
2-digit department code and a 6-digit sequence (bm01000001). The form is inferred from real sites
(DOMAIN.md §8), so it is one pattern here, with the message naming both forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .fields import FieldReader, describe

SITE_ID_PATTERN = re.compile(r"^(?:[1-8]\d{5}\d{4}|bm\d{8})$")
SITE_ID_EXPECTED = (
    "政府网站标识码：10 位，地方网站为 6 位行政区划代码加 4 位顺序号（如 3305210001），"
    "国务院部门为 bm 加 8 位数字（如 bm01000001）"
)
HOST_PATTERN = re.compile(
    r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$"
)
WEBSITE_KEYS = ["标识码", "域名", "ICP备案号", "公安备案号", "外部资源"]


@dataclass(frozen=True)
class AllowedHost:
    """A host that bodies may load from (an image, a video), with why the organ allows it."""

    host: str
    reason: str
    line: int


@dataclass(frozen=True)
class Website:
    site_id: str | None = None  # 政府网站标识码
    domain: str | None = None  # SiteDomain
    icp: str | None = None  # ICP备案号
    police: str | None = None  # 公安机关备案号
    allowed_hosts: tuple[AllowedHost, ...] = ()

    def allows(self, host: str) -> bool:
        return host.lower() in {h.host for h in self.allowed_hosts}


def host_of(url: str) -> str | None:
    """The host (with port) of an absolute or protocol-relative URL, lower-cased; None for a relative one."""
    parts = urlsplit(url.strip())
    return parts.netloc.lower() or None


def read_website(reader: FieldReader | None, organ_website: str | None) -> Website:
    """The 网站 section; without it, the domain still comes from 机关.网站."""
    fallback_domain = host_of(organ_website) if organ_website else None
    if reader is None:
        return Website(domain=fallback_domain)
    reader.check_keys(WEBSITE_KEYS, [])
    site_id = reader.text("标识码")
    if site_id is not None and not SITE_ID_PATTERN.match(site_id):
        reader.problem("标识码", f"{describe(site_id)} 不是有效的政府网站标识码", SITE_ID_EXPECTED)
        site_id = None
    domain = reader.text("域名")
    if domain is not None and not HOST_PATTERN.match(domain.lower()):
        reader.problem(
            "域名", f"{describe(domain)} 不是域名", "网站的域名，不带 https:// 和路径，如 www.example.gov.cn"
        )
        domain = None
    return Website(
        site_id=site_id,
        domain=(domain or "").lower() or fallback_domain,
        icp=reader.text("ICP备案号"),
        police=reader.text("公安备案号"),
        allowed_hosts=tuple(_allowed_hosts(reader)),
    )


def _allowed_hosts(reader: FieldReader) -> list[AllowedHost]:
    """外部资源: each host an organ lets its pages load from is reviewed, with its reason."""
    hosts = []
    for item in reader.mapping_list("外部资源"):
        item.check_keys(["主机", "理由"], ["主机", "理由"])
        host, reason = item.text("主机"), item.text("理由")
        if host is not None and not HOST_PATTERN.match(host.lower()):
            item.problem(
                "主机", f"{describe(host)} 不是主机名", "主机名（可带端口），不带 https:// 和路径，如 www.gov.cn"
            )
            continue
        if host is not None and reason is not None:
            hosts.append(AllowedHost(host.lower(), reason, item.line("主机")))
    return hosts
