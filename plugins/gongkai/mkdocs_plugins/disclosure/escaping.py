"""Every template of the theme escapes what it writes, exactly once.

MkDocs creates its Jinja environment with autoescape off, so a title holding `<script>`, `"` or `&`
would be written into pages as HTML by any template, Material's included. With autoescape on, Jinja
escapes every value it writes unless the value is `markupsafe.Markup`. Here are the few values that are
HTML already and are marked so: a page's rendered body and its table of contents (Python-Markdown escapes
their text), and mkdocs.yml's copyright, which Material documents as HTML. Titles taken from a page's
first heading come entity-escaped from MkDocs; they are made plain text like every other title.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink


def escape_by_default(env: Environment) -> None:
    env.autoescape = True


def mark_config_html(config: MkDocsConfig) -> None:
    if config.copyright and not isinstance(config.copyright, Markup):
        config.copyright = Markup(config.copyright)


def plain_title(page: Page) -> None:
    """A title MkDocs took from the first heading keeps its entities (`A &amp; B`): unescape it once."""
    if "title" not in page.meta and page.title:
        page.title = html.unescape(page.title)


def mark_rendered_html(page: Page) -> None:
    if page.content is not None and not isinstance(page.content, Markup):
        page.content = Markup(page.content)
    for link in _walk(page.toc):
        if not isinstance(link.title, Markup):
            link.title = Markup(link.title)


def _walk(links: Iterable[AnchorLink]) -> Iterable[AnchorLink]:
    for link in links:
        yield link
        yield from _walk(link.children)
