package io.siteplanner.scoring.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.model.Progress;
import io.siteplanner.scoring.ColumnSnapshot;
import io.siteplanner.scoring.GridModel;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.criteria.EnergyCostCriterion;
import io.siteplanner.scoring.criteria.GridHeadroomCriterion;
import io.siteplanner.scoring.criteria.InterconnectionCostCriterion;
import io.siteplanner.scoring.criteria.TcoCriterion;
import io.siteplanner.scoring.scenario.Campus;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The columns of a scenario at several campus IT loads (the {@code itLoadMw} variation), from one
 * evaluation where that is exact, else by evaluating again once per load level.
 *
 * <p>The load factor of a draw is one of {@code levels} equally likely values: the quantiles
 * (b + 0.5) / levels of the factor's distribution ({@link Variation.Shape}); with an odd number of levels
 * the middle one is exactly 1 (the scenario as given). Per criterion kind:
 * <ul>
 * <li>area, attribute, distance, nearestAttribute, zoneAttribute, withinRadius, gravity, overlap, raster,
 * landCost: independent of the load;</li>
 * <li>energyCost: linear in the load, scaled exactly (IT MW x PUE x 8,760 x utilization x price);</li>
 * <li>gridHeadroom without {@code demandMw}: the best substation does not depend on the demand, so the
 * headroom shifts by -(factor - 1) x IT MW x PUE exactly (its grid-feasibility rule is checked again);</li>
 * <li>interconnectionCost without {@code demandMw}: unchanged while the number of tie-lines (MW // 1500 + 1
 * above 1,500 MW) is the same at every level; otherwise evaluated again;</li>
 * <li>tco: recomputed from its interconnection and energy columns (+ their change x the annuity factor);</li>
 * <li>any other kind that uses the campus (timeToPower), criteria with an explicit {@code demandMw} aside,
 * and any filter using {@code ${...}} campus figures: the scenario is evaluated again at each level through
 * the caller's {@link Evaluator}.</li>
 * </ul>
 * Constraints and the criteria's own rules (grid feasibility) are checked again at each level, so a site
 * can pass at one load and fail at another.
 */
public final class LoadLevels {
    /** Evaluates a scenario (another campus, same layers and settings) into a session: spatial work. */
    @FunctionalInterface
    public interface Evaluator {
        ScoringSession evaluate(Scenario scenario, Progress progress);
    }

    /**
     * One load level.
     *
     * @param factor  IT load factor
     * @param campus  the campus at this level
     * @param raw     raw columns, scenario order (the base columns where unchanged)
     * @param pass    whether each site passes every constraint and rule at this level
     * @param how     "scenario", "analytic" or "evaluated again"
     */
    public record Level(double factor, Campus campus, double[][] raw, boolean[] pass, String how) {
    }

    private static final Set<String> INDEPENDENT = Set.of("area", "attribute", "distance", "nearestAttribute",
            "zoneAttribute", "withinRadius", "gravity", "overlap", "raster", "landCost");

    private LoadLevels() {
    }

    /** The load factors of {@code levels} equally likely levels for a fraction and shape. */
    public static double[] factors(int levels, double fraction, Variation.Shape shape) {
        double[] f = new double[levels];
        for (int b = 0; b < levels; b++) {
            f[b] = shape.factor(fraction, (b + 0.5) / levels);
        }
        if (levels % 2 == 1) {
            f[levels / 2] = 1.0;
        }
        return f;
    }

    /** Why the scenario must be evaluated again when the load changes, or null when the analytic rules suffice. */
    public static String needsEvaluation(Scenario s, double[] factors) {
        for (ConstraintSpec k : s.constraints()) {
            if (k.isExclusion() && k.filter() != null && k.filter().contains("${")) {
                return "exclusion " + k.exclude() + " uses campus figures in its filter";
            }
        }
        double demand = s.campus().demandMw();
        for (Criterion c : s.criteria()) {
            if (usesCampusFigures(c)) {
                return "criterion " + c.id() + " uses campus figures in a filter";
            }
            String kind = c.kind().json();
            if (INDEPENDENT.contains(kind) || c instanceof EnergyCostCriterion || c instanceof TcoCriterion) {
                continue;
            }
            if (c instanceof GridHeadroomCriterion) {
                continue;
            }
            if (c instanceof InterconnectionCostCriterion) {
                InterconnectionCostCriterion ic = (InterconnectionCostCriterion) c;
                if (ic.demandMw() != null) {
                    continue;
                }
                for (double f : factors) {
                    if (GridModel.tieLines(demand * f) != GridModel.tieLines(demand)) {
                        return "criterion " + c.id() + ": the number of tie-lines changes with the load";
                    }
                }
                continue;
            }
            if (ownDemand(c)) {
                continue;
            }
            return "criterion " + c.id() + " (" + kind + ") depends on the campus";
        }
        return null;
    }

    /** Whether a criterion states its own demand (then the campus load does not change it). */
    private static boolean ownDemand(Criterion c) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        c.write(n);
        return n.has("demandMw");
    }

    private static boolean usesCampusFigures(Criterion c) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        c.write(n);
        return containsVariable(n);
    }

    private static boolean containsVariable(JsonNode n) {
        if (n.isTextual()) {
            return n.asText().contains("${");
        }
        for (JsonNode child : n) {
            if (containsVariable(child)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The levels for a base scoring.
     *
     * @param evaluator evaluates the scenario at another load when the analytic rules do not apply (null:
     *                  then such a scenario is an error)
     * @throws IllegalArgumentException when the scenario needs evaluating again and there is no evaluator
     */
    public static List<Level> build(ColumnSnapshot base, double[] factors, Evaluator evaluator, Progress progress) {
        Scenario s = base.scenario();
        boolean varies = false;
        for (double f : factors) {
            varies |= f != 1.0;
        }
        String why = varies ? needsEvaluation(s, factors) : null;
        if (why != null && evaluator == null) {
            throw new IllegalArgumentException("varying itLoadMw needs the scenario evaluated again (" + why + ")");
        }
        int m = base.criteria();
        double[][] baseRaw = new double[m][];
        for (int c = 0; c < m; c++) {
            baseRaw[c] = base.raw(c);
        }
        boolean[] basePass = new boolean[base.size()];
        for (int i = 0; i < basePass.length; i++) {
            basePass[i] = base.passed(i);
        }
        List<Level> out = new ArrayList<>();
        for (int b = 0; b < factors.length; b++) {
            double f = factors[b];
            progress.checkCancelled();
            Campus k = s.campus();
            Campus campus = new Campus(k.itLoadMw() * f, k.pue(), k.utilization(), k.minAcres(), k.years(),
                    k.discountRate(), k.landPriceUsdPerAcre());
            if (f == 1.0) {
                out.add(new Level(f, k, baseRaw, basePass, "scenario"));
                continue;
            }
            if (why == null) {
                double[][] raw = analytic(base, baseRaw, campus, f);
                out.add(new Level(f, campus, raw, base.passes(raw, campus), "analytic"));
                continue;
            }
            Scenario at = new Scenario(s.name(), s.description(), campus, s.analysisCrs(), s.layers(), s.candidates(),
                    s.idField(), s.criteria(), s.constraints(), s.weights(), s.method());
            ScoringSession session = evaluator.evaluate(at, progress.sub((double) b / factors.length,
                    (b + 1.0) / factors.length));
            ScoreResult r = session.score();
            double[][] raw = new double[m][];
            for (int c = 0; c < m; c++) {
                raw[c] = session.raw(c);
            }
            boolean[] pass = new boolean[r.size()];
            for (int i = 0; i < pass.length; i++) {
                pass[i] = r.passed(i);
            }
            out.add(new Level(f, campus, raw, pass, "evaluated again"));
        }
        return out;
    }

    /** Columns at load factor f by the analytic rules (only valid when {@link #needsEvaluation} is null). */
    static double[][] analytic(ColumnSnapshot base, double[][] baseRaw, Campus campus, double f) {
        Scenario s = base.scenario();
        int m = baseRaw.length;
        int n = base.size();
        double[][] raw = baseRaw.clone();
        double itDelta = campus.itLoadMw() - s.campus().itLoadMw();
        for (int c = 0; c < m; c++) {
            Criterion cr = s.criteria().get(c);
            if (cr instanceof EnergyCostCriterion) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = baseRaw[c][i] * f;
                }
                raw[c] = v;
            } else if (cr instanceof GridHeadroomCriterion && ((GridHeadroomCriterion) cr).demandMw() == null) {
                double shift = itDelta * s.campus().pue();
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = baseRaw[c][i] - shift;
                }
                raw[c] = v;
            }
        }
        for (int c = 0; c < m; c++) {
            Criterion cr = s.criteria().get(c);
            if (!(cr instanceof TcoCriterion)) {
                continue;
            }
            TcoCriterion t = (TcoCriterion) cr;
            int ic = t.interconnection() == null ? -1 : s.criterionIndex(t.interconnection());
            int en = t.energy() == null ? -1 : s.criterionIndex(t.energy());
            if ((ic < 0 || raw[ic] == baseRaw[ic]) && (en < 0 || raw[en] == baseRaw[en])) {
                continue;
            }
            double af = GridModel.annuityFactor(campus.years(), campus.discountRate());
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                double x = baseRaw[c][i];
                if (ic >= 0) {
                    x += raw[ic][i] - baseRaw[ic][i];
                }
                if (en >= 0) {
                    x += (raw[en][i] - baseRaw[en][i]) * af;
                }
                v[i] = x;
            }
            raw[c] = v;
        }
        return raw;
    }
}
