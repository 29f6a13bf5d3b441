"""Personal data in published text: recognised by structure, so ordinary numbers do not trigger."""

from __future__ import annotations

import pytest

from gongkai.checks.personal_data import Kind, find_personal_data, is_bank_card_number, is_id_card_number

# GB 11643's own example; the same with a wrong check character.
ID_NUMBER = "11010519491231002X"
WRONG_CHECK = "110105194912310021"


def kinds(text: str) -> list[tuple[Kind, str]]:
    return [(found.kind, found.text) for found in find_personal_data(text)]


def test_an_id_number_is_found_only_with_its_right_check_character():
    assert is_id_card_number(ID_NUMBER) and is_id_card_number(ID_NUMBER.lower())
    assert not is_id_card_number(WRONG_CHECK)
    assert kinds(f"申请人张三，身份证号{ID_NUMBER}，住址略。") == [(Kind.ID_CARD, ID_NUMBER)]
    assert kinds(f"申请人张三，身份证号{WRONG_CHECK}，住址略。") == []


def test_an_id_number_needs_a_real_birth_date_and_to_stand_alone():
    assert not is_id_card_number("110105194902301234")  # 30 February
    assert kinds(f"编号0{ID_NUMBER}") == [] and kinds(f"{ID_NUMBER}7") == [] and kinds(f"A{ID_NUMBER}") == []


def test_full_width_digits_are_read_as_digits_and_reported_as_written():
    full_width = "".join(chr(0xFF10 + int(c)) if c.isdigit() else "Ｘ" for c in ID_NUMBER)
    found = find_personal_data(f"证件号：{full_width}")
    assert [(f.kind, f.text, f.start) for f in found] == [(Kind.ID_CARD, full_width, 4)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("联系人手机13800138000。", [(Kind.MOBILE, "13800138000")]),
        ("联系人手机 138-0013-8000。", [(Kind.MOBILE, "138-0013-8000")]),
        ("手机：+86 139 1234 5678", [(Kind.MOBILE, "+86 139 1234 5678")]),
        ("热线12345，电话0571-86010000", []),  # a hotline and a landline are not mobile numbers
        ("编号12800138000", []),  # no mobile number starts 12
        ("金额138001380001元", []),  # 12 digits: part of a longer number
    ],
)
def test_mobile_numbers(text, expected):
    assert kinds(text) == expected


def test_a_bank_card_number_needs_its_luhn_check_digit():
    assert is_bank_card_number("6200000000000005") and is_bank_card_number("4111 1111 1111 1111")
    assert not is_bank_card_number("6200000000000006") and not is_bank_card_number("62000000005")
    assert kinds("退款账户6200000000000005。") == [(Kind.BANK_CARD, "6200000000000005")]
    assert kinds("卡号 4111 1111 1111 1111 已注销") == [(Kind.BANK_CARD, "4111 1111 1111 1111")]
    assert kinds("流水号6200000000000006。") == []


def test_ordinary_numbers_of_a_government_text_do_not_trigger():
    text = (
        "索引号11330521MB1C00001X/2024-00012，统一社会信用代码91330521MA2B3C4D5E，"
        "示政发〔2024〕3号，总投资123456789012元，邮编311800，2024年3月5日。"
    )
    assert kinds(text) == []


def test_an_id_number_that_passes_the_luhn_check_is_reported_once():
    # Some 身份证号 are Luhn-valid by chance; find one among numbers with a right check character.
    numbers = (f"1101051949123{n:04d}" for n in range(10000))
    luhn_id = next(
        n + c
        for n in (x[:17] for x in numbers)
        for c in "0123456789X"
        if is_id_card_number(n + c) and is_bank_card_number(n + c)
    )
    assert kinds(f"身份证{luhn_id}。") == [(Kind.ID_CARD, luhn_id)]
