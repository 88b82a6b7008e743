package io.siteplanner.app;

import io.siteplanner.cli.SitePlannerCli;
import io.siteplanner.ui.SitePlannerApp;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Entry point: no arguments (or only {@code --project FILE}) start the desktop app, anything else runs
 * the command line. Not a JavaFX {@code Application} itself, so a plain {@code java -jar} works.
 */
public final class Main {
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

    public static void main(String[] args) {
        System.setProperty("org.geotools.referencing.forceXY", "true");
        if (args.length == 0 || (args.length == 2 && args[0].equals("--project")) || allFiles(args)) {
            // no arguments, or only data files (like "qgis a.shp b.geojson"): the desktop app
            SitePlannerApp.launchApp(args);
            return;
        }
        Charset cs = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        int code = SitePlannerCli.run(args, out, err);
        System.exit(code);
    }
}
