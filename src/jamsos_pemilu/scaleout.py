"""Skala besar (scale-out): the batch calculators as functions of one partition, for Dask and Spark.

A distributed engine splits a roster too large for one machine into
partitions and maps a function over them. Each function here takes one
partition — a pandas DataFrame or an Arrow record batch holding roster
columns (:mod:`jamsos_pemilu.rosters`) — and returns the same kind, so it plugs
straight into ``dask.dataframe.DataFrame.map_partitions`` or Spark's
``DataFrame.mapInPandas`` (see :func:`budget_frames`). Rows are checked as
:func:`~jamsos_pemilu.rosters.read_columns` checks them; a bad row raises
:class:`~jamsos_pemilu.exceptions.RosterError` (its line is the row's position
in the partition plus 2), which fails the task rather than dropping the row.

Partial budgets add up: sum the ``headcount``, ``jkk``, ``jkm`` and ``total``
columns by ``label`` (:func:`combine_budget_frames`, or the engine's own
group-by) to get the roster's budget, exact to the rupiah.

Needs the ``dataframe`` extra (NumPy, pandas, pyarrow); Dask is the ``dask`` extra.

>>> import pandas as pd
>>> roster = pd.DataFrame({
...     "nik": ["3602041211870001", "3602045211900002"], "name": ["Siti", "Ani"],
...     "role": ["KPPS", "KPPS"], "position": ["ketua", "anggota"], "election": ["pemilu_2024"] * 2,
...     "appointment_start": ["2024-01-25"] * 2, "appointment_end": ["2024-02-25"] * 2, "wage": [None, None]})
>>> budget_frame(roster, "2024-02")
  label  headcount   jkk   jkm  total
0  kpps          2  5520  6900  12420
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Final, Literal

from jamsos_pemilu.batch import ROLE_LABELS, ROLE_POSITION_LABELS, RosterBudget, monthly_contributions, roster_budget
from jamsos_pemilu.exceptions import CalculationError, InputError
from jamsos_pemilu.law.parameters import RuleBook
from jamsos_pemilu.periods import Month
from jamsos_pemilu.rosters import POSITION_CODES, ROLE_CODES, read_columns
from jamsos_pemilu.schemes import RiskClass

__all__ = [
    "BUDGET_COLUMNS",
    "CONTRIBUTION_COLUMNS",
    "budget_batch",
    "budget_frame",
    "budget_frame_meta",
    "budget_frames",
    "combine_budget_frames",
    "contributions_batch",
    "contributions_frame",
]

BUDGET_COLUMNS: Final = ("label", "headcount", "jkk", "jkm", "total")
"""Columns of a partial budget: group label, officers, and whole-rupiah ``int64`` amounts."""

CONTRIBUTION_COLUMNS: Final = ("line", "role", "position", "wage", "on_duty", "jkk", "jkm", "total")
"""Columns of per-officer contributions: the row's line, codes as text, wage basis, whether the
appointment touches the month, and the month's contributions (0 when not on duty)."""

_INT64_MAX: Final = 2**63 - 1


def _month(month: Month | str) -> Month:
    if isinstance(month, Month):
        return month
    if isinstance(month, str):
        return Month.parse(month)
    raise InputError(f"month must be a Month or 'YYYY-MM' text, not {type(month).__name__}")


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
    import pandas as pd

    return pd.DataFrame(
        {
            "label": pd.Series([], dtype=object),
            **{name: pd.Series([], dtype="int64") for name in BUDGET_COLUMNS[1:]},
        }
    )


def budget_frame(
    frame: Any,
    month: Month | str,
    *,
    by: Literal["role", "role_position"] = "role",
    risk_class: RiskClass = RiskClass.SANGAT_RENDAH,
    rules: RuleBook | None = None,
) -> Any:
    """One partition's monthly budget by role (or role and position), as a DataFrame.

    Args:
        frame: a pandas DataFrame with roster columns.
        month: the contribution month (a Month or ``"YYYY-MM"``).
        by: ``"role"`` or ``"role_position"``.
        risk_class: the risk class of everyone.
        rules: the rule book (default: the shipped one).

    Returns:
        A DataFrame with :data:`BUDGET_COLUMNS`, one row per group with officers on duty.

    Raises:
        RosterError: for the first bad row.

    >>> import pandas as pd
    >>> roster = pd.DataFrame({"nik": ["3602041211870001"], "name": ["Siti"], "role": ["KPPS"],
    ...     "position": ["ketua"], "election": ["pemilu_2024"], "appointment_start": ["2024-01-25"],
    ...     "appointment_end": ["2024-02-25"], "wage": [None]})
    >>> budget_frame(roster, "2024-02", by="role_position").values.tolist()
    [['kpps.ketua', 1, 2880, 3600, 6480]]
    """
    import pandas as pd

    budget = roster_budget(read_columns(frame, rules=rules), _month(month), by=by, risk_class=risk_class, rules=rules)
    return pd.DataFrame(_budget_columns(budget)).astype(
        {"label": object, **{name: "int64" for name in BUDGET_COLUMNS[1:]}}
    )


def budget_frames(
    frames: Iterable[Any],
    month: Month | str,
    *,
    by: Literal["role", "role_position"] = "role",
    risk_class: RiskClass = RiskClass.SANGAT_RENDAH,
    rules: RuleBook | None = None,
) -> Iterator[Any]:
    """:func:`budget_frame` over an iterator of DataFrames: the signature Spark's ``mapInPandas`` expects.

    Args:
        frames: DataFrames with roster columns (one Spark partition, in batches).
        month: the contribution month.
        by: ``"role"`` or ``"role_position"``.
        risk_class: the risk class of everyone.
        rules: the rule book (default: the shipped one).

    Yields:
        One partial budget per input frame.

    >>> import pandas as pd
    >>> list(budget_frames([], "2024-02"))
    []
    """
    chosen = _month(month)
    for frame in frames:
        yield budget_frame(frame, chosen, by=by, risk_class=risk_class, rules=rules)


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


def _contributions(chunks: Any, month: Month, risk_class: RiskClass, rules: RuleBook | None) -> dict[str, Any]:
    import numpy as np

    first = np.datetime64(month.first_day.isoformat(), "D")
    last = np.datetime64(month.last_day.isoformat(), "D")
    parts: dict[str, list[Any]] = {name: [] for name in CONTRIBUTION_COLUMNS}
    for chunk in chunks:
        on_duty = (chunk.appointment_start <= last) & (chunk.appointment_end >= first)
        amounts = monthly_contributions(chunk.wage, month, risk_class=risk_class, rules=rules)
        parts["line"].append(chunk.line)
        parts["role"].append(np.array([ROLE_CODES[code].value for code in chunk.role.tolist()], dtype=object))
        parts["position"].append(
            np.array([POSITION_CODES[code].value for code in chunk.position.tolist()], dtype=object)
        )
        parts["wage"].append(chunk.wage)
        parts["on_duty"].append(on_duty)
        for name in ("jkk", "jkm", "total"):
            parts[name].append(np.where(on_duty, getattr(amounts, name), 0).astype(np.int64))
    kinds = {"line": np.int64, "role": object, "position": object, "wage": np.int64, "on_duty": np.bool_}
    return {
        name: np.concatenate(values) if values else np.array([], dtype=kinds.get(name, np.int64))
        for name, values in parts.items()
    }


def contributions_frame(
    frame: Any,
    month: Month | str,
    *,
    risk_class: RiskClass = RiskClass.SANGAT_RENDAH,
    rules: RuleBook | None = None,
) -> Any:
    """Each officer's contribution for one month, for one partition, as a DataFrame.

    The result keeps the partition's index, so it can be joined back to it.

    Args:
        frame: a pandas DataFrame with roster columns.
        month: the contribution month.
        risk_class: the risk class of everyone.
        rules: the rule book (default: the shipped one).

    Returns:
        A DataFrame with :data:`CONTRIBUTION_COLUMNS`.

    Raises:
        RosterError: for the first bad row.

    >>> import pandas as pd
    >>> roster = pd.DataFrame({"nik": ["3602041211870001"], "name": ["Siti"], "role": ["PPK"],
    ...     "position": ["ketua"], "election": ["pemilu_2024"], "appointment_start": ["2023-01-01"],
    ...     "appointment_end": ["2024-03-31"], "wage": [2_500_000]})
    >>> contributions_frame(roster, "2024-02")[["role", "wage", "total"]].values.tolist()
    [['ppk', 2500000, 13500]]
    """
    import pandas as pd

    columns = _contributions(read_columns(frame, rules=rules), _month(month), risk_class, rules)
    return pd.DataFrame(columns, index=frame.index)


def budget_batch(
    batch: Any,
    month: Month | str,
    *,
    by: Literal["role", "role_position"] = "role",
    risk_class: RiskClass = RiskClass.SANGAT_RENDAH,
    rules: RuleBook | None = None,
) -> Any:
    """:func:`budget_frame` for an Arrow record batch: a record batch in, a record batch out.

    >>> import pyarrow as pa
    >>> batch = pa.RecordBatch.from_pydict({"nik": ["3602041211870001"], "name": ["Siti"], "role": ["KPPS"],
    ...     "position": ["anggota"], "election": ["pemilu_2024"], "appointment_start": ["2024-01-25"],
    ...     "appointment_end": ["2024-02-25"]})
    >>> budget_batch(batch, "2024-02").to_pydict()["total"]
    [5940]
    """
    import pyarrow as pa

    budget = roster_budget(read_columns(batch, rules=rules), _month(month), by=by, risk_class=risk_class, rules=rules)
    columns = _budget_columns(budget)
    schema = pa.schema([("label", pa.string()), *((name, pa.int64()) for name in BUDGET_COLUMNS[1:])])
    return pa.RecordBatch.from_pydict(columns, schema=schema)


def contributions_batch(
    batch: Any,
    month: Month | str,
    *,
    risk_class: RiskClass = RiskClass.SANGAT_RENDAH,
    rules: RuleBook | None = None,
) -> Any:
    """:func:`contributions_frame` for an Arrow record batch.

    >>> import pyarrow as pa
    >>> batch = pa.RecordBatch.from_pydict({"nik": ["3602041211870001"], "name": ["Siti"], "role": ["KPPS"],
    ...     "position": ["anggota"], "election": ["pemilu_2024"], "appointment_start": ["2024-01-25"],
    ...     "appointment_end": ["2024-02-25"]})
    >>> contributions_batch(batch, "2024-02").column("total").to_pylist()
    [5940]
    """
    import pyarrow as pa

    columns = _contributions(read_columns(batch, rules=rules), _month(month), risk_class, rules)
    return pa.RecordBatch.from_pydict({name: pa.array(values) for name, values in columns.items()})
