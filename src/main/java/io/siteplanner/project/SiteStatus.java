package io.siteplanner.project;

import java.util.Locale;

/** Where a shortlisted site stands. */
public enum SiteStatus {
    CANDIDATE, VISIT, REJECTED;

    /** Lower-case name as stored and shown: candidate, visit, rejected. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SiteStatus of(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
