#!/usr/bin/env python3
"""Compile the app's symbolic icons into a GResource C source.

Each SVG goes in as it is, under scalable/actions/, and encoded the way GTK
encodes its own symbolic icons (gtk4-encode-symbolic-svg) at 16 px, under
16x16/actions/, and at 16 px for scale 2, under 16x16@2/actions/.  GTK then
draws the icons at their usual size from a PNG instead of rendering the SVG.

Usage: encode-symbolic-icons.py --encoder gtk4-encode-symbolic-svg --c-name NAME
                                --prefix PREFIX --output FILE.c SVG...
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

# (folder in the icon theme, size in pixels to encode at)
ENCODED_SIZES = [('16x16', '16x16'), ('16x16@2', '32x32')]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--encoder', default='gtk4-encode-symbolic-svg')
    parser.add_argument('--c-name', required=True)
    parser.add_argument('--prefix', required=True)
    parser.add_argument('--output', required=True)
    parser.add_argument('svgs', nargs='+')
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as work:
        files = []
        for svg in sorted(args.svgs):
            name = os.path.basename(svg)
            if not name.endswith('-symbolic.svg'):
                sys.exit(f'{svg}: a symbolic icon is named NAME-symbolic.svg')
            scalable = os.path.join('scalable', 'actions')
            os.makedirs(os.path.join(work, scalable), exist_ok=True)
            shutil.copy(svg, os.path.join(work, scalable, name))
            files.append(os.path.join(scalable, name))

            for folder, size in ENCODED_SIZES:
                encoded = os.path.join(folder, 'actions')
                os.makedirs(os.path.join(work, encoded), exist_ok=True)
                subprocess.run([args.encoder, '-o', os.path.join(work, encoded),
                                svg, size], check=True)
                files.append(os.path.join(encoded, name[:-len('.svg')] + '.symbolic.png'))

        xml = os.path.join(work, 'icons.gresource.xml')
        with open(xml, 'w', encoding='utf-8') as out:
            out.write('<?xml version="1.0" encoding="UTF-8"?>\n<gresources>\n')
            out.write(f'  <gresource prefix="{args.prefix}">\n')
            for path in files:
                out.write(f'    <file>{path}</file>\n')
            out.write('  </gresource>\n</gresources>\n')

        subprocess.run(['glib-compile-resources', '--sourcedir', work, '--generate-source',
                        '--c-name', args.c_name, '--target', args.output, xml], check=True)


if __name__ == '__main__':
    main()
