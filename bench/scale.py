"""Build scale: gongkai's full build against plain Material + Pagefind on the same content.

The baseline is what a skilled user would set up by hand: Material for MkDocs
with the documents kept out of the nav (`nav:` lists the home page only) and
Pagefind's CLI (extended build) run on the output. gongkai's build is the
complete one: every plugin, the search index, everything the site ships.

For each corpus both are built in one run, on the same content/, and printed:
wall time, peak memory (resident set of the whole process tree, Pagefind
included, sampled), output size, the mean size of a document page's HTML, and
the ratio gongkai / baseline. Then an editor's changes are made one after
the other (bench.changes: add, edit, withhold, repeal) and gongkai rebuilds
after each, from the build cache the build before left: each time against
the full build.

    .venv/bin/python -m bench.scale                      # the real corpus, imported with `gongkai import`
    .venv/bin/python -m bench.scale --synthetic 1000 10000 50000
    .venv/bin/python -m bench.scale --synthetic 300 --no-real   # the smoke run CI makes
    .venv/bin/python -m bench.scale --no-real --platform 80 60  # a platform of 80 organs, built in one go
    .venv/bin/python -m bench.scale --no-real --parts --platform 80 600   # in one go, and as 80 parts + assembly

Figures, not verdicts: machines here are shared and noisy, so only ratios
measured in the same run are worth comparing.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import changes, synthetic

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "lawrefbook"
LAWREFBOOK_PROJECT = REPO / "bench" / "lawrefbook"
VENV_BIN = Path(sys.executable).parent

BASELINE_CONFIG = """\
site_name: baseline
docs_dir: {docs}
site_dir: {site}
theme:
  name: material
  language: zh
  font: false
nav:
  - index.md
plugins: []
markdown_extensions:
  - tables
"""


@dataclass(frozen=True)
class Run:
    """One build's figures; `failure` says why it did not finish (the figures are then up to that point)."""

    seconds: float
    peak_mib: float  # the process tree's largest resident set, summed over its processes
    pagefind_peak_mib: float
    output_mib: float
    document_pages: int
    page_kib: float  # mean HTML size of a document page
    failure: str | None = None

    def cells(self) -> list[str]:
        if self.failure:
            return [f"{self.seconds:8.1f} s", f"{self.peak_mib:8.0f} MiB", f"{self.pagefind_peak_mib:8.0f} MiB",
                    f"FAILED: {self.failure}"]  # fmt: skip
        return [
            f"{self.seconds:8.1f} s", f"{self.peak_mib:8.0f} MiB", f"{self.pagefind_peak_mib:8.0f} MiB",
            f"{self.output_mib:8.1f} MiB", f"{self.document_pages:6d}", f"{self.page_kib:7.1f} KiB",
        ]  # fmt: skip


@dataclass(frozen=True)
class Comparison:
    corpus: str
    documents: int
    baseline: Run
    gongkai: Run
    rebuilds: dict[str, float]  # change -> the rebuild after it (bench.changes); none asked: empty

    def lines(self) -> list[str]:
        header = f"{'':10}{'wall':>10}{'peak RSS':>13}{'Pagefind':>13}{'output':>13}{'pages':>7}{'page HTML':>12}"
        b, g = self.baseline, self.gongkai
        lines = [
            f"== {self.corpus}: {self.documents} documents",
            header,
            f"{'baseline':10}" + "  ".join(b.cells()),
            f"{'gongkai':10}" + "  ".join(g.cells()),
        ]
        if b.failure or g.failure:
            lines.append(f"{'ratio':10}  (none: a build did not finish)")
        else:
            ratio = [
                f"{g.seconds / b.seconds:8.2f} ×", f"{g.peak_mib / b.peak_mib:8.2f} ×",
                f"{g.pagefind_peak_mib / b.pagefind_peak_mib:8.2f} ×", f"{g.output_mib / b.output_mib:8.2f} ×",
                "", f"{g.page_kib / b.page_kib:7.2f} ×",
            ]  # fmt: skip
            lines.append(f"{'ratio':10}" + "  ".join(f"{c:>11}" for c in ratio))
        for change, seconds in self.rebuilds.items():
            lines.append(f"rebuild after {change:8}: {seconds:6.1f} s = {seconds / g.seconds:4.0%} of a full build")
        return lines


@dataclass(frozen=True)
class PartsComparison:
    """A platform built in one go, and as one part per organ (each a CI job of its own) then assembled."""

    corpus: str
    documents: int
    whole: Run
    parts: dict[str, Run]  # organ -> its part's build
    assembly: Run
    first_query_kib: dict[str, float]  # query -> the bytes its first search in a fresh browser downloads

    def lines(self) -> list[str]:
        if self.whole.failure or self.assembly.failure or any(r.failure for r in self.parts.values()):
            failures = [r.failure for r in (self.whole, self.assembly, *self.parts.values()) if r.failure]
            return [f"== {self.corpus} in parts: FAILED: {'; '.join(str(f) for f in failures)}"]
        longest_organ, longest = max(self.parts.items(), key=lambda item: item[1].seconds)
        parallel = longest.seconds + self.assembly.seconds
        total = sum(r.seconds for r in self.parts.values())
        peaks = [r.peak_mib for r in self.parts.values()]
        return [
            f"== {self.corpus} in parts: {len(self.parts)} parts + assembly",
            f"in one go            {self.whole.seconds:8.1f} s   peak {self.whole.peak_mib:6.0f} MiB",
            f"longest part ({longest_organ:>5}) {longest.seconds:8.1f} s   peak {longest.peak_mib:6.0f} MiB",
            f"parts, median         {statistics.median(r.seconds for r in self.parts.values()):8.1f} s   "
            f"peak {min(peaks):.0f}–{max(peaks):.0f} MiB",
            f"sum of parts         {total:8.1f} s   (one runner)",
            f"assembly             {self.assembly.seconds:8.1f} s   peak {self.assembly.peak_mib:6.0f} MiB",
            f"longest part + assembly {parallel:.1f} s = {parallel / self.whole.seconds:.0%} of building in one go "
            "(as many runners as parts)",
            *self.first_query_lines(),
        ]

    def first_query_lines(self) -> list[str]:
        if not self.first_query_kib:
            return []
        sizes = sorted(self.first_query_kib.values())
        largest = max(self.first_query_kib, key=lambda query: self.first_query_kib[query])
        return [
            f"first query of the merged search (fresh browser, {len(sizes)} queries): median "
            f"{statistics.median(sizes):.0f} KiB, largest {sizes[-1]:.0f} KiB ({largest})",
        ]


class TreeMemory:
    """Samples the resident memory of a process and all its descendants (Pagefind's process included)."""

    def __init__(self, pid: int, interval: float = 0.05, limit_mib: float | None = None) -> None:
        self.pid = pid
        self.interval = interval
        self.limit_kib = limit_mib * 1024 if limit_mib else None
        self.stopped = False  # the tree went past the limit and was killed
        self.peak_kib = 0
        self.pagefind_peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.is_set():
            total = pagefind = 0
            tree = _descendants(self.pid)
            for pid, name in tree:
                rss = _rss_kib(pid)
                total += rss
                if "pagefind" in name:
                    pagefind += rss
            if self.limit_kib and total > self.limit_kib and not self.stopped:
                # Past what the machine can spare: stop the build before the kernel kills something else.
                self.stopped = True
                for pid, _ in tree:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
            self.peak_kib = max(self.peak_kib, total)
            self.pagefind_peak_kib = max(self.pagefind_peak_kib, pagefind)
            self._stop.wait(self.interval)


def _descendants(root: int) -> list[tuple[int, str]]:
    parents: dict[int, int] = {}
    names: dict[int, str] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry.name}/stat").read_text()
        except OSError:
            continue
        name_end = stat.rindex(")")
        names[int(entry.name)] = stat[stat.index("(") + 1 : name_end]
        parents[int(entry.name)] = int(stat[name_end + 2 :].split()[1])
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier += children
    return [(pid, names.get(pid, "")) for pid in tree]


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


# A build whose processes together pass this much resident memory is stopped and reported as failed.
MEMORY_LIMIT_MIB = 18 * 1024


def measure(commands: list[list[str]], cwd: Path, site: Path) -> Run:
    """Run the commands one after another, as one build; a failure (Pagefind out of memory …) is reported."""
    started = time.perf_counter()
    peak = pagefind_peak = 0
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for command in commands:
        with (
            subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT) as process,
            TreeMemory(process.pid, limit_mib=MEMORY_LIMIT_MIB) as memory,
        ):
            output, _ = process.communicate()
        peak, pagefind_peak = max(peak, memory.peak_kib), max(pagefind_peak, memory.pagefind_peak_kib)
        name = command[2] if command[1:2] == ["-m"] else Path(command[0]).name
        if process.returncode != 0:
            tail = output.decode("utf-8", "replace").strip().splitlines()[-3:]
            print(f"{name} failed ({process.returncode}): " + " / ".join(tail), flush=True)
            failure = f"{name} exit {process.returncode}"
            if memory.stopped:
                failure = f"{name} stopped past {MEMORY_LIMIT_MIB // 1024} GiB"
            return Run(time.perf_counter() - started, peak / 1024, pagefind_peak / 1024, 0, 0, 0, failure)
    seconds = time.perf_counter() - started
    # Document pages: under wj/, or on a platform under each organ's zwgk/<代码>/wj/.
    pages = sorted(p for folder in site.rglob("wj") if folder.is_dir() for p in folder.rglob("index.html"))
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    page_kib = statistics.fmean(p.stat().st_size for p in pages) / 1024 if pages else 0.0
    return Run(seconds, peak / 1024, pagefind_peak / 1024, size / 2**20, len(pages), page_kib)


def build_baseline(project: Path, work: Path) -> Run:
    site = work / "baseline-site"
    config = work / "baseline.yml"
    config.write_text(BASELINE_CONFIG.format(docs=project / "content", site=site), "utf-8")
    mkdocs = [str(VENV_BIN / "mkdocs"), "build", "--quiet", "-f", str(config)]
    pagefind = [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"]
    return measure([mkdocs, pagefind], project, site)


def build_gongkai(project: Path) -> Run:
    site = project / "site"
    return measure([[str(VENV_BIN / "gongkai"), "build"]], project, site)


def rebuild_after_changes(project: Path) -> dict[str, float]:
    """Make each change an editor commits (bench.changes), one after the other, and build again after each."""
    seconds = {}
    for name, change in changes.CHANGES.items():
        changed = change(project)
        seconds[name] = build_gongkai(project).seconds
        print(f"rebuild after {name} ({changed}): {seconds[name]:.1f} s", flush=True)
    return seconds


def build_in_parts(corpus: str, project: Path, documents: int, browser: Browser | None = None) -> PartsComparison:
    """The platform in one go, then each organ's part and the assembly, each timed and measured on its own."""
    import yaml

    gongkai = str(VENV_BIN / "gongkai")
    whole = measure([[gongkai, "build", "-d", str(project / "whole")]], project, project / "whole")
    organs = [entry["代码"] for entry in yaml.safe_load((project / "catalog.yaml").read_text("utf-8"))["公开单位"]]
    parts = {}
    for organ in organs:
        folder = project / "parts" / organ
        parts[organ] = measure([[gongkai, "build", "--organ", organ, "-d", str(folder)]], project, folder)
    folders = [str(project / "parts" / organ) for organ in organs]
    site = project / "assembled"
    assembly = measure([[gongkai, "assemble", *folders, "-d", str(site)]], project, site)
    first_query = {} if assembly.failure else first_query_kib(site, platform_queries(project), browser)
    comparison = PartsComparison(corpus, documents, whole, parts, assembly, first_query)
    print("\n".join(comparison.lines()), flush=True)
    return comparison


def platform_queries(project: Path, count: int = 3, seed: int = 7) -> list[str]:
    """Queries a person would type on the platform: whole titles and 发文字号 of random documents, and
    words common to many of them."""
    import random

    rng = random.Random(seed)
    files = sorted((project / "content" / "zwgk").rglob("wj/*/*.md"))
    queries = ["通知", "人民政府 工作"]
    for path in rng.sample(files, min(count, len(files))):
        for line in path.read_text("utf-8").splitlines():
            if line.startswith(("标题: ", "发文字号: ")):
                queries.append(line.split(": ", 1)[1])
    return queries


def first_query_kib(site: Path, queries: list[str], browser: Browser | None = None) -> dict[str, float]:
    """The bytes the first search of each query downloads in a fresh Chromium (bench.search_quality)."""
    from playwright.sync_api import sync_playwright

    from .search_quality import first_query_bytes, serve
    from .search_queries import Query

    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"

    def measure(chromium: Browser) -> dict[str, float]:
        return {q: first_query_bytes(chromium, base, Query("", q, frozenset())) / 1024 for q in queries}

    try:
        if browser is not None:
            return measure(browser)
        with sync_playwright() as playwright:
            own = playwright.chromium.launch(executable_path="/usr/bin/chromium")
            try:
                return measure(own)
            finally:
                own.close()
    finally:
        server.shutdown()
        server.server_close()


def import_real_corpus(project: Path) -> int:
    # Without a build cache left there by hand: the full build must start cold.
    shutil.copytree(LAWREFBOOK_PROJECT, project, ignore=shutil.ignore_patterns("site", "wj", ".cache"))
    command = [
        str(VENV_BIN / "gongkai"), "-f", str(project / "mkdocs.yml"), "import",
        str(CORPUS / "index.jsonl"), "-m", str(project / "import.yaml"),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    print(result.stdout.splitlines()[-1])
    return len(list((project / "content" / "wj").rglob("*.md")))


def compare(corpus: str, project: Path, documents: int, work: Path, rebuild: bool) -> Comparison:
    baseline = build_baseline(project, work)
    gongkai = build_gongkai(project)
    rebuilds = rebuild_after_changes(project) if rebuild and not gongkai.failure else {}
    comparison = Comparison(corpus, documents, baseline, gongkai, rebuilds)
    print("\n".join(comparison.lines()), flush=True)
    return comparison


def run(
    real: bool,
    sizes: list[int],
    work: Path,
    rebuild: bool = True,
    platforms: tuple[tuple[int, int], ...] = (),
    in_parts: bool = False,
    browser: Browser | None = None,
) -> list[Comparison | PartsComparison]:
    """The comparisons asked for; `browser` (a test's) measures first queries, else the run starts its own."""
    results: list[Comparison | PartsComparison] = []
    if real:
        project = work / "lawrefbook"
        documents = import_real_corpus(project)
        results.append(compare("LawRefBook corpus", project, documents, work, rebuild))
        shutil.rmtree(project)
    for size in sizes:
        project = work / f"synthetic-{size}"
        synthetic.generate(project, size)
        results.append(compare(f"synthetic {size}", project, size, work, rebuild))
        shutil.rmtree(project)
    for organs, per_organ in platforms:
        project = work / f"platform-{organs}x{per_organ}"
        synthetic.generate_platform(project, organs, per_organ)
        corpus = f"platform {organs} organs × {per_organ}"
        if in_parts:
            results.append(build_in_parts(corpus, project, organs * per_organ, browser))
        else:
            results.append(compare(corpus, project, organs * per_organ, work, rebuild))
        shutil.rmtree(project)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthetic", type=int, nargs="*", default=[], metavar="N", help="synthetic corpus sizes")
    parser.add_argument(
        "--platform",
        type=int,
        nargs=2,
        action="append",
        default=[],
        metavar=("ORGANS", "PER_ORGAN"),
        help="a synthetic platform (集约化) of ORGANS organs with PER_ORGAN documents each, built in one go",
    )
    parser.add_argument(
        "--parts",
        action="store_true",
        help="build each --platform in one go and as one part per organ plus the assembly (no baseline)",
    )
    parser.add_argument("--no-real", action="store_true", help="skip the real corpus")
    parser.add_argument("--no-rebuild", action="store_true", help="skip the rebuilds after each change (bench.changes)")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one, removed after)")
    args = parser.parse_args()
    real = not args.no_real
    if real and not (CORPUS / "index.jsonl").is_file():
        raise SystemExit(f"the real corpus is not at {CORPUS}; use --no-real")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}", flush=True)
    if args.work:
        args.work.mkdir(parents=True, exist_ok=True)
        run(real, args.synthetic, args.work, not args.no_rebuild, tuple((o, n) for o, n in args.platform), args.parts)
    else:
        with tempfile.TemporaryDirectory(prefix="gongkai-scale-") as work:
            platforms = tuple((o, n) for o, n in args.platform)
            run(real, args.synthetic, Path(work), not args.no_rebuild, platforms, args.parts)


if __name__ == "__main__":
    main()
