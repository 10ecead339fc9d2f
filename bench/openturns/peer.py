#!/usr/bin/env python3
"""The peer specification of issue 15 in OpenTURNS 1.20: the same work as
`simulate mc` and `simulate sobol` on testdata/sensitivity/peer.toml, for the
whole-process comparison in docs/sensitivity.md ("Against OpenTURNS").

    python3 bench/openturns/peer.py mc    DRAWS  OUT.csv   # 20 metrics, mean and p5 p25 p50 p75 p95
    python3 bench/openturns/peer.py sobol N BOOT OUT.csv   # S1, ST of Σ II (Saltelli / Jansen), 95 % intervals

The model is the growth-accounting model of the simulator written for this
baseline (MODEL.md; docs/sensitivity.md derives the same closed form): with
x the growth shift (pp), σ_K the capital share (%), φ, π, s the θ scale and
w_TP, w_TE, w_AE the weights (SE, the residual, has θ = 0, λ = 0),

    ΔY_t = Y_{t-1}·(g_t + x/100),  Y_t = Y_{t-1} + ΔY_t,
    II_t = ΔY_t·[σ_K/100·φ·π + (1 − σ_L − σ_K/100)·s·θ_t·(w_TP + w_TE + w_AE)].

The baseline values are those of peer.toml. Sampling, evaluation and
percentiles are OpenTURNS' (the model is vectorised with numpy inside an
ot.PythonFunction, the fastest way to give OpenTURNS a Python model).
"""
import sys

import numpy as np
import openturns as ot

BASE_GDP = 900309.0
GROWTH = np.array([6.3, 6.1, 6.0, 5.7, 5.6, 5.5]) / 100
THETA = np.array([0.18364815766294543, 0.19897291150321147, 0.2157337468505151,
                  0.23045374590082196, 0.24311832549650447, 0.25582576402783813])
LABOR = 0.0365
YEARS = list(range(2019, 2025))
NAMES = ["gdp.growth_pct+", "capital.share_pct", "capital.ict_share", "capital.private_ii_share",
         "theta_scale", "tfp.weight.technical_progress", "tfp.weight.technical_efficiency",
         "tfp.weight.allocative_efficiency"]


def distribution():
    return ot.ComposedDistribution([
        ot.Uniform(-1, 1), ot.Uniform(28, 37), ot.Triangular(0.05, 0.10, 0.20), ot.Uniform(0.4, 0.8),
        ot.Uniform(0.8, 1.2), ot.Uniform(0.2, 0.3), ot.Uniform(0.2, 0.3), ot.Uniform(0.2, 0.3)])


def evaluate(x):
    """Per draw: II_t, s_t (%), g_t (%) for the six years, Σ II, period share (%)."""
    x = np.asarray(x)
    shift, sk, phi, pi, s = x[:, 0] / 100, x[:, 1] / 100, x[:, 2], x[:, 3], x[:, 4]
    w = x[:, 5] + x[:, 6] + x[:, 7]
    g = GROWTH[None, :] + shift[:, None]
    level = BASE_GDP * np.cumprod(1 + g, axis=1) / (1 + g)  # Y_{t-1}
    dy = level * g
    share = (sk * phi * pi)[:, None] + ((1 - LABOR - sk) * s * w)[:, None] * THETA[None, :]
    ii = dy * share
    total = ii.sum(axis=1)
    return np.column_stack([ii, 100 * share, 100 * g, total, 100 * total / dy.sum(axis=1)])


def mc(draws, out):
    ot.RandomGenerator.SetSeed(1)
    f = ot.PythonFunction(8, 20, func_sample=evaluate)
    y = f(distribution().getSample(draws))
    mean = y.computeMean()
    q = [y.computeQuantilePerComponent(p) for p in (0.05, 0.25, 0.5, 0.75, 0.95)]
    rows = [("ii_increment_yi", t) for t in YEARS] + [("ii_share_pct", t) for t in YEARS] + \
        [("growth_pct", t) for t in YEARS] + [("ii_total_yi", ""), ("period_ii_share_pct", "")]
    with open(out, "w") as fh:
        fh.write("metric,year,mean,p5,p25,p50,p75,p95\n")
        for j, (m, t) in enumerate(rows):
            fh.write(",".join([m, str(t)] + [repr(mean[j])] + [repr(qq[j]) for qq in q]) + "\n")


def sobol(n, boot, out):
    ot.RandomGenerator.SetSeed(1)
    dist = distribution()
    x = ot.SobolIndicesExperiment(dist, n, False).generate()  # N·(k+2) rows
    y = ot.PythonFunction(8, 1, func_sample=lambda s: evaluate(s)[:, 18:19])(x)
    algo = ot.SaltelliSensitivityAlgorithm(x, y, n)
    if boot > 0:
        algo.setBootstrapSize(boot)
    else:
        algo.setUseAsymptoticDistribution(True)
    s1, st = algo.getFirstOrderIndices(), algo.getTotalOrderIndices()
    i1, it = algo.getFirstOrderIndicesInterval(), algo.getTotalOrderIndicesInterval()
    with open(out, "w") as fh:
        fh.write("metric,param,s1,s1_lo,s1_hi,st,st_lo,st_hi\n")
        for i, name in enumerate(NAMES):
            fh.write(",".join(["ii_total_yi", name] + [repr(v) for v in (
                s1[i], i1.getLowerBound()[i], i1.getUpperBound()[i],
                st[i], it.getLowerBound()[i], it.getUpperBound()[i])]) + "\n")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "mc":
        mc(int(sys.argv[2]), sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "sobol":
        sobol(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit(__doc__)
