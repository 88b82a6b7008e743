#!/usr/bin/python3
"""Builds the illustrative demo data in maps/demo/demo.gpkg (deterministic, seed 2026).

Parcels, substations and lines are ILLUSTRATIVE: no public parcel data exists for these counties here,
and the grid is placed to look plausible, not to match the real network. Price zones are real state
outlines (maps/basemap/us_states.geojson, Census via us-atlas) carrying EIA 2023 average industrial
prices (EIA Electric Power Annual 2023, "Average revenue per kWh by state"), x10 = $/MWh.

Needs Debian's python3 with numpy + shapely, and ogr2ogr (gdal-bin). Run: maps/tools/make-demo.py
"""
import csv, json, math, os, subprocess, sys, tempfile
import numpy as np
from shapely.geometry import Polygon, LineString, Point, shape, mapping
from shapely import affinity

HERE = os.path.dirname(os.path.abspath(__file__))
MAPS = os.path.dirname(HERE)
OUT = os.path.join(MAPS, 'demo', 'demo.gpkg')
rng = np.random.default_rng(2026)

# lon/lat <-> local metres (equirectangular around each anchor; fine for a few tens of km)
def to_ll(x, y, lon0, lat0):
    return lon0 + x / (111320.0 * math.cos(math.radians(lat0))), lat0 + y / 110540.0

REGIONS = [
    # code, state, county, anchor lon/lat (Madison County MS north of Jackson; New Carlisle IN), kV classes
    ('MS', 'MS', 'Madison', -90.05, 32.62, [115, 161, 230, 500]),
    ('IN', 'IN', 'St. Joseph', -86.51, 41.70, [138, 345, 765]),
]
CAP = {69: 102, 115: 180, 138: 205, 161: 260, 230: 400, 345: 750, 500: 1500, 765: 2500}  # MW, NREL reVX-like
LAND_PRICE = {'MS': (6000, 18000), 'IN': (9000, 28000)}  # $/acre, illustrative

# land = state outlines of the basemap: parcels and substations must lie on land (not in Lake Michigan)
from shapely.ops import unary_union
from shapely.prepared import prep
_states = json.load(open(os.path.join(MAPS, 'basemap', 'us_states.geojson')))
LAND = prep(unary_union([shape(f['geometry']) for f in _states['features']
                         if f['properties']['NAME'] in ('Mississippi', 'Indiana', 'Michigan', 'Illinois')]))

parcels, subs, lines = [], [], []
for code, st, county, lon0, lat0, kvs in REGIONS:
    # substations: 14 per region in a 60 x 60 km box
    s_xy = []
    for i in range(14):
        while True:
            x, y = rng.uniform(-30000, 30000), rng.uniform(-30000, 30000)
            if LAND.contains(Point(*to_ll(x, y, lon0, lat0))):
                break
        kv = int(rng.choice(kvs, p=np.linspace(1.6, 0.4, len(kvs)) / np.linspace(1.6, 0.4, len(kvs)).sum()))
        cap = round(CAP[kv] * rng.uniform(0.8, 1.6))
        avail = round(cap * rng.beta(2, 4))
        lon, lat = to_ll(x, y, lon0, lat0)
        s_xy.append((x, y, kv))
        subs.append(dict(sub_id=f'{code}-S{i+1:02d}', name=f'{county} Sub {i+1}', state=st, kv=kv,
                         cap_mw=cap, avail_mw=avail, geom=Point(lon, lat)))
    # lines: each substation to its 2 nearest with kv >= min of both
    for i, (x, y, kv) in enumerate(s_xy):
        d = sorted(((math.hypot(x - x2, y - y2), j) for j, (x2, y2, _) in enumerate(s_xy) if j != i))
        for _, j in d[:2]:
            if j < i and any(l['a'] == j and l['b'] == i and l['region'] == code for l in lines):
                continue
            x2, y2, kv2 = s_xy[j]
            lkv = min(kv, kv2)
            mx, my = (x + x2) / 2 + rng.normal(0, 1500), (y + y2) / 2 + rng.normal(0, 1500)
            pts = [to_ll(x, y, lon0, lat0), to_ll(mx, my, lon0, lat0), to_ll(x2, y2, lon0, lat0)]
            lines.append(dict(region=code, a=i, b=j, line_id=f'{code}-L{len(lines)+1:03d}', kv=lkv,
                              owner='Illustrative Utility ' + code, geom=LineString(pts)))
    # parcels: 140 per region, log-normal acres (median ~250 ac, up to ~2,600 ac)
    k = 0
    while k < 140:
        acres = float(np.clip(rng.lognormal(math.log(250), 1.0), 20, 2600))
        area_m2 = acres * 4046.8564224
        ratio = rng.uniform(0.6, 1.6)
        w = math.sqrt(area_m2 * ratio); h = area_m2 / w
        cx, cy = rng.uniform(-32000, 32000), rng.uniform(-32000, 32000)
        rect = Polygon([(-w/2, -h/2), (w/2, -h/2), (w/2, h/2), (-w/2, h/2)])
        # cut a corner off some parcels so they are not all rectangles
        if rng.random() < 0.4:
            rect = Polygon([(-w/2, -h/2), (w/2, -h/2), (w/2, h/4), (w/4, h/2), (-w/2, h/2)])
        poly = affinity.rotate(rect, rng.uniform(-20, 20), origin=(0, 0))
        poly = affinity.translate(poly, cx, cy)
        ll = Polygon([to_ll(x, y, lon0, lat0) for x, y in poly.exterior.coords])
        if not LAND.contains(ll):
            continue  # in the lake or across the shore: draw again
        lo, hi = LAND_PRICE[st]
        parcels.append(dict(parcel_id=f'{code}-{k+1:03d}', state=st, county=county,
                            zoning=str(rng.choice(['agricultural', 'industrial', 'agricultural', 'mixed'])),
                            land_usd_acre=int(round(rng.uniform(lo, hi), -2)),
                            owner_type=str(rng.choice(['private', 'private', 'private', 'public'])),
                            geom=ll))
        k += 1

# price zones: state outlines + EIA 2023 industrial price
PRICES = {}
with open(os.path.join(sys.argv[1] if len(sys.argv) > 1 else '/work/shared/data/real',
                       'eia_avg_retail_price_by_state_2023.csv')) as f:
    for r in csv.DictReader(f):
        if r['industrial_cents_kwh']:
            PRICES[r['state']] = float(r['industrial_cents_kwh'])
ZONE_STATES = ['Mississippi', 'Louisiana', 'Alabama', 'Arkansas', 'Tennessee', 'Indiana', 'Illinois',
               'Michigan', 'Ohio', 'Kentucky']
states = json.load(open(os.path.join(MAPS, 'basemap', 'us_states.geojson')))
zones = []
for f in states['features']:
    n = f['properties']['NAME']
    if n in ZONE_STATES:
        zones.append(dict(zone_id=len(zones) + 1, state=n, price_usd_mwh=round(PRICES[n] * 10, 2),
                          source='EIA Electric Power Annual 2023, average industrial revenue per kWh',
                          geom=shape(f['geometry'])))

def write(name, rows, gtype):
    fd, path = tempfile.mkstemp(suffix='.geojson'); os.close(fd)
    feats = [dict(type='Feature', properties={k: v for k, v in r.items() if k not in ('geom', 'a', 'b', 'region')},
                  geometry=mapping(r['geom'])) for r in rows]
    json.dump(dict(type='FeatureCollection', features=feats), open(path, 'w'))
    mode = ['-overwrite'] if not os.path.exists(OUT) else ['-update', '-overwrite']
    subprocess.check_call(['ogr2ogr', '-f', 'GPKG', *mode, OUT, path, '-nln', name, '-nlt', gtype,
                           '-a_srs', 'EPSG:4326', '-lco', 'FID=fid'])
    os.remove(path)

if os.path.exists(OUT):
    os.remove(OUT)
write('parcels', parcels, 'POLYGON')
write('substations', subs, 'POINT')
write('lines', lines, 'LINESTRING')
write('price_zones', zones, 'MULTIPOLYGON')
print(f'{OUT}: {len(parcels)} parcels, {len(subs)} substations, {len(lines)} lines, {len(zones)} zones')
