#!/usr/bin/env bash
# Regenerates the interface translations from the source code. Run from anywhere:
#
#     resources/translations/update.sh
#
# 1. pyside6-lupdate collects every self.tr(), QCoreApplication.translate() and
#    QT_TRANSLATE_NOOP() text in reader/ and merges it into handbook_reader_<lang>.ts.
#    New texts arrive marked "unfinished"; texts gone from the code are kept as
#    "vanished", so their translation comes back if the text does; carry_over.py then
#    moves a translation along with a text that moved to another class.
# 2. Translators open the .ts in Qt Linguist (`pyside6-linguist handbook_reader_es.ts`),
#    translate each unfinished entry (keeping %1, %n, {name}, HTML tags and a sensible
#    & accelerator), mark it done and save.
# 3. Run this script again: pyside6-lrelease compiles each .ts into the .qm the app loads.
#
# tests/test_translation_catalog.py fails while an entry is unfinished or a .qm is stale.
# A new language: add its code to `languages` here and to SUPPORTED in
# reader/ui/translations.py.
set -euo pipefail

languages=(es)

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

mapfile -t sources < <(find reader -name '*.py' -not -path '*/__pycache__/*' | LC_ALL=C sort)

for language in "${languages[@]}"; do
    ts="$here/handbook_reader_$language.ts"
    pyside6-lupdate -source-language en -target-language "$language" "${sources[@]}" -ts "$ts"
    python3 "$here/carry_over.py" "$ts"
    pyside6-lrelease "$ts" -qm "${ts%.ts}.qm"
done
