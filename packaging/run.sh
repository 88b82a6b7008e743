#!/usr/bin/env bash
# Starts SitePlanner from the built jar with a class-data sharing (CDS) archive, for a faster start:
#   mvn -q -DskipTests package && packaging/run.sh [ARGS...]      (same arguments as java -jar target/siteplanner.jar)
# The archive, target/siteplanner-jdkN.jsa, holds the classes a start of the desktop app loads, pre-parsed
# and verified. It is written when the first desktop-app run after a build exits (that exit takes a few
# seconds longer); later runs, CLI ones too, map it instead of reading those classes from the jars.
# JAVA=/path/to/java picks another JDK (17 or newer).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/target/siteplanner.jar"
java="${JAVA:-java}"
feature="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
feature="${feature%%.*}"
jsa="$root/target/siteplanner-jdk$feature.jsa"
# the dump's notes about classes it cannot archive (old class-file versions) are not for the user
quiet=(-Xlog:cds=off -Xlog:cds+dynamic=off)
gui=false
if [ $# -eq 0 ] || [ -f "$1" ] || [ "$1" = --project ]; then
  gui=true
  # the desktop app compiles with C1 only: about a second less CPU at start-up, the same frame times
  quiet+=(-XX:TieredStopAtLevel=1)
fi
if [ "$feature" -ge 19 ]; then
  # JDK 19+: the JVM writes the archive at exit when there is none or it no longer matches the jars
  if [ -f "$jsa" ] || $gui; then
    exec "$java" "${quiet[@]}" -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$jsa" -jar "$jar" "$@"
  fi
  exec "$java" -jar "$jar" "$@"
fi
# JDK 17/18: use the archive while no jar is newer than it; a desktop-app run writes a new one at exit
if [ -f "$jsa" ] && [ -z "$(find "$jar" "$root/target/lib" -newer "$jsa" -print -quit)" ]; then
  exec "$java" "${quiet[@]}" -XX:SharedArchiveFile="$jsa" -jar "$jar" "$@"
fi
rm -f "$jsa"
if $gui; then
  exec "$java" "${quiet[@]}" -XX:ArchiveClassesAtExit="$jsa" -jar "$jar" "$@"
fi
exec "$java" -jar "$jar" "$@"
