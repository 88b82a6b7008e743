package io.siteplanner.cli;

import io.siteplanner.export.MapContent;
import io.siteplanner.export.MapImages;
import io.siteplanner.export.PngExport;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.render.DefaultStyles;
import io.siteplanner.render.LayerDraw;
import io.siteplanner.render.MapRenderer;
import io.siteplanner.render.StyledLayer;
import io.siteplanner.render.Viewport;
import io.siteplanner.render.WebMercator;
import io.siteplanner.render.tiles.TileCache;
import io.siteplanner.render.tiles.TileLayer;
import io.siteplanner.render.tiles.TileSource;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.store.ScenarioReader;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.store.MapsDirectory;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code siteplanner render}: the map as the desktop app draws it to a PNG, headless: a project (the demo
 * with {@code --demo}) with its layers' styles, labels and order and its active scenario's scores, or a
 * scenario file's layers with default styles and the candidates coloured by score.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render the map (basemap, layers, styles, scores) to a PNG file.")
public final class RenderCommand implements Callable<Integer> {
    static final class Source {
        @Option(names = "--demo", required = true, description = "The bundled demo project (as --project), scored with"
                + " its active scenario.")
        boolean demo;

        @Option(names = "--project", required = true, paramLabel = "FILE", description = "A project (.siteplan.gpkg):"
                + " its layers as the app draws them, scored with its active scenario.")
        Path project;

        @Option(names = "--scenario", required = true, paramLabel = "FILE",
                description = "A scenario file: its layers and candidates coloured by score.")
        Path scenario;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "Output PNG.")
    Path out;

    @picocli.CommandLine.Mixin
    ImageSize size;

    @Option(names = "--bbox", paramLabel = "minLon,minLat,maxLon,maxLat",
            description = "Area to show, lon/lat degrees (default: the candidate sites).")
    String bbox;

    @Option(names = "--no-basemap", description = "Leave out the US states/counties basemap.")
    boolean noBasemap;

    @Option(names = "--tiles", paramLabel = "URL", description = "An XYZ tile basemap under the map, a URL template with"
            + " {z}, {x}, {y} (e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png: mind the provider's usage policy)."
            + " Tiles are cached on disk; offline, cached tiles (or lower zooms') are used and the vector basemap shows"
            + " where none is cached.")
    String tiles;

    @Option(names = "--tile-cache", paramLabel = "DIR", description = "Tile cache folder (default: ~/.cache/siteplanner/tiles).")
    Path tileCache;

    @Option(names = "--tile-attribution", paramLabel = "TEXT",
            description = "Credit the tiles need on the map (default: from the URL's host).")
    String tileAttribution;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        size.check();
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new UsageException(out + ": --out must be a .png file");
        }
        Envelope view = bbox == null ? null : parseBbox(bbox);
        ScoreResult result;
        List<StyledLayer> layers;
        if (source.scenario != null) {
            Path scenarioFile = source.scenario;
            Path base = scenarioFile.toAbsolutePath().getParent();
            Scenario scenario;
            try {
                scenario = ScenarioReader.read(scenarioFile);
            } catch (ScenarioException e) {
                throw new UsageException(scenarioFile + ": " + e.getMessage(), e);
            }
            ScoringSession session = CliScoring.evaluate(scenario, new FileLayerSource(base), scenarioFile.toString(),
                    spec.commandLine().getErr());
            result = session.score();
            layers = ScenarioMaps.scenarioMap(scenario, base, session, !noBasemap);
        } else {
            Path file = source.project != null ? source.project : MapsDirectory.demoProject(MapsDirectory.find()
                    .orElseThrow(() -> new UsageException("the bundled maps/ folder was not found (run from the project"
                            + " folder or set -Dsiteplanner.maps=PATH)")));
            io.siteplanner.project.Project project = io.siteplanner.store.ProjectStore.open(file);
            Scenario scenario = project.active();
            if (scenario == null) {
                throw new UsageException(file + ": the project has no scenario to score");
            }
            ScoringSession session = CliScoring.evaluate(scenario, new io.siteplanner.store.ProjectLayerSource(project,
                    file.toAbsolutePath().getParent()), file.getFileName() + ": scenario '" + scenario.name() + "'",
                    spec.commandLine().getErr());
            result = session.score();
            layers = ScenarioMaps.projectMap(project, session, !noBasemap);
        }
        TileLayer tileLayer = null;
        if (tiles != null) {
            Path dir = tileCache != null ? tileCache
                    : Path.of(System.getProperty("user.home"), ".cache", "siteplanner", "tiles");
            try {
                tileLayer = new TileLayer(new TileCache(TileSource.of(tiles, tileAttribution, dir)), 1);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--tiles: " + e.getMessage());
            }
            // the tiles are the land: basemap polygons become outlines over them
            List<StyledLayer> over = new ArrayList<>();
            for (StyledLayer l : layers) {
                over.add(l.role() == io.siteplanner.project.ProjectLayer.Role.BASEMAP ? new StyledLayer(l.name(), l.role(), l.layer(),
                        l.style().withFill(0), l.opacity()) : l);
            }
            layers = over;
        }
        MapContent map = MapContent.of(layers);
        Viewport vp = MapImages.viewport(map, view, size.width, size.height);
        List<LayerDraw> draws = MapImages.draws(result, map, null);
        io.siteplanner.render.MapDecorations decorations = new io.siteplanner.render.MapDecorations(true, true, true,
                io.siteplanner.render.Legend.sections(layers, io.siteplanner.render.ScoreLegend.of(result), vp.envelope()), tileLayer == null ? null : tileLayer.attribution());
        BufferedImage img = MapRenderer.render(vp, draws, DefaultStyles.BACKGROUND, decorations, tileLayer);
        if (tileLayer != null && tileLayer.cache().failed() > 0) {
            spec.commandLine().getErr().printf(Locale.ROOT, "warning: tiles: %d could not be read or fetched (offline?);"
                    + " cached tiles of lower zooms or the vector basemap shown instead%n", tileLayer.cache().failed());
        }
        PngExport.write(img, vp, out);
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%d x %d px, %d %s scored, %d %s)%n", out, size.width,
                size.height, result.size(), io.siteplanner.model.Plural.noun(result.size(), "site", "sites"), result.passedCount(),
                io.siteplanner.model.Plural.noun(result.passedCount(), "passes", "pass"));
        return ExitCodes.OK;
    }

    /** Parses "minLon,minLat,maxLon,maxLat" into an EPSG:3857 envelope. */
    static Envelope parseBbox(String s) {
        Envelope v = parseLonLatBbox(s);
        return new Envelope(WebMercator.x(v.getMinX()), WebMercator.x(v.getMaxX()), WebMercator.y(v.getMinY()),
                WebMercator.y(v.getMaxY()));
    }

    /** {@code --bbox minLon,minLat,maxLon,maxLat} as a longitude/latitude envelope, checked. */
    static Envelope parseLonLatBbox(String s) {
        String[] p = s.split(",");
        if (p.length != 4) {
            throw new UsageException("--bbox needs 4 numbers: minLon,minLat,maxLon,maxLat (got '" + s + "')");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(p[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--bbox: '" + p[i].trim() + "' is not a number");
            }
        }
        if (v[0] >= v[2] || v[1] >= v[3] || v[0] < -180 || v[2] > 180 || v[1] < -85 || v[3] > 85) {
            throw new UsageException("--bbox must be minLon,minLat,maxLon,maxLat with min < max, lon in -180..180, lat in -85..85");
        }
        return new Envelope(v[0], v[2], v[1], v[3]);
    }
}
