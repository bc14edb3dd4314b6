"""Per-channel filters: feeds, kinds, minimum change, and watch lists of people and words."""

from __future__ import annotations

from typing import Any

import pytest

from alerts.config import parse_channels
from alerts.event import ChangeEvent
from alerts.message import Alert
from tests.support.events import change_event, whole_edit

HOOK = {"type": "webhook", "url": "https://h.example.org/", "secret_env": "S"}


def passes(event: dict[str, Any], **filters: Any) -> bool:
    (cfg,) = parse_channels([{**HOOK, **filters}], {"S": "x"})
    return cfg.matches(Alert.from_event(event))


def wording_only(before: str, after: str) -> ChangeEvent:
    return change_event(
        "c1",
        feed={"url": "https://a.example.org/rss", "title": None},
        article={"url": "https://a.example.org/1", "guid": None, "title": "t"},
        similarity=0.95,
        wording={"edits": [whole_edit("replace", before, after)]},
    )


def test_no_filters_pass_everything(event) -> None:
    assert passes(event)


def test_feeds(event) -> None:
    assert passes(event, feeds=["https://example.org/rss.xml"])
    assert not passes(event, feeds=["https://other.example.org/rss.xml"])


def test_kinds_match_any_aspect_of_the_event(event) -> None:
    assert passes(event, kinds=["attendees"])
    # kind is "attendees" but the event also edits the wording: a wording channel hears of it
    assert passes(event, kinds=["wording"])
    assert not passes(event, kinds=["removed", "restored"])
    assert not passes(wording_only("a", "b"), kinds=["attendees"])


def test_min_change_is_one_minus_similarity(event) -> None:
    assert passes(event, min_change=0.09)  # similarity 0.91
    assert not passes(event, min_change=0.2)
    removed = {**event, "kind": "removed", "similarity": 0.0, "to_version": None}
    assert passes(removed, min_change=0.9)  # a takedown is a total change


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Li Qiang", True),  # added
        ("li  qiang", True),  # case and spacing do not matter
        ("Cai Qi", True),  # in a variant: re-spelled
        ("Xue Xiang", True),
        ("Wang Huning", False),  # listed in both versions, unchanged
        ("Wang Yi", False),  # never mentioned
    ],
)
def test_people_watch_list_on_attendees(event, name, expected) -> None:
    assert passes(event, people=[name]) is expected


def test_people_watch_list_on_wording_edits() -> None:
    dropped = wording_only("Wang Yi and Li Qiang met", "Li Qiang met")
    assert passes(dropped, people=["Wang Yi"])
    assert not passes(dropped, people=["Li Qiang"])  # still there
    assert not passes(wording_only("Wang Yiming spoke", "Wang Yiming said"), people=["Wang Yi"])
    assert passes(wording_only("李强主持会议", "王毅、李强出席会议"), people=["王毅"])


def test_words_watch_list() -> None:
    assert passes(wording_only("talks were held", "talks were suspended"), words=["suspended"])
    assert passes(wording_only("troops withdrew", "they left"), words=["troops"])
    assert not passes(wording_only("troops withdrew", "troops left"), words=["troops"])
    assert not passes(wording_only("sanctions eased", "sanctions lifted"), words=["sanction"])
    assert passes(wording_only("会谈举行", "会谈暂停"), words=["暂停"])


def test_filters_combine_with_and(event) -> None:
    assert passes(event, kinds=["attendees"], people=["Li Qiang"])
    assert not passes(event, kinds=["attendees"], people=["Wang Yi"])


def test_test_alert_passes_every_filter() -> None:
    assert passes_alert(Alert.test(), feeds=["https://nowhere.example/"], people=["Nobody"])


def passes_alert(alert: Alert, **filters: Any) -> bool:
    (cfg,) = parse_channels([{**HOOK, **filters}], {"S": "x"})
    return cfg.matches(alert)


def test_a_channel_may_ask_only_for_discrepancies_and_the_people_they_concern() -> None:
    found = change_event(
        "d1",
        "discrepancy",
        feed={"url": "https://a.example.org/rss", "title": None},
        article={"url": "https://a.example.org/1", "guid": None, "title": "t"},
        from_version=None,
        similarity=1.0,
        discrepancy={
            "kind": "missing",
            "summary": "Zhao Leji (attended) is missing",
            "reports": ["https://a.example.org/1"],
            "detail": {"person": "Zhao Leji", "role": "attended", "names": ["Zhao Leji", "赵乐际"]},
        },
    )
    assert passes(found, kinds=["discrepancy"])
    assert not passes(wording_only("a", "b"), kinds=["discrepancy"])
    assert passes(found, people=["赵乐际"]) and passes(found, people=["zhao leji"])
    assert not passes(found, people=["Li Qiang"])
