package io.siteplanner.ui;

import io.siteplanner.export.MapContent;
import io.siteplanner.export.SitesExport;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.model.Units;
import io.siteplanner.project.MapView;
import io.siteplanner.project.Project;
import io.siteplanner.project.ProjectLayer;
import io.siteplanner.project.ProjectLayer.Role;
import io.siteplanner.render.ProjectMap;
import io.siteplanner.render.StyledLayer;
import io.siteplanner.render.Viewport;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.MapsDirectory;
import io.siteplanner.store.ProjectLayerSource;
import io.siteplanner.store.ProjectStore;
import io.siteplanner.store.ScenarioExport;
import io.siteplanner.store.ScenarioLayers;
import io.siteplanner.ui.task.Job;
import io.siteplanner.ui.task.TaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The open project: new, open (offering an autosaved recovery copy), save (atomic), save as, autosave,
 * recent projects, unsaved changes, export of results and of the scenario; it owns the view-models of the
 * layers, scenarios, criteria, constraints, map and shortlist and the undo history. A project whose
 * scenario reads a missing layer opens anyway: those criteria are disabled and flagged. Everything shown
 * goes through the {@link DialogService}, all work through the {@link TaskExecutor}: tests run it without
 * a stage. FX thread only.
 */
public final class ProjectViewModel {
    /** Project file types. */
    public static final List<DialogService.FileType> PROJECT_TYPES = List.of(DialogService.FileType.of(
            "SitePlanner project", "*.siteplan.gpkg", "*.gpkg"));

    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Preferences prefs;
    private final UndoManager undo = new UndoManager();
    private final ReadOnlyObjectWrapper<Path> projectFile = new ReadOnlyObjectWrapper<>(this, "projectFile");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private final LayersViewModel layers;
    private final ScenarioEditorViewModel editor;
    private final ScenarioListViewModel scenarios;
    private final CriteriaViewModel criteria;
    private final ConstraintsViewModel constraints;
    private final MapViewModel map;
    private final ShortlistViewModel shortlist;
    private final RobustnessViewModel robustness;
    private final StringBinding title;
    private Project project;
    private boolean loading;
    private LayerItem statusAbout;
    private boolean settingAbout;
    /** Bumped when another project is shown: late results of the previous one are ignored. */
    private long generation;

    public ProjectViewModel(TaskExecutor tasks, DialogService dialogs, Preferences prefs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.prefs = prefs;
        this.layers = new LayersViewModel(tasks, dialogs, undo, this::baseDir);
        this.editor = new ScenarioEditorViewModel(layers, tasks, dialogs, undo);
        this.scenarios = new ScenarioListViewModel(editor, layers, undo);
        this.criteria = new CriteriaViewModel(editor);
        this.constraints = new ConstraintsViewModel(editor);
        this.map = new MapViewModel(layers, editor);
        this.shortlist = new ShortlistViewModel(undo, editor.resultProperty());
        this.robustness = new RobustnessViewModel(editor, tasks, dialogs, layers::source);
        layers.setStatus(status::set);
        layers.setLayerStatus(this::setStatus);
        // a message about a layer goes when the layer does (removed, undone, another project)
        status.addListener((o, a, b) -> {
            if (!settingAbout) {
                statusAbout = null;
            }
        });
        layers.layers().addListener((javafx.collections.ListChangeListener<LayerItem>) c -> {
            if (statusAbout != null && !layers.layers().contains(statusAbout)) {
                statusAbout = null;
                status.set("Ready");
            }
        });
        editor.setStatus(status::set);
        undo.changesProperty().addListener((o, a, b) -> {
            if (!loading) {
                dirty.set(true);
            }
        });
        editor.problemProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                status.set(b);
            }
        });
        editor.scenarioProperty().addListener((o, a, s) -> {
            layers.setCandidates(s == null ? null : editor.candidatesLayer());
            // the result may have come before the scenario that names its (other) candidate layer
            map.colour(editor.resultProperty().get());
        });
        editor.resultProperty().addListener((o, a, r) -> {
            if (r != null && a != null && a.session() != r.session()) {
                map.selectedSitesProperty().set(new java.util.BitSet());
            }
        });
        title = Bindings.createStringBinding(() -> (dirty.get() ? "• " : "")
                + (projectFile.get() == null ? "Untitled" : projectFile.get().getFileName().toString()) + " — SitePlanner",
                dirty, projectFile);
    }

    // ------------------------------------------------------------------------------------------ parts

    public LayersViewModel layers() {
        return layers;
    }

    public ScenarioEditorViewModel editor() {
        return editor;
    }

    public ScenarioListViewModel scenarios() {
        return scenarios;
    }

    public CriteriaViewModel criteria() {
        return criteria;
    }

    public ConstraintsViewModel constraints() {
        return constraints;
    }

    public MapViewModel map() {
        return map;
    }

    public ShortlistViewModel shortlist() {
        return shortlist;
    }

    /** Rank robustness of the active scenario (site table columns, comparison view). */
    public RobustnessViewModel robustness() {
        return robustness;
    }

    public UndoManager undo() {
        return undo;
    }

    public TaskExecutor tasks() {
        return tasks;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    /** The project file, or null for a new project. */
    public ReadOnlyObjectProperty<Path> projectFileProperty() {
        return projectFile.getReadOnlyProperty();
    }

    /** Whether there are unsaved changes. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** "• mine.siteplan.gpkg — SitePlanner". */
    public StringBinding titleBinding() {
        return title;
    }

    /** The latest message for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void setStatus(String s) {
        status.set(s);
    }

    /** A status message about one layer: it is cleared when that layer leaves the project. */
    public void setStatus(String s, LayerItem about) {
        settingAbout = true;
        try {
            status.set(s);
            statusAbout = about;
        } finally {
            settingAbout = false;
        }
    }

    /** Folder of the project file (relative scenario paths), or null. */
    public Path baseDir() {
        Path f = projectFile.get();
        return f == null ? null : f.toAbsolutePath().getParent();
    }

    // ------------------------------------------------------------------------------------------ open

    /** Result of opening a project off the FX thread. */
    record Loaded(Path file, Project project, List<Scenario> scenarios, Scenario active, ScoringSession session,
            String problem, List<StyledLayer> layers, List<String> repairs, java.util.Map<String, String> disabled,
            ScenarioEditorViewModel.Outcome scored) {
        /** The same, for another file name. */
        Loaded withFile(Path f) {
            return new Loaded(f, project, scenarios, active, session, problem, layers, repairs, disabled, scored);
        }
    }

    /** Opens the bundled demo project ({@code maps/demo.siteplan.gpkg}). */
    public Job openDemo() {
        Optional<Path> maps = MapsDirectory.find();
        if (maps.isEmpty() || !Files.exists(MapsDirectory.demoProject(maps.get()))) {
            dialogs.showError("Demo project not found", "maps/demo.siteplan.gpkg was not found. "
                    + "Start SitePlanner from the project folder, or set -Dsiteplanner.maps=PATH.");
            return null;
        }
        return open(MapsDirectory.demoProject(maps.get()));
    }

    /** Lets the user pick a project and opens it (after asking about unsaved changes). */
    public void chooseAndOpen() {
        whenSafeToDiscard(() -> dialogs.chooseFileToOpen("Open Project", PROJECT_TYPES, lastDir()).ifPresent(this::open));
    }

    /**
     * Opens a project: layers, scenarios (the active one evaluated), shortlist and map view. Offers the
     * autosaved recovery copy when it is newer. Missing layers disable the criteria that read them (with a
     * warning naming them); a scenario that cannot be scored still opens, with the reason shown.
     */
    public Job open(Path file) {
        Path recovery = ProjectStore.recoveryFile(file);
        boolean recover = false;
        try {
            if (ProjectStore.hasNewerRecovery(file)) {
                recover = dialogs.confirm("Recover unsaved changes?", "SitePlanner found unsaved changes of "
                        + file.getFileName() + " from " + Files.getLastModifiedTime(recovery) + " (an autosaved copy).",
                        "Recover");
            }
        } catch (IOException e) {
            recover = false;
        }
        Path source = recover ? recovery : file;
        boolean recovered = recover;
        return tasks.run("Opening " + file.getFileName(), p -> {
            // at start-up the project may be loading since launch (StartupPreload)
            Loaded preloaded = recovered ? null : StartupPreload.take(file, p);
            return preloaded != null ? preloaded : load(source, file, p);
        }, l -> {
            install(l);
            if (recovered) {
                dirty.set(true);
                status.set("Recovered unsaved changes of " + file.getFileName() + ": save to keep them");
            }
        }, err -> dialogs.showError("Could not open " + file.getFileName(), DialogService.messageOf(err)));
    }

    /**
     * Reads a project (from {@code source}: the file or its recovery copy), disables what reads missing
     * layers, evaluates its active scenario and prepares its map. Any thread.
     */
    static Loaded load(Path source, Path file, io.siteplanner.model.Progress p) throws Exception {
        Path dir = file.toAbsolutePath().getParent();
        Project pr = ProjectStore.open(source, p.sub(0, 0.4));
        List<String> repairs = new ArrayList<>();
        List<Scenario> all = new ArrayList<>();
        Scenario active = null;
        String problem = null;
        for (Scenario s : pr.scenarios()) {
            ScenarioLayers.Repair r = ScenarioLayers.disableMissing(s, n -> pr.layer(n) != null, dir);
            all.add(r.scenario());
            if (!r.missing().isEmpty()) {
                repairs.add("\"" + s.name() + "\": " + r.describe() + (r.disabled().isEmpty() ? ""
                        : "; disabled: " + String.join(", ", r.disabled())));
            }
            if (s == pr.active()) {
                active = r.scenario();
                if (r.candidatesMissing()) {
                    problem = "The candidate layer is missing (" + r.missing().get(s.candidates())
                            + "): choose a candidate layer";
                }
            }
        }
        ScoringSession session = null;
        java.util.Map<String, String> disabled = java.util.Map.of();
        if (active != null && problem == null) {
            try {
                ScenarioEditorViewModel.Tolerant t = ScenarioEditorViewModel.evaluateTolerant(active,
                        new ProjectLayerSource(pr, dir), p.sub(0.4, 0.9));
                session = t.session();
                disabled = t.disabled();
                if (!disabled.isEmpty()) {
                    String name = active.name();
                    all.replaceAll(x -> x.name().equals(name) ? t.scenario() : x);
                    active = t.scenario();
                    List<String> why = new ArrayList<>();
                    disabled.forEach((id, w) -> why.add(id + " (" + w + ")"));
                    repairs.add("\"" + name + "\": cannot evaluate " + String.join(", ", why));
                }
            } catch (RuntimeException e) {
                if (e instanceof io.siteplanner.model.CancelledException) {
                    throw e;
                }
                problem = "Not scored: " + DialogService.messageOf(e);
            }
        }
        // ranked here too, off the FX thread: the window shows the ranked project as soon as it installs it
        ScenarioEditorViewModel.Outcome scored = null;
        if (session != null) {
            try {
                scored = ScenarioEditorViewModel.scoreNow(session, active);
            } catch (RuntimeException e) {
                if (e instanceof io.siteplanner.model.CancelledException) {
                    throw e;
                }
                scored = null; // the re-score lane tries again and reports the error
            }
        }
        List<StyledLayer> styled = ProjectMap.layers(pr, session, false, p.sub(0.9, 1));
        return new Loaded(file, pr, all, active, session, problem, styled, repairs, disabled, scored);
    }

    private void install(Loaded l) {
        generation++;
        loading = true;
        try {
            layers.layers().clear();
            for (StyledLayer sl : l.layers()) {
                ProjectLayer pl = l.project().layer(sl.name());
                LayerItem item = new LayerItem(sl.name(), sl.role(), sl.layer(), sl.style());
                item.opacityProperty().set(sl.opacity());
                item.visibleProperty().set(pl == null || pl.visible());
                item.linkTo(sl.name(), pl == null ? sl.layer().source() : pl.layer());
                layers.layers().add(0, item);
            }
            scenarios.load(l.scenarios(), l.active() == null ? null : l.active().name());
            String candidates = l.active() == null ? null
                    : ScenarioEditorViewModel.projectLayer(l.active(), l.active().candidates());
            if (candidates != null) {
                // one candidate layer, the active scenario's, before the result colours it: a project whose
                // scenarios use different candidate layers (the demo) stores them all as candidates
                layers.setCandidates(candidates);
            }
            editor.load(l.active(), l.session(), l.problem(), l.scored());
            editor.noteDisabled(l.disabled());
            shortlist.load(l.project().shortlist());
            project = l.project();
            projectFile.set(l.file());
            map.requestView(l.project().view());
            undo.clear();
            dirty.set(false);
        } finally {
            loading = false;
        }
        rememberRecent(l.file());
        LayerItem c = layers.first(Role.CANDIDATES);
        status.set(String.format(Locale.ROOT, "%s: %s%s", l.file().getFileName(),
                io.siteplanner.model.Plural.of(c == null ? 0 : c.mapLayer().source().size(), "candidate site"),
                l.session() == null ? ""
                        : " scored with \"" + l.session().scenario().name() + "\""));
        if (!l.repairs().isEmpty()) {
            dialogs.showWarning("Some criteria of the project are disabled", "Criteria and exclusions that read a"
                    + " missing layer, or cannot be evaluated, are disabled and flagged; edit them to use another"
                    + " layer.\n" + String.join("\n", l.repairs()));
        }
    }

    /** Starts an empty project (the basemap layers stay), after asking about unsaved changes. */
    public void newProject() {
        whenSafeToDiscard(this::newProjectNow);
    }

    private void newProjectNow() {
        generation++;
        loading = true;
        try {
            layers.layers().removeIf(i -> i.role() != Role.BASEMAP);
            scenarios.load(List.of(), null);
            editor.clear();
            shortlist.load(null);
            project = null;
            projectFile.set(null);
            undo.clear();
            dirty.set(false);
        } finally {
            loading = false;
        }
        status.set("New project: add layers, then choose the candidate layer in the Scenario panel");
    }

    // ------------------------------------------------------------------------------------------ save

    /** The project as it is now (layers, scenarios with their edits, shortlist, view). */
    public Project currentProject() {
        Viewport v = map.viewportProperty().get();
        String t = project != null ? project.title() : projectFile.get() == null ? "Untitled"
                : FormatRegistry.baseName(projectFile.get());
        return new Project(t, layers.projectLayers(), scenarios.forSave(), scenarios.activeProperty().get(),
                shortlist.shortlistProperty().get(), project == null ? "" : project.notes(),
                v == null ? null : new MapView(v.centerX(), v.centerY(), v.resolution()));
    }

    /** Saves to {@code file} in the background (atomic: the old file stays intact on failure). */
    public Job saveTo(Path file) {
        Project p = currentProject();
        long gen = generation;
        return tasks.run("Saving " + file.getFileName(), pr -> {
            ProjectStore.save(p, file, pr);
            ProjectStore.discardRecovery(file);
            return file;
        }, f -> {
            rememberRecent(f);
            if (gen != generation) {
                return; // another project is open now: the save stands, the window state belongs to it
            }
            project = p;
            projectFile.set(f);
            dirty.set(false);
            status.set("Saved " + f.getFileName());
        }, err -> dialogs.showError("Could not save " + file.getFileName(), DialogService.messageOf(err)
                + "\nThe previous version of the file is unchanged."));
    }

    /** Saves to the project's file (Save As for new projects and the bundled demo); null when cancelled. */
    public Job save() {
        if (projectFile.get() == null || isBundledDemo(projectFile.get())) {
            return saveAs();
        }
        return saveTo(projectFile.get());
    }

    /** Asks for a file and saves there; null when cancelled. */
    public Job saveAs() {
        Optional<Path> f = dialogs.chooseFileToSave("Save Project As", PROJECT_TYPES, lastDir(), "project.siteplan.gpkg");
        if (f.isEmpty()) {
            return null;
        }
        Path path = f.get();
        if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gpkg")) {
            path = path.resolveSibling(path.getFileName() + ".siteplan.gpkg");
        }
        return saveTo(path);
    }

    /** Saves a recovery copy when there are unsaved changes of a project with its own file (called every 2 minutes). */
    public Job autosave() {
        Path f = projectFile.get();
        if (!dirty.get() || f == null || isBundledDemo(f)) {
            return null;
        }
        Project p = currentProject();
        return tasks.runQuietly("Autosaving", pr -> {
            ProjectStore.autosave(p, f);
            return f;
        }, done -> { }, err -> status.set("Autosave failed: " + DialogService.messageOf(err)));
    }

    /**
     * Runs {@code proceed} once unsaved changes may be dropped: at once when there are none or the user
     * chose "Don't Save"; after the save has finished when they chose "Save"; never on Cancel (or a
     * cancelled Save As).
     */
    public void whenSafeToDiscard(Runnable proceed) {
        if (!dirty.get()) {
            proceed.run();
            return;
        }
        switch (dialogs.askSaveChanges(projectFile.get() == null ? "the project" : projectFile.get().getFileName()
                .toString())) {
            case DISCARD:
                dirty.set(false);
                proceed.run();
                break;
            case SAVE: {
                Job j = save();
                if (j != null) {
                    j.whenSucceeded(proceed);
                }
                break;
            }
            default:
                break;
        }
    }

    boolean isBundledDemo(Path f) {
        return MapsDirectory.find().map(m -> MapsDirectory.demoProject(m).toAbsolutePath().equals(f.toAbsolutePath()))
                .orElse(false);
    }

    // ------------------------------------------------------------------------------------------ recent

    /** Recently opened or saved projects, newest first (at most 8; not the bundled demo). */
    public List<Path> recentProjects() {
        return recentProjects(prefs);
    }

    /** The recent projects kept in a preferences node (the window's: {@link MainWindow#defaultPrefs}). */
    static List<Path> recentProjects(Preferences prefs) {
        List<Path> out = new ArrayList<>();
        for (String r : prefs.get("recent", "").split("\n")) {
            if (!r.isBlank()) {
                out.add(Path.of(r));
            }
        }
        return out;
    }

    private void rememberRecent(Path f) {
        if (isBundledDemo(f)) {
            return;
        }
        List<String> recent = new ArrayList<>(List.of(prefs.get("recent", "").split("\n")));
        recent.removeIf(x -> x.isBlank() || x.equals(f.toAbsolutePath().toString()));
        recent.add(0, f.toAbsolutePath().toString());
        prefs.put("recent", String.join("\n", recent.subList(0, Math.min(8, recent.size()))));
    }

    /** The folder files were last chosen in (or null). */
    public Path lastDir() {
        String d = prefs.get("lastDir", null);
        return d != null && Files.isDirectory(Path.of(d)) ? Path.of(d) : null;
    }

    void rememberDir(Path file) {
        if (file != null && file.toAbsolutePath().getParent() != null) {
            prefs.put("lastDir", file.toAbsolutePath().getParent().toString());
        }
    }

    /** Lets the user pick layer files and adds them. */
    public Job chooseAndAddLayers() {
        List<DialogService.FileType> types = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (io.siteplanner.gis.LayerFormat f : FormatRegistry.standard().formats()) {
            List<String> globs = new ArrayList<>();
            for (String ext : f.extensions()) {
                globs.add("*." + ext);
                all.add("*." + ext);
            }
            types.add(new DialogService.FileType(f.displayName(), globs));
        }
        types.add(0, new DialogService.FileType("All supported", all));
        types.add(DialogService.FileType.of("All files", "*.*"));
        List<Path> files = dialogs.chooseFilesToOpen("Add Layer", types, lastDir());
        if (files.isEmpty()) {
            return null;
        }
        rememberDir(files.get(0));
        return layers.addFiles(files);
    }

    // ------------------------------------------------------------------------------------------ export

    /**
     * Writes the active scenario as JSON that {@code siteplanner score --scenario} reads (with its project
     * layers in a GeoPackage beside it), in the background.
     */
    public Job exportScenario(Path json) {
        Scenario s = editor.current();
        if (s == null) {
            dialogs.showError("Nothing to export", "Choose the candidate layer to make a scenario first.");
            return null;
        }
        Project p = currentProject();
        Path dir = baseDir();
        return tasks.run("Exporting " + json.getFileName(), pr -> ScenarioExport.write(s, p, dir, json, pr),
                gpkg -> status.set("Exported " + json.getFileName() + (gpkg == null ? "" : " with its layers in "
                        + gpkg.getFileName()) + ": siteplanner score --scenario " + json.getFileName()),
                err -> dialogs.showError("Could not export " + json.getFileName(), DialogService.messageOf(err)));
    }

    public void chooseAndExportScenario() {
        Scenario s = editor.current();
        String name = s == null ? "scenario" : ProjectStore.layerName(s.name(), List.of()).toLowerCase(Locale.ROOT);
        dialogs.chooseFileToSave("Export Scenario", List.of(DialogService.FileType.of("Scenario JSON", "*.json")),
                lastDir(), name + ".json").ifPresent(f -> {
                    rememberDir(f);
                    exportScenario(f.getFileName().toString().endsWith(".json") ? f
                            : f.resolveSibling(f.getFileName() + ".json"));
                });
    }

    /**
     * Exports the current result (and shortlist) in the background; map formats draw the visible layers
     * as they are on screen.
     */
    public Job exportResults(SitesExport.Format f, boolean shortlistOnly, Path out) {
        ScoreResult r = editor.resultProperty().get();
        if (r == null) {
            dialogs.showError("Nothing to export", "Score a scenario first.");
            return null;
        }
        List<StyledLayer> visible = new ArrayList<>();
        List<LayerItem> items = new ArrayList<>(layers.layers());
        Collections.reverse(items);
        for (LayerItem i : items) {
            if (i.visibleProperty().get()) {
                visible.add(new StyledLayer(i.getName(), i.role(), i.mapLayer(), i.styleProperty().get(),
                        i.opacityProperty().get()));
            }
        }
        Viewport v = map.viewportProperty().get();
        SitesExport.Options o = SitesExport.Options.defaults()
                .withShortlist(shortlist.shortlistProperty().get(), shortlistOnly)
                .withDistanceUnit(Units.defaultDistanceUnit(Locale.getDefault()))
                .withTitle(project == null ? null : project.title());
        if (f == SitesExport.Format.PNG && v != null) {
            o = o.withView(v.envelope()).withSize(v.width(), v.height());
        }
        SitesExport.Options opts = o;
        boolean hasCandidates = visible.stream().anyMatch(l -> l.role() == Role.CANDIDATES);
        MapContent content = hasCandidates ? MapContent.of(visible) : null;
        return tasks.run("Exporting " + out.getFileName(), p -> {
            SitesExport.export(r, content, opts, f, out, p);
            return out;
        }, done -> status.set("Exported " + done.getFileName()),
                err -> dialogs.showError("Could not export " + out.getFileName(), DialogService.messageOf(err)));
    }

    public void chooseAndExportResults(SitesExport.Format f, boolean shortlistOnly) {
        dialogs.chooseFileToSave("Export", List.of(DialogService.FileType.of(f.name(), "*." + f.extension())), lastDir(),
                (shortlistOnly ? "shortlist." : "sites.") + f.extension()).ifPresent(out -> {
                    rememberDir(out);
                    exportResults(f, shortlistOnly, out);
                });
    }

    /**
     * Opens the comparison view for the selected sites of the current result (2 or more, in table order: the
     * first 4 are compared, and the view says so).
     */
    public ComparisonViewModel compare(int[] sites) {
        ScoreResult r = editor.resultProperty().get();
        if (r == null || sites.length < 2) {
            return null;
        }
        ComparisonViewModel c = new ComparisonViewModel(r, sites, robustness, tasks, layers::source, map::zoomToSite);
        dialogs.showComparison(c);
        return c;
    }
}
