package io.siteplanner.ui;

import io.siteplanner.model.style.LayerStyle;
import io.siteplanner.scoring.SiteComparison;
import io.siteplanner.scoring.scenario.TransformSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every dialog and file chooser the view-models show (JabRef's DialogService): {@link FxDialogService}
 * shows them over the main window; tests answer them without a stage. Errors show a message, never a
 * stack trace.
 */
public interface DialogService {
    /** A file type for the choosers: a description and globs such as {@code *.gpkg}. */
    record FileType(String description, List<String> globs) {
        public static FileType of(String description, String... globs) {
            return new FileType(description, List.of(globs));
        }
    }

    /** Answers to "save changes?". */
    enum SaveChoice { SAVE, DISCARD, CANCEL }

    /** An error with a one-line headline and the detail message. */
    void showError(String headline, String message);

    /** A warning (records skipped while loading, criteria disabled for missing layers). */
    void showWarning(String headline, String message);

    /** Asks to go ahead with something that can be undone or is risky; true for {@code okLabel}. */
    boolean confirm(String headline, String message, String okLabel);

    /** Save, discard or cancel for unsaved changes of {@code what}. */
    SaveChoice askSaveChanges(String what);

    /** A line of text (a scenario name); empty when cancelled. */
    Optional<String> askText(String title, String prompt, String initial);

    /** Files to open (several); empty when cancelled. */
    List<Path> chooseFilesToOpen(String title, List<FileType> types, Path initialDir);

    /** A file to open; empty when cancelled. */
    Optional<Path> chooseFileToOpen(String title, List<FileType> types, Path initialDir);

    /** A file to write; empty when cancelled. */
    Optional<Path> chooseFileToSave(String title, List<FileType> types, Path initialDir, String initialName);

    /** The criterion form (add or edit); true when the user pressed OK with a valid form. */
    boolean editCriterion(CriterionFormViewModel form);

    /** The transform editor; the chosen transform, or empty when cancelled (the editor then restores its own). */
    Optional<TransformSpec> editTransform(TransformEditorViewModel editor);

    /** The style of a layer; empty when cancelled. */
    Optional<LayerStyle> editStyle(LayerItem layer);

    /** AHP pairwise comparison of the criteria; the weights, or empty when cancelled. */
    Optional<double[]> ahpWeights(List<String> criteria, double[] current);

    /** The Generate Candidates form; true when the user pressed Generate with a valid form. */
    boolean editCandidates(CandidatesViewModel form);

    /** The side-by-side comparison of 2 to 4 sites (non-modal). */
    void showComparison(SiteComparison comparison, java.util.function.IntConsumer zoomTo);

    /**
     * The comparison view with rank acceptability, what would change and time to power (non-modal); by
     * default (dialogs without a stage) the plain comparison.
     */
    default void showComparison(ComparisonViewModel comparison) {
        showComparison(comparison.comparison(), comparison::zoomTo);
    }

    /**
     * The rank robustness options (draws, seed, spread, k, variations) edited in place; true for Run. By
     * default (dialogs without a stage) Cancel.
     */
    default boolean editRobustnessOptions(RobustnessViewModel robustness) {
        return false;
    }

    /** Asks where to go (place name or position); empty when cancelled. */
    default Optional<GoToViewModel.Target> goTo(GoToViewModel vm) {
        return Optional.empty();
    }

    /**
     * Asks which tables of a file with several to add ({@code tables} in the file's order); empty when
     * cancelled. The default adds them all.
     */
    default Optional<List<String>> chooseTables(Path file, List<String> tables) {
        return Optional.of(tables);
    }

    /** Message of an exception fit for users: its message, or its type when it has none. */
    static String messageOf(Throwable t) {
        Throwable e = t;
        while (e.getMessage() == null && e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
