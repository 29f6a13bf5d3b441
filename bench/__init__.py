"""Benchmarks over the real corpus in ../shared/corpus: they print figures; tests/corpus runs them in CI."""
