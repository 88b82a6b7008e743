package io.siteplanner.render;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.project.ProjectLayer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;

/**
 * The bundled map: basemap (US states and counties) and the demo layers with their default styles, in
 * drawing order (bottom first). The desktop app and {@code siteplanner render --demo} both use it.
 */
public final class DemoMap {
    /** The display CRS of maps. */
    public static final String DISPLAY_CRS = "EPSG:3857";

    private DemoMap() {
    }

    /** Reads a vector file and prepares it for display. */
    public static MapLayer prepare(Path file, ReadOptions options, Progress progress) throws IOException {
        VectorLayer v = FormatRegistry.standard().readVector(file, options, progress.sub(0, 0.7));
        return MapLayer.prepare(v, displayCrs(), progress.sub(0.7, 1));
    }

    public static CoordinateReferenceSystem displayCrs() {
        return Crs.decode(DISPLAY_CRS);
    }

    /** Basemap layers (states, then counties), bottom first. */
    public static List<StyledLayer> basemap(Path states, Path counties, Progress progress) throws IOException {
        return basemap(states, counties, null, progress);
    }

    /**
     * Basemap layers, bottom first: states, counties, then places (when {@code places} is not null) drawn as
     * small dots; all three are labelled ({@link Labels}: state, county and place names).
     */
    public static List<StyledLayer> basemap(Path states, Path counties, Path places, Progress progress)
            throws IOException {
        List<StyledLayer> out = new ArrayList<>();
        out.add(new StyledLayer("US states", ProjectLayer.Role.BASEMAP, prepare(states, ReadOptions.DEFAULT,
                progress.sub(0, 0.3)), DefaultStyles.basemapStates(), 1));
        out.add(new StyledLayer("US counties", ProjectLayer.Role.BASEMAP, prepare(counties, ReadOptions.DEFAULT,
                progress.sub(0.3, places == null ? 1 : 0.8)), DefaultStyles.basemapCounties(), 1));
        if (places != null) {
            MapLayer p = prepare(places, ReadOptions.DEFAULT, progress.sub(0.8, 1));
            out.add(new StyledLayer("US places", ProjectLayer.Role.BASEMAP, p, DefaultStyles.basemapPlaces(), 1));
        }
        return out;
    }

    /**
     * The demo layers of {@code demo.gpkg} (real public data, see maps/README.md): counties, lines,
     * substations, plants, then the candidate cells, bottom first, with default (preset) styles.
     */
    public static List<StyledLayer> demoLayers(Path demoGpkg, Progress progress) throws IOException {
        String[][] spec = {{"counties", "Counties (Census 2017)"}, {"lines_in", "Transmission lines IN (HIFLD)"},
            {"lines_ms", "Transmission lines MS (OpenStreetMap)"}, {"subs_in", "Substations IN (OpenStreetMap)"},
            {"subs_ms", "Substations MS (HIFLD)"}, {"plants", "Power plants (EIA)"},
            {"cells_in", "Candidate cells IN"}, {"cells_ms", "Candidate cells MS"}};
        List<StyledLayer> out = new ArrayList<>();
        for (int k = 0; k < spec.length; k++) {
            MapLayer l = prepare(demoGpkg, ReadOptions.DEFAULT.withLayer(spec[k][0]),
                    progress.sub((double) k / spec.length, (k + 1.0) / spec.length));
            boolean cells = spec[k][0].startsWith("cells");
            out.add(new StyledLayer(spec[k][1], cells ? ProjectLayer.Role.CANDIDATES : ProjectLayer.Role.DATA, l,
                    cells ? DefaultStyles.candidates() : DefaultStyles.guess(l.display(), k),
                    spec[k][0].equals("counties") ? 0.7 : 1));
        }
        return out;
    }

    /**
     * The map of a scenario, bottom first: its layers with default styles (polygons, then lines, then
     * points) and the evaluated candidates on top, coloured by score.
     *
     * @param baseDir the scenario file's folder (relative paths)
     */
    public static List<StyledLayer> scenarioLayers(io.siteplanner.scoring.scenario.Scenario s, Path baseDir,
            io.siteplanner.scoring.ScoringSession session, Progress progress) throws IOException {
        List<StyledLayer> polys = new ArrayList<>();
        List<StyledLayer> lines = new ArrayList<>();
        List<StyledLayer> points = new ArrayList<>();
        int k = 0;
        int n = s.layers().size();
        java.util.Map<String, io.siteplanner.model.Layer> read = new java.util.LinkedHashMap<>();
        for (var e : s.layers().entrySet()) {
            k++;
            if (e.getKey().equals(s.candidates())) {
                continue;
            }
            io.siteplanner.scoring.scenario.LayerRef ref = e.getValue();
            Path file = baseDir.resolve(ref.path());
            ReadOptions o = ReadOptions.DEFAULT.withLayer(ref.layer()).withCrs(ref.crs());
            io.siteplanner.model.Layer l = FormatRegistry.standard().read(file, o, progress.sub((k - 1.0) / n, (double) k / n));
            if (l instanceof VectorLayer) {
                read.put(e.getKey(), l); // rasters are not drawn yet
            }
        }
        // substations without a capacity are drawn sized by the estimate from the scenario's lines
        read = io.siteplanner.scoring.SubstationCapacity.addToScenario(read);
        k = 0;
        for (var e : read.entrySet()) {
            k++;
            MapLayer ml = MapLayer.prepare((VectorLayer) e.getValue(), displayCrs(), Progress.NONE);
            StyledLayer sl = new StyledLayer(e.getKey(), ProjectLayer.Role.DATA, ml, DefaultStyles.guess(ml.display(), k),
                    ml.dimension() == 2 ? 0.7 : 1);
            (ml.dimension() == 2 ? polys : ml.dimension() == 1 ? lines : points).add(sl);
        }
        List<StyledLayer> out = new ArrayList<>(polys);
        out.addAll(lines);
        out.addAll(points);
        MapLayer cand = MapLayer.prepare(session.candidates(), displayCrs(), Progress.NONE);
        out.add(new StyledLayer(s.candidates(), ProjectLayer.Role.CANDIDATES, cand, DefaultStyles.candidates(), 1));
        return out;
    }
}
