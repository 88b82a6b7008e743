package io.siteplanner.export;

import io.siteplanner.model.Progress;
import io.siteplanner.scoring.ColumnSnapshot;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.criteria.Common;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.criteria.TimeToPowerCriterion;
import io.siteplanner.scoring.decision.LoadLevels;
import io.siteplanner.scoring.decision.Robustness;
import io.siteplanner.scoring.decision.RobustnessResult;
import io.siteplanner.scoring.decision.RobustnessSpec;
import io.siteplanner.scoring.decision.WhatWouldChange;
import io.siteplanner.scoring.scenario.Scenario;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The content of the decision and audit pages ({@link PdfDecisionPages}): rank robustness, what would put
 * each shortlisted site ahead of the leader, time to power, and where the data came from. Built once by
 * {@link #build} (the Monte Carlo and searches run there), then drawn.
 *
 * @param result     the scored scenario
 * @param robustness the robustness run (null when not run)
 * @param spec       its settings (null when not run)
 * @param sites      one row per shortlisted site (or the top sites), in rank order
 * @param runnerUp   what would put the runner-up ahead of the leader (null with fewer than 2 sites)
 * @param sources    data sources (file, date, SHA-256)
 */
public record DecisionReport(ScoreResult result, RobustnessResult robustness, RobustnessSpec spec, List<SiteRow> sites,
        WhatWouldChange.Result runnerUp, List<SourceAudit.Source> sources) {

    /**
     * One site.
     *
     * @param site         site index
     * @param stats        its robustness figures (null when it never reached the top k or no run)
     * @param ttp          time to power: label and P50/P90 months (null without a timeToPower criterion)
     * @param weightChange the smallest single weight change putting it ahead of the leader (null: none, or
     *                     it leads)
     * @param valueChange  the smallest single change of its values doing so (relative to the column's range)
     */
    public record SiteRow(int site, RobustnessResult.SiteStats stats, TimeToPower ttp, String weightChange,
            String valueChange) {
    }

    /**
     * Time to power of a site.
     *
     * @param label criterion label
     * @param p50   median months (NaN when not evaluated)
     * @param p90   90th percentile months (NaN when not evaluated)
     */
    public record TimeToPower(String label, double p50, double p90) {
    }

    /**
     * Runs what the pages show.
     *
     * @param sites     the sites to detail (shortlisted, or the top ones), in rank order
     * @param spec      robustness settings, or null to leave the robustness out
     * @param evaluator evaluates the scenario at other IT loads (for an itLoadMw variation), or null
     */
    public static DecisionReport build(ScoreResult r, List<Integer> sites, RobustnessSpec spec,
            LoadLevels.Evaluator evaluator, List<SourceAudit.Source> sources, Progress progress) {
        RobustnessResult rob = spec == null ? null : Robustness.run(r, spec, evaluator, progress.sub(0, 0.8));
        int leader = r.siteAt(0);
        ColumnSnapshot snap = ColumnSnapshot.of(r);
        int[] ttp = timeToPowerColumns(r.session().criteria());
        List<SiteRow> rows = new ArrayList<>();
        for (int site : sites) {
            progress.checkCancelled();
            RobustnessResult.SiteStats st = null;
            if (rob != null) {
                for (RobustnessResult.SiteStats s : rob.sites()) {
                    if (s.site() == site) {
                        st = s;
                    }
                }
            }
            TimeToPower t = null;
            if (ttp != null) {
                t = new TimeToPower(r.session().criteria().get(ttp[0] >= 0 ? ttp[0] : ttp[1]).displayName(),
                        ttp[0] >= 0 ? r.session().raw(ttp[0])[site] : Double.NaN,
                        ttp[1] >= 0 ? r.session().raw(ttp[1])[site] : Double.NaN);
            }
            String wc = null;
            String vc = null;
            if (site != leader) {
                WhatWouldChange.Result w = WhatWouldChange.explain(r, leader, site);
                wc = smallestWeight(w, snap);
                vc = smallestValue(w, snap, site);
            }
            rows.add(new SiteRow(site, st, t, wc, vc));
        }
        WhatWouldChange.Result second = r.size() > 1 ? WhatWouldChange.explain(r, leader, r.siteAt(1)) : null;
        progress.update(1, "decision pages");
        return new DecisionReport(r, rob, spec, rows, second, sources);
    }

    /** The sites the report details: the shortlisted ones in rank order, else the top 5 (as the site pages). */
    public static List<Integer> detailSites(ScoreResult r, io.siteplanner.project.Shortlist shortlist) {
        return PdfReport.detailSites(r, shortlist);
    }

    /** Columns of the first timeToPower criterion's P50 and P90 (either -1 when absent), or null. */
    static int[] timeToPowerColumns(List<Criterion> criteria) {
        TimeToPowerCriterion first = null;
        int p50 = -1;
        int p90 = -1;
        for (int c = 0; c < criteria.size(); c++) {
            if (!(criteria.get(c) instanceof TimeToPowerCriterion)) {
                continue;
            }
            TimeToPowerCriterion t = (TimeToPowerCriterion) criteria.get(c);
            if (first == null) {
                first = t;
            } else if (!sameModel(first, t)) {
                continue;
            }
            if (t.percentileOrDefault() == 50 && p50 < 0) {
                p50 = c;
            } else if (t.percentileOrDefault() == 90 && p90 < 0) {
                p90 = c;
            }
        }
        return first == null ? null : new int[] {p50, p90};
    }

    static boolean sameModel(TimeToPowerCriterion a, TimeToPowerCriterion b) {
        Common x = Common.of("x", 0);
        return a.withPercentile(50).withCommon(x).equals(b.withPercentile(50).withCommon(x));
    }

    /**
     * The scenario with weight-0 P50 and P90 companions of its timeToPower criteria where they are missing
     * ({@code <id>_p50}, {@code <id>_p90}), so the decision page can show both.
     */
    public static Scenario withTimeToPowerCompanions(Scenario s) {
        List<Criterion> out = new ArrayList<>(s.criteria());
        Set<String> ids = new HashSet<>();
        s.criteria().forEach(c -> ids.add(c.id()));
        List<TimeToPowerCriterion> groups = new ArrayList<>();
        for (Criterion c : s.criteria()) {
            if (c instanceof TimeToPowerCriterion && groups.stream().noneMatch(g -> sameModel(g,
                    (TimeToPowerCriterion) c))) {
                groups.add((TimeToPowerCriterion) c);
            }
        }
        for (TimeToPowerCriterion g : groups) {
            for (int q : new int[] {50, 90}) {
                boolean has = s.criteria().stream().anyMatch(c -> c instanceof TimeToPowerCriterion
                        && sameModel(g, (TimeToPowerCriterion) c) && ((TimeToPowerCriterion) c).percentileOrDefault() == q);
                if (has) {
                    continue;
                }
                String id = g.id() + "_p" + q;
                while (ids.contains(id)) {
                    id = id + "_";
                }
                ids.add(id);
                Common c = new Common(id, g.displayName() + " P" + q, 0, g.transform(), g.common().missing(),
                        g.common().missingScore());
                out.add(g.withPercentile(q).withCommon(c));
            }
        }
        return out.size() == s.criteria().size() ? s : s.withCriteria(out);
    }

    private static String smallestWeight(WhatWouldChange.Result w, ColumnSnapshot snap) {
        double[] w0 = snap.weights();
        String best = null;
        double d = Double.POSITIVE_INFINITY;
        for (int c = 0; c < w.weights().size(); c++) {
            WhatWouldChange.WeightChange x = w.weights().get(c);
            if (x.weight() != null && Math.abs(x.weight() - w0[c]) < d) {
                d = Math.abs(x.weight() - w0[c]);
                best = x.text();
            }
        }
        return best;
    }

    private static String smallestValue(WhatWouldChange.Result w, ColumnSnapshot snap, int site) {
        String best = null;
        double d = Double.POSITIVE_INFINITY;
        for (int c = 0; c < w.values().size(); c++) {
            WhatWouldChange.ValueChange x = w.values().get(c);
            if (x.value() == null) {
                continue;
            }
            double[] st = snap.stats(c);
            double span = st[1] - st[0];
            double rel = Math.abs(x.value() - snap.raw(c)[site]) / (span > 0 ? span : 1);
            if (rel < d) {
                d = rel;
                best = x.text();
            }
        }
        return best;
    }
}
