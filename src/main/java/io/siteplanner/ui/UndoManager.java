package io.siteplanner.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Undo/redo of every edit of the project: layers (add, remove, move, style), scenarios (criteria, weights,
 * transforms, constraints, campus, method, candidates; switch, duplicate, rename, delete) and the shortlist.
 * Each edit knows how to undo and redo itself; a new edit clears the redo stack. {@link #changesProperty}
 * counts pushes, undos and redos (the project is then unsaved). FX thread only.
 */
public final class UndoManager {
    /** One edit. */
    public interface Edit {
        String name();

        void undo();

        void redo();
    }

    /** An edit from two actions. */
    public static Edit of(String name, Runnable undo, Runnable redo) {
        return new Edit() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void undo() {
                undo.run();
            }

            @Override
            public void redo() {
                redo.run();
            }
        };
    }

    private static final int LIMIT = 200;
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoName = new ReadOnlyStringWrapper(this, "undoName", "");
    private final ReadOnlyStringWrapper redoName = new ReadOnlyStringWrapper(this, "redoName", "");
    private final javafx.beans.property.ReadOnlyLongWrapper changes = new javafx.beans.property.ReadOnlyLongWrapper(
            this, "changes");
    private boolean applying;

    /** Grows with every push, undo and redo. */
    public javafx.beans.property.ReadOnlyLongProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    /** Removes {@code e} when it is the last edit done (an edit that could not be carried out). */
    public void drop(Edit e) {
        if (!undo.isEmpty() && undo.peek() == e) {
            undo.pop();
            update();
        }
    }

    /** Records an edit that has already been done. Ignored while an undo/redo is being applied. */
    public void push(Edit e) {
        if (applying) {
            return;
        }
        undo.push(e);
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        update();
    }

    /** True while an undo or redo runs (so listeners do not record it again). */
    public boolean isApplying() {
        return applying;
    }

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        Edit e = undo.pop();
        applying = true;
        try {
            e.undo();
        } finally {
            applying = false;
        }
        redo.push(e);
        update();
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        Edit e = redo.pop();
        applying = true;
        try {
            e.redo();
        } finally {
            applying = false;
        }
        undo.push(e);
        update();
    }

    public void clear() {
        undo.clear();
        redo.clear();
        canUndo.set(false);
        canRedo.set(false);
        undoName.set("");
        redoName.set("");
    }

    private void update() {
        changes.set(changes.get() + 1);
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoName.set(undo.isEmpty() ? "" : undo.peek().name());
        redoName.set(redo.isEmpty() ? "" : redo.peek().name());
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoNameProperty() {
        return undoName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoNameProperty() {
        return redoName.getReadOnlyProperty();
    }
}
