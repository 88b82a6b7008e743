#!/usr/bin/env bash
# Builds a self-contained installer/app image with the JDK's jpackage (no download needed).
#   mvn -q -DskipTests package && packaging/jpackage.sh [app-image|deb|rpm|msi|dmg]
# The image bundles a Java runtime, the jar, its libraries and the maps/ folder (basemap + demo).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
type="${1:-app-image}"
version="$(sed -n 's/^version=//p' "$root/target/classes/io/siteplanner/version.properties" | sed 's/-SNAPSHOT//')"
stage="$root/target/jpackage-input"
rm -rf "$stage" "$root/target/dist"
mkdir -p "$stage"
cp "$root/target/siteplanner.jar" "$stage/"
cp -r "$root/target/lib" "$stage/lib"
cp -r "$root/maps" "$stage/maps"
jpackage --type "$type" --name SitePlanner --app-version "${version:-0.1.0}" \
  --vendor "SitePlanner" --description "Site selection for hyperscale AI data-center campuses" \
  --input "$stage" --main-jar siteplanner.jar --main-class io.siteplanner.app.Main \
  --java-options "-Dsiteplanner.maps=\$APPDIR/maps" --java-options "-Xmx8g" \
  --dest "$root/target/dist"
echo "built $(ls "$root/target/dist")"
