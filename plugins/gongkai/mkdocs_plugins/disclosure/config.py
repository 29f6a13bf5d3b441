from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class _AtLeastOne(c.Type):
    """A whole number of at least 1: a count that 0 or less would make meaningless."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if number < 1:
            raise c.ValidationError(f"'{number}'；应为：不小于 1 的整数")
        return number


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

    cleanups_dir = c.Type(str, default="qingli")
    """Folder under docs_dir holding the 清理 records (*.yaml), each published as a page."""

    gazettes_dir = c.Type(str, default="gongbao")
    """Folder under docs_dir holding the 政府公报's issues (*.yaml, with their PDFs), each published as a page."""

    standards_dir = c.Type(str, default="bzml")
    """Folder under docs_dir holding the 基层政务公开事项标准目录, a *.yaml file per domain, each a page."""

    as_of = c.Optional(c.Type(str))
    """Compute validity states as of this day (YYYY-MM-DD) instead of the build day, for a reproducible
    build. The environment variable GONGKAI_AS_OF (set by `gongkai build --as-of`) takes precedence."""

    search_index = c.Type(bool, default=True)
    """Build the Pagefind index of the 主动公开 documents (一网通查) after each build."""

    search_shard_tokens = c.Type(int, default=0)
    """Indexed words per search shard (the index is built in shards, then merged into one); 0 chooses: one
    million for an organ's documents (about 300 MB for Pagefind), and groups of whole organs of up to two
    million on a platform."""

    cache_dir = c.Type(str, default=".cache/gongkai")
    """The build cache, relative to mkdocs.yml: document pages and search shards that a build takes from
    the build before it when nothing they are made of has changed (gongkai.build_cache). Empty: no cache."""

    feed_entries = _AtLeastOne(default=50)
    """Entries of each Atom feed (the whole column's `atom.xml` and each listing column's), newest 发布日期
    first. Feeds hold absolute addresses: a site without `site_url` has none."""
