#!/bin/sh
# A recorded Orca session (issue #33): Orca 43 reads the chapter "What is gene therapy?"
# heading by heading (Ctrl+Down) and link by link (Tab), its speech going to its debug
# log instead of a sound card. Not a test: run it by hand from the repository root,
#   xvfb-run -a -s "-screen 0 1366x768x24" dbus-launch --exit-with-session \
#       tests/x11/orca_session.sh OUT_DIR
# then `grep "SPEECH OUTPUT" OUT_DIR/orca.log`. Needs orca, at-spi2-core, dbus-x11,
# xdotool (Debian) and the project's virtualenv at $VENV (default /work/venv).
set -eu
OUT=${1:?output folder}
VENV=${VENV:-/work/venv}
mkdir -p "$OUT"
export QT_ACCESSIBILITY=1 QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=xcb
export PYTHONPATH="$PWD" HANDBOOK_READER_HOME="$OUT/home"
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
BUS=$!
sleep 0.5
/usr/libexec/at-spi2-registryd >/dev/null 2>&1 &
REGISTRY=$!
sleep 0.5
"$VENV/bin/python" tests/x11/atspi_app.py 60 >/dev/null 2>"$OUT/app.err" &
APP=$!
sleep 4
orca --replace --debug-file="$OUT/orca.log" >"$OUT/orca.out" 2>&1 &
ORCA=$!
sleep 6
WINDOW=$(xdotool search --name "Handbook" | head -1)
xdotool windowactivate --sync "$WINDOW" 2>/dev/null || true
xdotool windowfocus "$WINDOW"
sleep 1
xdotool mousemove 800 400 click 1  # into the reading view
sleep 2
for key in ctrl+Home ctrl+Down ctrl+Down ctrl+Down ctrl+Down ctrl+Down ctrl+Down ctrl+Down \
    Tab Tab; do
    xdotool key "$key"
    sleep 1.2
done
sleep 2
kill "$ORCA" "$APP" "$REGISTRY" "$BUS" 2>/dev/null || true
