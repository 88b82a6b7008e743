package io.siteplanner.ui;

import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.scenario.MethodSpec;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.scoring.scenario.TransformSpec;
import io.siteplanner.scoring.ScoreResult;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The scenario panel: campus inputs (with units), the scoring method, one weight slider per criterion
 * (the map and the table re-score live while dragging), transform editing, AHP weights, and the
 * constraints.
 */
public final class ScenarioPanel extends ScrollPane {
    private final ScenarioViewModel vm;
    private final VBox content = new VBox(8);
    private final Label title = new Label("No scenario");
    private final VBox criteriaBox = new VBox(6);
    private final VBox constraints = new VBox(4);
    private final Label status = new Label();
    private Runnable onCampusChanged = () -> { };
    private final ComboBox<String> scenarioBox = new ComboBox<>();
    private java.util.function.Consumer<String> onSwitch = n -> { };
    private java.util.function.Consumer<String> onDuplicate = n -> { };
    private java.util.function.Consumer<String> onRename = n -> { };
    private Runnable onDelete = () -> { };
    private boolean updatingBox;
    private final Window owner;

    public ScenarioPanel(ScenarioViewModel vm, Window owner) {
        this.vm = vm;
        this.owner = owner;
        setId("scenario-panel");
        setFitToWidth(true);
        content.setPadding(new Insets(8));
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
        title.setWrapText(true);

        GridPane campus = new GridPane();
        campus.setHgap(6);
        campus.setVgap(4);
        campus.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(90), new ColumnConstraints());
        addNumber(campus, 0, "IT load", vm.itLoadMwProperty(), "MW", "it-load");
        addNumber(campus, 1, "PUE", vm.pueProperty(), "", "pue");
        addNumber(campus, 2, "Minimum area", vm.minAcresProperty(), "acres", "min-acres");
        Label demand = new Label();
        demand.textProperty().bind(vm.itLoadMwProperty().multiply(vm.pueProperty()).asString(Locale.ROOT,
                "Grid demand: %,.0f MW"));
        demand.setStyle("-fx-text-fill: #555;");

        ChoiceBox<MethodSpec.Type> method = new ChoiceBox<>();
        method.setId("method");
        method.getItems().addAll(MethodSpec.Type.values());
        method.setConverter(new StringConverter<>() {
            @Override
            public String toString(MethodSpec.Type t) {
                if (t == null) {
                    return "";
                }
                switch (t) {
                    case TOPSIS: return "TOPSIS";
                    case OWA: return "OWA (orness 0.5)";
                    default: return "Weighted sum";
                }
            }

            @Override
            public MethodSpec.Type fromString(String s) {
                return null;
            }
        });
        method.valueProperty().bindBidirectional(vm.methodProperty());
        Button ahp = new Button("AHP weights…");
        ahp.setId("ahp-button");
        ahp.setOnAction(e -> AhpDialog.show(owner, vm));
        HBox methodRow = new HBox(6, new Label("Method"), method, ahp);
        methodRow.setAlignment(Pos.CENTER_LEFT);

        status.setWrapText(true);
        status.setStyle("-fx-text-fill: #555;");
        scenarioBox.setId("scenario-box");
        scenarioBox.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(scenarioBox, Priority.ALWAYS);
        Runnable fillBox = () -> {
            updatingBox = true;
            try {
                scenarioBox.getItems().setAll(vm.scenarios().stream().map(Scenario::name).toList());
                scenarioBox.setValue(vm.activeNameProperty().get());
            } finally {
                updatingBox = false;
            }
        };
        vm.scenarios().addListener((javafx.collections.ListChangeListener<Scenario>) c -> fillBox.run());
        vm.activeNameProperty().addListener((o, a, b) -> fillBox.run());
        scenarioBox.valueProperty().addListener((o, a, b) -> {
            if (!updatingBox && b != null) {
                onSwitch.accept(b);
            }
        });
        Button dup = new Button("Duplicate");
        dup.setOnAction(e -> ask("Duplicate scenario", "Name of the copy:", vm.activeNameProperty().get() + " (copy)")
                .ifPresent(onDuplicate));
        Button ren = new Button("Rename");
        ren.setOnAction(e -> ask("Rename scenario", "New name:", vm.activeNameProperty().get()).ifPresent(onRename));
        Button del = new Button("Delete");
        del.disableProperty().bind(javafx.beans.binding.Bindings.size(vm.scenarios()).lessThan(2));
        del.setOnAction(e -> onDelete.run());
        HBox scenarioRow = new HBox(4, scenarioBox);
        HBox scenarioButtons = new HBox(4, dup, ren, del);
        content.getChildren().addAll(sectionLabel("Scenario"), scenarioRow, scenarioButtons, new Separator(), title,
                sectionLabel("Campus"), campus, demand, new Separator(), methodRow,
                sectionLabel("Criteria and weights"), criteriaBox, new Separator(), sectionLabel("Constraints"),
                constraints, status);
        setContent(content);

        vm.criteria().addListener((javafx.collections.ListChangeListener<ScenarioViewModel.CriterionRow>) c -> rebuild());
        vm.constraints().addListener((javafx.collections.ListChangeListener<ConstraintSpec>) c -> rebuildConstraints());
        vm.scenarioProperty().addListener((o, a, s) -> {
            title.setText(s == null ? "No scenario" : s.name());
            rebuild();
        });
        vm.resultProperty().addListener((o, a, r) -> showResult(r));
    }

    /** Actions of the scenario switcher. */
    public void setScenarioActions(java.util.function.Consumer<String> switchTo, java.util.function.Consumer<String> duplicate,
            java.util.function.Consumer<String> rename, Runnable delete) {
        onSwitch = switchTo;
        onDuplicate = duplicate;
        onRename = rename;
        onDelete = delete;
    }

    private java.util.Optional<String> ask(String title, String prompt, String initial) {
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(initial);
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(prompt);
        return d.showAndWait().map(String::trim).filter(x -> !x.isEmpty());
    }

    /** Called when IT load or PUE changed and the scenario must be evaluated again. */
    public void setOnCampusChanged(Runnable r) {
        onCampusChanged = r;
    }

    private static Label sectionLabel(String s) {
        Label l = new Label(s);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private void addNumber(GridPane g, int row, String label, DoubleProperty p, String unit, String id) {
        TextField f = new TextField();
        f.setId(id);
        TextFormatter<Double> tf = new TextFormatter<>(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : (d == Math.rint(d) ? String.format(Locale.ROOT, "%.0f", d)
                        : String.format(Locale.ROOT, "%.2f", d));
            }

            @Override
            public Double fromString(String s) {
                try {
                    double v = Double.parseDouble(s.trim().replace(",", ""));
                    return v > 0 && Double.isFinite(v) ? v : p.get();
                } catch (NumberFormatException e) {
                    return p.get();
                }
            }
        });
        f.setTextFormatter(tf);
        tf.setValue(p.get());
        p.addListener((o, a, b) -> tf.setValue(b.doubleValue()));
        tf.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != p.get()) {
                if (p == vm.minAcresProperty()) {
                    vm.setMinAcres(b);
                    return;
                }
                p.set(b);
                if (vm.campusChanged()) {
                    onCampusChanged.run();
                } else {
                    vm.rescore();
                }
            }
        });
        g.addRow(row, new Label(label), f, new Label(unit));
    }

    /** Listeners the last rebuild put on the view-model's rows; removed before the next rebuild. */
    private final java.util.List<Runnable> detach = new java.util.ArrayList<>();

    private <T> void listen(javafx.beans.value.ObservableValue<T> p, javafx.beans.value.ChangeListener<? super T> l) {
        p.addListener(l);
        detach.add(() -> p.removeListener(l));
    }

    private void rebuild() {
        detach.forEach(Runnable::run);
        detach.clear();
        criteriaBox.getChildren().clear();
        java.util.List<Runnable> percentages = new java.util.ArrayList<>();
        for (ScenarioViewModel.CriterionRow x : vm.criteria()) {
            listen(x.weightProperty(), (o, a, b) -> percentages.forEach(Runnable::run));
        }
        for (ScenarioViewModel.CriterionRow r : vm.criteria()) {
            Label name = new Label(r.id());
            name.setStyle("-fx-font-weight: bold;");
            name.setTooltip(new Tooltip(r.label() + "\n" + r.spec().kind().json()));
            Label desc = new Label(r.label());
            desc.setStyle("-fx-text-fill: #555; -fx-font-size: 11px;");
            desc.setWrapText(true);
            Slider s = new Slider(0, 1, r.weightProperty().get());
            s.setId("weight-" + r.id());
            s.setBlockIncrement(0.05);
            s.valueProperty().bindBidirectional(r.weightProperty());
            HBox.setHgrow(s, Priority.ALWAYS);
            Label pct = new Label();
            pct.setMinWidth(44);
            pct.setId("weight-pct-" + r.id());
            Runnable upd = () -> pct.setText(String.format(Locale.ROOT, "%.0f %%", 100 * normalised(r)));
            upd.run();
            percentages.add(upd);
            Button edit = new Button("…");
            edit.setTooltip(new Tooltip("Edit the transform to a 0..1 score"));
            edit.setOnAction(e -> TransformDialog.show(owner, r.id(), r.transformProperty().get())
                    .ifPresent(t -> r.transformProperty().set(t)));
            Label tr = new Label(describe(r.transformProperty().get()));
            tr.setStyle("-fx-text-fill: #777; -fx-font-size: 11px;");
            listen(r.transformProperty(), (o, a, b) -> tr.setText(describe(b)));
            HBox row = new HBox(6, s, pct, edit);
            row.setAlignment(Pos.CENTER_LEFT);
            criteriaBox.getChildren().add(new VBox(1, name, desc, row, tr));
        }
        rebuildConstraints();
    }

    /** Editable comparison constraints (op, value, remove), exclusions as text, and an "add" row. */
    private void rebuildConstraints() {
        constraints.getChildren().clear();
        for (int i = 0; i < vm.constraints().size(); i++) {
            final int idx = i;
            ConstraintSpec k = vm.constraints().get(i);
            Button remove = new Button("✕");
            remove.setTooltip(new Tooltip("Remove this constraint"));
            remove.setOnAction(e -> vm.constraints().remove(idx));
            if (k.isExclusion()) {
                Label l = new Label("not within " + io.siteplanner.model.Units.number(k.buffer()) + " m of " + k.exclude()
                        + (k.filter() == null ? "" : " [" + k.filter() + "]"));
                l.setWrapText(true);
                HBox row = new HBox(6, l, remove);
                row.setAlignment(Pos.CENTER_LEFT);
                constraints.getChildren().add(row);
                continue;
            }
            ChoiceBox<String> op = new ChoiceBox<>();
            op.getItems().addAll("<", "<=", ">", ">=", "==", "!=");
            op.setValue(k.op());
            TextField value = new TextField(io.siteplanner.model.Units.number(k.value()).replace(",", ""));
            value.setId("constraint-value-" + k.criterion());
            value.setPrefColumnCount(7);
            Runnable commit = () -> {
                try {
                    double v = Double.parseDouble(value.getText().trim().replace(",", ""));
                    ConstraintSpec next = new ConstraintSpec(k.criterion(), op.getValue(), v, null, null, null, k.label());
                    if (!next.equals(k)) {
                        vm.constraints().set(idx, next);
                    }
                } catch (NumberFormatException ex) {
                    value.setText(io.siteplanner.model.Units.number(k.value()).replace(",", ""));
                }
            };
            value.setOnAction(e -> commit.run());
            value.focusedProperty().addListener((o, a, f) -> {
                if (!f) {
                    commit.run();
                }
            });
            op.setOnAction(e -> commit.run());
            HBox row = new HBox(6, new Label(k.criterion()), op, value, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            constraints.getChildren().add(row);
        }
        ChoiceBox<String> crit = new ChoiceBox<>();
        vm.criteria().forEach(r -> crit.getItems().add(r.id()));
        ChoiceBox<String> op = new ChoiceBox<>();
        op.getItems().addAll("<", "<=", ">", ">=", "==", "!=");
        op.setValue(">=");
        TextField value = new TextField();
        value.setPromptText("value");
        value.setPrefColumnCount(6);
        Button add = new Button("Add");
        add.setOnAction(e -> {
            try {
                if (crit.getValue() != null) {
                    vm.constraints().add(ConstraintSpec.compare(crit.getValue(), op.getValue(),
                            Double.parseDouble(value.getText().trim().replace(",", ""))));
                }
            } catch (NumberFormatException ex) {
                value.setText("");
            }
        });
        HBox addRow = new HBox(6, crit, op, value, add);
        addRow.setAlignment(Pos.CENTER_LEFT);
        constraints.getChildren().add(addRow);
    }

    private double normalised(ScenarioViewModel.CriterionRow r) {
        double sum = 0;
        for (ScenarioViewModel.CriterionRow x : vm.criteria()) {
            sum += x.weightProperty().get();
        }
        return sum > 0 ? r.weightProperty().get() / sum : 0;
    }

    /** A one-line description of a transform. */
    static String describe(TransformSpec t) {
        if (t == null) {
            return "";
        }
        String d = t.direction() == null ? "" : " " + t.direction().name().toLowerCase(Locale.ROOT);
        switch (t.type()) {
            case LINEAR: return "linear" + d + (t.min() != null ? " " + t.min() + "…" + t.max() : " over the data range");
            case THRESHOLD: return "threshold" + d + " at " + t.value();
            case SIGMOID: return "sigmoid" + d + ", midpoint " + t.midpoint() + ", spread " + t.spread();
            case GAUSSIAN: return "gaussian, ideal " + t.ideal() + ", spread " + t.spread();
            case PIECEWISE: {
                StringBuilder sb = new StringBuilder("piecewise");
                for (double[] p : t.points()) {
                    sb.append(' ').append(io.siteplanner.model.Units.number(p[0])).append('→').append(p[1]);
                }
                return sb.toString();
            }
            default: return t.type().json() + d;
        }
    }

    private void showResult(ScoreResult r) {
        if (r == null) {
            status.setText("");
            return;
        }
        status.setText(String.format(Locale.ROOT, "%,d sites scored, %,d pass all constraints.", r.size(), r.passedCount()));
    }
}
