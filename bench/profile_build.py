"""Where a full `gongkai build` spends its time: the build's own milestones, and cProfile's cumulative time
of the functions of each phase (main thread; Pagefind runs in its own processes).

    .venv/bin/python -m bench.profile_build PROJECT     # a project folder with mkdocs.yml, built cold

Make a project first, e.g. the imported corpus (`bench.scale.import_real_corpus`) or 10,000 synthetic
documents (`python -m bench.synthetic PROJECT 10000`). The build cache and the site are removed before the
build: this profiles a full build. cProfile slows Python down (about 1.3 times on the corpus): the
figures compare phases, and a plain `time gongkai build` gives the wall time.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import os
import pstats
import shutil
import time
from pathlib import Path

# The functions that make each phase, by name and the package they are in.
PHASES = {
    "load and validate (load_platform)": ("load_platform", "gongkai"),
    "checks (check_site)": ("check_site", "gongkai"),
    "Markdown bodies (Markdown.convert)": ("convert", "markdown"),
    "page templates (jinja2 Template.render)": ("render", "jinja2"),
    "text of a body (text_of_html)": ("text_of_html", "gongkai"),
    "cutting words (tokens)": ("tokens", "gongkai"),
    "the plugin's page hooks (on_page_content)": ("on_page_content", "gongkai"),
    "the plugin's page context (on_page_context)": ("on_page_context", "gongkai"),
    "after the pages: index, exports (on_post_build)": ("on_post_build", "gongkai"),
    "writing pages (write_file)": ("write_file", "mkdocs"),
}


class _Milestones(logging.Handler):
    def __init__(self, start: float) -> None:
        super().__init__()
        self.start = start
        self.marks: list[tuple[float, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.marks.append((time.perf_counter() - self.start, record.getMessage()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    project = parser.parse_args().project.resolve()
    for generated in (project / "site", project / ".cache"):
        shutil.rmtree(generated, ignore_errors=True)
    os.chdir(project)
    from gongkai.cli import main as gongkai

    start = time.perf_counter()
    milestones = _Milestones(start)
    logging.getLogger("mkdocs").addHandler(milestones)
    profile = cProfile.Profile()
    profile.enable()
    try:
        code = gongkai(["build"])
    finally:
        profile.disable()
    total = time.perf_counter() - start
    pages = [t for t, message in milestones.marks if message.startswith("gongkai: 文件页面")]
    print(f"\n== {project.name}: build exit {code}, {total:.1f} s under cProfile")
    for at, message in milestones.marks:
        if not message.startswith("gongkai: 文件页面") and "应为：" not in message:
            print(f"{at:8.1f} s  {message[:80]}")
    if pages:
        print(f"{pages[0]:8.1f} s  … document pages written until {pages[-1]:.1f} s")
    cumulative = {label: 0.0 for label in PHASES}
    for (filename, _, name), (_, _, _, seconds, _) in pstats.Stats(profile).stats.items():
        for label, (function, package) in PHASES.items():
            if name == function and f"/{package}/" in filename:
                cumulative[label] += seconds
    print("cumulative time of each phase's functions (they overlap: a hook calls others):")
    for label, seconds in cumulative.items():
        print(f"{seconds:8.1f} s  {label}")


if __name__ == "__main__":
    main()
