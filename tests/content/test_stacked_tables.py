"""Tables too wide for the column, as rows (reader/content/stacked_tables.py), on the
real handbook's pages."""

from __future__ import annotations

import re

from reader.content.pages import Pages
from reader.content.stacked_tables import read_table, stack_tables
from reader.handbook import Handbook


def _risks(handbook: Handbook) -> str:
    return Pages(handbook).chapter_html("risks")


def test_every_row_becomes_a_title_and_its_cells_named_by_their_headings(
    handbook: Handbook,
) -> None:
    page = _risks(handbook)
    bodies = re.findall(r"<tbody>(.*?)</tbody>", page, re.DOTALL)
    rows = len(bodies)
    body_rows = sum(body.count("<tr>") for body in bodies)
    stacked = stack_tables(page, lambda table: True)
    assert rows == 2 and "<table" not in stacked
    assert stacked.count('class="stacked-row"') == body_rows
    # A cell keeps its glossary word; its column's heading names it, in plain text.
    assert re.search(
        r'<li><b>Gene therapy:</b> Yes, usually <a class="term" href="glossary:busulfan"', stacked
    )
    assert "<b>When:</b> First weeks</li>" in stacked
    # The words outside the tables are untouched.
    assert page[: page.index("<table")] == stacked[: page.index("<table")]


def test_a_heading_with_a_glossary_word_names_each_row_without_its_link(
    handbook: Handbook,
) -> None:
    page = Pages(handbook).chapter_html("what-is-gene-therapy")
    stacked = stack_tables(page, lambda table: True)
    assert "<li><b>Transplant from a partial-match donor:</b> Another person" in stacked
    rows = stacked.count('class="stacked-row"')
    assert rows == 7 and "<b>Transplant from a <a" not in stacked


def test_tables_that_fit_are_left_as_they_are(handbook: Handbook) -> None:
    page = _risks(handbook)
    assert stack_tables(page, lambda table: False) == page
    only_second = stack_tables(page, lambda table: "Risk" in table.columns()[0][0])
    assert only_second.count("<table") == 1


def test_what_it_cannot_read_as_rows_stays_a_table() -> None:
    nested = "<table><tr><td>a<table><tr><td>b</td><td>c</td></tr></table></td></tr></table>"
    one_column = "<table><tr><th>Only</th></tr><tr><td>one</td></tr></table>"
    for page in (nested, one_column, "<table></table>"):
        assert stack_tables(page, lambda table: True) == page
    no_headings = read_table("<tr><td>a</td><td>b</td></tr>")
    assert no_headings is not None and no_headings.headings == ()
    assert "<li>b</li>" in stack_tables(
        "<table><tr><td>a</td><td>b</td></tr></table>", lambda table: True
    )
