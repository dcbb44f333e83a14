"""The scalar Kalman filter/smoother (tracker/index/kalman.py) against statsmodels'."""

from __future__ import annotations

import numpy as np
import pytest
from statsmodels.tsa.statespace.kalman_smoother import KalmanSmoother

from tracker.index import kalman


def _inputs(seed: int, n: int = 300, phi: float = 1.0, prior_mean: float = 0.0):
    rng = np.random.default_rng(seed)
    observed = rng.random(n) < 0.3
    h = np.where(observed, rng.uniform(0.02, 0.6, n), np.nan)
    y = np.where(observed, rng.normal(0.0, 0.5, n), np.nan)
    u = np.where(rng.random(n) < 0.05, rng.normal(0.0, 0.3, n), 0.0)
    q = 4e-4 + np.where(u != 0, (0.25 * u) ** 2, 0.0)
    return kalman.Inputs(y, h, u, q, phi=phi, prior_mean=prior_mean, prior_var=0.8)


def _statsmodels(inputs: kalman.Inputs):
    """The same model in statsmodels: alpha_t = x_t, state_intercept_t = u_(t+1)."""
    n = len(inputs.y)
    ks = KalmanSmoother(k_endog=1, k_states=1, k_posdef=1)
    ks.bind(inputs.y[None, :].copy())
    ks["design"] = np.ones((1, 1, 1))
    ks["obs_cov"] = np.nan_to_num(inputs.h, nan=1.0).reshape(1, 1, n)
    ks["transition"] = np.full((1, 1, 1), inputs.phi)
    ks["selection"] = np.ones((1, 1, 1))
    ks["state_cov"] = np.append(inputs.q[1:], 0.0).reshape(1, 1, n)
    ks["state_intercept"] = np.append(inputs.u[1:], 0.0)[None, :]
    first_mean = inputs.phi * inputs.prior_mean + inputs.u[0]
    first_var = inputs.phi**2 * inputs.prior_var + inputs.q[0]
    ks.initialize_known(np.array([first_mean]), np.array([[first_var]]))
    return ks.smooth()


@pytest.mark.parametrize(("seed", "phi"), [(1, 1.0), (2, 0.995), (3, 1.0)])
def test_filter_and_smoother_match_statsmodels(seed, phi):
    inputs = _inputs(seed, phi=phi, prior_mean=0.3 if seed == 3 else 0.0)
    path = kalman.run(inputs)
    ref = _statsmodels(inputs)
    np.testing.assert_allclose(path.filtered_mean, ref.filtered_state[0], atol=1e-9)
    np.testing.assert_allclose(path.filtered_var, ref.filtered_state_cov[0, 0], atol=1e-9)
    np.testing.assert_allclose(path.smoothed_mean, ref.smoothed_state[0], atol=1e-9)
    np.testing.assert_allclose(path.smoothed_var, ref.smoothed_state_cov[0, 0], atol=1e-9)
    np.testing.assert_allclose(path.predicted_mean, ref.predicted_state[0, :-1], atol=1e-9)
    assert path.loglike == pytest.approx(ref.llf, abs=1e-9)


@pytest.mark.parametrize("smoothed", [True, False])
def test_weights_rebuild_every_estimate(smoothed):
    inputs = _inputs(4, phi=0.999, prior_mean=-0.2)
    path = kalman.run(inputs)
    y = np.nan_to_num(inputs.y)
    estimate = path.smoothed_mean if smoothed else path.filtered_mean
    for target in (0, 17, 150, len(y) - 1):
        w = kalman.weights(inputs, path, target, smoothed=smoothed)
        rebuilt = w.y_weight @ y + w.u_weight @ inputs.u + w.prior_weight * inputs.prior_mean
        assert rebuilt == pytest.approx(estimate[target], abs=1e-12)
        assert not np.any(w.y_weight[np.isnan(inputs.h)])  # nothing observed, no weight
        if not smoothed:  # no look-ahead
            assert not np.any(w.y_weight[target + 1 :]) and not np.any(w.u_weight[target + 1 :])


def test_weights_match_statsmodels():
    from statsmodels.tsa.statespace import tools
    from statsmodels.tsa.statespace.mlemodel import MLEModel

    inputs = _inputs(5, n=60)
    ref = _statsmodels(inputs)

    class Fixed(MLEModel):  # the same matrices in a model object, no free parameter
        start_params = np.array([])

        def update(self, params, **kwargs):
            return params

    model = Fixed(inputs.y, k_states=1, k_posdef=1)
    for name in ("design", "obs_cov", "transition", "selection", "state_cov", "state_intercept"):
        model.ssm[name] = ref.model[name]
    first_mean = inputs.phi * inputs.prior_mean + inputs.u[0]
    first_var = inputs.phi**2 * inputs.prior_var + inputs.q[0]
    model.ssm.initialize_known(np.array([first_mean]), np.array([[first_var]]))
    results = model.smooth(np.array([]))
    sm_weights, _, _ = tools.compute_smoothed_state_weights(results, compute_t=[30])
    mine = kalman.weights(inputs, kalman.run(inputs), 30)
    np.testing.assert_allclose(np.nan_to_num(sm_weights[0, :, 0, 0]), mine.y_weight, atol=1e-9)
    assert results.smoothed_state[0, 30] == pytest.approx(ref.smoothed_state[0, 30], abs=1e-12)


def test_means_split_linearly_into_observations_and_inputs():
    inputs = _inputs(6)
    path = kalman.run(inputs)
    y = np.nan_to_num(inputs.y)
    tone_f, tone_s = kalman.run_means(inputs, path, y, np.zeros_like(y))
    event_f, event_s = kalman.run_means(inputs, path, np.zeros_like(y), inputs.u)
    np.testing.assert_allclose(tone_f + event_f, path.filtered_mean, atol=1e-12)
    np.testing.assert_allclose(tone_s + event_s, path.smoothed_mean, atol=1e-12)


def test_lag_covariance_matches_a_brute_force_joint_smoother():
    inputs = _inputs(7, n=40)
    path = kalman.run(inputs)
    # brute force: the joint Gaussian of x_0..x_(n-1) given y, by dense linear algebra
    n = len(inputs.y)
    phi = inputs.phi
    # x = A (x_(-1), eta) + B u; covariance of x without data
    cov = np.zeros((n, n))
    var = inputs.prior_var
    for k in range(n):
        var = phi**2 * var + inputs.q[k]
        cov[k, k] = var
        for j in range(k + 1, n):
            cov[k, j] = cov[j, k] = phi ** (j - k) * var
    seen = ~np.isnan(inputs.h)
    s_oo = cov[np.ix_(seen, seen)] + np.diag(inputs.h[seen])
    s_xo = cov[:, seen]
    posterior = cov - s_xo @ np.linalg.solve(s_oo, s_xo.T)
    a, b = np.array([3, 10, 20]), np.array([5, 10, 39])
    np.testing.assert_allclose(kalman.lag_covariance(path, a, b), posterior[a, b], atol=1e-9)
    np.testing.assert_allclose(path.smoothed_var, np.diag(posterior), atol=1e-9)
