package io.siteplanner.gis.preset;

/**
 * What a layer is about, as a planner names it: the subject of the data, not how the map uses it (the
 * display role basemap/data/candidates is another matter). One theme per {@link Preset}.
 */
public enum Theme {
    SUBSTATIONS("substations"),
    LINES("transmission lines"),
    PLANTS("power plants"),
    PRICE_ZONES("price zones"),
    COUNTIES("counties"),
    STATES("states"),
    /** The outline of a country (us-atlas {@code nation}). */
    NATION("nation"),
    CITIES("population / cities"),
    TERRITORIES("utility service territories"),
    PRICING_NODES("pricing nodes");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    /** Lower-case words, e.g. "transmission lines". */
    public String label() {
        return label;
    }
}
