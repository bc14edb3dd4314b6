"""Round 22 (branch issue-ev22): a page's stamp is no lead.

A stamp of when a page was put online, written "Updated At :", "Published On:" or
"Posted/updated on:", was not read as the page's chrome (`_CHROME` knew "Updated:" alone), so
the stamp was the report's lead: The Tribune's (AP) report of Xi and Putin's talks in Beijing
on Tuesday 2 September 2025, put online at 12:48 AM on the 3rd (Indian time), was dated to the
3rd by its stamp and kept apart from the Russian reports of the 2nd ("days: one undated, a day
apart"; dev_round26). Counted over the earlier dev files: three more reports whose stamp was
their lead (dev_round15, dev_round16, dev_round23), each dated rightly by the stamp's day, but
reading no one and nothing of the report.

Excerpts as the reports give them (bench/data/events/dev_round26.toml, dev_round15.toml,
dev_round16.toml; ids cited).
"""

from __future__ import annotations

from datetime import date

from worker.detect.events import GroupingOptions, _lead, report_features, score
from worker.service.seeds import load_roster

ROSTER = load_roster()
OPTS = GroupingOptions()

# e21-xiputin-beijing25-en-tribune (The Tribune, AP, English, 2025-09-03)
TRIBUNE_TITLE = "Xi, Putin reaffirm ‘old friend’ ties in face of US challenges"
TRIBUNE = (
    "Xi, Putin reaffirm ‘old friend’ ties in face of US challenges\n\n"
    "AP\n"
    "Beijing, Updated At : 12:48 AM Sep 03, 2025 IST\n"
    "Chinese President Xi Jinping and Russian President Vladimir Putin at Zhongnanhai in "
    "Beijing. Reuters\n"
    "Chinese leader Xi Jinping welcomed Russian President Vladimir Putin as an “old friend” as "
    "the two held a series of meetings on Tuesday at a time when their countries face both "
    "overlapping and differing challenges from the United States.\n"
)
# e21-xiputin-beijing25-ru-radio1 (Радио 1, Russian, 2025-09-02)
RADIO1_TITLE = "Путин и Си Цзиньпин продолжили переговоры в узком составе за чашкой чая"
RADIO1 = (
    "Путин и Си Цзиньпин продолжили переговоры в узком составе за чашкой чая\n"
    "Президент Российской Федерации Владимир Путин и председатель КНР Си Цзиньпин продолжили "
    "свои переговоры в узком составе в личной резиденции китайского лидера «Чжуннаньхай». Об "
    "этом сообщается в Telegram-канале Кремля.\n"
)
# eu-summit-ukraine-talks-dunya (Dunya News, Reuters, English, 2023-12-14)
DUNYA_TITLE = "EU summit decides to launch membership talks with Ukraine"
DUNYA = (
    "EU summit decides to launch membership talks with Ukraine\n\n"
    "Published On: Thu, 14 Dec 2023 23:32:59 PKT\n\n"
    "BRUSSELS (Reuters) - European Union leaders unexpectedly agreed on Thursday to open "
    "membership talks with Ukraine, something Hungarian Prime Minister Viktor Orban for weeks "
    "had vowed to block.\n"
)
# e11-harvard-ktbb (KTBB, English, 2024-01-02)
KTBB_TITLE = "Breaking News: Harvard President Claudine Gay announces resignation"
KTBB = (
    "Breaking News: Harvard President Claudine Gay announces resignation\n\n"
    "Posted/updated on: January 2, 2024 at 12:44 pm\n\n"
    "Breaking News: Harvard President Claudine Gay announces resignation – Embattled Harvard "
    "University President Claudine Gay has resigned, she announced on Tuesday.\n"
)


def test_a_stamp_updated_at_is_no_lead() -> None:
    lead = _lead(TRIBUNE_TITLE, TRIBUNE)
    assert "Updated" not in lead and "12:48" not in lead
    f = report_features(TRIBUNE_TITLE, TRIBUNE, date(2025, 9, 3), ROSTER)
    assert f.occasion != "09-03"  # the day the page was put online, not the talks'


def test_talks_dated_by_the_stamp_no_longer_kept_apart() -> None:
    tribune = report_features(TRIBUNE_TITLE, TRIBUNE, date(2025, 9, 3), ROSTER)
    radio1 = report_features(RADIO1_TITLE, RADIO1, date(2025, 9, 2), ROSTER)
    assert score(radio1, tribune, OPTS).score >= OPTS.join


def test_stamps_published_on_and_posted_updated_on_are_no_lead() -> None:
    assert _lead(DUNYA_TITLE, DUNYA).startswith("European Union leaders")
    assert "Claudine Gay has resigned" in _lead(KTBB_TITLE, KTBB)


def test_a_prose_paragraph_saying_published_is_still_a_lead() -> None:
    text = (
        "The report published on Monday: the central bank kept its rate unchanged at 4.5% "
        "and said inflation had eased."
    )
    assert _lead("", text).startswith("The report published")
