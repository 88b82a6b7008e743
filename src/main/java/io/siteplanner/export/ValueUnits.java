package io.siteplanner.export;

import io.siteplanner.model.Units;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.criteria.AttributeCriterion;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.criteria.NearestAttributeCriterion;
import io.siteplanner.scoring.criteria.WithinRadiusCriterion;
import io.siteplanner.scoring.criteria.ZoneAttributeCriterion;

/**
 * Units of criterion values in the PDF report: the column's unit (the criterion's own, else its kind's),
 * else, for a criterion that reads an attribute ({@code attribute}, {@code nearestAttribute},
 * {@code zoneAttribute}, a {@code withinRadius} sum/mean/max/min), the unit the attribute's name states
 * ({@link Units#ofField}: {@code price_usd_mwh} is $/MWh, {@code land_usd_acre} $/acre). A value whose
 * unit is still unknown is marked "(no unit)" in headers so that no bare number looks like a measure.
 */
final class ValueUnits {
    private ValueUnits() {
    }

    /** The unit of criterion c's raw values ("" when unknown). */
    static String unit(ScoringSession s, int c) {
        String u = s.column(c).unit();
        if (u != null && !u.isBlank()) {
            return u;
        }
        return Units.ofField(attribute(s.criteria().get(c)));
    }

    /** The attribute a criterion reads, or null. */
    static String attribute(Criterion cr) {
        if (cr instanceof AttributeCriterion a) {
            return a.attribute();
        }
        if (cr instanceof NearestAttributeCriterion a) {
            return a.attribute();
        }
        if (cr instanceof ZoneAttributeCriterion a) {
            return a.attribute();
        }
        if (cr instanceof WithinRadiusCriterion a && !"count".equals(a.aggregate())) {
            return a.attribute();
        }
        return null;
    }

    /** Criterion c's raw value of site i with its unit (text criteria: their text). */
    static String format(ScoreResult r, int c, int i, Units.DistanceUnit du) {
        ScoringSession s = r.session();
        if (s.column(c).isText()) {
            return r.format(c, i, du);
        }
        return Units.format(s.raw(c)[i], unit(s, c), du);
    }

    /** A value of criterion c in its unit (a constraint's threshold, a transform's break). */
    static String value(ScoringSession s, int c, double v, Units.DistanceUnit du) {
        return Units.format(v, unit(s, c), du);
    }

    /** The unit label for a column header: "km", "$/MWh", "ac"; "" when unknown. */
    static String label(ScoringSession s, int c, Units.DistanceUnit du) {
        return s.column(c).isText() ? "" : Units.label(unit(s, c), du);
    }

    /**
     * A "what would change" text ("Land price: 1,200 lower (6,500 instead of 7,700)") with the units of
     * criteria whose column has none but whose attribute name states one ("$1,200/acre lower ($6,500/acre
     * instead of $7,700/acre)"); other texts are returned as they are.
     */
    static String withUnits(ScoringSession s, String text, Units.DistanceUnit du) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (int c = 0; c < s.criteria().size(); c++) {
            String own = s.column(c).unit();
            String u = unit(s, c);
            if (s.column(c).isText() || own != null && !own.isBlank() || u.isEmpty()) {
                continue;
            }
            Criterion cr = s.criteria().get(c);
            for (String name : new java.util.LinkedHashSet<>(java.util.Arrays.asList(cr.displayName(), cr.label(),
                    cr.id()))) {
                if (name == null || name.isEmpty()) {
                    continue;
                }
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<=^|; or |; |: )"
                        + java.util.regex.Pattern.quote(name + ": ")
                        + "(-?[0-9][0-9.,]*) (lower|higher) \\((-?[0-9][0-9.,]*) instead of (-?[0-9][0-9.,]*)\\)")
                        .matcher(out);
                StringBuilder sb = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(name + ": "
                            + Units.format(num(m.group(1)), u, du) + " " + m.group(2) + " ("
                            + Units.format(num(m.group(3)), u, du) + " instead of "
                            + Units.format(num(m.group(4)), u, du) + ")"));
                }
                m.appendTail(sb);
                out = sb.toString();
            }
        }
        return out;
    }

    private static double num(String s) {
        return Double.parseDouble(s.replace(",", ""));
    }
}
