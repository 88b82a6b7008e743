package io.siteplanner.scoring.decision;

import io.siteplanner.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A scenario over the real public data in ../shared/data/real (not copied): Mississippi and Indiana
 * counties as candidate sites (Census 2017), HIFLD transmission lines >= 138 kV and OpenStreetMap grid nodes
 * of Indiana, the FEMA National Risk Index joined by county FIPS, HIFLD retail service territories.
 */
final class RealScenario {
    private RealScenario() {
    }

    static String path(String name) {
        return TestData.shared(name).toString().replace("\\", "/");
    }

    /** Writes the scenario (method JSON given) into dir and returns its file. */
    static Path write(Path dir, String method, String extraCriteria) throws IOException {
        String json = "{\"schema\": \"siteplanner/scenario/v1\", \"name\": \"real counties\","
                + " \"campus\": {\"itLoadMw\": 300, \"pue\": 1.2},"
                + " \"analysisCrs\": \"EPSG:5070\","
                + " \"layers\": {"
                + "  \"counties\": {\"path\": \"" + path("counties_ms_in_census2017_10m.geojson") + "\","
                + "   \"join\": {\"path\": \"" + path("fema_nri_counties_composite_us.csv") + "\", \"layerKey\": \"GEOID\","
                + "    \"tableKey\": \"STCOFIPS\", \"fields\": [\"RISK_SCORE\", \"EAL_VALT\"]}},"
                + "  \"lines\": {\"path\": \"" + path("transmission_hifld_in_ge138kv.geojson") + "\"},"
                + "  \"nodes\": {\"path\": \"" + path("grid_nodes_osm2017_in.geojson") + "\"},"
                + "  \"territories\": {\"path\": \"" + path("utility_territories_hifld_in.geojson") + "\"}},"
                + " \"candidates\": \"counties\", \"idField\": \"GEOID\","
                + " \"criteria\": ["
                + "  {\"id\": \"acres\", \"kind\": \"area\", \"label\": \"County area\", \"weight\": 0.15},"
                + "  {\"id\": \"d_line\", \"kind\": \"distance\", \"layer\": \"lines\", \"filter\": \"voltage_kv >= 345\","
                + "   \"label\": \"Distance to a 345 kV+ line\", \"weight\": 0.3,"
                + "   \"transform\": {\"type\": \"linear\", \"direction\": \"cost\"}},"
                + "  {\"id\": \"d_sub\", \"kind\": \"distance\", \"layer\": \"nodes\", \"filter\": \"max_kv >= 230\","
                + "   \"label\": \"Distance to a 230 kV+ grid node\", \"weight\": 0.25,"
                + "   \"transform\": " + (method.contains("raw") ? "{\"type\": \"linear\", \"direction\": \"cost\"}"
                        : "{\"type\": \"piecewise\", \"points\": [[0, 1], [1609, 1], [8047, 0.4], [32187, 0]]}") + "},"
                + "  {\"id\": \"risk\", \"kind\": \"attribute\", \"attribute\": \"RISK_SCORE\", \"label\": \"FEMA NRI risk\","
                + "   \"weight\": 0.3, \"transform\": {\"type\": \"linear\", \"direction\": \"cost\"}}"
                + extraCriteria
                + " ],"
                + " \"constraints\": [{\"criterion\": \"d_line\", \"op\": \"<=\", \"value\": 60000}],"
                + " \"method\": " + method + "}";
        Path f = dir.resolve("real-" + Integer.toHexString(method.hashCode()) + ".json");
        Files.writeString(f, json);
        return f;
    }
}
