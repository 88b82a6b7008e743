package io.siteplanner.cli;

import io.siteplanner.scoring.Ahp;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.LayerSource;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.decision.CachedLayers;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the decision commands (robustness, explain, sweep) share: reading and evaluating a scenario, ids. */
final class DecisionCli {
    private DecisionCli() {
    }

    /**
     * A scenario file read and evaluated.
     *
     * @param source  the scenario's layers, cached (for evaluating again at other campus loads)
     */
    record Loaded(Path file, Scenario scenario, LayerSource source, ScoringSession session) {
    }

    /** Reads and evaluates a scenario file (errors are usage errors naming the file). */
    static Loaded load(Path file, PrintWriter err) throws IOException {
        Scenario scenario;
        try {
            scenario = ScenarioReader.read(file);
        } catch (ScenarioException e) {
            throw new UsageException(file + ": " + e.getMessage(), e);
        }
        LayerSource source = new CachedLayers(new FileLayerSource(file.toAbsolutePath().getParent()));
        ScoringSession session = CliScoring.evaluate(scenario, source, file.toString(), err);
        return new Loaded(file, scenario, source, session);
    }

    /** The index of the site with this id (the idField value as written). */
    static int site(ScoringSession s, String id, String option) {
        List<String> some = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            String v = String.valueOf(s.id(i));
            if (v.equals(id)) {
                return i;
            }
            if (some.size() < 3) {
                some.add(v);
            }
        }
        throw new UsageException(option + ": no site with " + s.idField() + " '" + id + "' (e.g. "
                + String.join(", ", some) + ")");
    }

    /** The index of a criterion. */
    static int criterion(ScoringSession s, String id, String option) {
        int c = s.criterionIndex(id);
        if (c < 0) {
            List<String> ids = new ArrayList<>();
            s.criteria().forEach(x -> ids.add(x.id()));
            throw new UsageException(option + ": no criterion '" + id + "' (criteria: " + String.join(", ", ids) + ")");
        }
        return c;
    }

    /**
     * Weight vectors (scenario order) from AHP matrix files in the {@code weights --ahp} format: with a
     * header of criterion ids, unlisted criteria get 0; without one, the rows follow the scenario's criteria.
     */
    static List<double[]> ahpWeights(List<Path> files, ScoringSession s, PrintWriter err) throws IOException {
        List<double[]> out = new ArrayList<>();
        int m = s.criteria().size();
        for (Path f : files) {
            List<String> ids = new ArrayList<>();
            double[][] a = WeightsCommand.read(f, ids);
            Ahp.Result r;
            try {
                r = Ahp.compute(a);
            } catch (IllegalArgumentException e) {
                throw new UsageException(f + ": " + e.getMessage());
            }
            if (r.warning() != null) {
                err.println("warning: " + f + ": " + r.warning());
            }
            double[] w = new double[m];
            if (ids.isEmpty()) {
                if (a.length != m) {
                    throw new UsageException(f + ": " + a.length + " x " + a.length + " matrix without a header, but the"
                            + " scenario has " + m + " criteria (add a header row of criterion ids)");
                }
                System.arraycopy(r.weights(), 0, w, 0, m);
            } else {
                for (int k = 0; k < ids.size(); k++) {
                    int c = s.criterionIndex(ids.get(k));
                    if (c < 0) {
                        throw new UsageException(f + ": no criterion '" + ids.get(k) + "' in the scenario");
                    }
                    w[c] = r.weights()[k];
                }
            }
            out.add(w);
        }
        return out;
    }
}
