#!/usr/bin/env python3
"""Generates engine/src/entities/subdivisions.txt, the regions, provinces, countries and
territories the recogniser embeds.

Source: ISO 3166-2 as shipped by Debian's `iso-codes` package (LGPL-2.1+; installed on the project's
machines, `apt-get install iso-codes`). Every first-level subdivision of every country (states,
provinces, regions, counties, governorates) and, where a country has two levels, the provinces,
departments, prefectures and counties of the second ("Batangas", "Catanduanes", "Gironde"); the
small municipalities, districts and parishes are left out. Countries and territories come from
ISO 3166-1 beside it (`iso_3166-1.json`): the name, the common name, and an official name that is
not a state form ("British Virgin Islands", not "Republic of Vanuatu"), so small countries the
curated gazetteer lacks ("Vanuatu", "Tuvalu", "Greenland") are places too. Notes in brackets are dropped ("Ilocos
(Region I)" gives "Ilocos"), a name with a slash gives each part ("Elgeyo/Marakwet"), and a name
with a comma ("Bruxelles-Capitale, Région de") is left out. Names that are ordinary English words,
directions or common given names are left out too, with those make-geonames.py leaves out: one
capitalised word is weak evidence of a place, and a wrong place is worse than a missed one. Run:

    python3 scripts/make-subdivisions.py /usr/share/iso-codes/json/iso_3166-2.json \
        > engine/src/entities/subdivisions.txt
"""
import importlib.util
import json
import re
import sys
from pathlib import Path

# Second-level types kept: the units news names a region by, not municipalities or wards.
SECOND_LEVEL = {
    "Province", "Prefecture", "Metropolitan department", "Overseas department", "County",
    "Two-tier county", "Council area", "Region", "Autonomous province", "Special region",
}

# First-level types that are towns rather than regions (Slovenia's, Malta's, Latvia's).
SMALL = re.compile(r"(?i)municipal|council|commune|quarter|parish|rayon|ward|town|city")

# Subdivision names that are ordinary English words or parts of ordinary phrases.
ORDINARY = set("""
Central Centre Center North South East West Northern Southern Eastern Western Capital Coast Coastal
Lakes Lake Upper Lower Islands Island Highlands Highland Mountain Mountains Valley Plateau Rivers River
Delta Border Interior Midlands Middle Grand Greater Inner Outer Oriental Occidental Littoral Maritime
Savannah Savanes Plains Forest Sea Bay Gulf Cape Atlantic Pacific Frontier Federal Mid Far Near
Ocean Mountain Bar Police Moyen Haut Hauts Bas Est Ouest Nord Sud Centro Norte Sur Oeste Este
Lima Colon Cortes Independencia Libertad Progreso Union Esperanza Victoria Concordia Paz Salud
Rainbow Sunshine Lucky Good Saint Santa San Al Ash An As Ad Ar At Az Ha Ki
Georgia Jersey Guernsey Man Trinity Grace Chance Christ Church Queen Queens King Kings Prince
Bolivar Bolívar Sucre Morazán Marcos Francisco Antonio Jose José Juan Luis Maria María Pedro
Anna Ana Elena Laura Martin Martín Maria Mary Rose Diana Carmen Lucia Tina Rita Vera Maya Nina
Jackson Lincoln Franklin Madison Washington Hamilton Clinton Monroe Warren Marion Lawrence Kent
Chester Wayne Douglas Dover Salem Troy Aurora Logan Orange Essex Suffolk Norfolk Durham Devon Dorset
Lot Var Vas Pool Unity Mono Meta Mara Hela Sid Tuy Nip Sul Leste Valle Lacs Paro Moka Soum Sila Uri Manus
Amara Poni Lau Haa Oti Olt Volta Sool Atua Cayo Tarn Indre Gers Nandi Donga Sahel Jura Loire
Chin Cher Ain Eure Grad Cascade Cascades Centrale Collines Glacis Antique Bong Bono Alo Boe Bua Ewa
Cork Clare Down Antrim Armagh Mayo Meath Kerry Leitrim Monaghan Cavan Louth Sligo Offaly Laois
""".split())

# Names make-geonames.py leaves out (given names, surnames and words that are also places).
_spec = importlib.util.spec_from_file_location("make_geonames", Path(__file__).with_name("make-geonames.py"))
_geonames = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_geonames)
AMBIGUOUS = _geonames.AMBIGUOUS | ORDINARY
fold = _geonames.fold


def names_of(raw: str):
    """The names a subdivision's ISO name gives: brackets dropped, slashed parts split."""
    name = re.sub(r"\s*[\(\[].*?[\)\]]", "", raw).strip()
    if "," in name:
        return []
    return [part.strip() for part in name.split("/") if part.strip()]


# Official names that are state forms, not names news uses ("Hellenic Republic", "Swiss
# Confederation", "United Mexican States").
STATE_FORM = re.compile(r"^the |Republic|Kingdom|Confederation|Commonwealth|Principality|Duchy|"
                        r"Federat|Independent State|Sultanate|States$|People's|Union")


def country_names(country: dict):
    """The names a country or territory goes by in news: its name and common name, and its
    official name when that is not a state form ("Republic of ...") or a description ("... of
    China")."""
    names = [country["name"], country.get("common_name", "")]
    official = country.get("official_name", "")
    if official and " of " not in official and not STATE_FORM.search(official):
        names.append(official)
    return [n for raw in names if raw for n in names_of(raw)]


def keep(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 3 or not name[0].isupper() or any(c in name for c in "|#;\n"):
        return False
    words = name.split()
    if len(words) == 1 and (name in AMBIGUOUS or fold(name) in AMBIGUOUS):
        return False
    return not all(w in AMBIGUOUS or not w[0].isupper() for w in words)


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/iso-codes/json/iso_3166-2.json")
    out = set()
    for sub in json.loads(path.read_text())["3166-2"]:
        if "parent" in sub and sub["type"] not in SECOND_LEVEL or SMALL.search(sub["type"]):
            continue
        out.update(name for name in names_of(sub["name"]) if keep(name))
    # Countries the curated gazetteer lists already (with their aliases) are not repeated.
    curated = set()
    for line in (Path(__file__).parent.parent / "engine/src/entities/gazetteer.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, rest = line.partition("|")
            curated.add(name.strip())
            curated.update(a.strip() for a in rest.partition("|")[0].split(";"))
    for country in json.loads(path.with_name("iso_3166-1.json").read_text())["3166-1"]:
        out.update(name for name in country_names(country) if keep(name) and name not in curated)
    print("# ISO 3166-2 regions and provinces and ISO 3166-1 countries and territories, generated by")
    print("# scripts/make-subdivisions.py from Debian's")
    print("# iso-codes package (LGPL-2.1+, https://salsa.debian.org/iso-codes-team/iso-codes)")
    for name in sorted(out):
        print(name)


if __name__ == "__main__":
    main()
