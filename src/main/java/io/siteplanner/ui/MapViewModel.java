package io.siteplanner.ui;

import io.siteplanner.project.ProjectLayer.Role;
import io.siteplanner.render.LayerDraw;
import io.siteplanner.render.Viewport;
import io.siteplanner.scoring.ScoreResult;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.locationtech.jts.geom.Envelope;

/**
 * What the map shows and how it answers the mouse: the visible layers to draw, the candidate sites
 * coloured by the latest score, identify, hover text, box selection and the selected sites (shared with
 * the site table). The map view keeps {@link #viewportProperty} current. FX thread only.
 */
public final class MapViewModel {
    /**
     * What identify found.
     *
     * @param layer       the layer's name
     * @param item        the layer
     * @param feature     feature index
     * @param explanation the site's score explanation (candidate layer, scored), or null
     */
    public record Identified(String layer, LayerItem item, int feature, ScoreResult.Explanation explanation) {
    }

    /**
     * A request to the map view to show an extent (display CRS) or a saved view; {@code seq} makes every
     * request a change.
     */
    public record ViewRequest(Envelope extent, io.siteplanner.project.MapView view, long seq) {
    }

    private final ObjectProperty<ViewRequest> request = new SimpleObjectProperty<>(this, "request");
    private long seq;
    private final LayersViewModel layers;
    private final ScenarioEditorViewModel editor;
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(this, "viewport");
    private final ObjectProperty<BitSet> selectedSites = new SimpleObjectProperty<>(this, "selectedSites", new BitSet());

    public MapViewModel(LayersViewModel layers, ScenarioEditorViewModel editor) {
        this.layers = layers;
        this.editor = editor;
        editor.resultProperty().addListener((o, a, r) -> colour(r));
        selectedSites.addListener((o, a, b) -> {
            LayerItem c = candidates();
            if (c != null) {
                c.selectionProperty().set((BitSet) b.clone());
            }
        });
    }

    /** The view shown now (display CRS), kept by the map view; null before it is laid out. */
    public ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    /** What the map view should show next (it zooms when this changes). */
    public ObjectProperty<ViewRequest> requestProperty() {
        return request;
    }

    /** Asks the map to show an extent (display CRS). */
    public void zoomTo(Envelope e) {
        if (e != null && !e.isNull()) {
            request.set(new ViewRequest(e, null, ++seq));
        }
    }

    /** Asks the map to show a saved view, or the data extent when there is none. */
    public void requestView(io.siteplanner.project.MapView v) {
        if (v == null) {
            zoomTo(dataExtent());
        } else {
            request.set(new ViewRequest(null, v, ++seq));
        }
    }

    /** Zooms to all data. */
    public void zoomFull() {
        zoomTo(dataExtent());
    }

    /** Selects one site and zooms to it with some context around it. */
    public void zoomToSite(int site) {
        if (candidates() == null) {
            return;
        }
        zoomTo(siteExtent(site));
        BitSet b = new BitSet();
        b.set(site);
        selectedSites.set(b);
    }

    /** Selected candidate sites (indices); the site table and the map follow it. */
    public ObjectProperty<BitSet> selectedSitesProperty() {
        return selectedSites;
    }

    /**
     * Sets a layer's selection: the candidate layer's through {@link #selectedSitesProperty} (so the site
     * table follows), any other layer's directly.
     */
    public void setSelection(LayerItem item, BitSet features) {
        if (item == candidates()) {
            selectedSites.set((BitSet) features.clone());
        } else {
            item.selectionProperty().set((BitSet) features.clone());
        }
    }

    /** Clears the selection of every layer. */
    public void clearSelections() {
        for (LayerItem i : layers.layers()) {
            if (!i.selectionProperty().get().isEmpty()) {
                setSelection(i, new BitSet());
            }
        }
    }

    /** The candidate layer, or null. */
    public LayerItem candidates() {
        return layers.first(Role.CANDIDATES);
    }

    /** Colours the candidate sites by score (when the layer's features are the scored sites). */
    void colour(ScoreResult r) {
        LayerItem c = candidates();
        if (c == null) {
            return;
        }
        if (r != null && c.mapLayer().source().size() == r.size()) {
            io.siteplanner.render.ScoreLegend legend = io.siteplanner.render.ScoreLegend.of(r);
            c.scoreLegendProperty().set(legend);
            c.colorOverrideProperty().set(legend.colors(r));
        } else {
            c.colorOverrideProperty().set(null);
        }
    }

    /** What to draw, bottom first: visible layers only. */
    public List<LayerDraw> drawList() {
        List<LayerDraw> out = new ArrayList<>();
        for (LayerItem i : layers.layers()) {
            if (i.visibleProperty().get()) {
                out.add(i.draw());
            }
        }
        Collections.reverse(out);
        return out;
    }

    /**
     * The extent to show at start and for "full extent": the candidate sites when there are some, else
     * the union of the data layers (all layers when there are none), display CRS.
     */
    public Envelope dataExtent() {
        LayerItem c = candidates();
        if (c != null && !c.mapLayer().bounds().isNull()) {
            return c.mapLayer().bounds();
        }
        Envelope e = new Envelope();
        for (LayerItem i : layers.layers()) {
            if (i.role() != Role.BASEMAP) {
                e.expandToInclude(i.mapLayer().bounds());
            }
        }
        if (e.isNull()) {
            for (LayerItem i : layers.layers()) {
                e.expandToInclude(i.mapLayer().bounds());
            }
        }
        return e;
    }

    /** The extent of the selected features of all layers, or an empty envelope. */
    public Envelope selectionExtent() {
        Envelope e = new Envelope();
        for (LayerItem i : layers.layers()) {
            e.expandToInclude(selectionExtent(i));
        }
        return e;
    }

    /**
     * Extent (display CRS) of the selected features of one layer, features without geometry left out; a single
     * point gets 500 m of context around it; empty when none.
     */
    public static Envelope selectionExtent(LayerItem item) {
        Envelope e = new Envelope();
        BitSet sel = item.selectionProperty().get();
        io.siteplanner.model.VectorLayer d = item.mapLayer().display();
        for (int k = sel.nextSetBit(0); k >= 0 && k < d.size(); k = sel.nextSetBit(k + 1)) {
            org.locationtech.jts.geom.Geometry g = d.get(k).geometry();
            if (g != null && !g.isEmpty()) {
                e.expandToInclude(g.getEnvelopeInternal());
            }
        }
        if (!e.isNull() && e.getWidth() == 0 && e.getHeight() == 0) {
            e.expandBy(500); // one point: some context around it (metres of the display CRS)
        }
        return e;
    }

    /** The envelope around one site with some context. */
    public Envelope siteExtent(int site) {
        LayerItem c = candidates();
        Envelope e = new Envelope(c.mapLayer().display().get(site).geometry().getEnvelopeInternal());
        e.expandBy(Math.max(e.getWidth(), e.getHeight()) * 1.5);
        return e;
    }

    /**
     * Identify at a map point (display CRS) within {@code tolerance}: the topmost visible data layer's
     * feature, else a basemap's; a candidate site is selected and comes with its score explanation.
     */
    public Identified identify(double x, double y, double tolerance) {
        for (boolean basemap : new boolean[] {false, true}) {
            for (LayerItem i : layers.layers()) {
                if (!i.visibleProperty().get() || (i.role() == Role.BASEMAP) != basemap) {
                    continue;
                }
                List<Integer> hits = i.mapLayer().featuresAt(x, y, tolerance);
                if (hits.isEmpty()) {
                    continue;
                }
                int f = hits.get(0);
                ScoreResult r = editor.resultProperty().get();
                ScoreResult.Explanation ex = null;
                if (i.role() == Role.CANDIDATES && r != null && f < r.size()) {
                    ex = r.explain(f);
                    BitSet b = new BitSet();
                    b.set(f);
                    selectedSites.set(b);
                }
                return new Identified(i.getName(), i, f, ex);
            }
        }
        return null;
    }

    /** Hover text for the candidate site at a map point ("MS-001 — rank 3 of 280, score 0.812"), or null. */
    public String hoverText(double x, double y, double tolerance) {
        ScoreResult r = editor.resultProperty().get();
        LayerItem c = candidates();
        if (r == null || c == null || !c.visibleProperty().get()) {
            return null;
        }
        List<Integer> hits = c.mapLayer().featuresAt(x, y, tolerance);
        if (hits.isEmpty() || hits.get(0) >= r.size()) {
            return null;
        }
        int i = hits.get(0);
        return String.format(Locale.ROOT, "%s — rank %d of %d, score %.3f%s", r.session().id(i), r.rank(i), r.size(),
                r.score(i), r.passed(i) ? "" : "\nfails: " + String.join("; ", r.reasons(i)));
    }

    /**
     * Selects the features inside a box (display CRS) of the candidate layer, else of {@code fallback}.
     *
     * @return a status line ("12 features selected in parcels", "1 feature ..."), or null when nothing could be selected
     */
    public String selectInBox(Envelope box, LayerItem fallback) {
        LayerItem target = candidates() != null ? candidates() : fallback;
        if (box == null || target == null) {
            return null;
        }
        BitSet bs = new BitSet();
        for (int k : target.mapLayer().featuresIn(box)) {
            bs.set(k);
        }
        if (target.role() == Role.CANDIDATES) {
            selectedSites.set(bs);
        } else {
            target.selectionProperty().set(bs);
        }
        return io.siteplanner.model.Plural.of(bs.cardinality(), "feature") + " selected in " + target.getName();
    }
}
