#!/usr/bin/env bash
# Rebuilds maps/basemap/*.geojson from the npm package us-atlas (US Census 2017 cartographic boundary
# files, 1:10m, public domain; packaging ISC). Run once by a developer; the output is committed, so
# neither the build nor the app needs network or Node.js.
#   usage: maps/tools/make-basemap.sh
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm install --silent --no-audit --no-fund us-atlas@3.0.1 topojson-client@3.1.0 >/dev/null
mkdir -p "$here/basemap"
npx topo2geo states="$work/states.json" counties="$work/counties.json" < node_modules/us-atlas/counties-10m.json
node - "$work" "$here/basemap" <<'JS'
// Adds properties used by the app: GEOID/STATEFP (from the topology id), NAME, STATE; rounds to 5 decimals.
const fs = require('fs');
const [work, out] = process.argv.slice(2);
const round = c => Array.isArray(c[0]) ? c.map(round) : [Math.round(c[0] * 1e5) / 1e5, Math.round(c[1] * 1e5) / 1e5];
// closes rings that the quantized topology leaves open (Illinois in us-atlas 3.0.1)
const close = r => (r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1]) ? r : r.concat([r[0]]);
const fix = g => g.type === 'Polygon' ? g.coordinates.map(close)
  : g.type === 'MultiPolygon' ? g.coordinates.map(p => p.map(close)) : g.coordinates;
const states = JSON.parse(fs.readFileSync(work + '/states.json'));
const stateName = {};
for (const f of states.features) stateName[f.id] = f.properties.name;
function clean(fc, kind) {
  return {
    type: 'FeatureCollection',
    features: fc.features.filter(f => f.geometry).map(f => ({
      type: 'Feature',
      properties: kind === 'state'
        ? { GEOID: f.id, NAME: f.properties.name }
        : { GEOID: f.id, STATEFP: f.id.substring(0, 2), NAME: f.properties.name, STATE: stateName[f.id.substring(0, 2)] || null },
      geometry: { type: f.geometry.type, coordinates: fix({ type: f.geometry.type, coordinates: round(f.geometry.coordinates) }) }
    }))
  };
}
fs.writeFileSync(out + '/us_states.geojson', JSON.stringify(clean(states, 'state')));
fs.writeFileSync(out + '/us_counties.geojson', JSON.stringify(clean(JSON.parse(fs.readFileSync(work + '/counties.json')), 'county')));
JS
ls -l "$here/basemap"
