"""A page the build cache holds (gongkai.build_cache): nothing to read, render or write.

MkDocs makes a Page for every file that has none when it builds the navigation;
the plugin makes this one first, for kept pages outside the nav (documents, and
pages 2, 3 … of lists), so that MkDocs neither reads the source again nor sets up
a Markdown converter for it (half a millisecond a page). In on_post_page the
plugin links the page as it was kept into the site and gives MkDocs an empty
output, which MkDocs does not write (and says so: `KeptPagesSkipped` keeps that
out of the log).
"""

from __future__ import annotations

import logging
from collections.abc import Container

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents


class KeptPage(Page):
    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown, self.meta = "", {}

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content, self.toc = "", TableOfContents([])


class KeptPagesSkipped(logging.Filter):
    """Drops MkDocs' "Page skipped" of the pages in `kept`, which are in the site all the same."""

    PREFIX = "Page skipped: '"

    def __init__(self, kept: Container[str]) -> None:
        super().__init__()
        self.kept = kept

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if not message.startswith(self.PREFIX):
            return True
        return message[len(self.PREFIX) :].split("'", 1)[0] not in self.kept
