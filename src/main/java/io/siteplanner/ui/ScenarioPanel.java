package io.siteplanner.ui;

import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.scenario.MethodSpec;
import io.siteplanner.scoring.scenario.Scenario;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The scenario panel: scenario switcher (duplicate, rename, delete), candidate layer and id field, campus
 * inputs (with units), method and AHP weights, then the criteria ({@link CriteriaView}) and constraints
 * ({@link ConstraintsView}). Binds to the view-models only.
 */
public final class ScenarioPanel extends ScrollPane {
    private final ScenarioEditorViewModel editor;
    private final ComboBox<String> scenarioBox = new ComboBox<>();
    private final ComboBox<String> candidates = new ComboBox<>();
    private final ComboBox<String> idField = new ComboBox<>();
    private boolean updating;

    public ScenarioPanel(ProjectViewModel project) {
        this.editor = project.editor();
        ScenarioListViewModel list = project.scenarios();
        setId("scenario-panel");
        setFitToWidth(true);
        VBox content = new VBox(8);
        content.setPadding(new Insets(8));

        scenarioBox.setId("scenario-box");
        scenarioBox.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(scenarioBox, Priority.ALWAYS);
        Runnable fillBox = () -> {
            updating = true;
            try {
                scenarioBox.getItems().setAll(list.scenarios().stream().map(Scenario::name).toList());
                scenarioBox.setValue(list.activeProperty().get());
            } finally {
                updating = false;
            }
        };
        list.scenarios().addListener((javafx.collections.ListChangeListener<Scenario>) c -> fillBox.run());
        list.activeProperty().addListener((o, a, b) -> fillBox.run());
        scenarioBox.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                list.switchTo(b);
            }
        });
        Button dup = new Button("Duplicate");
        dup.setOnAction(e -> list.askAndDuplicate());
        Button ren = new Button("Rename");
        ren.setOnAction(e -> list.askAndRename());
        Button del = new Button("Delete");
        del.disableProperty().bind(Bindings.size(list.scenarios()).lessThan(2));
        del.setOnAction(e -> list.delete());

        candidates.setId("candidates-layer");
        candidates.setTooltip(new Tooltip("The layer whose features are the candidate sites (polygons or points)"));
        candidates.setOnShowing(e -> candidates.getItems().setAll(editor.candidateChoices()));
        idField.setId("candidates-id");
        idField.setTooltip(new Tooltip("The attribute that identifies a site (empty: the feature id)"));
        candidates.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                idField.getItems().setAll(editor.idFieldChoices(b));
                editor.setCandidates(b, null);
            }
        });
        idField.valueProperty().addListener((o, a, b) -> {
            if (!updating && candidates.getValue() != null) {
                editor.setCandidates(candidates.getValue(), b == null || b.isBlank() ? null : b);
            }
        });
        GridPane site = grid();
        site.addRow(0, new Label("Candidates"), candidates);
        site.addRow(1, new Label("Id field"), idField);

        GridPane campus = grid();
        number(campus, 0, "IT load", "MW", "it-load", editor::setItLoadMw, s -> s.campus().itLoadMw());
        number(campus, 1, "PUE", "", "pue", editor::setPue, s -> s.campus().pue());
        number(campus, 2, "Minimum area", "acres", "min-acres", editor::setMinAcres, s -> s.campus().minAcres());
        Label demand = new Label();
        demand.setStyle("-fx-text-fill: #555;");
        demand.textProperty().bind(Bindings.createStringBinding(() -> editor.current() == null ? ""
                : String.format(Locale.ROOT, "Grid demand: %,.0f MW", editor.current().campus().demandMw()),
                editor.scenarioProperty()));

        ChoiceBox<MethodSpec.Type> method = new ChoiceBox<>();
        method.setId("method");
        method.getItems().addAll(MethodSpec.Type.values());
        method.setConverter(new StringConverter<>() {
            @Override
            public String toString(MethodSpec.Type t) {
                return t == null ? "" : t == MethodSpec.Type.TOPSIS ? "TOPSIS" : t == MethodSpec.Type.OWA
                        ? "OWA (orness 0.5)" : "Weighted sum";
            }

            @Override
            public MethodSpec.Type fromString(String s) {
                return null;
            }
        });
        method.valueProperty().bindBidirectional(editor.methodProperty());
        Button ahp = new Button("AHP weights…");
        ahp.setId("ahp-button");
        ahp.setOnAction(e -> editor.ahpWeights());
        HBox methodRow = new HBox(6, new Label("Method"), method, ahp);
        methodRow.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("scenario-status");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(() -> statusText(editor.resultProperty(),
                editor.problemProperty().get(), editor.evaluatingProperty().get()), editor.resultProperty(),
                editor.problemProperty(), editor.evaluatingProperty()));
        content.getChildren().addAll(section("Scenario"), new HBox(4, scenarioBox), new HBox(4, dup, ren, del),
                site, new Separator(), section("Campus"), campus, demand, new Separator(), methodRow,
                section("Criteria and weights"), new CriteriaView(editor, project.criteria()), new Separator(),
                section("Constraints"), new ConstraintsView(project.constraints(), editor), status);
        setContent(content);
        editor.scenarioProperty().addListener((o, a, s) -> showCandidates(s));
        showCandidates(editor.current());
        fillBox.run();
    }

    private void showCandidates(Scenario s) {
        updating = true;
        try {
            String layer = editor.candidatesLayer();
            candidates.setValue(layer);
            idField.getItems().setAll(layer == null ? java.util.List.of() : editor.idFieldChoices(layer));
            idField.setValue(s == null ? null : s.idField());
        } finally {
            updating = false;
        }
    }

    private static String statusText(ReadOnlyObjectProperty<ScoreResult> result, String problem, boolean evaluating) {
        if (evaluating) {
            return "Evaluating…";
        }
        if (!problem.isEmpty()) {
            return problem;
        }
        ScoreResult r = result.get();
        return r == null ? "" : String.format(Locale.ROOT, "%s scored, %s all constraints.", io.siteplanner.model.Plural.of(r.size(), "site"),
                io.siteplanner.model.Plural.of(r.passedCount(), "passes", "pass"));
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        g.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(110), new ColumnConstraints());
        return g;
    }

    private static Label section(String s) {
        Label l = new Label(s);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    /** A number field that commits on Enter or when it loses focus, and follows the scenario. */
    private void number(GridPane g, int row, String label, String unit, String id, DoubleConsumer commit,
            java.util.function.ToDoubleFunction<Scenario> value) {
        TextField f = new TextField();
        f.setId(id);
        Runnable show = () -> {
            Scenario s = editor.current();
            f.setText(s == null ? "" : io.siteplanner.model.Units.number(value.applyAsDouble(s)).replace(",", ""));
        };
        Runnable apply = () -> {
            try {
                double v = Double.parseDouble(f.getText().trim().replace(",", ""));
                if (Double.isFinite(v) && v >= 0) {
                    commit.accept(v);
                }
            } catch (NumberFormatException ex) {
                // not a number: the field goes back to the scenario's value
            }
            show.run();
        };
        f.setOnAction(e -> apply.run());
        f.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                apply.run();
            }
        });
        editor.scenarioProperty().addListener((o, a, b) -> show.run());
        show.run();
        g.addRow(row, new Label(label), f, new Label(unit));
    }
}
