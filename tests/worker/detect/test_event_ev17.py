"""Round 17 (branch issue-ev17): occasions named in the languages the fresh files write them in.
The Ballon d'Or as Spanish and Ukrainian name it ("Balón de Oro", "Золотий м'яч"; not the
Chinese "金球奖", which is also the Golden Globes' name), and a central bank's rate decision told without the bank's usual name ("La Reserva
Federal ... recortó su tasa", "La banque centrale américaine a abaissé ... son taux directeur",
"La Bce alza ancora i tassi", "美国联邦储备委员会", "Britain's central bank"). Each read no
occasion before this round. The excerpts are real (bench/data/events/dev_round13.toml,
dev_round17.toml, dev_round19.toml, dev_round20.toml, dev_round21.toml; ids in the comments)."""

from __future__ import annotations

from datetime import date

import pytest

from worker.detect.events import GroupingOptions, report_features
from worker.detect.held_occasions import held_occasions
from worker.service.seeds import load_roster

ROSTER = load_roster()
OPTS = GroupingOptions()

# e12-bdo21-es-deia (Deia, 29 November 2021; dev_round17)
DEIA = (
    "El argentino Lionel Messi, de 34 años y actualmente en el París Saint-Germain, se alzó "
    "este lunes con el Balón de Oro de la revista France Football que ha ganado ya en siete "
    "ocasiones."
)
# e14-ballon-dor-2022-uk-fakty (Факти ICTV, 17 October 2022; dev_round19)
FAKTY = (
    "Нагороду Золотий м’яч у 2022 році вперше у кар’єрі здобув Карім Бензема, який захищає "
    "кольори збірної Франції та мадридського Реалу. Приз йому вручив Зінедін Зідан."
)
# e16-ballondor-2023-zh-zhoushan (舟山晚报, 1 November 2023; dev_round21)
ZHOUSHAN_TITLE = "梅西第8次获金球奖"
ZHOUSHAN = (
    "北京时间10月31日凌晨,2023金球奖颁奖典礼在巴黎举行。阿根廷足球巨星里奥-梅西获得职业生涯第八座"
    "金球奖,刷新了由自己保持获奖数的纪录。图为梅西手握自己的第八座金球奖杯。中新网 图\n"
)
# e16-ballondor-2023-en-pragativadi (Pragativadi, 31 October 2023; dev_round21)
PRAGATIVADI = (
    "Paris: Aitana Bonmatí and Lionel Messi have been named the 2023 Ballon d’Or winners at the "
    "annual football awards ceremony in Paris.\n\nArgentina captain Lionel Messi won a "
    "record-extending eighth Ballon d’Or for the best player in the world on Monday, beating "
    "Norway’s UEFA Player of the Year and treble winner Erling Haaland of Manchester City to the "
    "prestigious prize.\n"
)

# e16-fed-2025-09-es-razon (La Razón de México, 17 September 2025; dev_round21)
RAZON = (
    "La Reserva Federal de Estados Unidos recortó su tasa de interés de referencia en 25 puntos "
    "básicos, su primer recorte en nueve meses."
)
# e16-alone-fed-2025-10-fr-blick (Blick (AFP), 29 October 2025; dev_round21)
BLICK = (
    "La banque centrale américaine a abaissé mercredi son taux directeur, mais seulement de 0,25 "
    "point de pourcentage."
)
# ecb-2023-09-zazoom (Zazoom, 14 September 2023; dev_round13)
ZAZOOM_TITLE = "La Bce alza ancora i tassi e ci complica la vita"
# e15-fomc-decision-zh-crntt (中評社, 15 June 2023; dev_round20)
CRNTT = (
    "中评社香港6月15日电/美国联邦储备委员会14日结束为期两天的货币政策会议,宣布维持5%至5.25%的联邦"
    "基金利率目标区间不变。"
)
# e16-boe-2021-12-en-watoday (WAtoday (New York Times), 16 December 2021; dev_round21)
WATODAY = (
    "Britain’s central bank surprised markets on Thursday by increasing its main interest rate "
    "for the first time in 3 1/2 years to combat a surge in inflation"
)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (DEIA, "ballondor"),
        (FAKTY, "ballondor"),
        (RAZON, "rates:fed"),
        (BLICK, "rates:fed"),
        (ZAZOOM_TITLE, "rates:ecb"),
        (CRNTT, "rates:fed"),
        (WATODAY, "rates:boe"),
    ],
)
def test_the_occasion_is_read_in_the_language_written(text: str, key: str) -> None:
    assert key in held_occasions(text)


def test_a_name_two_occasions_share_is_no_key() -> None:
    # 金球奖 names the Ballon d'Or and the Golden Globes alike: a key from it would part a Chinese
    # report of the Golden Globes from an English one. The Chinese Ballon d'Or report keeps no
    # key, as before this round.
    assert "ballondor" not in held_occasions(ZHOUSHAN_TITLE + "\n" + ZHOUSHAN)
    assert "ballondor" not in held_occasions(
        "第81届金球奖颁奖典礼在洛杉矶举行,电影《奥本海默》获最佳剧情片。"
    )
    en = report_features("", PRAGATIVADI, date(2023, 10, 31), ROSTER)
    assert "ballondor" in en.forums


def test_a_central_bank_not_named_is_no_rate_decision() -> None:
    # a rate that is no central bank's: no key
    assert not any(
        k.startswith("rates:") for k in held_occasions("La tasa de desempleo bajó al 3,5%.")
    )
