package io.siteplanner.model.scenario;

/** The kinds of criteria; the JSON name is {@link #json()}. */
public enum CriterionKind {
    /** Polygon area in acres in the analysis CRS. */
    AREA("area"),
    /** A numeric attribute of the candidate. */
    ATTRIBUTE("attribute"),
    /** Metres from the candidate polygon to the nearest feature of a layer (passing the filter). */
    DISTANCE("distance"),
    /** An attribute of the nearest feature of a layer. */
    NEAREST_ATTRIBUTE("nearestAttribute"),
    /** An attribute of the zone containing the candidate's centroid (or overlapping it most). */
    ZONE_ATTRIBUTE("zoneAttribute"),
    /** A raster value over the candidate (mean, max, min) or at its centroid. */
    RASTER("raster"),
    /** Fraction of the candidate's area covered by features of a layer. */
    OVERLAP("overlap"),
    /** Headroom MW of the best substation in reach: available MW minus campus demand. */
    GRID_HEADROOM("gridHeadroom"),
    /** USD to connect the campus to the nearest suitable substation. */
    INTERCONNECTION_COST("interconnectionCost"),
    /** USD per year of energy for the campus at the candidate's price. */
    ENERGY_COST("energyCost"),
    /** Horizon total cost of ownership (NPV, USD). */
    TCO("tco");

    private final String json;

    CriterionKind(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** The kind for a JSON name, or null. */
    public static CriterionKind of(String s) {
        for (CriterionKind k : values()) {
            if (k.json.equals(s)) {
                return k;
            }
        }
        return null;
    }
}
