package io.siteplanner.spark;

import io.siteplanner.gis.LayerReadException;
import io.siteplanner.scoring.ScenarioException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code siteplanner-spark}: the desktop's scenario scoring on Apache Spark + Apache Sedona, for candidate
 * layers beyond one machine. {@code java -jar siteplanner-spark.jar score --master local[2] ...} runs Spark
 * in this JVM; under {@code spark-submit} the cluster's master is used. Exit codes as the desktop CLI:
 * 0 success, 1 the work failed, 2 bad usage or unreadable input (one {@code error:} line on stderr).
 */
@Command(name = "siteplanner-spark", mixinStandardHelpOptions = true, versionProvider = SparkMain.Version.class,
        subcommands = {ScoreJob.class},
        description = "SitePlanner scenario scoring on Apache Spark + Apache Sedona (national screening).")
public final class SparkMain implements Runnable {
    /** Exit code: bad usage or unreadable input. */
    static final int USAGE = 2;
    /** Exit code: the work failed. */
    static final int FAILED = 1;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line with the process's stdout/stderr and returns the exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command line writing to the given streams and returns the exit code (tests call this). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        // GeoTools must see longitude-first axis order before it loads (as the desktop app sets it)
        System.setProperty("org.geotools.referencing.forceXY", "true");
        System.setProperty("io.netty.tryReflectionSetAccessible", "true");
        CommandLine cl = new CommandLine(new SparkMain()).setOut(out).setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            boolean debug = parsed.hasMatchedOption("--debug") || parsed.subcommand() != null
                    && parsed.subcommand().hasMatchedOption("--debug");
            PrintWriter w = line.getErr();
            w.println("error: " + message(ex));
            if (debug) {
                ex.printStackTrace(w);
            }
            w.flush();
            return usage(ex) ? USAGE : FAILED;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }

    /** Whether an error is the user's input (scenario, files) rather than a failure of the work. */
    static boolean usage(Throwable ex) {
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof UsageException || c instanceof ScenarioException || c instanceof LayerReadException
                    || c instanceof CommandLine.ParameterException) {
                return true;
            }
        }
        return false;
    }

    /** The message of the innermost scenario/usage error (Spark wraps executor errors), on one line. */
    static String message(Throwable ex) {
        Throwable pick = null;
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof UsageException || c instanceof ScenarioException || c instanceof LayerReadException) {
                pick = c;
                break;
            }
        }
        Throwable t = pick != null ? pick : ex;
        String m = t.getMessage();
        if (m == null) {
            m = t.getClass().getSimpleName();
        }
        if (pick == null) {
            Throwable root = t;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            if (root != t && root.getMessage() != null && !m.contains(root.getMessage())) {
                m = m + ": " + root.getMessage();
            }
        }
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SparkMain.class.getPackage().getImplementationVersion();
            return new String[] {"siteplanner-spark " + (v == null ? "dev" : v) + " (Spark "
                    + org.apache.spark.package$.MODULE$.SPARK_VERSION() + ")"};
        }
    }
}
