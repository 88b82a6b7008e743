package io.siteplanner.app;

import io.siteplanner.cli.SitePlannerCli;
import io.siteplanner.ui.SitePlannerApp;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Entry point: no arguments (or only {@code --project FILE}) start the desktop app, anything else runs
 * the command line. Not a JavaFX {@code Application} itself, so a plain {@code java -jar} works.
 */
public final class Main {
    /** The one line printed, with exit code {@link #NO_DISPLAY_EXIT}, when the desktop app cannot open a window. */
    static final String NO_DISPLAY = "error: no display available (set DISPLAY or use a subcommand; see --help)";
    /** Exit code for "no display": bad usage, like the CLI's unreadable input. */
    static final int NO_DISPLAY_EXIT = 2;

    private Main() {
    }

    /** True when every argument is an existing file (then they are layers to open in the app). */
    static boolean allFiles(String[] args) {
        for (String a : args) {
            if (a.startsWith("-") || !java.nio.file.Files.isRegularFile(java.nio.file.Paths.get(a))) {
                return false;
            }
        }
        return args.length > 0;
    }

    /**
     * True when the desktop app can have no window: on Linux and other X11 systems the variable DISPLAY is
     * unset or empty, and JavaFX is not told to use its headless Monocle platform ({@code glass.platform=Monocle},
     * as the UI tests do). Windows and macOS always have a display.
     */
    static boolean noDisplay(Map<String, String> env, Properties props) {
        String os = props.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return false;
        }
        if ("monocle".equalsIgnoreCase(props.getProperty("glass.platform", ""))) {
            return false;
        }
        String display = env.get("DISPLAY");
        return display == null || display.isBlank();
    }

    public static void main(String[] args) {
        System.setProperty("org.geotools.referencing.forceXY", "true");
        if (args.length == 0 || (args.length == 2 && args[0].equals("--project")) || allFiles(args)) {
            // no arguments, or only data files (like "qgis a.shp b.geojson"): the desktop app
            if (noDisplay(System.getenv(), System.getProperties())) {
                System.err.println(NO_DISPLAY);
                System.exit(NO_DISPLAY_EXIT);
            }
            try {
                SitePlannerApp.launchApp(args);
            } catch (UnsupportedOperationException e) {
                // DISPLAY is set but no X server answers there (GTK: "Unable to open DISPLAY")
                if (String.valueOf(e.getMessage()).contains("DISPLAY")) {
                    System.err.println(NO_DISPLAY);
                    System.exit(NO_DISPLAY_EXIT);
                }
                throw e;
            }
            return;
        }
        Charset cs = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        int code = SitePlannerCli.run(args, out, err);
        System.exit(code);
    }
}
