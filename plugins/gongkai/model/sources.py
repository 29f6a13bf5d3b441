"""Source files read once while a build loads and checks them.

Loading reads every document, and three checks (links, personal data, unsafe HTML) read every
published Markdown file again: on the LawRefBook corpus four reads of 20 million characters. Inside
`sources_read_once()`, `read_source` keeps each file's text for the next reader; outside it, it reads
the file as `Path.read_text` does. Nothing writes the sources while a build reads them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

_texts: ContextVar[dict[Path, str] | None] = ContextVar("gongkai_source_texts", default=None)


@contextmanager
def sources_read_once() -> Iterator[None]:
    """Within it, each source is read from disk once (the texts are let go after it)."""
    token = _texts.set({})
    try:
        yield
    finally:
        _texts.reset(token)


def read_source(path: Path, errors: str = "strict") -> str:
    """The file's text as UTF-8; `errors` as for bytes.decode (a file that is not UTF-8 is not kept)."""
    texts = _texts.get()
    if texts is None:
        return path.read_text("utf-8", errors=errors)
    text = texts.get(path)
    if text is None:
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError:
            if errors == "strict":
                raise
            return path.read_text("utf-8", errors=errors)
        texts[path] = text
    return text
