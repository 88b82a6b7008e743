package io.siteplanner.ui;

import io.siteplanner.model.style.LayerStyle;
import io.siteplanner.scoring.SiteComparison;
import io.siteplanner.scoring.scenario.TransformSpec;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * The dialogs of view-model tests, answered by the test: answers are queued before the action that asks,
 * and everything shown is recorded. A real implementation of {@link DialogService} for tests without a
 * stage (not a mock: no expectations, no generated behaviour).
 */
final class ScriptedDialogService implements DialogService {
    final List<String> errors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> confirmations = new ArrayList<>();
    final Deque<Boolean> confirmAnswers = new ArrayDeque<>();
    final Deque<SaveChoice> saveAnswers = new ArrayDeque<>();
    final Deque<String> textAnswers = new ArrayDeque<>();
    final Deque<Path> fileAnswers = new ArrayDeque<>();
    final Deque<Consumer<CriterionFormViewModel>> formAnswers = new ArrayDeque<>();
    final Deque<Function<TransformEditorViewModel, Optional<TransformSpec>>> transformAnswers = new ArrayDeque<>();
    final List<CriterionFormViewModel> formsShown = new ArrayList<>();
    final Deque<Consumer<CandidatesViewModel>> candidatesAnswers = new ArrayDeque<>();

    @Override
    public void showError(String headline, String message) {
        errors.add(headline + ": " + message);
    }

    @Override
    public void showWarning(String headline, String message) {
        warnings.add(headline + ": " + message);
    }

    @Override
    public boolean confirm(String headline, String message, String okLabel) {
        confirmations.add(headline + "\n" + message);
        if (confirmAnswers.isEmpty()) {
            throw new AssertionError("unexpected question: " + headline + "\n" + message);
        }
        return confirmAnswers.pop();
    }

    @Override
    public SaveChoice askSaveChanges(String what) {
        if (saveAnswers.isEmpty()) {
            throw new AssertionError("unexpected 'save changes to " + what + "?'");
        }
        return saveAnswers.pop();
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        return Optional.ofNullable(textAnswers.poll());
    }

    @Override
    public List<Path> chooseFilesToOpen(String title, List<FileType> types, Path initialDir) {
        List<Path> out = new ArrayList<>(fileAnswers);
        fileAnswers.clear();
        return out;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileType> types, Path initialDir) {
        return Optional.ofNullable(fileAnswers.poll());
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, List<FileType> types, Path initialDir, String initialName) {
        return Optional.ofNullable(fileAnswers.poll());
    }

    /** Fills the form as the queued answer says and presses OK when it is valid (Cancel when no answer is queued). */
    @Override
    public boolean editCriterion(CriterionFormViewModel form) {
        formsShown.add(form);
        Consumer<CriterionFormViewModel> fill = formAnswers.poll();
        if (fill == null) {
            return false;
        }
        fill.accept(form);
        return form.isValid();
    }

    /** Fills the Generate Candidates form as the queued answer says; Generate when valid (Cancel when none is queued). */
    @Override
    public boolean editCandidates(CandidatesViewModel form) {
        Consumer<CandidatesViewModel> fill = candidatesAnswers.poll();
        if (fill == null) {
            return false;
        }
        fill.accept(form);
        return form.validate() == null;
    }

    @Override
    public Optional<TransformSpec> editTransform(TransformEditorViewModel editor) {
        Function<TransformEditorViewModel, Optional<TransformSpec>> f = transformAnswers.poll();
        return f == null ? Optional.empty() : f.apply(editor);
    }

    @Override
    public Optional<LayerStyle> editStyle(LayerItem layer) {
        return Optional.empty();
    }

    @Override
    public Optional<double[]> ahpWeights(List<String> criteria, double[] current) {
        return Optional.empty();
    }

    @Override
    public void showComparison(SiteComparison comparison, IntConsumer zoomTo) {
    }
}
