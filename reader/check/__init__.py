"""`check`: everything wrong in a handbook folder, as `file:line` problems for authors.

It sits above `reader.handbook` and `reader.content` because it uses both: it reads the
folder through the gate, judges links and raw HTML by the renderer's own rules (the
allowlist and `LinkContext`), asks the marking pass which glossary terms are used, and
reads the pronunciation file the way the voice does. Nothing below imports it.
"""

from reader.check.handbook_check import check_handbook, format_problems, sorted_problems
from reader.check.translation_check import translation_problems

__all__ = ["check_handbook", "format_problems", "sorted_problems", "translation_problems"]
