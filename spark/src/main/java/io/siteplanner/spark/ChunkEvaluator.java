package io.siteplanner.spark;

import io.siteplanner.export.ResultColumns;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.MemoryLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Executor side of the evaluation: candidates of a partition, taken {@link EvalInputs#chunk()} at a time,
 * become a desktop candidate layer and are evaluated by the desktop {@link ScenarioEvaluator} against the
 * broadcast reference layers (exact polygon distances over a packed R-tree of line segments, zones at the
 * centroid, overlaps, radii...), so every raw value, pass/fail and reason is the desktop engine's own. A
 * candidate's raw values do not depend on the other candidates; only the transforms' data ranges and TOPSIS
 * do, and those are applied afterwards over global aggregates ({@link GlobalScoring}).
 *
 * <p>Output rows: id, geometry (analysis CRS), one raw value per criterion (Double, or String for text),
 * passed, reasons (failed constraints and missing-value flags, as in the desktop CSV).
 */
final class ChunkEvaluator implements FlatMapFunction<Iterator<Row>, Row> {
    private static final long serialVersionUID = 1L;
    private static final Object LOCK = new Object();
    private static Prepared prepared;

    private final Broadcast<EvalInputs> inputs;

    ChunkEvaluator(Broadcast<EvalInputs> inputs) {
        this.inputs = inputs;
    }

    /** Decoded inputs, once per executor JVM and job. */
    record Prepared(String key, Scenario scenario, Map<String, Layer> layers) {
    }

    static Prepared prepare(EvalInputs in) {
        synchronized (LOCK) {
            if (prepared == null || !prepared.key().equals(in.key())) {
                Map<String, Layer> layers = new java.util.HashMap<>();
                for (Map.Entry<String, LayerData> e : in.layers().entrySet()) {
                    layers.put(e.getKey(), e.getValue().toLayer());
                }
                for (Map.Entry<String, LayerData> e : in.tables().entrySet()) {
                    layers.put(e.getKey(), e.getValue().toLayer());
                }
                prepared = new Prepared(in.key(), ScenarioReader.parse(in.scenarioJson()), layers);
            }
            return prepared;
        }
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        EvalInputs in = inputs.value();
        Prepared p = prepare(in);
        return new Iterator<>() {
            private Iterator<Row> out = List.<Row>of().iterator();

            @Override
            public boolean hasNext() {
                while (!out.hasNext() && rows.hasNext()) {
                    out = evaluate(in, p, rows).iterator();
                }
                return out.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return out.next();
            }
        };
    }

    /** Evaluates the next chunk of rows. */
    static List<Row> evaluate(EvalInputs in, Prepared p, Iterator<Row> rows) {
        List<Feature> fs = new ArrayList<>(Math.min(in.chunk(), 1 << 16));
        long k = 0;
        while (rows.hasNext() && fs.size() < in.chunk()) {
            fs.add(in.rows().feature(rows.next(), ++k));
        }
        VectorLayer cand = Frames.layer(in.candidates(), in.rows(), in.crs(), in.epsg(), fs);
        MemoryLayerSource src = new MemoryLayerSource().put(in.candidates(), cand);
        for (Map.Entry<String, Layer> e : p.layers().entrySet()) {
            src.put(e.getKey(), e.getValue());
        }
        ScoringSession s = ScenarioEvaluator.evaluate(p.scenario(), src, Progress.NONE);
        ScoreResult r = s.score();
        int m = s.criteria().size();
        List<Row> out = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            Object[] v = new Object[m + 4];
            Object id = s.id(i);
            v[0] = id == null ? null : in.idLong() ? (Object) ((Number) id).longValue() : String.valueOf(id);
            v[1] = s.geometry(i);
            for (int c = 0; c < m; c++) {
                Column col = s.column(c);
                Object x = col.valueAt(i);
                v[2 + c] = in.text()[c] ? (x == null ? null : x.toString()) : raw(col.values()[i]);
            }
            v[2 + m] = r.passed(i);
            v[3 + m] = ResultColumns.reasons(r, i);
            out.add(RowFactory.create(v));
        }
        return out;
    }

    /** A raw value for a row: null when missing (NaN); infinities are kept, as the desktop keeps them. */
    private static Double raw(double x) {
        return x != x ? null : x;
    }
}
