#!/usr/bin/env python3
"""Compares two runs cell by cell, e.g. the same build over --transport=http (A) and --transport=https (B).

    python3 scripts/compare-runs.py A/results.json B/results.json

Prints two Markdown tables (Python 3 standard library only):
  1. per flow x profile x variant (ssr, csr): median time to content in A and B, B/A as a ratio of medians with a 95 %
     two-stage block bootstrap interval (in each run its blocks are resampled, then the samples inside each drawn block,
     so the interval includes the variation between blocks, i.e. between restarts of links and apps), the number of
     measured samples and blocks, and B's median new connections / TLS handshakes per sample and protocols;
  2. per flow x profile: each run's SSR/CSR ratio (median of the paired log ratios, as the report computes it) and how
     it changed, B/A, with the same kind of interval over pairs.
Only measured (non-warm-up), correct samples of ssr and csr are used. Fixed seed: the output is reproducible.
The two runs are not paired with each other, so the intervals are wider than the report's within-run ones; they do not
include drift between the two runs beyond what the blocks show (run them back to back on a quiet machine)."""
import json, math, sys, random, statistics as st
from collections import defaultdict
random.seed(20261203)
def load(p):
    r = json.load(open(p))
    cells = defaultdict(lambda: defaultdict(list))   # (flow,profile,variant) -> block -> [ttc]
    pairs = defaultdict(lambda: defaultdict(dict))   # (flow,profile) -> block -> pair -> {variant: ttc}
    conn = defaultdict(list)
    for s in r['samples']:
        if s.get('warmup') or not s.get('ok'): continue
        v = s['variant']
        if v not in ('ssr','csr'): continue
        t = s.get('metrics',{}).get('timeToContentMs')
        if t is None: continue
        k = (s['flow'], s['profile'], v); b = s.get('block', 0)
        cells[k][b].append(t)
        pairs[(s['flow'], s['profile'])][b].setdefault(s['pair'], {})[v] = t
        reqs = s.get('requests', [])
        conn[k].append((sum(1 for q in reqs if q.get('newConnection')), sum(1 for q in reqs if q.get('tlsMs') is not None),
                        ','.join(sorted({q['protocol'] for q in reqs if q.get('protocol')}))))
    return r, cells, pairs, conn
def boot_med(blocks):
    bs = list(blocks.values()); pick = [random.choice(bs) for _ in bs]
    xs = [random.choice(b) for b in pick for _ in b]
    return st.median(xs)
def boot_ratio(blocks):
    bs = [list(d.values()) for d in blocks.values()]
    bs = [[p for p in b if 'ssr' in p and 'csr' in p] for b in bs]; bs = [b for b in bs if b]
    pick = [random.choice(bs) for _ in bs]
    xs = [math.log(p['ssr']/p['csr']) for b in pick for p in (random.choice(b) for _ in b)]
    return math.exp(st.median(xs))
def ratio(blocks):
    xs = [math.log(p['ssr']/p['csr']) for d in blocks.values() for p in d.values() if 'ssr' in p and 'csr' in p]
    return math.exp(st.median(xs))
def q(xs, a): xs = sorted(xs); return xs[int(a*(len(xs)-1))]
def f(x): return f"{x:.3g}" if x < 100 else f"{x:.0f}"
R = 2000
if len(sys.argv) != 3:
    sys.exit('usage: python3 scripts/compare-runs.py A/results.json B/results.json')
ra, ca, pa, _ = load(sys.argv[1]); rb, cb, pb, conb = load(sys.argv[2])
print(f"A={sys.argv[1]} {ra['run']['startedAt']}..{ra['run'].get('finishedAt')}  B={sys.argv[2]} {rb['run']['startedAt']}..{rb['run'].get('finishedAt')}")
print("| flow | profile | variant | A | B | B/A [95 % CI] | n A/B | blocks A/B | new conn / TLS (B, median) |")
print("|---|---|---|--:|--:|---|---|---|---|")
slower = faster = 0
for k in sorted(ca, key=lambda k: (ra['run']['config']['flows'].index(k[0]), ra['run']['config']['profiles'].index(k[1]), k[2] != 'ssr')):
    if k not in cb: continue
    ma = st.median([x for b in ca[k].values() for x in b]); mb = st.median([x for b in cb[k].values() for x in b])
    bs = [boot_med(cb[k]) / boot_med(ca[k]) for _ in range(R)]
    lo, hi = q(bs, .025), q(bs, .975)
    slower += lo > 1; faster += hi < 1
    c = conb.get(k, [])
    nc = st.median([x[0] for x in c]) if c else 0; tl = st.median([x[1] for x in c]) if c else 0
    protos = sorted({x[2] for x in c if x[2]})
    print(f"| {k[0]} | {k[1]} | {k[2]} | {f(ma)} | {f(mb)} | {mb/ma:.2f} [{lo:.2f}, {hi:.2f}] | {sum(map(len,ca[k].values()))}/{sum(map(len,cb[k].values()))} | {len(ca[k])}/{len(cb[k])} | {nc:g} / {tl:g} ({'+'.join(protos)}) |")
print(f"\nB/A interval above 1: {slower}, below 1: {faster}, of {len([k for k in ca if k in cb])}")
print("\n| flow | profile | SSR/CSR A | SSR/CSR B | B/A of the ratio [95 % CI] |\n|---|---|--:|--:|---|")
for k in sorted(pa, key=lambda k: (ra['run']['config']['flows'].index(k[0]), ra['run']['config']['profiles'].index(k[1]))):
    if k not in pb: continue
    a, b = ratio(pa[k]), ratio(pb[k])
    bs = [boot_ratio(pb[k]) / boot_ratio(pa[k]) for _ in range(R)]
    print(f"| {k[0]} | {k[1]} | {a:.2f} | {b:.2f} | {b/a:.2f} [{q(bs,.025):.2f}, {q(bs,.975):.2f}] |")
