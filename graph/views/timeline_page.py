"""The role timeline as one HTML file: rows of bars, evidence in a side panel on click.

The page loads nothing: no library, no font, no image. Labels come from text, so Jinja
escapes everything it writes, and the bars' evidence reaches the script through `tojson` and
goes into the panel with `textContent`.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from graph.views.pages import template
from graph.views.timeline import TimelineData, timeline_data

#: Pixels: one lane of bars, the row-label column, the undated column.
LANE_HEIGHT = 30
LABEL_WIDTH = 210
UNDATED_WIDTH = 230


def timeline_html(data: TimelineData, *, title: str = "Vem hade vilken post när") -> str:
    """One self-contained HTML page drawing `data`."""
    bars = [bar for row in data.rows for bar in row.bars]
    return template("timeline.html").render(
        title=title,
        data=data,
        bars=len(bars),
        undated=sum(not bar.dated for bar in bars),
        index={bar.role: i for i, bar in enumerate(bars)},
        bars_data=[
            {
                "role": bar.role,
                "holder": bar.holder,
                "organisation": bar.organisation,
                "title": bar.title,
                "current": bar.current,
                "when": bar.when,
                "evidence": [[q.sentence, q.marks, list(q.source)] for q in bar.evidence],
            }
            for bar in bars
        ],
        lane_height=LANE_HEIGHT,
        label_width=LABEL_WIDTH,
        undated_width=UNDATED_WIDTH,
    )


def write_timeline(
    g: Graph, path: Path, *, title: str = "Vem hade vilken post när", focus: str | None = None
) -> TimelineData:
    """Write the timeline of `g`'s roles to `path` (see `timeline_data`); return what it drew."""
    data = timeline_data(g, focus=focus)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(timeline_html(data, title=title), encoding="utf-8")
    return data
