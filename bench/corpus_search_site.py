"""A search-only site of the LawRefBook corpus: one 一网通查 record per entry, indexed as a real build indexes.

The body goes the way a document's body goes in a build (Markdown → HTML → text →
record), and the index is built by the same `SearchBundle`, in shards merged into one; only MkDocs' pages are
left out, so that the benchmark measures search, not page rendering.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import markdown

from gongkai.importers.lawrefbook import CorpusEntry, read_index
from gongkai.search.bundle import SHARD_TOKENS, PlannedShard, SearchBundle
from gongkai.search.records import SearchRecord, text_of_html
from gongkai.search.shards import Member, plan_shards

from .scale import TreeMemory

PAGE = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>一网通查（语料基准）</title></head>
<body><p>LawRefBook 语料的一网通查基准页。</p></body></html>
"""


@dataclass(frozen=True)
class CorpusSite:
    root: Path
    entries: list[CorpusEntry]
    bodies: dict[str, str]  # entry id → body text, as indexed
    pages: int
    index_seconds: float  # records and Pagefind together
    pagefind_peak_mib: float  # peak resident memory of Pagefind's processes together (two shards at most)
    python_peak_mib: float


def url_of(entry: CorpusEntry) -> str:
    return f"/wj/{entry.id}/"


def corpus_records(corpus_dir: Path, entries: list[CorpusEntry]) -> Iterator[tuple[CorpusEntry, SearchRecord]]:
    md = markdown.Markdown(extensions=["tables"])
    for entry in entries:
        body = (corpus_dir / entry.body).read_text("utf-8")
        text = text_of_html(md.reset().convert(body))
        published = entry.version_date or dt.date(1949, 10, 1)
        filters = {
            "栏目": [entry.level],
            "发文机关": [entry.issuer] if entry.issuer else [],
            "年份": [str(published.year)],
            "有效性": [entry.status],
        }
        yield (
            entry,
            SearchRecord(
                url=url_of(entry),
                title=entry.title,
                doc_number=entry.doc_number,
                published=published,
                state=entry.status,
                filters={name: values for name, values in filters.items() if values},
                text=text,
            ),
        )


def build_corpus_search_site(corpus_dir: Path, root: Path) -> CorpusSite:
    if root.exists():
        shutil.rmtree(root)
    (root / "assets" / "gongkai").mkdir(parents=True)
    (root / "index.html").write_text(PAGE, "utf-8")
    script = resources.files("gongkai") / "templates" / "assets" / "gongkai" / "search.js"
    (root / "assets" / "gongkai" / "search.js").write_text(script.read_text("utf-8"), "utf-8")

    entries = read_index(corpus_dir)
    bodies: dict[str, str] = {}
    started = time.perf_counter()
    records = {}
    members = []
    for entry, record in corpus_records(corpus_dir, entries):
        bodies[entry.id] = record.text
        records[record.url] = record
        members.append(Member(record.url, f"{record.published.isoformat()} {entry.id}", len(record.text)))
    # In shards of dates, newest first, merged into one index: as a build indexes a site.
    plan = plan_shards(members, SHARD_TOKENS)
    # Pagefind's processes are sampled: a child's ru_maxrss would count, for the worker that prepares and
    # merges shards (forked, then exec'd), the pages of this process it had before exec.
    with TreeMemory(os.getpid()) as memory:
        bundle = SearchBundle(root, [PlannedShard(urls) for urls in plan.shards])
        for urls in plan.shards:
            for url in urls:
                bundle.add(records[url])
        summary = bundle.build(root)
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return CorpusSite(root, entries, bodies, summary.pages, seconds, memory.pagefind_peak_kib / 1024, own)
