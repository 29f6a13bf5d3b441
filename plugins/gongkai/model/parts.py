"""A platform built in parts: each organ's part on its own (a CI job each), then the portal assembled.

A part is the site directory of `gongkai build --organ <代码>`: the organ's pages under its folder, and
beside them its manifest (gongkai-part.json: who built it, for which site, catalog and day, the portal's
records of the organ) and its search: the organ's own Pagefind index in `pagefind/`, with the list of its
pages and word counts the assembly merges it by (gongkai.search.part_search). `gongkai assemble` needs
nothing else of the organs: not their sources, not their build.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from .portal import PortalData, portal_data_from_json, portal_data_json
from .problems import InvalidInput, Problem

MANIFEST = "gongkai-part.json"
SEARCH_PAGES = "gongkai-part-search.json"
FORMAT = "gongkai-part/1"


@dataclass(frozen=True)
class BuildIdentity:
    """What parts of one site must share: else their pages would not fit together."""

    version: str  # gongkai's
    site_url: str
    catalog: str  # SHA-256 of catalog.yaml
    as_of: str  # the day validity is computed for


def identity(site_url: str, catalog_file: Path, as_of: str) -> BuildIdentity:
    digest = hashlib.sha256(catalog_file.read_bytes()).hexdigest()
    return BuildIdentity(__version__, site_url, digest, as_of)


@dataclass(frozen=True)
class Part:
    folder: Path
    organ: str
    portal: PortalData

    @property
    def search_pages(self) -> Path:
        return self.folder / SEARCH_PAGES


def write_manifest(folder: Path, build: BuildIdentity, organ: str, portal: PortalData) -> None:
    manifest = {
        "格式": FORMAT, "gongkai": build.version, "site_url": build.site_url, "catalog": build.catalog,
        "as_of": build.as_of, "organ": organ, "portal": portal_data_json(portal),
    }  # fmt: skip
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")


def read_parts(folders: list[Path], build: BuildIdentity, organs: list[str]) -> list[Part]:
    """The parts of `organs`, in that order; InvalidInput naming each part that is missing, foreign or
    built otherwise (another gongkai, site URL, catalog or day)."""
    problems: list[Problem] = []
    found: dict[str, Part] = {}
    for folder in folders:
        part = _read_part(folder, build, problems)
        if part is None:
            continue
        if part.organ not in organs:
            problems.append(
                _problem(folder, "organ", f"公开单位 '{part.organ}' 不在 catalog.yaml 中", "、".join(organs))
            )
        elif part.organ in found:
            problems.append(
                _problem(
                    folder,
                    "organ",
                    f"公开单位 '{part.organ}' 已有部分 {found[part.organ].folder}",
                    "每个公开单位一个部分",
                )
            )
        else:
            found[part.organ] = part
    missing = [key for key in organs if key not in found]
    if missing:
        problems.append(
            Problem(
                "gongkai assemble",
                None,
                "",
                f"缺少公开单位 {'、'.join(missing)} 的部分",
                "每个公开单位一个用 gongkai build --organ 构建的部分",
            )
        )
    if problems:
        raise InvalidInput(problems)
    return [found[key] for key in organs]


def _read_part(folder: Path, build: BuildIdentity, problems: list[Problem]) -> Part | None:
    path = folder / MANIFEST
    try:
        data: Any = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        problems.append(_problem(folder, "", "没有 gongkai-part.json", "gongkai build --organ <代码> 构建的站点目录"))
        return None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        problems.append(_problem(folder, "", f"gongkai-part.json 无法读取（{e}）", "gongkai build --organ 写出的清单"))
        return None
    if not isinstance(data, dict) or data.get("格式") != FORMAT:
        found = data.get("格式") if isinstance(data, dict) else None
        problems.append(_problem(folder, "格式", f"'{found}'", f"{FORMAT}（由这一版 gongkai 构建）"))
        return None
    expected = {"gongkai": build.version, "site_url": build.site_url, "catalog": build.catalog, "as_of": build.as_of}
    words = {
        "gongkai": "gongkai 版本",
        "site_url": "site_url",
        "catalog": "catalog.yaml（SHA-256）",
        "as_of": "有效性计算日",
    }
    wrong = False
    for key, value in expected.items():
        if data.get(key) != value:
            problems.append(
                _problem(
                    folder,
                    key,
                    f"{words[key]} 为 '{data.get(key)}'",
                    f"与本次组装相同：'{value}'，请用同一版本、同一配置重新构建这一部分",
                )
            )
            wrong = True
    if wrong:
        return None
    try:
        part = Part(folder, str(data["organ"]), portal_data_from_json(data["portal"]))
    except (KeyError, TypeError, ValueError) as e:
        found = f"清单不完整或已损坏（{type(e).__name__}: {e}）"
        problems.append(_problem(folder, "portal", found, "gongkai build --organ 写出的完整清单：请重新构建这一部分"))
        return None
    if not part.search_pages.is_file():
        found = f"没有 {SEARCH_PAGES}"
        problems.append(
            _problem(folder, "", found, "gongkai build --organ 写出的检索索引（构建时 search_index 须开启）")
        )
        return None
    return part


def _problem(folder: Path, field: str, found: str, expected: str) -> Problem:
    return Problem(f"{folder}/{MANIFEST}", None, field, found, expected)
