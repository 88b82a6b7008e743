package io.siteplanner.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * An in-memory vector layer: features with JTS geometries in the source CRS and typed attributes.
 * Immutable after construction (the feature list is not copied; builders hand it over).
 */
public final class VectorLayer implements Layer {
    private final String name;
    private final Path source;
    private final CoordinateReferenceSystem crs;
    private final Integer epsg;
    private final Schema schema;
    private final GeometryType geometryType;
    private final List<Feature> features;
    private final List<String> warnings;
    private final boolean hasZ;
    private volatile Envelope bounds;

    private VectorLayer(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.source = b.source;
        this.crs = b.crs;
        this.epsg = b.epsg;
        this.schema = Objects.requireNonNull(b.schema, "schema");
        this.features = Collections.unmodifiableList(b.features);
        this.warnings = List.copyOf(b.warnings);
        this.hasZ = b.hasZ;
        GeometryType t = b.geometryType;
        if (t == null) {
            for (Feature f : b.features) {
                if (f.geometry() != null && !f.geometry().isEmpty()) {
                    t = GeometryType.merge(t, GeometryType.of(f.geometry()));
                }
            }
            if (t == null) {
                t = GeometryType.GEOMETRY;
            }
        }
        this.geometryType = t;
        this.bounds = b.bounds;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder prefilled with everything of this layer but its features and warnings. */
    public Builder toBuilder() {
        Builder b = new Builder(name).source(source).crs(crs, epsg).schema(schema).geometryType(geometryType)
                .hasZ(hasZ);
        b.warnings.addAll(warnings);
        return b;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path source() {
        return source;
    }

    @Override
    public CoordinateReferenceSystem crs() {
        return crs;
    }

    /** EPSG code of {@link #crs()} when the source stated it or it is known; null otherwise. */
    public Integer epsg() {
        return epsg;
    }

    public Schema schema() {
        return schema;
    }

    public GeometryType geometryType() {
        return geometryType;
    }

    /** True when geometries carry Z values. */
    public boolean hasZ() {
        return hasZ;
    }

    public List<Feature> features() {
        return features;
    }

    public int size() {
        return features.size();
    }

    public Feature get(int i) {
        return features.get(i);
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public Envelope bounds() {
        Envelope e = bounds;
        if (e == null) {
            e = new Envelope();
            for (Feature f : features) {
                Geometry g = f.geometry();
                if (g != null && !g.isEmpty()) {
                    e.expandToInclude(g.getEnvelopeInternal());
                }
            }
            bounds = e;
        }
        return new Envelope(e);
    }

    @Override
    public String toString() {
        return "VectorLayer[" + name + ", " + features.size() + " features, " + geometryType + "]";
    }

    /** Builds a {@link VectorLayer}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private Path source;
        private CoordinateReferenceSystem crs;
        private Integer epsg;
        private Schema schema = Schema.empty();
        private GeometryType geometryType;
        private List<Feature> features = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private boolean hasZ;
        private Envelope bounds;

        private Builder(String name) {
            this.name = name;
        }

        public Builder source(Path p) {
            this.source = p;
            return this;
        }

        public Builder crs(CoordinateReferenceSystem c, Integer epsgCode) {
            this.crs = c;
            this.epsg = epsgCode;
            return this;
        }

        public Builder schema(Schema s) {
            this.schema = s;
            return this;
        }

        /** Declared type; when not set, derived from the features. */
        public Builder geometryType(GeometryType t) {
            this.geometryType = t;
            return this;
        }

        public Builder hasZ(boolean z) {
            this.hasZ = z;
            return this;
        }

        public Builder add(Feature f) {
            features.add(f);
            return this;
        }

        /** Hands over a list (not copied). */
        public Builder features(List<Feature> list) {
            this.features = list;
            return this;
        }

        public Builder warn(String w) {
            warnings.add(w);
            return this;
        }

        /** Precomputed bounds (e.g. from a file header); computed lazily when not set. */
        public Builder bounds(Envelope e) {
            this.bounds = e;
            return this;
        }

        public int featureCount() {
            return features.size();
        }

        public VectorLayer build() {
            return new VectorLayer(this);
        }
    }
}
