package io.siteplanner.ui;

import io.siteplanner.gis.Geodesics;
import io.siteplanner.render.WebMercator;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The measure tool's state: the clicked vertices (display CRS, EPSG:3857), a rubber-band point following
 * the pointer, and the geodesic result on the WGS 84 ellipsoid ({@link Geodesics}) in km and miles or
 * hectares and acres. Click adds a vertex, double-click finishes, the next click starts anew, Esc clears.
 * FX thread only.
 */
public final class MeasureViewModel {
    /** What is measured. */
    public enum Mode { DISTANCE, AREA }

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode");
    private final List<double[]> points = new ArrayList<>();
    private double[] hover;
    private boolean finished;
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");

    public MeasureViewModel() {
        mode.addListener((o, a, b) -> clear());
    }

    /** Distance, area, or null when the tool is off. */
    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** The measurement in words with units, "" before the first vertex. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** A click at a map point: adds a vertex (a double-click finishes; after that a click starts anew). */
    public void click(double x, double y, int clicks) {
        if (clicks >= 2) {
            finished = points.size() >= (mode.get() == Mode.AREA ? 3 : 2);
            hover = null;
            update();
            return;
        }
        if (finished) {
            points.clear();
            finished = false;
        }
        double[] last = points.isEmpty() ? null : points.get(points.size() - 1);
        if (last == null || last[0] != x || last[1] != y) { // the first click of a double-click: already there
            points.add(new double[] {x, y});
        }
        update();
    }

    /** The pointer moved: the result includes it as the next vertex until the measurement is finished. */
    public void move(double x, double y) {
        if (!finished && !points.isEmpty()) {
            hover = new double[] {x, y};
            update();
        }
    }

    /** Forgets the vertices. */
    public void clear() {
        points.clear();
        hover = null;
        finished = false;
        update();
    }

    /** Vertices so far (display CRS) with the rubber-band point last when there is one. */
    public List<double[]> vertices() {
        List<double[]> v = new ArrayList<>(points);
        if (hover != null && !finished) {
            v.add(hover);
        }
        return v;
    }

    public boolean isFinished() {
        return finished;
    }

    /** The length in metres along the vertices (the ring's perimeter for areas). */
    public double metres() {
        List<double[]> ll = lonLat(vertices());
        return mode.get() == Mode.AREA ? Geodesics.perimeter(ll) : Geodesics.length(ll);
    }

    /** The enclosed area in square metres (0 for distances). */
    public double squareMetres() {
        return mode.get() == Mode.AREA ? Geodesics.area(lonLat(vertices())) : 0;
    }

    private void update() {
        List<double[]> v = vertices();
        if (mode.get() == null || v.isEmpty()) {
            result.set(mode.get() == null ? "" : mode.get() == Mode.AREA
                    ? "Measure area: click the corners, double-click the last; Esc clears"
                    : "Measure distance: click along the path, double-click the last point; Esc clears");
            return;
        }
        String state = finished ? "" : " (double-click to finish)";
        if (mode.get() == Mode.AREA) {
            result.set(v.size() < 3 ? "Area: click at least 3 corners" + state
                    : "Area: " + Geodesics.formatArea(squareMetres()) + ", perimeter " + Geodesics.formatLength(metres())
                            + state);
        } else {
            int segments = Math.max(0, v.size() - 1);
            result.set("Distance: " + Geodesics.formatLength(metres()) + " over " + io.siteplanner.model.Plural.of(segments, "segment") + state);
        }
    }

    private static List<double[]> lonLat(List<double[]> mercator) {
        List<double[]> out = new ArrayList<>(mercator.size());
        for (double[] p : mercator) {
            out.add(new double[] {WebMercator.lon(p[0]), WebMercator.lat(p[1])});
        }
        return out;
    }
}
