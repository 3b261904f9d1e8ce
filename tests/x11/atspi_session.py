"""One screen-reader session on an X display: starts the accessibility bus and its
registry, the app (tests/x11/atspi_app.py) and the AT-SPI client (tests/x11/
atspi_client.py), prints the client's JSON and stops what it started, by process id.

Run under xvfb-run by tests/ui/test_accessibility_atspi.py; each Xvfb display has its
own bus (the launcher names it on the display's root window), so sessions never meet.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
REGISTRY = "/usr/libexec/at-spi2-registryd"
SYSTEM_PYTHON = "/usr/bin/python3"
APP_SECONDS = 60


def main() -> int:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "QT_ACCESSIBILITY": "1",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
    }
    started: list[subprocess.Popen[bytes]] = []
    quiet = subprocess.DEVNULL  # the JSON is this script's only output
    try:
        bus = [BUS_LAUNCHER, "--launch-immediately"]
        started.append(subprocess.Popen(bus, env=env, stdout=quiet))
        time.sleep(0.5)
        started.append(subprocess.Popen([REGISTRY], env=env, stdout=quiet))
        time.sleep(0.5)
        mode = sys.argv[1:2]  # "kiosk", or the desktop window
        app = [sys.executable, str(HERE / "atspi_app.py"), str(APP_SECONDS), *mode]
        started.append(subprocess.Popen(app, env=env, stdout=quiet))
        client = subprocess.run(
            [SYSTEM_PYTHON, str(HERE / "atspi_client.py"), *mode],
            env={**env, "PYTHONPATH": ""},
            capture_output=True,
            text=True,
            timeout=APP_SECONDS,
            check=False,
        )
        sys.stderr.write(client.stderr)
        lines = client.stdout.strip().splitlines()
        report = json.loads(lines[-1]) if lines else {"error": "the client printed nothing"}
        started[-1].terminate()  # the app quits through its event loop (see atspi_app.py)
        report["app_exit_code"] = started[-1].wait(timeout=30)
        print(json.dumps(report))
        return client.returncode
    finally:
        for process in reversed(started):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


if __name__ == "__main__":
    sys.exit(main())
