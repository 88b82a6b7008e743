package io.siteplanner.export;

import io.siteplanner.render.DefaultStyles;
import io.siteplanner.render.LayerDraw;
import io.siteplanner.render.Legend;
import io.siteplanner.render.MapDecorations;
import io.siteplanner.render.MapRenderer;
import io.siteplanner.render.StyledLayer;
import io.siteplanner.render.Viewport;
import io.siteplanner.scoring.ScoreResult;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Map images for exports, drawn with {@link MapRenderer} like the desktop map: the layers with their
 * styles and labels, the candidates coloured by score ({@link io.siteplanner.render.ScoreLegend}), optionally one site
 * highlighted; with a north arrow, scale bar, attribution line and (for the overview) a legend.
 */
public final class MapImages {
    private MapImages() {
    }

    /**
     * The map of {@code view} (display CRS; null = the candidates' extent with a 5 % margin).
     *
     * @throws IllegalArgumentException when the candidates layer and the result differ in size
     */
    public static BufferedImage render(ScoreResult r, MapContent map, Envelope view, int width, int height) {
        return MapRenderer.render(viewport(map, view, width, height), draws(r, map, null), DefaultStyles.BACKGROUND,
                MapDecorations.print(Legend.sections(map.layers(), io.siteplanner.render.ScoreLegend.of(r))));
    }

    /** The viewport of {@link #render}: {@code view}, or the candidates' extent with a 5 % margin. */
    public static Viewport viewport(MapContent map, Envelope view, int width, int height) {
        return Viewport.fit(view != null ? view : map.candidates().bounds(), width, height, view != null ? 0 : 0.05);
    }

    /** A close-up of one site (candidate index), highlighted, with about its own size around it. */
    public static BufferedImage site(ScoreResult r, MapContent map, int site, int width, int height) {
        Geometry g = map.candidates().display().get(site).geometry();
        Envelope e = g == null || g.isEmpty() ? map.candidates().bounds() : new Envelope(g.getEnvelopeInternal());
        double pad = Math.max(Math.max(e.getWidth(), e.getHeight()) * 0.8, 1500);
        e.expandBy(pad);
        Viewport vp = Viewport.fit(e, width, height, 0);
        BitSet sel = new BitSet();
        sel.set(site);
        return MapRenderer.render(vp, draws(r, map, sel), DefaultStyles.BACKGROUND, MapDecorations.print(List.of()));
    }

    static List<LayerDraw> draws(ScoreResult r, MapContent map, BitSet selection) {
        if (map.candidates().display().size() != r.size()) {
            throw new IllegalArgumentException("the candidates layer has " + map.candidates().display().size()
                    + " features but the result has " + r.size() + " sites");
        }
        int[] colors = io.siteplanner.render.ScoreLegend.of(r).colors(r);
        List<LayerDraw> out = new ArrayList<>();
        boolean drawn = false;
        for (StyledLayer l : map.layers()) {
            if (l.layer() == map.candidates()) {
                out.add(LayerDraw.of(l.layer(), l.style(), l.opacity(), colors, selection));
                drawn = true;
            } else {
                out.add(l.draw());
            }
        }
        if (!drawn) {
            out.add(LayerDraw.of(map.candidates(), DefaultStyles.candidates(), 1, colors, selection));
        }
        return out;
    }
}
