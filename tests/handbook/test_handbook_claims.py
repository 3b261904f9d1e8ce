"""The handbook's medical claims stay corrected (issue #18, second edition; issue #31, third).

A clinic's reviewer found errors and out-of-date claims in the first edition: no approved
gene therapy for a PI, episomes as a lasting fix for stem cells, "no leukemia" from newer
vectors, conditioning as optional, an immune system in 2 to 3 months, a "None" risk table,
transplants for "any type of PI". These tests keep each of them from coming back in a
chapter, the glossary or a picture, and check that the corrected facts, the Key points
boxes, the sources and the review sheet are there.

Issue #31 (third edition) added: deaths as risks for each option, consent that cannot be
undone, the conditioning dose by product, one graft-failure number, the X-SCID (Paris and
London) and X-CGD history, the 2024 Strimvelis report, hereditary angioedema explained apart,
Lyfgenia's boxed warning, the 1990 patient dated, primary sources only, and "Is it a cure?"
answered in the first chapter.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from reader.handbook import Handbook
from reader.search.engine import SearchIndex

REVIEW_SHEET = Path("REVIEW.md")
SOURCE_CODE = re.compile(r"\bS(\d{1,2})\b")
YEAR_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

# Phrases of the first edition (and close variants) that were wrong or are now out of date.
FORBIDDEN = {
    "no approved gene therapy for PI": [
        "not yet approved by the fda for any",
        "has not approved gene therapy for any",
        "but not yet for any pi",
        "gene therapy for pi is only available",
        "only available by joining a clinical trial",
    ],
    "episomes as a lasting fix / adenovirus DNA as a circle": [
        "tiny circle of dna",
        "tiny circles of dna",
        "becomes a lasting part of that cell",
        "a viral vector delivers the parts of the editing tools",
    ],
    "reassuring safety wording": [
        "good news",
        "no cases of leukemia have been linked",
        "no leukemia has been",
        "built to avoid the risk",
        "designed to avoid the risk",
    ],
    "conditioning as optional": [
        "not every child needs conditioning",
        "may or may not need conditioning",
        "not everyone needs it",
        "if your child needs it",
        "(if needed)",
    ],
    "over-promised recovery": [
        "two to three months",
        "2 to 3 months",
        "new, healthy immune system",
    ],
    "transplant overclaim": [
        "any type of pi",
    ],
    "keyboard instructions in chapters": [
        "ctrl+",
        "press f9",
        "ctrl and press",
    ],
    "first-edition provenance claim": [
        "did not add any new medical claims",
    ],
    # Issue #31: second-edition statements that were wrong, unverified or one-sided.
    "unverified Strimvelis denominator": [
        "1 of 33",
        "33 patients had been treated",
    ],
    "graft failure as rare or as a range": [
        "it is rare, and",
        "rarely, the new cells do not grow",
        "1 in 20 to 1 in 4",
        "rarely, it blocks small blood vessels",
    ],
    "one conditioning dose for all": [
        "the dose is often lower than for a donor transplant",
    ],
    "consent as reversible without its other half": [
        "you can withdraw later.",
    ],
    "undated 1990 patient": [
        "more than 30 years later, she is still well",
        "still well more than 30 years later",
    ],
    "HAE as a blood stem-cell gene therapy success": [
        "hae type 1 has been treated with gene therapy",
    ],
    "founding year seen only on an aggregator": [
        "founded in 1992",
    ],
    "Skysona as the only lentiviral cancer warning": [
        "a lentiviral gene therapy for another disease, skysona, has also led",
        "a lentiviral therapy for another disease has led",
    ],
}


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).lower()


def _svg_texts(handbook_dir: Path) -> dict[str, str]:
    return {
        f"pictures/{p.name}": p.read_text(encoding="utf-8")
        for p in sorted((handbook_dir / "pictures").glob("*.svg"))
    }


def _all_texts(handbook_dir: Path, handbook: Handbook) -> dict[str, str]:
    texts = {f"chapters/{c.id}.md": c.markdown for c in handbook.reading_chapters}
    for term in handbook.glossary.terms:
        texts[f"glossary: {term.term}"] = " ".join((term.term, *term.aliases, term.definition))
    texts.update(_svg_texts(handbook_dir))
    return texts


def _chapter(handbook: Handbook, chapter_id: str) -> str:
    for chapter in handbook.reading_chapters:
        if chapter.id == chapter_id:
            return chapter.markdown
    raise AssertionError(f"no chapter {chapter_id}")


@pytest.mark.parametrize("topic", sorted(FORBIDDEN))
def test_corrected_claims_do_not_come_back(
    topic: str, handbook_dir: Path, handbook: Handbook
) -> None:
    found = [
        (where, phrase)
        for where, text in _all_texts(handbook_dir, handbook).items()
        for phrase in FORBIDDEN[topic]
        if phrase in _normal(text)
    ]
    assert found == []


def test_risk_tables_say_none_only_for_gvhd_or_a_transplant_vector(handbook: Handbook) -> None:
    """Gene therapy has no GVHD, and a donor transplant uses no vector: nothing else is "None"."""
    rows = [
        line
        for chapter in handbook.reading_chapters
        for line in chapter.markdown.splitlines()
        if line.startswith("|") and re.search(r"\|\s*none\s*\|", line, re.IGNORECASE)
    ]
    assert [row for row in rows if "GVHD" not in row and "from the vector" not in row] == []


def test_blame_and_fault_appear_only_to_say_nobody_is_to_blame(
    handbook_dir: Path, handbook: Handbook
) -> None:
    for where, text in _all_texts(handbook_dir, handbook).items():
        for match in re.finditer(r"\b(blame|fault)\b", text, re.IGNORECASE):
            before = text[max(0, match.start() - 40) : match.start()].lower()
            assert re.search(r"\b(no|nobody|no one|not|nobody's|no one's)\b", before), (
                where,
                text[max(0, match.start() - 60) : match.end() + 20],
            )


def test_a_clinical_trial_is_defined_once_in_the_chapters(handbook: Handbook) -> None:
    text = " ".join(_normal(c.markdown) for c in handbook.reading_chapters)
    definitions = re.findall(r"clinical trials?(?:,| is| are) (?:a )?research stud", text)
    assert len(definitions) == 1
    assert handbook.glossary.find("clinical trial") is not None


REQUIRED = {
    "what-is-gene-therapy": [
        "Waskyra",
        "9 December 2025",
        "Kresladi",
        "March 2026",
        "As of December 2026",
        "Strimvelis",
        "2016",
        "recommended Waskyra",
        "busulfan",
        "chronic GVHD",
    ],
    "how-it-works": [
        "Gammaretroviral vectors",
        "is not copied when the cell divides",
        "episome",
        "electric pulse",
        "Only some of the stem cells",
        "busulfan",
        "6 to 12 months",
        "central line",
        "vector copy number",
        "in vivo",
    ],
    "step-by-step": [
        "central line",
        "mobilisation",
        "apheresis",
        "marrow",
        "informed consent",
        "fertility preservation",
        "Infusion day",
        "isolation",
        "neutropenia",
        "Vaccines",
        "School",
    ],
    "risks": [
        "busulfan",
        "fertility",
        "neutropenia",
        "back-up cells",
        "graft failure",
        "4 of 9",
        "7 of 10",
        "0 of 62",
        "10 of 67",
        "boxed warning",
        "Skysona",
        "MDS",
        "3 of 62",
        "1 of 10",
        "5 of 20",
        "2 of 2",
        "Lyfgenia",
        "4.7 years",
        "2 of 9",
        "Death, ADA-SCID",
        "petechiae",
        "liver injury",
    ],
    "after-treatment": ["15 years", "vector copy number", "January 2020", "registry"],
    "other-options": [
        "matched sibling donor",
        "haploidentical",
        "Enzyme replacement",
        "Immunoglobulin replacement",
        "prevent infections",
        "Waiting",
        "newborn screening",
    ],
    "history": [
        "PEG-ADA",
        "kept taking it",
        "4 of 9",
        "7 of 10",
        "Great Ormond Street Hospital",
        "5 of 20",
        "switched off",
        "Both developed MDS",
        "4.7 years",
        "remission",
        "Lyfgenia",
        "made mostly in the liver",
        "our first source from 2019",
        "Skysona",
        "Waskyra",
        "Kresladi",
        "October 2025",
    ],
    "limits": ["Genetic counselling", "carrier", "Waskyra", "not zero"],
    "questions-to-ask": ["busulfan", "fertility", "back-up plan", "vaccines", "social worker"],
    "support": [
        "social worker",
        "Immune Deficiency Foundation",
        "IPOPI",
        "ClinicalTrials.gov",
    ],
    "sources": ["What we changed from the first source", "Skysona", "episome"],
}


@pytest.mark.parametrize("chapter_id", sorted(REQUIRED))
def test_required_facts_are_present(chapter_id: str, handbook: Handbook) -> None:
    text = _normal(_chapter(handbook, chapter_id))
    assert [fact for fact in REQUIRED[chapter_id] if _normal(fact) not in text] == []


def test_risks_are_given_as_numbers_with_a_denominator(handbook: Handbook) -> None:
    risks = _chapter(handbook, "risks")
    assert len(set(re.findall(r"\b\d+ (?:of|out of) \d+\b", risks))) >= 6


def test_every_chapter_opens_with_a_key_points_box(handbook: Handbook) -> None:
    for chapter in handbook.reading_chapters:
        lines = [line for line in chapter.markdown.splitlines() if line.strip()]
        assert lines[0].startswith("# "), chapter.id
        assert lines[1].strip() == '!!! note "Key points"', chapter.id
        bullets = [line for line in lines[2:7] if line.startswith("    - ")]
        assert len(bullets) >= 3, chapter.id


def test_glossary_has_the_terms_families_meet(handbook: Handbook) -> None:
    assert len(handbook.glossary.terms) >= 70
    for name in (
        "GVHD",
        "episome",
        "conditioning",
        "lentivirus",
        "leukemia",
        "autologous",
        "allogeneic",
        "HLA typing",
        "matched sibling donor",
        "haploidentical",
        "busulfan",
        "mobilisation",
        "mobilization",
        "apheresis",
        "central line",
        "engraftment",
        "graft failure",
        "back-up cells",
        "vector copy number",
        "long-term follow-up",
        "MDS",
        "enzyme replacement",
        "immunoglobulin replacement",
        "neutropenia",
        "isolation",
        "fertility preservation",
        "genetic counselling",
        "carrier",
        "informed consent",
        "in vivo",
        "newborn screening",
        "Waskyra",
        "Kresladi",
        "Skysona",
        "gammaretroviral vector",
    ):
        assert handbook.glossary.find(name) is not None, name


def test_glossary_fixes_stay_fixed(handbook: Handbook) -> None:
    hemophilia = handbook.glossary.find("hemophilia B")
    assert hemophilia is not None
    assert "hemophilia" not in [a.lower() for a in hemophilia.aliases]
    infusion = handbook.glossary.find("infusion")
    assert infusion is not None
    assert not re.search(r"\bIV\b", infusion.definition)
    gvhd = handbook.glossary.find("GVHD")
    assert gvhd is not None
    for word in ("acute", "chronic", "skin", "gut", "liver"):
        assert word in gvhd.definition.lower(), word
    episome = handbook.glossary.find("episome")
    assert episome is not None and "not copied" in episome.definition
    conditioning = handbook.glossary.find("conditioning")
    assert conditioning is not None and "busulfan" in conditioning.definition
    transplant = handbook.glossary.find("HSCT")
    assert transplant is not None
    assert not re.search(r"\bany (type|kind)\b", transplant.definition)


def test_pictures_teach_the_corrected_science(handbook_dir: Path) -> None:
    svgs = {name: _normal(text) for name, text in _svg_texts(handbook_dir).items()}
    joins = svgs["pictures/gene-joins-or-stays.svg"]
    assert "both new cells keep it" in joins and "lost as cells divide" in joins
    steps = svgs["pictures/ex-vivo-steps.svg"]
    assert "busulfan" in steps and "many months" in steps and "15 years" in steps
    paths = svgs["pictures/donor-or-own-cells.svg"]
    assert "cancer risk" in paths and "may not work well enough" in paths


def test_manifest_has_the_third_edition_and_review_dates(handbook_dir: Path) -> None:
    manifest = tomllib.loads((handbook_dir / "handbook.toml").read_text(encoding="utf-8"))
    assert manifest["edition"] == "Third edition"
    assert YEAR_MONTH.match(manifest["date"])
    assert YEAR_MONTH.match(manifest["reviewed"])
    assert YEAR_MONTH.match(manifest["review_by"])
    assert manifest["reviewed"] < manifest["review_by"]


def _source_codes(text: str) -> set[str]:
    return {f"S{n}" for n in SOURCE_CODE.findall(text)}


def test_every_source_in_the_review_sheet_is_listed_in_the_sources_chapter(
    handbook_dir: Path, handbook: Handbook
) -> None:
    review = (handbook_dir / REVIEW_SHEET).read_text(encoding="utf-8")
    listed = set(re.findall(r"^\*\*(S\d+)\.\*\*", _chapter(handbook, "sources"), re.M))
    used = _source_codes(review)
    assert used and used <= listed
    cited_in_sources = _source_codes(_chapter(handbook, "sources"))
    assert cited_in_sources <= listed


def test_every_place_in_the_review_sheet_exists(handbook_dir: Path, handbook: Handbook) -> None:
    review = (handbook_dir / REVIEW_SHEET).read_text(encoding="utf-8")
    ids = {section.id for section in handbook.sections()}
    glossary_ids = {f"glossary/{term.slug}" for term in handbook.glossary.terms}
    places = set(re.findall(r"\b[a-z0-9-]+/[a-z0-9-]+\b", review.split("## Time-sensitive")[1]))
    places = {p for p in places if not p.startswith("S")}
    assert places
    assert sorted(places - ids - glossary_ids) == []


def test_every_dated_chapter_fact_is_in_the_review_sheet(
    handbook_dir: Path, handbook: Handbook
) -> None:
    review = _normal((handbook_dir / REVIEW_SHEET).read_text(encoding="utf-8"))
    for name in ("waskyra", "kresladi", "strimvelis", "skysona", "15 years", "newborn"):
        assert name in review, name


# --- Issue #31: the third edition's corrections stay in place. ---

# Hosts of reprints, news sites, newswires and aggregators the second edition cited.
NOT_PRIMARY = (
    "bstquarterly",
    "contemporary pediatrics",
    "erdera",
    "emme45",
    "m2pharma",
    "m2 pharma",
    "epocrates",
    "patient-info",
    "raps.org",
    "genengnews",
    "checkorphan",
    "infectiousdiseaseadvisor",
    "reprinted",
)


def _start_chapter(handbook_dir: Path, handbook: Handbook) -> str:
    manifest = tomllib.loads((handbook_dir / "handbook.toml").read_text(encoding="utf-8"))
    return _chapter(handbook, manifest.get("start") or handbook.reading_chapters[0].id)


def test_the_first_chapter_answers_is_it_a_cure(handbook_dir: Path, handbook: Handbook) -> None:
    text = _normal(_start_chapter(handbook_dir, handbook))
    assert "is it a cure?" in text
    for fact in ("3 of 62", "cannot be undone", "2 of 9", "15 years"):
        assert fact in text, fact


def test_the_risk_table_has_a_row_for_dying_for_each_option(handbook: Handbook) -> None:
    rows = [line for line in _chapter(handbook, "risks").splitlines() if line.startswith("| Death")]
    assert len(rows) >= 3
    ada = next(row for row in rows if "ADA-SCID" in row)
    gene_therapy, transplant = [cell.strip() for cell in ada.strip("|").split("|")][2:4]
    assert "0 of 33" in gene_therapy and "0 of 62" in gene_therapy
    assert re.search(r"\d+ in 100 died", transplant) and "(56 children)" in transplant
    assert any("2 of 9" in row and "X-linked CGD" in row for row in rows)
    assert any("1 of 2" in row and "sepsis" in row for row in rows)


def test_one_graft_failure_number_everywhere(handbook: Handbook) -> None:
    for chapter_id in ("about-this-handbook", "what-is-gene-therapy", "risks"):
        assert "3 of 62" in _chapter(handbook, chapter_id), chapter_id
    graft_failure = handbook.glossary.find("graft failure")
    assert graft_failure is not None and "3 of 62" in graft_failure.definition
    glance = _chapter(handbook, "risks").split("## All the risks at a glance")[1]
    row = next(line for line in glance.splitlines() if line.startswith("| Not working"))
    assert "3 of 62" in row and " in 4" not in row


def test_consent_says_the_treatment_cannot_be_undone(handbook: Handbook) -> None:
    for chapter_id in ("step-by-step", "questions-to-ask"):
        assert "cannot be undone" in _chapter(handbook, chapter_id), chapter_id
    consent = handbook.glossary.find("informed consent")
    assert consent is not None and "cannot be undone" in consent.definition


def test_the_conditioning_dose_is_given_by_product(handbook: Handbook) -> None:
    text = _normal(_chapter(handbook, "how-it-works"))
    section = text.split("### conditioning")[1].split("### the infusion")[0]
    for fact in (
        "a lower dose",
        "ada-scid",
        "x-linked scid",
        "a full dose",
        "kresladi",
        "myeloablative",
        "x-linked cgd",
        "fertility",
    ):
        assert fact in section, fact
    conditioning = handbook.glossary.find("conditioning")
    assert conditioning is not None and "Kresladi" in conditioning.definition


def test_the_cancer_table_has_cgd_london_and_lyfgenia(handbook: Handbook) -> None:
    risks = _chapter(handbook, "risks")
    table = [line for line in risks.splitlines() if line.startswith("| ")]
    assert any("CGD" in row and "2 of 2" in row for row in table)
    assert any("London" in row and "1 of 10" in row for row in table)
    assert any("5 of 20" in row for row in table)
    assert any("Lyfgenia" in row and "boxed warning" in row for row in table)
    assert any("Strimvelis" in row and "4.7 years" in row for row in table)


def test_hereditary_angioedema_is_explained_apart(handbook: Handbook) -> None:
    history = _chapter(handbook, "history")
    conditions = history.split("## Conditions treated so far")[1].split("\n## ")[0]
    assert not re.search(r"^Hereditary angioedema", conditions, re.M)  # not a list entry
    assert "liver" in conditions
    hae = handbook.glossary.find("HAE")
    assert hae is not None and "liver" in hae.definition


def test_pictures_show_the_third_edition_fixes(handbook_dir: Path, handbook: Handbook) -> None:
    svgs = {name: _normal(text) for name, text in _svg_texts(handbook_dir).items()}
    assert "lentiviral or gammaretroviral vector" in svgs["pictures/gene-joins-or-stays.svg"]
    assert "varies by condition" in svgs["pictures/ex-vivo-steps.svg"]
    how = _normal(_chapter(handbook, "how-it-works"))
    assert "varies by condition" in how and "lentiviral and gammaretroviral vectors work" in how


def test_gene_stripes_are_wide_enough_to_read_small(handbook_dir: Path) -> None:
    for name, text in _svg_texts(handbook_dir).items():
        for match in re.finditer(r'<pattern id="gene-hatch" width="(\d+)"', text):
            assert int(match.group(1)) >= 12, name


def test_sources_are_primary_and_the_review_sheet_names_their_range(
    handbook_dir: Path, handbook: Handbook
) -> None:
    sources = _chapter(handbook, "sources")
    review = (handbook_dir / REVIEW_SHEET).read_text(encoding="utf-8")
    found = [host for host in NOT_PRIMARY if host in sources.lower() or host in review.lower()]
    assert found == []
    listed = sorted(int(n) for n in re.findall(r"^\*\*S(\d+)\.\*\*", sources, re.M))
    # two runs: the corrections' codes, and from S50 those of the new chapters
    corrections = [n for n in listed if n < 50]
    new_chapters = [n for n in listed if n >= 50]
    assert corrections == list(range(1, corrections[-1] + 1))
    assert new_chapters == list(range(50, new_chapters[-1] + 1))
    stated = re.search(r"\(S1-S(\d+) and S50-S(\d+) in this edition", review)
    assert stated and int(stated.group(1)) == corrections[-1]
    assert int(stated.group(2)) == new_chapters[-1]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Is it a cure?", "about-this-handbook"),
        ("risk of dying", "risks/all-the-risks-at-a-glance"),
        ("can we stop the treatment later", "step-by-step/before-you-start"),
        ("busulfan dose fertility", "how-it-works/conditioning"),
        ("Lyfgenia", "risks/cancer-risk-from-the-vector"),
        ("hereditary angioedema liver", "history/conditions-treated-so-far"),
    ],
)
def test_search_answers_the_third_edition_questions(
    question: str, expected: str, handbook: Handbook
) -> None:
    """ "cure" is a word of the handbook now, so search no longer offers "care" for it."""
    with SearchIndex.open_or_build(handbook, None) as index:
        result = index.search(question, limit=5)
    assert result.suggestion is None
    assert expected in [hit.id for hit in result.hits]


# --- Issue #31 in Spanish: the same corrections in handbook/es/, section by section. ---

SPANISH_FORBIDDEN = {
    "graft failure as uncommon or as a range": [
        "es poco común, y el equipo",
        "en pocos casos, las células nuevas no crecen",
        "en pocos casos, bloquea vasos",
        "de 1 de cada 20 a 1 de cada 4",
        "1 en 20",
        "una pequeña posibilidad de que el tratamiento no funcione",
    ],
    "unverified Strimvelis denominator": ["1 de 33", "33 pacientes"],
    "one conditioning dose for all": ["la dosis muchas veces es más baja que para un trasplante"],
    "consent as reversible without its other half": ['puede retirarse más tarde."'],
    "undated 1990 patient": [
        "más de 30 años después, ella sigue bien",
        "sigue bien más de 30 años",
    ],
    "HAE as a blood stem-cell gene therapy success": [
        "el aeh tipo 1 se ha tratado con terapia génica",
    ],
    "founding year seen only on an aggregator": ["fundado en 1992"],
    "Skysona as the only lentiviral cancer warning": [
        "una terapia lentiviral para otra enfermedad causó",
        "una terapia génica lentiviral para otra enfermedad, skysona, también causó",
    ],
    "the second edition": ["segunda edición"],
}


@pytest.fixture(scope="module")
def spanish(handbook_dir: Path) -> Handbook:
    from reader.handbook.languages import load_handbook_in

    return load_handbook_in(handbook_dir, "es")


def _spanish_texts(handbook_dir: Path, spanish: Handbook) -> dict[str, str]:
    texts = {f"es/chapters/{c.id}.md": c.markdown for c in spanish.reading_chapters}
    texts["es/glossary.toml"] = (handbook_dir / "es" / "glossary.toml").read_text(encoding="utf-8")
    texts["es/handbook.toml"] = (handbook_dir / "es" / "handbook.toml").read_text(encoding="utf-8")
    for svg in sorted((handbook_dir / "es" / "pictures").glob("*.svg")):
        texts[f"es/pictures/{svg.name}"] = svg.read_text(encoding="utf-8")
    return texts


@pytest.mark.parametrize("claim", sorted(SPANISH_FORBIDDEN))
def test_spanish_corrected_claims_do_not_come_back(
    claim: str, handbook_dir: Path, spanish: Handbook
) -> None:
    for name, text in _spanish_texts(handbook_dir, spanish).items():
        normal = _normal(text)
        for phrase in SPANISH_FORBIDDEN[claim]:
            assert phrase.lower() not in normal, (claim, name, phrase)


def test_spanish_never_calls_a_risk_rare_without_a_number(
    handbook_dir: Path, spanish: Handbook
) -> None:
    """No "raro", "poco común" or "en pocos casos" for a risk: only "una IDP rara" is left."""
    rare = re.compile(r"\b(raras? veces|rara vez|raros?|raras?|poco com[uú]n|en pocos casos)\b")
    for name, text in _spanish_texts(handbook_dir, spanish).items():
        for match in rare.finditer(_normal(text)):
            before = _normal(text)[max(0, match.start() - 4) : match.start()]
            assert before == "idp " and match.group(1) == "rara", (name, match.group(0))


def test_spanish_first_chapter_answers_is_it_a_cure(spanish: Handbook) -> None:
    text = _normal(_chapter(spanish, "about-this-handbook"))
    assert "¿es una cura?" in text and "tercera edición" in text
    for fact in ("3 de 62", "no se puede deshacer", "2 de 9", "15 años"):
        assert fact in text, fact


def test_spanish_risk_table_has_a_row_for_dying_for_each_option(spanish: Handbook) -> None:
    rows = [line for line in _chapter(spanish, "risks").splitlines() if line.startswith("| Muerte")]
    assert len(rows) >= 3
    ada = next(row for row in rows if "ADA-SCID" in row)
    gene_therapy, transplant = [cell.strip() for cell in ada.strip("|").split("|")][2:4]
    assert "0 de 33" in gene_therapy and "0 de 62" in gene_therapy
    assert re.search(r"\d+ de cada 100 murieron", transplant) and "(56 niños)" in transplant
    assert any("2 de 9" in row and "EGC ligada al X" in row for row in rows)
    assert any("1 de 2" in row and "sepsis" in row for row in rows)


def test_spanish_one_graft_failure_number_everywhere(spanish: Handbook) -> None:
    for chapter_id in ("about-this-handbook", "what-is-gene-therapy", "risks"):
        assert "3 de 62" in _chapter(spanish, chapter_id), chapter_id
    graft_failure = spanish.glossary.find("graft-failure")
    assert graft_failure is not None and "3 de 62" in graft_failure.definition
    glance = spanish.section("risks/all-the-risks-at-a-glance")
    assert glance is not None
    row = next(line for line in glance.markdown.splitlines() if line.startswith("| No funcionar"))
    assert "3 de 62" in row and "de cada" not in row
    figure = spanish.section("what-is-gene-therapy/using-your-own-cells")
    assert figure is not None and "(3 de 62 niños en el estudio más grande)" in figure.markdown


def test_spanish_consent_says_the_treatment_cannot_be_undone(spanish: Handbook) -> None:
    for section_id in ("step-by-step/before-you-start", "questions-to-ask/about-clinical-trials"):
        section = spanish.section(section_id)
        assert section is not None and "no se puede deshacer" in section.markdown, section_id
    consent = spanish.glossary.find("informed-consent")
    assert consent is not None and "no se puede deshacer" in consent.definition


def test_spanish_conditioning_dose_is_given_by_product(spanish: Handbook) -> None:
    section = spanish.section("how-it-works/conditioning")
    assert section is not None
    text = _normal(section.markdown)
    for fact in ("una dosis más baja", "ada-scid", "scid ligada al x", "una dosis completa",
                 "kresladi", "mieloablativa", "egc ligada al x", "fertilidad"):  # fmt: skip
        assert fact in text, fact
    conditioning = spanish.glossary.find("conditioning")
    assert conditioning is not None and "Kresladi" in conditioning.definition


def test_spanish_history_and_cancer_table_follow_the_english(spanish: Handbook) -> None:
    table = [line for line in _chapter(spanish, "risks").splitlines() if line.startswith("| ")]
    assert any("EGC" in row and "2 de 2" in row for row in table)
    assert any("Londres" in row and "1 de 10" in row for row in table)
    assert any("5 de 20" in row for row in table)
    assert any("Lyfgenia" in row and "recuadro de advertencia" in row for row in table)
    assert any("Strimvelis" in row and "4,7 años" in row for row in table)
    early = spanish.section("history/the-early-trials")
    assert early is not None
    for fact in ("Great Ormond Street Hospital", "5 de 20", "se apagó", "Los dos tuvieron SMD"):
        assert fact in early.markdown, fact
    strimvelis = spanish.section("history/strimvelis")
    assert strimvelis is not None and "4,7 años" in strimvelis.markdown
    assert "remisión" in strimvelis.markdown
    first = spanish.section("history/the-first-trial-in-1990")
    assert first is not None and "nuestra primera fuente de 2019" in first.markdown
    conditions = spanish.section("history/conditions-treated-so-far")
    assert conditions is not None and "hígado" in conditions.markdown
    assert not re.search(r"^Angioedema hereditario", conditions.markdown, re.M)
    hae = spanish.glossary.find("hereditary-angioedema")
    assert hae is not None and "hígado" in hae.definition


def test_spanish_pictures_show_the_third_edition_fixes(handbook_dir: Path) -> None:
    pictures = handbook_dir / "es" / "pictures"
    joins = _normal((pictures / "gene-joins-or-stays.svg").read_text(encoding="utf-8"))
    steps = _normal((pictures / "ex-vivo-steps.svg").read_text(encoding="utf-8"))
    assert "vector lentiviral o gammarretroviral</text>" in joins
    assert "según la enfermedad</text>" in steps and "varía según la enfermedad" in steps
    for svg in pictures.glob("*.svg"):
        for match in re.finditer(r'<pattern id="gene-hatch" width="(\d+)"', svg.read_text()):
            assert int(match.group(1)) >= 12, svg.name


def test_spanish_sources_are_primary_and_match_the_english(
    handbook: Handbook, spanish: Handbook
) -> None:
    sources = _chapter(spanish, "sources")
    assert [host for host in NOT_PRIMARY if host in sources.lower()] == []

    def codes(text: str) -> list[int]:
        return sorted(int(n) for n in re.findall(r"^\*\*S(\d+)\.\*\*", text, re.M))

    assert codes(sources) == codes(_chapter(handbook, "sources"))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("¿Es una cura?", "about-this-handbook"),
        ("riesgo de muerte", "risks/all-the-risks-at-a-glance"),
        ("se puede deshacer", "step-by-step/before-you-start"),
        ("dosis de busulfán fertilidad", "how-it-works/conditioning"),
        ("Lyfgenia", "risks/cancer-risk-from-the-vector"),
        ("angioedema hereditario hígado", "history/conditions-treated-so-far"),
    ],
)
def test_spanish_search_answers_the_third_edition_questions(
    question: str, expected: str, spanish: Handbook
) -> None:
    with SearchIndex.open_or_build(spanish, None) as index:
        result = index.search(question, limit=5)
    assert result.suggestion is None
    assert expected in [hit.id for hit in result.hits]
