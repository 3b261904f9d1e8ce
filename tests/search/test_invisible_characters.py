"""A query with invisible characters inside a word (pasted from the glossary's narrow
pane, a web page or a PDF) finds what the word typed plainly finds: the real Spanish and
English handbooks, their real Whoosh indexes, and the folding every search path shares
(reader/folding.py)."""

from __future__ import annotations

import pytest

from reader.folding import accent_blind_pattern, folded, without_invisible
from reader.search.engine import SearchIndex

#: A soft hyphen (what the glossary's pane puts into a long word at large text sizes),
#: zero-width space, non-joiner, joiner, word joiner and byte-order mark.
INVISIBLE = ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")


def found(index: SearchIndex, query: str) -> list[str]:
    return [hit.id for hit in index.search(query).hits]


@pytest.mark.parametrize("mark", INVISIBLE, ids=lambda mark: f"U+{ord(mark):04X}")
def test_spanish_search_ignores_invisible_characters_inside_a_word(
    spanish_index: SearchIndex, mark: str
) -> None:
    """Before: the soft hyphen became a space, and "Inmu nodefi ciencia combi nada
    grave" found other sections first (or nothing)."""
    typed = found(spanish_index, "inmunodeficiencia combinada grave")
    assert typed
    pasted = f"Inmu{mark}nodefi{mark}ciencia combi{mark}nada grave"
    assert found(spanish_index, pasted) == typed
    assert spanish_index.search(pasted).suggestion is None


@pytest.mark.parametrize("mark", INVISIBLE, ids=lambda mark: f"U+{ord(mark):04X}")
def test_english_search_ignores_invisible_characters_inside_a_word(
    real_index: SearchIndex, mark: str
) -> None:
    typed = found(real_index, "immunodeficiency")
    assert typed
    assert found(real_index, f"immuno{mark}defi{mark}ciency") == typed
    assert found(real_index, f"{mark}leukemia{mark}") == found(real_index, "leukemia")


def test_folding_takes_invisible_characters_out_for_every_matching_path() -> None:
    pasted = "Inmu\u00adnodefi\u200bciencia\ufeff"
    assert without_invisible(pasted) == "Inmunodeficiencia"
    assert folded(pasted) == "inmunodeficiencia"
    assert "\u00ad" not in accent_blind_pattern(pasted)
    assert without_invisible("médula ósea") == "médula ósea"  # letters and accents stay
