"""The state of a consultation as of a day (gongkai.model.consultation)."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.model.consultation import Consultation, ConsultationState

PERIOD = Consultation(
    start=dt.date(2026, 11, 16), end=dt.date(2026, 12, 15), shortened_because=None,
    channels=(("电子邮箱", "zq@example.gov.cn"),), feedback=None, feedback_document=None, line=12,
)  # fmt: skip


@pytest.mark.parametrize(
    ("as_of", "feedback", "state", "days_left"),
    [
        ("2026-11-15", None, ConsultationState.NOT_STARTED, 30),
        ("2026-11-16", None, ConsultationState.OPEN, 29),
        ("2026-12-15", None, ConsultationState.OPEN, 0),
        ("2026-12-16", None, ConsultationState.AWAITING_FEEDBACK, -1),
        ("2026-12-16", "2026-12-20", ConsultationState.AWAITING_FEEDBACK, -1),  # published later: not yet
        ("2026-12-20", "2026-12-20", ConsultationState.ANSWERED, -5),
    ],
)
def test_the_state_follows_the_days_and_the_feedback(as_of, feedback, state, days_left):
    day = dt.date.fromisoformat(as_of)
    published = dt.date.fromisoformat(feedback) if feedback else None
    assert PERIOD.state_on(day, published) is state
    assert PERIOD.days_left(day) == days_left
    assert PERIOD.days == 30  # both days counted
