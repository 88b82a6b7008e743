package io.siteplanner.ui;

import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.VectorLayer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.geometry.Insets;

/** Attributes of the identified feature: a field/value table with a header naming layer and feature. */
public final class IdentifyPanel extends BorderPane {
    private final Label header = new Label("Click a feature on the map to see its attributes.");
    private final TableView<String[]> table = new TableView<>();

    public IdentifyPanel() {
        setId("identify-panel");
        header.setWrapText(true);
        header.setPadding(new Insets(6));
        TableColumn<String[], String> f = new TableColumn<>("Field");
        f.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue()[0]));
        f.setPrefWidth(130);
        TableColumn<String[], String> v = new TableColumn<>("Value");
        v.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue()[1]));
        v.setPrefWidth(170);
        // long values (descriptions, URLs, reasons) wrap within the column instead of being cut off
        v.setCellFactory(c -> {
            javafx.scene.control.TableCell<String[], String> cell = new javafx.scene.control.TableCell<>() {
                private final javafx.scene.text.Text text = new javafx.scene.text.Text();

                {
                    text.wrappingWidthProperty().bind(c.widthProperty().subtract(10));
                    setPrefHeight(javafx.scene.control.Control.USE_COMPUTED_SIZE);
                }

                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    text.setText(empty || item == null ? "" : item);
                    setGraphic(empty ? null : text);
                }
            };
            return cell;
        });
        table.getColumns().add(f);
        table.getColumns().add(v);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Nothing identified"));
        setTop(header);
        setCenter(table);
    }

    /** Shows feature {@code index} of a layer (in the layer's source attributes). */
    public void show(String layerName, VectorLayer layer, int index) {
        Feature feat = layer.get(index);
        header.setText(layerName + " — feature " + feat.fid());
        ObservableList<String[]> rows = FXCollections.observableArrayList();
        for (int i = 0; i < layer.schema().size(); i++) {
            Field fd = layer.schema().field(i);
            Object val = feat.value(i);
            rows.add(new String[] {fd.name(), val == null ? "(null)" : val.toString()});
        }
        if (feat.geometry() != null) {
            rows.add(new String[] {"(geometry)", feat.geometry().getGeometryType()});
        }
        table.setItems(rows);
    }

    /**
     * Adds the score explanation of a site under its attributes: per criterion raw value (with unit) →
     * transformed value × weight = contribution, then the score, rank and reasons.
     */
    public void appendExplanation(io.siteplanner.scoring.ScoreResult.Explanation e,
            io.siteplanner.model.Units.DistanceUnit du) {
        ObservableList<String[]> rows = FXCollections.observableArrayList(table.getItems());
        rows.add(new String[] {"── score", String.format(java.util.Locale.ROOT, "%.4f (rank %d%s)", e.score(), e.rank(),
                e.passed() ? "" : ", fails constraints")});
        for (io.siteplanner.scoring.ScoreResult.Part p : e.parts()) {
            rows.add(new String[] {"  " + p.id(), String.format(java.util.Locale.ROOT, "%s → %.3f × %.3f = %.4f",
                    p.format(du), p.transformed(), p.weight(),
                    p.contribution())});
        }
        for (String r : e.reasons()) {
            rows.add(new String[] {"  reason", r});
        }
        table.setItems(rows);
    }

    public void clear() {
        header.setText("Nothing at that point.");
        table.setItems(FXCollections.observableArrayList());
    }

    /** The identified rows (tests). */
    public ObservableList<String[]> rows() {
        return table.getItems();
    }

    public String headerText() {
        return header.getText();
    }
}
