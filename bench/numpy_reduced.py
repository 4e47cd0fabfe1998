#!/usr/bin/python3
"""numpy_reduced.py — the reduced benchmark scenario's model in NumPy, vectorised over trials (issue 17).

What it is: the reference an analyst with a notebook would write for bench/reduced-two-clouds.json — clouds
with power tranches, one inference workload, sticky dispatch and the merit order (MODEL §4 steps 2 and 5),
compute cost (§5) — with every array holding one value per trial. It computes what `pactscope simulate`
reports for the same outputs: cost_usd and shortfall_h100e_hours (mean, P5, P10, P50, P90, P95), served
fraction, and per-quarter P10/P50/P90 bands of cost and shortfall; and prints the time per trial.

It reads the scenario file and refuses anything outside the reduced model (clauses, egress, outages, owned
capacity, several workloads, uncertain capacity). Its random numbers are NumPy's, not the engine's (MODEL §2),
so its percentiles agree with `pactscope simulate` only within Monte Carlo noise; at the medians it follows the
engine's arithmetic step by step (demand as products of (1 + g)^(1/4), sums in the engine's order) and gives
`pactscope run`'s numbers to the bit — with the platform's libm `pow` for that one call (NumPy's vectorised
`np.power` may differ from it in the last bit; the timed Monte Carlo path uses `np.power`).

Usage (Debian's NumPy: call /usr/bin/python3, the `python3` on PATH may lack it):
  /usr/bin/python3 bench/numpy_reduced.py [SCENARIO] [--trials N] [--seed S] [--repeat K] [--json]
  /usr/bin/python3 bench/numpy_reduced.py [SCENARIO] --check build/native/pactscope [--trials N]
      --check: the median case equals `pactscope run` exactly, and the Monte Carlo percentiles agree with
      `pactscope simulate` within Monte Carlo noise (distribution-free order-statistic bounds); exit 1 if not.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import time

import numpy as np

H = 2190.0            # MODEL §1: hours per quarter
Z95 = 1.6448536       # MODEL §2: a 90% interval's z value
PROBS = [5, 10, 50, 90, 95]
HERE = os.path.dirname(os.path.abspath(__file__))


def quarter_index(label):
    return int(label[:4]) * 4 + int(label[5]) - 1


class Reduced:
    """The scenario's parameters, checked to be inside the reduced model."""

    def __init__(self, doc):
        def refuse(why):
            raise SystemExit(f"numpy_reduced.py: outside the reduced model: {why}")

        self.start = quarter_index(doc["horizon"]["start"])
        self.T = quarter_index(doc["horizon"]["end"]) - self.start + 1
        if doc.get("contract"):
            refuse("clauses")
        if float(doc["horizon"].get("discount_rate_per_year", 0)) != 0:
            refuse("a discount rate")
        policy = doc.get("policy", {})
        if float(policy.get("max_share_per_provider", 1)) != 1:
            refuse("max_share_per_provider")
        self.sticky = policy.get("sticky", True)
        if doc.get("uncertainty", {}).get("correlations"):
            refuse("correlations")
        self.uncertain = []  # (name, p5, p95) in document order: the order of the draws
        self.price, self.change, self.capacity = [], [], []
        for i, p in enumerate(doc["providers"]):
            if p["kind"] != "cloud":
                refuse("owned capacity")
            for key in ("egress", "provider_cost", "onboarding_usd", "overhead_usd_per_quarter", "outages_per_year"):
                if key in p and p[key] not in (0, None):
                    refuse(f"providers/{i}/{key}")
            pue = self.number(p.get("pue", 1))
            cap = [0.0] * self.T
            for t in p["capacity"]:
                if self.number(t.get("slip_quarters", 0)) != 0:
                    refuse("slips")
                gpu = doc["gpus"][t["gpu"]]
                mw = self.number(t["mw"])
                h100e = mw * 1000.0 / (self.number(gpu["it_kw"]) * pue) * self.number(gpu["h100e"])
                for q in range(max(0, quarter_index(t["online"]) - self.start), self.T):
                    cap[q] += h100e  # tranche order, as the engine sums them
            self.capacity.append(cap)
            self.price.append(self.quantity(p["price_usd_per_h100e_hour"], f"/providers/{i}/price_usd_per_h100e_hour"))
            self.change.append(self.number(p.get("price_change_per_year", 0)))
        if len(doc["workloads"]) != 1 or doc["workloads"][0]["kind"] != "inference":
            refuse("anything but one inference workload")
        w = doc["workloads"][0]
        if "home" in w or "series" in w["demand"]:
            refuse("a home or a demand series")
        self.start_h100e = self.number(w["demand"]["start_h100e"])
        self.growth = self.quantity(w["demand"]["growth_per_year"], "/workloads/0/demand/growth_per_year")
        self.P = len(self.price)

    @staticmethod
    def number(x):
        if isinstance(x, (int, float)):
            return float(x)
        raise SystemExit(f"numpy_reduced.py: outside the reduced model: {x!r} must be a plain number")

    def quantity(self, x, name):
        """A plain number, or a positive "a to b" interval: a lognormal with P5 a and P95 b (MODEL §2)."""
        if isinstance(x, (int, float)):
            return ("point", float(x))
        if isinstance(x, str) and " to " in x:
            a, b = (float(v) for v in x.split(" to "))
            if a > 0:
                self.uncertain.append(name)
                return ("lognormal", a, b)
        raise SystemExit(f"numpy_reduced.py: outside the reduced model: {name} = {x!r}")

    @staticmethod
    def median(q):
        return q[1] if q[0] == "point" else math.sqrt(q[1] * q[2])  # MODEL §2: sqrt(P5 × P95)

    def draw(self, q, z):
        if q[0] == "point":
            return np.full(z.shape, q[1])
        a, b = q[1], q[2]
        mu, sigma = 0.5 * (math.log(a) + math.log(b)), (math.log(b) - math.log(a)) / (2 * Z95)
        return np.exp(mu + sigma * z)


def model(m, price, growth, exact_pow=False):
    """One value per trial in `price` (P arrays) and `growth`; returns per-trial totals and per-quarter series.
    Follows the engine's arithmetic operation by operation (engine.cpp, engine_dispatch.cpp). Dispatch works on
    rows in merit-order rank (row i = each trial's i-th cheapest provider), so every step is a whole-row
    operation; sums that the engine takes in document order are taken in document order."""
    N = growth.shape[0]
    P, T = m.P, m.T
    # Demand (MODEL §3): start × f, f the running product of (1 + g)^(1/4) (engine.cpp growth_series).
    if exact_pow:  # the platform's libm pow, as the engine calls it
        step = np.array([math.pow(1 + g, 0.25) for g in growth])
    else:
        step = np.power(1 + growth, 0.25)
    f = np.ones(N)
    # List prices: price × (1 + change)^(q/4), one scalar product series per provider (its change is fixed).
    price_f = []
    for p in range(P):
        s, ff, series = math.pow(1 + m.change[p], 0.25), 1.0, []
        for _ in range(T):
            series.append(ff)
            ff *= s
        price_f.append(series)
    capacity = np.array(m.capacity)  # (P, T), the same in every trial
    price = np.stack(price)          # (P, N)

    def by_provider(rows, inverse):
        """Rank rows back to document order (the identity when P = 1)."""
        return rows if inverse is None else np.take_along_axis(rows, inverse, axis=0)

    def doc_sum(rows_by_provider):
        """Σ over providers from 0, in document order (engine.cpp: allocated(w), the quarter's cost)."""
        total = np.zeros(N)
        for p in range(P):
            total = total + rows_by_provider[p]
        return total

    prev = np.zeros((P, N))          # last quarter's allocation, by provider
    compute_total = np.zeros((P, N))
    cost_q = np.zeros((T, N))
    short_q = np.zeros((T, N))
    demand_sum = np.zeros(N)
    served_sum = np.zeros(N)
    order = inverse = None
    same_order = all(c == m.change[0] for c in m.change)  # then the merit order is the same in every quarter
    for q in range(T):
        D = f * m.start_h100e
        f = f * step
        if order is None or not same_order:
            # Merit order (MODEL §4): ascending price, document order on ties (a stable sort).
            prices = np.stack([price_f[p][q] * price[p] for p in range(P)])
            order = np.argsort(prices, axis=0, kind="stable")
            inverse = np.argsort(order, axis=0, kind="stable") if P > 1 else None
        prices_r = np.take_along_axis(price, order, axis=0)
        factor_r = np.array([price_f[p][q] for p in range(P)])[order]
        cap_r = capacity[:, q][order]
        prev_r = np.take_along_axis(prev, order, axis=0)
        # Step 2, sticky: keep last quarter's allocation as far as capacity allows (min(prev, capacity) with
        # prev, capacity >= 0), then cut to D from the end of the merit order.
        if m.sticky:
            alloc = np.minimum(prev_r, cap_r)
            spare = cap_r - alloc
            excess = doc_sum(by_provider(alloc, inverse)) - D
            if (excess > 0).any():
                for i in range(P - 1, -1, -1):
                    cut = np.where(excess > 0, np.minimum(excess, np.maximum(0.0, alloc[i])), 0.0)
                    alloc[i] -= cut
                    spare[i] += cut
                    excess = excess - cut
        else:
            alloc, spare = np.zeros((P, N)), cap_r.astype(float)
        # Step 5, merit order: the rest of D to the cheapest first, each up to its spare capacity
        # (max_share_per_provider = 1 caps at D less what the provider already serves).
        rest = D - doc_sum(by_provider(alloc, inverse))
        on = rest > 1e-9 * 1e-3  # the engine's kNone * 1e-3
        for i in range(P):
            x = np.minimum(rest, np.minimum(np.maximum(0.0, spare[i]), np.maximum(0.0, 1.0 * D - alloc[i])))
            x = np.where(on & (x > 0), x, 0.0)
            alloc[i] += x
            spare[i] -= x
            rest = rest - x
        # Served, shortfall and compute cost (MODEL §5): hours × list price.
        alloc_p = by_provider(alloc, inverse)
        served = doc_sum(alloc_p)
        short = np.maximum(0.0, D - served)
        bill_p = by_provider(alloc * H * (factor_r * prices_r), inverse)
        compute_total += bill_p
        cost_q[q] = doc_sum(bill_p)
        short_q[q] = short
        demand_sum += D
        served_sum += served
        prev = alloc_p
    cost_usd = doc_sum(compute_total)
    short_hours = np.zeros(N)
    for q in range(T):
        short_hours = short_hours + short_q[q] * H
    served_fraction = np.where(demand_sum > 0, served_sum / np.where(demand_sum > 0, demand_sum, 1), 1.0)
    return {"cost_usd": cost_usd, "shortfall_h100e_hours": short_hours, "served_fraction": served_fraction,
            "compute_by_provider": compute_total, "cost_q": cost_q, "shortfall_q": short_q}


def summary(out):
    """What `pactscope simulate` reports for these outputs: mean and percentiles (type 7, NumPy's default)."""
    stat = lambda x: dict(zip(["mean", "p5", "p10", "p50", "p90", "p95"], [float(np.mean(x))] + [float(v) for v in np.percentile(x, PROBS)]))
    bands = lambda a: dict(zip(["p10", "p50", "p90"], (v.tolist() for v in np.percentile(a, [10, 50, 90], axis=1))))
    return {"totals": {k: stat(out[k]) for k in ("cost_usd", "shortfall_h100e_hours", "served_fraction")},
            "bands": {"cost_usd": bands(out["cost_q"]), "shortfall_h100e": bands(out["shortfall_q"])}}


def simulate(m, trials, seed):
    """Draws every uncertain input once per trial (MODEL §2), runs the model, summarises."""
    rng = np.random.default_rng(seed)
    z = rng.standard_normal((len(m.uncertain), trials))
    k = iter(range(len(m.uncertain)))
    pick = lambda q: m.draw(q, z[next(k)]) if q[0] != "point" else np.full(trials, q[1])
    price = [pick(q) for q in m.price]
    growth = pick(m.growth)
    return summary(model(m, price, growth))


def timed(m, trials, seed, repeat):
    """Median wall and CPU seconds of `repeat` runs (draws, model, percentiles; the interpreter and the
    import of NumPy are not counted, as the engine's process start is not)."""
    walls, cpus, result = [], [], None
    for r in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        result = simulate(m, trials, seed + r)
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return sorted(walls)[len(walls) // 2], sorted(cpus)[len(cpus) // 2], result


def check(m, path, pactscope, trials):
    """The median case against `pactscope run` (exact), the Monte Carlo against `pactscope simulate` (noise)."""
    ok = True
    run = json.loads(subprocess.run([pactscope, "run", path], check=True, capture_output=True, text=True).stdout)
    med = model(m, [np.array([m.median(q)]) for q in m.price], np.array([m.median(m.growth)]), exact_pow=True)
    pairs = [("totals.cost_usd", run["totals"]["cost_usd"], med["cost_usd"][0]),
             ("totals.compute_usd", run["totals"]["compute_usd"], med["cost_usd"][0]),
             ("totals.shortfall_h100e_hours", run["totals"]["shortfall_h100e_hours"], med["shortfall_h100e_hours"][0]),
             ("totals.served_fraction", run["totals"]["served_fraction"], med["served_fraction"][0])]
    ids = list(run["providers"].keys())
    for p, pid in enumerate(ids):
        pairs.append((f"{pid} compute_usd (sum)", sum(run["providers"][pid]["compute_usd"]), med["compute_by_provider"][p][0]))
    wl = next(iter(run["workloads"].values()))
    for q in range(m.T):
        pairs.append((f"shortfall_h100e[{q}]", wl["shortfall_h100e"][q], med["shortfall_q"][q][0]))
        pairs.append((f"cost[{q}]", sum(run["providers"][pid]["compute_usd"][q] for pid in ids), med["cost_q"][q][0]))
    bad = [(name, a, b) for name, a, b in pairs if a != b]
    for name, a, b in bad[:10]:
        print(f"  median case: {name}: pactscope run {a!r}, numpy {b!r}")
    ok = ok and not bad
    print(f"median case == pactscope run: {len(pairs) - len(bad)} of {len(pairs)} numbers identical to the bit")

    sim = json.loads(subprocess.run([pactscope, "simulate", path, "--trials", str(trials), "--seed", "7"], check=True,
                                    capture_output=True, text=True).stdout)
    rng = np.random.default_rng(7)
    z = rng.standard_normal((len(m.uncertain), trials))
    k = iter(range(len(m.uncertain)))
    pick = lambda q: m.draw(q, z[next(k)]) if q[0] != "point" else np.full(trials, q[1])
    out = model(m, [pick(q) for q in m.price], pick(m.growth))
    # Distribution-free check: the engine's P-th percentile must lie between NumPy's order statistics of rank
    # n·p ± 5·sqrt(2·n·p·(1−p)) (two independent samples; 5 standard errors); the mean within 5·sqrt(2)·sd/sqrt(n).
    n, worst = trials, 0.0
    for key in ("cost_usd", "shortfall_h100e_hours", "served_fraction"):
        x = np.sort(out[key])
        e = sim["totals"][key]
        for p in PROBS:
            half = 5 * math.sqrt(2 * n * p / 100 * (1 - p / 100))
            lo, hi = x[max(0, int(n * p / 100 - half))], x[min(n - 1, int(math.ceil(n * p / 100 + half)))]
            mine = float(np.percentile(out[key], p))
            inside = lo <= e[f"p{p}"] <= hi
            ok = ok and inside
            worst = max(worst, abs(e[f"p{p}"] - mine) / max(abs(mine), 1e-300))
            if not inside:
                print(f"  {key} p{p}: pactscope {e[f'p{p}']:.6g} outside numpy's [{lo:.6g}, {hi:.6g}]")
        tol = 5 * math.sqrt(2) * float(np.std(out[key])) / math.sqrt(n)
        if abs(e["mean"] - float(np.mean(out[key]))) > tol:
            print(f"  {key} mean: pactscope {e['mean']:.6g}, numpy {np.mean(out[key]):.6g} (tolerance {tol:.3g})")
            ok = False
    print(f"Monte Carlo ({trials} trials, different random numbers): percentiles and means within noise: "
          f"{'yes' if ok else 'NO'} (largest relative difference of a percentile {worst:.2%})")
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("scenario", nargs="?", default=os.path.join(HERE, "reduced-two-clouds.json"))
    ap.add_argument("--trials", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=7, help="timed runs; the median is reported")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON (for pactscope bench)")
    ap.add_argument("--check", metavar="PACTSCOPE", help="compare with this pactscope binary instead of timing")
    a = ap.parse_args()
    with open(a.scenario) as fh:
        m = Reduced(json.load(fh))
    if a.check:
        sys.exit(0 if check(m, a.scenario, a.check, a.trials) else 1)
    simulate(m, min(a.trials, 1000), a.seed)  # warm-up
    seconds, cpu, result = timed(m, a.trials, a.seed, a.repeat)
    fig = {"trials": a.trials, "seconds": seconds, "us_per_trial": seconds / a.trials * 1e6,
           "cpu_us_per_trial": cpu / a.trials * 1e6, "repeat": a.repeat, "numpy": np.__version__,
           "cost_usd": result["totals"]["cost_usd"]}
    if a.json:
        print(json.dumps(fig))
    else:
        c = fig["cost_usd"]
        print(f"numpy {np.__version__}: {a.trials} trials in {seconds * 1e3:.1f} ms (median of {a.repeat}): "
              f"{fig['us_per_trial']:.2f} µs per trial (CPU {fig['cpu_us_per_trial']:.2f}); "
              f"cost_usd P10 {c['p10']:.4g}, P50 {c['p50']:.4g}, P90 {c['p90']:.4g}")


if __name__ == "__main__":
    main()
