from gongkai.model.taxonomy import load_taxonomy


def test_twenty_one_classes_plus_other_and_names_with_enumeration_comma_stay_whole():
    taxonomy = load_taxonomy()
    assert len(taxonomy.subjects) == 22
    assert "卫生、体育" in taxonomy.subjects
    assert taxonomy.subject_problem("卫生、体育\\医药管理") is None


def test_subject_problems_say_what_is_wrong():
    taxonomy = load_taxonomy()
    assert taxonomy.subject_problem("卫生\\医药管理") == "一级分类「卫生」不在国务院主题分类中"
    assert taxonomy.subject_problem("卫生、体育") == "缺少二级分类（写作 一级\\二级）"
    assert taxonomy.subject_problem("卫生、体育\\教育") == "二级分类「教育」不在「卫生、体育」之下"


def test_fifteen_official_kinds_are_accepted():
    kinds = load_taxonomy().kinds
    for kind in [
        "决议",
        "决定",
        "命令",
        "公报",
        "公告",
        "通告",
        "意见",
        "通知",
        "通报",
        "报告",
        "请示",
        "批复",
        "议案",
        "函",
        "纪要",
    ]:
        assert kind in kinds


def test_site_may_add_second_level_classes():
    taxonomy = load_taxonomy().with_extra_subjects({"综合政务": ["营商环境"]})
    assert taxonomy.subject_problem("综合政务\\营商环境") is None
    assert load_taxonomy().subject_problem("综合政务\\营商环境") is not None
