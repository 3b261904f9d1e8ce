#!/usr/bin/env bash
# Build the standalone one-folder bundle: dist/handbook-reader/ (no Python needed to run).
#
#   resources/packaging/build-bundle.sh            # from anywhere in the checkout
#   PYTHON=/path/to/python3 resources/packaging/build-bundle.sh
#
# Steps: install PyInstaller with pip if it is missing; run PyInstaller with the spec
# (no search index is shipped: the app builds its own in the user cache); copy the
# desktop files, icon and install helper beside the executable; check the bundle starts
# headless; print its size. Needs the app's own dependencies installed for $PYTHON.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PACKAGING="$ROOT/resources/packaging"
PYTHON="${PYTHON:-python3}"
APP_ID="io.github.handbook_reader.HandbookReader"
DIST="$ROOT/dist"
BUNDLE="$DIST/handbook-reader"
cd "$ROOT"

if ! "$PYTHON" -c "import PyInstaller" >/dev/null 2>&1; then
  echo "Installing PyInstaller..."
  "$PYTHON" -m pip install --quiet "pyinstaller>=6.10"
fi

started=$SECONDS
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$ROOT/build/pyinstaller" \
  "$PACKAGING/handbook-reader.spec"

# What an administrator needs to put the app in the menu or start it as a kiosk.
mkdir -p "$BUNDLE/desktop"
cp "$PACKAGING/$APP_ID.desktop" "$PACKAGING/$APP_ID.Kiosk.desktop" \
  "$PACKAGING/$APP_ID.metainfo.xml" "$PACKAGING/install-desktop.sh" \
  "$PACKAGING/README.md" "$BUNDLE/desktop/"
cp "$ROOT/resources/icons/app.svg" "$BUNDLE/desktop/$APP_ID.svg"
chmod +x "$BUNDLE/desktop/install-desktop.sh"

# Smoke test: the bundle answers without a display and from another folder.
( cd / && QT_QPA_PLATFORM=offscreen "$BUNDLE/handbook-reader" --version )

echo "Built $BUNDLE in $((SECONDS - started)) s"
echo "Bundle size: $(du -sh "$BUNDLE" | cut -f1)" \
  "($(du -sk "$BUNDLE" | cut -f1) KiB, $(find "$BUNDLE" -type f | wc -l) files)"
