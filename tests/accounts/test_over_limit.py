"""accounts.ratelimit.over_limit: one count per address, name and window, for every limit."""

import pytest

from accounts import ratelimit
from accounts.ratelimit import over_limit


@pytest.fixture(autouse=True)
def still_clock(monkeypatch):
    monkeypatch.setattr(ratelimit.time, "time", lambda: 1_800_000_000.0)


def test_the_post_after_the_limit_is_over(rf):
    request = rf.post("/", REMOTE_ADDR="192.0.2.1")

    assert [over_limit(request, "thing", 2, 60) for _ in range(3)] == [False, False, True]


def test_each_name_counts_on_its_own(rf):
    request = rf.post("/", REMOTE_ADDR="192.0.2.1")
    for _ in range(2):
        over_limit(request, "feedback", 2, 60)

    assert over_limit(request, "packs", 2, 60) is False
    assert over_limit(request, "feedback", 2, 60) is True


def test_a_limit_of_zero_is_never_over_and_counts_nothing(rf):
    request = rf.post("/", REMOTE_ADDR="192.0.2.1")

    assert not any(over_limit(request, "off", 0, 60) for _ in range(5))
    assert over_limit(request, "off", 1, 60) is False
