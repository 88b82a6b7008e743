package io.siteplanner.scoring.power;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.scoring.GridModel;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.random.SplitMix64;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The time-to-power model (docs/time-to-power.md): months from now until the campus is energized, for
 * three connection paths, from three-point (triangular) task durations. Every figure has a sourced or
 * stated default and can be overridden in the scenario ({@code "model": {...}}); null components mean "the
 * default".
 *
 * <pre>
 * S  = large-load study of the site's process (ISO/utility)
 * X  = transformers: (S, or 0 when ordered at the start) + lead time (weeks -&gt; months) + installation
 * L  = line miles = straight distance x routeFactor, rounded to 0.1 mile (no line when the site touches)
 * Pl = L &gt; 0 ? linePermit + L x linePermitPerMile : 0
 * Bl = L &gt; 0 ? lineBuild + L x lineBuildPerMile + (tieLines - 1) x extraTieLine : 0
 * existing   : E = max(S + max(substationPermit, Pl) + max(campusSubstation, upgradeExisting, Bl), X)
 * newStation : E = max(S + max(substationPermit, Pl) + max(campusSubstation, newStation, Bl), X)
 * newLine    : E = max(S + max(substationPermit, Pl) + max(campusSubstation, networkUpgrade, Bl), X)
 * </pre>
 * Each Monte Carlo sample draws every task once from its own SplitMix64 stream (seed, task), the same
 * streams for every site (common random numbers), so estimates are reproducible and comparable between
 * sites. Percentiles are nearest-rank over the samples.
 */
public record TimeToPowerModel(Tri studyMonths, Tri substationPermitMonths, Tri linePermitMonths,
        Tri linePermitMonthsPerMile, Tri campusSubstationMonths, Tri newStationMonths, Tri upgradeExistingMonths,
        Tri networkUpgradeMonths, Tri lineBuildMonths, Tri lineBuildMonthsPerMile, Tri extraTieLineMonths,
        Tri transformerLeadWeeks, Tri transformerInstallMonths, Boolean orderTransformersAtStart, Double routeFactor,
        Map<String, Tri> processes) {

    /** Days per month (365.2425 / 12): weeks to months = 7 / this. */
    public static final double DAYS_PER_MONTH = 30.436875;

    // defaults (docs/time-to-power.md gives the sources and reasoning)
    public static final Tri STUDY = new Tri(6, 12, 24);
    public static final Tri SUBSTATION_PERMIT = new Tri(6, 12, 24);
    public static final Tri LINE_PERMIT = new Tri(6, 12, 24);
    public static final Tri LINE_PERMIT_PER_MILE = new Tri(0.1, 0.25, 0.5);
    public static final Tri CAMPUS_SUBSTATION = new Tri(12, 18, 30);
    public static final Tri NEW_STATION = new Tri(12, 18, 30);
    public static final Tri UPGRADE_EXISTING = new Tri(6, 12, 18);
    public static final Tri NETWORK_UPGRADE = new Tri(12, 24, 48);
    public static final Tri LINE_BUILD = new Tri(3, 6, 12);
    public static final Tri LINE_BUILD_PER_MILE = new Tri(0.1, 0.2, 0.5);
    public static final Tri EXTRA_TIE_LINE = new Tri(3, 6, 12);
    /** Wood Mackenzie: 120-210 weeks (2024), ~128 weeks average (Q2 2025) as most likely. */
    public static final Tri TRANSFORMER_LEAD_WEEKS = new Tri(120, 128, 210);
    public static final Tri TRANSFORMER_INSTALL = new Tri(1, 2, 4);
    /** Built-in large-load processes: study months. */
    public static final Map<String, Tri> BUILT_IN_PROCESSES = builtIn();

    private static Map<String, Tri> builtIn() {
        Map<String, Tri> m = new LinkedHashMap<>();
        m.put("default", STUDY);
        // SPP High Impact Large Load: 90-day study-and-approval (FERC, Jan 2026); restudy up to 6 months
        m.put("spp-hill", new Tri(3, 3, 6));
        // Dominion Energy (Aug 2024): one to three more years on top of the former process
        m.put("dominion-2024", new Tri(18, 30, 48));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** JSON keys of the model object. */
    public static final Set<String> KEYS = Set.of("studyMonths", "substationPermitMonths", "linePermitMonths",
            "linePermitMonthsPerMile", "campusSubstationMonths", "newStationMonths", "upgradeExistingMonths",
            "networkUpgradeMonths", "lineBuildMonths", "lineBuildMonthsPerMile", "extraTieLineMonths",
            "transformerLeadWeeks", "transformerInstallMonths", "orderTransformersAtStart", "routeFactor",
            "processes");

    public TimeToPowerModel {
        processes = processes == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(processes));
        if (routeFactor != null && !(routeFactor >= 1 && routeFactor <= 10)) {
            throw new ScenarioException("routeFactor", "must be in [1, 10]");
        }
    }

    /** All defaults. */
    public static TimeToPowerModel defaults() {
        return new TimeToPowerModel(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** The connection paths. */
    public enum Path {
        /** An existing substation with headroom for the demand, within reach. */
        EXISTING("existing", "existing substation with headroom"),
        /** A new substation cut into an existing line of the needed voltage, within reach. */
        NEW_STATION("newStation", "new substation on an existing line"),
        /** A new line of the site's distance, at the needed voltage, to the nearest such substation. */
        NEW_LINE("newLine", "new line to a substation");

        private final String json;
        private final String words;

        Path(String json, String words) {
            this.json = json;
            this.words = words;
        }

        public String json() {
            return json;
        }

        public String words() {
            return words;
        }

        public static Path of(String s) {
            for (Path p : values()) {
                if (p.json.equals(s)) {
                    return p;
                }
            }
            return null;
        }
    }

    // resolved figures
    public Tri study(String process) {
        Map<String, Tri> all = allProcesses();
        Tri t = all.get(process);
        return t != null ? t : studyMonths != null ? studyMonths : STUDY;
    }

    /** Built-in processes, then the scenario's ("default" = studyMonths when given). */
    public Map<String, Tri> allProcesses() {
        Map<String, Tri> all = new LinkedHashMap<>(BUILT_IN_PROCESSES);
        if (studyMonths != null) {
            all.put("default", studyMonths);
        }
        if (processes != null) {
            all.putAll(processes);
        }
        return all;
    }

    private static Tri or(Tri t, Tri d) {
        return t != null ? t : d;
    }

    public double route() {
        return routeFactor != null ? routeFactor : GridModel.ROUTE_FACTOR;
    }

    public boolean orderAtStart() {
        return orderTransformersAtStart != null && orderTransformersAtStart;
    }

    /** Reads a model object (strict keys). */
    public static TimeToPowerModel read(JsonNode n, String path) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw new ScenarioException(path, "must be an object of figures (see docs/time-to-power.md)");
        }
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!KEYS.contains(k)) {
                throw new ScenarioException(path + "." + k, "unknown figure '" + k + "' (known: "
                        + String.join(", ", new TreeSet<>(KEYS)) + ")");
            }
        }
        Map<String, Tri> processes = null;
        JsonNode pn = n.get("processes");
        if (pn != null && !pn.isNull()) {
            if (!pn.isObject()) {
                throw new ScenarioException(path + ".processes", "must be an object of process name to study months"
                        + " [min, most likely, max]");
            }
            processes = new LinkedHashMap<>();
            Iterator<String> it = pn.fieldNames();
            while (it.hasNext()) {
                String name = it.next();
                processes.put(name, Tri.read(pn.get(name), path + ".processes." + name));
            }
        }
        JsonNode o = n.get("orderTransformersAtStart");
        if (o != null && !o.isNull() && !o.isBoolean()) {
            throw new ScenarioException(path + ".orderTransformersAtStart", "must be true or false");
        }
        JsonNode rf = n.get("routeFactor");
        if (rf != null && !rf.isNull() && !rf.isNumber()) {
            throw new ScenarioException(path + ".routeFactor", "must be a number");
        }
        try {
            return new TimeToPowerModel(tri(n, "studyMonths", path), tri(n, "substationPermitMonths", path),
                    tri(n, "linePermitMonths", path), tri(n, "linePermitMonthsPerMile", path),
                    tri(n, "campusSubstationMonths", path), tri(n, "newStationMonths", path),
                    tri(n, "upgradeExistingMonths", path), tri(n, "networkUpgradeMonths", path),
                    tri(n, "lineBuildMonths", path), tri(n, "lineBuildMonthsPerMile", path),
                    tri(n, "extraTieLineMonths", path), tri(n, "transformerLeadWeeks", path),
                    tri(n, "transformerInstallMonths", path), o == null || o.isNull() ? null : o.asBoolean(),
                    rf == null || rf.isNull() ? null : rf.asDouble(), processes);
        } catch (ScenarioException e) {
            throw e.path().startsWith(path) ? e : new ScenarioException(path + "." + e.path(), e.problem());
        }
    }

    private static Tri tri(JsonNode n, String key, String path) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : Tri.read(v, path + "." + key);
    }

    /** Writes the given (non-default) figures. */
    public void write(ObjectNode n) {
        put(n, "studyMonths", studyMonths);
        put(n, "substationPermitMonths", substationPermitMonths);
        put(n, "linePermitMonths", linePermitMonths);
        put(n, "linePermitMonthsPerMile", linePermitMonthsPerMile);
        put(n, "campusSubstationMonths", campusSubstationMonths);
        put(n, "newStationMonths", newStationMonths);
        put(n, "upgradeExistingMonths", upgradeExistingMonths);
        put(n, "networkUpgradeMonths", networkUpgradeMonths);
        put(n, "lineBuildMonths", lineBuildMonths);
        put(n, "lineBuildMonthsPerMile", lineBuildMonthsPerMile);
        put(n, "extraTieLineMonths", extraTieLineMonths);
        put(n, "transformerLeadWeeks", transformerLeadWeeks);
        put(n, "transformerInstallMonths", transformerInstallMonths);
        if (orderTransformersAtStart != null) {
            n.put("orderTransformersAtStart", orderTransformersAtStart);
        }
        if (routeFactor != null) {
            n.put("routeFactor", routeFactor);
        }
        if (processes != null) {
            ObjectNode p = n.putObject("processes");
            processes.forEach((k, v) -> v.write(p.putArray(k)));
        }
    }

    private static void put(ObjectNode n, String key, Tri t) {
        if (t != null) {
            t.write(n.putArray(key));
        }
    }

    /**
     * An estimate for one site and path.
     *
     * @param path       the connection path
     * @param p10        10th percentile, months
     * @param p50        median, months
     * @param p90        90th percentile, months
     * @param percentile the requested percentile, months
     */
    public record Estimate(Path path, double p10, double p50, double p90, double percentile) {
    }

    /** A simulator with fixed samples and seed (thread-safe; caches estimates by inputs). */
    public Simulator simulator(int samples, long seed, int percentile) {
        return new Simulator(this, samples, seed, percentile);
    }

    /** Monte Carlo over the task durations with common random numbers. */
    public static final class Simulator {
        private static final int STUDY_T = 0;
        private static final int LEAD_T = 1;
        private static final int INSTALL_T = 2;
        private static final int SUB_PERMIT_T = 3;
        private static final int LINE_PERMIT_T = 4;
        private static final int LINE_PERMIT_MILE_T = 5;
        private static final int CAMPUS_T = 6;
        private static final int UPGRADE_T = 7;
        private static final int NEW_STATION_T = 8;
        private static final int NETWORK_T = 9;
        private static final int LINE_BUILD_T = 10;
        private static final int LINE_BUILD_MILE_T = 11;
        private static final int TIE_T = 12;
        private static final int TASKS = 13;

        private final TimeToPowerModel model;
        private final int samples;
        private final int percentile;
        private final double[][] u;
        /** Per task, its duration in each sample (the task's quantile at u[task][sample]); lead time in months. */
        private final double[][] q = new double[TASKS][];
        /** The study durations per sample, by the study's distribution (they depend on the process). */
        private final Map<Tri, double[]> studies = new java.util.concurrent.ConcurrentHashMap<>();
        private final int[] ranks;
        private final Map<String, Estimate> cache = new java.util.concurrent.ConcurrentHashMap<>();

        Simulator(TimeToPowerModel model, int samples, long seed, int percentile) {
            if (samples < 1) {
                throw new IllegalArgumentException("samples must be >= 1");
            }
            this.model = model;
            this.samples = samples;
            this.percentile = percentile;
            this.u = new double[TASKS][samples];
            for (int t = 0; t < TASKS; t++) {
                long key = SplitMix64.key(seed, 0x54494D45L, t);
                for (int j = 0; j < samples; j++) {
                    u[t][j] = SplitMix64.unit(key, j);
                }
            }
            TimeToPowerModel m = model;
            // every sample's task durations, drawn once: they are the same for every site (common random numbers)
            double weeks = 7 / DAYS_PER_MONTH;
            double[] lead = draw(or(m.transformerLeadWeeks, TRANSFORMER_LEAD_WEEKS), LEAD_T);
            for (int j = 0; j < samples; j++) {
                lead[j] = lead[j] * weeks;
            }
            q[LEAD_T] = lead;
            q[INSTALL_T] = draw(or(m.transformerInstallMonths, TRANSFORMER_INSTALL), INSTALL_T);
            q[SUB_PERMIT_T] = draw(or(m.substationPermitMonths, SUBSTATION_PERMIT), SUB_PERMIT_T);
            q[LINE_PERMIT_T] = draw(or(m.linePermitMonths, LINE_PERMIT), LINE_PERMIT_T);
            q[LINE_PERMIT_MILE_T] = draw(or(m.linePermitMonthsPerMile, LINE_PERMIT_PER_MILE), LINE_PERMIT_MILE_T);
            q[CAMPUS_T] = draw(or(m.campusSubstationMonths, CAMPUS_SUBSTATION), CAMPUS_T);
            q[UPGRADE_T] = draw(or(m.upgradeExistingMonths, UPGRADE_EXISTING), UPGRADE_T);
            q[NEW_STATION_T] = draw(or(m.newStationMonths, NEW_STATION), NEW_STATION_T);
            q[NETWORK_T] = draw(or(m.networkUpgradeMonths, NETWORK_UPGRADE), NETWORK_T);
            q[LINE_BUILD_T] = draw(or(m.lineBuildMonths, LINE_BUILD), LINE_BUILD_T);
            q[LINE_BUILD_MILE_T] = draw(or(m.lineBuildMonthsPerMile, LINE_BUILD_PER_MILE), LINE_BUILD_MILE_T);
            q[TIE_T] = draw(or(m.extraTieLineMonths, EXTRA_TIE_LINE), TIE_T);
            ranks = new int[] {rank(10), rank(50), rank(90), rank(percentile)};
        }

        private double[] draw(Tri d, int task) {
            double[] v = new double[samples];
            for (int j = 0; j < samples; j++) {
                v[j] = d.at(u[task][j]);
            }
            return v;
        }

        /** The 0-based index of nearest-rank percentile q among the sorted samples: the ceil(q N / 100)-th smallest. */
        private int rank(int q) {
            int idx = (int) (((long) q * samples + 99) / 100) - 1;
            return Math.max(0, Math.min(samples - 1, idx));
        }

        /**
         * The estimate for a path.
         *
         * @param distanceM straight distance to the connection point, metres (0 = adjacent, no line)
         * @param tieLines  number of tie-lines
         * @param process   large-load process name (unknown names use the default study)
         */
        public Estimate estimate(Path path, double distanceM, int tieLines, String process) {
            boolean line = distanceM > 0;
            double miles = lineMiles(distanceM, model.route());
            String key = path + "|" + line + "|" + miles + "|" + tieLines + "|" + process;
            Estimate e = cache.get(key);
            if (e == null) {
                e = simulate(path, line, miles, tieLines, model.study(process));
                cache.put(key, e);
            }
            return e;
        }

        /** Route miles of a straight distance, rounded to 0.1 mile (the estimates are cached by it). */
        public static double lineMiles(double distanceM, double routeFactor) {
            return Math.round(distanceM / io.siteplanner.model.Units.METRES_PER_MILE * routeFactor * 10) / 10.0;
        }

        /** Distinct estimates computed so far. */
        public int computed() {
            return cache.size();
        }

        private Estimate simulate(Path path, boolean line, double miles, int tieLines, Tri study) {
            double[] sd = studies.computeIfAbsent(study, d -> draw(d, STUDY_T));
            double[] lead = q[LEAD_T];
            double[] install = q[INSTALL_T];
            double[] subPermit = q[SUB_PERMIT_T];
            double[] linePermit = q[LINE_PERMIT_T];
            double[] linePermitMile = q[LINE_PERMIT_MILE_T];
            double[] campus = q[CAMPUS_T];
            double[] own = q[path == Path.EXISTING ? UPGRADE_T : path == Path.NEW_STATION ? NEW_STATION_T : NETWORK_T];
            double[] lineBuild = q[LINE_BUILD_T];
            double[] lineBuildMile = q[LINE_BUILD_MILE_T];
            double[] tie = q[TIE_T];
            boolean atStart = model.orderAtStart();
            double[] e = new double[samples];
            for (int j = 0; j < samples; j++) {
                double s = sd[j];
                double x = (atStart ? 0 : s) + lead[j] + install[j];
                double pl = line ? linePermit[j] + miles * linePermitMile[j] : 0;
                double bl = line ? lineBuild[j] + miles * lineBuildMile[j] + (tieLines - 1) * tie[j] : 0;
                double permit = Math.max(subPermit[j], pl);
                double build = Math.max(Math.max(campus[j], own[j]), bl);
                e[j] = Math.max(s + permit + build, x);
            }
            OrderStatistics.select(e, ranks);
            return new Estimate(path, e[ranks[0]], e[ranks[1]], e[ranks[2]], e[ranks[3]]);
        }
    }

    /** The figures in words, for reports: "study 6/12/24 months, ...". */
    public List<String> describe(String process) {
        return List.of("study (" + process + ") " + study(process) + " months",
                "substation permit " + or(substationPermitMonths, SUBSTATION_PERMIT) + " months",
                "line permit " + or(linePermitMonths, LINE_PERMIT) + " months + "
                        + or(linePermitMonthsPerMile, LINE_PERMIT_PER_MILE) + " per mile",
                "campus substation " + or(campusSubstationMonths, CAMPUS_SUBSTATION) + " months",
                "new station on a line " + or(newStationMonths, NEW_STATION) + " months",
                "upgrade at an existing substation " + or(upgradeExistingMonths, UPGRADE_EXISTING) + " months",
                "network upgrades (new line) " + or(networkUpgradeMonths, NETWORK_UPGRADE) + " months",
                "line build " + or(lineBuildMonths, LINE_BUILD) + " months + " + or(lineBuildMonthsPerMile,
                        LINE_BUILD_PER_MILE) + " per mile; each extra tie-line " + or(extraTieLineMonths,
                        EXTRA_TIE_LINE) + " months",
                "transformer lead " + or(transformerLeadWeeks, TRANSFORMER_LEAD_WEEKS) + " weeks + install "
                        + or(transformerInstallMonths, TRANSFORMER_INSTALL) + " months, ordered "
                        + (orderAtStart() ? "at the start" : "after the study"),
                String.format(Locale.ROOT, "route factor %.2f", route()));
    }
}
