#!/usr/bin/env python3
"""Validate the gold annotations of the entente sample corpus and print counts.

Usage: python3 examples/tools/check_gold.py [EXAMPLES_DIR]

Checks, for examples/gold/events.jsonl and examples/gold/chains.jsonl:
  * every `doc` key names an existing document (a file under news/text or news/html, or an
    `id` of news/feed.jsonl);
  * `evidence` is a substring of the document text (txt: the file as read; html: the visible
    text, i.e. tags stripped, script/style/comments dropped, entities decoded, whitespace runs
    collapsed; feed: the `text` field, or the visible text of the `html` field);
  * enum fields hold valid values, `countries` are sorted three-letter upper-case codes,
    dates are ISO intervals with start <= end and a known precision;
  * chains list exactly the documents that report each event.
Exits with status 1 when anything is wrong. Standard library only.
"""
import collections
import datetime
import html
import json
import os
import re
import sys

TYPES = {"CONSULT", "AGREE", "COOPERATE", "AID", "SUPPORT", "CONCEDE", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
MODES = {"visit", "host", "third-party", "multilateral", "phone"}
STATUSES = {"occurred", "ongoing", "planned", "speculated", "cancelled", "denied"}
PRECISIONS = {"day", "week", "month", "quarter", "half", "season", "year"}
ORG_RE = re.compile(r"^[A-Z][A-Z0-9-]{1,15}$")
CC_RE = re.compile(r"^[A-Z]{3}$")
FIELDS = ["doc", "event", "type", "mode", "kind", "status", "countries", "orgs", "date",
          "location", "evidence"]


def visible_text(markup):
    """Tag-stripped text of an HTML page with entities decoded and whitespace collapsed."""
    s = re.sub(r"(?is)<!--.*?-->", " ", markup)
    s = re.sub(r"(?is)<(script|style|noscript|template)\b.*?</\1\s*>", " ", s)
    s = re.sub(r"(?s)<[^>]*>", " ", s)
    s = html.unescape(s)
    return re.sub(r"\s+", " ", s)


def collapse(s):
    return re.sub(r"\s+", " ", s)


def load_docs(root):
    docs = {}
    for sub in ("text", "html"):
        d = os.path.join(root, "news", sub)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            path = os.path.join(d, name)
            with open(path, encoding="utf-8") as f:
                raw = f.read()
            if sub == "html":
                docs[name] = ("html", visible_text(raw))
            else:
                docs[name] = ("txt", raw)
    feed = os.path.join(root, "news", "feed.jsonl")
    if os.path.exists(feed):
        with open(feed, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                obj = json.loads(line)
                for key in ("id", "url", "source", "published", "title"):
                    if key not in obj:
                        raise SystemExit(f"feed.jsonl line {n}: missing field {key}")
                if "text" in obj:
                    docs[obj["id"]] = ("jsonl", obj["text"])
                elif "html" in obj:
                    docs[obj["id"]] = ("jsonl-html", visible_text(obj["html"]))
                else:
                    raise SystemExit(f"feed.jsonl line {n}: neither text nor html")
    return docs


def check_date(d, where, errors):
    if d is None:
        return
    if not isinstance(d, dict) or set(d) != {"start", "end", "precision"}:
        errors.append(f"{where}: date must have start, end, precision")
        return
    try:
        s = datetime.date.fromisoformat(d["start"])
        e = datetime.date.fromisoformat(d["end"])
        if s > e:
            errors.append(f"{where}: date start after end")
    except (TypeError, ValueError):
        errors.append(f"{where}: bad ISO date {d}")
    if d["precision"] not in PRECISIONS:
        errors.append(f"{where}: bad precision {d['precision']}")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    root = os.path.abspath(root)
    docs = load_docs(root)
    errors = []
    events = []
    with open(os.path.join(root, "gold", "events.jsonl"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"events.jsonl line {n}"
            try:
                ev = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: bad json: {e}")
                continue
            events.append(ev)
            if sorted(ev) != sorted(FIELDS):
                errors.append(f"{where}: fields {sorted(ev)}")
                continue
            if ev["doc"] not in docs:
                errors.append(f"{where}: unknown doc {ev['doc']}")
            else:
                fmt, text = docs[ev["doc"]]
                evid = ev["evidence"]
                if not evid:
                    errors.append(f"{where}: empty evidence")
                elif fmt in ("html", "jsonl-html"):
                    if collapse(evid) not in text:
                        errors.append(f"{where}: evidence not in visible text of {ev['doc']}: {evid!r}")
                elif evid not in text:
                    errors.append(f"{where}: evidence not in {ev['doc']}: {evid!r}")
            if ev["type"] not in TYPES:
                errors.append(f"{where}: bad type {ev['type']}")
            if ev["type"] == "CONSULT":
                if ev["mode"] not in MODES:
                    errors.append(f"{where}: CONSULT needs a mode, got {ev['mode']}")
            elif ev["mode"] is not None:
                errors.append(f"{where}: mode must be null for {ev['type']}")
            if not isinstance(ev["kind"], str) or not re.fullmatch(r"[a-z][a-z -]*", ev["kind"]):
                errors.append(f"{where}: bad kind {ev['kind']!r}")
            if ev["status"] not in STATUSES:
                errors.append(f"{where}: bad status {ev['status']}")
            cs = ev["countries"]
            if not all(isinstance(c, str) and CC_RE.match(c) for c in cs):
                errors.append(f"{where}: bad country code in {cs}")
            if cs != sorted(set(cs)):
                errors.append(f"{where}: countries not sorted/unique {cs}")
            if not all(isinstance(o, str) and ORG_RE.match(o) for o in ev["orgs"]):
                errors.append(f"{where}: bad org code in {ev['orgs']}")
            if not cs and not ev["orgs"]:
                errors.append(f"{where}: no participants")
            check_date(ev["date"], where, errors)
            loc = ev["location"]
            if loc is not None:
                if not isinstance(loc, dict) or set(loc) != {"name", "country"} or not loc["name"]:
                    errors.append(f"{where}: bad location {loc}")
                elif loc["country"] is not None and not CC_RE.match(loc["country"]):
                    errors.append(f"{where}: bad location country {loc}")
    seen = collections.Counter((e.get("doc"), e.get("event")) for e in events)
    for (d, e), k in seen.items():
        if k > 1:
            errors.append(f"events.jsonl: {k} lines for doc {d} event {e}")

    by_event = collections.defaultdict(set)
    for e in events:
        by_event[e.get("event")].add(e.get("doc"))
    chains = []
    with open(os.path.join(root, "gold", "chains.jsonl"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"chains.jsonl line {n}"
            c = json.loads(line)
            chains.append(c)
            if c["event"] not in by_event:
                errors.append(f"{where}: event {c['event']} has no gold line")
                continue
            if set(c["docs"]) != by_event[c["event"]]:
                errors.append(f"{where}: docs differ from events.jsonl for {c['event']}")
            if c["final_status"] not in STATUSES:
                errors.append(f"{where}: bad final_status")
            check_date(c["final_date"], where, errors)
    missing = set(by_event) - {c["event"] for c in chains}
    for m in sorted(missing):
        errors.append(f"chains.jsonl: no line for event {m}")

    fmt_count = collections.Counter(v[0].split("-")[0] for v in docs.values())
    print(f"documents: {len(docs)} (" + ", ".join(f"{k} {v}" for k, v in sorted(fmt_count.items())) + ")")
    print(f"documents with gold: {len({e.get('doc') for e in events})}")
    print(f"gold events: {len(events)}; clusters: {len(chains)}; "
          f"multi-document chains: {sum(1 for c in chains if len(c['docs']) > 1)}")
    for field in ("type", "status", "mode"):
        cnt = collections.Counter(str(e.get(field)) for e in events)
        print(f"by {field}: " + ", ".join(f"{k} {v}" for k, v in sorted(cnt.items())))
    if errors:
        for e in errors:
            print("ERROR", e)
        print(f"{len(errors)} error(s)")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
