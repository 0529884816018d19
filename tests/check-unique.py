#!/usr/bin/python3
"""One StdBase per session: a second command line goes to the first.

Run as: check-unique.py BUILD_DIR (under an X display).

On a D-Bus session of its own, starts the app on one database, then runs
`stdbase --database OTHER` from another folder with a relative name: that
command must return at once, and the first process must now show two
windows, the second on OTHER resolved against the folder of the command
(it creates the file there).  Naming the first database again must raise
its window, not open a third.  Windows are counted over AT-SPI.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

if not os.environ.get('DISPLAY'):
    print('No display: run the UI tests under Xvfb (build-aux/dev test does)', file=sys.stderr)
    sys.exit(77)

if os.environ.get('STDBASE_UNIQUE_SESSION') != '1':
    env = dict(os.environ, STDBASE_UNIQUE_SESSION='1')
    os.execvpe('dbus-run-session', ['dbus-run-session', '--', sys.executable] + sys.argv, env)

import pyatspi

build = os.path.abspath(sys.argv[1])
stdbase = os.path.join(build, 'src', 'ui', 'stdbase')


def hold_display():
    """Xvfb resets when its last client leaves, and a client that connects
    during the reset is refused: at-spi-bus-launcher connects and leaves
    just as the app starts.  A client that stays keeps the server up."""
    holder = subprocess.Popen(['xprop', '-root', '-spy'], stdout=subprocess.DEVNULL)
    # The AT-SPI bus and registry come up now, not while the app starts.
    pyatspi.Registry.getDesktop(0)
    time.sleep(1)
    return holder


def fail(message):
    print(f'not ok: {message}')
    sys.exit(1)


def frames():
    desktop = pyatspi.Registry.getDesktop(0)
    found = []
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is None or app.name != 'stdbase':
            continue
        for j in range(app.childCount):
            child = app.getChildAtIndex(j)
            if child is not None and child.getRole() == pyatspi.ROLE_FRAME:
                found.append((app.get_process_id(), child))
    return found


def wait_for_frames(count):
    deadline = time.time() + 30
    while time.time() < deadline:
        found = frames()
        if len(found) >= count:
            return found
        time.sleep(0.3)
    fail(f'expected {count} windows, saw {len(frames())}')


tmp = tempfile.mkdtemp(prefix='stdbase-unique-')
first_db = os.path.join(tmp, 'first.db')
other_dir = os.path.join(tmp, 'elsewhere')
os.mkdir(other_dir)
env = dict(os.environ)
for name in ('NO_AT_BRIDGE', 'GTK_A11Y'):
    env.pop(name, None)
env.update(GSETTINGS_BACKEND='memory', GDK_BACKEND='x11')

holder = hold_display()
primary = subprocess.Popen([stdbase, '--database', first_db, '--today', '2026-11-27'], env=env)
try:
    found = wait_for_frames(1)
    if found[0][0] != primary.pid:
        fail('the first window is not in the first process')
    print('ok - the first process shows its window')

    started = time.time()
    second = subprocess.run([stdbase, '--database', 'other.db', '--today', '2026-11-27'],
                            env=env, cwd=other_dir, timeout=30)
    if second.returncode != 0:
        fail(f'the second command exited with {second.returncode}')
    if time.time() - started > 10:
        fail('the second command did not hand over and return')
    found = wait_for_frames(2)
    if len(found) != 2 or any(pid != primary.pid for pid, _ in found):
        fail('the second database did not open in the first process')
    print('ok - a second --database opens a window in the first process')

    deadline = time.time() + 15
    while not os.path.exists(os.path.join(other_dir, 'other.db')) and time.time() < deadline:
        time.sleep(0.2)
    if not os.path.exists(os.path.join(other_dir, 'other.db')):
        fail('the relative database name was not resolved against the command’s folder')
    print('ok - a relative name is resolved against the command’s folder')

    again = subprocess.run([stdbase, '--database', first_db, '--today', '2026-11-27'], env=env, timeout=30)
    time.sleep(2)
    if again.returncode != 0 or len(frames()) != 2:
        fail('naming an open database again opened another window')
    print('ok - naming an open database again raises its window')

    bad = subprocess.run([stdbase, '--today', '2026-02-30'], env=env, timeout=30,
                         stderr=subprocess.PIPE, text=True)
    if bad.returncode != 2 or 'stdbase:' not in bad.stderr:
        fail(f'a bad --today was not refused with status 2: {bad.returncode} {bad.stderr!r}')
    print('ok - a bad --today is refused by the command that gave it')
finally:
    primary.terminate()
    primary.wait(timeout=10)
    holder.terminate()
    shutil.rmtree(tmp, ignore_errors=True)
