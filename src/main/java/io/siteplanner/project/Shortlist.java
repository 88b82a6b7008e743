package io.siteplanner.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The shortlist: sites in the order they were added. Immutable; changes return a new shortlist (undo keeps the old). */
public record Shortlist(List<ShortlistEntry> entries) {
    public Shortlist {
        entries = List.copyOf(entries);
    }

    public static Shortlist empty() {
        return new Shortlist(List.of());
    }

    public Optional<ShortlistEntry> get(String siteId) {
        return entries.stream().filter(e -> e.siteId().equals(siteId)).findFirst();
    }

    public boolean contains(String siteId) {
        return get(siteId).isPresent();
    }

    /** Adds a site (no-op when already there). */
    public Shortlist add(ShortlistEntry e) {
        if (contains(e.siteId())) {
            return this;
        }
        List<ShortlistEntry> l = new ArrayList<>(entries);
        l.add(e);
        return new Shortlist(l);
    }

    public Shortlist remove(String siteId) {
        List<ShortlistEntry> l = new ArrayList<>(entries);
        l.removeIf(e -> e.siteId().equals(siteId));
        return new Shortlist(l);
    }

    /** Replaces the entry with the same site id. */
    public Shortlist update(ShortlistEntry e) {
        List<ShortlistEntry> l = new ArrayList<>(entries);
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i).siteId().equals(e.siteId())) {
                l.set(i, e);
            }
        }
        return new Shortlist(l);
    }

    public int size() {
        return entries.size();
    }
}
