package io.siteplanner.gis.topojson;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.gis.geojson.PropertyTable;
import io.siteplanner.gis.topojson.Topology.Geom;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Turns one parsed layer of a {@link Topology} into a {@link VectorLayer}: checks every arc index and the
 * number of vertices the arcs expand to before building anything, then builds the geometries
 * ({@link GeometryAssembler}), the fields ({@code id} as a string first, as GDAL, then the properties typed
 * by {@link PropertyTable}) and the warnings.
 */
final class LayerBuilder {
    /**
     * Most vertices a layer may expand to. Arcs are shared, so a small file can reference one long arc
     * millions of times; us-atlas counties at 1:10m expand to about 68,000.
     */
    static final long MAX_VERTICES = 20_000_000L;
    private static final int MAX_LISTED = 5;
    private static final int PROGRESS_EVERY = 4096;

    private final Path file;
    private final Topology topology;
    private final Topology.Layer layer;
    private int skipped;
    private final StringBuilder skippedList = new StringBuilder();

    private LayerBuilder(Path file, Topology topology, Topology.Layer layer) {
        this.file = file;
        this.topology = topology;
        this.layer = layer;
    }

    static VectorLayer build(Path file, Topology topology, Topology.Layer layer, ReadOptions options,
            Progress progress) throws LayerReadException {
        return new LayerBuilder(file, topology, layer).build(options, progress);
    }

    private VectorLayer build(ReadOptions options, Progress progress) throws LayerReadException {
        checkArcs();
        VectorLayer.Builder b = VectorLayer.builder(layer.name()).source(file);
        CoordinateReferenceSystem crs = crs(options, b);

        PropertyTable props = layer.properties();
        List<Field> fields = new ArrayList<>(props.fields());
        FieldType[] types = props.types();
        fields.set(0, new Field("id", FieldType.STRING));
        types[0] = FieldType.STRING;
        b.schema(new Schema(fields));

        GeometryAssembler assembler = new GeometryAssembler(topology.arcs(), topology.transform());
        List<Geom> geoms = layer.geometries();
        List<Feature> features = new ArrayList<>(geoms.size());
        Envelope bounds = new Envelope();
        for (int i = 0; i < geoms.size(); i++) {
            if (i % PROGRESS_EVERY == 0) {
                progress.checkCancelled();
                progress.update((double) i / geoms.size(), "building " + layer.name());
            }
            Geom g = geoms.get(i);
            Geometry geometry;
            try {
                geometry = assembler.build(g);
            } catch (GeometryAssembler.Invalid e) {
                skip(g, e.getMessage());
                continue;
            }
            Object[] raw = g.values;
            if (g.id != null && (raw == null || raw[0] == null)) {
                // a property named "id" wins over the id member, as in GDAL
                raw = raw == null ? new Object[1] : raw;
                raw[0] = g.id;
            }
            if (geometry != null && !geometry.isEmpty()) {
                bounds.expandToInclude(geometry.getEnvelopeInternal());
            }
            features.add(new Feature(g.position, geometry, PropertyTable.convert(raw, types, 0)));
        }
        b.features(features);
        b.bounds(bounds);
        if (skipped > 0) {
            b.warn(skipped + " feature(s) skipped (" + skippedList + (skipped > MAX_LISTED ? "; ..." : "") + ")");
        }
        if (assembler.droppedRings > 0) {
            b.warn(assembler.droppedRings + " polygon ring(s) with fewer than 4 positions dropped (collapsed by"
                    + " quantization; GDAL drops them too)");
        }
        if (assembler.closedRings > 0) {
            b.warn(assembler.closedRings + " polygon ring(s) were not closed; closed them by repeating the first"
                    + " position");
        }
        String implausible = Crs.checkPlausible(bounds, crs);
        if (implausible != null) {
            b.warn(implausible);
        }
        progress.update(1, "read " + layer.name());
        return b.build();
    }

    /** EPSG:4326 (TopoJSON has no CRS member) unless the options name one. */
    private CoordinateReferenceSystem crs(ReadOptions options, VectorLayer.Builder b) throws LayerReadException {
        String code = options.crs();
        if (code == null || code.isBlank()) {
            b.crs(Crs.wgs84(), 4326);
            return Crs.wgs84();
        }
        CoordinateReferenceSystem crs;
        try {
            crs = Crs.decode(code);
        } catch (IllegalArgumentException e) {
            throw new LayerReadException(file, "invalid CRS '" + code + "': " + e.getMessage(), e);
        }
        int epsg = Crs.parseEpsg(code);
        b.crs(crs, epsg > 0 ? epsg : null);
        return crs;
    }

    /**
     * Every arc index of the layer must name an arc, and the arcs must not expand to more than
     * {@link #MAX_VERTICES}: both are checked before any geometry is built.
     */
    private void checkArcs() throws LayerReadException {
        long vertices = 0;
        for (Geom g : layer.geometries()) {
            vertices += vertices(g, g.arcs);
            if (vertices > MAX_VERTICES) {
                throw new LayerReadException(file, String.format(Locale.ROOT, "layer '%s': the arcs would expand to"
                        + " more than %,d vertices (arcs referenced too often; a corrupt or hostile file)",
                        layer.name(), MAX_VERTICES));
            }
        }
    }

    private long vertices(Geom g, Object refs) throws LayerReadException {
        long n = 0;
        if (refs instanceof int[]) {
            Arcs arcs = topology.arcs();
            for (int ref : (int[]) refs) {
                int arc = ref < 0 ? ~ref : ref;
                if (arc >= arcs.size()) {
                    throw new LayerReadException(file, where(g) + "arc index " + ref
                            + (ref < 0 ? " (arc " + arc + " reversed)" : "") + " is out of range: the topology has "
                            + arcs.size() + " arc(s)");
                }
                n += arcs.length(arc);
            }
        } else if (refs instanceof Object[]) {
            for (Object child : (Object[]) refs) {
                n += vertices(g, child);
            }
        }
        return n;
    }

    private String where(Geom g) {
        return "layer '" + layer.name() + "', geometry " + g.position + (g.id == null ? "" : " (id '" + g.id + "')")
                + ": ";
    }

    private void skip(Geom g, String why) {
        if (skipped < MAX_LISTED) {
            if (skipped > 0) {
                skippedList.append("; ");
            }
            skippedList.append("geometry ").append(g.position).append(": ").append(why);
        }
        skipped++;
    }
}
