"""Files put in place by a hard link where the file system allows, by a copy where it does not.

A link costs no reading or writing, which matters for the tens of thousands of pages and fragments an
assembly takes from its parts. It is safe because gongkai never writes into a file it has written:
MkDocs empties the site folder before a build, and the build cache and the merge write each file anew,
so a file linked from one build's output stays as it was when it was linked.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """`target` as `source` is; a file already at `target` is replaced."""
    try:
        os.link(source, target)
    except FileExistsError:
        os.unlink(target)
        link_or_copy(source, target)
    except OSError:  # another file system, or one without links
        shutil.copy2(source, target)


def link_tree(source: Path, target: Path) -> None:
    """The files of folder `source` into `target` (made where missing), each linked or copied.
    (shutil.copytree would also copy each folder's times and mode: a third of the time, for nothing.)"""
    for folder, _, names in os.walk(source):
        into = target / Path(folder).relative_to(source)
        into.mkdir(parents=True, exist_ok=True)
        for name in names:
            link_or_copy(os.path.join(folder, name), into / name)
