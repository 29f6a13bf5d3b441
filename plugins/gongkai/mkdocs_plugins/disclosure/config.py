from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class DisclosureConfig(Config):
    """Options of the `gongkai/disclosure` plugin."""

    enabled = c.Type(bool, default=True)
    """Switch the disclosure column off, e.g. for a quick preview of other pages."""

    catalog = c.Type(str, default="catalog.yaml")
    """The disclosure catalog, relative to mkdocs.yml."""

    documents_dir = c.Type(str, default="wj")
    """Folder under docs_dir holding the documents; every Markdown file in it is one."""

    progress_steps = c.Type(int, default=10)
    """How many progress lines a build prints while writing document pages."""
