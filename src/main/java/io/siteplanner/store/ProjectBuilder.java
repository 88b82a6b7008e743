package io.siteplanner.store;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.project.Project;
import io.siteplanner.project.ProjectLayer;
import io.siteplanner.project.Shortlist;
import io.siteplanner.scoring.scenario.JoinSpec;
import io.siteplanner.scoring.scenario.LayerRef;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.model.style.LayerStyle;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import io.siteplanner.scoring.TableJoin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Builds a self-contained {@link Project} from scenario files: every vector layer of the scenarios is read
 * (through {@link FormatRegistry#standard()}, table joins applied) into a project layer named after its
 * scenario layer id, and the scenarios' layer paths are rewritten to {@code "@name"}. The same file/layer
 * used by several scenarios becomes one project layer. Raster layers stay files (their path made relative
 * to {@link #projectDir} when given, else absolute). Optionally adds the US basemap (states, counties, places)
 * as {@link ProjectLayer.Role#BASEMAP} layers.
 *
 * <p>Layer order (bottom first), as a GIS orders new layers: basemap counties, basemap states, polygon
 * layers, the candidate layers, then line and point layers on top (grid lines, substations and plants stay
 * visible over candidate cells that tile a whole county). Styles come from the caller (the store does not know the
 * renderer): {@link #styles} for data and basemap layers, {@link #candidatesStyle} for candidates. The
 * first scenario is the active one; duplicate scenario names get a suffix {@code " (2)"}.
 *
 * <p>Errors: unreadable layers throw {@link LayerReadException} (naming the file); a bad scenario throws
 * {@link ScenarioException} whose message starts with the scenario file name. Not thread-safe; use once.
 */
public final class ProjectBuilder {
    private final List<Path> scenarioFiles;
    private BiFunction<VectorLayer, Integer, LayerStyle> styles;
    private LayerStyle candidatesStyle;
    private Path basemapDir;
    private LayerStyle placesStyle;
    private LayerStyle statesStyle;
    private LayerStyle countiesStyle;
    private String title;
    private Path projectDir;
    private FormatRegistry registry = FormatRegistry.standard();

    private ProjectBuilder(List<Path> scenarioFiles) {
        if (scenarioFiles.isEmpty()) {
            throw new IllegalArgumentException("at least one scenario file is needed");
        }
        this.scenarioFiles = List.copyOf(scenarioFiles);
    }

    /** A builder for a project with one scenario. */
    public static ProjectBuilder fromScenario(Path scenarioFile) {
        return new ProjectBuilder(List.of(scenarioFile));
    }

    /** A builder for a project with several scenarios (the first is active). */
    public static ProjectBuilder fromScenarios(List<Path> scenarioFiles) {
        return new ProjectBuilder(scenarioFiles);
    }

    /** Chooses the style of each data/basemap layer from the layer and its ordinal (required). */
    public ProjectBuilder styles(BiFunction<VectorLayer, Integer, LayerStyle> chooser) {
        this.styles = Objects.requireNonNull(chooser);
        return this;
    }

    /** Style of candidate layers (default: from {@link #styles}). */
    public ProjectBuilder candidatesStyle(LayerStyle s) {
        this.candidatesStyle = s;
        return this;
    }

    /**
     * Adds {@code us_counties.geojson} and {@code us_states.geojson} of {@code dir} as basemap layers
     * {@code us_counties} and {@code us_states}, and {@code us_places.geojson} as {@code us_places} when the
     * folder has it; a null style means "from {@link #styles}".
     */
    public ProjectBuilder basemap(Path dir, LayerStyle states, LayerStyle counties) {
        return basemap(dir, states, counties, null);
    }

    /** {@link #basemap(Path, LayerStyle, LayerStyle)} with the style of the places layer. */
    public ProjectBuilder basemap(Path dir, LayerStyle states, LayerStyle counties, LayerStyle places) {
        this.basemapDir = dir;
        this.statesStyle = states;
        this.countiesStyle = counties;
        this.placesStyle = places;
        return this;
    }

    /** Project title (default: the first scenario's name). */
    public ProjectBuilder title(String t) {
        this.title = t;
        return this;
    }

    /** Folder the project file will be saved in: raster paths are written relative to it. */
    public ProjectBuilder projectDir(Path dir) {
        this.projectDir = dir;
        return this;
    }

    /** The format registry to read with (default: the standard one). */
    public ProjectBuilder registry(FormatRegistry r) {
        this.registry = Objects.requireNonNull(r);
        return this;
    }

    private static final class Entry {
        final ProjectLayer.Role role;
        final VectorLayer layer;
        final String name;
        boolean candidates;

        Entry(String name, VectorLayer layer, ProjectLayer.Role role) {
            this.name = name;
            this.layer = layer;
            this.role = role;
        }
    }

    /** Reads everything and builds the project. */
    public Project build(Progress progress) throws IOException {
        if (styles == null) {
            throw new IllegalStateException("styles(...) must be set");
        }
        Set<String> taken = new HashSet<>();
        List<Entry> basemap = new ArrayList<>();
        if (basemapDir != null) {
            basemap.add(readBasemap(basemapDir.resolve("us_states.geojson"), "us_states", taken, progress));
            basemap.add(readBasemap(basemapDir.resolve("us_counties.geojson"), "us_counties", taken, progress));
            if (Files.exists(basemapDir.resolve("us_places.geojson"))) {
                basemap.add(readBasemap(basemapDir.resolve("us_places.geojson"), "us_places", taken, progress));
            }
        }
        Map<String, Entry> byKey = new LinkedHashMap<>();
        List<Scenario> scenarios = new ArrayList<>();
        Set<String> scenarioNames = new HashSet<>();
        for (int si = 0; si < scenarioFiles.size(); si++) {
            Path file = scenarioFiles.get(si);
            Scenario s;
            try {
                s = ScenarioReader.read(file);
            } catch (ScenarioException e) {
                throw new ScenarioException(file.getFileName() + (e.path().isEmpty() ? "" : ": " + e.path()),
                        e.problem(), e);
            }
            Path dir = file.toAbsolutePath().getParent();
            FileLayerSource files = new FileLayerSource(dir, registry);
            Map<String, LayerRef> refs = new LinkedHashMap<>();
            int li = 0;
            for (Map.Entry<String, LayerRef> e : s.layers().entrySet()) {
                progress.checkCancelled();
                String id = e.getKey();
                LayerRef ref = e.getValue();
                Path path = files.resolve(ref.path()).toAbsolutePath();
                String key = path + "|" + ref.layer() + "|" + ref.crs() + "|" + ref.joins();
                Entry entry = byKey.get(key);
                if (entry == null) {
                    Progress sub = progress.sub((si + (double) li / s.layers().size()) / scenarioFiles.size(),
                            (si + (double) (li + 1) / s.layers().size()) / scenarioFiles.size());
                    Layer l = registry.read(path, ReadOptions.DEFAULT.withLayer(ref.layer()).withCrs(ref.crs()), sub);
                    if (!(l instanceof VectorLayer)) {
                        Path p = projectDir == null ? path : relativize(projectDir.toAbsolutePath(), path);
                        refs.put(id, new LayerRef(p.toString().replace('\\', '/'), ref.layer(), ref.crs(), ref.joins()));
                        li++;
                        continue;
                    }
                    VectorLayer v = (VectorLayer) l;
                    for (int j = 0; j < ref.joins().size(); j++) {
                        JoinSpec js = ref.joins().get(j);
                        VectorLayer table = files.loadTable(js, sub);
                        v = TableJoin.apply(v, table, js, "layers." + id + ".join").layer();
                    }
                    String name = ProjectStore.layerName(id, taken);
                    taken.add(name);
                    entry = new Entry(name, renamed(v, name), ProjectLayer.Role.DATA);
                    byKey.put(key, entry);
                }
                if (id.equals(s.candidates())) {
                    entry.candidates = true;
                }
                refs.put(id, LayerRef.of(ProjectLayerSource.ref(entry.name)));
                li++;
            }
            String name = s.name() == null || s.name().isBlank()
                    ? FormatRegistry.baseName(file) : s.name();
            String unique = name;
            for (int k = 2; !scenarioNames.add(unique); k++) {
                unique = name + " (" + k + ")";
            }
            scenarios.add(new Scenario(unique, s.description(), s.campus(), s.analysisCrs(), refs, s.candidates(),
                    s.idField(), s.criteria(), s.constraints(), s.weights(), s.method()));
        }
        List<Entry> data = new ArrayList<>();
        List<Entry> cands = new ArrayList<>();
        for (Entry e : byKey.values()) {
            (e.candidates ? cands : data).add(e);
        }
        data.sort(Comparator.comparingInt((Entry e) -> -e.layer.geometryType().dimension()));
        List<ProjectLayer> layers = new ArrayList<>();
        int ordinal = 0;
        for (Entry e : basemap) {
            LayerStyle st = e.name.equals("us_states") ? statesStyle : e.name.equals("us_places") ? placesStyle
                    : countiesStyle;
            layers.add(new ProjectLayer(e.name, ProjectLayer.Role.BASEMAP, e.layer,
                    st != null ? st : styles.apply(e.layer, ordinal), true, 1));
            ordinal++;
        }
        boolean candidatesAdded = false;
        for (Entry e : data) {
            if (!candidatesAdded && e.layer.geometryType().dimension() < 2) {
                ordinal = addCandidates(layers, cands, ordinal);
                candidatesAdded = true;
            }
            // polygons (zones, counties, territories) at 0.7 opacity, as on rendered scenario maps, so the
            // basemap and the layers under them show through
            layers.add(new ProjectLayer(e.name, ProjectLayer.Role.DATA, e.layer, styles.apply(e.layer, ordinal++),
                    true, e.layer.geometryType().dimension() == 2 ? 0.7 : 1));
        }
        if (!candidatesAdded) {
            addCandidates(layers, cands, ordinal);
        }
        String t = title != null ? title : scenarios.get(0).name();
        progress.update(1, "project built");
        return new Project(t, layers, scenarios, scenarios.get(0).name(), Shortlist.empty(), "", null);
    }

    private int addCandidates(List<ProjectLayer> layers, List<Entry> cands, int ordinal) {
        for (Entry e : cands) {
            layers.add(new ProjectLayer(e.name, ProjectLayer.Role.CANDIDATES, e.layer,
                    candidatesStyle != null ? candidatesStyle : styles.apply(e.layer, ordinal), true, 1));
            ordinal++;
        }
        return ordinal;
    }

    private Entry readBasemap(Path file, String name, Set<String> taken, Progress progress) throws IOException {
        if (!Files.exists(file)) {
            throw new LayerReadException(file, "basemap file not found");
        }
        VectorLayer v = registry.readVector(file, ReadOptions.DEFAULT, progress);
        taken.add(name);
        return new Entry(name, renamed(v, name), ProjectLayer.Role.BASEMAP);
    }

    private static Path relativize(Path base, Path p) {
        try {
            return base.relativize(p);
        } catch (IllegalArgumentException e) {
            return p; // other drive/root
        }
    }

    /** The layer under another name (features shared, not copied). */
    static VectorLayer renamed(VectorLayer v, String name) {
        if (v.name().equals(name)) {
            return v;
        }
        VectorLayer.Builder b = VectorLayer.builder(name).source(v.source()).crs(v.crs(), v.epsg()).schema(v.schema())
                .geometryType(v.geometryType()).hasZ(v.hasZ()).features(v.features()).bounds(v.bounds());
        for (String w : v.warnings()) {
            b.warn(w);
        }
        return b.build();
    }
}
