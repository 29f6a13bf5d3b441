"""MkDocs adapter of the disclosure column: loads the domain, hands back pages.

Everything it decides is in `gongkai.model` and `gongkai.views`; here are only
the hooks that move data between MkDocs and them.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils.templates import TemplateContext

from ... import PLUGIN_NAME
from ...build_cache import PART_CACHES, BuildCache, digest
from ...checks.annual_reports import override_notes
from ...checks.findings import describe_finding
from ...checks.runner import check_site
from ...model.annual_report import with_table_marks
from ...model.catalog import ColumnKind
from ...model.directory import (
    directory_csv,
    directory_json,
    directory_rows,
    library_json,
)
from ...model.document import Document
from ...model.feeds import Feed, atom_xml, plan_feeds
from ...model.layout import SEARCH_TITLE, SEARCH_URI, Layout, PortalLayout
from ...model.palette import accessible_colours, custom_variables, palette_choices, palette_css
from ...model.parts import Part, identity, read_parts, write_manifest
from ...model.platform_catalog import PlatformCatalog, load_platform_catalog
from ...model.portal import PortalData, merge_portal_data, organ_portal_data, platform_directory_json, portal_data
from ...model.problems import InvalidInput, Severity
from ...model.report_export import export_uris, report_csv, report_json
from ...model.site import DisclosureSite, Platform, load_platform
from ...model.sources import sources_read_once
from ...model.standard_export import standard_csv, standard_json
from ...page_meta import PageMeta, page_meta, portal_meta, portal_pub_date, pub_date
from ...portal_views import DIRECTORY_TITLE, PortalViewBuilder, organ_groups
from ...project import ASSEMBLE_VARIABLE, PART_VARIABLE, as_of_day
from ...qr_code import qr_code
from ...search.bundle import ORGAN_GROUP_TOKENS, SHARD_TOKENS, IndexSummary, PlannedShard, SearchBundle
from ...search.pagefind_files import PagefindFormatError
from ...search.part_search import PartSearch
from ...search.records import record_from_json, record_json, record_of
from ...search.shards import Member, plan_shards, shard_size
from ...views import DocumentView, Link, ViewBuilder, feed_links
from ...wide_tables import WideTablesExtension
from .assembly import AssemblyWork, organ_page_uris, sitemap_pages
from .cache_keys import build_fingerprint, page_key
from .config import DisclosureConfig
from .escaping import escape_by_default, mark_config_html, mark_rendered_html, plain_title
from .generated import GeneratedPage, plan_pages, plan_portal_pages
from .kept_page import KeptPage, KeptPagesSkipped
from .render_once import RenderOnce

log = get_plugin_logger(__name__)
# The logger of MkDocs' build, which says so of each page it does not write (kept pages: KeptPagesSkipped).
MKDOCS_BUILD_LOG = logging.getLogger("mkdocs.commands.build")


# The id of each page's main heading in the templates: the target of the skip link.
MAIN_ANCHOR = "gk-main"
# The theme's colours at WCAG contrast, written each build from mkdocs.yml's palette (gongkai.model.palette).
PALETTE_CSS = "assets/gongkai/palette.css"


class DisclosurePlugin(BasePlugin[DisclosureConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.platform: Platform | None = None
        # By owner: an organ's key on a platform; "" for a one-organ site's organ, or a platform's portal.
        self.layouts: dict[str, Layout] = {}
        self.portal_layout: PortalLayout | None = None
        self.generated: dict[str, GeneratedPage] = {}
        self.document_uris: dict[str, Any] = {}
        self.urls: dict[str, str] = {}
        self.builders: dict[str, Any] = {}  # owner -> its ViewBuilder (the portal's: a PortalViewBuilder)
        self.portal_data: PortalData | None = None  # what a platform's portal shows (gongkai.model.portal)
        self.catalog_path: Path | None = None
        self.written = 0
        self.search: SearchBundle | PartSearch | None = None
        self.cache: BuildCache | None = None
        self.page_keys: dict[str, str | None] = {}  # src_uri -> key in the build cache; None: not kept
        self.page_views: dict[str, Any] = {}  # src_uri -> view, made once for its key
        self.kept: set[str] = set()  # src_uris whose pages this build takes from the cache
        self.kept_pages_skipped = KeptPagesSkipped(self.kept)
        self.shard_cuts: list[str] = []
        self.shard_tokens: int | None = None
        self.palette_css = ""
        self.feeds: dict[str, list[Feed]] = {}  # owner -> its Atom feeds; none without site_url
        self.part: str | None = None  # the organ a part build is for (gongkai build --organ)
        self.document_total = 0  # the document pages this build writes
        self.catalog: PlatformCatalog | None = None
        self.parts: list[Part] | None = None  # what `gongkai assemble` assembles; None: not an assembly
        self.assembling: AssemblyWork | None = None  # the parts' pages being copied, their indexes merged

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        project_dir = Path(config.config_file_path or ".").resolve().parent
        self.catalog_path = project_dir / self.config.catalog
        assembly = os.environ.get(ASSEMBLE_VARIABLE)
        if assembly:
            self._configure_assembly(config, project_dir, [Path(p) for p in assembly.split(os.pathsep)])
        else:
            with sources_read_once():  # loading and the checks read the same files
                self._load(config, project_dir)
        assert self.catalog is not None
        self.layouts = {(c.organ_key or ""): Layout(c) for c in self.catalog.organs}
        portal = self.catalog.portal
        self.portal_layout = PortalLayout(portal.slug, portal.directory_slug) if portal else None
        self.cache = self._build_cache(config, project_dir) if self.parts is None else None
        mark_config_html(config)
        self.palette_css = self._palette_css(config)
        if not any(isinstance(e, WideTablesExtension) for e in config.markdown_extensions):
            config.markdown_extensions.append(WideTablesExtension())
        self._add_theme_files(config)
        config.nav = self._nav(config)
        return config

    def _load(self, config: MkDocsConfig, project_dir: Path) -> None:
        """Every organ's sources, loaded and checked."""
        assert self.catalog_path is not None
        self.part = os.environ.get(PART_VARIABLE) or None
        try:
            self.platform = load_platform(
                self.catalog_path, Path(config.docs_dir), self.config.documents_dir, project_dir,
                as_of=self._as_of(), cleanups_dir=self.config.cleanups_dir, only_organ=self.part,
                gazettes_dir=self.config.gazettes_dir, standards_dir=self.config.standards_dir,
            )  # fmt: skip
        except InvalidInput as e:
            raise PluginError(str(e)) from e
        log.info("文件有效性按 %s 计算", self.platform.as_of)
        if self.part is not None and self.platform.site(self.part) is None:
            keys = "、".join(c.organ_key or "" for c in self.platform.catalog.organs)
            found = (
                f"'{self.part}' 不是公开单位的代码"
                if self.platform.is_platform
                else f"'{self.part}'：这个站点只有一个机关"
            )
            raise PluginError(f"--organ: {found}；应为：以下公开单位代码之一：{keys}" if keys else f"--organ: {found}")
        self.catalog = self.platform.catalog
        self._run_checks()

    def _configure_assembly(self, config: MkDocsConfig, project_dir: Path, folders: list[Path]) -> None:
        """The catalog and the parts only: no organ's sources are read."""
        assert self.catalog_path is not None
        display = self.catalog_path.relative_to(project_dir).as_posix()
        try:
            catalog = load_platform_catalog(self.catalog_path, display, Path(config.docs_dir), check_pages=False)
            if not catalog.is_platform:
                raise PluginError(f"{display}: 没有 公开单位；应为：平台站点（只有平台站点分部分构建和组装）")
            build = identity(config.site_url or "", self.catalog_path, self._as_of().isoformat())
            self.parts = read_parts(folders, build, [c.organ_key or "" for c in catalog.organs])
        except InvalidInput as e:
            raise PluginError(str(e)) from e
        self.catalog = catalog
        self.portal_data = merge_portal_data([part.portal for part in self.parts])
        log.info("组装 %d 个公开单位的部分：%d 份文件", len(self.parts), len(self.portal_data.documents))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if self.parts is not None:
            assert self.catalog is not None  # the site folder is empty by now: the parts may be put into it
            self.assembling = AssemblyWork(self.parts, self.catalog, Path(config.site_dir), self.config.search_index)
            return self._assembly_files(files, config)
        platform = self.platform
        if platform is None:
            return None
        # Whatever is not to be published leaves the build here, before any page exists.
        # Documents go last, in the order of the search index, which is cut into shards in the order pages
        # come: newest first, or on a platform of many organs organ by organ (an index each, then merged).
        self.document_uris = {d.src_uri: d for d in platform.documents}  # newest first
        search_order = platform.by_organ if self.portal_layout is not None else platform.documents
        order = {d.src_uri: position for position, d in enumerate(search_order)}
        published = [f for f in files if f.src_uri not in platform.whole.unpublished_files]
        files = Files(sorted(published, key=lambda f: order.get(f.src_uri, -1)))
        for file in files:
            if file.src_uri in self.document_uris:
                file.inclusion = InclusionLevel.NOT_IN_NAV  # reached from listings, not the nav
        docs_dir = Path(config.docs_dir)
        try:
            self.generated = self._plan_pages(docs_dir)
        except ValueError as e:
            raise PluginError(f"catalog.yaml: 生成的页面网址冲突：{e}；应为：各栏目和页面的路径互不相同") from e
        # Check every clash before adding: each append resets the lookup index of Files.
        existing = {f.src_uri for f in files}
        for src_uri, page in self.generated.items():
            if src_uri in existing:
                raise PluginError(
                    f"content/{src_uri}: 与生成的栏目页面「{page.title}」路径冲突；"
                    f"应删除或移走这个文件（{self._column_root}/ 下的页面由 catalog.yaml 生成）"
                )
        self._add_generated(files, config)
        if self.part is not None:
            files = self._only_the_part(files)
        self.urls = {f.src_uri: f.url for f in files}
        if self.part is not None:
            # What the part exports of its organ; its own pages that are not the organ's (the 404) read it too.
            site = platform.site(self.part)
            assert site is not None
            self.portal_data = organ_portal_data(site, self.urls)
        elif self.portal_layout is not None:
            self.portal_data = portal_data(platform, self.urls)
        self.builders = self._view_builders()
        self.document_total = len(self._built_documents)
        self._add_exports(files, config)
        self._add_feeds(files, config)
        files.append(File.generated(config, PALETTE_CSS, content=self.palette_css))
        self._plan_build(config)
        self._take_kept_pages(files, config)
        if self.search is not None:
            # Documents Pagefind indexes go first: it indexes them while the others, from the cache, are written.
            search = self.search
            position = {f.src_uri: n for n, f in enumerate(files)}
            first = {f.src_uri for f in files if f.src_uri in self.document_uris and search.wants(f.url)}
            files = Files(sorted(files, key=lambda f: (f.src_uri not in first, position[f.src_uri])))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        src_uri = page.file.src_uri
        if src_uri in self.generated:
            generated = self.generated[src_uri]
            page.meta["template"] = generated.template
            page.meta.setdefault("title", generated.title)
        elif src_uri in self.document_uris:
            page.meta["template"] = DocumentView.template
            page.meta.setdefault("title", self.document_uris[src_uri].title)
        if src_uri in self.kept:
            # The page as the cache holds it is written in on_post_page: nothing to render.
            page.meta["template"] = "gongkai/cached.html"
            return ""
        document = self.document_uris.get(src_uri)
        if document is not None and document.report is not None:
            return with_table_marks(markdown)  # the template puts the report's tables there
        return None

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        plain_title(page)  # before any template writes it: MkDocs renders every body before any page
        src_uri = page.file.src_uri
        if self.platform is None or src_uri not in self.document_uris:
            return None
        wanted = self.search is not None and self.search.wants(page.file.url)
        key = self.page_keys.get(src_uri)
        record = None
        if src_uri in self.kept:
            if wanted:
                assert key is not None and self.cache is not None
                record = record_from_json(self.cache.page_record(key))
        elif wanted or key:
            site = self.platform.site_of_document[src_uri]
            record = record_of(site, self.document_uris[src_uri], page.file.url, html)
            if key and self.cache is not None:
                # Now, not with the page: MkDocs renders every body before it writes any page.
                self.cache.put_record(key, record_json(record))
        if wanted and record is not None and self.search is not None:
            self.search.add(record)
        return None

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if page.file.src_uri in self.kept:
            return None
        mark_rendered_html(page)
        view = self._view(page)
        context["gongkai_meta"] = self._page_meta(page, view, config)  # type: ignore[typeddict-unknown-key]
        if isinstance(view, DocumentView) and page.canonical_url:
            context["gongkai_qr"] = qr_code(page.canonical_url)  # type: ignore[typeddict-unknown-key]
        feeds = self.feeds.get(self._owner_of(page.file.src_uri), [])
        context["gongkai_feeds"] = feed_links(feeds, view)  # type: ignore[typeddict-unknown-key]
        if view is not None:
            context["gongkai"] = view  # type: ignore[typeddict-unknown-key]
            if not page.toc:
                # Material renders its skip link only towards the first TOC entry.
                page.toc = TableOfContents([AnchorLink("正文", MAIN_ANCHOR, 1)])
                page.meta.setdefault("hide", []).append("toc")
        return context

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext | None:
        # A static template (the 404 page) has no page of its own: it names the whole column's feed, and its
        # metadata is that of the site's column as a whole (a platform's portal).
        context["gongkai_feeds"] = feed_links(self.feeds.get("", []), None)  # type: ignore[typeddict-unknown-key]
        if template_name == "sitemap.xml" and self.parts is not None:
            # The organs' pages are in their parts: their sitemaps' entries join the portal's.
            extra = sitemap_pages(self.parts, config.site_url or "")
            context["pages"] = [*context["pages"], *extra]  # type: ignore[typeddict-item]
        if self.catalog is not None and template_name.endswith(".html"):
            meta = self._meta_of("", site_name=config.site_name, title="页面未找到", url="")
            context["gongkai_meta"] = meta  # type: ignore[typeddict-unknown-key]
        return context

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        escape_by_default(env)
        env.globals["gongkai_once"] = RenderOnce()  # a new one each build: nothing outlives the build
        if self.catalog is not None:
            env.globals["gongkai_website"] = self.catalog.first.website
        return env

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]) -> None:
        # The catalog lives beside mkdocs.yml, outside docs_dir: watch it too.
        if self.catalog_path is not None:
            server.watch(str(self.catalog_path))

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        src_uri = page.file.src_uri
        key = self.page_keys.get(src_uri)
        if key and self.cache is not None:
            if src_uri in self.kept:
                # Linked from the cache, neither read nor written; MkDocs writes no page whose output is empty.
                self.cache.link_page(key, Path(page.file.abs_dest_path))
                output = ""
            else:
                self.cache.put_html(key, output)
        if src_uri in self.document_uris:
            self.written += 1
            total = self.document_total
            step = max(1, total // max(1, self.config.progress_steps))
            if self.written % step == 0 or self.written == total:
                log.info("文件页面 %d/%d", self.written, total)
        return output

    def on_build_error(self, *, error: Exception) -> None:
        if self.assembling is not None:
            self.assembling.abandon()
            self.assembling = None
        if self.search is not None:
            self.search.discard()
            self.search = None
        self._forget_build()

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.parts is not None and self.assembling is not None:
            try:
                summary = self.assembling.finish()
            except PagefindFormatError as e:
                raise PluginError(f"组装一网通查的索引：{e}") from e
            finally:
                self.assembling = None
            if summary is not None:
                log.info("一网通查：合并 %d 个部分的索引%s", len(self.parts), _indexed(summary))
        if self.search is not None:
            summary = self.search.build(Path(config.site_dir))
            self.search = None
            log.info("一网通查：索引%s", _indexed(summary))
            if self.cache is not None and self.shard_tokens is not None:
                self.cache.put_shard_cuts(self.shard_tokens, self.shard_cuts)
        if self.cache is not None:
            log.info(
                "构建缓存：页面复用 %d 个、新生成 %d 个；检索分片复用 %d 个",
                self.cache.pages_reused, sum(1 for key in self.page_keys.values() if key) - self.cache.pages_reused,
                self.cache.shards_reused,
            )  # fmt: skip
            self.cache.prune()
        if self.part is not None and self.platform is not None and self.catalog_path is not None:
            site = self.platform.site(self.part)
            assert site is not None
            build = identity(config.site_url or "", self.catalog_path, self.platform.as_of.isoformat())
            assert self.portal_data is not None
            write_manifest(Path(config.site_dir), build, self.part, self.portal_data)
            log.info("公开单位 %s 的部分已构建：%d 份文件；用 gongkai assemble 组装", self.part, len(site.documents))
        elif self.platform is not None:
            organs = f"{len(self.platform.sites)} 个公开单位" if self.platform.is_platform else ""
            log.info(
                "政府信息公开：%s发布 %d 份主动公开文件，%d 份非主动公开文件未发布",
                organs, len(self.platform.documents), len(self.platform.withheld),
            )  # fmt: skip
        self._forget_build()

    # -- helpers --------------------------------------------------------------

    def _run_checks(self) -> None:
        """The rules of `gongkai check`: errors stop the build, warnings stop a --strict one."""
        assert self.platform is not None and self.catalog_path is not None
        # A part checks its organ: the other organs' findings are their parts' (and `gongkai check`'s).
        sites = self._built_sites
        findings = [f for site in sites for f in check_site(site, self.catalog_path)]
        for note in (note for site in sites for note in override_notes(site)):
            log.info("%s", note)
        errors = [f for f in findings if f.severity is Severity.ERROR]
        for warning in (f for f in findings if f.severity is Severity.WARNING):
            log.warning("%s", describe_finding(warning))
        if errors:
            lines = "\n".join(f"  {describe_finding(f)}" for f in errors)
            raise PluginError(f"政府信息公开检查发现 {len(errors)} 个错误，请修正后重新构建：\n{lines}")

    def _as_of(self) -> dt.date:
        """The day validity is computed for: GONGKAI_AS_OF, else the `as_of` option, else today."""
        try:
            return as_of_day(self.config.as_of, "环境变量 GONGKAI_AS_OF")
        except ValueError as e:
            raise PluginError(str(e)) from e

    def _view(self, page: Page) -> Any:
        src_uri = page.file.src_uri
        if src_uri in self.page_views:
            return self.page_views[src_uri]
        if not self.builders or (src_uri not in self.generated and src_uri not in self.document_uris):
            return None
        return self._make_view(src_uri)

    def _make_view(self, src_uri: str) -> Any:
        """The view of a generated page or a document's page, by the builder of the organ it belongs to."""
        builder = self.builders[self._owner_of(src_uri)]
        if src_uri in self.generated:
            return self.generated[src_uri].make_view(builder)
        return builder.document(self.document_uris[src_uri])

    def _owner_of(self, src_uri: str) -> str:
        """Whose page this is: the organ's that publishes the document or owns the generated page; else "" ."""
        if src_uri in self.generated:
            return self.generated[src_uri].owner
        if self.platform is not None and src_uri in self.document_uris:
            return _owner(self.platform.site_of_document[src_uri])
        return ""

    @property
    def _column_root(self) -> str:
        assert self.platform is not None
        portal = self.platform.catalog.portal
        return portal.slug if portal else self.platform.first.catalog.root_slug

    def _plan_pages(self, docs_dir: Path) -> dict[str, GeneratedPage]:
        """Every organ's pages, and a platform's portal; two at one address is an error (ValueError)."""
        assert self.platform is not None
        on_platform = self.platform.is_platform
        plans = [plan_pages(site, self.layouts[_owner(site)], docs_dir, on_platform) for site in self._built_sites]
        portal = self.platform.catalog.portal
        if self.part is not None and portal is not None:
            # The pages a part does not build, at their addresses: the other organs' and the portal's.
            plans.append({uri: GeneratedPage("", "", "", _no_view) for uri in organ_page_uris(self.platform.catalog)})
        elif self.portal_layout is not None and portal is not None:
            plans.append(plan_portal_pages(portal, len(self.platform.documents), self.portal_layout))
        pages: dict[str, GeneratedPage] = {}
        for plan in plans:
            for src_uri, page in plan.items():
                if src_uri in pages and self.part is None:
                    raise ValueError(f"{src_uri}: 「{page.title}」与「{pages[src_uri].title}」的网址相同")
                pages.setdefault(src_uri, page)
        return pages

    def _assembly_files(self, files: Files, config: MkDocsConfig) -> Files:
        """The site's own pages and the portal's; each organ's pages as files that are not built."""
        assert self.catalog is not None and self.catalog.portal is not None and self.portal_data is not None
        assert self.portal_layout is not None
        organs = f"{self.catalog.portal.slug}/"
        files = Files([f for f in files if not f.src_uri.startswith(organs)])  # the parts have them
        self.generated = plan_portal_pages(self.catalog.portal, len(self.portal_data.documents), self.portal_layout)
        self._add_generated(files, config)
        for src_uri in organ_page_uris(self.catalog):
            if src_uri not in self.generated:  # the portal's own pages are built here
                files.append(File.generated(config, src_uri, content="", inclusion=InclusionLevel.EXCLUDED))
        self.urls = {f.src_uri: f.url for f in files}

        def url_of(src_uri: str) -> str:
            return self.urls.get(src_uri, src_uri)

        self.builders = {"": PortalViewBuilder(self.catalog, self.portal_data, self.portal_layout, url_of)}
        self._add_portal_exports(files, config)
        files.append(File.generated(config, PALETTE_CSS, content=self.palette_css))
        return files

    def _add_generated(self, files: Files, config: MkDocsConfig) -> None:
        for src_uri, page in self.generated.items():
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, src_uri, content=page.markdown, inclusion=inclusion))

    @property
    def _built_sites(self) -> list[DisclosureSite]:
        """The organs whose pages this build writes: one in a part, else all."""
        assert self.platform is not None
        return [s for s in self.platform.sites if self.part is None or s.catalog.organ_key == self.part]

    @property
    def _built_documents(self) -> list[Document]:
        assert self.platform is not None
        if self.part is None:
            return self.platform.documents
        return [d for site in self._built_sites for d in site.documents]

    def _only_the_part(self, files: Files) -> Files:
        """A part builds its organ's pages only. The others stay as files that are not built, so that the
        navigation and the links reach them at the addresses they have in the whole site; another organ's
        attachments leave the build."""
        assert self.platform is not None and self.part is not None
        portal = self.platform.catalog.portal
        assert portal is not None
        own = f"{portal.slug}/{self.part}/"
        organs = self.platform.catalog.organs
        others = tuple(f"{portal.slug}/{c.organ_key}/" for c in organs if c.organ_key != self.part)
        kept = []
        for file in files:
            # Another organ's files leave the build but for the pages this part's name (their addresses).
            named = file.src_uri in self.generated or file.src_uri in self.document_uris
            if file.src_uri.startswith(others) and not named:
                continue
            if file.is_documentation_page() and not file.src_uri.startswith(own):
                file.inclusion = InclusionLevel.EXCLUDED
            kept.append(file)
        return Files(kept)

    def _view_builders(self) -> dict[str, Any]:
        assert self.platform is not None

        def url_of(src_uri: str) -> str:
            return self.urls.get(src_uri, src_uri)

        portal = self.platform.catalog.portal
        portal_link = None
        if portal is not None and self.portal_layout is not None:
            portal_link = Link(portal.name, url_of(self.portal_layout.landing_uri))
        builders: dict[str, Any] = {
            _owner(site): ViewBuilder(site, self.layouts[_owner(site)], url_of, portal_link)
            for site in self.platform.sites
        }
        if self.portal_layout is not None and self.portal_data is not None and self.part is None:
            builders[""] = PortalViewBuilder(self.platform.catalog, self.portal_data, self.portal_layout, url_of)
        return builders

    def _plan_build(self, config: MkDocsConfig) -> None:
        """The cache keys of the pages, and the search bundle with its shards."""
        assert self.platform is not None and self.builders
        docs_dir = Path(config.docs_dir)
        sizes = {}
        if self.cache is not None:
            assert self.catalog_path is not None
            fingerprint = build_fingerprint(config, self.catalog_path, self.platform.as_of)
            for document in self._built_documents:
                source = (docs_dir / document.src_uri).read_bytes()
                sizes[document.src_uri] = len(source)
                view = self.page_views[document.src_uri] = self._make_view(document.src_uri)
                self.page_keys[document.src_uri] = page_key(fingerprint, self.urls[document.src_uri], source, view)
            for src_uri, generated in self.generated.items():
                if self.part is not None and generated.owner != self.part:
                    continue  # another organ's page: not built in this part
                view = self.page_views[src_uri] = self._make_view(src_uri)
                # Its PubDate may be the newest document of the site, which its view does not hold.
                shown = (view, self._pub_date(generated.owner, view))
                self.page_keys[src_uri] = page_key(fingerprint, self.urls[src_uri], generated.markdown.encode(), shown)
        if not self.config.search_index:
            return
        for document in self._built_documents:
            if document.src_uri not in sizes:
                sizes[document.src_uri] = (docs_dir / document.src_uri).stat().st_size
        if self.part is not None:
            # A part indexes its own records, for the assembly to merge with every other organ's.
            self.search = PartSearch({self.urls[d.src_uri]: sizes[d.src_uri] for d in self._built_documents})
            return

        def members_of(documents: list[Document]) -> list[Member]:
            # A CJK character is 3 bytes of UTF-8 and about one indexed word.
            return [
                Member(self.urls[d.src_uri], f"{d.published.isoformat()} {d.index_no}", sizes[d.src_uri] // 3)
                for d in documents
            ]

        if self.portal_layout is not None:
            # A platform's search: its organs' records indexed in shards of whole organs, organ after organ
            # (an organ too large for one index is cut by date), merged into one index as the assembly merges
            # the parts' indexes. Any grouping merges into the same index; the build cache keeps each shard.
            shards: list[list[str]] = [[]]
            group_tokens = 0
            organs = [members_of(site.documents) for site in self.platform.sites]
            all_tokens = sum(m.tokens for organ in organs for m in organ)
            largest = self.config.search_shard_tokens or shard_size(all_tokens, ORGAN_GROUP_TOKENS)
            # An organ larger than that is cut into shards of this size.
            shard_tokens = self.config.search_shard_tokens or shard_size(all_tokens, SHARD_TOKENS)
            for organ in organs:
                tokens = sum(m.tokens for m in organ)
                if tokens > largest:
                    shards += [*plan_shards(organ, shard_tokens, []).shards, []]
                    group_tokens = 0
                    continue
                if group_tokens >= largest:
                    shards.append([])
                    group_tokens = 0
                shards[-1] += [m.url for m in organ]
                group_tokens += tokens
            shards = [urls for urls in shards if urls] or [[]]
            self.search = SearchBundle(Path(config.site_dir), self._planned_shards(shards), self.cache)
            return
        # One organ's search: its records indexed in shards of about SHARD_TOKENS words, newest first, merged
        # into one index. The cache keeps each shard, and the cuts between them: an edit indexes its own shard
        # again, not the site. The merged index does not depend on where the cuts fall (gongkai.search.bundle).
        members = members_of(self.platform.documents)
        all_tokens = sum(m.tokens for m in members)
        self.shard_tokens = self.config.search_shard_tokens or shard_size(all_tokens, SHARD_TOKENS)
        cuts = self.cache.shard_cuts(self.shard_tokens) if self.cache is not None else []
        plan = plan_shards(members, self.shard_tokens, cuts)
        shards, self.shard_cuts = plan.shards, plan.starts
        self.search = SearchBundle(Path(config.site_dir), self._planned_shards(shards), self.cache)

    def _planned_shards(self, shards: list[list[str]]) -> list[PlannedShard]:
        """The shards of these URLs, each under a key that changes with any of its pages (or None: not kept)."""
        key_of_url = {self.urls[src_uri]: key for src_uri, key in self.page_keys.items()}
        planned = []
        for urls in shards:
            keys = [key_of_url.get(url) for url in urls]
            shard_key = digest(k for k in keys if k) if keys and all(keys) else None
            planned.append(PlannedShard(urls, shard_key))
        return planned

    def _build_cache(self, config: MkDocsConfig, project_dir: Path) -> BuildCache | None:
        if not self.config.cache_dir:
            return None
        # A kept page is neither read nor rendered: another plugin would see it empty.
        others = [name for name in config.plugins if name != PLUGIN_NAME]
        if others:
            log.info("构建缓存未启用：还有插件 %s 处理页面（缓存的页面不经渲染）", "、".join(others))
            return None
        root = project_dir / self.config.cache_dir
        # A part keeps a cache of its own: each build deletes what it did not use, and the parts of one
        # checkout may be built one after another, or at the same time.
        return BuildCache(root / PART_CACHES / self.part if self.part else root)

    def _take_kept_pages(self, files: Files, config: MkDocsConfig) -> None:
        """The pages the cache holds: they are not rendered (a KeptPage for those outside the nav)."""
        if self.cache is None:
            return
        MKDOCS_BUILD_LOG.addFilter(self.kept_pages_skipped)
        for file in files.documentation_pages():
            key = self.page_keys.get(file.src_uri)
            if key and self.cache.has_page(key, with_record=file.src_uri in self.document_uris):
                self.kept.add(file.src_uri)
                if file.inclusion is InclusionLevel.NOT_IN_NAV:
                    KeptPage(None, file, config)

    def _forget_build(self) -> None:
        """What only one build uses: `mkdocs serve` runs many builds with one plugin."""
        self.written = 0
        MKDOCS_BUILD_LOG.removeFilter(self.kept_pages_skipped)
        self.page_keys, self.page_views, self.kept = {}, {}, set()
        self.kept_pages_skipped.kept = self.kept
        self.shard_cuts, self.shard_tokens = [], None
        if self.cache is not None:
            self.cache = BuildCache(self.cache.root)

    def _add_theme_files(self, config: MkDocsConfig) -> None:
        """Our templates sit after the site's custom_dir, so a site can override each one."""
        templates = str(resources.files("gongkai") / "templates")
        dirs = config.theme.dirs
        if templates not in dirs:
            position = 1 if config.theme.custom_dir else 0
            dirs.insert(position, templates)
        for stylesheet in ("assets/gongkai/gongkai.css", "assets/gongkai/care.css", PALETTE_CSS):
            if stylesheet not in config.extra_css:
                config.extra_css.append(stylesheet)

    def _palette_css(self, config: MkDocsConfig) -> str:
        """The theme's colours at WCAG contrast; a custom palette that falls short is a warning."""
        docs_dir = Path(config.docs_dir)
        stylesheets = {}
        for path in config.extra_css:
            source = docs_dir / str(path)
            if source.is_file():
                stylesheets[f"{docs_dir.name}/{path}"] = source.read_text("utf-8")
        entries = []
        for choice in palette_choices(config.theme.get("palette")):
            colours, problems = accessible_colours(choice, custom_variables(stylesheets, choice.scheme))
            for problem in problems:
                log.warning("配色对比度不足：%s", problem)
            if colours.changes:
                log.info(
                    "配色 %s/%s：为达到 WCAG 对比度，%s", choice.primary, choice.accent, "，".join(colours.changes)
                )
            entries.append(colours)
        return palette_css(entries)

    def _page_meta(self, page: Page, view: Any, config: MkDocsConfig) -> Any:
        """The government page metadata of any page of the site (gongkai.page_meta)."""
        if self.catalog is None:
            return None
        document = view.document if isinstance(view, DocumentView) else None
        return self._meta_of(
            self._owner_of(page.file.src_uri),
            site_name=config.site_name,
            title=page.title or config.site_name,
            url=page.canonical_url or "",
            document=document,
            column=getattr(view, "column", None) if document is None else None,
            published=getattr(view, "published", None),
        )

    def _meta_of(self, owner: str, **values: Any) -> PageMeta:
        """An organ's page's metadata names the organ's column; a platform's own page, the portal."""
        site = self._site_of(owner)
        if site is None:
            assert self.catalog is not None and self.portal_data is not None
            names = {key: values[key] for key in ("site_name", "title", "url")}
            return portal_meta(self.catalog, self.portal_data, **names)
        return page_meta(site, **values)

    def _site_of(self, owner: str) -> DisclosureSite | None:
        """The organ's site of an owner; None for a platform's portal (and anything of an assembly)."""
        if self.platform is None:
            return None
        if not self.platform.is_platform:
            return self.platform.first
        return self.platform.site(owner) if owner else None

    def _pub_date(self, owner: str, view: Any) -> str:
        site = self._site_of(owner)
        if site is None:
            assert self.portal_data is not None
            return portal_pub_date(self.portal_data)
        return pub_date(site, getattr(view, "column", None), getattr(view, "published", None))

    def _nav(self, config: MkDocsConfig) -> list[Any]:
        assert self.catalog is not None
        if self.portal_layout is not None and self.catalog.portal is not None:
            name = self.catalog.portal.name
            column_nav = self.portal_layout.nav(name, DIRECTORY_TITLE, organ_groups(self.catalog))
        else:
            column_nav = self.layouts[""].nav()
        search = {SEARCH_TITLE: SEARCH_URI}
        if config.nav is None:
            home = [{"首页": "index.md"}] if (Path(config.docs_dir) / "index.md").is_file() else []
            return [*home, column_nav, search]
        return [*config.nav, column_nav, search]

    def _add_exports(self, files: Files, config: MkDocsConfig) -> None:
        assert self.platform is not None
        for site in self._built_sites:
            self._add_organ_exports(files, config, site, directory_rows(site, self.urls))
        if self.part is None:
            self._add_portal_exports(files, config)

    def _add_portal_exports(self, files: Files, config: MkDocsConfig) -> None:
        """The platform's 公开目录: every organ's rows, newest first, each naming its organ."""
        if self.portal_layout is None or self.portal_data is None or self.catalog is None:
            return
        rows, layout = self.portal_data.rows, self.portal_layout
        files.append(File.generated(config, layout.directory_export_uri("csv"), content=directory_csv(rows)))
        content = platform_directory_json(self.catalog, self.portal_data)
        files.append(File.generated(config, layout.directory_export_uri("json"), content=content))

    def _add_organ_exports(self, files: Files, config: MkDocsConfig, site: DisclosureSite, rows: list[Any]) -> None:
        layout = self.layouts[_owner(site)]
        for column in site.catalog.columns_of_kind(ColumnKind.LIBRARY):
            content = library_json(site, column, self.urls)
            files.append(File.generated(config, layout.library_data_uri(column), content=content))
        organ = site.catalog.organ.name
        for document in site.reports.values():
            assert document.report is not None
            counts = site.library_counts(document.report)
            csv_uri, json_uri = export_uris(document.src_uri, document.report.year)
            files.append(File.generated(config, csv_uri, content=report_csv(document.report, counts)))
            files.append(File.generated(config, json_uri, content=report_json(document.report, counts, organ)))
        for column in site.catalog.columns_of_kind(ColumnKind.DIRECTORY):
            files.append(File.generated(config, layout.export_uri(column, "csv"), content=directory_csv(rows)))
            files.append(File.generated(config, layout.export_uri(column, "json"), content=directory_json(site, rows)))
        for column in site.catalog.columns_of_kind(ColumnKind.STANDARD_CATALOG):
            domains = site.standard_catalog
            csv_uri, json_uri = (layout.standard_export_uri(column, ext) for ext in ("csv", "json"))
            files.append(File.generated(config, csv_uri, content=standard_csv(domains)))
            files.append(File.generated(config, json_uri, content=standard_json(site.catalog.organ, domains)))

    def _add_feeds(self, files: Files, config: MkDocsConfig) -> None:
        """The Atom feeds (gongkai.model.feeds): their addresses are absolute, so they need site_url."""
        assert self.platform is not None
        self.feeds = {}
        if not config.site_url:
            log.info("未生成 Atom 订阅源：订阅源中的网址须是绝对网址，需在 mkdocs.yml 中设置 site_url")
            return
        for site in self._built_sites:
            owner = _owner(site)
            feeds = self.feeds[owner] = plan_feeds(site, self.layouts[owner], self.config.feed_entries)
            for feed in feeds:
                content = atom_xml(feed, site, config.site_url, self.urls)
                files.append(File.generated(config, feed.uri, content=content))


def _owner(site: DisclosureSite) -> str:
    """The key an organ's pages, layout, builder and feeds go by: its 代码 on a platform, else ""."""
    return site.catalog.organ_key or ""


def _no_view(builder: Any) -> None:
    """The view of a page a part does not build: none."""
    return None


def _indexed(summary: IndexSummary) -> str:
    shards = f"，分 {summary.shards} 个分片" if summary.shards > 1 else ""
    merged = summary.merge_seconds is not None and summary.shards > 1
    merge = f"（合并用时 {summary.merge_seconds:.1f} 秒）" if merged else ""
    return f" {summary.pages} 份文件{shards}{merge}"
