"""Working days by the official calendar: 法定节假日 off, 调休 make-up days (Saturdays, Sundays) on.

The State Council announces each year's holidays and make-up days late in the
year before, so no rule can compute them: the dates come from the maintained
`chinesecalendar` package. For a year it does not cover yet (or before 2004)
there is no answer, and callers are told so (CalendarNotCovered) instead of
being given a guess from weekdays alone.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from importlib.metadata import version

import chinese_calendar

# Art. 26: proactive information is published within 20 working days of being formed or changed.
PUBLICATION_WORKING_DAYS = 20

COVERED_YEARS = range(min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year + 1)
CALENDAR = f"chinesecalendar {version('chinesecalendar')}"


class CalendarNotCovered(Exception):
    def __init__(self, year: int) -> None:
        self.year = year
        years = f"{COVERED_YEARS.start}—{COVERED_YEARS.stop - 1}"
        super().__init__(f"{CALENDAR} 只收录 {years} 年的节假日和调休安排")


def is_working_day(day: dt.date) -> bool:
    if day.year not in COVERED_YEARS:
        raise CalendarNotCovered(day.year)
    return bool(chinese_calendar.is_workday(day))


@cache
def working_day_deadline(start: dt.date, days: int = PUBLICATION_WORKING_DAYS) -> dt.date:
    """The last day of a period of `days` working days from `start`.

    The day of the event itself is not counted (期间开始之日不计算在内): the
    period begins on the next day.
    """
    day, counted = start, 0
    while counted < days:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day
