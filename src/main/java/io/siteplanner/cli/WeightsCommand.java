package io.siteplanner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.scoring.Ahp;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code siteplanner weights --ahp matrix.csv [--json]}: AHP weights from a Saaty pairwise matrix (CSV:
 * n rows of n numbers, fractions like {@code 1/3} allowed, comma/semicolon/tab/space separated, optional
 * header row of criterion ids), with lambda_max, CI and CR; warns on stderr when CR &gt;= 0.10.
 */
@Command(name = "weights", mixinStandardHelpOptions = true,
        description = "Criterion weights from an AHP pairwise comparison matrix (Saaty 1-9 scale).")
public final class WeightsCommand implements Callable<Integer> {
    @Option(names = "--ahp", required = true, paramLabel = "MATRIX.csv", description = "Pairwise matrix CSV.")
    Path matrixFile;

    @Option(names = "--json", description = "Print {\"weights\": [...], \"lambdaMax\": x, \"ci\": x, \"cr\": x}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<String> ids = new ArrayList<>();
        double[][] a = read(matrixFile, ids);
        Ahp.Result r;
        try {
            r = Ahp.compute(a);
        } catch (IllegalArgumentException e) {
            throw new UsageException(matrixFile + ": " + e.getMessage());
        }
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (r.warning() != null) {
            err.println("warning: " + r.warning());
        }
        if (json) {
            ObjectMapper om = new ObjectMapper();
            ObjectNode o = om.createObjectNode();
            ArrayNode ws = o.putArray("weights");
            for (double x : r.weights()) {
                ws.add(x);
            }
            o.put("lambdaMax", r.lambdaMax());
            o.put("ci", r.ci());
            o.put("cr", r.cr());
            w.println(om.writeValueAsString(o));
        } else {
            int width = 9;
            for (String id : ids) {
                width = Math.max(width, id.length());
            }
            w.printf(Locale.ROOT, "%-" + width + "s  %s%n", "criterion", "weight");
            for (int i = 0; i < a.length; i++) {
                String name = ids.isEmpty() ? "c" + (i + 1) : ids.get(i);
                w.printf(Locale.ROOT, "%-" + width + "s  %.4f%n", name, r.weights()[i]);
            }
            w.printf(Locale.ROOT, "lambda_max %.4f%n", r.lambdaMax());
            w.printf(Locale.ROOT, "CI %.4f%n", r.ci());
            w.printf(Locale.ROOT, "CR %.4f (%s)%n", r.cr(), r.consistent() ? "consistent: < 0.10"
                    : "inconsistent: >= 0.10");
        }
        w.flush();
        err.flush();
        return ExitCodes.OK;
    }

    static double[][] read(Path file, List<String> ids) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": file not found");
        }
        List<double[]> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            String t = line.strip();
            if (t.startsWith("\uFEFF")) {
                t = t.substring(1);
            }
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] cells = t.split("\\s*[,;\\t]\\s*|\\s+");
            double[] row = new double[cells.length];
            boolean text = false;
            for (int i = 0; i < cells.length; i++) {
                try {
                    row[i] = Ahp.parseJudgement(cells[i].replace("\"", ""));
                } catch (IllegalArgumentException e) {
                    text = true;
                }
            }
            if (text) {
                if (rows.isEmpty() && ids.isEmpty()) {
                    for (String c : cells) {
                        ids.add(c.replace("\"", "").strip());
                    }
                    continue;
                }
                throw new UsageException(file + ": line " + lineNo + ": not a number or fraction in '" + t + "'");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new UsageException(file + ": no matrix rows");
        }
        int n = rows.size();
        if (!ids.isEmpty() && ids.size() != n) {
            throw new UsageException(file + ": header has " + ids.size() + " ids but the matrix has " + n + " rows");
        }
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            if (rows.get(i).length != n) {
                throw new UsageException(file + ": row " + (i + 1) + " has " + rows.get(i).length
                        + " values; a " + n + " x " + n + " matrix is needed");
            }
            a[i] = rows.get(i);
        }
        return a;
    }
}
