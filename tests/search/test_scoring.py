"""Ranking with field lengths held in memory gives exactly Whoosh's own BM25F scores."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import fields, index
from whoosh.qparser import QueryParser
from whoosh.query import Query
from whoosh.searching import Searcher

from reader.handbook import Handbook
from reader.search.engine import SearchIndex
from reader.search.index import build_in_memory
from reader.search.scoring import KnownLengthsBM25F

QUERIES = [
    "gene therapy",
    "stem cells from my child",
    "gen",
    '"graft versus host"',
    "how long in hospital",
    "leukemai",
    "conditioning chemo",
    "is it safe",
]


def _scores(searcher: Searcher, query: Query) -> list[tuple[int, float]]:
    return [(hit.docnum, hit.score) for hit in searcher.search(query, limit=None, terms=False)]


@pytest.mark.parametrize("every_group", [True, False])
def test_every_section_scores_as_whoosh_scores_it(
    handbook: Handbook, real_index: SearchIndex, every_group: bool
) -> None:
    opened = build_in_memory(handbook)
    weighting = KnownLengthsBM25F()
    with opened.index.searcher() as whoosh_own, opened.index.searcher(weighting=weighting) as ours:
        weighting.read_ahead(ours)
        compared = 0
        for text in QUERIES:
            query = real_index.plan(text).whoosh_query(every_group=every_group)
            assert query is not None, text
            expected = _scores(whoosh_own, query)
            assert _scores(ours, query) == expected, text
            compared += len(expected)
    assert compared > 200  # hundreds of sections scored, not a handful


def test_an_index_of_several_segments_scores_each_from_its_own_lengths(tmp_path: Path) -> None:
    """Also: a section with an empty field (Whoosh has no length for it) is no problem."""
    schema = fields.Schema(id=fields.ID(stored=True), body=fields.TEXT)
    store = index.create_in(str(tmp_path), schema)
    words = ["marrow", "marrow stem cells", "stem cells from a donor and marrow again"]
    for part in range(3):
        writer = store.writer()
        for number, text in enumerate(words * (part + 1)):
            writer.add_document(id=f"{part}-{number}", body=f"{text} {' filler' * number}")
        writer.add_document(id=f"{part}-empty", body="")
        writer.commit(merge=False)
    weighting = KnownLengthsBM25F()
    with store.searcher() as whoosh_own, store.searcher(weighting=weighting) as ours:
        assert len(ours.reader().leaf_readers()) == 3
        query = QueryParser("body", schema).parse("marrow OR stem")
        expected = _scores(whoosh_own, query)
        assert len(expected) == 18
        assert _scores(ours, query) == expected
