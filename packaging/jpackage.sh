#!/usr/bin/env bash
# Builds SitePlanner's self-contained app image and Debian package with the JDK's own tools (no download):
#   mvn -q -DskipTests package && packaging/jpackage.sh [app-image|deb]
#
# The JDK that runs jlink/jpackage (JAVA_HOME, else the java on the PATH) is the one bundled. JDK 25 or
# later is the one to ship (JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64): its ahead-of-time cache (JEP 483,
# 514, 515) starts the app about twice as fast as JDK 17's class-data sharing. JDK 17 still works.
#
# 1. a Java runtime with only the modules the app needs: the list below, checked against jdeps, built by jlink
# 2. the app image (jpackage): that runtime, the jar and its libraries, maps/, a launcher whose JVM options
#    size the heap as a share of RAM and use the start-up archive of step 3
# 3. the start-up archive, recorded from one start on the demo under a virtual display (xvfb-run):
#    JDK 25+: the AOT cache (classes loaded and linked, method profiles) made here and shipped in the image
#    and the .deb (it stays valid when the image moves, as long as the files keep their times, as dpkg does);
#    JDK 17-24: the CDS class list; a CDS archive names the jar paths it was made from, so it is made where
#    the app runs: here for the app image in target/dist, by the package's postinst in /opt/siteplanner
# 4. deb: menu entry and icon, *.siteplan.gpkg file association, /usr/bin/siteplanner, maintainer, licence
#
# Environment: SITEPLANNER_MAINTAINER (deb Maintainer e-mail), SITEPLANNER_HOMEPAGE (--about-url; the
# project has none yet, so it is left out unless set). Needs: jdeps/jlink/jpackage (JDK 17+), for the
# start-up archive xvfb-run (apt-get install xvfb xauth), for deb fakeroot and dpkg-deb.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
type="${1:-app-image}"
case "$type" in
  app-image|deb) ;;
  *) echo "usage: $0 [app-image|deb]" >&2; exit 2 ;;
esac
version="$(sed -n 's/^version=//p' "$root/target/classes/io/siteplanner/version.properties" | sed 's/-SNAPSHOT//')"
version="${version:-0.1.0}"
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
feature="$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
aot=0; [ "${feature%%.*}" -ge 25 ] && aot=1
echo "bundling the runtime of $jdk (Java $feature; start-up archive: $([ $aot = 1 ] && echo AOT cache || echo CDS))"
maintainer="${SITEPLANNER_MAINTAINER:-maintainers@users.noreply.h-seed-c89482f8.example}"
target="$root/target"
stage="$target/jpackage-input"
runtime="$target/jpackage-runtime"
dist="$target/dist"
app="$dist/SitePlanner"

# Modules of the bundled runtime. jdeps sees the class references (java.net.http: the XYZ tile basemap);
# jdk.charsets it cannot see (the DBF/.cpg code pages are looked up by name), nor jdk.crypto.ec (the
# elliptic-curve TLS key exchange of HTTPS tile servers, a security provider on JDK 17).
# NOT_NEEDED: modules only library code we never run refers to.
MODULES=java.base,java.datatransfer,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.rmi,java.sql,java.transaction.xa,java.xml,jdk.unsupported,jdk.unsupported.desktop,jdk.charsets,jdk.crypto.ec
NOT_NEEDED="java.compiler java.instrument jdk.jfr" # Error Prone annotations, ehcache's sizeof agent, JavaFX's JFR events
echo "checking the module list with jdeps"
needed="$(cd "$target" && "$jdk/bin/jdeps" --ignore-missing-deps --multi-release 17 --list-deps siteplanner.jar lib/*.jar 2>/dev/null \
  | sed -n 's/^ *\(java\.[a-z.]*\|jdk\.[a-z.]*\).*/\1/p' | sort -u)"
for m in $needed; do
  if [[ ",$MODULES," != *",$m,"* && " $NOT_NEEDED " != *" $m "* ]]; then
    echo "error: jdeps says module $m is needed: add it to MODULES or NOT_NEEDED in $0" >&2
    exit 1
  fi
done

rm -rf "$stage" "$runtime" "$dist"
"$jdk/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress="$([ "${feature%%.*}" -ge 21 ] && echo zip-6 || echo 2)" --output "$runtime"

mkdir -p "$stage"
cp "$target/siteplanner.jar" "$stage/"
cp -r "$target/lib" "$stage/lib"
cp -r "$root/maps" "$stage/maps"
cp "$root/packaging/LICENSE.txt" "$stage/"
# SQLite's native library, unpacked here once instead of by sqlite-jdbc into the temp folder on every start
sqlite_jar="$(ls "$target"/lib/sqlite-jdbc-*.jar)"
sqlite_native="org/sqlite/native/Linux/$(uname -m)/libsqlitejdbc.so"
mkdir -p "$stage/native"
unzip -p "$sqlite_jar" "$sqlite_native" >"$stage/native/libsqlitejdbc.so"

common=(--name SitePlanner --app-version "$version" --vendor "SitePlanner maintainers"
  --copyright "Copyright (C) 2026 the SitePlanner maintainers"
  --description "Site selection for hyperscale AI data-center campuses"
  --icon "$root/packaging/icon/siteplanner.png")
# Two launchers with the same options but one: bin/SitePlanner (menu entry, file manager) compiles with
# C1 only (-XX:TieredStopAtLevel=1: ~1 s less CPU at start-up, the same frame times; the C2 compiler only
# pays off in long batch runs), bin/siteplanner (the command, /usr/bin/siteplanner) with both compilers.
# $APPDIR is the launchers' lib/app folder. MaxRAMPercentage: the heap may grow to half the RAM;
# +UseCompressedOops keeps 32-bit object pointers (heap at most ~31 GB on big machines), as the CDS archive needs.
# JDK 25+: the AOT cache; JavaFX 21 and SQLite load native libraries (JNI) and JavaFX's Marlin renderer
# uses sun.misc.Unsafe: allowed, as on JDK 17, instead of a warning on every start.
jvm_options=("-Dsiteplanner.maps=\$APPDIR/maps" -XX:MaxRAMPercentage=50 -XX:+UseCompressedOops
  "-Dorg.sqlite.lib.path=\$APPDIR/native" -Dorg.sqlite.lib.name=libsqlitejdbc.so)
if [ $aot = 1 ]; then
  # -Xlog:aot=off: a missing or stale cache only means a slower start, as with CDS (no error lines)
  jvm_options+=("-XX:AOTCache=\$APPDIR/siteplanner.aot" -Xlog:aot=off --enable-native-access=ALL-UNNAMED
    --sun-misc-unsafe-memory-access=allow)
else
  jvm_options+=("-XX:SharedArchiveFile=\$APPDIR/siteplanner.jsa")
fi
printf "java-options=%s\nlinux-shortcut=false\n" "${jvm_options[*]}" >"$target/cli-launcher.properties"
gui_options=()
for o in "${jvm_options[@]}" -XX:TieredStopAtLevel=1; do gui_options+=(--java-options "$o"); done
"$jdk/bin/jpackage" --type app-image "${common[@]}" --runtime-image "$runtime" \
  --input "$stage" --main-jar siteplanner.jar --main-class io.siteplanner.app.Main "${gui_options[@]}" \
  --add-launcher siteplanner="$target/cli-launcher.properties" \
  --dest "$dist"

# The start-up archive. The recording start: the app image's GUI launcher's JVM options and class path, run
# by its runtime on the demo under xvfb-run; the start-up probe quits once the scored map is drawn.
appdir="$app/lib/app"
launcher_cp() { sed -n 's/^app\.classpath=//p' "$1/SitePlanner.cfg" | sed "s|\$APPDIR|$1|g" | paste -sd: -; }
# the GUI launcher's JVM options without its archive option (an AOT cache is recorded and made with the
# options it is used with: the module options must match, else the JVM disables parts of it)
rec_opts=()
for o in "${jvm_options[@]}" -XX:TieredStopAtLevel=1; do
  case "$o" in -XX:AOTCache=*|-XX:SharedArchiveFile=*|-Xlog:aot=off) ;; *) rec_opts+=("${o//\$APPDIR/$appdir}") ;; esac
done
record_start() { # record_start LOG JAVA_OPTION...
  local log="$1"; shift
  JAVA_TOOL_OPTIONS="-Dsiteplanner.startupProbe=true" xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$app/lib/runtime/bin/java" "${rec_opts[@]}" "$@" -cp "$(launcher_cp "$appdir")" io.siteplanner.app.Main >"$log" 2>&1 \
    || { cat "$log" >&2; echo "error: the recording start failed" >&2; exit 1; }
  grep -q 'startup: render' "$log" || { cat "$log" >&2; echo "error: no drawn map in the recording start" >&2; exit 1; }
}
if ! command -v xvfb-run >/dev/null; then
  echo "warning: no xvfb-run: no start-up archive (the app starts slower)" >&2
elif [ $aot = 1 ]; then
  # JDK 25+: record (the classes a start loads and links, and the profiles of the methods it runs), then
  # assemble the AOT cache from that record with the same class path
  echo "recording the AOT cache (one start on the demo under xvfb-run)"
  rec="$(mktemp -d)"
  record_start "$rec/gui.log" -XX:AOTMode=record -XX:AOTConfiguration="$rec/siteplanner.aotconf"
  "$app/lib/runtime/bin/java" -XX:AOTMode=create -XX:AOTConfiguration="$rec/siteplanner.aotconf" \
    -XX:AOTCache="$appdir/siteplanner.aot" "${rec_opts[@]}" -cp "$(launcher_cp "$appdir")" >"$target/aot-create.log" 2>&1 \
    || { tail -5 "$target/aot-create.log" >&2; echo "error: AOT cache creation failed" >&2; exit 1; }
  rm -rf "$rec"
else
  # JDK 17-24: the CDS class list, classes loaded by a start on the demo and by the CLI
  echo "recording the class list (one start on the demo under xvfb-run)"
  lists="$(mktemp -d)"
  record_start "$lists/gui.log" -XX:DumpLoadedClassList="$lists/gui"
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$lists/cli" \
    "$app/bin/siteplanner" project info "$appdir/maps/demo.siteplan.gpkg" >/dev/null 2>&1
  # the dump header once, then every class line once, in load order
  cat "$lists/gui" "$lists/cli" | awk '/^#/ { if (!h[$0]++) print; next } !seen[$0]++' >"$appdir/siteplanner.classlist"
  rm -rf "$lists"
fi

# Makes the CDS archive for an app image in place (the same command the deb's postinst runs).
make_cds_archive() {
  local dir="$1/lib/app"
  [ -f "$dir/siteplanner.classlist" ] || return 0
  local cp
  cp="$(launcher_cp "$dir")"
  "$1/lib/runtime/bin/java" -Xshare:dump -XX:+UseCompressedOops -XX:SharedClassListFile="$dir/siteplanner.classlist" \
    -XX:SharedArchiveFile="$dir/siteplanner.jsa" -cp "$cp" >"$target/cds-dump.log" 2>&1 \
    || { tail -5 "$target/cds-dump.log" >&2; echo "error: CDS dump failed" >&2; exit 1; }
}

if [ "$type" = deb ]; then
  # the package gets the image with its AOT cache (JDK 25+) or without a CDS archive (its postinst makes
  # one under /opt/siteplanner)
  resources="$(mktemp -d)"
  cp "$root/packaging/linux/postinst" "$root/packaging/linux/SitePlanner.desktop" "$resources/"
  # prerm: jpackage fills in its helper functions where its own template has them: UTILITY_SCRIPTS up to
  # some JDK, COMMON_SCRIPTS and DESKTOP_SCRIPTS (with package_type) in later ones (JDK 25); use this JDK's
  helpers="$("$jdk/bin/jimage" extract --dir "$resources/jdk" --include \
    'regex:.*jpackage/internal/resources/template\.prerm' "$jdk/lib/modules" 2>/dev/null \
    && grep -hE '^(package_type=|[A-Z_]+_SCRIPTS$)' "$resources"/jdk/jdk.jpackage/jdk/jpackage/internal/resources/template.prerm \
    | grep -v LAUNCHER_AS_SERVICE)"
  rm -rf "$resources/jdk"
  [ -n "$helpers" ] || { echo "error: cannot read $jdk's jpackage prerm template" >&2; exit 1; }
  awk -v h="$helpers" '$0 == "UTILITY_SCRIPTS" { print h; next } { print }' "$root/packaging/linux/prerm" >"$resources/prerm"
  chmod +x "$resources/prerm"
  about=()
  [ -z "${SITEPLANNER_HOMEPAGE:-}" ] || about=(--about-url "$SITEPLANNER_HOMEPAGE")
  "$jdk/bin/jpackage" --type deb "${common[@]}" "${about[@]}" --app-image "$app" --dest "$dist" --resource-dir "$resources" \
    --linux-package-name siteplanner --linux-deb-maintainer "$maintainer" \
    --linux-menu-group "Science;Geography;" --linux-app-category science --linux-shortcut \
    --linux-package-deps "libgtk-3-0 | libgtk-3-0t64, libgl1" \
    --license-file "$root/packaging/LICENSE.txt" \
    --file-associations "$root/packaging/siteplan-project.properties"
  rm -rf "$resources"
  # add /usr/bin/siteplanner (a file of the package, so dpkg owns and removes it); drop the menu entry
  # jpackage makes for the command launcher too (it inherits the file association): one entry is enough
  deb="$(ls "$dist"/siteplanner_*.deb)"
  unpacked="$(mktemp -d)"
  dpkg-deb -R "$deb" "$unpacked/p"
  rm "$unpacked/p/opt/siteplanner/lib/siteplanner-siteplanner.desktop"
  sed -i '/siteplanner-siteplanner\.desktop/d' "$unpacked/p/DEBIAN/postinst" "$unpacked/p/DEBIAN/prerm"
  mkdir -p "$unpacked/p/usr/bin"
  ln -s /opt/siteplanner/bin/siteplanner "$unpacked/p/usr/bin/siteplanner"
  # the AOT cache checks the jars and the runtime by size and modification time: jpackage's copy gave them
  # new times, so they get the app image's back (dpkg keeps a package's file times when it installs)
  (cd "$app" && find . -type f) | while read -r f; do
    [ ! -f "$unpacked/p/opt/siteplanner/$f" ] || touch -r "$app/$f" "$unpacked/p/opt/siteplanner/$f"
  done
  fakeroot dpkg-deb -Zxz -b "$unpacked/p" "$deb" >/dev/null
  rm -rf "$unpacked"
fi
make_cds_archive "$app"

du -sh "$runtime" "$app" "$dist"/*.deb 2>/dev/null || true
echo "built: $(cd "$dist" && ls)"
