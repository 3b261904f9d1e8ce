"""A long page cut into pieces for the reading view: cuts only before top-level headings,
and the pieces joined are the page."""

from __future__ import annotations

from reader.content.page_pieces import heading_cuts, split_page


def test_cuts_fall_only_before_top_level_headings() -> None:
    page = (
        '<h1 id="top">T</h1>\n<p>a</p>\n'
        '<div class="admonition"><h2>Inside a note</h2><ul><li><h3>x</h3></li></ul></div>\n'
        '<h2 id="b">B</h2>\n<table><tr><td><h4>cell</h4></td></tr></table>\n<h3 id="c">C</h3>'
    )
    cuts = heading_cuts(page)
    assert [page[cut : cut + 11] for cut in cuts] == ['<h2 id="b">', '<h3 id="c">']


def test_pieces_joined_are_the_page_and_each_starts_at_a_heading() -> None:
    sections = [f'<h2 id="s{n}">S{n}</h2>\n<p>{"word " * 200}</p>\n' for n in range(50)]
    page = '<h1 id="top">T</h1>\n' + "".join(sections)
    pieces = split_page(page, piece_chars=3000)
    assert "".join(pieces) == page
    assert len(pieces) > 10
    assert all(piece.startswith("<h2 ") for piece in pieces[1:])
    assert all(len(piece) >= 3000 for piece in pieces[:-1])


def test_a_short_page_or_one_without_headings_is_one_piece() -> None:
    assert split_page("<p>only text</p>" * 10_000) == ["<p>only text</p>" * 10_000]
    assert split_page('<h1>T</h1><h2 id="a">A</h2>') == ['<h1>T</h1><h2 id="a">A</h2>']
