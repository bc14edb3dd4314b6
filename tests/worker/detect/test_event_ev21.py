"""Round 21 (branch issue-ev21): what two languages' reports of one happening share, read.

- Proper nouns of the lead's start across languages (below).
- The bodies a report names, read from its whole lead when its title names none (a Dutch
  report of the Brexit vote names "Brexit" in its lead's second sentence; dev_round19).
- GeoNames' cities of 300,000 people or more by their names in every script
  (worker/detect/places_geonames.py): "Hannover", "Hanover", "هانوفر", "Ганновер" are one city
  (dev_round25's German Unity Day of 2014 in Hanover, German and English).

Two reports of one happening in two languages often write the same names in letters ("Robert
Fico ... Handlova" / "Robert Fico ... Handlová"; "Francis Scott Key Bridge" / "ponte Francis
Scott Key"), but their titles share none of them, or one of them gives no title: the rule tying
two languages' reports by two proper nouns spelt alike (`_nouns_alike`) read titles only. The
proper nouns of the lead's start are read too now (`Features.lead_nouns`). Counted on dev files
nobody read for it: dev_round12 +5, dev_round14 +3, dev_round21 +3 true pairs, no false pair.

Excerpts as the reports give them (bench/data/events/dev_round12.toml, dev_round19.toml,
dev_round25.toml; ids cited).
"""

from __future__ import annotations

from datetime import date

from worker.detect.events import Features, GroupingOptions, report_features, score
from worker.detect.places import where_named
from worker.service.seeds import load_roster

ROSTER = load_roster()
OPTS = GroupingOptions()


def _features(title: str, text: str, day: str) -> Features:
    return report_features(title, text, date.fromisoformat(day), ROSTER)


# fico-shot-tasr (TASR, English, 2024-05-15)
TASR_TITLE = "Prime Minister Fico shot and injured after cabinet meeting in Handlova"
TASR = (
    "Prime Minister Fico shot and injured after cabinet meeting in Handlova\n\n"
    "Handlova, May 15 (TASR) - Prime Minister Robert Fico (Smer-SD) was shot and injured after an "
    "away-from-home government meeting in Handlova (Trencin region), according to information "
    "confirmed by Parliamentary Vice-Chair Lubos Blaha (Smer-SD), who suspended the House "
    "session.\n\n"
    "According to a TASR reporter, several shots were fired at the scene and the assailant was "
    "detained. The area in front of the Culture House in Handlova, where the government meeting "
    "was held, is currently evacuated.\n"
)
# fico-shot-gauchazh (GZH, Portuguese, 2024-05-15)
GZH_TITLE = "Premiê da Eslováquia é baleado e levado a hospital; estado de saúde é grave"
GZH = (
    "Premiê da Eslováquia é baleado e levado a hospital; estado de saúde é grave\n\n"
    "O primeiro-ministro da Eslováquia, Robert Fico, foi baleado e levado de helicóptero a um "
    "hospital nesta quarta, 15. Segundo o seu gabinete, seu estado de saúde é grave. Um suspeito "
    "foi preso no local. Quatro tiros teriam sido ouvidos após uma reunião de governo na cidade "
    "de Handlová, a 190 km da capital, Bratislava.\n"
)
# key-bridge-ilmessaggero (Il Messaggero, Italian, 2024-03-26)
MESSAGGERO_TITLE = "Ponte crollato a Baltimora, la nave: marinai ancora a bordo"
MESSAGGERO = (
    "Ponte crollato a Baltimora, la nave: marinai ancora a bordo\n\n"
    "La nave e il ponte Francis Scott Key crollato dopo lo schianto a Baltimora, nello stato Usa "
    "del Maryland. Il cargo di 289 metri Dali ha urtato uno dei piloni che sosteneva l’enorme "
    "struttura in acciaio del ponte. L'incidente è avvenuto il 26 marzo 2024. Il ponte è crollato "
    "dopo essere stato colpito dalla nave battente bandiera di Singapore, facendo precipitare "
    "diversi veicoli e persone nel gelido porto sottostante.\n"
)
# key-bridge-lagosmetropolitan (Lagos Metropolitan, English, 2024-03-26; no title)
LAGOS = (
    "In the early hours of Tuesday, a colossal container ship collided with the Francis Scott Key "
    "Bridge, causing a catastrophic collapse that sent vehicles and individuals plummeting into "
    "the Patapsco River below. The 948-foot Singapore-flagged vessel, identified as the Dali, "
    "struck the bridge, a vital artery for the Port of Baltimore, enveloping the area in "
    "darkness.\n"
)


def test_the_leads_proper_nouns_are_read() -> None:
    gzh = _features(GZH_TITLE, GZH, "2024-05-15")
    assert {"robert", "fico", "handlová"} <= set(gzh.lead_nouns)
    # a page without a title: its nouns are the lead's already
    assert _features("", LAGOS, "2024-03-26").lead_nouns == ()


def test_the_shooting_of_fico_in_english_and_portuguese_joins() -> None:
    tasr = _features(TASR_TITLE, TASR, "2024-05-15")
    gzh = _features(GZH_TITLE, GZH, "2024-05-15")
    match = score(gzh, tasr, OPTS)
    assert match.score >= OPTS.join, match
    assert match.reason == "proper nouns spelt alike, one day"


def test_the_key_bridge_in_italian_and_english_joins() -> None:
    messaggero = _features(MESSAGGERO_TITLE, MESSAGGERO, "2024-03-26")
    lagos = _features("", LAGOS, "2024-03-26")
    assert score(lagos, messaggero, OPTS).score >= OPTS.join


def test_one_noun_in_common_is_not_enough() -> None:
    # the Fico report against the bridge's, as if of one day: "Robert" and nothing else
    tasr = _features(TASR_TITLE, TASR, "2024-03-26")
    messaggero = _features(MESSAGGERO_TITLE, MESSAGGERO, "2024-03-26")
    assert score(tasr, messaggero, OPTS).score < OPTS.join


def test_the_leads_nouns_survive_the_store() -> None:
    gzh = _features(GZH_TITLE, GZH, "2024-05-15")
    again = Features.from_json(gzh.to_json())
    assert again.lead_nouns == gzh.lead_nouns
    # features stored before round 21 read as before: no lead nouns
    old = gzh.to_json()
    del old["lead_nouns"]
    assert Features.from_json(old).lead_nouns == ()


# e14-brexit-result-de-spiegel (Der Spiegel, German, 2016-06-24; dev_round19)
SPIEGEL_TITLE = "Britischer Premier David Cameron kündigt wegen Brexit-Votum Rücktritt an"
SPIEGEL = (
    "Britischer Premier David Cameron kündigt wegen Brexit-Votum Rücktritt an\n\n"
    "David Cameron hat für den Verbleib in der EU geworben, die Wähler stimmten dagegen. Nun "
    "zieht der britische Premier Konsequenzen.\n"
)
# e14-brexit-result-nl-revu (Revu, Dutch, 2016-06-24; dev_round19; no title)
REVU = (
    "Het kamp dat de EU wil verlaten wist uiteindelijk 51,9 procent van de stemmen te winnen. "
    "Het verschil in stemmen is 1,27 miljoen; bijna 17,5 miljoen Britten stemden donderdag voor "
    "een Brexit. De kiescommissie heeft de resultaten vrijdagochtend rond 8.30 uur (Nederlandse "
    "tijd) bevestigd.\n\n"
    "David Cameron kondigt zijn vertrek aan als premier. Hij vindt dat de uitslag van het "
    "referendum over het EU-lidmaatschap aantoont dat het tijd is voor een nieuwe leider. Hij wil "
    "dat er in oktober op het partijcongres van de Conservatieven een nieuwe premier wordt "
    "gekozen.\n"
)


def test_a_body_the_lead_names_further_on_is_read() -> None:
    revu = _features("", REVU, "2016-06-24")
    assert "brexit" in revu.bodies
    spiegel = _features(SPIEGEL_TITLE, SPIEGEL, "2016-06-24")
    match = score(revu, spiegel, OPTS)
    assert match.score >= OPTS.join, match


# e20-unity14-de-profil (profil / APA, German, 2014-10-03; dev_round25)
PROFIL_TITLE = "Tag der Deutschen Einheit: Feierlichkeiten 25 Jahre nach dem Mauerfall"
PROFIL = (
    "Tag der Deutschen Einheit: Feierlichkeiten 25 Jahre nach dem Mauerfall\n"
    "Um das Zusammengehörigkeitsgefühl der Deutschen zu stärken, wird jährlich am 3. Oktober ein "
    "zentrales Bürgerfest gefeiert. Es wird immer von dem Land ausgerichtet, das den Vorsitz im "
    "Bundesrat hat. 2014 ist es Niedersachsen, gefeiert wird in Hannover. In Erinnerung an den "
    'Volksaufstand in der DDR feierte die Bundesrepublik bis 1990 den 17. Juni als "Tag der '
    'Deutschen Einheit".\n'
    "Mit einem ökumenischen Gottesdienst haben in Hannover die zentralen Feiern zum Tag der "
    "Deutschen Einheit begonnen. Unter den Gästen waren am Freitag früh Bundespräsident Joachim "
    "Gauck und Kanzlerin Angela Merkel (CDU).\n"
)
# e20-unity14-en-dw (Deutsche Welle, English, 2014-10-03; dev_round25)
DW_TITLE = "Germany celebrates national holiday"
DW = (
    "Germany celebrates national holiday\n\n"
    "October 3, 2014\n\n"
    "Germany is celebrating its national holiday with events around the country to recall "
    "reunification 24 years ago. This year, the main festivities are being held in the northern "
    "city of Hanover.\n\n"
    "https://p.dw.com/p/1DPMs\n"
    "Tag der Deutschen Einheit 2014 Hannover\n"
)


def test_a_city_is_read_in_every_script() -> None:
    assert where_named("gefeiert wird in Hannover") == ("hannover", "cc:DE")
    assert where_named("the festivities in Hanover began") == ("hannover", "cc:DE")
    # e20-unity14-ar-sarmady (Sarmady, Arabic; dev_round25)
    assert "hannover" in where_named("بقداس في مدينة هانوفر بولاية سكسونيا السفلى")
    assert "hannover" in where_named("праздник в Ганновере")
    # a city's name in letters is written as a name: French "salé" is salted
    assert where_named("le poulet salé") == ()
    # a city named as people are is left out: "Vladimir Putin" names no city
    assert where_named("Russian President Vladimir Putin") == ()


def test_german_unity_day_in_german_and_english_joins_by_the_city() -> None:
    profil = _features(PROFIL_TITLE, PROFIL, "2014-10-03")
    dw = _features(DW_TITLE, DW, "2014-10-03")
    assert "hannover" in profil.where and "hannover" in dw.where
    assert score(dw, profil, OPTS).score >= OPTS.join
