package io.siteplanner.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;

/**
 * What the app opens at start, from the command line and the preferences: a {@code *.siteplan.gpkg} named
 * on the command line opens as the project (other files are added as layers on top of it); otherwise,
 * when "Reopen last project at start" is on, the most recent project that still exists; otherwise the
 * bundled demo (when asked). The preference is off by default, as QGIS's "Open project on launch" starts
 * with a new project (its welcome page) unless the user picks "Most recent".
 *
 * @param project the project to open, or null
 * @param demo    whether to open the demo (no project)
 * @param layers  files to add as layers
 */
public record StartupPlan(Path project, boolean demo, List<Path> layers) {
    /** Preference key of "Reopen last project at start". */
    public static final String REOPEN_LAST = "reopenLast";

    /** Whether a file is a SitePlanner project by its name. */
    public static boolean isProject(Path p) {
        return p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".siteplan.gpkg");
    }

    /**
     * The plan.
     *
     * @param files      files named on the command line
     * @param openDemo   whether the demo is wanted when nothing else is opened
     * @param reopenLast the preference
     * @param recent     recent projects, most recent first
     */
    public static StartupPlan decide(List<Path> files, boolean openDemo, boolean reopenLast, List<Path> recent) {
        Path project = null;
        List<Path> layers = new ArrayList<>();
        for (Path f : files) {
            if (project == null && isProject(f)) {
                project = f;
            } else {
                layers.add(f);
            }
        }
        if (project == null && reopenLast) {
            for (Path r : recent) {
                if (Files.isRegularFile(r)) {
                    project = r;
                    break;
                }
            }
        }
        return new StartupPlan(project, project == null && openDemo, layers);
    }

    /**
     * The plan from the command line as the app receives it: {@code --project FILE} names the project (even
     * a file that does not exist: opening it then reports why); otherwise the first {@code *.siteplan.gpkg}
     * among the files is the project ({@link #decide}). Other existing files are layers; other options are
     * ignored.
     */
    public static StartupPlan fromArgs(List<String> args, boolean openDemo, boolean reopenLast, List<Path> recent) {
        Path explicit = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--project")) {
                if (i + 1 < args.size() && explicit == null) {
                    explicit = Paths.get(args.get(i + 1));
                }
                i++; // its file is the project, not a layer
            } else if (!a.startsWith("-") && Files.isRegularFile(Paths.get(a))) {
                files.add(Paths.get(a));
            }
        }
        if (explicit != null) {
            Path e = explicit;
            files.removeIf(f -> f.equals(e));
            return new StartupPlan(explicit, false, files);
        }
        return decide(files, openDemo, reopenLast, recent);
    }

    /** The preference in a preferences node (false when unset). */
    public static boolean reopenLast(Preferences prefs) {
        return prefs.getBoolean(REOPEN_LAST, false);
    }
}
