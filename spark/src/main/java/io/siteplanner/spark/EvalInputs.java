package io.siteplanner.spark;

import java.io.Serializable;
import java.util.Map;

/**
 * What every executor needs to evaluate candidates with the desktop engine, shipped once per job as a
 * broadcast variable: the scenario as executors use it (layer paths replaced by keys, reference layers
 * already joined, cleaned and in the analysis CRS), the reference layers and join tables, and how to turn
 * candidate rows into features. A plain class (not a record): Spark's Kryo serializer cannot build records.
 */
final class EvalInputs implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String scenarioJson;
    private final String candidates;
    private final RowFeatures rows;
    private final String crs;
    private final Integer epsg;
    private final Map<String, LayerData> layers;
    private final Map<String, LayerData> tables;
    private final boolean[] text;
    private final boolean idLong;
    private final int chunk;

    /**
     * @param key          unique per job (executors keep the decoded inputs of the current job)
     * @param scenarioJson the executor scenario (siteplanner/scenario/v1 JSON)
     * @param candidates   key of the candidate layer
     * @param rows         candidate row mapping
     * @param crs          candidate CRS text, or null
     * @param epsg         its EPSG code, or null
     * @param layers       reference layers by key
     * @param tables       join tables by key
     * @param text         per criterion: whether its raw values are text
     * @param idLong       whether ids are integers (else text)
     * @param chunk        candidates evaluated together (memory bound per task)
     */
    EvalInputs(String key, String scenarioJson, String candidates, RowFeatures rows, String crs, Integer epsg,
            Map<String, LayerData> layers, Map<String, LayerData> tables, boolean[] text, boolean idLong, int chunk) {
        this.key = key;
        this.scenarioJson = scenarioJson;
        this.candidates = candidates;
        this.rows = rows;
        this.crs = crs;
        this.epsg = epsg;
        this.layers = new java.util.LinkedHashMap<>(layers);
        this.tables = new java.util.LinkedHashMap<>(tables);
        this.text = text.clone();
        this.idLong = idLong;
        this.chunk = chunk;
    }

    String key() {
        return key;
    }

    String scenarioJson() {
        return scenarioJson;
    }

    String candidates() {
        return candidates;
    }

    RowFeatures rows() {
        return rows;
    }

    String crs() {
        return crs;
    }

    Integer epsg() {
        return epsg;
    }

    Map<String, LayerData> layers() {
        return layers;
    }

    Map<String, LayerData> tables() {
        return tables;
    }

    boolean[] text() {
        return text;
    }

    boolean idLong() {
        return idLong;
    }

    int chunk() {
        return chunk;
    }
}
