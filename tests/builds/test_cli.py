"""The `gongkai` command: build, and serve with rebuild on change."""

import gzip
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

from gongkai.cli import main
from helpers import document


def test_build_writes_the_site_and_reports_progress(project, capsys):
    for n in range(1, 21):
        project.add_document(f"2024/{n:05d}.md", document(n))
    os.chdir(project.root)
    assert main(["build", "-d", str(project.site)]) == 0
    assert (project.site / "zwgk/index.html").is_file()
    err = capsys.readouterr().err
    assert "文件页面 2/20" in err and "文件页面 20/20" in err


def test_build_fails_with_the_problems_and_exit_code_1(project, capsys):
    project.add_document("2024/00001.md", document(1, 发布日期="2024-3-5"))
    assert main(["-f", str(project.root / "mkdocs.yml"), "build", "-d", str(project.site)]) == 1
    err = capsys.readouterr().err
    assert "content/wj/2024/00001.md:7: 发布日期: '2024-3-5' 不是有效日期" in err


def test_as_of_sets_the_day_validity_is_computed_for(project, capsys, monkeypatch):
    monkeypatch.setenv("GONGKAI_AS_OF", "2000-01-01")  # main() sets it; the monkeypatch restores it after
    project.add_document("2024/00001.md", document(1, 栏目=["wjk"], 施行日期="2025-01-01"))
    config = ["-f", str(project.root / "mkdocs.yml")]

    def state(as_of: str) -> str:
        assert main([*config, "build", "-d", str(project.site), "--as-of", as_of]) == 0
        assert f"文件有效性按 {as_of} 计算" in capsys.readouterr().err
        return project.html("wj/2024/00001/").css_first("meta[name=Validity]").attributes["content"]

    assert state("2024-12-31") == "尚未生效"
    assert state("2025-01-01") == "有效"
    assert main([*config, "build", "-d", str(project.site), "--as-of", "2025-02-30"]) == 1
    assert "环境变量 GONGKAI_AS_OF: '2025-02-30' 不是有效日期" in capsys.readouterr().err


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = fetch(url)
        if body is not None and text in body:
            return True
        time.sleep(0.5)
    return False


def test_serve_builds_serves_on_loopback_and_rebuilds_on_change(project):
    path = project.add_document("2024/00001.md", document(1, 标题="第一版标题"))
    port = free_port()
    command = [sys.executable, "-m", "gongkai.cli", "serve", "-a", f"127.0.0.1:{port}"]
    log = (project.root / "serve.log").open("w")
    server = subprocess.Popen(command, cwd=project.root, stdout=log, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/wj/2024/00001/"
        assert wait_for(url, "第一版标题"), (project.root / "serve.log").read_text()
        path.write_text(document(1, 标题="第二版标题"), "utf-8")
        assert wait_for(url, "第二版标题"), (project.root / "serve.log").read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_serve_with_a_site_directory_serves_the_built_site_as_it_is(sample_site, tmp_path):
    port = free_port()
    command = [sys.executable, "-m", "gongkai.cli", "serve", str(sample_site), "-a", f"127.0.0.1:{port}"]
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(command, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT)
    try:
        assert wait_for(f"http://127.0.0.1:{port}/search/", "一网通查"), (tmp_path / "serve.log").read_text()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/pagefind/gongkai-words.json") as response:
            assert response.status == 200
            assert response.headers.get("Content-Encoding") is None  # a client that did not ask gets it plain
            assert "foldable" in json.loads(response.read())
        # Scripts and the word list go compressed to a browser, as a web server would send them.
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/pagefind/gongkai-words.json", headers={"Accept-Encoding": "gzip"}
        )
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert "foldable" in json.loads(gzip.decompress(response.read()))
        # Pagefind's index files are compressed already: sent as they are.
        chunk = next((sample_site / "pagefind" / "index").iterdir())
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/pagefind/index/{chunk.name}", headers={"Accept-Encoding": "gzip"}
        )
        with urllib.request.urlopen(request) as response:
            assert response.headers.get("Content-Encoding") is None
            assert response.read() == chunk.read_bytes()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_serve_refuses_a_directory_that_is_not_a_built_site(tmp_path, capsys):
    (tmp_path / "index.html").write_text("<p>hi</p>", "utf-8")
    assert main(["serve", str(tmp_path)]) == 1
    assert f"{tmp_path}: 没有一网通查索引 pagefind/" in capsys.readouterr().err
    assert main(["serve", str(tmp_path / "nowhere")]) == 1
    assert "目录不存在" in capsys.readouterr().err
    assert main(["serve", str(tmp_path), "-a", "127.0.0.1:http"]) == 1
    assert "--dev-addr: '127.0.0.1:http' 不是有效地址；应为：主机:端口" in capsys.readouterr().err
