"""A site's folders and the disclosure plugin's options, read from its mkdocs.yml (for the commands)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import PLUGIN_NAME
from .model.fields import parse_date
from .model.problems import InvalidInput, Problem

# Set by `gongkai build/check/review --as-of`, read by the plugin: it wins over mkdocs.yml's as_of.
AS_OF_VARIABLE = "GONGKAI_AS_OF"
# Set by `gongkai build --organ`: the build is that organ's part of a platform (gongkai.model.parts).
PART_VARIABLE = "GONGKAI_PART"
# Set by `gongkai assemble`: the build is the portal, assembled from these parts (os.pathsep between them).
ASSEMBLE_VARIABLE = "GONGKAI_ASSEMBLE"


@dataclass(frozen=True)
class Project:
    root: Path  # the folder of mkdocs.yml
    docs_dir: Path
    plugin: Any  # the DisclosureConfig of the gongkai/disclosure plugin
    site_url: str
    use_directory_urls: bool

    @property
    def catalog_file(self) -> Path:
        return self.root / self.plugin.catalog

    def page_url(self, src_uri: str) -> str:
        """Where the page of a Markdown file is published: absolute when mkdocs.yml gives site_url."""
        stem = src_uri.removesuffix(".md")
        path = f"{stem}/" if self.use_directory_urls else f"{stem}.html"
        return self.site_url.rstrip("/") + "/" + path if self.site_url else path


def load_project(config_file: Path) -> Project:
    """Raise InvalidInput when mkdocs.yml cannot be read or does not use the disclosure plugin."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    try:
        config = load_config(str(config_file))
    except (ConfigurationError, OSError) as e:
        raise InvalidInput([Problem(str(config_file), None, "", f"无法读取：{e}", "有效的 MkDocs 配置文件")]) from e
    if PLUGIN_NAME not in config.plugins:
        found = f"plugins 中没有 {PLUGIN_NAME}"
        raise InvalidInput([Problem(str(config_file), None, "plugins", found, f"启用 {PLUGIN_NAME} 插件的站点")])
    return Project(
        root=config_file.resolve().parent,
        docs_dir=Path(config.docs_dir),
        plugin=config.plugins[PLUGIN_NAME].config,
        site_url=config.site_url or "",
        use_directory_urls=config.use_directory_urls,
    )


def as_of_day(configured: str | None, option_name: str) -> dt.date:
    """The day validity and checks are computed for: GONGKAI_AS_OF, else `configured` (mkdocs.yml), else today.

    ValueError, naming where the day came from (`option_name` for the environment variable), if it is no date.
    """
    from_environment = os.environ.get(AS_OF_VARIABLE)
    text = from_environment or configured
    if not text:
        return dt.date.today()
    day = parse_date(text)
    if day is None:
        source = option_name if from_environment else "mkdocs.yml: as_of"
        raise ValueError(f"{source}: '{text}' 不是有效日期；应为：YYYY-MM-DD 格式的日期，如 2026-01-01")
    return day
