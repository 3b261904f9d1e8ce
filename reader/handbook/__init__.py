"""The handbook: its folder read through one gate, the model and the glossary.

The model and the loader are the package's face: `from reader.handbook import Handbook`.
"""

from reader.handbook.loader import MANIFEST_NAME, load_handbook
from reader.handbook.model import Chapter, Handbook, HandbookError, Section, section_label

__all__ = [
    "MANIFEST_NAME",
    "Chapter",
    "Handbook",
    "HandbookError",
    "Section",
    "load_handbook",
    "section_label",
]
