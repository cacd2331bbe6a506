#!/usr/bin/env python3
"""Side-by-side comparison, in one run, of ganhuo and the baseline Python chat bots use:
rapidfuzz `process.extract(query, choices, scorer=WRatio, limit=5)` over the same resource
strings and the golden queries (tests/golden.toml).

usage: python3 benches/compare.py [path/to/ganhuo]     (default: target/release/ganhuo)
needs: pip install rapidfuzz
Prints a markdown table: throughput, hit@3 (all cases, and on-topic cases only), ratios,
and `ganhuo ask` end-to-end time and peak RSS.
"""
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import tomllib

from rapidfuzz import fuzz, process, utils

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "release", "ganhuo")
REPEAT = 20


def judge(case, ranked):
    """Same rules as tests/support/golden.rs."""
    top3 = ranked[:3]
    if case.get("none"):
        return not ranked
    if "top1" in case and (not ranked or ranked[0] != case["top1"]):
        return False
    if any(w not in top3 for w in case.get("top3", [])):
        return False
    if case.get("any3") and not any(w in top3 for w in case["any3"]):
        return False
    return True


def main():
    cases = tomllib.load(open(os.path.join(ROOT, "tests", "golden.toml"), "rb"))["case"]
    queries = [c["query"] for c in cases]
    catalogue = json.loads(subprocess.run([BIN, "catalogue", "--json"], check=True, capture_output=True).stdout)
    ids = [r["id"] for r in catalogue["resources"]]
    # The strings a Python bot would match against: everything we index, flattened.
    choices = [
        " ".join([r["title"], r.get("title_en") or "", " ".join(r["path"]), " ".join(r["aliases"])])
        for r in catalogue["resources"]
    ]

    # rapidfuzz exactly as the brief describes, and with its default_process preprocessor
    # (lowercase, strip punctuation), which gives it its best shot.
    def rf_rank(q, processor=None):
        found = process.extract(q, choices, scorer=fuzz.WRatio, limit=5, processor=processor)
        return [ids[i] for (_, _, i) in found]

    def rf_run(processor):
        results = [rf_rank(q, processor) for q in queries]
        started = time.perf_counter()
        for _ in range(REPEAT):
            for q in queries:
                rf_rank(q, processor)
        return results, time.perf_counter() - started

    rf_results, rf_seconds = rf_run(None)
    rfp_results, rfp_seconds = rf_run(utils.default_process)

    # ganhuo: one process answering every query on stdin (JSON Lines), so process start-up and
    # JSON output are inside the measurement.
    batch = ("\n".join(queries) + "\n") * REPEAT
    started = time.perf_counter()
    out = subprocess.run([BIN, "ask", "--limit", "5"], input=batch.encode(), check=True, capture_output=True).stdout
    gh_seconds = time.perf_counter() - started
    lines = [json.loads(l) for l in out.decode().splitlines()]
    gh_results = [[r["id"] for r in lines[i]["results"]] for i in range(len(queries))]

    # `ganhuo ask` end to end: wall time per run, and peak RSS measured by a fresh Python
    # process that runs nothing but that one command (RUSAGE_CHILDREN is a high-water mark
    # over every child, so it must not see the batch above).
    times = []
    for _ in range(15):
        t = time.perf_counter()
        subprocess.run([BIN, "ask", "LoRA 教程"], check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    probe = (
        "import resource, subprocess, sys;"
        "subprocess.run([sys.argv[1], 'ask', 'LoRA 教程'], check=True, capture_output=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    peak_rss_mb = int(subprocess.run([sys.executable, "-c", probe, BIN], check=True, capture_output=True).stdout) / 1024

    n = len(queries) * REPEAT
    on_topic = [i for i, c in enumerate(cases) if not c.get("none")]

    def hits(results, subset):
        return sum(judge(cases[i], results[i]) for i in subset)

    everything = range(len(cases))
    rf_qps, rfp_qps, gh_qps = n / rf_seconds, n / rfp_seconds, n / gh_seconds
    print(f"{len(cases)} golden queries ({len(on_topic)} on-topic, {len(cases) - len(on_topic)} off-topic), each run {REPEAT}×\n")
    print("| | queries/s | hit@3 (all) | hit@3 (on-topic) |")
    print("|---|---:|---:|---:|")
    print(f"| rapidfuzz WRatio, limit=5 | {rf_qps:,.0f} | {hits(rf_results, everything)}/{len(cases)} | {hits(rf_results, on_topic)}/{len(on_topic)} |")
    print(f"| rapidfuzz WRatio, limit=5, default_process | {rfp_qps:,.0f} | {hits(rfp_results, everything)}/{len(cases)} | {hits(rfp_results, on_topic)}/{len(on_topic)} |")
    print(f"| ganhuo ask (stdin batch) | {gh_qps:,.0f} | {hits(gh_results, everything)}/{len(cases)} | {hits(gh_results, on_topic)}/{len(on_topic)} |")
    print(f"| ratio ganhuo / rapidfuzz | {gh_qps / rf_qps:.1f}× / {gh_qps / rfp_qps:.1f}× | | |")
    print()
    print(f"`ganhuo ask \"LoRA 教程\"` end to end: median {statistics.median(times) * 1000:.1f} ms, "
          f"max {max(times) * 1000:.1f} ms over {len(times)} runs; peak RSS {peak_rss_mb:.1f} MB")
    # Held-out queries (tests/holdout.toml): never used to tune the ranking.
    holdout = tomllib.load(open(os.path.join(ROOT, "tests", "holdout.toml"), "rb"))["case"]
    out = subprocess.run([BIN, "ask", "--limit", "5"], input=("\n".join(c["query"] for c in holdout) + "\n").encode(),
                         check=True, capture_output=True).stdout
    gh_hold = [[r["id"] for r in json.loads(l)["results"]] for l in out.decode().splitlines()]
    rf_hold = [rf_rank(c["query"]) for c in holdout]
    rfp_hold = [rf_rank(c["query"], utils.default_process) for c in holdout]
    score = lambda results: sum(judge(c, r) for c, r in zip(holdout, results))
    print(f"\nHeld-out set ({len(holdout)} queries, never used for tuning), hit@3: "
          f"rapidfuzz {score(rf_hold)}, rapidfuzz + default_process {score(rfp_hold)}, ganhuo {score(gh_hold)}")

    by_tag = {}
    for i, c in enumerate(cases):
        t = by_tag.setdefault(c["tag"], [0, 0, 0, 0])
        t[0] += 1
        t[1] += judge(c, rf_results[i])
        t[2] += judge(c, rfp_results[i])
        t[3] += judge(c, gh_results[i])
    print("\n| tag | cases | rapidfuzz hit@3 | rapidfuzz + default_process | ganhuo hit@3 |")
    print("|---|---:|---:|---:|---:|")
    for tag, (count, rf, rfp, gh) in by_tag.items():
        print(f"| {tag} | {count} | {rf} | {rfp} | {gh} |")


if __name__ == "__main__":
    main()
