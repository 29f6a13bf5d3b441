"""一网通查 on the corpus: hit rate per kind of query, latency and bytes in headless Chromium.

    .venv/bin/python -m bench.search_quality [--corpus ../shared/corpus/lawrefbook] [--seed N]

Builds the corpus search site (`corpus_search_site`), asks every query of
`search_queries` through the site's own search.js — the function the search page
calls — and prints the hit rate of each kind with its misses, the median time
of a query after the first, the bytes the first query of a fresh browser
transfers, and the index build time and peak memory.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import tempfile
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

from gongkai.static_server import SiteRequestHandler

from .corpus_search_site import CorpusSite, build_corpus_search_site
from .search_queries import KINDS, SEED, Query, make_queries

TARGET = 0.95
# The median bytes of a first query in a fresh browser. Unlike time, bytes do not depend on the machine.
FIRST_QUERY_TARGET_KB = 300
PAGE_SIZE = 10  # results per page on the search page
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "lawrefbook"
SEARCH = """async ([query, size]) => {
  const module = await import("/assets/gongkai/search.js");
  const started = performance.now();
  // As the search page asks: the results first, the facets' counts after them (not measured here).
  const answer = await module.search(query, { pageSize: size, counts: false });
  return { ms: performance.now() - started, urls: answer.results.map((r) => r.url), total: answer.total };
}"""


@dataclass
class Report:
    site: CorpusSite
    hits: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    asked: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    latencies_ms: list[float] = field(default_factory=list)
    first_query_bytes: dict[str, int] = field(default_factory=dict)

    def rate(self, kind: str) -> float:
        return self.hits[kind] / self.asked[kind] if self.asked[kind] else 0.0

    @property
    def first_query_median_kb(self) -> float:
        return statistics.median(self.first_query_bytes.values()) / 1024

    @property
    def below_target(self) -> list[str]:
        """The kinds of query below the hit-rate target, and "首个查询传输" if first queries weigh too much."""
        below = [kind for kind in KINDS if self.rate(kind) < TARGET]
        if self.first_query_bytes and self.first_query_median_kb > FIRST_QUERY_TARGET_KB:
            below.append("首个查询传输")
        return below

    def lines(self) -> list[str]:
        s = self.site
        out = [
            f"一网通查基准：{s.pages} 份文件，{sum(self.asked.values())} 个查询（目标：每类命中率 ≥ {TARGET:.0%}）",
            f"  索引：{s.index_seconds:.1f} 秒（生成记录与 Pagefind），"
            f"Pagefind 峰值内存 {s.pagefind_peak_mib:.0f} MiB，Python 峰值内存 {s.python_peak_mib:.0f} MiB",
        ]
        for kind, top in KINDS.items():
            out.append(f"  {kind}（前 {top}）：{self.hits[kind]}/{self.asked[kind]} = {self.rate(kind):.1%}")
        if self.latencies_ms:
            latencies = sorted(self.latencies_ms)
            p90 = latencies[int(len(latencies) * 0.9) - 1]
            out.append(f"  查询耗时（首个之后）：中位数 {statistics.median(latencies):.0f} ms，P90 {p90:.0f} ms")
        if self.first_query_bytes:
            sizes = sorted(self.first_query_bytes.values())
            out.append(
                f"  新开浏览器的首个查询传输：中位数 {self.first_query_median_kb:.0f} KB"
                f"（目标 ≤ {FIRST_QUERY_TARGET_KB} KB），最大 {sizes[-1] / 1024:.0f} KB（{len(sizes)} 个查询）"
            )
            for query, size in sorted(self.first_query_bytes.items(), key=lambda item: -item[1])[:3]:
                out.append(f"    {size / 1024:.0f} KB：{query}")
        for kind in KINDS:
            for miss in self.misses[kind]:
                out.append(f"  未命中 {kind}：{miss}")
        return out


def serve(root: Path) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SiteRequestHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def ask_all(page: Page, queries: list[Query], report: Report) -> None:
    for n, query in enumerate(queries):
        answer = page.evaluate(SEARCH, [query.text, PAGE_SIZE])  # a page as the search page shows it
        if n:  # the first query loads the engine
            report.latencies_ms.append(answer["ms"])
        report.asked[query.kind] += 1
        if query.expected & set(answer["urls"][: query.top]):
            report.hits[query.kind] += 1
        else:
            report.misses[query.kind].append(
                f"「{query.text}」 共 {answer['total']} 个结果，前列：{answer['urls'][:3]}"
            )


def first_query_bytes(browser: Browser, base: str, query: Query) -> int:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base)
    sizes: list[int] = []
    context.on("requestfinished", lambda request: sizes.append(request.sizes()["responseBodySize"]))
    page.evaluate(SEARCH, [query.text, PAGE_SIZE])
    page.wait_for_timeout(200)  # let the last responses finish
    context.close()
    return sum(sizes)


def run(corpus: Path, work: Path, seed: int = SEED, browser: Browser | None = None) -> Report:
    """Build the corpus search site in `work` and ask every query; a test passes its own `browser`."""
    site = build_corpus_search_site(corpus, work / "site")
    queries = make_queries(site.entries, site.bodies, seed)
    report = Report(site)
    server = serve(site.root)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        if browser is not None:
            _ask(browser, base, queries, report)
        else:
            with sync_playwright() as playwright:
                own = playwright.chromium.launch(executable_path="/usr/bin/chromium")
                _ask(own, base, queries, report)
                own.close()
    finally:
        server.shutdown()
        server.server_close()
    return report


def _ask(browser: Browser, base: str, queries: list[Query], report: Report) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base)
    ask_all(page, queries, report)
    context.close()
    for query in [q for kind in KINDS for q in [q for q in queries if q.kind == kind][:4]]:
        report.first_query_bytes[f"{query.kind}「{query.text}」"] = first_query_bytes(browser, base, query)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-") as work:
        report = run(args.corpus, Path(work), args.seed)
    print("\n".join(report.lines()))
    raise SystemExit(1 if report.below_target else 0)


if __name__ == "__main__":
    main()
