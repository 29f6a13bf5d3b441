"""Pagefind's indexing service (`pagefind --service`, the extended build), spoken to directly.

Pagefind's own Python wrapper waits 0.1 s before reading each response, so adding
pages one at a time costs 0.1 s a page: 5 minutes for 3,000 documents. Here the
requests are pipelined (base64 JSON messages ended by a comma, the protocol of
Pagefind's Node and Python wrappers) and a thread reads the responses as they
come, so the service indexes each page on the second core while the build
renders the next one. A request that fails is raised at the next `write_files`.
"""

from __future__ import annotations

import base64
import contextlib
import json
import subprocess
import tempfile
import threading
from io import BufferedReader
from pathlib import Path
from typing import Any, cast

from pagefind.service import get_executable


class PagefindError(RuntimeError):
    pass


class PagefindService:
    def __init__(self) -> None:
        executable = get_executable()
        if executable is None:
            raise PagefindError("找不到 Pagefind 可执行文件；应为：安装 pagefind[extended]（scripts/setup 会安装）")
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 -- open for the life of the service, closed in close()
        self._process = subprocess.Popen(
            [str(executable), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log
        )
        self._next_id = 0
        self._lock = threading.Lock()
        self._answered = threading.Condition()
        self._responses: dict[int, dict[str, Any]] = {}
        self._failures: list[str] = []
        self._waited: set[int] = set()
        self._reader = threading.Thread(target=self._read, name="pagefind-responses", daemon=True)
        self._reader.start()

    @property
    def pid(self) -> int:
        return self._process.pid

    def new_index(self, config: dict[str, Any] | None = None) -> int:
        response = self._wait(self._send({"type": "NewIndex", "config": config or {}}, answer=True))
        return int(response["index_id"])

    def add_file(self, index_id: int, url: str, html: str) -> None:
        """Queue a page; it is indexed while the caller goes on."""
        self._send({"type": "AddFile", "index_id": index_id, "url": url, "file_path": None, "file_contents": html})

    def write_files(self, index_id: int, output_path: Path) -> None:
        """Write the bundle once every page sent before is indexed; raise if any request failed.

        Pagefind's own WriteFiles answers while its last writes may still be under way (it once left a
        shard's pagefind-entry.json empty when the service stopped next): the files are asked for
        instead, and written here.
        """
        response = self._wait(self._send({"type": "GetFiles", "index_id": index_id}, answer=True))
        if self._failures:
            raise PagefindError("Pagefind 索引出错：" + "；".join(self._failures[:5]))
        for file in response["files"]:
            path = output_path / file["path"]
            if not path.resolve().is_relative_to(output_path.resolve()):
                raise PagefindError(f"Pagefind 给出的文件路径不在索引目录内：{file['path']}")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.unlink(missing_ok=True)  # a new file, never one the build cache links to (build_cache.put_shard)
            path.write_bytes(base64.b64decode(file["content"]))

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        self._reader.join(timeout=5)
        for stream in (self._process.stdin, self._process.stdout):
            if stream is not None:
                with contextlib.suppress(BrokenPipeError):  # the service is gone: nothing left to flush
                    stream.close()
        self._log.close()

    def _send(self, payload: dict[str, Any], answer: bool = False) -> int:
        """Send a request; with `answer`, its response is kept for `_wait` (else only an error is)."""
        with self._lock:
            self._next_id += 1
            message_id = self._next_id
            if answer:
                with self._answered:
                    self._waited.add(message_id)
            message = json.dumps({"message_id": message_id, "payload": payload}, ensure_ascii=False)
            assert self._process.stdin is not None
            try:
                self._process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
                self._process.stdin.flush()
            except BrokenPipeError as e:
                raise PagefindError(f"Pagefind 服务已退出：{self._stderr()}") from e
        return message_id

    def _wait(self, message_id: int) -> dict[str, Any]:
        with self._answered:
            while message_id not in self._responses:
                if self._process.poll() is not None and not self._reader.is_alive():
                    raise PagefindError(f"Pagefind 服务已退出（{self._process.returncode}）：{self._stderr()}")
                self._answered.wait(timeout=1)
            response = self._responses.pop(message_id)
        if response.get("type") == "Error":
            raise PagefindError(f"Pagefind：{response.get('message')}")
        return response

    def _read(self) -> None:
        assert self._process.stdout is not None
        pending: list[bytes] = []  # the start of a message: a bundle's files come as one of 100 MB and more
        stdout = cast(BufferedReader, self._process.stdout)
        while chunk := stdout.read1(1 << 16):
            if b"," not in chunk:
                pending.append(chunk)
                continue
            first, *messages = chunk.split(b",")
            rest = messages.pop()
            for message in [b"".join([*pending, first]), *messages]:
                self._receive(json.loads(base64.b64decode(message)))
            pending = [rest] if rest else []
        with self._answered:
            self._answered.notify_all()

    def _receive(self, response: dict[str, Any]) -> None:
        payload = response.get("payload") or {}
        message_id = response.get("message_id")
        with self._answered:
            if message_id in self._waited:
                self._waited.discard(message_id)
                self._responses[message_id] = payload
                self._answered.notify_all()
            elif payload.get("type") == "Error":
                self._failures.append(str(payload.get("message")))

    def _stderr(self) -> str:
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")[-2000:]
