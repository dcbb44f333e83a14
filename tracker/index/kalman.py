"""A scalar linear-Gaussian state-space model on a daily grid: Kalman filter, RTS smoother,
the smoother's linear weights and lag covariances. Pure numpy + Python floats.

Model, day k = 0..n-1 (docs/temperature.md, "The model")::

    x_k = phi * x_(k-1) + u_k + eta_k,   eta_k ~ N(0, q_k)      (u_k: known input, events)
    y_k = x_k + eps_k,                   eps_k ~ N(0, h_k)      (h_k = NaN: nothing observed)
    x_(-1) ~ N(prior_mean, prior_var)

It is the model statsmodels' ``KalmanSmoother`` runs (tests/test_kalman.py checks every
output against it to 1e-9, with ``alpha_t = x_t``, ``state_intercept_t = u_(t+1)``); this
loop is written out because one pair's eleven years of days take ~2 ms here and ~40 ms
through statsmodels' result objects, and because the explanation needs each observation's
weight in one smoothed value (:func:`weights`), computed by one backward pass.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Inputs:
    """The model's arrays, one entry per day (all the same length)."""

    y: np.ndarray  # observation (NaN where h is NaN)
    h: np.ndarray  # observation variance, NaN = no observation that day
    u: np.ndarray  # known input added to the state that day
    q: np.ndarray  # state noise variance of that day's step
    phi: float = 1.0
    prior_mean: float = 0.0
    prior_var: float = 1.0


@dataclass(frozen=True)
class Path:
    """Filter and smoother output, per day. ``gain`` is the Kalman gain (0 without an
    observation), ``back`` the smoother gain J_k = filtered_var_k * phi / predicted_var_(k+1)
    (0 on the last day)."""

    predicted_mean: np.ndarray
    predicted_var: np.ndarray
    filtered_mean: np.ndarray
    filtered_var: np.ndarray
    smoothed_mean: np.ndarray
    smoothed_var: np.ndarray
    gain: np.ndarray
    back: np.ndarray
    loglike: float  # log-likelihood of the observations (prediction-error decomposition)


def run(inputs: Inputs) -> Path:
    """Kalman filter forward, Rauch-Tung-Striebel smoother backward."""
    n = len(inputs.y)
    ys, hs, us, qs = (a.tolist() for a in (inputs.y, inputs.h, inputs.u, inputs.q))
    phi, phi2 = inputs.phi, inputs.phi * inputs.phi
    mp, pp, mf, pf, gain = ([0.0] * n for _ in range(5))
    m, p = inputs.prior_mean, inputs.prior_var
    for k in range(n):  # forward: one step per day (sequential by nature)
        m = phi * m + us[k]
        p = phi2 * p + qs[k]
        mp[k], pp[k] = m, p
        h = hs[k]
        if h == h:  # observed (not NaN)
            f = p + h
            g = p / f
            m += g * (ys[k] - m)
            p = p * h / f
            gain[k] = g
        mf[k], pf[k] = m, p
    ms, ps, back = [0.0] * n, [0.0] * n, [0.0] * n
    if n:
        ms[-1], ps[-1] = mf[-1], pf[-1]
    for k in range(n - 2, -1, -1):  # backward (RTS)
        j = pf[k] * phi / pp[k + 1]
        back[k] = j
        ms[k] = mf[k] + j * (ms[k + 1] - mp[k + 1])
        ps[k] = pf[k] + j * j * (ps[k + 1] - pp[k + 1])
    arrays = [np.asarray(a, dtype=float) for a in (mp, pp, mf, pf, ms, ps, gain, back)]
    return Path(*arrays, loglike=_loglike(inputs, arrays[0], arrays[1]))


def _loglike(inputs: Inputs, predicted_mean: np.ndarray, predicted_var: np.ndarray) -> float:
    """Log-likelihood of the observations: sum of log N(y_k; mp_k, pp_k + h_k)."""
    seen = ~np.isnan(inputs.h)
    f = predicted_var[seen] + inputs.h[seen]
    v = inputs.y[seen] - predicted_mean[seen]
    return float(-0.5 * np.sum(np.log(2.0 * math.pi * f) + v * v / f))


def run_means(inputs: Inputs, path: Path, y: np.ndarray, u: np.ndarray) -> tuple[np.ndarray, ...]:
    """Filtered and smoothed means for other observations/inputs with the same variances.

    The gains depend only on the variances, so the means are linear in (y, u, prior mean):
    with u = 0 this gives the tone's part of the level, with y = 0 the events' part.
    """
    n = len(y)
    ys, us, gains = y.tolist(), u.tolist(), path.gain.tolist()
    phi = inputs.phi
    mp, mf = [0.0] * n, [0.0] * n
    m = inputs.prior_mean
    for k in range(n):
        m = phi * m + us[k]
        mp[k] = m
        if gains[k]:
            m += gains[k] * (ys[k] - m)
        mf[k] = m
    ms, back = [0.0] * n, path.back.tolist()
    if n:
        ms[-1] = mf[-1]
    for k in range(n - 2, -1, -1):
        ms[k] = mf[k] + back[k] * (ms[k + 1] - mp[k + 1])
    return np.asarray(mf), np.asarray(ms)


@dataclass(frozen=True)
class Weights:
    """One estimate as a linear function of the evidence: ``value = sum(y_weight * y) +
    sum(u_weight * u) + prior_weight * prior_mean`` (NaN y count 0: their weight is 0)."""

    y_weight: np.ndarray
    u_weight: np.ndarray
    prior_weight: float


def weights(inputs: Inputs, path: Path, target: int, *, smoothed: bool = True) -> Weights:
    """Each day's observation and input weight in the smoothed (or filtered) mean of day
    ``target``: the adjoint of the filter + smoother, one backward pass.

    The smoothed mean is ``s_t = sum_(k>=t) G_k (m_k - J_k mp_(k+1))`` with ``G_k`` the
    product of the smoother gains from t to k-1; this pass carries d s_t / d m_k (lam) and
    d s_t / d mp_k (mu) back to each day's y_k (gain_k * lam_k) and u_k (mu_k).
    """
    n = len(inputs.y)
    gains, back = path.gain.tolist(), path.back.tolist()
    direct, through = [0.0] * n, [0.0] * n  # d s / d m_k, d s / d mp_k (direct terms)
    direct[target] = 1.0
    if smoothed:
        g = 1.0
        for k in range(target, n - 1):
            direct[k] = g
            through[k + 1] = -g * back[k]
            g *= back[k]
        direct[n - 1] = g
    phi = inputs.phi
    w_y, w_u = [0.0] * n, [0.0] * n
    mu = 0.0
    for k in range(n - 1, -1, -1):
        lam = direct[k] + phi * mu
        mu = through[k] + (1.0 - gains[k]) * lam
        w_y[k] = gains[k] * lam
        w_u[k] = mu
    return Weights(np.asarray(w_y), np.asarray(w_u), phi * mu if n else 1.0)


def lag_covariance(path: Path, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Smoothed Cov(x_a, x_b) for day pairs a <= b: (J_a ... J_(b-1)) * smoothed_var_b."""
    a, b = np.asarray(first, dtype=np.int64), np.asarray(second, dtype=np.int64)
    with np.errstate(divide="ignore"):
        log_back = np.concatenate([[0.0], np.cumsum(np.log(path.back))])
    product = np.exp(log_back[b] - log_back[a])  # sum of log J over a..b-1
    return np.where(b == a, path.smoothed_var[b], product * path.smoothed_var[b])
