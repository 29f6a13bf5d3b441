"""What must never be published, and page size that does not grow with the site."""

from helpers import document, make_project, scan_output


def test_non_public_documents_and_their_attachments_appear_in_no_output_file(tmp_path):
    project = make_project(
        tmp_path,
        {
            "2024/00001.md": document(1),
            "2024/00002.md": document(2, 公开属性="依申请公开", 标题="内部请示甲", 附件=["00002-fj1.pdf"]),
            "2024/00003.md": document(3, 公开属性="不予公开", 标题="内部会议纪要乙", 内容概述="内部概述丙"),
        },
    )
    project.add_document("2024/00002-fj1.pdf", "%PDF-1.4 内部附件丁")
    site = project.build()
    for secret in ("内部请示甲", "内部会议纪要乙", "内部概述丙", "内部附件丁", "2024-00002", "2024-00003"):
        assert scan_output(site, secret) == [], secret
    assert not (site / "wj/2024/00002").exists()
    assert not (site / "wj/2024/00002-fj1.pdf").exists()
    assert scan_output(site, "测试县人民政府关于第1号事项的通知")  # the public one is there


def page_size(tmp_path, count: int) -> tuple[int, int]:
    project = make_project(tmp_path / str(count), {f"2024/{n:05d}.md": document(n) for n in range(1, count + 1)})
    site = project.build()
    page = (site / "wj/2024/00001/index.html").read_bytes()
    nav = project.html("wj/2024/00001/").css_first("nav.md-nav--primary").html.encode()
    return len(page), len(nav)


def test_document_page_size_does_not_grow_with_the_number_of_documents(tmp_path):
    (tmp_path / "10").mkdir()
    (tmp_path / "300").mkdir()
    small_page, small_nav = page_size(tmp_path, 10)
    large_page, large_nav = page_size(tmp_path, 300)
    assert large_nav == small_nav
    assert large_page == small_page


def test_listing_pages_link_a_bounded_window_of_pages(tmp_path):
    project = make_project(tmp_path, {f"2024/{n:05d}.md": document(n) for n in range(1, 61)})
    project.build()  # 每页条数 3: 20 pages
    middle = project.html("zwgk/fdzdgknr/gfxwj/10/")
    items = [li.text(strip=True) for li in middle.css(".gk-pager li")]
    assert items == ["上一页", "1", "…", "8", "9", "10", "11", "12", "…", "20", "下一页"]
    assert middle.css_first('.gk-pager [aria-current="page"]').text() == "10"
