"""A page the build cache holds (gongkai.build_cache): nothing to read, nothing to render.

MkDocs makes a Page for every file that has none when it builds the navigation;
the plugin makes this one first, for kept pages outside the nav (documents, and
pages 2, 3 … of lists), so that MkDocs neither reads the source again nor sets up
a Markdown converter for it (half a millisecond a page). The plugin writes the
page as it was kept in on_post_page.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents


class KeptPage(Page):
    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown, self.meta = "", {}

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content, self.toc = "", TableOfContents([])
