package io.siteplanner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.decision.WhatWouldChange;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code siteplanner explain --scenario S --site A --versus B [--json]}: what single change would put B
 * ahead of A: per criterion, the smallest weight change and the smallest change of B's raw value
 * ({@link WhatWouldChange}; docs/decision.md).
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "What would make site B beat site A: per criterion the smallest change of its weight and of"
                + " B's value that puts B ahead (one criterion at a time). See docs/decision.md.")
public final class ExplainCommand implements Callable<Integer> {
    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "Scenario JSON file.")
    Path scenarioFile;

    @Option(names = "--site", required = true, paramLabel = "A", description = "The site ranked ahead (id).")
    String site;

    @Option(names = "--versus", required = true, paramLabel = "B", description = "The site to bring ahead (id).")
    String versus;

    @Option(names = "--json", description = "Print {\"site\", \"versus\", \"weightChanges\", \"valueChanges\"}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (site.equals(versus)) {
            throw new UsageException("--site and --versus are the same site");
        }
        DecisionCli.Loaded in = DecisionCli.load(scenarioFile, err);
        ScoringSession s = in.session();
        int a = DecisionCli.site(s, site, "--site");
        int b = DecisionCli.site(s, versus, "--versus");
        ScoreResult base = s.score();
        WhatWouldChange.Result r = WhatWouldChange.explain(base, a, b);
        if (json) {
            w.println(json(r));
        } else {
            r.lines().forEach(w::println);
        }
        w.flush();
        return ExitCodes.OK;
    }

    static String json(WhatWouldChange.Result r) throws IOException {
        ObjectMapper om = new ObjectMapper();
        ObjectNode o = om.createObjectNode();
        putId(o, "site", r.site());
        putId(o, "versus", r.versus());
        ArrayNode ws = o.putArray("weightChanges");
        for (WhatWouldChange.WeightChange c : r.weights()) {
            ObjectNode n = ws.addObject();
            n.put("criterion", c.criterion());
            if (c.weight() == null) {
                n.putNull("weight");
            } else {
                n.put("weight", c.weight());
            }
            n.put("text", c.text());
        }
        ArrayNode vs = o.putArray("valueChanges");
        for (WhatWouldChange.ValueChange c : r.values()) {
            ObjectNode n = vs.addObject();
            n.put("criterion", c.criterion());
            if (c.value() == null) {
                n.putNull("value");
            } else {
                n.put("value", c.value());
            }
            n.put("text", c.text());
        }
        o.put("alreadyAhead", r.alreadyAhead());
        return om.writeValueAsString(o);
    }

    static void putId(ObjectNode o, String key, Object id) {
        if (id instanceof Long) {
            o.put(key, (Long) id);
        } else {
            o.put(key, String.valueOf(id));
        }
    }
}
