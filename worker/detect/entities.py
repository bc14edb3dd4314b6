"""Organisations, bodies, products and happenings a report names, one key across scripts and
languages. Pure.

Reports of a happening that names nobody the roster knows (OPEC's output cut, the G20's
declaration, Starship's first flight, the WHO's mpox emergency) share no person, and in two
languages no word: "OPEC", "l'Opep", "ОПЕК", "歐佩克" are one body. Each line of the table is
one body under one key ("opec"); grouping indexes a report by the keys its title (else its
lead's first sentence) names and counts a key in common, on one day, as evidence (round 17,
issue-evnames17; worker/detect/events.py, `_same_body`).

The table is general knowledge: bodies and things that recur in the news, each by its usual
names in the languages the feeds bring (English, German, French, Italian, Spanish, Portuguese,
Russian, Chinese, Japanese, Korean), not the wording of any one report. Bodies whose name is
also everyday news of many stories a day (the UN, the EU, a country's government) are left
out: their name in common says little of one occasion. Extend the table here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from worker.detect.dates import numeral_value
from worker.detect.held_occasions import RUN_ON, names_pattern
from worker.detect.roster import to_simplified

# key | names. Names in capitals (and short ones opening with a capital) are read as written
# (acronyms: "WHO" is not "who", "OMS" not "oms"); the others in any case; names in Han
# script or kana anywhere (Chinese and Japanese run their words together).
_TABLE = """
opec|OPEC;OPEP;Opep;ОПЕК;欧佩克;歐佩克;石油输出国组织;石油輸出國組織;石油輸出国機構;Organization of the Petroleum Exporting Countries;Organisation of the Petroleum Exporting Countries;Organisation des pays exportateurs de pétrole;Organisation erdölexportierender Länder;Organizzazione dei paesi esportatori di petrolio;Organización de Países Exportadores de Petróleo;Organização dos Países Exportadores de Petróleo;Организация стран-экспортёров нефти;Организация стран - экспортеров нефти;석유수출국기구
who|WHO;OMS;ВОЗ;世卫组织;世界卫生组织;世衛組織;世界衛生組織;世界保健機関;세계보건기구;World Health Organization;World Health Organisation;Weltgesundheitsorganisation;Organisation mondiale de la santé;Organizzazione mondiale della sanità;Organización Mundial de la Salud;Organização Mundial da Saúde;Всемирная организация здравоохранения
imf|IMF;FMI;IWF;МВФ;Internationaler Währungsfonds;Internationalen Währungsfonds;International Monetary Fund;Fonds monétaire international;Fondo monetario internazionale;Fondo Monetario Internacional;Fundo Monetário Internacional;Международный валютный фонд;Международного валютного фонда;国际货币基金组织;國際貨幣基金組織;国際通貨基金;국제통화기금
worldbank|World Bank;Weltbank;Banque mondiale;Banca mondiale;Banco Mundial;Всемирный банк;Всемирного банка;世界银行;世界銀行;세계은행
wto|WTO;OMC;ВТО;Welthandelsorganisation;World Trade Organization;Organisation mondiale du commerce;Organizzazione mondiale del commercio;Organización Mundial del Comercio;Organização Mundial do Comércio;Всемирная торговая организация;世贸组织;世界贸易组织;世貿組織;世界貿易機関;세계무역기구
iaea|IAEA;AIEA;IAEO;МАГАТЭ;International Atomic Energy Agency;Internationale Atomenergiebehörde;Internationalen Atomenergiebehörde;Agence internationale de l'énergie atomique;Agenzia internazionale per l'energia atomica;Organismo Internacional de Energía Atómica;Agência Internacional de Energia Atômica;国际原子能机构;國際原子能總署;国際原子力機関;국제원자력기구
spacex|SpaceX;Space X;スペースX;太空探索技术公司;美国太空探索技术公司;스페이스X
starship|Starship;Старшип;星舰;星艦;スターシップ;스타십
nasa|NASA;НАСА;美国国家航空航天局;美國國家航空暨太空總署;美国航天局;美国宇航局;米航空宇宙局;항공우주국
mpox|mpox;Mpox;MPOX;monkeypox;Affenpocken;Mpox-Virus;variole du singe;vaiolo delle scimmie;viruela del mono;viruela símica;varíola dos macacos;varíola símia;оспа обезьян;оспы обезьян;оспой обезьян;猴痘;엠폭스
notredame|Notre-Dame;Notre Dame;Nôtre-Dame;Нотр-Дам;巴黎圣母院;巴黎聖母院;ノートルダム大聖堂;노트르담
brexit|Brexit;Брексит;脱欧;脫歐;英国脱欧;ブレグジット;브렉시트
iphone|iPhone;Айфон;айфон
"""


def _fold(text: str) -> str:
    return to_simplified(unicodedata.normalize("NFKC", text)).casefold()


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")


def _exact(name: str) -> bool:
    """Whether a name is read as written: an acronym, or a short name opening with a capital."""
    return name.isupper() or (name[:1].isupper() and len(name) <= 4)


@lru_cache(maxsize=1)
def _tables() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """The table compiled: one pattern of the names read as written, one of the others (on
    folded text), and each name's key."""
    key_of: dict[str, str] = {}
    exact: list[str] = []
    loose: list[str] = []
    for line in _TABLE.strip().splitlines():
        key, names = line.split("|")
        for name in (n.strip() for n in names.split(";") if n.strip()):
            if _exact(name) and not _CJK.search(name):
                exact.append(name)
                key_of[name] = key
            else:
                loose.append(_fold(name))
                key_of[_fold(name)] = key
    return names_pattern(exact, _CJK), names_pattern(loose, _CJK), key_of


def bodies_named(text: str) -> tuple[str, ...]:
    """The keys of the bodies and things of the table `text` names, in the order named
    ("歐佩克8年來首次決定減産" -> ("opec",); "OPEC reaches deal to cut output" -> ("opec",))."""
    if not text:
        return ()
    exact, loose, key_of = _tables()
    written = unicodedata.normalize("NFKC", text)
    # a text written in capitals throughout reads no acronym as written ("WHO WON")
    letters = [c for c in written if c.isalpha() and not _CJK.match(c)]
    shouting = len(letters) >= 12 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    found: list[tuple[int, str]] = []
    if not shouting:
        found += [(m.start(), key_of[m.group()]) for m in exact.finditer(written)]
    found += [(m.start(), key_of[m.group()]) for m in loose.finditer(_fold(text))]
    found += crafts_named(written)
    return tuple(dict.fromkeys(key for _, key in sorted(found)))


# Crafts and missions known by a name and a number, each named in the languages the feeds bring:
# key | names. The number tells one mission from the next (Chang'e-5 in 2020, Chang'e-6 in
# 2024), so the key is the name's with the number ("craft:change6"); the name alone says
# nothing of which one. Round 20: dev_round24's Chang'e-6 landing in English and Chinese shared
# the craft's pinyin, "chang'e", as a proper noun, not its number; Chandrayaan-3's landing in
# German, Spanish and English shared nothing else. A craft in common ties less than a body
# (worker/detect/events.py, `_same_body`).
_CRAFTS = """
change|Chang'e;Chang’e;Chang-e;嫦娥;창어;Чанъэ
shenzhou|Shenzhou;神舟;선저우;Шэньчжоу
tianzhou|Tianzhou;天舟;톈저우;Тяньчжоу
tianwen|Tianwen;天问;天問;톈원;Тяньвэнь
chandrayaan|Chandrayaan;चंद्रयान;चन्द्रयान;月船;찬드라얀;Чандраян
artemis|Artemis;阿尔忒弥斯;阿耳忒弥斯;アルテミス;아르테미스;Артемида
"""
_ROMAN = {r: i for i, r in enumerate("I II III IV V VI VII VIII IX X".split(), start=1)}


@lru_cache(maxsize=1)
def _craft_table() -> tuple[re.Pattern[str], dict[str, str]]:
    key_of: dict[str, str] = {}
    for line in _CRAFTS.strip().splitlines():
        key, names = line.split("|")
        for name in names.split(";"):
            key_of[to_simplified(name).casefold()] = key
    names = "|".join(re.escape(n) for n in sorted(key_of, key=len, reverse=True))
    # the name (a whole word in letters), a space or a hyphen, the number: digits, a Roman
    # numeral in capitals ("Artemis II"), or Han numerals before 号 ("嫦娥六号"); the number
    # ends there ("Chang'e-6", "神舟十九号", "창어 6호", "Шэньчжоу-19")
    pattern = re.compile(
        rf"(?<![^\W{RUN_ON}])(?i:({names}))[\s\-‐–]?"
        rf"(\d{{1,2}}|[IVX]{{1,4}}|[一二三四五六七八九十]{{1,3}}(?=[号號]))(?![^\W{RUN_ON}]|[.,]\d)"
    )
    return pattern, key_of


def crafts_named(text: str) -> list[tuple[int, str]]:
    """The crafts and missions of `_CRAFTS` a text names with their number, where named, each
    one key across scripts ("Chang'e-6", "嫦娥六號", "창어 6호" -> "craft:change6"), with where
    each is named."""
    pattern, key_of = _craft_table()
    found = []
    for m in pattern.finditer(to_simplified(text)):
        value = m.group(2)
        number = _ROMAN.get(value) or numeral_value(value)  # (digits and Han numerals)
        if number:
            found.append((m.start(), f"{CRAFT}{key_of[m.group(1).casefold()]}{number}"))
    return found


CRAFT = "craft:"  # the keys of `crafts_named` begin so


def is_craft(key: str) -> bool:
    """Whether a key of `bodies_named` is a numbered craft's (`crafts_named`)."""
    return key.startswith(CRAFT)
