package io.siteplanner.model.scenario;

/**
 * One criterion. Common fields: id, kind, label, weight, transform, missingScore; the others apply to some
 * kinds only (null when unused). See docs/scenario.md for which kind uses which field.
 *
 * @param id             unique id (CSV column name)
 * @param kind           what is measured
 * @param label          display name (null = id)
 * @param weight         direct weight (&gt;= 0; normalised over all criteria)
 * @param transform      raw value to [0,1]
 * @param missingScore   transformed value used when the raw value is missing (default 0)
 * @param layer          layer id used by the kind
 * @param filter         CQL filter on that layer's features
 * @param attribute      attribute name (attribute, nearestAttribute, zoneAttribute, energyCost price)
 * @param at             zoneAttribute: {@code centroid} (default) or {@code largestOverlap}
 * @param stat           raster: {@code mean} (default), {@code max}, {@code min}, {@code centroid}
 * @param band           raster band, 1-based (default 1)
 * @param radiusKm       gridHeadroom search radius in km (default 20 miles = 32.18688 km)
 * @param mode           gridHeadroom: {@code any} (default; best substation within the radius) or {@code nearest}
 * @param availableAttribute substation attribute with available MW (gridHeadroom)
 * @param kvAttribute    substation voltage attribute (gridHeadroom, interconnectionCost; default "kv")
 * @param linesLayer     lines layer for the reV capacity estimate (gridHeadroom)
 * @param linesKvAttribute voltage attribute of the lines layer (default "kv")
 * @param demandMw       demand override in MW (default campus IT load x PUE)
 * @param kv             fixed connection voltage (interconnectionCost)
 * @param routeFactor    route length / straight line (default 1.3)
 * @param contingency    contingency fraction (default 0.20)
 * @param afudc          AFUDC fraction (default 0.075)
 * @param priceUsdMwh    constant energy price (energyCost)
 * @param priceUnit      {@code usd_mwh} (default) or {@code cents_kwh}
 * @param interconnection criterion id of the interconnection cost (tco)
 * @param energy         criterion id of the annual energy cost (tco)
 * @param landPriceAttribute candidate attribute with USD/acre (tco)
 */
public record CriterionSpec(String id, CriterionKind kind, String label, double weight, TransformSpec transform,
        Double missingScore, String layer, String filter, String attribute, String at, String stat, Integer band,
        Double radiusKm, String mode, String availableAttribute, String kvAttribute, String linesLayer,
        String linesKvAttribute, Double demandMw, Double kv, Double routeFactor, Double contingency, Double afudc,
        Double priceUsdMwh, String priceUnit, String interconnection, String energy, String landPriceAttribute) {

    /** A builder starting from id, kind, transform and weight. */
    public static Builder builder(String id, CriterionKind kind) {
        return new Builder(id, kind);
    }

    public Builder toBuilder() {
        Builder b = new Builder(id, kind);
        b.label = label;
        b.weight = weight;
        b.transform = transform;
        b.missingScore = missingScore;
        b.layer = layer;
        b.filter = filter;
        b.attribute = attribute;
        b.at = at;
        b.stat = stat;
        b.band = band;
        b.radiusKm = radiusKm;
        b.mode = mode;
        b.availableAttribute = availableAttribute;
        b.kvAttribute = kvAttribute;
        b.linesLayer = linesLayer;
        b.linesKvAttribute = linesKvAttribute;
        b.demandMw = demandMw;
        b.kv = kv;
        b.routeFactor = routeFactor;
        b.contingency = contingency;
        b.afudc = afudc;
        b.priceUsdMwh = priceUsdMwh;
        b.priceUnit = priceUnit;
        b.interconnection = interconnection;
        b.energy = energy;
        b.landPriceAttribute = landPriceAttribute;
        return b;
    }

    public CriterionSpec withWeight(double w) {
        return toBuilder().weight(w).build();
    }

    public CriterionSpec withTransform(TransformSpec t) {
        return toBuilder().transform(t).build();
    }

    /** Display name. */
    public String displayName() {
        return label == null ? id : label;
    }

    /** Mutable builder; fields are public for brevity. */
    public static final class Builder {
        public String id;
        public CriterionKind kind;
        public String label;
        public double weight;
        public TransformSpec transform = TransformSpec.linear(TransformSpec.Direction.BENEFIT);
        public Double missingScore;
        public String layer;
        public String filter;
        public String attribute;
        public String at;
        public String stat;
        public Integer band;
        public Double radiusKm;
        public String mode;
        public String availableAttribute;
        public String kvAttribute;
        public String linesLayer;
        public String linesKvAttribute;
        public Double demandMw;
        public Double kv;
        public Double routeFactor;
        public Double contingency;
        public Double afudc;
        public Double priceUsdMwh;
        public String priceUnit;
        public String interconnection;
        public String energy;
        public String landPriceAttribute;

        Builder(String id, CriterionKind kind) {
            this.id = id;
            this.kind = kind;
        }

        public Builder weight(double w) {
            this.weight = w;
            return this;
        }

        public Builder transform(TransformSpec t) {
            this.transform = t;
            return this;
        }

        public Builder layer(String l) {
            this.layer = l;
            return this;
        }

        public Builder filter(String f) {
            this.filter = f;
            return this;
        }

        public Builder attribute(String a) {
            this.attribute = a;
            return this;
        }

        public Builder at(String a) {
            this.at = a;
            return this;
        }

        public CriterionSpec build() {
            return new CriterionSpec(id, kind, label, weight, transform, missingScore, layer, filter, attribute, at,
                    stat, band, radiusKm, mode, availableAttribute, kvAttribute, linesLayer, linesKvAttribute,
                    demandMw, kv, routeFactor, contingency, afudc, priceUsdMwh, priceUnit, interconnection, energy,
                    landPriceAttribute);
        }
    }
}
