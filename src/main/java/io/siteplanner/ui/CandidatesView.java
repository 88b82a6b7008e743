package io.siteplanner.ui;

import io.siteplanner.scoring.cells.CellGrid;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The Generate Candidates form: region layer, CQL filter, cell size (acres, with the equivalent km²), shape
 * and output file, bound to a {@link CandidatesViewModel}; Generate is enabled while the form is valid.
 */
final class CandidatesView {
    private CandidatesView() {
    }

    /** Shows the form; true when the user pressed Generate. */
    static boolean showAndWait(Window owner, CandidatesViewModel vm) {
        Dialog<Boolean> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Generate Candidates");
        d.setHeaderText("Equal-area cells over a region (EPSG:5070), each with its county, written to a GeoPackage"
                + " and added as a layer");
        ButtonType generate = new ButtonType("Generate", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(generate, ButtonType.CANCEL);
        ComboBox<String> region = new ComboBox<>();
        region.getItems().setAll(vm.regionChoices());
        region.valueProperty().bindBidirectional(vm.regionProperty());
        region.setId("candidates-region");
        TextField where = new TextField();
        where.setPromptText("all features, or CQL: STATE = 'Indiana'");
        where.textProperty().bindBidirectional(vm.whereProperty());
        Spinner<Double> acres = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(1, 1_000_000,
                vm.cellAcresProperty().get(), 100));
        acres.setEditable(true);
        acres.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.cellAcresProperty().set(b);
            }
        });
        Label km2 = new Label();
        km2.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "acres (%.2f km²)",
                vm.cellAcresProperty().get() * 4046.8564224 / 1e6), vm.cellAcresProperty()));
        ComboBox<CellGrid.Shape> shape = new ComboBox<>();
        shape.getItems().setAll(CellGrid.Shape.values());
        shape.valueProperty().bindBidirectional(vm.shapeProperty());
        TextField out = new TextField();
        out.setEditable(false);
        out.setPrefColumnCount(28);
        out.textProperty().bind(Bindings.createStringBinding(() -> vm.outProperty().get() == null ? ""
                : vm.outProperty().get().toString(), vm.outProperty()));
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Write candidate cells to");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("GeoPackage", "*.gpkg"));
            Path cur = vm.outProperty().get();
            if (cur != null && cur.toAbsolutePath().getParent() != null
                    && cur.toAbsolutePath().getParent().toFile().isDirectory()) {
                fc.setInitialDirectory(cur.toAbsolutePath().getParent().toFile());
                fc.setInitialFileName(cur.getFileName().toString());
            }
            File f = fc.showSaveDialog(d.getDialogPane().getScene().getWindow());
            if (f != null) {
                vm.outProperty().set(f.toPath());
            }
        });
        Label problem = new Label();
        problem.setStyle("-fx-text-fill: #b00;");
        problem.setId("candidates-problem");
        Runnable check = () -> {
            String p = vm.validate();
            problem.setText(p == null ? "" : p);
            Node ok = d.getDialogPane().lookupButton(generate);
            ok.setDisable(p != null);
        };
        vm.regionProperty().addListener(o -> check.run());
        vm.cellAcresProperty().addListener(o -> check.run());
        vm.shapeProperty().addListener(o -> check.run());
        vm.outProperty().addListener(o -> check.run());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.setPadding(new Insets(10));
        g.addRow(0, new Label("Region layer"), region);
        g.addRow(1, new Label("Only features where"), where);
        g.addRow(2, new Label("Cell size"), new HBox(6, acres, km2));
        g.addRow(3, new Label("Shape"), shape);
        g.addRow(4, new Label("Output"), new HBox(6, out, browse));
        g.add(problem, 0, 5, 2, 1);
        d.getDialogPane().setContent(g);
        check.run();
        d.setResultConverter(b -> b == generate);
        return d.showAndWait().orElse(false);
    }
}
