"""The model is the ground floor: it imports nothing of gongkai above it, and nothing of MkDocs.

The checks, views, search, commands and MkDocs adapters build on it; a later port (another static
site generator, many organs on one platform) should only touch what stands on it.
"""

import ast
from pathlib import Path

import gongkai

MODEL = Path(gongkai.__file__).parent / "model"


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(line, what) for each import that leaves the model or reaches MkDocs."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            # `from .. import __version__`: the package's root holds constants only and imports nothing.
            if (node.level > 1 and module) or (node.level == 0 and module.split(".")[0] in ("gongkai", "mkdocs")):
                found.append((node.lineno, "." * node.level + module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] in ("gongkai", "mkdocs")]
    return found


def test_the_model_imports_nothing_above_it():
    leaks = [f"{path.name}:{line}: {what}" for path in sorted(MODEL.glob("*.py")) for line, what in imports_of(path)]
    assert leaks == []


def test_the_check_finds_an_import_from_above(tmp_path):
    leaking = tmp_path / "leak.py"
    leaking.write_text(
        "from ..checks.rules import SCHEMA\nimport mkdocs.plugins\nfrom .rules import Level\nfrom .. import __version__\n"
    )
    assert imports_of(leaking) == [(1, "..checks.rules"), (2, "mkdocs.plugins")]
