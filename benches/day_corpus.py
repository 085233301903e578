#!/usr/bin/env python3
"""Writes a day-sized synthetic JSON Lines corpus built from the sample articles.

    benches/day_corpus.py OUT.jsonl [N] [SEED]      # N defaults to 250,000

Every article is new text: a title and three to nine paragraphs drawn from the paragraphs of
the sample articles in examples/news (text files and feed.jsonl), with the people, places,
states, weekdays, months and numbers swapped for others, so that no two articles are the same
and every stage has varied work. All are published on one day (2019-02-27) at varied times,
as a day of the world's news would be. Nothing is read from ../shared. The output goes where
OUT says (use a temporary directory, never the repository).
"""

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "examples" / "news"

PEOPLE = [
    "Kim Jong Un", "Moon Jae-in", "Donald Trump", "Xi Jinping", "Vladimir Putin",
    "Shinzo Abe", "Mike Pompeo", "Wang Yi", "Ri Yong Ho", "Sergei Lavrov", "Taro Kono",
    "Kang Kyung-wha", "Joe Biden", "Antony Blinken", "Yoon Suk Yeol", "Fumio Kishida",
]
PLACES = [
    "Hanoi", "Beijing", "Seoul", "Pyongyang", "Moscow", "Tokyo", "Singapore", "Panmunjom",
    "Vladivostok", "Washington", "Osaka", "Sydney", "Geneva", "Bangkok", "Jakarta",
]
STATES = [
    "North Korea", "South Korea", "the United States", "China", "Russia", "Japan",
    "Australia", "Vietnam", "India", "France",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]


def sample_texts():
    """(title, body) of every sample article in examples/news."""
    out = []
    for path in sorted((NEWS / "text").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        title = lines[0].strip()
        body = "\n".join(l for l in lines[1:] if not l.startswith("Published:"))
        out.append((title, body))
    feed = NEWS / "feed.jsonl"
    if feed.exists():
        for line in feed.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                if isinstance(obj.get("text"), str):
                    out.append((obj.get("title") or "", obj["text"]))
    return out


def swapper(names):
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    return pattern


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out_path = Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 250_000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20190227)
    articles = sample_texts()
    paragraphs = [p.strip() for _, body in articles for p in body.split("\n\n") if len(p.strip()) > 40]
    titles = [t for t, _ in articles if t]
    pools = [
        (swapper(PEOPLE), PEOPLE),
        (swapper(PLACES), PLACES),
        (swapper(STATES), STATES),
        (swapper(WEEKDAYS), WEEKDAYS),
        (swapper(MONTHS), MONTHS),
    ]
    number = re.compile(r"\b\d{1,3}\b")

    def vary(text, mapping):
        for pattern, names in pools:
            text = pattern.sub(lambda m, names=names: mapping.setdefault(m.group(0), rng.choice(names)), text)
        return number.sub(lambda m: str(max(1, int(m.group(0)) + rng.randint(-3, 3))), text)

    with out_path.open("w", encoding="utf-8") as f:
        for i in range(n):
            mapping = {}  # one consistent substitution per article
            k = rng.randint(3, 9)
            body = "\n\n".join(vary(rng.choice(paragraphs), mapping) for _ in range(k))
            hh, mm = rng.randrange(24), rng.randrange(60)
            rec = {
                "id": f"day-{i:06d}",
                "url": f"https://news.example.org/2019/02/27/{i}",
                "source": f"Wire {i % 97}",
                "published": f"2019-02-27T{hh:02d}:{mm:02d}:00Z",
                "title": vary(rng.choice(titles), mapping),
                "text": body,
            }
            f.write(json.dumps(rec, ensure_ascii=False))
            f.write("\n")


if __name__ == "__main__":
    main()
