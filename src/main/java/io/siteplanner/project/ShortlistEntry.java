package io.siteplanner.project;

import java.time.Instant;
import java.util.Objects;

/**
 * A site on the shortlist.
 *
 * @param siteId the site's id (value of the scenario's id field, as text)
 * @param note   free text (never null; "" when none)
 * @param status candidate, visit or rejected
 * @param added  when it was added
 */
public record ShortlistEntry(String siteId, String note, SiteStatus status, Instant added) {
    public ShortlistEntry {
        Objects.requireNonNull(siteId, "siteId");
        note = note == null ? "" : note;
        status = status == null ? SiteStatus.CANDIDATE : status;
        added = added == null ? Instant.EPOCH : added;
    }

    public ShortlistEntry withNote(String n) {
        return new ShortlistEntry(siteId, n, status, added);
    }

    public ShortlistEntry withStatus(SiteStatus s) {
        return new ShortlistEntry(siteId, note, s, added);
    }
}
