"""Skala besar (scale-out): the batch calculators as functions of one partition, for Dask and Spark.

A distributed engine splits a roster into partitions and maps a function over
them. Each function here takes one partition — a pandas DataFrame or an Arrow
record batch holding roster columns (:mod:`jamsos_pemilu.rosters`) — and
returns the same kind, so it plugs straight into
``dask.dataframe.DataFrame.map_partitions``, Spark's ``DataFrame.mapInPandas``
(:func:`budget_frames`) or ``DataFrame.mapInArrow`` (:func:`budget_batches`).
Every function runs the single-machine path on its partition: the roster is
read by :func:`~jamsos_pemilu.rosters.read_columns` (the same checks, the same
Arrow-to-array conversion) and priced by
:func:`~jamsos_pemilu.batch.roster_budget` (the same month plan as the
one-officer calculator). A bad row raises
:class:`~jamsos_pemilu.exceptions.RosterError` (its line is the row's position
in the partition plus 2), which fails the task rather than dropping the row.

Partial budgets add up: sum the ``headcount``, ``jkk``, ``jkm`` and ``total``
columns by ``label`` (:func:`combine_budget_frames`, or the engine's own
group-by) to get the roster's budget, exact to the rupiah.

When it pays: scale-out only helps when each partition carries enough work to
hide the cost of shipping it to a worker and back; on one machine the single
process reading column by column is usually as fast, and ``benchmarks/scaleout.py``
measures both (the figures are on the scale page of the documentation).

Needs the ``dataframe`` extra (NumPy, pandas, pyarrow); Dask is the ``dask``
extra and Spark the ``spark`` extra.

>>> import pandas as pd
>>> from jamsos_pemilu import Month
>>> roster = pd.DataFrame({
...     "nik": ["3602041211870001", "3602045211900002"], "name": ["Siti", "Ani"],
...     "role": ["KPPS", "KPPS"], "position": ["ketua", "anggota"], "election": ["pemilu_2024"] * 2,
...     "appointment_start": ["2024-01-25"] * 2, "appointment_end": ["2024-02-25"] * 2, "wage": [None, None]})
>>> budget_frame(roster, month=Month(2024, 2))
  label  headcount   jkk   jkm  total
0  kpps          2  5520  6900  12420
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final, Literal

from jamsos_pemilu.agreements import Agreement
from jamsos_pemilu.batch import (
    ROLE_LABELS,
    ROLE_POSITION_LABELS,
    RosterBudget,
    monthly_premiums,
    roster_budget,
)
from jamsos_pemilu.eligibility import Incident
from jamsos_pemilu.exceptions import CalculationError, InputError
from jamsos_pemilu.law.parameters import RuleSnapshot, snapshot_for
from jamsos_pemilu.periods import Month
from jamsos_pemilu.roster_coverage import RosterCoverage, check_roster_coverage
from jamsos_pemilu.rosters import POSITION_CODES, ROLE_CODES, RosterChunk, read_columns
from jamsos_pemilu.schemes import RiskClass

__all__ = [
    "BUDGET_COLUMNS",
    "PREMIUM_COLUMNS",
    "budget_batch",
    "budget_batches",
    "budget_frame",
    "budget_frame_meta",
    "budget_frames",
    "budget_schema",
    "combine_budget_frames",
    "coverage_batches",
    "coverage_frame",
    "premiums_batch",
    "premiums_frame",
]

BUDGET_COLUMNS: Final = ("label", "headcount", "jkk", "jkm", "total")
"""Columns of a partial budget: group label, officers, and whole-rupiah ``int64`` amounts."""

PREMIUM_COLUMNS: Final = ("line", "role", "position", "wage", "on_duty", "jkk", "jkm", "total")
"""Columns of per-officer premiums: the row's line, codes as text, wage basis, whether the
appointment touches the month, and the month's premiums (0 when not on duty)."""

_INT64_MAX: Final = 2**63 - 1


def _month(month: object) -> Month:
    if not isinstance(month, Month):
        raise InputError(f"month: expected a Month, got {type(month).__name__} ({month!r})")
    return month


def _rules(rules: RuleSnapshot | None, month: Month) -> RuleSnapshot:
    return snapshot_for(rules, month.first_day, what=f"the premiums of {month}")


def _read(partition: Any, rules: RuleSnapshot) -> Iterator[RosterChunk]:
    """The partition's roster chunks; blank wages take the honorarium of each appointment's first day.

    That spans dates, so the reader takes the rule book behind the snapshot, with the snapshot's reforms.
    """
    book = rules.book
    for reform in rules.reforms:
        if reform not in book.reforms:
            book = book.with_reform(reform)
    return read_columns(partition, rule_book=book)


def _int64(value: int, what: str) -> int:
    if value > _INT64_MAX:
        raise CalculationError(f"{what} of {value} rupiah does not fit an int64 column")
    return value


def _budget_columns(budget: RosterBudget) -> dict[str, list[Any]]:
    rows = budget.rows
    return {
        "label": [row.label for row in rows],
        "headcount": [row.headcount for row in rows],
        "jkk": [_int64(row.jkk.amount, "a JKK sum") for row in rows],
        "jkm": [_int64(row.jkm.amount, "a JKM sum") for row in rows],
        "total": [_int64(row.total.amount, "a total") for row in rows],
    }


def budget_frame_meta() -> Any:
    """An empty DataFrame with the columns and dtypes of :func:`budget_frame` (Dask's ``meta``).

    >>> list(budget_frame_meta().dtypes.astype(str))
    ['object', 'int64', 'int64', 'int64', 'int64']
    """
    import pandas as pd  # an optional extra, imported when used

    return pd.DataFrame(
        {
            "label": pd.Series([], dtype=object),
            **{name: pd.Series([], dtype="int64") for name in BUDGET_COLUMNS[1:]},
        }
    )


def budget_schema() -> Any:
    """The Arrow schema of :func:`budget_batch` (for Spark's ``mapInArrow``, pass ``budget_schema()`` or its DDL).

    >>> budget_schema().names
    ['label', 'headcount', 'jkk', 'jkm', 'total']
    """
    import pyarrow as pa  # an optional extra, imported when used

    return pa.schema([("label", pa.string()), *((name, pa.int64()) for name in BUDGET_COLUMNS[1:])])


_By = Literal["role", "role_position"]


def _budget(
    partition: Any, month: Month, by: _By, risk_class: RiskClass, rules: RuleSnapshot | None
) -> RosterBudget:
    chosen = _month(month)
    snapshot = _rules(rules, chosen)
    chunks = _read(partition, snapshot)
    return roster_budget(chunks, month=chosen, by=by, risk_class=risk_class, rules=snapshot)


def budget_frame(
    frame: Any,
    *,
    month: Month,
    by: Literal["role", "role_position"] = "role",
    risk_class: RiskClass = RiskClass.SANGAT_RENDAH,
    rules: RuleSnapshot | None = None,
) -> Any:
    """One partition's monthly budget by role (or role and position), as a DataFrame.

    Args:
        frame: a pandas DataFrame with roster columns.
        month: the premium month.
        by: ``"role"`` or ``"role_position"``.
        risk_class: the risk class of everyone.
        rules: the rules in force on the month's first day (default: the shipped rule book).

    Returns:
        A DataFrame with :data:`BUDGET_COLUMNS`, one row per group with officers on duty.

    Raises:
        RosterError: for the first bad row.
        InputError: a bad month or a snapshot of another date.

    >>> import pandas as pd
    >>> from jamsos_pemilu import Month
    >>> roster = pd.DataFrame({"nik": ["3602041211870001"], "name": ["Siti"], "role": ["KPPS"],
    ...     "position": ["ketua"], "election": ["pemilu_2024"], "appointment_start": ["2024-01-25"],
    ...     "appointment_end": ["2024-02-25"], "wage": [None]})
    >>> budget_frame(roster, month=Month(2024, 2), by="role_position").values.tolist()
    [['kpps.ketua', 1, 2880, 3600, 6480]]
    """
    import pandas as pd  # an optional extra, imported when used

    budget = _budget(frame, month, by, risk_class, rules)
    return pd.DataFrame(_budget_columns(budget)).astype(
        {"label": object, **{name: "int64" for name in BUDGET_COLUMNS[1:]}}
    )


def budget_frames(
    frames: Iterable[Any],
    *,
    month: Month,
    by: Literal["role", "role_position"] = "role",
    risk_class: RiskClass = RiskClass.SANGAT_RENDAH,
    rules: RuleSnapshot | None = None,
) -> Iterator[Any]:
    """:func:`budget_frame` over an iterator of DataFrames: the signature Spark's ``mapInPandas`` expects.

    Args:
        frames: DataFrames with roster columns (one Spark partition, in batches).
        month: the premium month.
        by: ``"role"`` or ``"role_position"``.
        risk_class: the risk class of everyone.
        rules: the rules in force on the month's first day (default: the shipped rule book).

    Yields:
        One partial budget per input frame.

    >>> from jamsos_pemilu import Month
    >>> list(budget_frames([], month=Month(2024, 2)))
    []
    """
    chosen = _month(month)
    for frame in frames:
        yield budget_frame(frame, month=chosen, by=by, risk_class=risk_class, rules=rules)


def budget_batch(
    batch: Any,
    *,
    month: Month,
    by: Literal["role", "role_position"] = "role",
    risk_class: RiskClass = RiskClass.SANGAT_RENDAH,
    rules: RuleSnapshot | None = None,
) -> Any:
    """:func:`budget_frame` for an Arrow record batch: a record batch in, a record batch out (no pandas).

    >>> import pyarrow as pa
    >>> from jamsos_pemilu import Month
    >>> batch = pa.RecordBatch.from_pydict({"nik": ["3602041211870001"], "name": ["Siti"], "role": ["KPPS"],
    ...     "position": ["anggota"], "election": ["pemilu_2024"], "appointment_start": ["2024-01-25"],
    ...     "appointment_end": ["2024-02-25"]})
    >>> budget_batch(batch, month=Month(2024, 2)).to_pydict()["total"]
    [5940]
    """
    import pyarrow as pa  # an optional extra, imported when used

    budget = _budget(batch, month, by, risk_class, rules)
    return pa.RecordBatch.from_pydict(_budget_columns(budget), schema=budget_schema())


def budget_batches(
    batches: Iterable[Any],
    *,
    month: Month,
    by: Literal["role", "role_position"] = "role",
    risk_class: RiskClass = RiskClass.SANGAT_RENDAH,
    rules: RuleSnapshot | None = None,
) -> Iterator[Any]:
    """:func:`budget_batch` over an iterator of record batches: the signature Spark's ``mapInArrow`` expects.

    >>> from jamsos_pemilu import Month
    >>> list(budget_batches([], month=Month(2024, 2)))
    []
    """
    chosen = _month(month)
    for batch in batches:
        yield budget_batch(batch, month=chosen, by=by, risk_class=risk_class, rules=rules)


def combine_budget_frames(frame: Any) -> Any:
    """Add up partial budgets by label (exact ``int64`` sums), labels in code order.

    Args:
        frame: concatenated outputs of :func:`budget_frame`.

    Returns:
        One row per label with :data:`BUDGET_COLUMNS`.

    >>> import pandas as pd
    >>> parts = pd.DataFrame({"label": ["kpps", "ppk", "kpps"], "headcount": [1, 1, 2],
    ...                       "jkk": [1, 2, 3], "jkm": [1, 1, 1], "total": [2, 3, 4]})
    >>> combine_budget_frames(parts).values.tolist()
    [['ppk', 1, 2, 1, 3], ['kpps', 3, 4, 2, 6]]
    """
    order = {label: index for index, label in enumerate((*ROLE_LABELS, *ROLE_POSITION_LABELS))}
    summed = frame.groupby("label", sort=False)[list(BUDGET_COLUMNS[1:])].sum().reset_index()
    summed["_order"] = summed["label"].map(lambda label: order.get(label, len(order)))
    return summed.sort_values(["_order", "label"]).drop(columns="_order").reset_index(drop=True)


def _premiums(chunks: Iterable[RosterChunk], month: Month, risk_class: RiskClass, rules: RuleSnapshot) -> dict[str, Any]:
    import numpy as np  # an optional extra, imported when used

    first = np.datetime64(month.first_day.isoformat(), "D")
    last = np.datetime64(month.last_day.isoformat(), "D")
    roles = np.array([role.value for role in ROLE_CODES], dtype=object)
    positions = np.array([position.value for position in POSITION_CODES], dtype=object)
    parts: dict[str, list[Any]] = {name: [] for name in PREMIUM_COLUMNS}
    for chunk in chunks:
        on_duty = (chunk.appointment_start <= last) & (chunk.appointment_end >= first)
        amounts = monthly_premiums(chunk.wage, month=month, risk_class=risk_class, rules=rules)
        parts["line"].append(chunk.line)
        parts["role"].append(roles[chunk.role])
        parts["position"].append(positions[chunk.position])
        parts["wage"].append(chunk.wage)
        parts["on_duty"].append(on_duty)
        for name in ("jkk", "jkm", "total"):
            parts[name].append(np.where(on_duty, getattr(amounts, name), 0).astype(np.int64))
    kinds = {"line": np.int64, "role": object, "position": object, "wage": np.int64, "on_duty": np.bool_}
    return {
        name: np.concatenate(values) if values else np.array([], dtype=kinds.get(name, np.int64))
        for name, values in parts.items()
    }


def premiums_frame(
    frame: Any,
    *,
    month: Month,
    risk_class: RiskClass = RiskClass.SANGAT_RENDAH,
    rules: RuleSnapshot | None = None,
) -> Any:
    """Each officer's premium for one month, for one partition, as a DataFrame.

    The result keeps the partition's index, so it can be joined back to it.

    Args:
        frame: a pandas DataFrame with roster columns.
        month: the premium month.
        risk_class: the risk class of everyone.
        rules: the rules in force on the month's first day (default: the shipped rule book).

    Returns:
        A DataFrame with :data:`PREMIUM_COLUMNS`.

    Raises:
        RosterError: for the first bad row.

    >>> import pandas as pd
    >>> from jamsos_pemilu import Month
    >>> roster = pd.DataFrame({"nik": ["3602041211870001"], "name": ["Siti"], "role": ["PPK"],
    ...     "position": ["ketua"], "election": ["pemilu_2024"], "appointment_start": ["2023-01-01"],
    ...     "appointment_end": ["2024-03-31"], "wage": [2_500_000]})
    >>> premiums_frame(roster, month=Month(2024, 2))[["role", "wage", "total"]].values.tolist()
    [['ppk', 2500000, 13500]]
    """
    import pandas as pd  # an optional extra, imported when used

    chosen = _month(month)
    snapshot = _rules(rules, chosen)
    columns = _premiums(_read(frame, snapshot), chosen, risk_class, snapshot)
    return pd.DataFrame(columns, index=frame.index)


def premiums_batch(
    batch: Any,
    *,
    month: Month,
    risk_class: RiskClass = RiskClass.SANGAT_RENDAH,
    rules: RuleSnapshot | None = None,
) -> Any:
    """:func:`premiums_frame` for an Arrow record batch.

    >>> import pyarrow as pa
    >>> from jamsos_pemilu import Month
    >>> batch = pa.RecordBatch.from_pydict({"nik": ["3602041211870001"], "name": ["Siti"], "role": ["KPPS"],
    ...     "position": ["anggota"], "election": ["pemilu_2024"], "appointment_start": ["2024-01-25"],
    ...     "appointment_end": ["2024-02-25"]})
    >>> premiums_batch(batch, month=Month(2024, 2)).column("total").to_pylist()
    [5940]
    """
    import pyarrow as pa  # an optional extra, imported when used

    chosen = _month(month)
    snapshot = _rules(rules, chosen)
    columns = _premiums(_read(batch, snapshot), chosen, risk_class, snapshot)
    return pa.RecordBatch.from_pydict({name: pa.array(values) for name, values in columns.items()})


def _coverage(
    partition: Any,
    agreements: Agreement | Sequence[Agreement] | None,
    on: dt.date,
    incident: Incident | None,
    rules: RuleSnapshot | None,
) -> RosterCoverage:
    snapshot = snapshot_for(rules, on, what="coverage decisions over a roster partition")
    return check_roster_coverage(_read(partition, snapshot), agreements, on=on, incident=incident, rules=snapshot)


def coverage_frame(
    frame: Any,
    agreements: Agreement | Sequence[Agreement] | None,
    *,
    on: dt.date,
    incident: Incident | None = None,
    rules: RuleSnapshot | None = None,
) -> Any:
    """One partition's whole-roster coverage decisions, one row per officer (NIK masked), as a DataFrame.

    The columns are those of :meth:`~jamsos_pemilu.roster_coverage.RosterCoverage.columns`;
    the result keeps the partition's index. A bad row raises and fails the task.

    >>> import datetime as dt
    >>> import pandas as pd
    >>> roster = pd.DataFrame({"nik": ["3602041211870001"], "name": ["Siti"], "role": ["PTPS"],
    ...     "position": ["petugas"], "election": ["pemilu_2024"], "appointment_start": ["2024-01-22"],
    ...     "appointment_end": ["2024-02-21"]})
    >>> coverage_frame(roster, None, on=dt.date(2024, 2, 14))[["role", "jkk_status", "jkk_reason"]].values.tolist()
    [['ptps', 'not_covered', 'no_agreement']]
    """
    result = _coverage(frame, agreements, on, incident, rules)
    out = result.to_pandas()
    out.index = frame.index
    return out


def coverage_batches(
    batches: Iterable[Any],
    agreements: Agreement | Sequence[Agreement] | None,
    *,
    on: dt.date,
    incident: Incident | None = None,
    rules: RuleSnapshot | None = None,
) -> Iterator[Any]:
    """Whole-roster coverage decisions over an iterator of Arrow record batches (Spark's ``mapInArrow``).

    Yields, per input batch, record batches with one row per officer (statuses and reasons as text).
    """
    for batch in batches:
        table = _coverage(batch, agreements, on, incident, rules).to_arrow()
        yield from table.cast(_plain_schema(table.schema)).to_batches()


def _plain_schema(schema: Any) -> Any:
    """The schema with dictionary columns as plain strings (Spark's DDL has no dictionary type)."""
    import pyarrow as pa  # an optional extra, imported when used

    return pa.schema(
        [pa.field(f.name, f.type.value_type if pa.types.is_dictionary(f.type) else f.type) for f in schema]
    )
