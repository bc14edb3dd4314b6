"""Round 17 (branch issue-evprev17): one outcome dated a day apart by two clocks.

A landing at 0:20 JST is "1520 GMT Friday" to one report and "January 20" to another; Milei's
runoff is "Sunday" to Xinhua and "oggi" to ANSA's Italian page filed the next day; the Bank of
Japan's decision is "Tuesday" in Tokyo and filed on Monday evening in New York. Each pair had
both leads dated to other days, which set them apart as two occasions. An outcome both say (or
a named occasion of one day both name), each report dated its own day or the day before, and
someone in common up front or proper nouns agreeing, is one occasion. A report of the results
five days later recalling the landing, and a press conference the day after a verdict whose
lead tells the press conference, stay apart. The excerpts are real (bench/data/events/
dev_round9.toml, dev_round12.toml, dev_round20.toml, dev_round21.toml; ids in the comments)."""

from __future__ import annotations

from datetime import date

import pytest

from worker.detect.events import GroupingOptions, report_features, score
from worker.service.seeds import load_roster

ROSTER = load_roster()
OPTS = GroupingOptions()

# d9-slim-landing-nation (The Nation (Thailand), 20 January 2024; dev_round9)
NATION = (
    "Japan's SLIM lands on the moon but solar panels fail to generate power",
    "The Japan Aerospace Exploration Agency (JAXA) said its Smart Lander for Investigating Moon "
    "(SLIM) landed on the moon's surface at around 12:20 a.m. (1520 GMT Friday) and "
    "re-established communication with Earth, but its solar panels were not able to generate "
    "electricity, possibly because they are angled wrong.\n\nSpeaking at a news conference after "
    "SLIM's landing, Hitoshi Kuninaka, the head of JAXA's research centre, said that the "
    "spacecraft is currently operating only on its battery.\n",
    date(2024, 1, 20),
)
# d9-slim-landing-devdiscourse (Devdiscourse, 20 January 2024; dev_round9)
DEVDISCOURSE = (
    "Japan's SLIM lander lands on the moon; spacecraft not generating power as expected, says JAXA",
    "The Japan Aerospace Exploration Agency's SLIM lunar lander successfully landed on the "
    "moon's surface on January 20, 2024, at 0:20 am (JST), the agency confirmed on Saturday, "
    "adding that it has established communication with the spacecraft after the landing.\n\n"
    "Short for the Smart Lander for Investigating Moon, the SLIM lander launched on September "
    "7, 2023, from the Tanegashima Space Center.\n",
    date(2024, 1, 20),
)
# d9-slim-results-lankaxpress (LankaXpress (AP), 25 January 2024; dev_round9): the results,
# five days on
LANKAXPRESS = (
    "Japan's moon lander hit its target",
    "The Japan Aerospace Exploration Agency (JAXA) Smart Lander for Investigating Moon (SLIM) "
    "landed on the lunar surface on January 20, 2024 at 0:20 am JST, and communication was "
    "established with the Earth.\n\nHowever, due to the spacecraft not being at the planned "
    "attitude upon landing, power generation was not possible from the solar cells, and the "
    "spacecraft was shutdown with a command from the ground at 2:57 am JST.\n",
    date(2024, 1, 25),
)
# e16-milei-runoff-en-xinhua (Xinhua (English), 20 November 2023; dev_round21)
XINHUA = (
    "Initial results show Javier Milei wins Argentina's presidential runoff",
    "BUENOS AIRES, Nov. 19 (Xinhua) -- Javier Milei from the far-right Liberty Advances "
    "coalition has won Argentina's presidential runoff against Economy Minister Sergio Massa, "
    "initial results of the electoral authority showed on Sunday.\n\nMassa has conceded defeat "
    "before official results were announced, saying he had congratulated Milei, who will be "
    "the country's president for the next 4 years.\n",
    date(2023, 11, 20),
)
# e16-milei-runoff-it-messaggeroveneto (Messaggero Veneto (ANSA), 20 November 2023;
# dev_round21)
MESSAGGERO = (
    "",
    "date 2023-11 BUENOS AIRES, 19 NOV - L'ultraliberista di destra Javier Milei vince le "
    "presidenziali in Argentina col 56%, dopo lo scrutinio dell'86% dei voti. \"E' stata una "
    "campagna lunga e a tratti difficile. La giornata di oggi ratifica una cosa: che "
    "l'Argentina ha un sistema forte, solido e che rispetta sempre i risultati. Ovviamente non "
    "sono quelli che aspettavamo. Mi sono felicitato con Milei che è il presidente che gli "
    'argentini hanno scelto per i prossimi quattro anni". Così il primo passaggio del discorso '
    "del candidato progressista Sergio Massa, che ammette la sconfitta al ballottaggio "
    "presidenziale. (ANSA).\n",
    date(2023, 11, 20),
)
# e15-boj-policy-meeting-en-reuters-socast (Thomson Reuters (syndicated), 18 March 2024;
# dev_round20)
REUTERS = (
    "BOJ ends negative rate policy",
    "BOJ ends negative rate policy\n\nBy Thomson Reuters Mar 18, 2024 | 10:38 PM\n\nTOKYO "
    "(Reuters) – The Bank of Japan (BOJ) on Tuesday decided to end its negative interest rate "
    "policy, marking a landmark shift away from its huge stimulus programme.\n\nIt was Japan’s "
    "first interest rate hike since 2007.\n",
    date(2024, 3, 18),
)
# e15-boj-policy-meeting-ja-qnew (くにゅーニュース, 19 March 2024; dev_round20)
QNEW = (
    "金融政策会合、マイナス金利を解除",
    "金融政策会合、マイナス金利を解除\n\n2024年3月19日、日本銀行の金融政策決定会合で「金融政策の枠組みの"
    "見直し」が決まりました。\n  \n日銀当座預金のうち政策金利残高に-0.1%の「マイナス金利」を適用して"
    "きましたが、解除することになりました(マイナス金利導入前のシステムに戻す)。\n",
    date(2024, 3, 19),
)
# trump-verdict-adweek (Adweek (TVNewser), 30 May 2024; dev_round12)
ADWEEK = (
    "Donald Trump found guilty in historic hush money trial",
    "The verdict is in: Former President Donald Trump has been found guilty in a "
    "closely-watched criminal trial that has unfolded over the past six weeks in lower "
    "Manhattan. The 12-member jury announced the results of their deliberations at a little "
    "after 5 p.m. on Thursday, two days after hearing closing arguments from Trump’s legal team "
    "and the prosecution assembled by Manhattan district attorney Alvin L. Bragg.\n",
    date(2024, 5, 30),
)
# alone-trump-tower-presser-wkxi (WKXI, 31 May 2024; dev_round12): the press conference the
# day after, titled with the verdict
WKXI = (
    "Donald Trump found guilty in hush money trial",
    "NEW YORK, NEW YORK - MAY 31: Former U.S. President Donald Trump holds a press conference "
    "following the verdict in his hush-money trial at Trump Tower on May 31, 2024 in New York "
    "City. A New York jury found Trump guilty Thursday of all 34 charges of covering up a "
    "$130,000 hush money payment to adult film star Stormy Daniels.\n",
    date(2024, 5, 31),
)


def _score(x: tuple[str, str, date], y: tuple[str, str, date]) -> float:
    fx = report_features(x[0], x[1], x[2], ROSTER)
    fy = report_features(y[0], y[1], y[2], ROSTER)
    return score(fy, fx, OPTS).score


@pytest.mark.parametrize(
    ("a", "b"),
    [(NATION, DEVDISCOURSE), (XINHUA, MESSAGGERO), (REUTERS, QNEW)],
    ids=["slim-gmt-jst", "milei-sunday-oggi", "boj-new-york-tokyo"],
)
def test_one_outcome_dated_by_two_clocks_joins(
    a: tuple[str, str, date], b: tuple[str, str, date]
) -> None:
    assert _score(a, b) >= OPTS.join


@pytest.mark.parametrize(
    ("a", "b"),
    [(NATION, LANKAXPRESS), (ADWEEK, WKXI)],
    ids=["results-five-days-on", "press-conference-after-verdict"],
)
def test_another_day_stays_apart(a: tuple[str, str, date], b: tuple[str, str, date]) -> None:
    assert _score(a, b) < OPTS.join
