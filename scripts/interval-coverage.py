#!/usr/bin/env python3
"""How often one run's 95 % intervals contain another run's estimate, cell by cell (issue #11's check that the report's
intervals describe the variation a re-run sees).

    python3 scripts/interval-coverage.py A B [C ...]     # run folders (each with the summary.csv the report wrote)

For every ordered pair of runs (X, Y) and every cell both compared (flow x profile: SSR/CSR, and the A/A cell), checks
whether Y's paired ratio lies inside X's 95 % interval. Prints one line per cell and the totals. With independent
runs of the same build, a calibrated interval contains the other run's estimate in somewhat more than 95 % of cases
(the other estimate has noise of its own, and an interval that covers the true ratio 95 % of the time covers a noisy
estimate of it less often: for two equally precise runs about 83 % when the interval only reflects one run's noise, so
a figure near or above 95 % means the interval also includes the between-run variation). Python 3 standard library.
"""
import csv, itertools, os, sys


def cells(folder):
    out = {}
    with open(os.path.join(folder, "summary.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["variant"] not in ("ssr", "ssr-a") or not row["ratio"] or not row["ratio_ci_low"]:
                continue
            key = (row["flow"], row["profile"], "A/A" if row["variant"] == "ssr-a" else "SSR/CSR")
            out[key] = (float(row["ratio"]), float(row["ratio_ci_low"]), float(row["ratio_ci_high"]))
    return out


def main(folders):
    if len(folders) < 2:
        sys.exit(__doc__)
    runs = {f: cells(f) for f in folders}
    inside = total = 0
    for x, y in itertools.permutations(folders, 2):
        for key in sorted(runs[x]):
            if key not in runs[y]:
                continue
            _, low, high = runs[x][key]
            estimate = runs[y][key][0]
            ok = low <= estimate <= high
            inside += ok
            total += 1
            print(f"{' '.join(key):40s} {os.path.basename(x.rstrip('/'))}: [{low:.3f}, {high:.3f}]"
                  f"  {os.path.basename(y.rstrip('/'))}: {estimate:.3f}  {'inside' if ok else 'OUTSIDE'}")
    if total == 0:
        sys.exit("no cell is in both runs' summary.csv with an interval")
    print(f"\n{inside} of {total} intervals contain the other run's estimate ({100 * inside / total:.1f} %)")


if __name__ == "__main__":
    main(sys.argv[1:])
