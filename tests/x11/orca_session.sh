#!/bin/sh
# inside xvfb-run and dbus-launch
cd /work/wt-a11y
export QT_ACCESSIBILITY=1 QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=xcb PYTHONPATH=/work/wt-a11y
export HANDBOOK_READER_HOME=$(mktemp -d)
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
B=$!
sleep 0.5
/usr/libexec/at-spi2-registryd >/dev/null 2>&1 &
R=$!
sleep 0.5
/work/venv/bin/python tests/x11/atspi_app.py 60 >/dev/null 2>/tmp/a11y/orca/app.err &
A=$!
sleep 4
orca --replace --debug-file=/tmp/a11y/orca/orca.log >/tmp/a11y/orca/orca.out 2>&1 &
O=$!
sleep 6
WID=$(xdotool search --name "Handbook" | head -1)
echo "window $WID"
xdotool windowactivate --sync $WID 2>/dev/null; xdotool windowfocus $WID
sleep 1
# click in the reading view (centre-right of the window)
xdotool mousemove 800 400 click 1
sleep 2
for k in ctrl+Home ctrl+Down ctrl+Down ctrl+Down ctrl+Down ctrl+Down ctrl+Down ctrl+Down Tab Tab; do xdotool key $k; sleep 1.2; done
sleep 2
kill $O $A $R $B 2>/dev/null
