#!/usr/bin/env python3
"""Turns a JMH JSON result file into a Markdown table of ratios against Windjammer.

Groups the results by benchmark method and every @Param except the one naming the
implementation (default: "impl"), and prints for each group Windjammer's score and
peer ÷ Windjammer (for average time) or Windjammer ÷ peer (for throughput), so that a
ratio > 1.0 always means Windjammer is faster.

    scripts/jmh-ratios.py results.json [--impl-param impl] [--ours windjammer]

Benchmarks without the implementation parameter compare methods instead: the method named
like --ours is Windjammer and every other method of the same class and params is a peer.
"""
import argparse
import json
from collections import OrderedDict


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("json")
    parser.add_argument("--impl-param", default="impl")
    parser.add_argument("--ours", default="windjammer")
    args = parser.parse_args()
    with open(args.json) as f:
        results = json.load(f)

    groups = OrderedDict()
    for r in results:
        name = r["benchmark"].split(".")
        cls, method = name[-2], name[-1]
        params = dict(r.get("params", {}))
        if args.impl_param in params:
            impl = params.pop(args.impl_param)
            key = (cls + "." + method, tuple(sorted(params.items())))
        else:
            impl = method
            key = (cls, tuple(sorted(params.items())))
        metric = r["primaryMetric"]
        groups.setdefault(key, OrderedDict())[impl] = (
            metric["score"], metric["scoreError"], metric["scoreUnit"], r["mode"])

    peers = []
    for impls in groups.values():
        for impl in impls:
            if impl != args.ours and impl not in peers:
                peers.append(impl)

    print("| benchmark | params | Windjammer | " + " | ".join("vs " + p for p in peers) + " |")
    print("|---|---|---:|" + "---:|" * len(peers))
    for (bench, params), impls in groups.items():
        if args.ours not in impls:
            continue
        score, error, unit, mode = impls[args.ours]
        cells = []
        for p in peers:
            if p not in impls:
                cells.append("")
                continue
            other = impls[p][0]
            ratio = other / score if mode in ("avgt", "sample", "ss") else score / other
            cells.append("%.2f" % ratio)
        shown = ", ".join("%s=%s" % kv for kv in params)
        print("| %s | %s | %s ± %s %s | %s |" % (
            bench, shown, fmt(score), fmt(error), unit, " | ".join(cells)))


def fmt(x):
    if x != x:  # NaN
        return "?"
    if abs(x) >= 100:
        return "%.0f" % x
    if abs(x) >= 10:
        return "%.1f" % x
    return "%.2f" % x


if __name__ == "__main__":
    main()
