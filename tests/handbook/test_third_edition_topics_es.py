"""The Spanish edition follows the third edition's new English material (issue #31,
"What to build" item 6): the six new chapters, the ten new glossary terms, sources
S50-S70 and the five cross-link sentences, in the words a U.S. hospital interpreter uses,
readable (Fernández-Huerta 70 or more), and found by the real Spanish search when a
parent types a question the way Spanish-speaking parents do (often without accents).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
import textstat

from reader.handbook import Handbook
from reader.handbook.languages import load_handbook_in
from reader.handbook.placeholders import PLACEHOLDER, fill_placeholders
from reader.search.engine import SearchIndex
from reader.search.spanish import fold_accents
from reader.search.text import markdown_to_plain
from tests.handbook.chapter_text import chapter_of, normal, written

NEW_CHAPTERS = (
    "when-to-call",
    "if-it-does-not-work",
    "living-with-it",
    "family-life",
    "taking-part-in-a-trial",
    "practical-matters",
)
SPANISH_TITLES = {
    "when-to-call": "Cuándo llamar a su equipo",
    "if-it-does-not-work": "Si la terapia génica no funciona",
    "living-with-it": "Vivir con la terapia génica toda la vida",
    "family-life": "La vida en familia durante y después del tratamiento",
    "taking-part-in-a-trial": "Participar en un ensayo clínico",
    "practical-matters": "Dónde se da el tratamiento, viajes y dinero",
}
QUESTIONS_HEADING = "**Preguntas para su equipo médico:**"

# Each new topic in Spanish: its section and the words that must be there (the
# interpreter's words of TRANSLATION-ES.md, and the facts the English pins).
TOPICS: dict[str, list[str]] = {
    "when-to-call/your-numbers": ["{{clinic.phone_24h}}", "número de 24 horas", "{{clinic.name}}"],
    "when-to-call/fever": [
        "es de {{clinic.fever_threshold}} o más",
        "Su equipo le dirá el número",
        "38 °C (100.4 °F)",
    ],
    "when-to-call/signs-of-infection": ["escalofríos", "tos", "diarrea", "sarpullido", "varicela"],
    "when-to-call/central-line-danger-signs": [
        "catéter central",
        "enrojecimiento",
        "hinchazón",
        "fuga",
        "dolor",
        "catéter tapado",
        "Nunca lo lave a la fuerza",
    ],
    "when-to-call/in-an-emergency": [
        "servicios de emergencia",
        "sala de emergencias",
        "recibió terapia génica",
        "tiene un catéter central",
        "neutropenia",
        "{{clinic.emergency}}",
    ],
    "if-it-does-not-work/how-you-will-know": ["falla del injerto", "59 de 62", "3 de 62"],
    "if-it-does-not-work/a-rescue-transplant": [
        "trasplante de rescate",
        "EICH",
        "acondicionamiento otra vez",
    ],
    "if-it-does-not-work/feelings-when-it-does-not-work": ["culpables", "No es culpa de nadie"],
    "if-it-does-not-work/grief-and-bereavement": [
        "mueren",
        "cuidados paliativos",
        "apoyo en el duelo",
    ],
    "living-with-it/tell-every-doctor": ["tarjeta para la billetera", "vector", "24 horas"],
    "living-with-it/giving-blood-or-organs": [
        "donar sangre",
        "órganos",
        "equipo de terapia génica",
    ],
    "living-with-it/hiv-tests": ["falso positivo", "lentiviral", "al médico y al laboratorio"],
    "family-life/fertility-by-age": [
        "pubertad",
        "La única opción es congelar un pedacito de tejido",
    ],
    "family-life/vaccines": ["24 meses", "vacuna viva", "rotavirus", "influenza"],
    "family-life/brothers-and-sisters": [
        "tipificación HLA",
        "portadoras",
        "cromosoma X",
        "Las visitas",
        "Lo que sienten",
    ],
    "family-life/school-and-exposures": [
        "carta para la escuela",
        "varicela",
        "sarampión",
        "el mismo día",
    ],
    "family-life/preparing-your-child": [
        "especialistas en vida infantil",
        "child life specialists",
        "play specialists",
        "adolescentes",
    ],
    "family-life/what-to-bring": ["comida segura", "pasteurizar", "mascotas"],
    "family-life/care-for-the-condition": ["síndrome de Wiskott-Aldrich", "plaquetas", "casco"],
    "taking-part-in-a-trial/trial-phases": ["Fase 1", "Fase 2", "Fase 3", "Fase 4"],
    "taking-part-in-a-trial/what-you-agree-to": [
        "consentimiento informado",
        "Muestras",
        "datos",
        "15 años",
    ],
    "taking-part-in-a-trial/leaving-a-trial": [
        "el tratamiento no se puede deshacer",
        "detiene las citas y las pruebas del estudio",
        "No cambia las células de su hijo",
    ],
    "practical-matters/where-treatment-happens": ["San Raffaele", "Milán", "Strimvelis", "Waskyra"],
    "practical-matters/staying-near-the-hospital": ["vivienda", "Just like home", "intérprete"],
    "practical-matters/paying-in-the-us": ["seguro", "autorización previa", "viajes"],
    "practical-matters/paying-in-europe": [
        "formulario S2",
        "autorización previa",
        "punto de contacto nacional",
    ],
    "practical-matters/patient-groups-abroad": ["IPOPI", "Immunodeficiency UK", "Sitio web:"],
    "practical-matters/newborn-screening-abroad": [
        "Inglaterra",
        "6 de septiembre de 2021",
        "dos tercios",
    ],
    "practical-matters/trial-registries-in-europe": [
        "EU Clinical Trials Register",
        "Clinical Trials Information System",
        "ISRCTN",
    ],
}

# The one sentence each older Spanish chapter gained, pointing at a new chapter.
CROSS_LINKS = {
    "about-this-handbook/what-each-chapter-covers": "La tercera edición agrega seis capítulos",
    "step-by-step/going-home": "El capítulo [Cuándo llamar a su equipo](when-to-call.md)",
    "risks/the-back-up-plan": (
        "El capítulo [Si la terapia génica no funciona](if-it-does-not-work.md)"
    ),
    "questions-to-ask/about-clinical-trials": (
        "El capítulo [Participar en un ensayo clínico](taking-part-in-a-trial.md)"
    ),
    "support/finding-clinical-trials": (
        "vea [Fuera de los EE. UU.](practical-matters.md#beyond-the-us)"
    ),
}

# id -> (Spanish term, an English name a family hears, which must be an alias).
NEW_TERMS = {
    "emergency-department": ("Sala de emergencias", "Emergency department"),
    "child-life-specialist": ("Especialista en vida infantil", "Child life specialist"),
    "live-vaccine": ("Vacuna viva", "Live vaccine"),
    "false-positive": ("Falso positivo", "False positive"),
    "trial-phase": ("Fase de un ensayo", "Trial phase"),
    "rescue-transplant": ("Trasplante de rescate", "Rescue transplant"),
    "palliative-care": ("Cuidados paliativos", "Palliative care"),
    "bereavement-support": ("Apoyo en el duelo", "Bereavement support"),
    "prior-authorization": ("Autorización previa", "Prior authorization"),
    "s2-form": ("Formulario S2", "S2 form"),
}

# A Spanish-speaking parent's question, typed the way parents type (often without
# accents), and the sections that answer it: one must be in the real search's top 3.
FAMILY_QUESTIONS: dict[str, set[str]] = {
    "fiebre a quien llamo": {"when-to-call/fever"},
    "numero de 24 horas": {"when-to-call/your-numbers"},
    "cateter rojo": {"when-to-call/central-line-danger-signs"},
    "cateter tapado": {"when-to-call/central-line-danger-signs"},
    "el cateter se rompe": {"when-to-call/central-line-danger-signs"},
    "señales de infeccion": {"when-to-call/signs-of-infection"},
    "sala de emergencias que digo": {"when-to-call/in-an-emergency"},
    "le sangra la nariz y no para": {
        "when-to-call/other-reasons-to-call",
        "family-life/care-for-the-condition",
    },
    "no funciono la terapia genica": {
        "if-it-does-not-work",
        "if-it-does-not-work/how-you-will-know",
        "if-it-does-not-work/a-rescue-transplant",
    },
    "trasplante de rescate": {"if-it-does-not-work/a-rescue-transplant"},
    "me siento culpable": {"if-it-does-not-work/feelings-when-it-does-not-work"},
    "apoyo en el duelo si mi hijo muere": {"if-it-does-not-work/grief-and-bereavement"},
    "cuidados paliativos": {"if-it-does-not-work/grief-and-bereavement"},
    "tarjeta para el medico": {"living-with-it/tell-every-doctor"},
    "puede donar sangre de grande": {"living-with-it/giving-blood-or-organs"},
    "prueba de vih positiva": {"living-with-it/hiv-tests"},
    "falso positivo vih": {"living-with-it/hiv-tests"},
    "congelar ovulos": {"family-life/fertility-by-age"},
    "fertilidad antes de la pubertad": {"family-life/fertility-by-age"},
    "vacunas despues": {"family-life/vaccines"},
    "vacuna de la gripe para los hermanos": {"family-life/vaccines"},
    "hermanos donantes hla": {"family-life/brothers-and-sisters"},
    "hermana portadora": {"family-life/brothers-and-sisters"},
    "carta para la escuela varicela": {"family-life/school-and-exposures"},
    "contacto con sarampion": {
        "family-life/school-and-exposures",
        "when-to-call/signs-of-infection",
    },
    "especialista en vida infantil": {"family-life/preparing-your-child"},
    "como le explico a mi hijo": {"family-life/preparing-your-child"},
    "que llevar al hospital": {"family-life/what-to-bring"},
    "comida segura sushi": {"family-life/what-to-bring"},
    "podemos tener mascotas": {"family-life/what-to-bring"},
    "casco plaquetas bajas": {"family-life/care-for-the-condition"},
    "fases del ensayo": {"taking-part-in-a-trial/trial-phases"},
    "se puede deshacer": {"taking-part-in-a-trial/leaving-a-trial"},
    "dejar el ensayo": {"taking-part-in-a-trial/leaving-a-trial"},
    "que firmo consentimiento muestras": {"taking-part-in-a-trial/what-you-agree-to"},
    "donde se da el tratamiento milan": {"practical-matters/where-treatment-happens"},
    "donde nos quedamos cerca del hospital": {"practical-matters/staying-near-the-hospital"},
    "cuanto cuesta el viaje": {
        "practical-matters",
        "practical-matters/paying-in-the-us",
        "practical-matters/paying-in-europe",
        "practical-matters/staying-near-the-hospital",
    },
    "autorizacion previa seguro": {"practical-matters/paying-in-the-us"},
    "formulario s2": {"practical-matters/paying-in-europe"},
    "grupos de pacientes en otros paises": {"practical-matters/patient-groups-abroad"},
    "prueba del recien nacido inglaterra": {"practical-matters/newborn-screening-abroad"},
    "ensayos en europa": {"practical-matters/trial-registries-in-europe"},
}


@pytest.fixture(scope="module")
def spanish(handbook_dir: Path) -> Handbook:
    return load_handbook_in(handbook_dir, "es")


@pytest.fixture(scope="module")
def spanish_index(spanish: Handbook) -> Iterator[SearchIndex]:
    with SearchIndex.open_or_build(spanish, None) as index:
        yield index


def _shown(words: str) -> str:
    """Expected words as the reader shows them: a placeholder becomes the write-in line."""
    return fill_placeholders(words, None, "____________ (pregunte a su equipo)")


def test_spanish_manifest_lists_the_chapters_in_the_english_order(handbook_dir: Path) -> None:
    def order(path: Path) -> list[str]:
        return tomllib.loads(path.read_text(encoding="utf-8"))["chapters"]

    assert order(handbook_dir / "es" / "handbook.toml") == order(handbook_dir / "handbook.toml")


@pytest.mark.parametrize("chapter_id", NEW_CHAPTERS)
def test_new_chapter_is_translated_not_shown_in_english(
    handbook_dir: Path, spanish: Handbook, chapter_id: str
) -> None:
    assert (handbook_dir / "es" / "chapters" / f"{chapter_id}.md").is_file()
    chapter = chapter_of(spanish, chapter_id)
    assert chapter.title == SPANISH_TITLES[chapter_id]
    lines = [line for line in chapter.markdown.splitlines() if line.strip()]
    assert lines[1].strip() == '!!! note "Puntos clave"'
    assert "Key points" not in chapter.markdown and "Questions to ask" not in chapter.markdown


@pytest.mark.parametrize("section_id", sorted(TOPICS))
def test_each_new_topic_is_in_spanish(section_id: str, spanish: Handbook) -> None:
    section = spanish.section(section_id)
    assert section is not None, section_id
    text = normal(section.markdown)
    assert [words for words in TOPICS[section_id] if normal(_shown(words)) not in text] == []


@pytest.mark.parametrize("chapter_id", NEW_CHAPTERS)
def test_every_new_spanish_section_ends_with_questions(chapter_id: str, spanish: Handbook) -> None:
    sections = [s for s in chapter_of(spanish, chapter_id).sections if s.level >= 2]
    for section, following in zip(sections, [*sections[1:], None], strict=True):
        if following is not None and following.level > section.level:
            continue
        body = section.markdown.rstrip()
        assert QUESTIONS_HEADING in body, section.id
        tail = [line for line in body.rsplit(QUESTIONS_HEADING, 1)[1].splitlines() if line.strip()]
        assert len(tail) >= 2, section.id
        assert all(line.startswith("- ") and line.rstrip().endswith("?") for line in tail), (
            section.id
        )


@pytest.mark.parametrize("chapter_id", NEW_CHAPTERS)
def test_clinic_placeholders_are_exactly_the_englishs(
    handbook: Handbook, spanish: Handbook, chapter_id: str
) -> None:
    english = PLACEHOLDER.findall(written(chapter_of(handbook, chapter_id)))
    ours = PLACEHOLDER.findall(written(chapter_of(spanish, chapter_id)))
    assert ours == english
    # Each one follows a few words that say what goes there ("Nuestro número de 24 horas:").
    for line in written(chapter_of(spanish, chapter_id)).splitlines():
        for match in PLACEHOLDER.finditer(line):
            before = re.sub(r"^[\s>*-]+", "", line[: match.start()])
            assert len(before.split()) >= 2, line
            assert before.rstrip().endswith((":", " de")), line


def test_fever_threshold_is_said_both_ways_in_spanish(spanish: Handbook) -> None:
    fever = spanish.section("when-to-call/fever")
    assert fever is not None
    assert "38\u00a0°C (100.4\u00a0°F)" in fever.markdown  # one line in print, as in English
    text = normal(fever.markdown)
    assert normal(_shown("es de {{clinic.fever_threshold}} o más.")) in text
    assert "su equipo le dirá el número; muchos equipos usan 38 °c (100.4 °f)." in text


def test_spanish_trial_chapter_says_the_treatment_cannot_be_undone(spanish: Handbook) -> None:
    chapter = normal(chapter_of(spanish, "taking-part-in-a-trial").markdown)
    key_points = chapter.split("## ")[0]
    assert "el tratamiento no se puede deshacer" in key_points
    assert "dejar un estudio detiene las citas y las pruebas del estudio" in key_points
    assert "no puede deshacer el tratamiento" in chapter


@pytest.mark.parametrize("chapter_id", NEW_CHAPTERS)
def test_new_spanish_chapters_use_the_interpreters_words(
    spanish: Handbook, chapter_id: str
) -> None:
    text = chapter_of(spanish, chapter_id).markdown
    assert not re.search(r"\bmedicinas?\b", text, re.IGNORECASE), "medicamento, not medicina"
    assert "Dirección:" not in text and "ponerle en contacto" not in text
    assert "sala de urgencias" not in text.casefold(), "sala de emergencias, as in U.S. hospitals"
    assert not re.search(r"\braro\b|\brara\b", text), "no 'rare' risk without a number"


@pytest.mark.parametrize("chapter_id", NEW_CHAPTERS)
def test_new_spanish_chapter_reads_fairly_easily(spanish: Handbook, chapter_id: str) -> None:
    """Fernández-Huerta 70 or more ("fairly easy"), textstat 0.7.3."""
    textstat.set_lang("es")
    try:
        score = textstat.fernandez_huerta(
            markdown_to_plain(chapter_of(spanish, chapter_id).markdown)
        )
    finally:
        textstat.set_lang("en_US")
    assert score >= 70, f"{chapter_id}: {score}"


def test_new_glossary_terms_are_in_spanish_with_their_english_names(spanish: Handbook) -> None:
    by_id = {term.slug: term for term in spanish.glossary.terms}
    for term_id, (spanish_name, english_name) in NEW_TERMS.items():
        assert term_id in by_id, term_id
        term = by_id[term_id]
        assert term.term == spanish_name
        assert english_name in term.search_aliases, term_id  # found, not listed again
        assert term.main_term == english_name  # shown once, as "En inglés:"
        assert spanish.glossary.find(english_name) is term


def test_spanish_sources_list_s50_to_s70(spanish: Handbook) -> None:
    sources = chapter_of(spanish, "sources").markdown
    listed = set(re.findall(r"^\*\*(S\d+)\.\*\*", sources, re.M))
    assert {f"S{n}" for n in range(50, 71)} <= listed
    new_part = sources.split("Fuentes de los capítulos nuevos de la tercera edición")[1]
    assert "Lo usamos para:" in new_part and "Sitio web:" in new_part


@pytest.mark.parametrize("section_id", sorted(CROSS_LINKS))
def test_older_spanish_chapters_point_to_the_new_ones(spanish: Handbook, section_id: str) -> None:
    section = spanish.section(section_id)
    assert section is not None, section_id
    assert CROSS_LINKS[section_id] in section.markdown


@pytest.mark.parametrize("question", sorted(FAMILY_QUESTIONS))
def test_spanish_search_answers_a_familys_question_in_the_top_three(
    question: str, spanish_index: SearchIndex
) -> None:
    result = spanish_index.search(question)
    top = [hit.id for hit in result.hits[:3]]
    assert FAMILY_QUESTIONS[question] & set(top), (question, top)
    # No "Did you mean" that swaps a word for another; one that only puts back accents
    # ("despues" -> "después") is allowed.
    if result.suggestion is not None:
        assert fold_accents(result.suggestion) == fold_accents(question), result.suggestion
