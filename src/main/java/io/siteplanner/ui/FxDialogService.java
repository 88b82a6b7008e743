package io.siteplanner.ui;

import io.siteplanner.model.Units;
import io.siteplanner.model.style.LayerStyle;
import io.siteplanner.scoring.SiteComparison;
import io.siteplanner.scoring.scenario.TransformSpec;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntConsumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The dialogs and file choosers over the main window. */
public final class FxDialogService implements DialogService {
    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String headline, String message) {
        show(Alert.AlertType.ERROR, headline, message, "error-dialog");
    }

    @Override
    public void showWarning(String headline, String message) {
        show(Alert.AlertType.WARNING, headline, message, "warning-dialog");
    }

    /** Non-blocking: the work that led to it goes on. */
    private void show(Alert.AlertType type, String headline, String message, String id) {
        Alert a = new Alert(type, "", ButtonType.OK);
        a.initOwner(owner);
        a.setTitle("SitePlanner");
        a.setHeaderText(headline);
        a.getDialogPane().setContent(text(message));
        a.getDialogPane().setId(id);
        a.show();
    }

    private static Label text(String message) {
        Label l = new Label(message);
        l.setWrapText(true);
        l.setMaxWidth(520);
        return l;
    }

    @Override
    public boolean confirm(String headline, String message, String okLabel) {
        ButtonType ok = new ButtonType(okLabel, ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", ok, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle("SitePlanner");
        a.setHeaderText(headline);
        a.getDialogPane().setContent(text(message));
        a.getDialogPane().setId("confirm-dialog");
        return a.showAndWait().orElse(ButtonType.CANCEL) == ok;
    }

    @Override
    public SaveChoice askSaveChanges(String what) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The project has unsaved changes.", save, discard,
                ButtonType.CANCEL);
        a.initOwner(owner);
        a.setHeaderText("Save changes to " + what + "?");
        var r = a.showAndWait();
        return r.isEmpty() || r.get() == ButtonType.CANCEL ? SaveChoice.CANCEL : r.get() == save ? SaveChoice.SAVE
                : SaveChoice.DISCARD;
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(prompt);
        return d.showAndWait().map(String::trim).filter(x -> !x.isEmpty());
    }

    private static FileChooser chooser(String title, List<FileType> types, Path initialDir) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        for (FileType t : types) {
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(t.description(), t.globs()));
        }
        if (initialDir != null && initialDir.toFile().isDirectory()) {
            fc.setInitialDirectory(initialDir.toFile());
        }
        return fc;
    }

    @Override
    public List<Path> chooseFilesToOpen(String title, List<FileType> types, Path initialDir) {
        List<File> files = chooser(title, types, initialDir).showOpenMultipleDialog(owner);
        List<Path> out = new ArrayList<>();
        if (files != null) {
            files.forEach(f -> out.add(f.toPath()));
        }
        return out;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileType> types, Path initialDir) {
        return Optional.ofNullable(chooser(title, types, initialDir).showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, List<FileType> types, Path initialDir, String initialName) {
        FileChooser fc = chooser(title, types, initialDir);
        fc.setInitialFileName(initialName);
        return Optional.ofNullable(fc.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public boolean editCriterion(CriterionFormViewModel form) {
        return new CriterionFormView(form).showAndWait(owner);
    }

    @Override
    public Optional<TransformSpec> editTransform(TransformEditorViewModel editor) {
        return new TransformEditorView(editor).showAndWait(owner);
    }

    @Override
    public Optional<LayerStyle> editStyle(LayerItem layer) {
        return StyleDialog.show(owner, layer);
    }

    @Override
    public Optional<GoToViewModel.Target> goTo(GoToViewModel vm) {
        return GoToDialog.show(owner, vm);
    }

    @Override
    public Optional<List<String>> chooseTables(Path file, List<String> tables) {
        javafx.scene.control.Dialog<List<String>> d = new javafx.scene.control.Dialog<>();
        d.initOwner(owner);
        d.setTitle("Add layers from " + file.getFileName());
        d.setHeaderText(file.getFileName() + " has " + tables.size() + " tables. Which should be added?");
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(6);
        List<javafx.scene.control.CheckBox> boxes = new java.util.ArrayList<>();
        for (String t : tables) {
            javafx.scene.control.CheckBox c = new javafx.scene.control.CheckBox(t);
            c.setMnemonicParsing(false);
            c.setSelected(true);
            c.setId("table-" + t);
            boxes.add(c);
            box.getChildren().add(c);
        }
        javafx.scene.control.ScrollPane sp = new javafx.scene.control.ScrollPane(box);
        sp.setPrefViewportHeight(Math.min(300, tables.size() * 26 + 10));
        sp.setFitToWidth(true);
        d.getDialogPane().setContent(sp);
        d.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK,
                javafx.scene.control.ButtonType.CANCEL);
        d.setResultConverter(bt -> bt != javafx.scene.control.ButtonType.OK ? null
                : boxes.stream().filter(javafx.scene.control.CheckBox::isSelected).map(c -> c.getText()).toList());
        return d.showAndWait();
    }

    @Override
    public Optional<double[]> ahpWeights(List<String> criteria, double[] current) {
        return AhpDialog.show(owner, criteria, current);
    }

    @Override
    public boolean editCandidates(CandidatesViewModel form) {
        return CandidatesView.showAndWait(owner, form);
    }

    @Override
    public void showComparison(SiteComparison comparison, IntConsumer zoomTo) {
        new ComparisonView(owner, comparison, Units.defaultDistanceUnit(Locale.getDefault()), zoomTo).show();
    }

    @Override
    public void showComparison(ComparisonViewModel comparison) {
        ComparisonView v = new ComparisonView(owner, comparison, Units.defaultDistanceUnit(Locale.getDefault()));
        v.show();
        comparison.loadTimeToPower();
    }

    @Override
    public boolean editRobustnessOptions(RobustnessViewModel robustness) {
        return RobustnessDialog.show(owner, robustness);
    }
}
