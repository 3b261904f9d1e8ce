#!/usr/bin/env bash
# Put Handbook Reader in the desktop's application menu, and optionally start the kiosk
# at login. Linux desktops (freedesktop.org menus and autostart); no network, no Python.
#
# It ships in the bundle as dist/handbook-reader/desktop/install-desktop.sh and finds the
# bundle's executable by itself. For a pip install, pass --exec "$(command -v handbook-reader)".
#
#   install-desktop.sh                      # menu entry for this user (~/.local/share)
#   install-desktop.sh --system             # for every user (/usr/local/share; run as root)
#   install-desktop.sh --autostart-kiosk    # also start the kiosk at login
#   install-desktop.sh --uninstall [--system]
set -euo pipefail

APP_ID="io.github.handbook_reader.HandbookReader"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EXEC_PATH=""
SYSTEM=0
AUTOSTART=0
UNINSTALL=0

usage() { sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --system) SYSTEM=1 ;;
    --autostart-kiosk) AUTOSTART=1 ;;
    --uninstall) UNINSTALL=1 ;;
    --exec) EXEC_PATH="${2:?--exec needs the path of the handbook-reader program}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install-desktop.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

if [ "$SYSTEM" = 1 ]; then
  DATA_DIR="/usr/local/share"
  AUTOSTART_DIR="/etc/xdg/autostart"
else
  DATA_DIR="${XDG_DATA_HOME:-$HOME/.local/share}"
  AUTOSTART_DIR="${XDG_CONFIG_HOME:-$HOME/.config}/autostart"
fi
APPS_DIR="$DATA_DIR/applications"
ICON_DIR="$DATA_DIR/icons/hicolor/scalable/apps"
METAINFO_DIR="$DATA_DIR/metainfo"

refresh_caches() {
  command -v update-desktop-database >/dev/null 2>&1 \
    && update-desktop-database -q "$APPS_DIR" 2>/dev/null || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 \
    && gtk-update-icon-cache -q -t "$DATA_DIR/icons/hicolor" 2>/dev/null || true
}

if [ "$UNINSTALL" = 1 ]; then
  rm -f "$APPS_DIR/$APP_ID.desktop" "$APPS_DIR/$APP_ID.Kiosk.desktop" \
    "$AUTOSTART_DIR/$APP_ID.Kiosk.desktop" "$ICON_DIR/$APP_ID.svg" \
    "$METAINFO_DIR/$APP_ID.metainfo.xml"
  refresh_caches
  echo "Removed Handbook Reader's menu entry, icon and autostart entry."
  exit 0
fi

# The program: the bundle's executable beside this folder, unless told otherwise.
if [ -z "$EXEC_PATH" ]; then
  EXEC_PATH="$(cd "$HERE/.." && pwd)/handbook-reader"
fi
if [ ! -x "$EXEC_PATH" ]; then
  echo "install-desktop.sh: no handbook-reader program at $EXEC_PATH (use --exec PATH)" >&2
  exit 1
fi
EXEC_PATH="$(cd "$(dirname "$EXEC_PATH")" && pwd)/$(basename "$EXEC_PATH")"
case "$EXEC_PATH" in
  *[\"\`\$\\%]*)
    echo "install-desktop.sh: move the app to a folder whose path has no \" \` \$ \\ or %" >&2
    exit 1 ;;
esac
# Desktop files split Exec on spaces; a quoted path keeps "/media/USB STICK/..." whole.
case "$EXEC_PATH" in
  *[[:space:]\'\>\<\~\|\&\;\*\?\#\(\)]*) EXEC_FIELD="\"$EXEC_PATH\"" ;;
  *) EXEC_FIELD="$EXEC_PATH" ;;
esac

# Rewrite Exec/TryExec of a desktop file to the absolute program path.
install_entry() {
  local source="$1" target="$2"
  mkdir -p "$(dirname "$target")"
  local line
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      Exec=handbook-reader*) printf 'Exec=%s%s\n' "$EXEC_FIELD" "${line#Exec=handbook-reader}" ;;
      TryExec=*) printf 'TryExec=%s\n' "$EXEC_PATH" ;;
      *) printf '%s\n' "$line" ;;
    esac
  done <"$source" >"$target"
  chmod 644 "$target"
  echo "  $target"
}

icon_source="$HERE/$APP_ID.svg"
[ -f "$icon_source" ] || icon_source="$HERE/../icons/app.svg"  # in the source checkout

echo "Installing Handbook Reader ($EXEC_PATH):"
install_entry "$HERE/$APP_ID.desktop" "$APPS_DIR/$APP_ID.desktop"
mkdir -p "$ICON_DIR" "$METAINFO_DIR"
install -m 644 "$icon_source" "$ICON_DIR/$APP_ID.svg" && echo "  $ICON_DIR/$APP_ID.svg"
install -m 644 "$HERE/$APP_ID.metainfo.xml" "$METAINFO_DIR/$APP_ID.metainfo.xml" \
  && echo "  $METAINFO_DIR/$APP_ID.metainfo.xml"
if [ "$AUTOSTART" = 1 ]; then
  install_entry "$HERE/$APP_ID.Kiosk.desktop" "$AUTOSTART_DIR/$APP_ID.Kiosk.desktop"
  echo "The kiosk starts at the next login."
fi
refresh_caches
