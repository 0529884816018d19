#!/usr/bin/python3
"""Walks the accessibility tree of each main screen of StdBase.

Run as: check-a11y.py BUILD_DIR (under an X display).

Starts its own D-Bus session (dbus-run-session), where the AT-SPI bus and
registry of at-spi2-core are activated on demand, runs the app from the
build with the accessibility bridge on, and visits the Dashboard, the Bases
list, a base's page, the Timeline and the Certificates, and the main menu.
On each it fails on any button, toggle, check box, entry or other control
without an accessible name, and on any custom-drawn chart without a role
and a description.  Debian's python3-pyatspi (Debian's own python3) and
at-spi2-core are needed: build-aux/dev installs them.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

if not os.environ.get('DISPLAY'):
    print('No display: run the UI tests under Xvfb (build-aux/dev test does)', file=sys.stderr)
    sys.exit(77)

if os.environ.get('STDBASE_A11Y_SESSION') != '1':
    # A bus of our own: the app is unique per bus, and the AT-SPI registry
    # then sees nobody else's windows.
    env = dict(os.environ, STDBASE_A11Y_SESSION='1')
    os.execvpe('dbus-run-session', ['dbus-run-session', '--', sys.executable] + sys.argv, env)

try:
    import pyatspi
except ImportError:
    print('python3-pyatspi is not installed (build-aux/dev installs it)', file=sys.stderr)
    sys.exit(1)

build = os.path.abspath(sys.argv[1])
TIMEOUT = 30

# Controls a user operates, which a screen reader must be able to name.
NAMED_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM,
    pyatspi.ROLE_LINK, pyatspi.ROLE_PAGE_TAB,
}


def unnamed(node):
    """No name, or only the type name GTK 4.8 falls back to."""
    name = node.name.strip()
    return not name or re.fullmatch(r'(Gtk|Adw)[A-Za-z]+', name) is not None


# Keycodes of Xvfb's default (evdev) keymap.
KEY_CONTROL, KEY_ALT, KEY_RETURN, KEY_F, KEY_F10, KEY_TAB, KEY_ESCAPE = 37, 64, 36, 41, 76, 23, 9
KEY_DIGIT = {n: 9 + n for n in range(1, 10)}


def press(*keycodes):
    for code in keycodes:
        pyatspi.Registry.generateKeyboardEvent(code, None, pyatspi.KEY_PRESS)
    for code in reversed(keycodes):
        pyatspi.Registry.generateKeyboardEvent(code, None, pyatspi.KEY_RELEASE)
    time.sleep(0.5)


def wait_for(what, find):
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        found = find()
        if found:
            return found
        time.sleep(0.3)
    raise SystemExit(f'not ok: timed out waiting for {what}')


def walk(node, depth=0):
    if node is None or depth > 80:
        return
    yield node
    try:
        children = [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Exception:
        return
    for child in children:
        yield from walk(child, depth + 1)


def describe(node):
    path = []
    while node is not None and node.getRole() != pyatspi.ROLE_APPLICATION:
        path.append(f'{node.getRoleName()} “{node.name}”')
        node = node.parent
    return ' < '.join(path[:4])


def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == 'stdbase' and app.childCount > 0:
            return app
    return None


def find_named(app, role, name):
    for node in walk(app):
        if node.getRole() == role and node.name == name:
            return node
    return None


def focused(app):
    for node in walk(app):
        if node.getState().contains(pyatspi.STATE_FOCUSED):
            return node
    return None


def tab_walk(app, screen, presses, must_reach, problems):
    """Tab through a screen: focus moves on every press, every control it
    lands on has a name, and it reaches the controls the screen is for."""
    seen = []
    previous = None
    for _ in range(presses):
        press(KEY_TAB)
        node = focused(app)
        if node is None:
            problems.append(f'{screen}: Tab left no control focused')
            return
        here = (node.getRoleName(), node.name, node.getIndexInParent(), describe(node))
        if here == previous:
            problems.append(f'{screen}: Tab did not move the focus from {describe(node)}')
            return
        previous = here
        seen.append(node.name)
        if node.getRole() in NAMED_ROLES and unnamed(node):
            problems.append(f'{screen}: Tab reaches a {node.getRoleName()} without a name: {describe(node)}')
        if node.getRole() == pyatspi.ROLE_TABLE_ROW:
            # In the list, GTK 4.8 moves Tab from row to row.
            seen.append('the list')
            break
    for name in must_reach:
        if name not in seen:
            problems.append(f'{screen}: Tab never reaches “{name}” (reached: {", ".join(seen)})')
    print(f'ok - {screen}: Tab reaches {", ".join(n for n in seen if n)}')


def check_screen(app, screen, problems):
    """Every control the window presents, shown or not yet: GTK 4.8 does not
    keep the showing state, and a control on a hidden page is nameless too
    once it is shown."""
    controls = charts = 0
    for node in walk(app):
        role = node.getRole()
        if role in NAMED_ROLES:
            controls += 1
            if unnamed(node):
                problem = f'a {node.getRoleName()} has no accessible name: {describe(node)}'
                if problem not in problems:
                    problems.append(problem)
        elif role == pyatspi.ROLE_IMAGE and node.childCount > 0:
            # A custom-drawn view (the charts): a picture with a name, and a
            # description that gives its numbers in words.
            charts += 1
            if unnamed(node) or not node.description.strip():
                problems.append(f'a drawing has no name or no description: {describe(node)}')
    print(f'ok - {screen}: {controls} controls and {charts} drawings walked')
    return controls


def hold_display():
    """Xvfb resets when its last client leaves, and a client that connects
    during the reset is refused: at-spi-bus-launcher connects and leaves
    just as the app starts.  A client that stays keeps the server up."""
    holder = subprocess.Popen(['xprop', '-root', '-spy'], stdout=subprocess.DEVNULL)
    # The AT-SPI bus and registry come up now, not while the app starts.
    pyatspi.Registry.getDesktop(0)
    time.sleep(1)
    return holder


def main():
    tmp = tempfile.mkdtemp(prefix='stdbase-a11y-')
    database = os.path.join(tmp, 'demo.db')
    env = dict(os.environ)
    for name in ('NO_AT_BRIDGE', 'GTK_A11Y'):
        env.pop(name, None)
    env.update(GSETTINGS_BACKEND='memory', GDK_BACKEND='x11', LANG='C.UTF-8', LANGUAGE='en')
    cli = os.path.join(build, 'src', 'cli', 'stdbase-cli')
    subprocess.run([cli, 'demo', '--database', database, '--today', '2026-11-27'],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    holder = hold_display()
    app_process = subprocess.Popen([os.path.join(build, 'src', 'ui', 'stdbase'),
                                    '--database', database, '--today', '2026-11-27'], env=env)
    problems = []
    try:
        app = wait_for('the app on the accessibility bus', find_app)
        wait_for('the dashboard', lambda: find_named(app, pyatspi.ROLE_PAGE_TAB, 'Bases'))
        time.sleep(1)

        total = check_screen(app, 'Dashboard', problems)

        for section in ('Bases', 'Timeline', 'Certificates'):
            button = find_named(app, pyatspi.ROLE_PAGE_TAB, section)
            button.queryAction().doAction(0)
            time.sleep(1.5)
            total += check_screen(app, section, problems)

        # The keyboard: from the section switcher, Tab goes through the
        # header, the search, the filters and into the list.
        find_named(app, pyatspi.ROLE_PAGE_TAB, 'Bases').queryAction().doAction(0)
        time.sleep(1)
        tab_walk(app, 'Bases by keyboard', 12,
                 ['Search Bases', 'Main Menu', 'Search bases and units', 'Domain',
                  'State or phase', 'City', 'Six-new tag', 'the list'], problems)

        # A base's page: Ctrl+F and Enter open the first base.
        press(KEY_CONTROL, KEY_F)
        press(KEY_RETURN)
        # Its rows are made when it opens: a unit's credit code has a copy button.
        wait_for('a base’s page', lambda: find_named(app, pyatspi.ROLE_PUSH_BUTTON, 'Copy Credit Code'))
        time.sleep(1.5)
        total += check_screen(app, 'Base page', problems)
        tab_walk(app, 'Base page by keyboard', 10, [], problems)

        # The main menu (F10).
        press(KEY_F10)
        time.sleep(1)
        total += check_screen(app, 'Main menu', problems)
    finally:
        app_process.terminate()
        app_process.wait(timeout=10)
        holder.terminate()
        shutil.rmtree(tmp, ignore_errors=True)

    for problem in problems:
        print(f'not ok: {problem}')
    if total < 20:
        print(f'not ok: only {total} controls found: is the bridge on?')
        return 1
    return 1 if problems else 0


sys.exit(main())
