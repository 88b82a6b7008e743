package io.siteplanner.render;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
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
        List<StyledLayer> out = new ArrayList<>();
        out.add(new StyledLayer("US states", StyledLayer.Role.BASEMAP, prepare(states, ReadOptions.DEFAULT,
                progress.sub(0, 0.3)), DefaultStyles.basemapStates(), 1));
        out.add(new StyledLayer("US counties", StyledLayer.Role.BASEMAP, prepare(counties, ReadOptions.DEFAULT,
                progress.sub(0.3, 1)), DefaultStyles.basemapCounties(), 1));
        return out;
    }

    /**
     * The demo layers of {@code demo.gpkg} (price zones, lines, substations, parcels), bottom first, with
     * default styles.
     */
    public static List<StyledLayer> demoLayers(Path demoGpkg, Progress progress) throws IOException {
        String[][] spec = {{"price_zones", "Price zones (EIA 2023)"}, {"lines", "Transmission lines"},
            {"substations", "Substations"}, {"parcels", "Candidate parcels"}};
        List<StyledLayer> out = new ArrayList<>();
        for (int k = 0; k < spec.length; k++) {
            MapLayer l = prepare(demoGpkg, ReadOptions.DEFAULT.withLayer(spec[k][0]),
                    progress.sub((double) k / spec.length, (k + 1.0) / spec.length));
            boolean parcels = spec[k][0].equals("parcels");
            out.add(new StyledLayer(spec[k][1], parcels ? StyledLayer.Role.CANDIDATES : StyledLayer.Role.DATA, l,
                    parcels ? DefaultStyles.candidates() : DefaultStyles.guess(l.display(), k),
                    spec[k][0].equals("price_zones") ? 0.7 : 1));
        }
        return out;
    }
}
