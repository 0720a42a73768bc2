#!/usr/bin/env python3
"""Writes reference.json: seeded datasets and the values scipy and statsmodels give for them.

The Rust tests (actors/src/experiment_manager/stats/tests.rs, tests/tests/stats.rs) check SHIM's statistics
against this file. Rerun it only on purpose, and commit its output:

    python3 tests/data/stats/make_fixtures.py > tests/data/stats/reference.json
"""

import json
import sys

import numpy as np
import scipy
import scipy.stats as st
import statsmodels
from scipy.optimize import brentq
from statsmodels.stats._delta_method import NonlinearDeltaCov
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_effectsize,
    proportions_ztest,
    test_proportions_2indep,
)

SEED = 20261202


def lift_delta(mean_c, var_mean_c, mean_t, var_mean_t):
    """Relative lift treatment/control - 1 and its 95% delta-method interval; statsmodels takes the gradient
    (complex step) itself."""
    delta = NonlinearDeltaCov(
        lambda p: np.atleast_1d(p[1] / p[0] - 1.0),
        np.array([mean_c, mean_t]),
        np.diag([var_mean_c, var_mean_t]),
    )
    low, high = delta.conf_int(alpha=0.05)[0]
    return float(delta.predicted()[0]), [float(low), float(high)]


def mean_case(name, control, treatment):
    control = np.round(np.asarray(control, dtype=float), 4)
    treatment = np.round(np.asarray(treatment, dtype=float), 4)
    res = st.ttest_ind(treatment, control, equal_var=False)
    ci = res.confidence_interval(0.95)
    case = {
        "name": name,
        "control": control.tolist(),
        "treatment": treatment.tolist(),
        "difference": float(treatment.mean() - control.mean()),
        "statistic": float(res.statistic),
        "df": float(res.df),
        "p_value": float(res.pvalue),
        "ci95": [float(ci.low), float(ci.high)],
    }
    if control.mean() != 0:
        lift, lift_ci = lift_delta(
            control.mean(),
            control.var(ddof=1) / len(control),
            treatment.mean(),
            treatment.var(ddof=1) / len(treatment),
        )
        case["relative_lift"] = lift
        case["relative_lift_ci95"] = lift_ci
    return case


def proportion_case(name, successes_c, n_c, successes_t, n_t):
    case = {
        "name": name,
        "control": {"successes": successes_c, "n": n_c},
        "treatment": {"successes": successes_t, "n": n_t},
    }
    stat, p = proportions_ztest([successes_t, successes_c], [n_t, n_c])
    low, high = confint_proportions_2indep(successes_t, n_t, successes_c, n_c, method="wald", compare="diff")
    p_c, p_t = successes_c / n_c, successes_t / n_t
    case.update(
        {
            "difference": p_t - p_c,
            "statistic": float(stat),
            "p_value": float(p),
            "ci95": [float(low), float(high)],
        }
    )
    if p_c > 0:
        lift, lift_ci = lift_delta(p_c, p_c * (1 - p_c) / n_c, p_t, p_t * (1 - p_t) / n_t)
        case["relative_lift"] = lift
        case["relative_lift_ci95"] = lift_ci
    return case


def sequential_boundaries(fractions, alpha):
    """Two-sided Lan-DeMets O'Brien-Fleming-type boundaries, each solved so that the probability of first
    crossing at that look under H0 is the alpha spent since the look before; the joint normal probabilities come
    from scipy's multivariate normal CDF (Genz)."""
    fractions = np.asarray(fractions, dtype=float)
    z_half = st.norm.isf(alpha / 2)
    spent = 2 * st.norm.sf(z_half / np.sqrt(fractions))
    cov = np.sqrt(np.minimum.outer(fractions, fractions) / np.maximum.outer(fractions, fractions))
    rng = np.random.default_rng(SEED)

    def inside(bounds):
        k = len(bounds)
        if k == 1:
            return 1 - 2 * st.norm.sf(bounds[0])
        b = np.asarray(bounds)
        return st.multivariate_normal.cdf(
            b, mean=np.zeros(k), cov=cov[:k, :k], lower_limit=-b, maxpts=500_000 * k, abseps=1e-7,
            releps=1e-7, rng=rng,
        )

    bounds = []
    stay = 1.0
    for k, total in enumerate(spent):
        target = total - (spent[k - 1] if k else 0.0)
        bound = brentq(lambda c: stay - inside(bounds + [c]) - target, 0.5, 12.0, xtol=1e-8)
        bounds.append(bound)
        stay = inside(bounds)
    return [float(b) for b in bounds], [float(s) for s in spent]


def main():
    rng = np.random.default_rng(SEED)
    means = [
        mean_case("balanced", rng.normal(10, 2, 200), rng.normal(10.5, 2, 200)),
        mean_case("unequal_sizes_and_variances", rng.normal(5, 1, 1000), rng.normal(5.3, 5, 37)),
        mean_case("tiny_n", rng.normal(1, 1, 2), rng.normal(2, 1, 3)),
        mean_case("control_constant", np.full(10, 5.0), rng.normal(5.5, 1, 12)),
        mean_case("skewed_latency", rng.lognormal(6, 0.8, 500), rng.lognormal(5.9, 0.8, 450)),
        mean_case("no_effect", rng.normal(100, 15, 300), rng.normal(100, 15, 300)),
        mean_case("large_effect", rng.normal(0, 1, 300), rng.normal(1, 1, 300)),
        mean_case("negative_mean", rng.normal(-3, 1, 60), rng.normal(-2.5, 2, 80)),
    ]
    proportions = [
        proportion_case("typical", 120, 1000, 150, 1000),
        proportion_case("seeded", int(rng.binomial(2400, 0.3)), 2400, int(rng.binomial(2600, 0.33)), 2600),
        proportion_case("near_zero", 1, 5000, 6, 5000),
        proportion_case("near_one", 4990, 5000, 4998, 5000),
        proportion_case("control_zero", 0, 400, 5, 400),
        proportion_case("treatment_all_ones", 95, 100, 100, 100),
        proportion_case("unequal_sizes", 30, 200, 400, 3000),
        proportion_case("tiny_n", 1, 3, 2, 4),
    ]
    srm = []
    for observed, split in [
        ([5000, 5000], [50, 50]),
        ([5100, 4900], [50, 50]),
        ([5200, 4800], [50, 50]),
        ([1000, 9000], [10, 90]),
        ([1100, 8900], [10, 90]),
        ([3, 9], [50, 50]),
        ([0, 40], [50, 50]),
        ([3300, 3350, 3450], [33, 33, 34]),
    ]:
        weights = np.asarray(split, dtype=float) / sum(split)
        res = st.chisquare(observed, f_exp=weights * sum(observed))
        srm.append(
            {"observed": observed, "split": split, "statistic": float(res.statistic), "p_value": float(res.pvalue)}
        )
    power = NormalIndPower()
    power_means = []
    for sd, mde, alpha, target in [(2.0, 0.5, 0.05, 0.8), (1.0, 0.1, 0.05, 0.8), (10.0, 1.0, 0.01, 0.9), (3.0, 2.0, 0.05, 0.8)]:
        effect = mde / sd
        n = power.solve_power(effect_size=effect, alpha=alpha, power=target, ratio=1.0, alternative="two-sided")
        at = int(np.ceil(n))
        power_means.append(
            {"sd": sd, "mde": mde, "alpha": alpha, "power": target, "n_per_variant": float(n),
             "power_at_100": float(power.power(effect, 100, alpha)), "power_at_n": float(power.power(effect, at, alpha)),
             "n_ceil": at}
        )
    power_proportions = []
    for baseline, rel_mde, alpha, target in [(0.1, 0.2, 0.05, 0.8), (0.5, 0.05, 0.05, 0.8), (0.02, 0.1, 0.05, 0.8), (0.9, 0.05, 0.01, 0.9)]:
        effect = proportion_effectsize(baseline * (1 + rel_mde), baseline)
        n = power.solve_power(effect_size=effect, alpha=alpha, power=target, ratio=1.0, alternative="two-sided")
        power_proportions.append(
            {"baseline": baseline, "relative_mde": rel_mde, "alpha": alpha, "power": target, "effect_size": float(effect),
             "n_per_variant": float(n), "power_at_1000": float(power.power(effect, 1000, alpha)), "n_ceil": int(np.ceil(n))}
        )
    multiple = []
    for pvalues in [
        [0.01, 0.01, 0.03, 0.04, 0.2],
        [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216],
        [0.5],
        [0.04, 0.04, 0.04],
        [0.0, 1.0, 0.3, 0.3],
        [0.2, 0.01, 0.049, 0.9, 0.03],
    ]:
        holm_reject, holm, _, _ = multipletests(pvalues, alpha=0.05, method="holm")
        bh_reject, bh, _, _ = multipletests(pvalues, alpha=0.05, method="fdr_bh")
        multiple.append(
            {"p_values": pvalues, "holm": holm.tolist(), "holm_reject": holm_reject.tolist(), "bh": bh.tolist(),
             "bh_reject": bh_reject.tolist()}
        )
    guardrails = []
    g_rng = np.random.default_rng(SEED + 1)
    for name, control, treatment, margin, higher_is_better in [
        ("quality_higher_better", g_rng.normal(0.8, 0.1, 400), g_rng.normal(0.79, 0.1, 400), 0.02, True),
        ("quality_clearly_worse", g_rng.normal(0.8, 0.1, 400), g_rng.normal(0.75, 0.1, 400), 0.02, True),
        ("latency_lower_better", g_rng.lognormal(6, 0.5, 300), g_rng.lognormal(6.02, 0.5, 250), 25.0, False),
        ("latency_zero_margin", g_rng.normal(500, 80, 50), g_rng.normal(540, 120, 40), 0.0, False),
    ]:
        control = np.round(control, 4)
        treatment = np.round(treatment, 4)
        if higher_is_better:
            non_inf = st.ttest_ind(treatment + margin, control, equal_var=False, alternative="greater")
            worse = st.ttest_ind(treatment + margin, control, equal_var=False, alternative="less")
        else:
            non_inf = st.ttest_ind(treatment - margin, control, equal_var=False, alternative="less")
            worse = st.ttest_ind(treatment - margin, control, equal_var=False, alternative="greater")
        guardrails.append(
            {"name": name, "kind": "mean", "control": control.tolist(), "treatment": treatment.tolist(), "margin": margin,
             "higher_is_better": higher_is_better, "p_non_inferior": float(non_inf.pvalue), "p_worse": float(worse.pvalue)}
        )
    for name, c, n_c, t, n_t, margin, higher_is_better in [
        ("resume_success_higher_better", 850, 1000, 840, 1000, 0.03, True),
        ("interruptions_lower_better", 60, 1000, 85, 1000, 0.01, False),
        ("override_rate_zero_margin", 40, 500, 30, 480, 0.0, False),
    ]:
        value = -margin if higher_is_better else margin
        results = {}
        for label, alternative in [("non_inferior", "larger" if higher_is_better else "smaller"),
                                   ("worse", "smaller" if higher_is_better else "larger")]:
            res = test_proportions_2indep(t, n_t, c, n_c, value=value, method="wald", compare="diff",
                                          alternative=alternative)
            results[label] = float(res.pvalue)
        guardrails.append(
            {"name": name, "kind": "proportion", "control": {"successes": c, "n": n_c},
             "treatment": {"successes": t, "n": n_t}, "margin": margin, "higher_is_better": higher_is_better,
             "p_non_inferior": results["non_inferior"], "p_worse": results["worse"]}
        )
    sequential = []
    for fractions, alpha in [([0.2, 0.4, 0.6, 0.8, 1.0], 0.05), ([0.5, 1.0], 0.05), ([0.25, 0.6, 1.0], 0.05),
                             ([0.3, 0.7, 1.0], 0.01), ([1.0], 0.05)]:
        bounds, spent = sequential_boundaries(fractions, alpha)
        sequential.append({"fractions": fractions, "alpha": alpha, "boundaries": bounds, "alpha_spent": spent})
    json.dump(
        {
            "generator": "tests/data/stats/make_fixtures.py",
            "seed": SEED,
            "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__,
                         "statsmodels": statsmodels.__version__},
            "means": means,
            "proportions": proportions,
            "srm": srm,
            "power_means": power_means,
            "power_proportions": power_proportions,
            "multiple_testing": multiple,
            "guardrails": guardrails,
            "sequential": sequential,
        },
        sys.stdout,
        indent=1,
        allow_nan=False,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
