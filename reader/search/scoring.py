"""Ranking that reads each section's field lengths from memory, not from the index file.

BM25F (Whoosh's default, kept) scores a matched section by its word count in the field:
Whoosh reads that count from the index file for every section it scores, about 6 µs a
read in Python. A common word matches a third of a large handbook (4,600 sections of
14,002 at 100 times the bundled one), so those reads were a third of the query's time.
Each segment's lengths are read once, into an array, when the searcher opens (on the
app's search worker) or when a search first needs them; the scores are exactly Whoosh's,
from the same stored (rounded) lengths.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable

from whoosh.reading import IndexReader
from whoosh.scoring import BM25F, BaseScorer, WeightLengthScorer
from whoosh.searching import Searcher

# Whoosh's own default when a section has no length for the field.
_NO_LENGTH = 1


class KnownLengthsBM25F(BM25F):  # type: ignore[misc]  # Whoosh has no type hints
    """BM25F with each segment's field lengths held in memory once read."""

    def __init__(self) -> None:
        super().__init__()
        # by the reader itself (readers compare by identity), which also keeps it alive
        self._lengths: dict[tuple[IndexReader, str], Callable[[int], int]] = {}

    def read_ahead(self, searcher: Searcher) -> None:
        """Read every scored field's lengths now, so no search pays for the reading."""
        readers = [reader for reader, _offset in searcher.reader().leaf_readers()]
        for name, field in searcher.schema.items():
            if field.scorable:
                for reader in readers:
                    self._lengths_of(reader, name)

    def scorer(self, searcher: Searcher, fieldname: str, text: str, qf: int = 1) -> BaseScorer:
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        if isinstance(scorer, WeightLengthScorer):
            scorer.dfl = self._lengths_of(searcher.reader(), fieldname)
        return scorer

    def _lengths_of(self, reader: IndexReader, fieldname: str) -> Callable[[int], int]:
        key = (reader, fieldname)
        lengths = self._lengths.get(key)
        if lengths is None:
            count = reader.doc_count_all()
            # Whoosh gives None for an empty field, which no term can match in.
            table = array(
                "I",
                (reader.doc_field_length(doc, fieldname, _NO_LENGTH) or 0 for doc in range(count)),
            )
            lengths = table.__getitem__
            self._lengths[key] = lengths
        return lengths
