"""Checking a loss figure quoted in an article against the ledger as of its publication date.

Rules (also in ``docs/ledger.md``):

- **Date**: the claim is compared with every ledger figure dated in the window ``[as_of - lag_days, as_of]``
  where ``as_of`` is the claim's ``period_end`` or else the publication date. Articles quote the figure of
  the day or of the days before; a date inside the window without a figure is listed, never filled in.
  When no figure falls in the window the result is ``no_data`` (the nearest figures are named, not used).
- **Kind**: a claim is checked only against series of its own kind: soldiers against personnel series, an
  equipment category against that category or the headline total. People who are not soldiers
  (civilians, "people killed") and units naming no equipment category are ``not_checkable``; so are
  claims about a side other than RUS or UKR (:data:`NO_LEDGER`, "no ledger for this conflict").
- **Scope**: a generic unit ("vehicles, aircraft, and equipment", "equipment") is compared with the
  source's headline total (Oryx "All Types"; the item ledger's headline categories); a unit or a single
  category naming one category (``tanks``) with that category; several named categories with their sum.
- **Qualifier** -> the range the claim asserts: ``over``/``at least`` [v, inf); ``up to`` [0, v];
  ``about`` v +- 10 %; ``exact`` v +- tolerance; ``dozens`` [24, 99]; ``hundreds`` [100, 999];
  ``thousands`` [1000, 9999]. Every range is widened by ``tolerance`` (default 2 %) for rounding.
- **Verdict** per source: ``consistent`` when that range meets the range of the figures in the window,
  ``overstated`` when the claim is above all of them, ``understated`` when below. The difference is the
  claimed value minus the nearest figure.
- A **confirmed** figure (visually confirmed lists) and a **claimed** figure (Ukrainian MoD) are reported
  separately, each labelled; the overall verdict comes from the daily confirmed source with the most recent
  figure in the window (the headline as published that day), else from the item ledger (counted by recording
  date from a later scrape), and from claimed sources only when no confirmed source has data.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

import duckdb

from ..errors import InvalidValue
from ..model import LossClaim
from .taxonomy import AGGREGATES, ALL, CATEGORIES, category_of
from .totals import ITEMS, Figure, daily_figures, item_baseline, item_figure, sources

__all__ = ["NO_LEDGER", "CheckResult", "Comparison", "check_claim", "claim_range", "claim_scope", "summarize"]

_GENERIC = re.compile(r"equipment|hardware|materiel|vehicles,? (and )?aircraft|losses|weapons|units of")
_WORDS = re.compile(r"\b(destroyed|damaged|captured|abandoned|lost|losses|russian|ukrainian|enemy|military"
                    r"|units of|pieces of|of)\b")
_ITEM_CATEGORIES = frozenset(CATEGORIES) - frozenset(AGGREGATES) - {"personnel", "missiles", "special_equipment", "srbm"}
_RANGES: dict[str, tuple[float, float]] = {"dozens": (24, 99), "hundreds": (100, 999), "thousands": (1000, 9999)}
VERDICTS: tuple[str, ...] = ("consistent", "overstated", "understated", "no_data", "not_checkable")
#: Why a claim is not checked against the ledger at all (the verdict ``not_checkable``).
NO_LEDGER = "no ledger for this conflict"
_SOLDIERS = re.compile(r"troops|soldiers|personnel|servicem[ae]n|\bmen\b|fighters|marines|paratroopers")
_PEOPLE = re.compile(r"civilians?|people|persons?|children|residents|killed|dead|deaths|wounded|injured|"
                     r"casualties|refugees|lives|bodies|victims|crew|members|hostages|prisoners")


@dataclass(frozen=True)
class Comparison:
    """The claim against one ledger source."""

    source: str
    kind: str
    categories: tuple[str, ...]
    verdict: str
    figures: tuple[Figure, ...] = ()
    missing_dates: tuple[dt.date, ...] = ()
    nearest: Figure | None = None
    difference: int | None = None
    relative: float | None = None
    note: str = ""


@dataclass(frozen=True)
class CheckResult:
    """The verdict on one loss claim, with every source's comparison."""

    claim: LossClaim
    as_of: dt.date | None
    verdict: str
    comparisons: tuple[Comparison, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    reason: str = ""

    @property
    def basis(self) -> Comparison | None:
        """The comparison the overall verdict rests on, or None."""
        return next((c for c in self.comparisons if c.verdict == self.verdict and c.figures), None)

    @property
    def why_not(self) -> str:
        """Why a claim was not checked (``not_checkable``) or found no figure (``no_data``); else ``""``."""
        if self.verdict == "not_checkable":
            return self.reason
        if self.verdict == "no_data":
            return self.reason or "no figure of its series in the window"
        return ""


def claim_range(value: int, qualifier: str, tolerance: float = 0.02) -> tuple[float, float]:
    """The range of values a quoted figure asserts, widened by ``tolerance``."""
    q = qualifier.strip().lower()
    if q in _RANGES:
        low, high = _RANGES[q]
    elif q in ("over", "at least", "more than", "more", "above"):
        low, high = value, math.inf
    elif q in ("up to", "under", "less than", "at most", "nearly", "almost"):
        low, high = 0, value
    elif q in ("about", "around", "approximately", "some", "roughly"):
        low, high = value * 0.9, value * 1.1
    elif q == "exact" or not q:
        low, high = value, value
    else:
        raise InvalidValue("E001", "qualifier", qualifier, ("over", "at least", "about", "up to", "exact",
                                                            "dozens", "hundreds", "thousands"))
    return low * (1 - tolerance), high * (1 + tolerance)


def claim_scope(claim: LossClaim) -> tuple[tuple[str, ...], str]:
    """The categories a claim is about and how that was decided; ``()`` when the ledger has no series of
    its kind (people who are not soldiers, a unit that names no category)."""
    unit = claim.unit.lower()
    if _SOLDIERS.search(unit):
        return ("personnel",), "the unit counts soldiers: compared with personnel series only"
    if _PEOPLE.search(unit):
        return (), f"the unit {claim.unit!r} counts people, not soldiers or equipment: the ledger has no such series"
    named = category_of(_WORDS.sub(" ", unit)) if unit else None
    if named and named != ALL:
        return (named,), f"the unit {claim.unit!r} names one category"
    if _GENERIC.search(unit):
        return (ALL,), f"the unit {claim.unit!r} is generic: compared with the headline total"
    cats = tuple(dict.fromkeys(c for c in (category_of(x) for x in claim.categories) if c))
    if cats:
        return cats, "the sum of the categories the text lists"
    return (), f"the unit {claim.unit!r} names no equipment category: the ledger has no series of its kind"


def _resolve(scope: tuple[str, ...], available: set[str]) -> tuple[str, ...] | None:
    """``scope`` in the categories a source has (aggregates expanded or matched), or None."""
    if scope == (ALL,):
        return (ALL,) if ALL in available else None
    out: list[str] = []
    for category in scope:
        parts = AGGREGATES.get(category, frozenset())
        if category in available:
            out.append(category)
        elif parts and parts <= available:
            out.extend(sorted(parts))
        else:
            return None
    return tuple(out)


def _daily_categories(con: duckdb.DuckDBPyConnection, source: str, side: str) -> set[str]:
    rows = con.execute("SELECT DISTINCT category FROM ledger_daily WHERE source = ? AND side = ?",
                       [source, side]).fetchall()
    return {r[0] for r in rows}


def _figures(con: duckdb.DuckDBPyConnection, source: str, side: str, cats: tuple[str, ...],
             start: dt.date, end: dt.date) -> list[Figure]:
    if source != ITEMS:
        return daily_figures(con, source, side, cats, start, end)
    days = [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
    return [f for f in (item_figure(con, side, cats, d) for d in days) if f is not None]


def _nearest_outside(con: duckdb.DuckDBPyConnection, source: str, side: str, cats: tuple[str, ...],
                     start: dt.date, end: dt.date) -> str:
    if source == ITEMS:
        first = item_baseline(con, side)
        return f"the item ledger starts on {first} (its first recording date, not a date of loss)"
    before = daily_figures(con, source, side, cats, dt.date(2000, 1, 1), start - dt.timedelta(days=1))
    after = daily_figures(con, source, side, cats, end + dt.timedelta(days=1), dt.date(2100, 1, 1))
    parts = [f"last earlier figure {before[-1].value:,} on {before[-1].date}" if before else "no earlier figure",
             f"next figure {after[0].value:,} on {after[0].date}" if after else "no later figure"]
    return f"no figure between {start} and {end}; " + ", ".join(parts) + " (not used)"


def _verdict(claim: LossClaim, figures: list[Figure], tolerance: float) -> tuple[str, Figure, int]:
    low, high = claim_range(claim.value, claim.qualifier, tolerance)
    values = [f.value for f in figures]
    if low <= max(values) and high >= min(values):
        inside = [f for f in figures if low <= f.value <= high]
        best = inside[-1] if inside else figures[-1]
        return "consistent", best, claim.value - best.value
    if low > max(values):
        best = max(figures, key=lambda f: (f.value, f.date))
        return "overstated", best, claim.value - best.value
    best = min(figures, key=lambda f: (f.value, f.date))
    return "understated", best, claim.value - best.value


def _compare(con: duckdb.DuckDBPyConnection, claim: LossClaim, source: str, kind: str, scope: tuple[str, ...],
             window: tuple[dt.date, dt.date], tolerance: float) -> Comparison:
    available = ({ALL, *_ITEM_CATEGORIES} if source == ITEMS
                 else _daily_categories(con, source, claim.side))
    cats = _resolve(scope, available)
    if cats is None:
        what = "no headline total (only per-category counts)" if scope == (ALL,) else f"no {' + '.join(scope)} figures"
        return Comparison(source, kind, scope, "no_data", note=f"{source} has {what}")
    figures = _figures(con, source, claim.side, cats, *window)
    if not figures:
        return Comparison(source, kind, cats, "no_data", note=_nearest_outside(con, source, claim.side, cats, *window))
    verdict, best, diff = _verdict(claim, figures, tolerance)
    have = {f.date for f in figures}
    days = [window[0] + dt.timedelta(days=n) for n in range((window[1] - window[0]).days + 1)]
    return Comparison(source, kind, cats, verdict, tuple(figures), tuple(d for d in days if d not in have), best,
                      diff, round(diff / best.value, 4) if best.value else None)


def _order(source: str, kind: str) -> tuple[int, int, str]:
    return (0 if kind == "confirmed" else 1, 1 if source == ITEMS else 0, source)


def _overall(comparisons: list[Comparison]) -> str:
    """The verdict of the daily confirmed source with the most recent figure, else of the item ledger; of a
    claimed source only when no confirmed source has data."""
    for kind in ("confirmed", "claimed"):
        with_data = [c for c in comparisons if c.kind == kind and c.figures]
        if with_data:
            return min(with_data, key=lambda c: (c.source == ITEMS, -max(f.date for f in c.figures).toordinal())).verdict
    return "no_data"


def _as_of(claim: LossClaim, published: dt.date | None, notes: list[str]) -> dt.date | None:
    """The claim's ``period_end`` when it is a full ISO date, else the publication date (with a note)."""
    if claim.period_end:
        try:
            return dt.date.fromisoformat(claim.period_end[:10])
        except ValueError:
            notes.append(f"period_end {claim.period_end!r} is not a full date; the publication date is used")
    return published


def check_claim(claim: LossClaim, published: dt.date | None, ledger: duckdb.DuckDBPyConnection,
                lag_days: int = 3, tolerance: float = 0.02) -> CheckResult:
    """Compare one loss claim with every ledger source as of its date; see the module docstring for rules."""
    notes: list[str] = []
    as_of = _as_of(claim, published, notes)
    if claim.side not in ("RUS", "UKR"):
        why = f"not checked: {NO_LEDGER} (side {claim.side or 'unknown'!r}; the ledger covers RUS and UKR)"
        return CheckResult(claim, as_of, "not_checkable", (), (*notes, why), NO_LEDGER)
    if as_of is None:
        why = "no date (period_end or publication date)"
        return CheckResult(claim, as_of, "not_checkable", (), (*notes, f"not checked: {why}"), why)
    scope, how = claim_scope(claim)
    notes.append(how)
    if not scope:
        why = ("it counts people who are not soldiers" if _PEOPLE.search(claim.unit.lower())
               else "its unit names no equipment category")
        return CheckResult(claim, as_of, "not_checkable", (), tuple(notes), why)
    if claim.status != "asserted":
        notes.append(f"the text presents the figure as {claim.status}, not as a plain assertion")
    if re.search(r"\bdestroyed\b", claim.unit.lower()):
        notes.append("the text says 'destroyed'; the figures count every status (see the breakdown)")
    window = (as_of - dt.timedelta(days=lag_days), as_of)
    comps = [_compare(ledger, claim, s, k, scope, window, tolerance)
             for s, k in sorted(sources(ledger).items(), key=lambda sk: _order(*sk))]
    verdict = _overall(comps)
    reason = ""
    if verdict == "no_data":
        have_series = any(not c.note.startswith(c.source + " has no") for c in comps)
        reason = "no figure in the window" if have_series else f"no {'+'.join(scope)} series in the ledger"
    return CheckResult(claim, as_of, verdict, tuple(comps), tuple(notes), reason)


def summarize(results: list[CheckResult]) -> dict[str, int]:
    """How many claims came out consistent, overstated, understated, and, by reason, were not checkable
    (``"not checkable: no ledger for this conflict"``, ``"not checkable: no figure in the window"``, ...)."""
    counts: dict[str, int] = {v: 0 for v in ("consistent", "overstated", "understated")}
    for r in results:
        key = r.verdict if r.verdict in counts else f"not checkable: {r.why_not}"
        counts[key] = counts.get(key, 0) + 1
    return counts
