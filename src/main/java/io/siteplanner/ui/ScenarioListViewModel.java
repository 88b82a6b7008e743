package io.siteplanner.ui;

import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioLayers;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The project's scenarios: switch (the other one is evaluated in the background), duplicate, rename and
 * delete, all undoable; and the guard that asks before a layer that scenarios read is removed (naming the
 * criteria) and disables those criteria. The active scenario's edits live in the
 * {@link ScenarioEditorViewModel}; this list holds the others as last left. FX thread.
 */
public final class ScenarioListViewModel implements LayersViewModel.RemovalListener {
    private final ScenarioEditorViewModel editor;
    private final LayersViewModel layers;
    private final UndoManager undo;
    private final ObservableList<Scenario> scenarios = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<String> active = new ReadOnlyObjectWrapper<>(this, "active");

    public ScenarioListViewModel(ScenarioEditorViewModel editor, LayersViewModel layers, UndoManager undo) {
        this.editor = editor;
        this.layers = layers;
        this.undo = undo;
        layers.setRemovalListener(this);
        // a first scenario made in the editor (a new project's candidate layer) joins the list
        editor.scenarioProperty().addListener((o, a, s) -> {
            if (s != null && active.get() == null) {
                scenarios.add(s);
                active.set(s.name());
            }
        });
    }

    /** The scenarios (the active one as last stored; {@link #forSave()} has its edits). */
    public ObservableList<Scenario> scenarios() {
        return scenarios;
    }

    /** Name of the active scenario. */
    public ReadOnlyObjectProperty<String> activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** Shows a project's scenarios (opening): not an edit. */
    public void load(List<Scenario> all, String activeName) {
        scenarios.setAll(all);
        active.set(activeName);
    }

    /** The scenarios with the active one as edited now. */
    public List<Scenario> forSave() {
        List<Scenario> out = new ArrayList<>();
        Scenario cur = editor.current();
        for (Scenario s : scenarios) {
            out.add(cur != null && s.name().equals(active.get()) ? cur : s);
        }
        return out;
    }

    private void keepEdits() {
        List<Scenario> now = forSave();
        if (!now.equals(scenarios)) {
            scenarios.setAll(now);
        }
    }

    private Scenario named(String name) {
        return scenarios.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** Switches the active scenario (undoable); it is evaluated in the background. */
    public void switchTo(String name) {
        if (name == null || name.equals(active.get()) || named(name) == null) {
            return;
        }
        String from = active.get();
        keepEdits();
        show(name);
        undo.push(UndoManager.of("switch to " + name, () -> {
            keepEdits();
            show(from);
        }, () -> {
            keepEdits();
            show(name);
        }));
    }

    /** Makes {@code name} active and evaluates it (missing layers disable what reads them). */
    private void show(String name) {
        Scenario s = named(name);
        active.set(name);
        ScenarioLayers.Repair r = ScenarioLayers.disableMissing(s, layers::exists, layers.baseDir());
        editor.load(r.scenario(), null, null);
        editor.evaluateAgain();
    }

    /** Copies the active scenario under a new name and switches to the copy (undoable). */
    public void duplicate(String newName) {
        Scenario cur = editor.current();
        if (cur == null || !free(newName)) {
            return;
        }
        List<Scenario> before = List.copyOf(forSave());
        String from = active.get();
        Scenario copy = renamed(cur, newName.trim());
        keepEdits();
        scenarios.add(copy);
        active.set(copy.name());
        editor.load(copy, editor.sessionProperty().get(), null); // the same evaluation, another name
        undo.push(UndoManager.of("duplicate scenario", () -> restore(before, from), () -> {
            keepEdits();
            scenarios.add(copy);
            show(copy.name());
        }));
    }

    /** Asks for the copy's name and duplicates the active scenario. */
    public void askAndDuplicate() {
        editor.dialogs().askText("Duplicate scenario", "Name of the copy:", active.get() + " (copy)")
                .ifPresent(this::duplicate);
    }

    /** Asks for a new name and renames the active scenario. */
    public void askAndRename() {
        editor.dialogs().askText("Rename scenario", "New name:", active.get()).ifPresent(this::rename);
    }

    /** Renames the active scenario (undoable). */
    public void rename(String newName) {
        Scenario cur = editor.current();
        if (cur == null || !free(newName)) {
            return;
        }
        String old = cur.name();
        String now = newName.trim();
        rename(old, now);
        undo.push(UndoManager.of("rename scenario", () -> rename(now, old), () -> rename(old, now)));
    }

    private void rename(String from, String to) {
        keepEdits();
        for (int i = 0; i < scenarios.size(); i++) {
            if (scenarios.get(i).name().equals(from)) {
                scenarios.set(i, renamed(scenarios.get(i), to));
            }
        }
        active.set(to);
        Scenario cur = editor.current();
        editor.load(renamed(cur, to), editor.sessionProperty().get(), editor.problemProperty().get());
    }

    /** Deletes the active scenario (never the last one) and switches to the first other (undoable). */
    public void delete() {
        if (scenarios.size() < 2 || active.get() == null) {
            return;
        }
        List<Scenario> before = List.copyOf(forSave());
        String gone = active.get();
        scenarios.removeIf(s -> s.name().equals(gone));
        show(scenarios.get(0).name());
        List<Scenario> after = List.copyOf(scenarios);
        String next = active.get();
        undo.push(UndoManager.of("delete scenario " + gone, () -> restore(before, gone), () -> restore(after, next)));
    }

    private void restore(List<Scenario> all, String name) {
        scenarios.setAll(all);
        show(name);
    }

    private boolean free(String name) {
        return name != null && !name.isBlank() && named(name.trim()) == null;
    }

    private static Scenario renamed(Scenario s, String name) {
        return s.withName(name);
    }

    // ------------------------------------------------------------------------------------------ layer removal

    /** What every scenario reads of project layer {@code layer}, in words; empty when nothing does. */
    public List<String> usage(String layer) {
        List<String> out = new ArrayList<>();
        for (Scenario s : forSave()) {
            ScenarioLayers.Usage u = ScenarioLayers.usage(s, layer);
            if (u.isEmpty()) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            if (u.candidates()) {
                parts.add("the candidate sites");
            }
            for (String id : u.criteria()) {
                String label = s.criterion(id).displayName();
                parts.add(label.equals(id) ? id : id + " (" + label + ")");
            }
            for (ConstraintSpec k : u.exclusions()) {
                parts.add("the exclusion of " + k.exclude());
            }
            out.add("\"" + s.name() + "\": " + String.join(", ", parts));
        }
        return out;
    }

    @Override
    public boolean confirmRemoval(String layer) {
        List<String> u = usage(layer);
        if (u.isEmpty()) {
            return true;
        }
        boolean candidates = forSave().stream().anyMatch(s -> ScenarioLayers.usage(s, layer).candidates());
        return editor.dialogs().confirm("Remove layer " + layer + "?", "Scenarios read it:\n" + String.join("\n", u)
                + "\n\nThose criteria and exclusions will be disabled (kept, so you can point them at another layer)"
                + (candidates ? "; a scenario without its candidate layer cannot be scored until you choose another" : "")
                + ". Undo (Ctrl+Z) brings the layer back.", "Remove Layer");
    }

    @Override
    public Runnable removed(String layer) {
        List<Scenario> before = List.copyOf(forSave());
        Scenario cur = editor.current();
        List<Scenario> after = new ArrayList<>();
        for (Scenario s : before) {
            after.add(ScenarioLayers.disableMissing(s, layers::exists, layers.baseDir()).scenario());
        }
        scenarios.setAll(after);
        if (cur != null) {
            Scenario repaired = ScenarioLayers.disableMissing(cur, layers::exists, layers.baseDir()).scenario();
            if (!repaired.equals(cur) || ScenarioLayers.usage(cur, layer).candidates()) {
                editor.reset(repaired); // disabling needs no spatial work
            }
        }
        return () -> {
            scenarios.setAll(before);
            if (cur != null) {
                editor.reset(cur);
            }
        };
    }
}
