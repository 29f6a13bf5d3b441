"""The project as it is at a git ref, extracted to a temporary folder (tracked files only)."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path


class BaseUnavailable(Exception):
    """The base ref cannot be read: it does not exist, is not a commit, or the repository is damaged."""


def _git(root: Path, *args: str) -> bytes:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise BaseUnavailable("找不到 git 命令") from None
    if result.returncode != 0:
        message = " ".join(result.stderr.decode("utf-8", "replace").split())
        raise BaseUnavailable(message or f"git {args[0]} 失败（退出码 {result.returncode}）")
    return result.stdout


def resolve(root: Path, ref: str) -> str:
    """The commit a ref names."""
    if ref.startswith("-"):
        raise BaseUnavailable(f"'{ref}' 不是版本名")
    try:
        return _git(root, "rev-parse", "--verify", "--end-of-options", f"{ref}^{{commit}}").decode().strip()
    except BaseUnavailable as e:
        raise BaseUnavailable(f"仓库中没有这个版本，或它已损坏（git：{e}）") from None


def extract(root: Path, commit: str, target: Path) -> Path:
    """Write the tracked files of `commit` under `target`; return where `root` is in it."""
    prefix = _git(root, "rev-parse", "--show-prefix").decode().strip()
    if not _git(root, "ls-tree", "--name-only", commit).strip():
        return target / prefix  # a commit without files: tarfile cannot read the archive git makes of it
    archive = _git(root, "archive", "--format=tar", commit)
    try:
        with tarfile.open(fileobj=io.BytesIO(archive), mode="r:") as tar:
            tar.extractall(target, filter="data")
    except tarfile.TarError as e:
        raise BaseUnavailable(f"无法展开 {commit[:12]} 的文件：{e}") from e
    return target / prefix
