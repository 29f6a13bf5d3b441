"""一网通查 on the real corpus (benchmarks.search_quality): hit rates per kind of query.

The figures (hit rates, misses, latency, bytes, index time and memory) are printed
whatever the outcome; `python -m benchmarks.search_quality` prints the same.

Issue 4's target is 95% for every kind; parts of titles are not there yet (90%
on the tuning seed, see the printed report). Until they are, this test holds each kind to
the floor below, a little under the rate reached, so that search cannot get worse.
"""

import pytest
from benchmarks.search_quality import run

pytestmark = pytest.mark.browser

FLOORS = {"标题全称": 0.93, "标题片段": 0.85, "正文词句": 0.93, "发文字号": 0.93, "繁体标题": 0.93}


def test_search_finds_the_documents_of_every_kind_of_query(lawrefbook, tmp_path, capsys, browser):
    report = run(lawrefbook, tmp_path, browser=browser)
    with capsys.disabled():
        print("\n" + "\n".join(report.lines()))
    assert sum(report.asked.values()) >= 300
    below = {
        kind: f"{report.rate(kind):.1%} < {floor:.0%}" for kind, floor in FLOORS.items() if report.rate(kind) < floor
    }
    assert below == {}
