"""The `gongkai` command: build, serve, serve a built site, import a collection, scaffold a document."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# MkDocs and Material print migration banners on every run; editors need none.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="gongkai", description="政府信息公开专栏 静态站点生成器")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="MkDocs 配置文件（默认 mkdocs.yml）")
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="构建完整站点（页面、附件、公开目录、搜索索引）")
    build.add_argument("-d", "--site-dir", help="输出目录（默认 mkdocs.yml 中的 site_dir）")
    build.add_argument("--strict", action="store_true", help="警告也视为错误（CI 中使用）")
    build.add_argument("--as-of", metavar="YYYY-MM-DD", help="按这一天计算文件有效性（默认今天），用于可复现的构建")
    build.add_argument(
        "--organ",
        metavar="代码",
        help="平台站点：只构建这个公开单位的部分（默认输出到 parts/<代码>/），之后用 assemble 组装",
    )

    assemble = commands.add_parser(
        "assemble",
        help="平台站点：用各公开单位分别构建的部分组装完整站点（门户、公开目录、一网通查），不需要各单位的源文件",
    )
    assemble.add_argument("parts", nargs="+", type=Path, help="gongkai build --organ 构建的部分目录，每个公开单位一个")
    assemble.add_argument("-d", "--site-dir", help="输出目录（默认 mkdocs.yml 中的 site_dir）")
    assemble.add_argument("--strict", action="store_true", help="警告也视为错误")
    assemble.add_argument("--as-of", metavar="YYYY-MM-DD", help="按这一天计算（须与各部分相同）")

    serve = commands.add_parser(
        "serve", help="构建并在本机预览，文件改动后自动重新构建；给出站点目录时只提供已构建的站点（查阅点用）"
    )
    serve.add_argument("site", nargs="?", type=Path, help="已构建的站点目录，如 site/：不构建，直接提供")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="监听地址（默认 127.0.0.1:8000）")
    serve.add_argument("--strict", action="store_true", help="警告也视为错误")
    serve.add_argument("--as-of", metavar="YYYY-MM-DD", help="按这一天计算文件有效性（默认今天）")

    importer = commands.add_parser(
        "import", help="把 JSON Lines 格式的文件集合（如旧系统导出）按对照表导入 content/，可重复运行"
    )
    importer.add_argument("source", type=Path, help="JSON Lines 文件：每行一条记录的元数据，正文在旁边的文件里")
    importer.add_argument("-m", "--mapping", type=Path, required=True, help="对照表（YAML）：来源字段如何对应文件字段")
    importer.add_argument("--force", action="store_true", help="覆盖导入后被编辑过的文件")
    importer.add_argument("--dry-run", action="store_true", help="只报告会做什么，不写文件")
    importer.add_argument("--organ", metavar="代码", help="平台站点：导入哪个公开单位（catalog.yaml 公开单位的代码）")

    new = commands.add_parser("new", help="在栏目中新建一份文件：必填字段齐全，日期为今天，索引号取本年下一个空号")
    new.add_argument("column", help="栏目代码，如 gfxwj（catalog.yaml 中列出文件的栏目）")
    new.add_argument("--title", help="标题（不给则留待填写）")
    new.add_argument("--kind", help="文种，如 通知（不给则留待填写）")
    new.add_argument("--date", metavar="YYYY-MM-DD", help="成文日期和发布日期（默认今天）")
    new.add_argument("--organ", metavar="代码", help="平台站点：为哪个公开单位新建（catalog.yaml 公开单位的代码）")

    check = commands.add_parser(
        "check",
        help="不构建站点，按检查规则检查 catalog.yaml 和 content/（空白栏目、发布时限、三同步、个人信息、链接等）",
    )
    check.add_argument(
        "--format", choices=["text", "json"], default="text", help="输出格式（默认 text；json 供工具读取）"
    )
    check.add_argument("--as-of", metavar="YYYY-MM-DD", help="按这一天检查（默认今天）")
    check.add_argument("--strict", action="store_true", help="警告也视为错误（退出码 1）")

    review = commands.add_parser(
        "review", help="与 git 中的基准版本比较本次改动对专栏的影响，输出拉取请求评论用的 Markdown"
    )
    review.add_argument("--base", required=True, help="基准版本：分支、标签或提交，如 origin/main")
    review.add_argument("--as-of", metavar="YYYY-MM-DD", help="按这一天计算效力和检查（默认同 check）")
    review.add_argument("-o", "--output", type=Path, help="写入这个文件（默认输出到屏幕）")

    args = parser.parse_args(argv)
    if getattr(args, "as_of", None):
        from .project import AS_OF_VARIABLE

        os.environ[AS_OF_VARIABLE] = args.as_of  # read by the disclosure plugin
    _configure_logging()
    try:
        if args.command == "build":
            return _build(args)
        if args.command == "assemble":
            return _assemble(args)
        if args.command == "import":
            return _import(args)
        if args.command == "new":
            return _new(args)
        if args.command == "check":
            return _check(args)
        if args.command == "review":
            return _review(args)
        return _serve(args)
    except KeyboardInterrupt:
        return 130


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is at the time, so a redirected stderr gets the messages."""

    @property  # type: ignore[override]
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


def _configure_logging() -> None:
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def _build(args: argparse.Namespace) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    from .project import PART_VARIABLE

    options: dict[str, Any] = {"strict": True} if args.strict else {}
    if args.site_dir:
        options["site_dir"] = str(Path(args.site_dir).resolve())
    elif args.organ:
        options["site_dir"] = str((Path(args.config_file).resolve().parent / "parts" / args.organ).resolve())
    try:
        with _environment(PART_VARIABLE, args.organ):  # read by the disclosure plugin
            config = load_config(args.config_file, **options)
            build(config)
    except PluginError as e:
        print(f"构建失败：{e}", file=sys.stderr)
        return 1
    except (ConfigurationError, Abort):
        # MkDocs has already logged the reason.
        print("构建失败，原因见上方的错误信息。", file=sys.stderr)
        return 1
    return 0


def _assemble(args: argparse.Namespace) -> int:
    from .project import ASSEMBLE_VARIABLE

    missing = [str(p) for p in args.parts if not p.is_dir()]
    if missing:
        print(f"{'、'.join(missing)}: 目录不存在；应为：gongkai build --organ 构建的部分目录", file=sys.stderr)
        return 1
    args.organ = None
    with _environment(ASSEMBLE_VARIABLE, os.pathsep.join(str(p.resolve()) for p in args.parts)):
        return _build(args)


@contextlib.contextmanager
def _environment(name: str, value: str | None) -> Iterator[None]:
    """`name` set to `value` (None: left as it is) for the plugin to read during one build, then restored."""
    if value is None:
        yield
        return
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before


def _import(args: argparse.Namespace) -> int:
    from .importers.collection import import_collection
    from .importers.gazette import GazetteTarget, import_gazette, is_gazette_mapping, load_gazette_mapping
    from .importers.mapping import load_mapping
    from .model.problems import InvalidInput

    if not args.source.is_file():
        print(f"{args.source}: 文件不存在；应为：JSON Lines 文件（每行一条记录）", file=sys.stderr)
        return 1
    try:
        target = _project_target(Path(args.config_file), args.organ)
        if is_gazette_mapping(args.mapping):  # 类型: 公报: historical gazette issues, not documents
            gazette_mapping = load_gazette_mapping(args.mapping, str(args.mapping))
            gazette_target = GazetteTarget(target.project_dir, target.docs_dir, target.gazettes_root, target.catalog)
            report = import_gazette(
                args.source, gazette_mapping, gazette_target, force=args.force, dry_run=args.dry_run
            )
        else:
            mapping = load_mapping(args.mapping, str(args.mapping))
            report = import_collection(args.source, mapping, target, force=args.force, dry_run=args.dry_run)
    except InvalidInput as e:
        print(f"导入失败：{e}", file=sys.stderr)
        return 1
    for line in report.lines():
        print(line)
    if args.dry_run:
        print("（--dry-run：没有写入任何文件）")
    return 0


def _new(args: argparse.Namespace) -> int:
    import datetime as dt

    from .model.fields import parse_date
    from .model.problems import InvalidInput
    from .scaffold import scaffold, write_new

    day = parse_date(args.date) if args.date else dt.date.today()
    if day is None:
        print(f"--date: '{args.date}' 不是有效日期；应为：YYYY-MM-DD 格式的日期，如 2026-01-01", file=sys.stderr)
        return 1
    try:
        target = _project_target(Path(args.config_file), args.organ)
        document = scaffold(target.catalog, target.root, args.column, day, args.title, args.kind)
        write_new(document)
    except InvalidInput as e:
        print(f"新建失败：{e}", file=sys.stderr)
        return 1
    print(f"已新建 {target.display(document.path)}（索引号 {document.index_no}）")
    print("请填写其中标着「【请填写】」的各项；填好之前，构建会报错，这份文件不会发布。")
    return 0


def _check(args: argparse.Namespace) -> int:
    """Exit 0: no errors; 1: errors (or warnings with --strict); 2: could not run."""
    import json

    from .checks.report import json_document, text_lines
    from .checks.runner import check_project
    from .model.problems import InvalidInput
    from .project import load_project

    try:
        project = load_project(Path(args.config_file))
    except InvalidInput as e:
        print(f"无法检查：{e}", file=sys.stderr)
        return 2
    as_of = _check_day(project)
    if as_of is None:
        return 2
    report = check_project(project, as_of)
    if args.format == "json":
        print(json.dumps(json_document(report), ensure_ascii=False, indent=2))
    else:
        print("\n".join(text_lines(report)))
    failed = report.errors or (args.strict and report.warnings)
    return 1 if failed else 0


def _check_day(project: Any) -> Any:
    """The day a build would check as of; None, with the reason printed, for a day that is not a date."""
    from .project import as_of_day

    try:
        return as_of_day(project.plugin.as_of, "--as-of")
    except ValueError as e:
        print(e, file=sys.stderr)
        return None


def _review(args: argparse.Namespace) -> int:
    """Exit 0 with the Markdown; 2 when the base or the project cannot be read."""
    from .model.problems import InvalidInput
    from .project import load_project
    from .review.git_base import BaseUnavailable
    from .review.run import review

    config_file = Path(args.config_file)
    try:
        project = load_project(config_file)
        as_of = _check_day(project)
        if as_of is None:
            return 2
        markdown = review(project, config_file, args.base, as_of)
    except InvalidInput as e:
        print(f"无法比较：{e}", file=sys.stderr)
        return 2
    except BaseUnavailable as e:
        print(
            f"无法读取基准版本 '{args.base}'：{e}；应为：这个 git 仓库中的分支、标签或提交，如 origin/main",
            file=sys.stderr,
        )
        return 2
    if args.output:
        args.output.write_text(markdown, "utf-8")
    else:
        print(markdown, end="")
    return 0


def _project_target(config_file: Path, organ: str | None) -> Any:
    """Where documents go and the catalog they must fit, as the site's mkdocs.yml says: on a platform, those
    of the organ `organ` names (InvalidInput without one, or with one the catalog does not have)."""
    from .importers.collection import Target
    from .model.platform_catalog import load_platform_catalog
    from .model.problems import InvalidInput, Problem
    from .project import load_project

    project = load_project(config_file)
    catalog_file = project.catalog_file
    display = catalog_file.relative_to(project.root).as_posix()
    platform = load_platform_catalog(catalog_file, display, project.docs_dir)
    documents_dir, gazettes_dir = project.plugin.documents_dir, project.plugin.gazettes_dir
    if not platform.is_platform:
        if organ is not None:
            found = f"'{organ}'：这个站点只有一个机关（catalog.yaml 没有 公开单位）"
            raise InvalidInput([Problem("--organ", None, "", found, "不写 --organ")])
        return Target(project.root, project.docs_dir, documents_dir, platform.first, documents_dir, gazettes_dir)
    catalog = platform.organ(organ) if organ else None
    if catalog is None:
        found = f"'{organ}' 不是公开单位的代码" if organ else "平台站点要写明为哪个公开单位"
        keys = "、".join(f"{c.organ_key}（{c.organ.name}）" for c in platform.organs)
        raise InvalidInput([Problem("--organ", None, "", found, f"以下公开单位代码之一：{keys}")])
    folder = platform.organ_folder(catalog)
    return Target(project.root, project.docs_dir, f"{folder}{documents_dir}", catalog, documents_dir, gazettes_dir)


def _serve(args: argparse.Namespace) -> int:
    if args.site is not None:
        from .static_server import serve_site

        host, _, port = args.dev_addr.rpartition(":")
        if not port.isdigit():
            print(f"--dev-addr: '{args.dev_addr}' 不是有效地址；应为：主机:端口，如 127.0.0.1:8000", file=sys.stderr)
            return 1
        return serve_site(args.site, host or "127.0.0.1", int(port))
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    options: dict[str, Any] = {"strict": True} if args.strict else {}
    try:
        # The plugin adds catalog.yaml to the watched files (on_serve).
        serve(args.config_file, dev_addr=args.dev_addr, **options)
    except (PluginError, ConfigurationError, Abort) as e:
        print(f"预览失败：{e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
