"""What to say for a section: its sentences in reading order, as a person would read them.

The section is rendered to the same safe HTML the reading view shows, then walked once:
headings, paragraphs, list items and table cells each start a new block; a table is read
row by row, each cell after its column's heading; a picture is announced with its alt
text; a link is read as its words (a bare web address as its site's name); glossary
words are plain words. Each sentence keeps the words as shown, so the window can find
and highlight it on the page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html.parser import HTMLParser

from reader.handbook import Handbook, Section
from reader.speech.chunks import MAX_VOICE_CHARS, cut_pieces
from reader.speech.lexicon import Lexicon, load_lexicon
from reader.speech.sentences import split_sentences, spoken_form

#: Words a reader says before a picture's description, by language.
PICTURE_WORD = {"en": "Picture", "es": "Imagen"}

_BLOCKS = {"p", "li", "dt", "dd", "blockquote", "pre", "caption", "h1", "h2", "h3", "h4",
           "h5", "h6", "ul", "ol", "dl", "div", "table", "tr"}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CELLS = {"td", "th"}
_END_MARKS = ".!?…:;"


@dataclass(frozen=True)
class Sentence:
    """One sentence: `text` is what the voice says, `shown` the words on the page (empty
    for a picture, which has no words on the page to highlight)."""

    text: str
    shown: str
    kind: str = "text"  # "heading", "text", "cell" or "picture"


@dataclass
class _Table:
    header: list[str]
    row: list[str]
    row_is_header: bool = False


class _Reader(HTMLParser):
    """Collects (kind, shown words, spoken words) blocks from sanitised section HTML."""

    def __init__(self, language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.language = language
        self.blocks: list[tuple[str, str, str]] = []
        self._shown: list[str] = []
        self._spoken: list[str] = []
        self._kind = "text"
        self._link_words: list[str] | None = None
        self._link_href = ""
        self._table: _Table | None = None

    # -- text ----------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self._link_words is not None:
            self._link_words.append(data)
            return
        self._shown.append(data)
        self._spoken.append(data)

    def _flush(self) -> str:
        shown = " ".join("".join(self._shown).split())
        spoken = " ".join("".join(self._spoken).split())
        self._shown, self._spoken = [], []
        kind, self._kind = self._kind, "text"
        if shown or spoken:
            if self._table is not None and kind == "cell":
                return shown
            self.blocks.append((kind, shown, spoken))
        return shown

    # -- tags ------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in _BLOCKS or tag in _CELLS:
            self._flush()
            self._kind = "heading" if tag in _HEADINGS else "cell" if tag in _CELLS else "text"
        if tag == "table":
            self._table = _Table(header=[], row=[])
        elif tag == "tr" and self._table is not None:
            self._table.row, self._table.row_is_header = [], False
        elif tag == "th" and self._table is not None and not self._table.header:
            self._table.row_is_header = True
        elif tag == "a":
            self._link_words, self._link_href = [], values.get("href", "")
        elif tag == "img":
            self._flush()
            alt = " ".join(values.get("alt", "").split())
            if alt:
                word = PICTURE_WORD.get(self.language, PICTURE_WORD["en"])
                self.blocks.append(("picture", "", f"{word}: {alt}"))
        elif tag == "br":
            self.handle_data(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._link_words is not None:
            words = " ".join("".join(self._link_words).split())
            self._link_words = None
            self._shown.append(words)
            self._spoken.append(link_words(words, self._link_href))
        elif tag in _CELLS and self._table is not None:
            self._table.row.append(self._flush())
        elif tag == "tr" and self._table is not None:
            self._end_row(self._table)
        elif tag == "table":
            self._table = None
        elif tag in _BLOCKS:
            self._flush()

    def _end_row(self, table: _Table) -> None:
        """A header row is remembered; a body row is read cell by cell, each after its
        column heading, the way a person reads a comparison table aloud."""
        if table.row_is_header and not table.header:
            table.header = table.row
            return
        for column, cell in enumerate(table.row):
            if not cell:
                continue
            heading = table.header[column] if column < len(table.header) else ""
            spoken = f"{heading}: {cell}" if heading and column > 0 else cell
            self.blocks.append(("cell", cell, spoken))


def link_words(words: str, href: str) -> str:
    """A link as a person says it: its words; a bare web address as its site's name
    ("www.example.org/page" is read "example.org")."""
    looks_like_address = words.startswith(("http://", "https://", "www."))
    if not looks_like_address:
        return words
    site = words.split("://", 1)[-1].split("/", 1)[0]
    return site.removeprefix("www.") or words


def blocks_to_sentences(blocks: list[tuple[str, str, str]], language: str) -> list[Sentence]:
    """Each block split into sentences; the shown and spoken forms split alike."""
    sentences: list[Sentence] = []
    for kind, shown, spoken in blocks:
        if kind in ("heading", "picture", "cell"):
            sentences.extend(voice_sized(shown, spoken, kind, language))
            continue
        shown_parts = split_sentences(shown)
        spoken_parts = split_sentences(spoken)
        if len(shown_parts) != len(spoken_parts):  # a link's words changed the split
            shown_parts, spoken_parts = [shown], [spoken]
        for shown_part, spoken_part in zip(shown_parts, spoken_parts, strict=True):
            sentences.extend(voice_sized(shown_part, spoken_part, kind, language))
    return [s for s in sentences if s.text.strip()]


def voice_sized(shown: str, spoken: str, kind: str, language: str) -> list[Sentence]:
    """One sentence, or, past `MAX_VOICE_CHARS`, its pieces (cut where a reader would
    pause) read and highlighted one after another: a handbook's 3,000-word sentence
    then starts to sound, and stops when asked, within one piece. Where the spoken
    words differ from the shown ones (a link read as its site) it stays whole; the
    voice still takes it in pieces."""
    if len(spoken) <= MAX_VOICE_CHARS or shown != spoken:
        return [Sentence(spoken_form(spoken, language), shown, kind)]
    pieces = cut_pieces(shown)
    last = len(pieces) - 1
    return [
        Sentence(spoken_form(piece, language, end_mark=index == last), piece, kind)
        for index, piece in enumerate(pieces)
    ]


def html_sentences(fragment: str, language: str) -> list[Sentence]:
    """The sentences of an HTML fragment, in reading order."""
    reader = _Reader(language)
    reader.feed(fragment)
    reader.close()
    reader._flush()
    return blocks_to_sentences(reader.blocks, language)


def section_sentences(
    handbook: Handbook, section: Section, language: str, lexicon: Lexicon | None = None
) -> list[Sentence]:
    """The section's heading and text as sentences to speak, in reading order, each
    said as the handbook's pronunciation lexicon says (its shown words untouched)."""
    from reader.content.render import LinkContext, markdown_to_html

    chapter = handbook.chapter(section.chapter_id)
    context = LinkContext.for_chapter(handbook, chapter) if chapter else None
    heading = Sentence(spoken_form(section.title, language), section.title, "heading")
    body = html_sentences(markdown_to_html(section.markdown, context), language)
    return pronounced([heading, *body], load_lexicon(handbook) if lexicon is None else lexicon)


def pronounced(sentences: list[Sentence], lexicon: Lexicon) -> list[Sentence]:
    """Each sentence's spoken words through the lexicon; a sentence left with nothing to
    say (a write-in line alone) is dropped."""
    said = [replace(s, text=_keep_end_mark(s.text, lexicon.spoken(s.text))) for s in sentences]
    return [s for s in said if any(c.isalnum() for c in s.text)]


def _keep_end_mark(before: str, after: str) -> str:
    """`after` with the full stop `before` ended with, which an entry may have taken
    ("... los EE. UU." said "... los Estados Unidos"), so the tone still falls."""
    if before[-1:] in _END_MARKS and after and after[-1] not in _END_MARKS:
        return after + "."
    return after
