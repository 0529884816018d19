#!/usr/bin/env python3
"""Checks that po/POTFILES names every file with translatable strings.

Run as: check-potfiles.py SOURCE_ROOT

A file has translatable strings when it is
  - C source under src/ that calls _(), N_(), C_(), NC_() or a *gettext
    function;
  - a GtkBuilder file under data/ with translatable="yes";
  - the desktop file or the metainfo template (data/*.desktop.in,
    data/*.metainfo.xml.in);
  - a GSettings schema that names a gettext-domain and has a summary or
    description.
Every file POTFILES lists must also exist.  Prints what is wrong and exits 1.
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1]).resolve()

C_CALL = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|g_dgettext|g_dpgettext2|ngettext|gettext)\s*\(')

def has_strings(path):
    text = path.read_text(encoding='utf-8')
    name = path.name
    if name.endswith('.c'):
        return C_CALL.search(text) is not None
    if name.endswith('.ui'):
        return 'translatable="yes"' in text
    if name.endswith('.desktop.in') or name.endswith('.metainfo.xml.in'):
        return True
    if name.endswith('.gschema.xml'):
        return 'gettext-domain=' in text and ('<summary>' in text or '<description>' in text)
    return False

candidates = []
candidates += sorted((root / 'src').rglob('*.c'))
candidates += sorted((root / 'data').rglob('*.ui'))
candidates += sorted((root / 'data').glob('*.desktop.in'))
candidates += sorted((root / 'data').glob('*.metainfo.xml.in'))
candidates += sorted((root / 'data').glob('*.gschema.xml'))

needed = {str(p.relative_to(root)) for p in candidates if has_strings(p)}

listed = set()
for line in (root / 'po' / 'POTFILES').read_text(encoding='utf-8').splitlines():
    line = line.strip()
    if line and not line.startswith('#'):
        listed.add(line)

missing = sorted(needed - listed)
gone = sorted(p for p in listed if not (root / p).is_file())

for path in missing:
    print(f'po/POTFILES does not list {path}, which has translatable strings')
for path in gone:
    print(f'po/POTFILES lists {path}, which does not exist')

print(f'{len(needed)} files with translatable strings, {len(listed)} listed')
sys.exit(1 if missing or gone else 0)
