#!/usr/bin/env python3
"""The conversational quality set through any ganhuo binary, for comparing versions side by
side in one run: hit@3 on on-topic sentences, off-topic messages with no links, small talk
recognised, per half (tune, holdout).

usage: python3 benches/conversation.py BINARY [BINARY ...]
Each binary answers every query through `ganhuo ask` reading stdin (one JSON object per line).
A binary that predates small-talk recognition fails those cases, as its users saw it.
Python 3.11+, standard library only.
"""
import json
import os
import subprocess
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HALVES = ["tune", "holdout"]


def cases(half):
    with open(os.path.join(ROOT, "tests", "conversation", f"{half}.toml"), "rb") as f:
        return tomllib.load(f)["case"]


def answers(binary, queries):
    text = "".join(q.replace("\n", " ") + "\n" for q in queries)
    out = subprocess.run([binary, "ask", "--limit", "5"], input=text.encode(), capture_output=True, check=True)
    return [json.loads(line) for line in out.stdout.decode().splitlines()]


def score(binary, half):
    cs = cases(half)
    got = answers(binary, [c["query"] for c in cs])
    tally = {"on": [0, 0], "off": [0, 0], "talk": [0, 0]}
    for case, answer in zip(cs, got):
        ranked = [r["id"] for r in answer.get("results", [])]
        talk = answer.get("small_talk")
        if "small_talk" in case:
            kind, ok = "talk", talk == case["small_talk"] and not ranked
        elif case.get("none"):
            kind, ok = "off", not ranked and talk is None
        else:
            kind, ok = "on", talk is None and any(i in ranked[:3] for i in case["any3"])
        tally[kind][0] += ok
        tally[kind][1] += 1
    return tally


def pct(pair):
    ok, all_ = pair
    return f"{ok}/{all_} ({100 * ok / all_:.1f}%)" if all_ else "—"


def main():
    binaries = sys.argv[1:] or [os.path.join(ROOT, "target", "release", "ganhuo")]
    print("| binary | half | hit@3 on-topic | off-topic, no links | small talk |")
    print("|---|---|---:|---:|---:|")
    for binary in binaries:
        for half in HALVES:
            t = score(binary, half)
            print(f"| {binary} | {half} | {pct(t['on'])} | {pct(t['off'])} | {pct(t['talk'])} |")


if __name__ == "__main__":
    main()
