"""audits.suppression: no figure from fewer than 5 returns can be read or worked out from the others.

The attack is exact: a reader who knows every shown figure's rounding, that "fewer than 5" means
0–4, that a withheld figure is at least 5, and that rows and columns add up, asks of each
suppressed figure whether any other value is possible. Tables of counts with margins are flows
(London's total → boroughs → answers → back), so "possible" is a feasible circulation, which
max-flow decides exactly.
"""

from collections import deque
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from audits.suppression import (
    SUPPRESSED_TEXT,
    UNBOUNDED,
    WITHHELD_TEXT,
    Figure,
    PublishedTable,
    protect,
    publish,
    published_median,
    share,
)


def test_counts_under_five_are_suppressed_zero_included():
    for count in range(5):
        figure = publish(count)
        assert figure.suppressed and str(figure) == SUPPRESSED_TEXT
        assert figure.as_json() == {"value": None, "suppressed": True, "reason": SUPPRESSED_TEXT}


def test_other_counts_are_rounded_to_the_nearest_five():
    assert [publish(n).value for n in (5, 6, 7, 8, 12, 13, 1234)] == [5, 5, 5, 10, 10, 15, 1235]
    assert publish(8).as_json() == {"value": 10, "suppressed": False}
    assert str(Figure(None, withheld=True)) == WITHHELD_TEXT


def test_shares_come_from_shown_figures_only():
    assert share(publish(8), publish(12)) == 100  # 10 of 10, never 8 of 12
    assert share(publish(3), publish(40)) is None
    assert share(Figure(5), Figure(None)) is None


def test_a_median_needs_five_numbers():
    assert published_median([Decimal(v) for v in (1, 2, 3, 4)]) is None
    assert published_median([Decimal(v) for v in (1, 2, 3, 4, 10)]) == 3.0


def test_the_attack_that_rounding_alone_loses_to_is_stopped():
    # Two boroughs with 4 "inadequate" each: London's 8 rounds to 10, so 8-12 from two figures of
    # at most 4 would pin both to 4. Something on that column must be withheld.
    table = protect([[0, 0, 4], [0, 0, 4]])
    assert _pinned(table) == []
    assert any(f.withheld for f in [*table.column_totals, table.total, *table.row_totals])


class _Flow:
    """Edmonds-Karp max-flow on a small graph (capacities as dicts)."""

    def __init__(self) -> None:
        self.capacity: dict[str, dict[str, int]] = {}

    def add(self, a: str, b: str, capacity: int) -> None:
        self.capacity.setdefault(a, {}).setdefault(b, 0)
        self.capacity.setdefault(b, {}).setdefault(a, 0)
        self.capacity[a][b] += capacity

    def max_flow(self, source: str, sink: str) -> int:
        flow = 0
        while True:
            parent = {source: None}
            queue = deque([source])
            while queue and sink not in parent:
                node = queue.popleft()
                for nxt, cap in self.capacity[node].items():
                    if cap > 0 and nxt not in parent:
                        parent[nxt] = node
                        queue.append(nxt)
            if sink not in parent:
                return flow
            path, node = [], sink
            while parent[node] is not None:
                path.append((parent[node], node))
                node = parent[node]
            pushed = min(self.capacity[a][b] for a, b in path)
            for a, b in path:
                self.capacity[a][b] -= pushed
                self.capacity[b][a] += pushed
            flow += pushed


def _feasible(edges: list[tuple[str, str, int, int]]) -> bool:
    """Is there a circulation with every edge's flow within [low, high]? (The lower-bounds reduction.)"""
    graph, excess = _Flow(), {}
    for a, b, low, high in edges:
        if low > high:
            return False
        graph.add(a, b, high - low)
        excess[b] = excess.get(b, 0) + low
        excess[a] = excess.get(a, 0) - low
    needed = 0
    for node, value in excess.items():
        if value > 0:
            graph.add("S*", node, value)
            needed += value
        elif value < 0:
            graph.add(node, "T*", -value)
    return needed == 0 or graph.max_flow("S*", "T*") == needed


def _edges(table: PublishedTable) -> dict[tuple, tuple[str, str, int, int]]:
    edges = {("total",): ("t", "s", *table.total.bounds())}
    for r, figure in enumerate(table.row_totals):
        edges[("row", r)] = ("s", f"r{r}", *figure.bounds())
    for c, figure in enumerate(table.column_totals):
        edges[("column", c)] = (f"c{c}", "t", *figure.bounds())
    for r, row in enumerate(table.cells):
        for c, figure in enumerate(row):
            edges[("cell", r, c)] = (f"r{r}", f"c{c}", *figure.bounds())
    return edges


def _pinned(table: PublishedTable) -> list[tuple]:
    """Suppressed figures ("fewer than 5") that a reader can work out exactly."""
    edges = _edges(table)
    figures = {("total",): table.total}
    figures |= {("row", r): f for r, f in enumerate(table.row_totals)}
    figures |= {("column", c): f for c, f in enumerate(table.column_totals)}
    figures |= {("cell", r, c): f for r, row in enumerate(table.cells) for c, f in enumerate(row)}
    pinned = []
    for key, figure in figures.items():
        if not figure.suppressed or figure.withheld:
            continue
        a, b, low, high = edges[key]
        others = [edge for other, edge in edges.items() if other != key]
        possible = [v for v in range(low, high + 1) if _feasible([*others, (a, b, v, v)])]  # 0-4
        if len(possible) < 2:
            pinned.append((key, possible))
    return pinned


tables = st.integers(min_value=1, max_value=5).flatmap(
    lambda columns: st.lists(
        st.lists(st.sampled_from([0, 0, 1, 2, 3, 4, 4, 5, 6, 7, 8, 9, 12, 15]), min_size=columns, max_size=columns),
        min_size=1,
        max_size=6,
    )
)


@settings(max_examples=300, deadline=None)
@given(tables)
def test_no_suppressed_figure_can_be_worked_out_from_the_others(counts):
    table = protect(counts)
    assert _pinned(table) == [], counts
    # What is shown is the true count, rounded: nothing is invented.
    for r, row in enumerate(table.cells):
        for c, figure in enumerate(row):
            low, high = figure.bounds()
            assert low <= counts[r][c] <= high or figure.withheld
    assert UNBOUNDED > 10**6
