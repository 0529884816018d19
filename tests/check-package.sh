#!/bin/sh
# check-package.sh SOURCE_ROOT: builds the Debian package from a copy of the
# tree (dpkg-buildpackage -us -uc -b, its own tests skipped: the suite runs
# them), checks what the .deb holds and runs lintian, which must report no
# error.  Run it with `meson test -C BUILD --setup package --suite package`;
# it takes minutes, so the default test run leaves it out.
set -eu

source_root=$(cd "$1" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/stdbase-package-XXXXXX")
trap 'rm -rf "$work"' EXIT

fail() {
  echo "not ok: $*" >&2
  exit 1
}

for tool in dpkg-buildpackage dh lintian; do
  command -v "$tool" >/dev/null || fail "$tool is missing (build-aux/dev installs it)"
done

version=$(dpkg-parsechangelog -l "$source_root/debian/changelog" -S Version)
tree="$work/stdbase-$version"
mkdir -p "$tree"
# The files of the tree, without build directories.
(cd "$source_root" && find . -mindepth 1 -maxdepth 1 \
   ! -name '.git' ! -name '_build*' ! -name 'obj-*' ! -name 'build' -print0 \
 | xargs -0 cp -a -t "$tree")
rm -rf "$tree/debian/stdbase" "$tree/debian/.debhelper" "$tree/debian/files"

if ! (cd "$tree" && DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -us -uc -b) >"$work/build.log" 2>&1; then
  tail -40 "$work/build.log" >&2
  fail "dpkg-buildpackage failed"
fi
echo "ok - dpkg-buildpackage -us -uc -b"

deb="$work/stdbase_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || fail "no $deb"
dpkg-deb -c "$deb" | awk '{ print $6 }' >"$work/contents"
for file in \
  ./usr/bin/stdbase \
  ./usr/bin/stdbase-cli \
  ./usr/share/stdbase/calendar/cn-statutory-holidays.ini \
  ./usr/share/glib-2.0/schemas/org.shanxi.StdBase.gschema.xml \
  ./usr/share/locale/zh_CN/LC_MESSAGES/stdbase.mo \
  ./usr/share/applications/org.shanxi.StdBase.desktop \
  ./usr/share/metainfo/org.shanxi.StdBase.metainfo.xml \
  ./usr/share/dbus-1/services/org.shanxi.StdBase.service \
  ./usr/share/icons/hicolor/scalable/apps/org.shanxi.StdBase.svg \
  ./usr/share/icons/hicolor/symbolic/apps/org.shanxi.StdBase-symbolic.svg \
  ./usr/share/doc/stdbase/copyright
do
  grep -qx "$file" "$work/contents" || fail "the package lacks $file"
done
grep -q '^./usr/share/man/man1/stdbase.1' "$work/contents" || fail "the package lacks the manual page"
echo "ok - the package holds the programs, data, translations, desktop integration"

dpkg-deb -f "$deb" Depends | grep -q 'libadwaita-1-0' || fail "the package does not depend on libadwaita"
echo "ok - dependencies: $(dpkg-deb -f "$deb" Depends)"

lintian --fail-on error --tag-display-limit 0 "$work"/stdbase_*.changes >"$work/lintian" 2>&1 || {
  cat "$work/lintian" >&2
  fail "lintian reports errors"
}
sed 's/^/# lintian: /' "$work/lintian"
echo "ok - lintian reports no error"
