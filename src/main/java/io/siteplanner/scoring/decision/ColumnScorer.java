package io.siteplanner.scoring.decision;

import io.siteplanner.scoring.ColumnSnapshot;
import io.siteplanner.scoring.scenario.MethodSpec;

/**
 * Scores from a {@link ColumnSnapshot} for any weight vector, bit for bit as the session would with those
 * weights set as direct weights: all sites at once (sweeps) or one site (what-would-change). The inputs
 * (transformed columns, or raw ones for TOPSIS on raw values) and TOPSIS's column statistics do not depend
 * on the weights and are prepared once. Thread-safe after construction.
 */
final class ColumnScorer {
    final ColumnSnapshot snap;
    final double[][] input;
    final boolean[] benefit;
    final ColumnSnapshot.TopsisStats topsis;
    final MethodSpec method;

    ColumnScorer(ColumnSnapshot snap) {
        this.snap = snap;
        int m = snap.criteria();
        this.method = snap.method();
        boolean isTopsis = method.type() == MethodSpec.Type.TOPSIS;
        input = new double[m][];
        benefit = new boolean[m];
        for (int c = 0; c < m; c++) {
            input[c] = isTopsis ? snap.topsisInput(c) : snap.transformed(c);
            benefit[c] = !isTopsis || !method.topsisOnRaw() || snap.transform(c).direction() == null
                    || snap.benefit(c);
        }
        topsis = isTopsis ? ColumnSnapshot.topsisStats(input) : null;
    }

    /** Scores of all sites for weights w (normalised as the session does first). */
    double[] scores(double[] w) {
        double[] wn = Robustness.sessionNormalised(w);
        int n = snap.size();
        double[] out = new double[n];
        scoreColumns(input, wn, topsis, out, n);
        return out;
    }

    /** Scores of rows [0, n) of columns x for normalised weights wn. */
    void scoreColumns(double[][] x, double[] wn, ColumnSnapshot.TopsisStats st, double[] out, int n) {
        switch (method.type()) {
            case TOPSIS:
                ColumnSnapshot.topsis(x, benefit, wn, st, out, n);
                break;
            case OWA:
                ColumnSnapshot.owa(x, wn, method, out, n);
                break;
            default:
                ColumnSnapshot.weightedSum(x, wn, out, n);
        }
        for (int i = 0; i < n; i++) {
            out[i] = ColumnSnapshot.rankScore(out[i]);
        }
    }

    /** Score of one site for normalised weights wn. */
    double score(int i, double[] wn) {
        return score(i, wn, input, topsis);
    }

    /** Score of one site for normalised weights wn, reading its inputs from columns x with TOPSIS stats st. */
    double score(int i, double[] wn, double[][] x, ColumnSnapshot.TopsisStats st) {
        double[] row = new double[x.length];
        for (int c = 0; c < x.length; c++) {
            row[c] = x[c][i];
        }
        return scoreRow(row, wn, st);
    }

    /** A site's method inputs, one per criterion (a copy). */
    double[] row(int i) {
        double[] row = new double[input.length];
        for (int c = 0; c < input.length; c++) {
            row[c] = input[c][i];
        }
        return row;
    }

    /** The score of one row of inputs (one value per criterion). */
    double scoreRow(double[] row, double[] wn, ColumnSnapshot.TopsisStats st) {
        double[][] cols = new double[row.length][];
        for (int c = 0; c < row.length; c++) {
            cols[c] = new double[] {row[c]};
        }
        double[] out = new double[1];
        scoreColumns(cols, wn, st, out, 1);
        return out[0];
    }

    /** Whether site a ranks ahead of site b with these scores and pass flags. */
    boolean ahead(int a, double sa, boolean pa, int b, double sb, boolean pb) {
        if (pa != pb) {
            return pa;
        }
        return Top.ahead(sa, snap.idPos(a), sb, snap.idPos(b));
    }

    /** The rank (1-based) of site i among all sites for given scores (passing sites first). */
    int rank(double[] scores, int i) {
        int r = 1;
        boolean pi = snap.passed(i);
        for (int j = 0; j < scores.length; j++) {
            if (j != i && ahead(j, scores[j], snap.passed(j), i, scores[i], pi)) {
                r++;
            }
        }
        return r;
    }
}
