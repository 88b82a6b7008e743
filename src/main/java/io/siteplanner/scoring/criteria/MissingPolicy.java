package io.siteplanner.scoring.criteria;

/**
 * What a missing raw value (no data) does to a site, per criterion ({@code "missing"} in the scenario).
 * Never a silent 0: the site is always flagged "no data" in explanations, the table and exports.
 */
public enum MissingPolicy {
    /** Scores 0, the worst (the default; {@code missingScore} can set another value). */
    WORST("worst"),
    /** Scores 0.5, the middle of the score scale: no data neither helps nor hurts much. */
    NEUTRAL("neutral"),
    /** The site fails, with the reason "&lt;criterion&gt;: no data". */
    EXCLUDE("exclude");

    private final String json;

    MissingPolicy(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** The policy for a JSON name, or null. */
    public static MissingPolicy of(String s) {
        for (MissingPolicy p : values()) {
            if (p.json.equals(s)) {
                return p;
            }
        }
        return null;
    }
}
