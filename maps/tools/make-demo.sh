#!/usr/bin/env bash
# Rebuilds the demo (maps/demo/demo.gpkg and maps/demo.siteplan.gpkg) from real public data only: the
# files of ../shared/data/real (PROVENANCE.md there says the source, licence and caveats of each) and the
# bundled basemap. Nothing is invented. Run once by a developer; the output is committed, so neither the
# build nor the app needs GDAL or the data folder.
#   needs: a JDK and target/siteplanner.jar (mvn -q -DskipTests package), GDAL's ogr2ogr
#   usage: maps/tools/make-demo.sh [DATA_DIR]   (default: ../shared/data/real beside the project)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-$here/../shared/data/real}"
data="$(cd "$data" && pwd)"
jar="$here/target/siteplanner.jar"
demo="$here/maps/demo"
out="$demo/demo.gpkg"
[ -f "$jar" ] || { echo "error: $jar not found: run mvn -q -DskipTests package first" >&2; exit 2; }
command -v ogr2ogr >/dev/null || { echo "error: ogr2ogr (GDAL) not found" >&2; exit 2; }
sp() { java -jar "$jar" "$@"; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rm -f "$out"
add() { # add LAYER_NAME SOURCE [ogr2ogr options...]: one layer (or table) into demo.gpkg
  local name="$1" src="$2"; shift 2
  ogr2ogr -f GPKG -update -nln "$name" -lco SPATIAL_INDEX=NO "$@" "$out" "$src"
}
ogr2ogr -f GPKG "$out" "$data/transmission_hifld_in_ge138kv.geojson" -nln lines_in -lco SPATIAL_INDEX=NO
# OpenStreetMap (ODbL): Mississippi's lines; Indiana's lines too, because their end-node ids tie them to the
# OSM grid nodes used as Indiana's substations (the capacity estimate); HIFLD lines are drawn for Indiana
add lines_ms "$data/transmission_osm2017_ms.geojson"
add lines_in_osm "$data/transmission_osm2017_in.geojson"
# substations: HIFLD for Mississippi (partial copy, 901 points in the MS box), OSM grid nodes for Indiana
# (typ 'joint'/'merge' are topology helpers, not substations: left out)
add subs_ms "$data/substations_hifld_partial_ms.geojson"
add subs_in "$data/grid_nodes_osm2017_in.geojson" -where "typ NOT IN ('joint', 'merge')"
# EIA Energy Atlas plants (May 2023) in the two state boxes (neighbouring states' plants near the border
# included: generation within 50 km does not stop at a state line)
for s in in ms; do
  add plants "$data/power_plants_eia_${s}_bbox.csv" -append -oo X_POSSIBLE_NAMES=Longitude \
    -oo Y_POSSIBLE_NAMES=Latitude -oo KEEP_GEOM_COLUMNS=NO -oo AUTODETECT_TYPE=YES -a_srs EPSG:4326 \
    -sql "SELECT Plant_Code, Plant_Name, Utility_Name, State, County, PrimSource, tech_desc, Total_MW, Period
          FROM power_plants_eia_${s}_bbox"
done
# Census 2017 counties of MS and IN; states MS and IN from the basemap (price zones)
add counties "$data/counties_ms_in_census2017_10m.geojson" -select GEOID,STATEFP,STATE,NAME -nlt MULTIPOLYGON
add states "$here/maps/basemap/us_states.geojson" -where "GEOID IN ('18', '28')"
# GeoNames places (CC BY 4.0) of the bundled basemap within 415 km of both regions (population access:
# the gravity sum e^(-d/30 km) leaves out places beyond 13.8 x 30 km = 414 km anyway)
add places "$here/maps/basemap/us_places.geojson" -spat -95 28 -81 46
# join tables (no geometry): FEMA NRI county rows of MS and IN, EIA 2023 state prices
add nri "$data/fema_nri_counties_composite_us.csv" -where "STATEABBRV IN ('MS', 'IN')" \
  -oo AUTODETECT_TYPE=YES -oo KEEP_GEOM_COLUMNS=NO \
  -select STCOFIPS,COUNTY,STATEABBRV,POPULATION,RISK_SCORE,RISK_RATNG,EAL_VALT,SOVI_SCORE,RESL_SCORE
add eia_prices "$data/eia_avg_retail_price_by_state_2023.csv" -oo AUTODETECT_TYPE=YES
# HIFLD retail service territories (Indiana)
add territories "$data/utility_territories_hifld_in.geojson" -nlt MULTIPOLYGON
# candidate cells: 1,000-acre hexagons (EPSG:5070) over St. Joseph + LaPorte IN and Madison MS, each tagged
# with the county (bundled basemap counties) that contains it
sp candidates --region "$data/counties_ms_in_census2017_10m.geojson" --where "GEOID IN ('18141', '18091')" \
  --cell-acres 1000 --shape hex --out "$work/cells_in.gpkg"
sp candidates --region "$data/counties_ms_in_census2017_10m.geojson" --where "GEOID = '28089'" \
  --cell-acres 1000 --shape hex --out "$work/cells_ms.gpkg"
add cells_in "$work/cells_in.gpkg"
add cells_ms "$work/cells_ms.gpkg"
ogrinfo -so "$out" | sed -n '/^1:/,$p'
[ "${NO_PROJECT:-}" = 1 ] && exit 0
# the project: copies of the scenarios' layers (joins applied), the basemap and the scenarios
sp project create --scenario "$demo/scenario-1gw-in.json" --scenario "$demo/scenario-1gw-ms.json" \
  --scenario "$demo/scenario-300mw-ms.json" --basemap "$here/maps/basemap" \
  --title "SitePlanner demo: St. Joseph/LaPorte IN and Madison County MS (real public data)" \
  --out "$here/maps/demo.siteplan.gpkg"
ls -l "$out" "$here/maps/demo.siteplan.gpkg"
