"""The keys under which the build cache (gongkai.build_cache) keeps a document page of this build."""

from __future__ import annotations

import datetime as dt
import re
import sysconfig
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from ...build_cache import digest

# A link or image to a file of the site: MkDocs checks it and writes its address while it renders the
# page, so a page with one is rendered every time (the other file may have moved or gone).
_LOCAL_LINK = re.compile(
    r"""(?:\]\(\s*<?|^\s{0,3}\[[^\]]+\]:\s*<?|(?:href|src)\s*=\s*["']?)(?![a-z][a-z0-9+.-]*:|#|//)""",
    re.IGNORECASE | re.MULTILINE,
)


def build_fingerprint(config: MkDocsConfig, catalog_path: Path, as_of: dt.date) -> str:
    """What every page depends on: settings, catalog, code and templates, installed packages, the day."""
    parts: list[str | bytes] = [f"as_of {as_of.isoformat()}", repr(config.nav)]
    for path in (Path(config.config_file_path or "mkdocs.yml"), catalog_path):
        parts += [path.name, path.read_bytes()]
    parts += sorted(f"{d.metadata['Name']} {d.version}" for d in metadata.distributions())
    installed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    # Installed packages are covered by their versions; our code and a site's overrides by their files.
    folders = [Path(str(resources.files("gongkai")))]
    folders += [Path(d) for d in config.theme.dirs if not any(d.startswith(prefix) for prefix in installed)]
    for folder in dict.fromkeys(folders):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return digest(parts)


def page_key(fingerprint: str, url: str, source: bytes, view: Any) -> str | None:
    """The key of a document page: None for a page that links to files of the site, which is never kept.

    `view` is what the page's template receives (gongkai.views.DocumentView): plain data whose
    repr holds all the page shows, its relations and their titles, states and addresses included.
    """
    if _links_to_site_files(source.decode("utf-8")):
        return None
    return digest([fingerprint, url, source, repr(view)])


def _links_to_site_files(text: str) -> bool:
    # Most documents have no link at all: plain searches rule them out before the pattern runs.
    lower = text.lower()
    if "](" not in text and "]:" not in text and "href" not in lower and "src" not in lower:
        return False
    return _LOCAL_LINK.search(text) is not None
