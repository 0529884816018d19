#!/bin/sh
# check-install.sh BUILD_DIR: installs the build into a temporary prefix
# (staged with --destdir, which the installed programs see as their prefix:
# src/core/sb-paths.c), checks the installed files, runs the installed CLI
# and app from there, then checks that `ninja uninstall` removes it all.
#
# The build's own install log is put back afterwards, so a real
# `ninja uninstall` still removes a real installation.
set -eu

build=$(cd "$1" && pwd)
stage=$(mktemp -d "${TMPDIR:-/tmp}/stdbase-install-XXXXXX")
log="$build/meson-logs/install-log.txt"
saved_log=""

cleanup() {
  if [ -n "$saved_log" ]; then mv "$saved_log" "$log"; else rm -f "$log"; fi
  rm -rf "$stage"
}
if [ -f "$log" ]; then
  saved_log=$(mktemp)
  cp "$log" "$saved_log"
fi
trap cleanup EXIT

fail() {
  echo "not ok: $*" >&2
  exit 1
}

meson install -C "$build" --no-rebuild --quiet --destdir "$stage" >/dev/null
prefix=$(meson introspect "$build" --buildoptions \
         | python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
root="$stage$prefix"
echo "# installed into $root"

for file in \
  bin/stdbase \
  bin/stdbase-cli \
  share/stdbase/calendar/cn-statutory-holidays.ini \
  share/glib-2.0/schemas/org.shanxi.StdBase.gschema.xml \
  share/locale/zh_CN/LC_MESSAGES/stdbase.mo \
  share/applications/org.shanxi.StdBase.desktop \
  share/metainfo/org.shanxi.StdBase.metainfo.xml \
  share/dbus-1/services/org.shanxi.StdBase.service \
  share/icons/hicolor/scalable/apps/org.shanxi.StdBase.svg \
  share/icons/hicolor/symbolic/apps/org.shanxi.StdBase-symbolic.svg \
  share/man/man1/stdbase.1 \
  share/man/man1/stdbase-cli.1
do
  [ -f "$root/$file" ] || fail "$file is not installed"
  echo "ok - $file"
done

# The desktop file, the D-Bus service and the binary agree.
desktop="$root/share/applications/org.shanxi.StdBase.desktop"
service="$root/share/dbus-1/services/org.shanxi.StdBase.service"
grep -qx 'DBusActivatable=true' "$desktop" || fail "the desktop file is not DBusActivatable"
grep -qx 'Name\[zh_CN\]=标准创新基地管理' "$desktop" || fail "the desktop file has no Chinese name"
grep -q '^Keywords\[zh_CN\]=.*标准' "$desktop" || fail "the desktop file has no Chinese keywords"
grep -qx 'Name=org.shanxi.StdBase' "$service" || fail "the D-Bus service has the wrong name"
grep -qx "Exec=$prefix/bin/stdbase --gapplication-service" "$service" || fail "the D-Bus service runs the wrong program"
grep -q '<summary xml:lang="zh_CN">' "$root/share/metainfo/org.shanxi.StdBase.metainfo.xml" \
  || fail "the metainfo is not translated"
echo "ok - desktop file, D-Bus service and metainfo agree"

# The installed programs use their own prefix, never the build's or the
# source tree's files.
unset STDBASE_DATA_DIR STDBASE_LOCALEDIR
cli="$root/bin/stdbase-cli"
"$cli" --help >/dev/null || fail "stdbase-cli --help failed"
LANGUAGE=zh_CN LC_ALL=C.UTF-8 "$cli" --help | grep -q '用法' \
  || fail "the installed stdbase-cli does not find its Chinese catalog"
"$cli" demo --database "$stage/demo.db" --today 2026-11-27 >/dev/null \
  || fail "the installed stdbase-cli cannot make a demonstration programme"
mv "$root/share/stdbase/calendar/cn-statutory-holidays.ini" "$stage/calendar.ini"
if "$cli" demo --database "$stage/demo2.db" --today 2026-11-27 >"$stage/out" 2>&1; then
  fail "the installed stdbase-cli found a calendar outside its prefix"
fi
grep -q 'cn-statutory-holidays.ini' "$stage/out" || fail "no clear message for the missing calendar"
mv "$stage/calendar.ini" "$root/share/stdbase/calendar/cn-statutory-holidays.ini"
echo "ok - the installed stdbase-cli runs from its prefix"

# The installed app opens its window and keeps running (on a bus of its
# own, so that no other StdBase on the test's bus takes the command line).
if [ -n "${DISPLAY:-}" ]; then
  glib-compile-schemas "$root/share/glib-2.0/schemas"
  XDG_DATA_DIRS="$root/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" \
  G_DEBUG=fatal-criticals GSETTINGS_BACKEND=memory \
    dbus-run-session -- "$root/bin/stdbase" --database "$stage/demo.db" --today 2026-11-27 \
      >"$stage/app.log" 2>&1 &
  app=$!
  sleep 4
  if ! kill -0 "$app" 2>/dev/null; then
    cat "$stage/app.log" >&2
    fail "the installed app did not keep running"
  fi
  kill "$app"
  wait "$app" || true
  if grep -q 'CRITICAL\|WARNING' "$stage/app.log"; then
    cat "$stage/app.log" >&2
    fail "the installed app printed warnings"
  fi
  rm -f "$root/share/glib-2.0/schemas/gschemas.compiled"
  echo "ok - the installed app runs from its prefix"
else
  echo "ok - the installed app # SKIP no display"
fi

# ninja uninstall removes every installed file.
rm -f "$stage"/demo* "$stage"/out "$stage"/app.log
rm -rf "$stage"/demo.db.documents
ninja -C "$build" uninstall >/dev/null
left=$(find "$stage" -type f)
[ -z "$left" ] || fail "ninja uninstall left: $left"
echo "ok - ninja uninstall removes them"
