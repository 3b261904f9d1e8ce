"""Marking glossary terms in rendered chapters, and finding the sections that use them."""

from __future__ import annotations

import random
import re

import pytest

from reader.content.links import glossary_slug_from_url
from reader.content.marking import MarkPolicy, marked_chapter_html
from reader.content.pages import Pages
from reader.content.render import sanitize
from reader.content.term_finder import TermFinder, term_pattern, term_used_in
from reader.content.term_uses import (
    abbreviation_heading,
    term_sections,
    terms_in_sections,
    unused_terms,
)
from reader.handbook import Handbook, load_handbook, section_label
from reader.handbook.glossary import Glossary, Term
from tests.conftest import WriteHandbook

GLOSSARY = """
[[terms]]
term = "Gene"
aliases = ["genes"]
definition = "A small part of the DNA. It holds instructions."

[[terms]]
term = "Gene editing"
aliases = ["gene-editing"]
definition = "Fixing a gene where it is."

[[terms]]
term = "Episome"
aliases = ["episomal"]
definition = "A tiny circle of DNA. It stays apart."

[[terms]]
term = "Graft-versus-host disease"
aliases = ["GVHD", "graft versus host disease"]
definition = "A problem after a donor transplant. It can be serious."

[[terms]]
term = "Stem cell"
definition = "A cell that makes blood cells."

[[terms]]
term = "Stem cell transplant"
aliases = ["HSCT"]
definition = "New stem cells from a donor."

[[terms]]
term = "Adeno-associated virus"
aliases = ["AAV"]
definition = "A virus used as a vector."

[[terms]]
term = "Infusion"
aliases = ["IV"]
definition = "Giving a liquid into a vein."

[[terms]]
term = "Conditioning"
definition = "Medicines that make room in the bone marrow."
"""

TERM_LINK = re.compile(r'<a class="term" href="glossary:([a-z0-9-]+)" title="[^"]*">([^<]*)</a>')


def marked(write_handbook: WriteHandbook, body: str, glossary: str = GLOSSARY) -> str:
    """The HTML of a one-chapter handbook whose chapter is `body`, every use marked
    (so the matching rules show on repeated words, whatever the display policy)."""
    root = write_handbook({"chapters/a.md": body, "glossary.toml": glossary})
    handbook = load_handbook(root)
    assert not handbook.problems, handbook.problems
    chapter = handbook.chapter("a")
    assert chapter is not None
    return marked_chapter_html(handbook, chapter, MarkPolicy.EVERY)[0]


def marks(html: str) -> list[tuple[str, str]]:
    """(slug, word) for every marked term, in order."""
    return TERM_LINK.findall(html)


def one_chapter(write_handbook: WriteHandbook, body: str) -> Handbook:
    return load_handbook(write_handbook({"chapters/a.md": body, "glossary.toml": GLOSSARY}))


def test_plurals_aliases_and_hyphenated_names_are_marked(write_handbook: WriteHandbook) -> None:
    html = marked(
        write_handbook,
        "# A\n\nTwo episomes, GVHD, graft-versus-host disease and Graft versus host disease.",
    )
    assert marks(html) == [
        ("episome", "episomes"),
        ("graft-versus-host-disease", "GVHD"),
        ("graft-versus-host-disease", "graft-versus-host disease"),
        ("graft-versus-host-disease", "Graft versus host disease"),
    ]


def test_any_capitalisation_of_an_ordinary_word_is_marked(write_handbook: WriteHandbook) -> None:
    html = marked(write_handbook, "# A\n\nGene, gene, GENE and Genes.")
    assert [word for _, word in marks(html)] == ["Gene", "gene", "GENE", "Genes"]


def test_abbreviations_match_only_in_capitals(write_handbook: WriteHandbook) -> None:
    html = marked(write_handbook, "# A\n\nAn IV line, two AAVs, then gvhd, aav and iv.")
    assert marks(html) == [("infusion", "IV"), ("adeno-associated-virus", "AAVs")]


def test_longest_name_wins(write_handbook: WriteHandbook) -> None:
    html = marked(
        write_handbook, "# A\n\nA stem cell transplant uses stem cells. Gene editing fixes genes."
    )
    assert marks(html) == [
        ("stem-cell-transplant", "stem cell transplant"),
        ("stem-cell", "stem cells"),
        ("gene-editing", "Gene editing"),
        ("gene", "genes"),
    ]


def test_words_that_merely_contain_a_term_are_not_marked(write_handbook: WriteHandbook) -> None:
    body = "# A\n\nIn general, genetic engineering, a transgene, regenes, gene2 and AAVS1 sites."
    assert marks(marked(write_handbook, body)) == []


def test_a_name_split_over_two_lines_is_marked(write_handbook: WriteHandbook) -> None:
    html = marked(write_handbook, "# A\n\nThis is graft-versus-host\ndisease again.")
    assert marks(html) == [("graft-versus-host-disease", "graft-versus-host\ndisease")]


def test_headings_links_and_code_are_not_marked(write_handbook: WriteHandbook) -> None:
    body = (
        "# Gene basics\n\n"
        "## Episome facts\n\n"
        "See [the gene page](#episome-facts), `gene` and <code>episome</code>.\n\n"
        'A raw <a href="#episome-facts">gene link</a> stays.\n\n'
        "```\ngene episome\n```\n\n"
        "    indented gene code\n\n"
        "#### Gene notes\n\n"
        "Only this gene is marked."
    )
    html = marked(write_handbook, body)
    assert marks(html) == [("gene", "gene")]
    assert '<h1 id="top">Gene basics</h1>' in html
    assert '<a href="section:a/episome-facts">the gene page</a>' in html
    assert "<code>gene</code>" in html


def test_emphasis_and_lists_are_body_text(write_handbook: WriteHandbook) -> None:
    html = marked(write_handbook, "# A\n\n- **Conditioning** first\n- then the *infusion*")
    assert marks(html) == [("conditioning", "Conditioning"), ("infusion", "infusion")]
    assert '<strong><a class="term"' in html


def test_marked_link_carries_the_short_definition(write_handbook: WriteHandbook) -> None:
    html = marked(write_handbook, "# A\n\nAn episome.")
    assert (
        '<a class="term" href="glossary:episome" title="A tiny circle of DNA.">episome</a>'
    ) in html


def test_marker_runs_after_link_rewriting(write_handbook: WriteHandbook) -> None:
    """If the links pass ran later, it would turn glossary: links into broken links."""
    html = marked(write_handbook, "# A\n\nA gene and [a missing page](#nowhere).")
    assert marks(html) == [("gene", "gene")]
    assert '<a class="broken-link">a missing page</a>' in html


def test_marked_output_stays_sanitised(write_handbook: WriteHandbook) -> None:
    hostile = GLOSSARY + (
        '\n[[terms]]\nterm = "Vector"\n'
        'definition = "A carrier \\"><script>alert(1)</script>. More."\n'
    )
    body = "# A\n\nA vector.<script>alert(2)</script> <img src=x onerror=alert(3)>"
    html = marked(write_handbook, body, hostile)
    assert "<script" not in html and "onerror" not in html
    assert "&lt;script&gt;" in html  # the definition is text in an attribute, not markup
    assert sanitize(html) == html


def test_marking_is_deterministic(write_handbook: WriteHandbook) -> None:
    root = write_handbook(
        {"chapters/a.md": "# A\n\nGVHD, genes, AAV, stem cells.", "glossary.toml": GLOSSARY}
    )
    first = Pages(load_handbook(root)).chapter_html("a")
    second = Pages(load_handbook(root)).chapter_html("a")
    assert first == second


def test_first_in_section_policy_marks_each_term_once_per_section(
    write_handbook: WriteHandbook,
) -> None:
    handbook = one_chapter(
        write_handbook, "# A\n\nGene and gene.\n\n## Next\n\nGene, genes and episome."
    )
    chapter = handbook.chapter("a")
    assert chapter is not None
    every, _ = marked_chapter_html(handbook, chapter, MarkPolicy.EVERY)
    once, _ = marked_chapter_html(handbook, chapter, MarkPolicy.FIRST_IN_SECTION)
    assert len(marks(every)) == 5
    assert marks(once) == [("gene", "Gene"), ("gene", "Gene"), ("episome", "episome")]


def test_pages_marks_only_when_asked_and_never_the_glossary_chapter(
    write_handbook: WriteHandbook,
) -> None:
    handbook = one_chapter(write_handbook, "# A\n\nAn episome.")
    pages = Pages(handbook)
    assert marks(pages.chapter_html("a"))
    assert not marks(pages.chapter_html("a", mark_terms=False))
    assert "Episome" in pages.chapter_html("glossary")
    assert 'class="term"' not in pages.chapter_html("glossary")
    assert pages.chapter_html("a") is pages.chapter_html("a")
    with pytest.raises(KeyError):
        pages.chapter_html("no-such-chapter")


def test_handbook_without_glossary_renders_unmarked(write_handbook: WriteHandbook) -> None:
    handbook = load_handbook(write_handbook({"chapters/a.md": "# A\n\nAn episome."}))
    assert "<p>An episome.</p>" in Pages(handbook).chapter_html("a")
    assert term_sections(handbook) == {}


def test_term_sections_counts_body_text_per_section(write_handbook: WriteHandbook) -> None:
    body = (
        "# A\n\nThe GVHD intro.\n\n"
        "## Episomes\n\nNothing here but `episome` code and [an episome link](#a).\n\n"
        "### Later\n\nEpisomal DNA and graft versus host disease.\n\n"
        "#### Deep\n\nA gene."
    )
    uses = term_sections(one_chapter(write_handbook, body))
    assert uses["graft-versus-host-disease"] == ["a", "a/later"]
    assert uses["episome"] == ["a/later"]
    assert uses["gene"] == ["a/later"]  # a #### heading does not start a section
    assert uses["conditioning"] == []


def test_terms_in_sections_lists_terms_a_to_z(write_handbook: WriteHandbook) -> None:
    body = "# A\n\nGenes.\n\n## B\n\nAn IV and GVHD.\n\n## C\n\nAn episome."
    handbook = one_chapter(write_handbook, body)
    names = [t.term for t in terms_in_sections(handbook, ["a/b", "glossary/conditioning"])]
    assert names == ["Conditioning", "Graft-versus-host disease", "Infusion"]


def test_term_used_in_plain_text() -> None:
    gene = Term("Gene", "gene", "A definition.", ("genes",))
    assert term_used_in(gene, "Two Genes here")
    assert not term_used_in(gene, "in general, genetic")
    assert term_used_in(Term("T cell", "t-cell", "d"), "their T-cells")
    assert term_pattern(("GVHD",)).search("acute GVHD") is not None
    assert term_pattern(("GVHD",)).search("acute gvhd") is None


WORDS = ["gene", "Genes", "GVHD", "gvhd", "stem", "cell", "cells", "transplant", "AAV", "AAVs"]
WORDS += ["episome", "editing", "graft", "versus", "host", "disease", "IV", "general", "x"]


SEPARATORS = [" ", "-", "\n", ", ", "", "/"]


def random_texts(count: int) -> list[str]:
    """Fixed-seed texts made of term words and odd separators (same texts every run)."""
    chooser = random.Random(20240611)
    return [
        "".join(
            chooser.choice(WORDS) + chooser.choice(SEPARATORS)
            for _ in range(chooser.randint(0, 14))
        )
        for _ in range(count)
    ]


def test_word_index_finds_exactly_what_the_full_pattern_finds() -> None:
    """The fast word-by-word search must agree with the one big regex everywhere."""
    terms = (
        Term("Gene", "gene", "d", ("genes",)),
        Term("Gene editing", "gene-editing", "d"),
        Term("Graft-versus-host disease", "gvhd", "d", ("GVHD", "graft versus host disease")),
        Term("Stem cell", "stem-cell", "d"),
        Term("Stem cell transplant", "sct", "d"),
        Term("AAV", "aav", "d"),
        Term("Episome", "episome", "d"),
        Term("Infusion", "infusion", "d", ("IV",)),
    )
    finder = TermFinder.for_glossary(Glossary(terms))
    slow = TermFinder(finder.forms, finder.exact, finder.folded)

    def spans(found: TermFinder, text: str) -> list[tuple[int, int, str]]:
        return [(*m.span(), t.slug) for m, t in found.finditer(text)]

    assert finder.by_first_word is not None
    texts = random_texts(400)
    assert sum(len(spans(slow, text)) for text in texts) > 400  # the texts do hold terms
    for text in texts:
        assert spans(finder, text) == spans(slow, text), text


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("glossary:gvhd", "gvhd"),
        ("glossary:graft-versus-host-disease", "graft-versus-host-disease"),
        ("GLOSSARY:gvhd", "gvhd"),
        ("glossary:", None),
        ("glossary:../etc/passwd", None),
        ("glossary://host/gvhd", None),
        ("section:how-it-works", None),
        ("https://example.org/gvhd", None),
        ("gvhd", None),
    ],
)
def test_glossary_slug_from_url(url: str, slug: str | None) -> None:
    assert glossary_slug_from_url(url) == slug


def test_section_label_names_chapter_and_section(write_handbook: WriteHandbook) -> None:
    handbook = one_chapter(write_handbook, "# Chapter A\n\nIntro.\n\n## Part B\n\nText.")
    assert section_label(handbook, "a") == "Chapter A"
    assert section_label(handbook, "a/part-b") == "Chapter A › Part B"
    assert section_label(handbook, "a/missing") == "a/missing"


def test_abbreviation_heading() -> None:
    assert abbreviation_heading(Term("Graft-versus-host disease", "g", "d", ("GVHD",))) == (
        "GVHD — Graft-versus-host disease"
    )
    assert abbreviation_heading(Term("FDA", "fda", "d", ("Food and Drug Administration",))) == (
        "FDA — Food and Drug Administration"
    )
    assert abbreviation_heading(Term("Episome", "episome", "d", ("episomes",))) == "Episome"


# The bundled handbook (being written): only robust facts.


def test_real_handbook_sections_use_gvhd_episome_and_conditioning(handbook: Handbook) -> None:
    uses = term_sections(handbook)
    known = {s.id for s in handbook.sections()}
    for slug in ("graft-versus-host-disease", "episome", "conditioning"):
        assert uses[slug], f"no section uses {slug}"
        assert set(uses[slug]) <= known
        assert not any(sid.startswith("glossary") for sid in uses[slug])


def test_every_bundled_glossary_term_is_used_by_a_section(handbook: Handbook) -> None:
    unused = [term.term for term in unused_terms(handbook)]
    assert unused == [], f"glossary terms no chapter uses: {unused}"


def test_real_chapters_are_marked(handbook: Handbook) -> None:
    pages = Pages(handbook)
    html = pages.chapter_html("how-it-works")
    slugs = {slug for slug, _ in marks(html)}
    assert {"lentivirus-vector", "episome", "conditioning"} <= slugs
    assert sanitize(html) == html
