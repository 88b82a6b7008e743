package io.siteplanner.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The criteria of the scenario: per criterion its name and what it measures, enabled box, weight slider
 * with the normalised share (the map and the table re-score while dragging), the transform, and buttons to
 * edit, edit the transform, move and remove; a flag when a layer it reads is missing; an "Add criterion"
 * button. Ids: {@code add-criterion}, {@code weight-ID}, {@code weight-pct-ID}, {@code enabled-ID},
 * {@code edit-ID}, {@code transform-ID}, {@code remove-ID}, {@code flag-ID}.
 */
public final class CriteriaView extends VBox {
    private final ScenarioEditorViewModel editor;
    private final CriteriaViewModel criteria;
    private final VBox rows = new VBox(6);
    /** Listeners the last rebuild put on the rows; removed before the next rebuild. */
    private final List<Runnable> detach = new ArrayList<>();

    public CriteriaView(ScenarioEditorViewModel editor, CriteriaViewModel criteria) {
        super(6);
        this.editor = editor;
        this.criteria = criteria;
        Button add = new Button("Add criterion…");
        add.setId("add-criterion");
        add.setTooltip(new Tooltip("A new criterion from any loaded layer (also: a layer's context menu)"));
        add.setOnAction(e -> criteria.add(null));
        add.disableProperty().bind(editor.scenarioProperty().isNull());
        getChildren().addAll(rows, add);
        editor.criteria().addListener((ListChangeListener<CriterionRow>) c -> rebuild());
        rebuild();
    }

    private <T> void listen(javafx.beans.value.ObservableValue<T> p, javafx.beans.value.ChangeListener<? super T> l) {
        p.addListener(l);
        detach.add(() -> p.removeListener(l));
    }

    private void rebuild() {
        detach.forEach(Runnable::run);
        detach.clear();
        rows.getChildren().clear();
        List<Runnable> shares = new ArrayList<>();
        for (CriterionRow x : editor.criteria()) {
            listen(x.weightProperty(), (o, a, b) -> shares.forEach(Runnable::run));
        }
        for (CriterionRow r : editor.criteria()) {
            String id = r.id();
            CheckBox on = new CheckBox();
            on.setId("enabled-" + id);
            on.setSelected(r.enabled());
            on.setTooltip(new Tooltip("Include this criterion (a disabled one is kept but not evaluated)"));
            on.setOnAction(e -> criteria.setEnabled(id, on.isSelected()));
            Label name = new Label(id);
            name.setStyle("-fx-font-weight: bold;");
            name.setTooltip(new Tooltip(r.spec().kind().json() + ": " + r.spec().kind().summary()));
            Button edit = button("✎", "edit-" + id, "Edit the criterion (kind, layer, attribute, filter…)",
                    () -> criteria.edit(id));
            Button up = button("▲", "up-" + id, "Move up", () -> criteria.move(id, -1));
            Button down = button("▼", "down-" + id, "Move down", () -> criteria.move(id, 1));
            Button remove = button("✕", "remove-" + id, "Remove the criterion", () -> criteria.remove(id));
            HBox head = new HBox(4, on, name);
            HBox.setHgrow(name, Priority.ALWAYS);
            name.setMaxWidth(Double.MAX_VALUE);
            head.getChildren().addAll(edit, up, down, remove);
            head.setAlignment(Pos.CENTER_LEFT);
            Label desc = small(r.label().equals(id) ? r.describe() : r.label() + " — " + r.describe(), "#555");
            Slider s = new Slider(0, 1, r.weightProperty().get());
            s.setId("weight-" + id);
            s.setBlockIncrement(0.05);
            s.valueProperty().bindBidirectional(r.weightProperty());
            s.disableProperty().set(!r.enabled());
            listen(s.valueChangingProperty(), (o, a, b) -> editor.adjustingProperty().set(b));
            HBox.setHgrow(s, Priority.ALWAYS);
            Label pct = new Label();
            pct.setMinWidth(44);
            pct.setId("weight-pct-" + id);
            Runnable share = () -> pct.setText(String.format(Locale.ROOT, "%.0f %%", 100 * share(r)));
            share.run();
            shares.add(share);
            Button tr = button("…", "transform-" + id, "Edit the transform to a 0..1 score, over the data",
                    () -> criteria.editTransform(id));
            tr.setDisable(!r.enabled());
            HBox weightRow = new HBox(6, s, pct, tr);
            weightRow.setAlignment(Pos.CENTER_LEFT);
            Label transform = small(TransformFields.describe(r.transformProperty().get()), "#777");
            listen(r.transformProperty(), (o, a, b) -> transform.setText(TransformFields.describe(b)));
            Label flag = small("", "#b00");
            flag.setId("flag-" + id);
            flag.textProperty().bind(r.flagProperty());
            flag.visibleProperty().bind(r.flagProperty().isNotEmpty());
            flag.managedProperty().bind(flag.visibleProperty());
            Label noData = small(CriteriaViewModel.noDataText(editor.resultProperty().get(), id), "#8a5a00");
            noData.setId("nodata-" + id);
            noData.visibleProperty().bind(noData.textProperty().isNotEmpty());
            noData.managedProperty().bind(noData.visibleProperty());
            listen(editor.resultProperty(), (o, a, b) -> noData.setText(CriteriaViewModel.noDataText(b, id)));
            VBox box = new VBox(1, head, desc, weightRow, transform, flag, noData);
            for (javafx.scene.Node n : new javafx.scene.Node[] {name, desc, weightRow, transform}) {
                n.setOpacity(r.enabled() ? 1 : 0.55);
            }
            rows.getChildren().add(box);
        }
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setStyle("-fx-padding: 1 5 1 5;");
        return b;
    }

    private static Label small(String text, String colour) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setStyle("-fx-text-fill: " + colour + "; -fx-font-size: 11px;");
        return l;
    }

    /** The normalised weight of a row among the enabled criteria. */
    private double share(CriterionRow r) {
        double sum = 0;
        for (CriterionRow x : editor.criteria()) {
            sum += x.enabled() ? x.weightProperty().get() : 0;
        }
        return sum > 0 && r.enabled() ? r.weightProperty().get() / sum : 0;
    }
}
