package io.siteplanner.ui;

import io.siteplanner.project.Shortlist;
import io.siteplanner.project.ShortlistEntry;
import io.siteplanner.project.SiteStatus;
import io.siteplanner.scoring.ScoreResult;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The shortlist: sites with a status (candidate / visit / rejected) and a note, with their rank and score
 * in the current result. Every change is undoable. FX thread.
 */
public final class ShortlistViewModel {
    private final ObjectProperty<Shortlist> shortlist = new SimpleObjectProperty<>(this, "shortlist", Shortlist.empty());
    private final UndoManager undo;
    private final ReadOnlyObjectProperty<ScoreResult> result;
    private Map<String, Integer> siteIndex = new HashMap<>();
    private ScoreResult indexed;

    public ShortlistViewModel(UndoManager undo, ReadOnlyObjectProperty<ScoreResult> result) {
        this.undo = undo;
        this.result = result;
    }

    public ObjectProperty<Shortlist> shortlistProperty() {
        return shortlist;
    }

    /** The latest result (rank and score columns follow it). */
    public ReadOnlyObjectProperty<ScoreResult> resultProperty() {
        return result;
    }

    /** Shows a project's shortlist (not an edit). */
    public void load(Shortlist s) {
        shortlist.set(s == null ? Shortlist.empty() : s);
    }

    /** Replaces the shortlist, recording the change for undo. */
    public void apply(String what, Shortlist next) {
        Shortlist before = shortlist.get();
        if (before.equals(next)) {
            return;
        }
        shortlist.set(next);
        undo.push(UndoManager.of(what, () -> shortlist.set(before), () -> shortlist.set(next)));
    }

    /** Adds sites (by id) as candidates. */
    public void add(List<String> siteIds) {
        Shortlist s = shortlist.get();
        for (String id : siteIds) {
            s = s.add(new ShortlistEntry(id, "", SiteStatus.CANDIDATE, Instant.now()));
        }
        apply(siteIds.size() == 1 ? "shortlist " + siteIds.get(0) : "shortlist " + siteIds.size() + " sites", s);
    }

    /** Adds the sites of the current result at these indices. */
    public void addSites(int[] sites) {
        ScoreResult r = result.get();
        if (r != null) {
            List<String> ids = new java.util.ArrayList<>();
            for (int i : sites) {
                ids.add(String.valueOf(r.session().id(i)));
            }
            add(ids);
        }
    }

    public void remove(String siteId) {
        apply("remove " + siteId + " from shortlist", shortlist.get().remove(siteId));
    }

    public void setStatus(ShortlistEntry e, SiteStatus status) {
        if (status != null && status != e.status()) {
            apply("status of " + e.siteId(), shortlist.get().update(e.withStatus(status)));
        }
    }

    public void setNote(ShortlistEntry e, String note) {
        if (!e.note().equals(note)) {
            apply("note of " + e.siteId(), shortlist.get().update(e.withNote(note)));
        }
    }

    /** The site index of an id in the current result, or null. */
    public Integer siteIndex(String siteId) {
        return index().get(siteId);
    }

    /** "#3  0.812", "(fails)" when it fails, or "not in this scenario". */
    public String rankText(String siteId) {
        Integer i = index().get(siteId);
        ScoreResult r = result.get();
        if (i == null || r == null) {
            return "not in this scenario";
        }
        return String.format(Locale.ROOT, "#%d  %.3f%s", r.rank(i), r.score(i), r.passed(i) ? "" : " (fails)");
    }

    private Map<String, Integer> index() {
        ScoreResult r = result.get();
        if (r == null) {
            return Map.of();
        }
        if (indexed == null || indexed.session() != r.session()) {
            Map<String, Integer> idx = new HashMap<>();
            for (int i = 0; i < r.size(); i++) {
                idx.put(String.valueOf(r.session().id(i)), i);
            }
            siteIndex = idx;
            indexed = r;
        }
        return siteIndex;
    }
}
