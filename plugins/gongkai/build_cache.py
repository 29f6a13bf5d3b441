"""The build cache: what a build takes from the build before it instead of making it again.

- A page, as written (and a document's search record), under the page's key: a SHA-256
  of everything the page is made of (the build's fingerprint: code, templates, settings,
  catalog; the page's address and source; and its view, which holds what the page shows
  of other documents: a changed relation changes the key of every page that names it, and
  a new document the keys of the lists it appears in).
- A shard of the search index (Pagefind's files, and its words as the merge reads them), under a
  key of its documents' page keys, and the cuts between shards (gongkai.search.shards).

An entry is written whole (a temporary file, then renamed) or not at all, and its key
covers all it depends on: it is either right for a build or never looked up. Entries
a build did not use are deleted after it, so the cache holds one build.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

from .file_links import link_or_copy

PAGES = "pages"
SHARDS = "search"
CUTS_FILE = "shard-cuts.json"
PART_CACHES = "parts"  # beside PAGES and SHARDS: the cache of each organ's part (gongkai build --organ)


def digest(parts: Iterable[str | bytes]) -> str:
    """A SHA-256 of `parts`, each length-prefixed so that no two lists of parts run together."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


class BuildCache:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._used: set[Path] = set()
        self._pages_held: set[str] | None = None  # the names of the page files the cache held when first asked
        self.pages_reused = 0
        self.shards_reused = 0

    # -- document pages -------------------------------------------------------

    def has_page(self, key: str, with_record: bool = False) -> bool:
        """Whether the cache holds the page kept under `key` (and its search record); it is then in use.

        Asked of every page before any is written: the names are listed once (a stat of each page's two
        files took a second on the corpus)."""
        if self._pages_held is None:
            pages = self.root / PAGES
            self._pages_held = {entry.name for folder in _folders(pages) for entry in os.scandir(folder)}
        if f"{key}.html" not in self._pages_held or (with_record and f"{key}.json" not in self._pages_held):
            return False
        self._used.update(self._page_paths(key))
        self.pages_reused += 1
        return True

    def link_page(self, key: str, target: Path) -> None:
        """Put the page kept under `key` at `target` (gongkai.file_links: a link where it can be)."""
        target.parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(self._page_paths(key)[0], target)

    # Read when needed, not held: a site's records together would not fit in memory.
    def page_record(self, key: str) -> str:
        return self._page_paths(key)[1].read_text("utf-8")

    def put_record(self, key: str, record_json: str) -> None:
        """The search record first: a page counts as kept only once its HTML is written too."""
        self._write(self._page_paths(key)[1], record_json)

    def put_html(self, key: str, html: str) -> None:
        self._write(self._page_paths(key)[0], html)

    def _write(self, path: Path, text: str) -> None:
        _write_atomically(path, text)
        self._used.add(path)

    def _page_paths(self, key: str) -> tuple[Path, Path]:
        folder = self.root / PAGES / key[:2]
        return folder / f"{key}.html", folder / f"{key}.json"

    # -- search shards --------------------------------------------------------

    def has_shard(self, key: str) -> bool:
        return self._shard_path(key).is_dir()

    def shard_source(self, key: str) -> Path:
        """The shard's folder of Pagefind files, as the merge reads them (its word counts among them),
        in use by this build. Nothing is written into it."""
        folder = self._shard_path(key)
        self._used.add(folder)
        self.shards_reused += 1
        return folder

    def put_shard(self, key: str, source: Path) -> None:
        folder = self._shard_path(key)
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".tmp-"))
        # Linked, not copied, where the file system allows: the site's files are written anew each build.
        shutil.copytree(source, staging, dirs_exist_ok=True, copy_function=link_or_copy)
        if folder.exists():
            shutil.rmtree(folder)
        staging.rename(folder)
        self._used.add(folder)

    def _shard_path(self, key: str) -> Path:
        return self.root / SHARDS / key

    # -- shard cuts -----------------------------------------------------------

    def shard_cuts(self, shard_tokens: int) -> list[str]:
        """The cuts of the last build, if it cut shards of the same size."""
        try:
            saved = json.loads((self.root / CUTS_FILE).read_text("utf-8"))
        except (FileNotFoundError, ValueError):
            return []
        return list(saved["starts"]) if saved.get("shard_tokens") == shard_tokens else []

    def put_shard_cuts(self, shard_tokens: int, starts: list[str]) -> None:
        _write_atomically(self.root / CUTS_FILE, json.dumps({"shard_tokens": shard_tokens, "starts": starts}))

    # -- after a build --------------------------------------------------------

    def prune(self) -> int:
        """Delete what this build did not use (and what an interrupted build left); how many entries went."""
        stale: list[Path] = []
        pages = self.root / PAGES
        if pages.is_dir():
            stale += [entry for folder in pages.iterdir() for entry in folder.iterdir() if entry not in self._used]
        shards = self.root / SHARDS
        if shards.is_dir():
            stale += [entry for entry in shards.iterdir() if entry not in self._used]
        for entry in stale:
            # Another build of the same site may have deleted it already.
            if entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
        return len(stale)


def _folders(folder: Path) -> list[str]:
    try:
        return [entry.path for entry in os.scandir(folder) if entry.is_dir()]
    except FileNotFoundError:
        return []


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # A name of this process's own beside the target (mkstemp's random names cost more than the write).
    temporary = path.with_name(f".tmp-{os.getpid()}-{threading.get_ident()}-{path.name}")
    temporary.write_text(text, "utf-8")
    os.replace(temporary, path)
