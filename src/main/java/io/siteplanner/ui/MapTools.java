package io.siteplanner.ui;

import io.siteplanner.render.Viewport;
import io.siteplanner.render.WebMercator;
import io.siteplanner.store.MapsDirectory;
import io.siteplanner.store.PlaceFinder;
import io.siteplanner.ui.map.MapCanvas;
import io.siteplanner.ui.map.MapOverlay;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.paint.Color;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The map's tools: measure distance and area (Ctrl+M, Ctrl+Shift+M; {@link MeasureViewModel}), go to a
 * position or place (Ctrl+G; {@link GoToViewModel}), and the highlight of what identify or go-to found.
 * Builds its menu and tool-bar buttons; the measurement goes to the status bar too.
 */
public final class MapTools {
    private final MapCanvas canvas;
    private final ProjectViewModel vm;
    private final MeasureViewModel measure = new MeasureViewModel();
    private final MeasureTool measureTool = new MeasureTool(measure);
    private final GoToViewModel goTo;
    private final ToggleGroup group = new ToggleGroup();
    private final ToggleButton distance = new ToggleButton("Measure");
    private final ToggleButton area = new ToggleButton("Area");
    private PlaceFinder places;
    private boolean placesTried;

    public MapTools(MapCanvas canvas, ProjectViewModel vm) {
        this.canvas = canvas;
        this.vm = vm;
        this.goTo = new GoToViewModel(this::places);
        distance.setId("tool-measure");
        area.setId("tool-area");
        distance.setToggleGroup(group);
        area.setToggleGroup(group);
        distance.setTooltip(new Tooltip("Measure a distance on the ellipsoid: click along the path, double-click "
                + "the last point, Esc clears (Ctrl+M)"));
        area.setTooltip(new Tooltip("Measure an area: click the corners, double-click the last (Ctrl+Shift+M)"));
        group.selectedToggleProperty().addListener((o, a, b) -> {
            measure.modeProperty().set(b == distance ? MeasureViewModel.Mode.DISTANCE
                    : b == area ? MeasureViewModel.Mode.AREA : null);
            canvas.toolProperty().set(b == null ? null : measureTool);
        });
        measure.resultProperty().addListener((o, a, r) -> {
            if (r != null && !r.isEmpty()) {
                vm.setStatus(r);
            }
        });
    }

    /** The measure state (tests). */
    public MeasureViewModel measure() {
        return measure;
    }

    /** The go-to view-model (tests). */
    public GoToViewModel goTo() {
        return goTo;
    }

    /** Tool-bar buttons. */
    public List<Node> buttons() {
        return List.of(distance, area);
    }

    /** The Tools menu. */
    public Menu menu() {
        MenuItem m = new MenuItem("Measure Distance");
        m.setAccelerator(KeyCombination.keyCombination("Shortcut+M"));
        m.setOnAction(e -> group.selectToggle(distance.isSelected() ? null : distance));
        MenuItem a = new MenuItem("Measure Area");
        a.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+M"));
        a.setOnAction(e -> group.selectToggle(area.isSelected() ? null : area));
        MenuItem g = new MenuItem("Go to Place or Coordinate…");
        g.setId("menu-goto");
        g.setAccelerator(KeyCombination.keyCombination("Shortcut+G"));
        g.setOnAction(e -> askAndGo());
        return new Menu("_Tools", null, m, a, g);
    }

    /** Asks where to go and goes there; the place names load in the background meanwhile (first time). */
    public void askAndGo() {
        loadPlaces();
        vm.dialogs().goTo(goTo).ifPresent(this::go);
    }

    /** Starts loading the bundled place names off the FX thread, once. */
    void loadPlaces() {
        if (placesTried) {
            return;
        }
        placesTried = true;
        java.util.Optional<java.nio.file.Path> file;
        try {
            file = MapsDirectory.find().map(MapsDirectory::places).filter(java.nio.file.Files::exists);
        } catch (RuntimeException e) {
            vm.setStatus("Place names not available: " + DialogService.messageOf(e));
            return;
        }
        if (file.isEmpty()) {
            return;
        }
        goTo.setLoading(true);
        vm.tasks().runQuietly("Loading place names", p -> PlaceFinder.load(file.get()), f -> {
            places = f;
            goTo.setLoading(false);
        }, e -> {
            goTo.setLoading(false);
            vm.setStatus("Place names not available: " + DialogService.messageOf(e));
        });
    }

    /** Centres the map on a target at its scale and marks it. */
    public void go(GoToViewModel.Target t) {
        vm.map().requestView(GoToViewModel.viewOf(t));
        double x = WebMercator.x(t.lon());
        double y = WebMercator.y(t.lat());
        canvas.highlightProperty().set((g, v) -> pin(g, v, x, y));
        vm.setStatus("Went to " + t.label());
    }

    /** Outlines a feature (display CRS) over the map; null clears. */
    public void highlight(Geometry g) {
        canvas.highlightProperty().set(g == null ? null : outline(g));
    }

    /** The place names once loaded ({@link #loadPlaces}), else null. */
    private PlaceFinder places() {
        return places;
    }

    private static void pin(GraphicsContext g, Viewport v, double x, double y) {
        double sx = v.toScreenX(x);
        double sy = v.toScreenY(y);
        g.setStroke(Color.WHITE);
        g.setLineWidth(5);
        g.strokeLine(sx - 10, sy, sx + 10, sy);
        g.strokeLine(sx, sy - 10, sx, sy + 10);
        g.setStroke(Color.rgb(220, 0, 120));
        g.setLineWidth(2);
        g.strokeLine(sx - 10, sy, sx + 10, sy);
        g.strokeLine(sx, sy - 10, sx, sy + 10);
        g.strokeOval(sx - 6, sy - 6, 12, 12);
    }

    private static MapOverlay outline(Geometry geom) {
        return (g, v) -> {
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                Geometry part = geom.getGeometryN(i);
                if (part.getDimension() == 0) {
                    Coordinate c = part.getCoordinate();
                    double sx = v.toScreenX(c.x);
                    double sy = v.toScreenY(c.y);
                    g.setStroke(Color.WHITE);
                    g.setLineWidth(5);
                    g.strokeOval(sx - 9, sy - 9, 18, 18);
                    g.setStroke(Color.rgb(0, 200, 255));
                    g.setLineWidth(2.5);
                    g.strokeOval(sx - 9, sy - 9, 18, 18);
                    continue;
                }
                List<Coordinate[]> rings = new java.util.ArrayList<>();
                if (part instanceof org.locationtech.jts.geom.Polygon) {
                    org.locationtech.jts.geom.Polygon p = (org.locationtech.jts.geom.Polygon) part;
                    rings.add(p.getExteriorRing().getCoordinates());
                    for (int h = 0; h < p.getNumInteriorRing(); h++) {
                        rings.add(p.getInteriorRingN(h).getCoordinates());
                    }
                } else {
                    rings.add(part.getCoordinates());
                }
                for (Coordinate[] r : rings) {
                    double[] xs = new double[r.length];
                    double[] ys = new double[r.length];
                    for (int k = 0; k < r.length; k++) {
                        xs[k] = v.toScreenX(r[k].x);
                        ys[k] = v.toScreenY(r[k].y);
                    }
                    if (part.getDimension() == 2) {
                        g.setFill(Color.rgb(0, 200, 255, 0.18));
                        g.fillPolygon(xs, ys, r.length);
                    }
                    g.setStroke(Color.WHITE);
                    g.setLineWidth(5);
                    g.strokePolyline(xs, ys, r.length);
                    g.setStroke(Color.rgb(0, 200, 255));
                    g.setLineWidth(2.5);
                    g.strokePolyline(xs, ys, r.length);
                }
            }
        };
    }
}
