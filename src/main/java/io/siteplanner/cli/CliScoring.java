package io.siteplanner.cli;

import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.scoring.LayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.ScoringSession;
import java.io.PrintWriter;

/** Evaluates a scenario for a command: console progress, scenario errors as usage errors, warnings on stderr. */
final class CliScoring {
    private CliScoring() {
    }

    /**
     * @param what names the scenario in error messages (its file, or "project: scenario 'x'")
     * @throws UsageException when the scenario cannot be evaluated (bad layer, filter, attribute...)
     */
    static ScoringSession evaluate(Scenario scenario, LayerSource source, String what, PrintWriter err) {
        return evaluate(scenario, source, what, err, new io.siteplanner.scoring.Timings());
    }

    /** The same, recording per-phase times into {@code timings}. */
    static ScoringSession evaluate(Scenario scenario, LayerSource source, String what, PrintWriter err,
            io.siteplanner.scoring.Timings timings) {
        io.siteplanner.model.Progress progress = ConsoleProgress.forStderr(err);
        ScoringSession session;
        try {
            session = ScenarioEvaluator.evaluate(scenario, source, progress, timings);
        } catch (ScenarioException e) {
            throw new UsageException(what + ": " + e.getMessage(), e);
        } finally {
            if (progress instanceof ConsoleProgress) {
                ((ConsoleProgress) progress).done();
            }
        }
        for (String warning : session.warnings()) {
            err.println("warning: " + warning);
        }
        return session;
    }
}
