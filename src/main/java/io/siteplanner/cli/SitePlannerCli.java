package io.siteplanner.cli;

import io.siteplanner.gis.LayerReadException;
import io.siteplanner.model.CancelledException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code siteplanner} command and its subcommands. */
@Command(name = "siteplanner", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Site selection for hyperscale AI data-center campuses.%n"
                + "Run without arguments to start the desktop app.",
        subcommands = {InfoCommand.class, ScoreCommand.class, WeightsCommand.class, CandidatesCommand.class,
            RenderCommand.class, ExportCommand.class, ProjectCommand.class, BenchCommand.class, RobustnessCommand.class,
            ExplainCommand.class, SweepCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the work failed", "2:bad usage or unreadable input"})
public final class SitePlannerCli implements Callable<Integer> {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** Runs the CLI and returns the exit code (does not call System.exit). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        boolean debug = false;
        for (String a : args) {
            if (a.equals("--debug")) {
                debug = true;
            }
        }
        final boolean showTrace = debug;
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            line.getErr().println("error: " + messageOf(ex));
            if (showTrace) {
                StringWriter sw = new StringWriter();
                ex.printStackTrace(new PrintWriter(sw));
                line.getErr().print(sw);
            }
            line.getErr().flush();
            return exitCodeOf(ex);
        });
        cl.setParameterExceptionHandler((ex, strings) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("error: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            c.getErr().flush();
            return ExitCodes.USAGE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The configured picocli command line. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SitePlannerCli());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    static String messageOf(Throwable ex) {
        if (ex instanceof CancelledException) {
            return "cancelled";
        }
        String m = ex.getMessage();
        if (m == null || m.isBlank()) {
            m = ex.getClass().getSimpleName();
        }
        if (!(ex instanceof LayerReadException || ex instanceof UsageException)) {
            Throwable c = ex.getCause();
            if (c != null && c.getMessage() != null && !m.contains(c.getMessage())) {
                m = m + ": " + c.getMessage();
            }
        }
        return m.replace('\n', ' ');
    }

    static int exitCodeOf(Throwable ex) {
        if (ex instanceof LayerReadException || ex instanceof UsageException || ex instanceof IllegalArgumentException) {
            return ExitCodes.USAGE;
        }
        if (ex instanceof CancelledException) {
            return ExitCodes.CANCELLED;
        }
        return ExitCodes.FAILURE;
    }
}
