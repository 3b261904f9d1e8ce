"""A query with invisible characters inside a word (pasted from the glossary's narrow
pane, a web page or a PDF) finds what the word typed plainly finds: the real Spanish and
English handbooks, their real Whoosh indexes, and the folding every search path shares
(reader/folding.py)."""

from __future__ import annotations

import re

import pytest

from reader.folding import accent_blind_pattern, folded, without_invisible
from reader.handbook import load_handbook
from reader.search.engine import SearchIndex
from tests.conftest import WriteHandbook

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
    pattern = re.compile(accent_blind_pattern(pasted), re.IGNORECASE)
    assert pattern.fullmatch("inmunodeficiencia")
    assert pattern.fullmatch("Inmu\u00adno\u200b\u200cdefi\u00adciencia")  # a page's own
    assert not pattern.search("inmuno deficiencia")
    assert without_invisible("médula ósea") == "médula ósea"  # letters and accents stay


#: A handbook whose author broke long words by hand: an HTML entity and the character.
HYPHENATED_BY_HAND = {
    "diseases.md": (
        "# Diseases\n\n## Rare ones\n\n"
        "Severe combined immuno&shy;deficiency is rare. Another immuno\u00addeficiency is "
        "milder.\n\n## Common ones\n\nColds and flu.\n"
    )
}


def test_a_handbooks_own_soft_hyphens_do_not_split_its_words_in_the_index(
    write_handbook: WriteHandbook,
) -> None:
    """Before: the index held "immuno" and "deficiency", and "immunodeficiency" found
    nothing."""
    handbook = load_handbook(write_handbook(HYPHENATED_BY_HAND))
    with SearchIndex.open_or_build(handbook, None) as index:
        hits = index.search("immunodeficiency").hits
    assert [hit.id for hit in hits] == ["diseases/rare-ones"]
    assert '<b class="match">immunodeficiency</b>' in hits[0].snippet
    assert "\u00ad" not in hits[0].snippet
