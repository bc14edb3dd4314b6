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

from worker.detect.held_occasions import names_pattern
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
    return tuple(dict.fromkeys(key for _, key in sorted(found)))
