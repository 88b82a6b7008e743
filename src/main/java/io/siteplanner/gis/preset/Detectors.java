package io.siteplanner.gis.preset;

import io.siteplanner.gis.preset.DerivedField.Derivation;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.GeometryType;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One detector per preset, most specific first: each looks at a {@link Probe} (field names, geometry
 * family, layer name, a sample of codes) and binds its preset to the layer's own field names, or gives
 * null. {@link Presets} is the API.
 */
final class Detectors {
    private static final double HIFLD_NODATA = Presets.HIFLD_NODATA;
    private static final String HIFLD = "HIFLD (US DHS Homeland Infrastructure Foundation-Level Data), public domain";
    private static final String OSM = "OpenStreetMap contributors, ODbL 1.0";
    private static final String OSM_CREDIT = "© OpenStreetMap contributors (ODbL)";

    private static final List<Function<Probe, Preset>> DETECTORS = List.of(Detectors::hifldLines,
            Detectors::hifldSubstations, Detectors::osmLines, Detectors::osmNodes, Detectors::eiaPlants, Detectors::eiaPrices,
            Detectors::femaNri, Detectors::isoNodes, Detectors::geonames, Detectors::hifldTerritories, Detectors::censusCounties,
            Detectors::censusStates, Detectors::nation);

    private Detectors() {
    }

    static Optional<Preset> detect(Probe p) {
        for (Function<Probe, Preset> d : DETECTORS) {
            Preset x = d.apply(p);
            if (x != null) {
                return Optional.of(x);
            }
        }
        return Optional.empty();
    }

    private static Preset hifldLines(Probe p) {
        String v = p.f("VOLTAGE", "voltage_kv");
        String cls = p.f("VOLT_CLASS");
        if (v == null || cls == null || p.dim == 0 || p.dim == 2) {
            return null;
        }
        List<KeyField> fs = new ArrayList<>();
        fs.add(KeyField.of(v, FieldRole.VOLTAGE_KV, "kV").withNoData(HIFLD_NODATA)
                .withNote("-999999 = not available (about 18-20 % of HIFLD lines)"));
        fs.add(KeyField.of(cls, FieldRole.VOLTAGE_CLASS, null).withNote("UNDER 100, 100-161, 220-287, 345, 500,"
                + " 735 AND ABOVE, DC, NOT AVAILABLE"));
        p.add(fs, FieldRole.OWNER, null, "OWNER");
        p.add(fs, FieldRole.STATUS, null, "STATUS");
        p.add(fs, FieldRole.LINE_END_1, null, "SUB_1");
        p.add(fs, FieldRole.LINE_END_2, null, "SUB_2");
        p.add(fs, FieldRole.ID, null, "ID");
        List<String> notes = new ArrayList<>();
        notes.add("HIFLD Open went offline in August 2025; copies circulate with the same fields");
        if (p.f("SUB_1") == null) {
            notes.add("no SUB_1/SUB_2: substations are matched to line ends by distance for capacity estimates");
        }
        String q = q(v);
        return new Preset("hifld-transmission-lines", "HIFLD Electric Power Transmission Lines", Theme.LINES, HIFLD,
                "HIFLD", fs, List.of(), null, lineCriteria(q), notes);
    }

    private static List<CriterionTemplate> lineCriteria(String kv) {
        return List.of(
                CriterionTemplate.of("d_line345", "distance to lines >= 345 kV", "distance", "filter", kv + " >= 345"),
                CriterionTemplate.of("d_line230", "distance to lines >= 230 kV", "distance", "filter", kv + " >= 230"),
                CriterionTemplate.of("n_line345", "lines >= 345 kV within 10 km", "withinRadius", "filter",
                        kv + " >= 345", "radiusM", 10000, "aggregate", "count"));
    }

    private static Preset hifldSubstations(Probe p) {
        String max = p.f("MAX_VOLT");
        if (max == null || p.dim == 1 || p.dim == 2) {
            return null;
        }
        int others = p.count("MIN_VOLT", "LINES", "STATUS", "NAME", "CITY", "COUNTY", "STATE", "ZIP", "TYPE",
                "NAICS_CODE", "SOURCE", "VAL_METHOD", "COUNTRY");
        if (others < 1) {
            return null;
        }
        List<KeyField> fs = new ArrayList<>();
        p.add(fs, FieldRole.NAME, null, "NAME");
        fs.add(KeyField.of(max, FieldRole.VOLTAGE_KV, "kV").withNoData(HIFLD_NODATA, 0.0)
                .withNote("highest voltage; -999999 or 0 = not available"));
        String min = p.f("MIN_VOLT");
        if (min != null) {
            fs.add(KeyField.of(min, FieldRole.MIN_VOLTAGE_KV, "kV").withNoData(HIFLD_NODATA, 0.0));
        }
        String lines = p.f("LINES");
        if (lines != null) {
            fs.add(KeyField.of(lines, FieldRole.LINE_COUNT, "lines").withNoData(HIFLD_NODATA));
        }
        p.add(fs, FieldRole.STATUS, null, "STATUS");
        p.add(fs, FieldRole.STATE, null, "STATE");
        fs.add(capacityField());
        List<String> notes = new ArrayList<>();
        if (min == null || lines == null) {
            notes.add("partial HIFLD copy: " + (min == null ? "no MIN_VOLT" : "") + (min == null && lines == null
                    ? ", " : "") + (lines == null ? "no LINES" : ""));
        }
        notes.add("HIFLD has no capacity field: " + Preset.CAPACITY_ESTIMATE + " is estimated from the lines ending at"
                + " each substation (HIFLD SUB_1/SUB_2 names, else line ends within the snap tolerance)");
        String status = p.f("STATUS");
        String inService = status == null ? "" : " AND " + q(status) + " = 'IN SERVICE'";
        return new Preset("hifld-substations", "HIFLD Electric Substations", Theme.SUBSTATIONS, HIFLD, "HIFLD", fs,
                List.of(capacityDerivation()), null, substationCriteria(q(max), max, inService), notes);
    }

    private static KeyField capacityField() {
        return new KeyField(Preset.CAPACITY_ESTIMATE, FieldRole.CAPACITY_MW, "MW", List.of(), true, true,
                Preset.CAPACITY_ESTIMATE_NOTE);
    }

    private static DerivedField capacityDerivation() {
        return new DerivedField(Preset.CAPACITY_ESTIMATE, Derivation.CAPACITY_FROM_LINES, null, "MW",
                Preset.CAPACITY_ESTIMATE_NOTE);
    }

    private static List<CriterionTemplate> substationCriteria(String kvQ, String kv, String extra) {
        return List.of(
                CriterionTemplate.of("d_sub230", "distance to substations >= 230 kV", "distance", "filter",
                        kvQ + " >= 230" + extra),
                CriterionTemplate.of("d_sub345", "distance to substations >= 345 kV", "distance", "filter",
                        kvQ + " >= 345" + extra),
                CriterionTemplate.of("kv_near", "voltage of the nearest substation with a known voltage",
                        "nearestAttribute", "attribute", kv, "filter", extra.isEmpty() ? null : extra.substring(5)),
                CriterionTemplate.of("ic", "interconnection cost to the nearest substation >= 138 kV",
                        "interconnectionCost", "kvAttribute", kv, "filter", kvQ + " >= 138" + extra),
                CriterionTemplate.of("headroom", "estimated MW headroom within 20 miles", "gridHeadroom",
                        "availableAttribute", Preset.CAPACITY_ESTIMATE, "required", false)
                        .note(Preset.CAPACITY_ESTIMATE + " is an estimate from the scenario's lines layer"));
    }

    private static Preset osmLines(Probe p) {
        String raw = p.f("voltage", "voltage_raw");
        if (raw == null || p.dim == 0 || p.dim == 2 || p.f("VOLT_CLASS") != null) {
            return null;
        }
        boolean lineMarks = p.count("osm_grid_line_id", "v_id_1", "cables", "circuits", "wires", "frequency",
                "line") > 0;
        boolean osmMarks = lineMarks || p.count("osm_id", "@id", "power", "way_id", "osm_way_id") > 0;
        if (!osmMarks || (p.dim != 1 && !lineMarks)) {
            return null;
        }
        List<KeyField> fs = new ArrayList<>();
        String kv = osmKv(p, fs, raw);
        p.add(fs, FieldRole.NAME, null, "name");
        p.add(fs, FieldRole.OWNER, null, "operator");
        p.add(fs, FieldRole.LINE_END_1, null, "v_id_1");
        p.add(fs, FieldRole.LINE_END_2, null, "v_id_2");
        p.add(fs, FieldRole.NODE_GROUP, null, "region_file");
        List<String> notes = new ArrayList<>();
        notes.add("OpenStreetMap voltage is in volts, one value per circuit; " + kv + " is the highest, in kV");
        notes.add("OSM coverage of 69-161 kV lines is thin in many states");
        return new Preset("osm-power-lines", "OpenStreetMap power lines", Theme.LINES, OSM, OSM_CREDIT, fs,
                osmDerived(p, raw, kv), null, lineCriteria(q(kv)), notes);
    }

    private static String osmKv(Probe p, List<KeyField> fs, String raw) {
        String kv = p.f("max_kv");
        boolean derived = kv == null;
        kv = derived ? "max_kv" : kv;
        fs.add(new KeyField(kv, FieldRole.VOLTAGE_KV, "kV", List.of(), derived, false,
                "highest voltage of " + raw + (derived ? " (derived)" : "")));
        fs.add(KeyField.of(raw, FieldRole.VOLTAGE_RAW, "V").withNote("';'-separated volts, e.g. 345000;138000"));
        return kv;
    }

    private static List<DerivedField> osmDerived(Probe p, String raw, String kv) {
        List<DerivedField> out = new ArrayList<>();
        if (p.f("max_kv") == null) {
            out.add(new DerivedField(kv, Derivation.MAX_KV_FROM_VOLTS, raw, "kV",
                    "highest of the ';'-separated volts in " + raw + ", in kV (345000;138000 -> 345)"));
        }
        return out;
    }

    private static Preset osmNodes(Probe p) {
        String raw = p.f("voltage", "voltage_raw");
        if (raw == null || p.dim == 1 || p.dim == 2 || p.f("MAX_VOLT") != null) {
            return null;
        }
        boolean nodeMarks = p.count("osm_grid_id", "typ", "substation", "osm_node_id", "node_id") > 0;
        if (!nodeMarks && !(p.dim == 0 && p.count("osm_id", "@id", "power") > 0)) {
            return null;
        }
        List<KeyField> fs = new ArrayList<>();
        p.add(fs, FieldRole.NAME, null, "name");
        String kv = osmKv(p, fs, raw);
        p.add(fs, FieldRole.OWNER, null, "operator");
        p.add(fs, FieldRole.NODE_TYPE, null, "typ", "substation", "power");
        p.add(fs, FieldRole.NODE_ID, null, "osm_grid_id", "osm_id", "@id");
        p.add(fs, FieldRole.NODE_GROUP, null, "region_file");
        fs.add(capacityField());
        List<DerivedField> derived = new ArrayList<>(osmDerived(p, raw, kv));
        derived.add(capacityDerivation());
        List<String> notes = new ArrayList<>();
        String typ = p.f("typ");
        String filter = "";
        if (typ != null) {
            notes.add(typ + " 'joint' and 'merge' are topology helpers, not substations");
            filter = " AND " + q(typ) + " IN ('substation', 'sub_station', 'station')";
        }
        notes.add("OpenStreetMap has no capacity: " + Preset.CAPACITY_ESTIMATE + " is estimated from the lines ending"
                + " at each node (v_id_1/v_id_2 ids, else line ends within the snap tolerance)");
        return new Preset("osm-power-nodes", "OpenStreetMap power substations and nodes", Theme.SUBSTATIONS, OSM,
                OSM_CREDIT, fs, derived, null, substationCriteria(q(kv), kv, filter), notes);
    }

    private static Preset eiaPlants(Probe p) {
        String mw = p.f("Total_MW", "Install_MW", "Nameplate Capacity (MW)", "nameplate_capacity_mw");
        String fuel = p.f("PrimSource", "Energy Source Code", "energy_source_code", "primary_fuel");
        String id = p.f("Plant_Code", "Plant ID", "plant_id", "plant_code");
        String name = p.f("Plant_Name", "Plant Name", "plant_name");
        if (mw == null || fuel == null || (id == null && name == null) || p.dim == 1 || p.dim == 2) {
            return null;
        }
        List<KeyField> fs = new ArrayList<>();
        if (name != null) {
            fs.add(KeyField.of(name, FieldRole.NAME, null));
        }
        if (id != null) {
            fs.add(KeyField.of(id, FieldRole.ID, null).withNote("EIA plant code"));
        }
        fs.add(KeyField.of(mw, FieldRole.CAPACITY_MW, "MW"));
        fs.add(KeyField.of(fuel, FieldRole.FUEL, null));
        p.add(fs, FieldRole.STATE, null, "State");
        String mq = q(mw);
        List<CriterionTemplate> cs = new ArrayList<>();
        cs.add(CriterionTemplate.of("gen50km", "generation within 50 km", "withinRadius", "radiusM", 50000,
                "aggregate", "sum", "attribute", mw));
        if (fuel.equalsIgnoreCase("PrimSource")) {
            cs.add(CriterionTemplate.of("firm50km", "firm generation (gas, coal, nuclear, hydro) within 50 km",
                    "withinRadius", "filter", q(fuel) + " IN ('natural gas', 'coal', 'nuclear', 'hydroelectric')",
                    "radiusM", 50000, "aggregate", "sum", "attribute", mw));
        }
        cs.add(CriterionTemplate.of("d_plant500", "distance to a plant of 500 MW or more", "distance", "filter",
                mq + " >= 500"));
        return new Preset("eia-plants", "EIA power plants (U.S. Energy Atlas / EIA-860)", Theme.PLANTS,
                "U.S. Energy Information Administration, public domain", "EIA", fs, List.of(), null, cs,
                List.of("operable plants of 1 MW and more; " + mw + " is the plant's capacity in MW"));
    }

    private static final Pattern EPM_INDUSTRIAL = Pattern.compile("ind_([a-z]{3})(\\d{4})");

    private static Preset eiaPrices(Probe p) {
        String state = p.f("state");
        String abbr = p.f("state_abbr");
        if (state == null || abbr == null) {
            return null;
        }
        String price = p.f("industrial_cents_kwh");
        String title = "EIA average electricity price by state (Electric Power Annual)";
        String id = "eia-state-prices";
        if (price == null) {
            int year = -1;
            for (Field f : p.s.fields()) {
                Matcher m = EPM_INDUSTRIAL.matcher(f.name().toLowerCase(Locale.ROOT));
                if (m.matches() && Integer.parseInt(m.group(2)) > year) {
                    year = Integer.parseInt(m.group(2));
                    price = f.name();
                }
            }
            title = "EIA Electric Power Monthly Table 5.6.A (price by state, monthly)";
            id = "eia-epm-state-prices";
        }
        if (price == null) {
            return null;
        }
        List<KeyField> fs = new ArrayList<>();
        fs.add(KeyField.of(state, FieldRole.STATE, null).withNote("state name: the join key"));
        fs.add(KeyField.of(abbr, FieldRole.STATE_ABBR, null));
        fs.add(KeyField.of(price, FieldRole.PRICE, "cents/kWh").withNote("industrial; x10 = USD/MWh"));
        JoinHint join = new JoinHint(Theme.STATES, state, List.of("NAME", "name", "STATE_NAME"), List.of(price),
                "join to a states layer by state name (or " + abbr + " to STUSPS)");
        String label = id.equals("eia-state-prices") ? "annual" : "monthly";
        List<CriterionTemplate> cs = List.of(
                CriterionTemplate.of("energy", "annual energy cost at the state's industrial price (" + label + ")",
                        "energyCost", "attribute", price, "priceUnit", "cents_kwh")
                        .note("layer: the states layer with this table joined"),
                CriterionTemplate.of("price", "industrial electricity price of the state", "zoneAttribute",
                        "attribute", price).direction("cost").note("layer: the states layer with this table joined"));
        return new Preset(id, title, Theme.PRICE_ZONES, "U.S. Energy Information Administration, public domain",
                "EIA", fs, List.of(), join, cs, List.of("a table without geometry: join it to state boundaries"));
    }

    private static Preset femaNri(Probe p) {
        String key = p.f("STCOFIPS");
        String risk = p.f("RISK_SCORE");
        if (key == null || (risk == null && p.f("NRI_ID") == null)) {
            return null;
        }
        List<KeyField> fs = new ArrayList<>();
        fs.add(KeyField.of(key, FieldRole.FIPS, null).withNote("5-digit county FIPS (leading zero may be dropped)"));
        p.add(fs, FieldRole.NAME, null, "COUNTY");
        p.add(fs, FieldRole.STATE, null, "STATE");
        List<String> joinFields = new ArrayList<>();
        List<CriterionTemplate> cs = new ArrayList<>();
        if (risk != null) {
            fs.add(KeyField.of(risk, FieldRole.RISK, "score 0-100"));
            joinFields.add(risk);
            cs.add(CriterionTemplate.of("risk", "FEMA National Risk Index score of the county", "zoneAttribute",
                    "attribute", risk).direction("cost").note("layer: the counties layer with this table joined"));
        }
        String eal = p.f("EAL_VALT");
        if (eal != null) {
            fs.add(KeyField.of(eal, FieldRole.RISK, "USD/yr").withNote("expected annual loss, all hazards"));
            joinFields.add(eal);
            cs.add(CriterionTemplate.of("eal", "expected annual loss from natural hazards in the county",
                    "zoneAttribute", "attribute", eal).direction("cost")
                    .note("layer: the counties layer with this table joined"));
        }
        String resl = p.f("RESL_SCORE");
        if (resl != null) {
            fs.add(KeyField.of(resl, FieldRole.RISK, "score 0-100").withNote("community resilience (higher is better)"));
            joinFields.add(resl);
        }
        p.add(fs, FieldRole.POPULATION, "persons", "POPULATION");
        JoinHint join = new JoinHint(Theme.COUNTIES, key, List.of("GEOID", "id", "FIPS"), joinFields,
                "join to a counties layer: " + key + " = GEOID (numeric keys match 1001 to 01001)");
        return new Preset("fema-nri-counties", "FEMA National Risk Index, county table", Theme.COUNTIES,
                "FEMA, public domain", "FEMA", fs, List.of(), join, cs,
                List.of("a table without geometry: join it to county boundaries"));
    }

    private static Preset isoNodes(Probe p) {
        String iso = p.f("iso", "rto", "iso_rto");
        String type = p.f("nodeType", "node_type", "pnode_type");
        if (iso == null || type == null || p.dim == 1 || p.dim == 2) {
            return null;
        }
        List<KeyField> fs = new ArrayList<>();
        p.add(fs, FieldRole.NAME, null, "name", "pnode_name");
        fs.add(KeyField.of(iso, FieldRole.ISO, null));
        fs.add(KeyField.of(type, FieldRole.NODE_TYPE, null).withNote("hub, zone or gen(erator) node"));
        p.add(fs, FieldRole.STATE, null, "state");
        List<DerivedField> derived = new ArrayList<>();
        String kvText = p.f("voltageKv", "voltage_kv");
        if (kvText != null && !p.num(kvText) && p.f("kv") == null) {
            derived.add(new DerivedField("kv", Derivation.NUMBER_FROM_TEXT, kvText, "kV", kvText + " as a number"));
            fs.add(new KeyField("kv", FieldRole.VOLTAGE_KV, "kV", List.of(), true, false, kvText + " as a number"));
        } else if (kvText != null) {
            fs.add(KeyField.of(kvText, FieldRole.VOLTAGE_KV, "kV"));
        }
        List<CriterionTemplate> cs = List.of(
                CriterionTemplate.of("d_hub", "distance to the nearest trading hub", "distance", "filter",
                        q(type) + " = 'hub'"),
                CriterionTemplate.of("d_pnode", "distance to the nearest pricing node", "distance"));
        return new Preset("iso-pricing-nodes", "ISO/RTO pricing nodes (CommonGrid)", Theme.PRICING_NODES,
                "CommonGrid (Texture, Inc. and contributors), ODbL 1.0", "CommonGrid (ODbL)", fs, derived, null, cs,
                List.of("locations only, no prices; hub and zone points are representative, not exact"));
    }

    private static Preset geonames(Probe p) {
        String name = p.f("name", "asciiname", "NAME");
        String pop = p.f("population", "pop", "POPULATION");
        if (name == null || pop == null || !p.num(pop) || p.dim == 1 || p.dim == 2) {
            return null;
        }
        if (p.count("country", "countryCode", "country_code", "adminCode", "admin1", "admin1_code", "geonameid",
                "feature_code", "state") < 1) {
            return null;
        }
        List<KeyField> fs = new ArrayList<>();
        fs.add(KeyField.of(name, FieldRole.NAME, null));
        fs.add(KeyField.of(pop, FieldRole.POPULATION, "persons"));
        p.add(fs, FieldRole.STATE, null, "state", "adminCode", "admin1", "admin1_code");
        String pq = q(pop);
        List<CriterionTemplate> cs = List.of(
                CriterionTemplate.of("pop80km", "population within 80 km (50 miles: a commuting workforce)",
                        "withinRadius", "radiusM", 80467, "aggregate", "sum", "attribute", pop),
                CriterionTemplate.of("pop_reach", "population reach (gravity, e^(-d / 30 km))", "gravity",
                        "attribute", pop, "decay", "exponential", "scaleM", 30000),
                CriterionTemplate.of("d_city100k", "distance to a city of 100,000 or more", "distance", "filter",
                        pq + " >= 100000"));
        return new Preset("geonames-places", "GeoNames populated places", Theme.CITIES,
                "GeoNames (geonames.org), CC BY 4.0", "Places: GeoNames (CC BY 4.0)", fs, List.of(), null, cs,
                List.of("point per place; population is the place's, not its metro area's"));
    }

    private static Preset hifldTerritories(Probe p) {
        String name = p.f("utility", "NAME");
        String type = p.f("TYPE");
        String cust = p.f("CUSTOMERS");
        if (name == null || type == null || cust == null || p.dim == 0 || p.dim == 1) {
            return null;
        }
        List<KeyField> fs = new ArrayList<>();
        fs.add(KeyField.of(name, FieldRole.NAME, null));
        fs.add(KeyField.of(type, FieldRole.TYPE, null).withNote("Investor Owned, Cooperative, Municipal, ..."));
        fs.add(KeyField.of(cust, FieldRole.CUSTOMERS, "customers").withNoData(HIFLD_NODATA));
        List<CriterionTemplate> cs = List.of(CriterionTemplate.of("util_customers",
                "retail customers of the utility serving the site", "zoneAttribute", "attribute", cust)
                .note("a proxy for the size of the serving system"));
        return new Preset("hifld-retail-territories", "HIFLD Electric Retail Service Territories", Theme.TERRITORIES,
                HIFLD, "HIFLD", fs, List.of(), null, cs, List.of("service areas overlap where utilities share ground"));
    }

    private static Preset censusCounties(Probe p) {
        String key = p.f("GEOID", "id", "FIPS");
        String name = p.f("NAME", "name");
        if (key == null || name == null || p.dim == 0 || p.dim == 1) {
            return null;
        }
        int len = p.keyLength(key);
        boolean byName = p.name.contains("count");
        boolean byFields = p.count("COUNTYFP", "COUNTYNS") > 0;
        if (!(len == 5 || (len < 0 && (byName || byFields)))) {
            return null;
        }
        List<KeyField> fs = new ArrayList<>();
        fs.add(KeyField.of(name, FieldRole.NAME, null));
        fs.add(KeyField.of(key, FieldRole.FIPS, null).withNote("5-digit county FIPS"));
        p.add(fs, FieldRole.STATE, null, "STATE", "STATEFP");
        JoinHint join = new JoinHint(Theme.COUNTIES, null, List.of(key), List.of(),
                "FEMA NRI and other county tables join here on " + key);
        return new Preset("census-counties", "US Census counties (cartographic boundaries)", Theme.COUNTIES,
                "US Census Bureau, public domain", "Boundaries: US Census Bureau", fs, List.of(), join, List.of(),
                List.of("generalised boundaries: fine for maps and county attributes, not for parcel-level overlap"));
    }

    private static Preset censusStates(Probe p) {
        String key = p.f("GEOID", "id", "STATEFP", "STUSPS");
        String name = p.f("NAME", "name");
        if (key == null || name == null || p.dim == 0 || p.dim == 1) {
            return null;
        }
        int len = p.keyLength(key);
        boolean byName = p.name.contains("state");
        if (!(len == 2 || (len < 0 && (byName || p.f("STUSPS") != null)))) {
            return null;
        }
        List<KeyField> fs = new ArrayList<>();
        fs.add(KeyField.of(name, FieldRole.NAME, null));
        fs.add(KeyField.of(key, FieldRole.FIPS, null).withNote("2-digit state FIPS"));
        p.add(fs, FieldRole.STATE_ABBR, null, "STUSPS");
        JoinHint join = new JoinHint(Theme.STATES, null, List.of(name), List.of(),
                "EIA state price tables join here on " + name);
        return new Preset("census-states", "US Census states (cartographic boundaries)", Theme.STATES,
                "US Census Bureau, public domain", "Boundaries: US Census Bureau", fs, List.of(), join, List.of(),
                List.of("56 states, DC and territories in us-atlas"));
    }

    private static Preset nation(Probe p) {
        if (!p.name.equals("nation") || p.dim == 0 || p.dim == 1 || p.s.size() > 2) {
            return null;
        }
        return new Preset("census-nation", "US Census nation outline", Theme.NATION, "US Census Bureau, public domain",
                "Boundaries: US Census Bureau", List.of(), List.of(), null, List.of(), List.of());
    }

    /** A field name as CQL needs it: quoted when it is not a plain identifier. */
    static String q(String field) {
        return field.matches("[A-Za-z_][A-Za-z0-9_]*") ? field : "\"" + field.replace("\"", "\"\"") + "\"";
    }

    /** What detection looks at. */
    static final class Probe {
        final Schema s;
        final String name;
        final int dim;
        final VectorLayer layer;

        Probe(Schema s, String name, GeometryType type, VectorLayer layer) {
            this.s = s;
            this.name = name == null ? "" : name.toLowerCase(Locale.ROOT);
            int d = type == null ? -1 : type.dimension();
            if (d < 0 && layer != null) {
                for (Feature f : layer.features()) {
                    if (f.geometry() != null && !f.geometry().isEmpty()) {
                        d = f.geometry().getDimension();
                        break;
                    }
                }
            }
            this.dim = d;
            this.layer = layer;
        }

        /** The layer's spelling of the first of these names it has (case-insensitive), or null. */
        String f(String... names) {
            for (String n : names) {
                int i = s.indexOf(n);
                if (i >= 0) {
                    return s.field(i).name();
                }
            }
            return null;
        }

        boolean num(String field) {
            int i = s.indexOf(field);
            return i >= 0 && s.field(i).type().isNumeric();
        }

        int count(String... names) {
            int n = 0;
            for (String x : names) {
                if (s.indexOf(x) >= 0) {
                    n++;
                }
            }
            return n;
        }

        void add(List<KeyField> fs, FieldRole role, String unit, String... names) {
            String f = f(names);
            if (f != null) {
                fs.add(KeyField.of(f, role, unit));
            }
        }

        /**
         * The common length of the field's values when they are all digit strings (first 200 non-empty),
         * -1 when unknown (no layer, no values, numbers, mixed lengths).
         */
        int keyLength(String field) {
            if (layer == null) {
                return -1;
            }
            int i = s.indexOf(field);
            int len = -1;
            int seen = 0;
            for (Feature f : layer.features()) {
                Object v = f.value(i);
                if (v == null) {
                    continue;
                }
                if (!(v instanceof String) || !((String) v).matches("\\d+")) {
                    return -1;
                }
                int l = ((String) v).length();
                if (len >= 0 && l != len) {
                    return -1;
                }
                len = l;
                if (++seen >= 200) {
                    break;
                }
            }
            return len;
        }
    }
}
