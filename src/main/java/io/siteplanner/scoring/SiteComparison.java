package io.siteplanner.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A side-by-side comparison of 2 to 4 sites of one result: per criterion the raw, transformed and
 * contribution values of each site, and what decides between the two best of them.
 */
public final class SiteComparison {
    /** One criterion row: per compared site its explanation part. */
    public record Row(String criterion, String label, String unit, double weight, List<ScoreResult.Part> parts) {
        /** Index of the site with the largest contribution (ties: first), or -1 when all contribute the same. */
        public int best() {
            int b = 0;
            boolean differ = false;
            for (int k = 1; k < parts.size(); k++) {
                differ |= parts.get(k).contribution() != parts.get(0).contribution();
                if (parts.get(k).contribution() > parts.get(b).contribution()) {
                    b = k;
                }
            }
            return differ ? b : -1;
        }
    }

    /**
     * What decides between the leader and the runner-up: the criterion whose contribution difference is
     * largest in the leader's favour.
     *
     * @param leader     site index (in the result) ranked higher
     * @param runnerUp   the other site
     * @param scoreGap   leader score minus runner-up score (&ge; 0)
     * @param criterion  id of the deciding criterion (null when nothing favours the leader)
     * @param advantage  contribution difference on that criterion
     */
    public record Decision(int leader, int runnerUp, double scoreGap, String criterion, double advantage) {
    }

    private final ScoreResult result;
    private final int[] sites;
    private final List<ScoreResult.Explanation> explanations = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();

    /**
     * @param sites 2 to 4 site indices
     * @throws IllegalArgumentException for fewer than 2 or more than 4 sites
     */
    public SiteComparison(ScoreResult result, int[] sites) {
        if (sites.length < 2 || sites.length > 4) {
            throw new IllegalArgumentException("compare 2 to 4 sites (got " + sites.length + ")");
        }
        this.result = result;
        this.sites = sites.clone();
        for (int s : sites) {
            explanations.add(result.explain(s));
        }
        ScoringSession session = result.session();
        for (int c = 0; c < session.criteria().size(); c++) {
            List<ScoreResult.Part> parts = new ArrayList<>();
            for (ScoreResult.Explanation e : explanations) {
                parts.add(e.parts().get(c));
            }
            var spec = session.criteria().get(c);
            rows.add(new Row(spec.id(), spec.label() == null ? spec.id() : spec.label(), session.column(c).unit(),
                    result.weights()[c], parts));
        }
    }

    public int[] sites() {
        return sites.clone();
    }

    public ScoreResult result() {
        return result;
    }

    public List<ScoreResult.Explanation> explanations() {
        return explanations;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The decision between the two best-ranked compared sites. */
    public Decision decision() {
        int a = 0;
        int b = 1;
        for (int k = 0; k < sites.length; k++) {
            int r = result.rank(sites[k]);
            if (r < result.rank(sites[a])) {
                b = a;
                a = k;
            } else if (k != a && (b == a || r < result.rank(sites[b]))) {
                b = k;
            }
        }
        if (a == b) {
            b = a == 0 ? 1 : 0;
        }
        String best = null;
        double adv = 0;
        for (Row row : rows) {
            double d = row.parts().get(a).contribution() - row.parts().get(b).contribution();
            if (d > adv) {
                adv = d;
                best = row.criterion();
            }
        }
        return new Decision(sites[a], sites[b], result.score(sites[a]) - result.score(sites[b]), best, adv);
    }

    /** "MS-124 is ahead of MS-138 by 0.088 of score; d_sub alone gives it +0.120." */
    public String decisionText() {
        Decision d = decision();
        ScoringSession s = result.session();
        String a = String.valueOf(s.id(d.leader()));
        String b = String.valueOf(s.id(d.runnerUp()));
        if (d.criterion() == null) {
            return String.format(Locale.ROOT, "%s is ranked above %s (score gap %.3f).", a, b, d.scoreGap());
        }
        return String.format(Locale.ROOT, "%s is ahead of %s by %.3f of score; %s alone gives it +%.3f.", a, b,
                d.scoreGap(), d.criterion(), d.advantage());
    }
}
