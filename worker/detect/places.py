"""Where an occasion takes place, read in any language the feeds bring. Pure.

The same people meet at neighbouring occasions, often the same or the next day: the talks in
the Great Hall and the tea at Zhongnanhai that evening, a stop in Magadan and the summit in
Anchorage. The place tells them apart where the people, the day and often the kind do not. A
place is one key across languages and scripts ("Beijing", "北京", "Peking", "Пекин"); a venue
knows its city, so a report saying "in Beijing" and one saying "at Zhongnanhai" agree, while
"the Great Hall of the People" and "Zhongnanhai" do not.

The gazetteer below is general knowledge (capitals and the cities that host summits, and the
venues of state occasions), not the places of any one report; extend it here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from worker.detect.roster import has_han, to_simplified

# key | the city a venue is in (empty for a city) | its names: English first, then Chinese,
# German, French, Italian, Spanish, Portuguese where they differ, Russian as a stem (any case
# ending follows: "Пекин" reads "в Пекине"). Key "-": names that hold a place's name but name
# no place ("上海合作组织", "Beijing time"), read so that the place inside them is not.
_TABLE = """
beijing||Beijing;Peking;Pékin;Pechino;Pequim;北京;Пекин
shanghai||Shanghai;Schanghai;上海;Шанха
tianjin||Tianjin;天津;Тяньцзин
harbin||Harbin;哈尔滨;Харбин
xian||Xi'an;Xian;西安;Сиань
hangzhou||Hangzhou;杭州;Ханчжоу
guangzhou||Guangzhou;Canton;广州;Гуанчжоу
shenzhen||Shenzhen;深圳;Шэньчжэнь
chengdu||Chengdu;成都;Чэнду
qingdao||Qingdao;青岛;Циндао
xiamen||Xiamen;厦门;Сямын
hongkong||Hong Kong;Hongkong;香港;Гонконг
macao||Macao;Macau;澳门;Макао
taipei||Taipei;台北;Тайбэ
moscow||Moscow;Moskau;Moscou;Mosca;Moscú;Moscovo;莫斯科;Москв
stpetersburg||St. Petersburg;Saint Petersburg;St Petersburg;Sankt Petersburg;圣彼得堡;Петербург
sochi||Sochi;Sotschi;索契;Сочи
kazan||Kazan;Kasan;喀山;Казан
vladivostok||Vladivostok;Wladiwostok;符拉迪沃斯托克;Владивосток
magadan||Magadan;马加丹;Магадан
minsk||Minsk;明斯克;Минск
kyiv||Kyiv;Kiev;Kiew;基辅;Киев;Києв
washington||Washington;华盛顿;Вашингтон
newyork||New York;纽约;Нью-Йорк
sanfrancisco||San Francisco;旧金山;Сан-Франциско
anchorage||Anchorage;安克雷奇;Анкоридж
london||London;Londres;Londra;伦敦;Лондон
paris||Paris;Parigi;巴黎;Париж
berlin||Berlin;Berlino;柏林;Берлин
brussels||Brussels;Brüssel;Bruxelles;Bruselas;Bruxelas;布鲁塞尔;Брюссел
rome||Rome;Rom;Roma;罗马;Рим
madrid||Madrid;马德里;Мадрид
lisbon||Lisbon;Lissabon;Lisbonne;Lisbona;Lisboa;里斯本;Лиссабон
vienna||Vienna;Wien;Vienne;维也纳;Вен
geneva||Geneva;Genf;Genève;Ginevra;Ginebra;日内瓦;Женев
budapest||Budapest;布达佩斯;Будапешт
belgrade||Belgrade;Belgrad;Belgrado;Beograd;贝尔格莱德;Белград
warsaw||Warsaw;Warschau;Varsovie;华沙;Варшав
athens||Athens;Athen;Athènes;雅典;Афин
ankara||Ankara;安卡拉;Анкар
istanbul||Istanbul;伊斯坦布尔;Стамбул
tehran||Tehran;Teheran;德黑兰;Тегеран
riyadh||Riyadh;Riad;利雅得;Эр-Рияд
doha||Doha;多哈;Доха
abudhabi||Abu Dhabi;阿布扎比;Абу-Даби
dubai||Dubai;迪拜;Дуба
jerusalem||Jerusalem;耶路撒冷;Иерусалим
cairo||Cairo;Kairo;Le Caire;开罗;Каир
newdelhi||New Delhi;Neu-Delhi;新德里;Нью-Дели
islamabad||Islamabad;伊斯兰堡;Исламабад
astana||Astana;阿斯塔纳;Астан
tashkent||Tashkent;Taschkent;塔什干;Ташкент
samarkand||Samarkand;撒马尔罕;Самарканд
bishkek||Bishkek;Bischkek;比什凯克;Бишкек
dushanbe||Dushanbe;Duschanbe;杜尚别;Душанбе
ulaanbaatar||Ulaanbaatar;Ulan Bator;乌兰巴托;Улан-Батор
pyongyang||Pyongyang;Pjöngjang;平壤;Пхеньян
seoul||Seoul;Séoul;首尔;Сеул
busan||Busan;Pusan;釜山;Пусан
gyeongju||Gyeongju;庆州;Кёнджу
tokyo||Tokyo;Tokio;东京;Токио
osaka||Osaka;大阪;Осак
hanoi||Hanoi;河内;Ханой
bangkok||Bangkok;曼谷;Бангкок
jakarta||Jakarta;Djakarta;雅加达;Джакарт
bali||Bali;巴厘岛;Бали
kualalumpur||Kuala Lumpur;吉隆坡;Куала-Лумпур
singapore||Singapore;Singapur;Singapour;新加坡;Сингапур
manila||Manila;马尼拉;Манил
canberra||Canberra;堪培拉;Канберр
sydney||Sydney;悉尼;Сидне
brasilia||Brasília;Brasilia;巴西利亚;Бразилиа
riodejaneiro||Rio de Janeiro;里约热内卢;Рио-де-Жанейро
saopaulo||São Paulo;Sao Paulo;圣保罗;Сан-Паулу
buenosaires||Buenos Aires;布宜诺斯艾利斯;Буэнос-Айрес
lima||Lima;利马;Лим
santiago||Santiago;圣地亚哥;Сантьяго
mexicocity||Mexico City;墨西哥城;Мехико
havana||Havana;Havanna;La Habana;哈瓦那;Гаван
caracas||Caracas;加拉加斯;Каракас
ottawa||Ottawa;渥太华;Оттав
pretoria||Pretoria;比勒陀利亚;Претори
johannesburg||Johannesburg;约翰内斯堡;Йоханнесбург
addisababa||Addis Ababa;Addis Abeba;亚的斯亚贝巴;Аддис-Абеб
nairobi||Nairobi;内罗毕;Найроби
chongqing||Chongqing;Chungking;重庆;Чунцин
nanjing||Nanjing;Nanking;南京;Нанкин
wuhan||Wuhan;武汉;Ухань
kunming||Kunming;昆明;Куньмин
urumqi||Urumqi;Ürümqi;乌鲁木齐;Урумчи
lhasa||Lhasa;拉萨;Лхас
fuzhou||Fuzhou;福州;Фучжоу
changsha||Changsha;长沙;Чанша
zhengzhou||Zhengzhou;郑州;Чжэнчжоу
jinan||Jinan;济南;Цзинань
shenyang||Shenyang;沈阳;Шэньян
dalian||Dalian;大连;Далянь
changchun||Changchun;长春;Чанчунь
nanning||Nanning;南宁;Наньнин
haikou||Haikou;海口;Хайкоу
sanya||Sanya;三亚;Санья
lanzhou||Lanzhou;兰州;Ланьчжоу
hefei||Hefei;合肥;Хэфэй
suzhou||Suzhou;苏州;Сучжоу
ningbo||Ningbo;宁波;Нинбо
yanan||Yan'an;Yanan;延安;Яньань
novosibirsk||Novosibirsk;Nowosibirsk;新西伯利亚;Новосибирск
yekaterinburg||Yekaterinburg;Jekaterinburg;叶卡捷琳堡;Екатеринбург
murmansk||Murmansk;摩尔曼斯克;Мурманск
kaliningrad||Kaliningrad;加里宁格勒;Калининград
volgograd||Volgograd;Wolgograd;伏尔加格勒;Волгоград
losangeles||Los Angeles;洛杉矶;Лос-Анджелес
chicago||Chicago;芝加哥;Чикаго
seattle||Seattle;西雅图;Сиэтл
hiroshima||Hiroshima;广岛;Хиросим
hochiminhcity||Ho Chi Minh City;胡志明市;Хошимин
phnompenh||Phnom Penh;金边;Пномпень
vientiane||Vientiane;万象;Вьентьян
yangon||Yangon;Rangoon;仰光;Янгон
naypyidaw||Naypyidaw;Nay Pyi Taw;内比都;Нейпьидо
dhaka||Dhaka;达卡;Дакк
kathmandu||Kathmandu;加德满都;Катманду
colombo||Colombo;科伦坡;Коломбо
kabul||Kabul;喀布尔;Кабул
baghdad||Baghdad;Bagdad;巴格达;Багдад
damascus||Damascus;Damaskus;Damas;大马士革;Дамаск
beirut||Beirut;Beyrouth;贝鲁特;Бейрут
amman||Amman;安曼;Амман
muscat||Muscat;Maskat;马斯喀特;Маскат
algiers||Algiers;Algier;Alger;阿尔及尔;Алжир
rabat||Rabat;拉巴特;Рабат
tunis||Tunis;突尼斯;Тунис
lagos||Lagos;拉各斯;Лагос
abuja||Abuja;阿布贾;Абудж
accra||Accra;Akkra;阿克拉;Аккр
dakar||Dakar;达喀尔;Дакар
kinshasa||Kinshasa;金沙萨;Киншас
luanda||Luanda;罗安达;Луанд
harare||Harare;哈拉雷;Хараре
daressalaam||Dar es Salaam;达累斯萨拉姆;Дар-эс-Салам
kigali||Kigali;基加利;Кигали
kampala||Kampala;坎帕拉;Кампал
montevideo||Montevideo;蒙得维的亚;Монтевидео
bogota||Bogotá;Bogota;波哥大;Богот
quito||Quito;基多;Кито
lapaz||La Paz;拉巴斯;Ла-Пас
panamacity||Panama City;巴拿马城;Панама
wellington||Wellington;惠灵顿;Веллингтон
auckland||Auckland;奥克兰;Окленд
helsinki||Helsinki;赫尔辛基;Хельсинки
stockholm||Stockholm;斯德哥尔摩;Стокгольм
oslo||Oslo;奥斯陆;Осло
copenhagen||Copenhagen;Kopenhagen;Copenhague;哥本哈根;Копенгаген
dublin||Dublin;都柏林;Дублин
amsterdam||Amsterdam;阿姆斯特丹;Амстердам
thehague||The Hague;Den Haag;La Haye;海牙;Гааг
bern||Bern;Berne;伯尔尼;Берн
zurich||Zurich;Zürich;苏黎世;Цюрих
prague||Prague;Prag;Praga;布拉格;Праг
bratislava||Bratislava;Pressburg;布拉迪斯拉发;Братислав
zagreb||Zagreb;萨格勒布;Загреб
sofia||Sofia;Sofija;索非亚;Софи
bucharest||Bucharest;Bukarest;Bucarest;布加勒斯特;Бухарест
vilnius||Vilnius;Wilna;维尔纽斯;Вильнюс
riga||Riga;里加;Риг
tallinn||Tallinn;塔林;Таллин
tbilisi||Tbilisi;Tiflis;第比利斯;Тбилиси
yerevan||Yerevan;Eriwan;埃里温;Ереван
baku||Baku;Bakou;巴库;Баку
ashgabat||Ashgabat;Aschgabat;阿什哈巴德;Ашхабад
munich||Munich;München;Monaco di Baviera;慕尼黑;Мюнхен
hamburg||Hamburg;汉堡;Гамбург
frankfurt||Frankfurt;法兰克福;Франкфурт
milan||Milan;Mailand;Milano;米兰;Милан
barcelona||Barcelona;Barcelone;巴塞罗那;Барселон
marseille||Marseille;Marseilles;马赛;Марсел
strasbourg||Strasbourg;Straßburg;斯特拉斯堡;Страсбург
antalya||Antalya;安塔利亚;Анталь
sharmelsheikh||Sharm el-Sheikh;Scharm el-Scheich;沙姆沙伊赫;Шарм-эш-Шейх
jeddah||Jeddah;Dschidda;吉达;Джидд
campdavid|washington|Camp David;戴维营;Кэмп-Дэвид
-||Shanghai Cooperation Organization;Shanghai Cooperation Organisation;上海合作组织;上合组织;Beijing time;北京时间;Moscow time;莫斯科时间;Peking University;北京大学;Tianjin University;天津大学
greathall|beijing|Great Hall of the People;人民大会堂;Großen Halle des Volkes;Große Halle des Volkes;Grossen Halle des Volkes;Grosse Halle des Volkes;Palais du Peuple;Grande Sala del Popolo;Grande Salão do Povo;Дом народных собраний;Доме народных собраний
zhongnanhai|beijing|Zhongnanhai;中南海;Чжуннаньха
diaoyutai|beijing|Diaoyutai;钓鱼台;Дяоюйта
tiananmen|beijing|Tiananmen;天安门;Тяньаньмэн
kremlin|moscow|Kremlin Palace;克里姆林宫
novoogaryovo|moscow|Novo-Ogaryovo;Novo-Ogarevo;Nowo-Ogarjowo;新奥加廖沃;Ново-Огарёв;Ново-Огарев
whitehouse|washington|白宫
elysee|paris|Élysée Palace;Elysee Palace;Elysée Palace;Élysée-Palast;Elysee-Palast;爱丽舍宫;Елисейском дворце
alvorada|brasilia|Palácio da Alvorada;Alvorada Palace;Palacio da Alvorada;Alvorada;阿尔沃拉达宫
planalto|brasilia|Palácio do Planalto;Planalto Palace;Palacio do Planalto;Planalto
bellevue|berlin|Schloss Bellevue;Bellevue Palace;贝尔维尤宫
kanzleramt|berlin|Bundeskanzleramt;Federal Chancellery;联邦总理府
quirinale|rome|Quirinale;Quirinal Palace;Palazzo del Quirinale;奎里纳莱宫
chigi|rome|Palazzo Chigi;基吉宫
moncloa|madrid|Moncloa;蒙克洛亚宫
hyderabadhouse|newdelhi|Hyderabad House;海德拉巴宫
rashtrapati|newdelhi|Rashtrapati Bhavan
akasaka|tokyo|Akasaka Palace;赤坂迎宾馆
bluehouse|seoul|Cheong Wa Dae;青瓦台
yongsan|seoul|Yongsan Presidential Office
malacanang|manila|Malacañang;Malacanang;马拉卡南宫
maralago||Mar-a-Lago;海湖庄园
invalides|paris|Invalides;荣军院;Дом инвалидов
"""

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _entries() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    rows = []
    for line in _TABLE.strip().splitlines():
        key, within, names = line.split("|")
        rows.append((key, within, tuple(n.strip() for n in names.split(";") if n.strip())))
    return tuple(rows)


ENTRIES = _entries()
CITY_OF = {key: within for key, within, _ in ENTRIES if within}


def _fold(text: str) -> str:
    return to_simplified(unicodedata.normalize("NFKC", text)).casefold()


_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class _Index:
    """Names looked up, not searched for (one regular expression of hundreds of alternatives
    costs milliseconds a text): Latin names by their words, Russian names by word stems (a
    case ending of up to three letters may follow each), Han names as substrings."""

    words: dict[tuple[str, ...], str]
    stems: dict[str, list[tuple[tuple[str, ...], str]]]
    han: dict[str, str]
    han_lengths: tuple[int, ...]
    han_first: frozenset[str]  # the characters a Han name starts with: other positions skipped
    word_lengths: tuple[int, ...]  # how many words the Latin names have, the longest first


def _compile(entries: tuple[tuple[str, str, tuple[str, ...]], ...]) -> _Index:
    words: dict[tuple[str, ...], str] = {}
    stems: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    han: dict[str, str] = {}
    for key, _, names in entries:
        for name in names:
            folded = _fold(name)
            tokens = tuple(_TOKEN.findall(folded))
            if _CYRILLIC.search(folded):
                stems.setdefault(tokens[0][:3], []).append((tokens, key))
            elif re.search(r"[a-z0-9]", folded):
                words[tokens] = key
            else:
                han[folded.replace(" ", "")] = key
    lengths = tuple(sorted({len(h) for h in han}, reverse=True))
    word_lengths = tuple(sorted({len(w) for w in words}, reverse=True))
    return _Index(words, stems, han, lengths, frozenset(h[0] for h in han), word_lengths)


def _find(index: _Index, text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(key for _, key in _found(index, _fold(text)) if key != "-"))


def _found(index: _Index, folded: str) -> list[tuple[int, str]]:
    """(where, key) of each name in the folded text, in text order; the longest name wins and
    the words inside it are not read again ("military parade" is not also a "parade")."""
    found: list[tuple[int, str]] = []
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(folded)]
    upto = 0  # the first token not inside a name already found
    for i, (at, token) in enumerate(tokens):
        if i < upto:
            continue
        for n in index.word_lengths:
            key = index.words.get(tuple(t for _, t in tokens[i : i + n]))
            if key:
                found.append((at, key))
                upto = i + n
                break
        for stem, key in index.stems.get(token[:3], ()):
            following = tokens[i : i + len(stem)]
            if len(following) == len(stem) and all(
                w.startswith(s) and len(w) - len(s) <= 3
                for (_, w), s in zip(following, stem, strict=True)
            ):
                found.append((at, key))
                upto = i + len(stem)
                break
    if index.han and has_han(folded):
        found += _substrings(index, folded)
    return sorted(found)


def _substrings(index: _Index, folded: str) -> list[tuple[int, str]]:
    """Names written without spaces between words (Han, and for `where_named` kana, Hangul and
    Arabic too): the longest name at each place, left to right."""
    found: list[tuple[int, str]] = []
    at = 0
    while at < len(folded):
        if folded[at] not in index.han_first:
            at += 1
            continue
        for n in index.han_lengths:
            key = index.han.get(folded[at : at + n])
            if key:
                found.append((at, key))
                at += n - 1
                break
        at += 1
    return found


@lru_cache(maxsize=1)
def _pattern() -> _Index:
    return _compile(ENTRIES)


def places_named(text: str) -> tuple[str, ...]:
    """Keys of the places `text` names, in text order, each once."""
    return _find(_pattern(), text)


# A capital standing for its government, not for where something is held: "a more hawkish
# approach to Beijing", "ties with Moscow", "pressure on Tokyo", "policy toward Washington"
# (ev14, dev_round14: a report of talks in Gyeongju read as placed in Beijing)
_FOR_A_GOVERNMENT = re.compile(
    r"\b(?:approach|stance|polic(?:y|ies)|ties|relations?|relationship|attitude|line|overtures?"
    r"|pressure|sanctions|dialogue|engagement|rapprochement|outreach|tensions?|rift|dispute)"
    r"\s+(?:to|toward|towards|with|on|against)\s+(?:the\s+)?$"
)


def occasion_places(text: str) -> tuple[str, ...]:
    """The places `text` names as where something is (`places_named`), a capital standing for
    its government left out ("approach to Beijing")."""
    folded = _fold(text)
    return tuple(
        dict.fromkeys(
            key
            for at, key in _found(_pattern(), folded)
            if key != "-" and not _FOR_A_GOVERNMENT.search(folded[max(0, at - 40) : at])
        )
    )


def most_specific(places: tuple[str, ...]) -> frozenset[str]:
    """The places, a city left out when a venue in it is named (the talks "in the Great Hall of
    the People in Beijing" are at the Great Hall)."""
    cities = {CITY_OF[p] for p in places if p in CITY_OF}
    return frozenset(p for p in places if p not in cities)


def _cities(places: frozenset[str]) -> int:
    """How many cities the places are in (a venue counts as its city)."""
    return len({CITY_OF.get(p, p) for p in places})


def places_differ(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Both name a place and nothing one names is, or is in, or holds, a place the other
    names: two occasions (the Great Hall and Zhongnanhai; Magadan and Anchorage). A report
    naming places in two cities or more does not say which one the occasion is in (a railway
    "linking Kuala Lumpur and Singapore", a flight from Moscow to Kazan): it differs from none."""
    sa, sb = most_specific(a), most_specific(b)
    if not sa or not sb or _cities(sa) > 1 or _cities(sb) > 1:
        return False
    for x in sa:
        for y in sb:
            if x == y or CITY_OF.get(x) == y or CITY_OF.get(y) == x:
                return False
    return True


# Named occasions: the forums, summits and bodies' meetings that recur under one name, and
# that reports in every language call by it ("the SCO summit", "上合峰会", "SOZ-Gipfel"). key |
# its names (as places: English, Chinese, German, French, Russian stems ...).
_OCCASIONS = """
sco||SCO summit;SCO Leaders' Summit;SCO Heads of State Council;Shanghai Cooperation Organization summit;Shanghai Cooperation Organisation summit;上合峰会;上合组织峰会;上海合作组织成员国元首理事会;SOZ-Gipfel;саммит ШОС;саммите ШОС
brics||BRICS summit;BRICS Leaders' Summit;金砖国家领导人会晤;金砖峰会;BRICS-Gipfel;саммит БРИКС;саммите БРИКС
g20||G20 summit;G20 Leaders' Summit;二十国集团领导人峰会;G20-Gipfel;саммит G20;саммите G20;саммит «Группы двадцати»
g7||G7 summit;G7 Leaders' Summit;七国集团峰会;G7-Gipfel;саммит G7;саммите G7
apec||APEC summit;APEC Economic Leaders' Meeting;亚太经合组织领导人非正式会议;APEC-Gipfel;саммит АТЭС;саммите АТЭС
nato||NATO summit;北约峰会;Nato-Gipfel;NATO-Gipfel;саммит НАТО;саммите НАТО
spief||SPIEF;St. Petersburg International Economic Forum;Saint Petersburg International Economic Forum;St Petersburg International Economic Forum;圣彼得堡国际经济论坛;Internationalen Wirtschaftsforum in St. Petersburg;Wirtschaftsforum in St. Petersburg;Wirtschaftsforums in St. Petersburg;ПМЭФ;Петербургский международный экономический форум;Петербургском международном экономическом форуме
eef||Eastern Economic Forum;东方经济论坛;Östliche Wirtschaftsforum;Östlichen Wirtschaftsforum;ВЭФ;Восточный экономический форум;Восточном экономическом форуме
wef||World Economic Forum;Davos;Annual Meeting of the New Champions;新领军者年会;世界经济论坛;达沃斯;Weltwirtschaftsforum;Всемирный экономический форум;Давос
boao||Boao Forum;博鳌亚洲论坛;Boao-Forum
bri||Belt and Road Forum;“一带一路”国际合作高峰论坛;一带一路国际合作高峰论坛;Seidenstraßen-Forum
cewc||Central Economic Work Conference;中央经济工作会议;Zentrale Wirtschaftsarbeitskonferenz;Zentralen Wirtschaftsarbeitskonferenz
directline||Direct Line;Прямая линия;Прямой линии;Прямую линию
summerpress||summer press conference;Sommerpressekonferenz;Sommer-Pressekonferenz
parade||military parade;阅兵;Militärparade;Parade;военный парад;военного парада;défilé militaire;parata militare;desfile militar
focac||FOCAC summit;FOCAC Beijing Summit;Summit of the Forum on China-Africa Cooperation;中非合作论坛峰会;中非合作论坛北京峰会;China-Afrika-Gipfel;саммит ФОКАС
independenceday||Independence Day;独立日;Unabhängigkeitstag;Unabhängigkeitstages;День независимости;Дня независимости;Dia da Independência;Día de la Independencia
policyaddress||policy address;施政报告
valdai||Valdai Discussion Club;Valdai International Discussion Club;Valdai Club;Valdai;瓦尔代国际辩论俱乐部;瓦尔代俱乐部;瓦尔代;Waldai-Klub;Waldai-Forum;Waldai;Валдай;Валдая;Валдае
celac||China-CELAC Forum;China-CELAC;China-Celac;CELAC Forum;中拉论坛;China-CELAC-Forum
unga||UN General Assembly;United Nations General Assembly;联合国大会;UN-Generalversammlung;Генассамбле;Генеральной Ассамблее ООН
"""


def _occasion_entries() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    rows = []
    for line in _OCCASIONS.strip().splitlines():
        key, within, names = line.split("|")
        rows.append((key, within, tuple(n.strip() for n in names.split(";") if n.strip())))
    return tuple(rows)


OCCASIONS = _occasion_entries()


@lru_cache(maxsize=1)
def _occasion_pattern() -> _Index:
    return _compile(OCCASIONS)


# Words before a named occasion that make it the setting of another occasion, not the
# occasion itself: talks "on the sidelines of the SCO summit", "on the eve of the parade".
_SETTING = re.compile(
    r"(?:sidelines? of|eve of|ahead of|before|after|following|prior to|am rande|vor dem|vor der"
    r"|nach dem|nach der|накануне|на полях|после|в преддверии|期间|前夕|之前|之后|结束后)"
    r"\W*(?:the |der |des |dem |die )?(?:\w+\W+){0,4}$"
)
# In Chinese, attending (出席) the named occasion is the occasion itself ("习近平出席中非合作论坛
# 北京峰会开幕式"); travelling to attend it ("来华出席上海合作组织峰会的俄罗斯总统", "抵达喀山出席")
# or "while attending" (在出席...期间) make it a setting.
_SETTING_HAN = re.compile(r"(?:来华|访华|赴\w{0,4}|前往\w{0,4}|抵达\w{0,4}|应邀|在)出席\w{0,8}$")


def occasions_named(text: str) -> tuple[str, ...]:
    """Keys of the named occasions (forums, summits, recurring conferences) `text` names as
    the occasion itself, not as its setting ("on the sidelines of the SCO summit")."""
    index = _occasion_pattern()
    folded = _fold(text)
    return tuple(
        dict.fromkeys(
            key
            for at, key in _found(index, folded)
            if not _SETTING.search(folded[max(0, at - 40) : at])
            and not _SETTING_HAN.search(folded[max(0, at - 20) : at])
        )
    )


# -- where a happening is, in any language (round 19, ev19b) ----------------------------------
#
# A quake, a blast, a vote or an expo reported in two languages names nobody both reports
# share; what they do share is where it is ("Riyadh" / "리야드" / "利雅得", "Morocco" / "Maroc"
# / "摩洛哥"). Babel (CLDR) holds every territory's name and the time-zone database's exemplar
# cities in every locale: read with the hand-written gazetteer above, they give one key per
# city ("riyadh") and per country ("cc:SA") across languages and scripts. A country is broad
# (many unrelated reports of a day share one): events.py weighs it (docs/events.md, round 19).

# Names that are ordinary words or people's names more often than places: Réunion is a meeting
# in French, Spanish, Italian and Portuguese; a jersey; the Isle of Man; Antarctic stations
# named after people (Davis, Casey, Palmer); cities of the time-zone database that are words
# ("Center", "Phoenix", "Christmas") or given names ("Regina", "Stanley", "Darwin").
_NOT_WHERE = frozenset(
    {
        "réunion",
        "reunion",
        "reunión",
        "reunião",
        "riunione",
        "la réunion",
        "jersey",
        "man",
        "isle of man",
        "center",
        "phoenix",
        "christmas",
        "regina",
        "stanley",
        "darwin",
        "knox",
        "marengo",
        "wake",
        "midway",
        "easter",
        "canary",
        "madeira",
        "beulah",
        "tell city",
        "new salem",
        "monticello",
        "petersburg",
        "victoria",
        "mali",
        "chad",
        "jordan",
        "georgia",
        "guinea",
        "niger",
        "dominica",
        "norfolk",
        "cocos",
        "johnston",
        "chatham",
        "macquarie",
        "hovd",
        "eucla",
        "lindeman",
        "bahia",
        "merida",
        "santa isabel",
        "danmarkshavn",
        "thule",
        "creston",
        "atikokan",
        "nipigon",
        "rainy river",
        "swift current",
        "cambridge bay",
        "glace bay",
        "goose bay",
        "dawson",
        "fort nelson",
        "dawson creek",
        "vincennes",
        "winamac",
        "vevay",
        "menominee",
        "louisville",
        "chita",
        "famagusta",
        "gaza",
        "hebron",
    }
)
_WHERE_SCAN = re.compile(r"[\u0600-\u06ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# a letter of another alphabet than Latin: a GeoNames city may be named in it (`where_named`)
_OTHER_SCRIPT = re.compile(
    r"[\u0370-\u04ff\u0590-\u06ff\u0900-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
_CYRILLIC_ENDING = re.compile(r"[аяеиоуыьйюэ]+$")


def _where_entries() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The gazetteer's places, then CLDR's cities (each in its country) and countries
    (worker/detect/places_cldr.py, made from Babel by bench/make_places_cldr.py), then GeoNames'
    cities of 300,000 people or more by the names those lack, in every script
    (worker/detect/places_geonames.py, made by bench/make_places_geonames.py; round 21). A city
    the gazetteer holds keeps the gazetteer's key ("Riyadh" is "riyadh" in both)."""
    from worker.detect.places_cldr import ROWS  # only reports read for grouping load it

    rows: list[tuple[str, str, tuple[str, ...]]] = [
        (key, within, names) for key, within, names in ENTRIES if key != "-"
    ]
    for line in ROWS.strip("\n").split("\n"):
        english, code, names = line.split("|")
        if english:  # a city: its key, its country
            known = places_named(english)
            key = known[0] if known and known[0] in _KEYS else _fold(english).replace(" ", "")
            rows.append((key, f"cc:{code}", tuple(_usable(names.split(";")))))
        else:  # a country
            rows.append((f"cc:{code}", "", tuple(_usable(names.split(";")))))
    # GeoNames' larger cities by their names in every script, keyed already (round 21)
    for city, country, spellings in _geonames_rows():
        rows.append((city, f"cc:{country}", tuple(_usable(list(spellings)))))
    return tuple(rows)


@lru_cache(maxsize=1)
def _geonames_rows() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    from worker.detect.places_geonames import ROWS as CITIES  # read for grouping only

    rows = []
    for line in CITIES.strip("\n").split("\n"):
        key, code, names = line.split("|")
        rows.append((key, code, tuple(names.split(";"))))
    return tuple(rows)


@lru_cache(maxsize=1)
def _cased() -> dict[str, re.Pattern[str]]:
    """GeoNames' cities by their names in letters, as written: a city's name is written with a
    capital in every language written in letters, and a word spelt as one is not ("salé" is
    salted in French, "virar" to turn in Portuguese; `where_named`)."""
    out = {}
    for key, _, names in _geonames_rows():
        latin = [n for n in names if re.search(r"[A-Za-z]", n)]
        if latin:
            alternatives = "|".join(re.escape(n) for n in sorted(latin, key=len, reverse=True))
            out[key] = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return out


_KEYS = frozenset(key for key, _, _ in ENTRIES)


def _usable(names: list[str]) -> list[str]:
    """The names read as places: not words (`_NOT_WHERE`), Cyrillic ones as stems (a case
    ending follows: "Турция", "в Турции"), Latin ones of four letters at least."""
    out = []
    for name in dict.fromkeys(names):
        folded = _fold(name)
        if folded in _NOT_WHERE:
            continue
        if _CYRILLIC.search(folded):
            words = folded.replace("-", " ").split()
            stem = _CYRILLIC_ENDING.sub("", words[-1])
            if len(stem) < 3:
                continue
            name = " ".join((*words[:-1], stem))
        elif re.search(r"[a-z]", folded) and len(folded) < 4:
            continue
        out.append(name)
    return out


@lru_cache(maxsize=1)
def _where() -> tuple[_Index, dict[str, str]]:
    entries = _where_entries()
    within = {key: w for key, w, _ in entries if w}
    return _compile(entries), within


def where_named(text: str) -> tuple[str, ...]:
    """Keys of the cities (the gazetteer's, and the time-zone database's exemplar cities) and
    countries ("cc:MA") `text` names, in any language places_cldr.py covers, in text order; a venue or a
    city also gives its country when known."""
    index, within = _where()
    folded = _fold(text)
    found = [key for _, key in _found(index, folded)]
    if _WHERE_SCAN.search(folded) and not has_han(folded):
        # kana, Hangul or Arabic (no Han, so `_found` did not read them)
        found += [key for _, key in _substrings(index, folded)]
    out: list[str] = []
    cased = _cased()
    for key in found:
        if key in cased and not _OTHER_SCRIPT.search(folded) and not cased[key].search(text):
            continue  # a GeoNames city's name in letters, not written as a name
        out.append(key)
        up = within.get(key) or within.get(CITY_OF.get(key, ""), "")
        if up:
            out.append(up)
    return tuple(dict.fromkeys(out))
