package io.siteplanner.scoring.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.GridModel;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.power.TimeToPowerModel;
import io.siteplanner.scoring.power.TimeToPowerModel.Path;
import io.siteplanner.scoring.scenario.TransformSpec.Direction;
import io.siteplanner.scoring.spatial.ChunkRunner;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code timeToPower}: months from now until the campus can be energized, as a percentile (P50 by default)
 * of a Monte Carlo over the connection path's task durations ({@link TimeToPowerModel}, docs/time-to-power.md).
 *
 * <p>Per site, every allowed connection path that the data offer is estimated and the fastest (lowest P50)
 * is taken:
 * <ul>
 * <li>{@code existing}: the nearest substation of {@code layer} (passing {@code filter}) within
 * {@code radiusKm} whose available MW covers the demand and whose voltage (when known) is at least the
 * needed one;</li>
 * <li>{@code newStation}: the nearest line of {@code linesLayer} (passing {@code linesFilter}) of at least
 * the needed voltage within {@code radiusKm} (a new substation cut into it);</li>
 * <li>{@code newLine}: the nearest substation of at least the needed voltage, at any distance (a new line of
 * that length).</li>
 * </ul>
 * Available MW as in {@code gridHeadroom}: {@code availableAttribute}, else half the summed capacity of the
 * lines at the substation (with a {@code linesLayer}), else one line at its voltage. The needed voltage is the
 * lowest of 69/115/138/161/230/345/500 kV whose line capacity carries the demand per tie-line ({@code kv}
 * overrides); loads above 1,500 MW need MW // 1500 + 1 tie-lines. The large-load process (study time) comes
 * from {@code processAttribute} of the {@code processLayer} zone containing the site's centroid, else
 * {@code process}, else "default". Missing when no path is available. Cost by default. For other percentiles
 * (P10/P90 next to P50) add the criterion again with another {@code percentile} and weight 0.
 */
public record TimeToPowerCriterion(Common common, String layer, String filter, String availableAttribute,
        String kvAttribute, String linesLayer, String linesFilter, String linesKvAttribute, Double radiusKm, Double kv,
        Double demandMw, Integer percentile, List<String> paths, String process, String processLayer,
        String processAttribute, TimeToPowerModel model, Integer samples, Integer seed) implements Criterion {

    /** Standard transmission voltages tried for the needed voltage, kV. */
    static final double[] VOLTAGES = {69, 115, 138, 161, 230, 345, 500};
    public static final int DEFAULT_SAMPLES = 2000;
    public static final int DEFAULT_SEED = 1;

    public static final CriterionKind KIND = new CriterionKind("timeToPower",
            "Months until the campus can be energized (P50 of a Monte Carlo over the connection path's steps)",
            Set.of("layer", "filter", "availableAttribute", "kvAttribute", "linesLayer", "linesFilter",
                    "linesKvAttribute", "radiusKm", "kv", "demandMw", "percentile", "paths", "process", "processLayer",
                    "processAttribute", "model", "samples", "seed"),
            Direction.COST, false, TimeToPowerCriterion::read);

    public TimeToPowerCriterion {
        common = common.orDefault(KIND);
        paths = paths == null ? null : List.copyOf(paths);
        if (paths != null) {
            if (paths.isEmpty()) {
                throw new ScenarioException("paths", "must list at least one of existing, newStation, newLine");
            }
            for (String p : paths) {
                if (Path.of(p) == null) {
                    throw new ScenarioException("paths", "unknown path '" + p + "' (existing, newStation, newLine)");
                }
            }
        }
        if ((processLayer == null) != (processAttribute == null)) {
            throw new ScenarioException(processLayer == null ? "processLayer" : "processAttribute",
                    "processLayer and processAttribute go together");
        }
        if (allowed(paths).contains(Path.NEW_STATION) && linesLayer == null && paths != null) {
            throw new ScenarioException("linesLayer", "missing: the newStation path needs a lines layer");
        }
    }

    private static TimeToPowerCriterion read(Common c, Params p) {
        List<String> paths = null;
        JsonNode pn = p.node().get("paths");
        if (pn != null && !pn.isNull()) {
            if (!pn.isArray()) {
                throw p.error("paths", "must be an array, e.g. [\"existing\", \"newLine\"]");
            }
            paths = new ArrayList<>();
            for (JsonNode x : pn) {
                if (!x.isTextual()) {
                    throw p.error("paths", "must hold path names (existing, newStation, newLine)");
                }
                paths.add(x.asText());
            }
        }
        return new TimeToPowerCriterion(c, p.reqStr("layer"), p.str("filter"), p.str("availableAttribute"),
                p.str("kvAttribute"), p.str("linesLayer"), p.str("linesFilter"), p.str("linesKvAttribute"),
                p.positive("radiusKm"), p.within("kv", 1, 1500), p.positive("demandMw"), p.integer("percentile", 1, 99),
                paths, p.str("process"), p.str("processLayer"), p.str("processAttribute"),
                TimeToPowerModel.read(p.node().get("model"), p.path("model")), p.integer("samples", 1, 1_000_000),
                p.integer("seed", 0, Integer.MAX_VALUE));
    }

    @Override
    public CriterionKind kind() {
        return KIND;
    }

    @Override
    public Criterion withCommon(Common c) {
        return new TimeToPowerCriterion(c, layer, filter, availableAttribute, kvAttribute, linesLayer, linesFilter,
                linesKvAttribute, radiusKm, kv, demandMw, percentile, paths, process, processLayer, processAttribute,
                model, samples, seed);
    }

    /** The same criterion reporting another percentile. */
    public TimeToPowerCriterion withPercentile(int q) {
        return new TimeToPowerCriterion(common, layer, filter, availableAttribute, kvAttribute, linesLayer, linesFilter,
                linesKvAttribute, radiusKm, kv, demandMw, q, paths, process, processLayer, processAttribute, model,
                samples, seed);
    }

    @Override
    public List<String> layers() {
        List<String> l = new ArrayList<>(List.of(layer));
        if (linesLayer != null) {
            l.add(linesLayer);
        }
        if (processLayer != null) {
            l.add(processLayer);
        }
        return l;
    }

    /** The reported percentile (default 50). */
    public int percentileOrDefault() {
        return percentile == null ? 50 : percentile;
    }

    /** The model with its defaults. */
    public TimeToPowerModel modelOrDefault() {
        return model == null ? TimeToPowerModel.defaults() : model;
    }

    static EnumSet<Path> allowed(List<String> paths) {
        if (paths == null) {
            return EnumSet.allOf(Path.class);
        }
        EnumSet<Path> s = EnumSet.noneOf(Path.class);
        for (String p : paths) {
            s.add(Path.of(p));
        }
        return s;
    }

    /** Search radius of the existing and newStation paths, metres (default 20 miles). */
    public double radiusM() {
        return (radiusKm != null ? radiusKm : GridModel.DEFAULT_RADIUS_KM) * 1000;
    }

    /** The needed connection voltage for a demand: {@code kv}, or the lowest standard voltage carrying it. */
    public double neededKv(double demand) {
        if (kv != null) {
            return kv;
        }
        double perLine = demand / GridModel.tieLines(demand);
        for (double v : VOLTAGES) {
            if (GridModel.lineCapacityMw(v) >= perLine) {
                return v;
            }
        }
        return VOLTAGES[VOLTAGES.length - 1];
    }

    private GridHeadroomCriterion headroom() {
        return new GridHeadroomCriterion(Common.of(common.id(), 0), layer, filter, radiusKm, "any", availableAttribute,
                kvAttribute, availableAttribute == null ? linesLayer : null, linesKvAttribute, demandMw, false);
    }

    @Override
    public void validate(EvaluationContext ctx, String path) {
        VectorLayer subs = ctx.vector(layer, path + ".layer");
        ctx.keepMask(subs, filter, path + ".filter");
        ctx.numbers(subs, layer, GridHeadroomCriterion.kvOf(kvAttribute), path + ".kvAttribute");
        headroom().validate(ctx, path);
        if (linesLayer != null) {
            VectorLayer lines = ctx.vector(linesLayer, path + ".linesLayer");
            ctx.keepMask(lines, linesFilter, path + ".linesFilter");
            ctx.numbers(lines, linesLayer, GridHeadroomCriterion.kvOf(linesKvAttribute), path + ".linesKvAttribute");
        }
        if (processLayer != null) {
            VectorLayer zones = ctx.vector(processLayer, path + ".processLayer");
            if (zones.schema().indexOf(processAttribute) < 0) {
                throw new ScenarioException(path + ".processAttribute", "unknown attribute '" + processAttribute
                        + "' in layer '" + processLayer + "' (fields: " + String.join(", ", zones.schema().names())
                        + ")");
            }
        }
    }

    @Override
    public Column evaluate(EvaluationContext ctx, String path, Map<String, Column> done) {
        double demand = demandMw != null ? demandMw : ctx.scenario().campus().demandMw();
        double needKv = neededKv(demand);
        int ties = GridModel.tieLines(demand);
        double radius = radiusM();
        EnumSet<Path> allowed = allowed(paths);
        VectorLayer subs = ctx.vector(layer, path + ".layer");
        double[] subKv = ctx.numbers(subs, layer, GridHeadroomCriterion.kvOf(kvAttribute), path + ".kvAttribute").values();
        String tag = String.format(Locale.ROOT, "timeToPower:%s:%s:%s", demand, needKv, radius);
        EvaluationContext.Nearest existing = null;
        if (allowed.contains(Path.EXISTING)) {
            double[] avail = headroom().available(ctx, path);
            double[] ok = new double[avail.length];
            for (int f = 0; f < ok.length; f++) {
                boolean enough = avail[f] >= demand;
                boolean volts = subKv[f] != subKv[f] || subKv[f] >= needKv;
                ok[f] = enough && volts ? 1 : Double.NaN;
            }
            existing = ctx.nearestKnown(layer, filter, tag + ":existing:" + availableAttribute + ":" + linesLayer, ok,
                    path + ".filter");
        }
        EvaluationContext.Nearest station = null;
        if (allowed.contains(Path.NEW_STATION) && linesLayer != null) {
            VectorLayer lines = ctx.vector(linesLayer, path + ".linesLayer");
            double[] lineKv = ctx.numbers(lines, linesLayer, GridHeadroomCriterion.kvOf(linesKvAttribute),
                    path + ".linesKvAttribute").values();
            double[] ok = new double[lineKv.length];
            for (int f = 0; f < ok.length; f++) {
                ok[f] = lineKv[f] >= needKv ? 1 : Double.NaN;
            }
            station = ctx.nearestKnown(linesLayer, linesFilter, tag + ":line", ok, path + ".linesFilter");
        }
        EvaluationContext.Nearest newLine = null;
        if (allowed.contains(Path.NEW_LINE)) {
            double[] ok = new double[subKv.length];
            for (int f = 0; f < ok.length; f++) {
                ok[f] = subKv[f] >= needKv ? 1 : Double.NaN;
            }
            newLine = ctx.nearestKnown(layer, filter, tag + ":newLine", ok, path + ".filter");
        }
        String[] proc = processes(ctx, path);
        TimeToPowerModel m = modelOrDefault();
        TimeToPowerModel.Simulator sim = m.simulator(samples == null ? DEFAULT_SAMPLES : samples,
                seed == null ? DEFAULT_SEED : seed, percentileOrDefault());
        int n = ctx.size();
        double[] v = new double[n];
        final EvaluationContext.Nearest ex = existing;
        final EvaluationContext.Nearest st = station;
        final EvaluationContext.Nearest nl = newLine;
        ChunkRunner.run(ctx.order(), 2048, ctx.progress(), "time to power", (ord, from, to) -> {
            for (int k = from; k < to; k++) {
                int i = ord[k];
                TimeToPowerModel.Estimate best = null;
                if (ex != null && ex.feature()[i] >= 0 && ex.distance()[i] <= radius) {
                    best = faster(best, sim.estimate(Path.EXISTING, ex.distance()[i], ties, proc[i]));
                }
                if (st != null && st.feature()[i] >= 0 && st.distance()[i] <= radius) {
                    best = faster(best, sim.estimate(Path.NEW_STATION, st.distance()[i], ties, proc[i]));
                }
                if (nl != null && nl.feature()[i] >= 0) {
                    best = faster(best, sim.estimate(Path.NEW_LINE, nl.distance()[i], ties, proc[i]));
                }
                v[i] = best == null ? Double.NaN : best.percentile();
            }
        });
        return new Column(v, null, "months", String.format(Locale.ROOT,
                "P%d months to energization, fastest path per site (Monte Carlo, %d samples, seed %d; %d distinct"
                        + " estimates); needed %.0f kV, %d tie-line%s", percentileOrDefault(),
                samples == null ? DEFAULT_SAMPLES : samples, seed == null ? DEFAULT_SEED : seed, sim.computed(), needKv,
                ties, ties > 1 ? "s" : ""));
    }

    private static TimeToPowerModel.Estimate faster(TimeToPowerModel.Estimate a, TimeToPowerModel.Estimate b) {
        return a == null || b.p50() < a.p50() ? b : a;
    }

    /** The large-load process of every site. */
    private String[] processes(EvaluationContext ctx, String path) {
        int n = ctx.size();
        String dflt = process != null ? process : "default";
        String[] out = new String[n];
        java.util.Arrays.fill(out, dflt);
        if (processLayer != null) {
            VectorLayer zones = ctx.vector(processLayer, path + ".processLayer");
            int field = zones.schema().indexOf(processAttribute);
            int[] zone = ctx.zoneAtCentroid(processLayer, null, path + ".processLayer");
            for (int i = 0; i < n; i++) {
                if (zone[i] >= 0) {
                    String t = EvaluationContext.categoryText(zones.get(zone[i]).value(field));
                    if (t != null) {
                        out[i] = t;
                    }
                }
            }
        }
        Map<String, Integer> unknown = new TreeMap<>();
        Set<String> known = modelOrDefault().allProcesses().keySet();
        for (String p : out) {
            if (!known.contains(p)) {
                unknown.merge(p, 1, Integer::sum);
            }
        }
        if (!unknown.isEmpty()) {
            List<String> l = new ArrayList<>();
            unknown.forEach((k, c) -> l.add("'" + k + "' (" + c + ")"));
            ctx.warn("criterion " + common.id() + ": no study figures for process " + String.join(", ",
                    l.subList(0, Math.min(5, l.size()))) + (l.size() > 5 ? " and " + (l.size() - 5) + " more" : "")
                    + "; the default study is used (add them under model.processes)");
        }
        return out;
    }

    @Override
    public String explain(double raw, Column col) {
        if (raw != raw) {
            return "no connection path";
        }
        return Explain.number(raw, "months") + " to power (P" + percentileOrDefault() + ")";
    }

    @Override
    public void write(ObjectNode n) {
        n.put("layer", layer);
        Json.put(n, "filter", filter);
        Json.put(n, "availableAttribute", availableAttribute);
        Json.put(n, "kvAttribute", kvAttribute);
        Json.put(n, "linesLayer", linesLayer);
        Json.put(n, "linesFilter", linesFilter);
        Json.put(n, "linesKvAttribute", linesKvAttribute);
        Json.put(n, "radiusKm", radiusKm);
        Json.put(n, "kv", kv);
        Json.put(n, "demandMw", demandMw);
        Json.put(n, "percentile", percentile);
        if (paths != null) {
            ArrayNode a = n.putArray("paths");
            paths.forEach(a::add);
        }
        Json.put(n, "process", process);
        Json.put(n, "processLayer", processLayer);
        Json.put(n, "processAttribute", processAttribute);
        if (model != null) {
            model.write(n.putObject("model"));
        }
        Json.put(n, "samples", samples);
        Json.put(n, "seed", seed);
    }

    @Override
    public String describe() {
        return "months to energization (P" + percentileOrDefault() + ") by the fastest of: " + String.join(", ",
                allowed(paths).stream().map(Path::words).toList());
    }
}
