package io.siteplanner.gis.preset;

/** What a field of a recognised layer holds; styles, criteria and joins look fields up by role. */
public enum FieldRole {
    NAME,
    ID,
    /** Highest voltage of a line or substation, kV. */
    VOLTAGE_KV,
    /** Lowest voltage of a substation, kV. */
    MIN_VOLTAGE_KV,
    /** A voltage class as text (HIFLD {@code VOLT_CLASS}: "345", "220-287", "NOT AVAILABLE"). */
    VOLTAGE_CLASS,
    /** Voltages as OpenStreetMap tags them: volts, several separated by ';' ("345000;138000"). */
    VOLTAGE_RAW,
    /** Number of lines connected to a substation. */
    LINE_COUNT,
    STATUS,
    OWNER,
    /** Identifies the substation or node at one end of a line (a name or a node id). */
    LINE_END_1,
    LINE_END_2,
    /** Identifies a node that {@link #LINE_END_1}/{@link #LINE_END_2} refer to. */
    NODE_ID,
    /** Scope in which node ids are unique (e.g. the OSM extract's region file). */
    NODE_GROUP,
    /** Kind of node (substation, plant, joint...). */
    NODE_TYPE,
    /** Capacity in MW (stated by the source, or estimated: see {@link KeyField#estimate()}). */
    CAPACITY_MW,
    /** Primary energy source (fuel). */
    FUEL,
    POPULATION,
    /** State name, abbreviation or code. */
    STATE,
    STATE_ABBR,
    /** A Census FIPS code (2-digit state, 5-digit county). */
    FIPS,
    /** An energy price. */
    PRICE,
    /** A risk score or rating. */
    RISK,
    /** ISO/RTO market. */
    ISO,
    /** Retail customers of a utility. */
    CUSTOMERS,
    /** Utility type or other category. */
    TYPE;

    /** Lower-case words for people, e.g. "highest voltage". */
    public String label() {
        switch (this) {
            case VOLTAGE_KV: return "highest voltage";
            case MIN_VOLTAGE_KV: return "lowest voltage";
            case VOLTAGE_CLASS: return "voltage class";
            case VOLTAGE_RAW: return "voltages (OSM)";
            case LINE_COUNT: return "connected lines";
            case LINE_END_1: return "line end 1";
            case LINE_END_2: return "line end 2";
            case NODE_ID: return "node id";
            case NODE_GROUP: return "node id scope";
            case NODE_TYPE: return "node type";
            case CAPACITY_MW: return "capacity";
            case STATE_ABBR: return "state abbreviation";
            case FIPS: return "FIPS code";
            case ISO: return "ISO/RTO";
            case ID: return "id";
            default: return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
