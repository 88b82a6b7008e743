package io.siteplanner.ui;

import io.siteplanner.gis.FieldStatistics;
import io.siteplanner.gis.SelectMode;
import io.siteplanner.model.Field;
import java.util.BitSet;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;

/**
 * Binds an {@link AttributeTableViewModel}: a tool bar (select all, invert, clear, select shown, zoom to
 * selection, selected only), the filter builder with Apply and Clear, a virtualised table of the features
 * (one column per field; a click on a header sorts through the view-model, off the FX thread) and a field
 * statistics panel. Ids for tests: {@code attr-table}, {@code attr-summary}, {@code attr-apply-filter},
 * {@code attr-stats-field}, {@code attr-stats-scope}, {@code attr-stats}, {@code attr-zoom-selection}.
 */
public final class AttributeTableView extends BorderPane {
    private final AttributeTableViewModel vm;
    private final TableView<Integer> table = new TableView<>();
    private final GridPane statsGrid = new GridPane();
    private static final javafx.css.PseudoClass SELECTED_FEATURE = javafx.css.PseudoClass.getPseudoClass("selected-feature");
    private final javafx.beans.value.ChangeListener<BitSet> selectionListener = (o, a, b) -> showSelection();
    private boolean picking;
    private int anchor = -1;

    public AttributeTableView(AttributeTableViewModel vm) {
        this.vm = vm;
        setId("attribute-table");
        getStylesheets().add("data:text/css;base64," + java.util.Base64.getEncoder().encodeToString((
                ".table-row-cell:selected-feature { -fx-background-color: #8fd3ff; -fx-text-background-color: black; }"
                + " .table-row-cell:selected-feature:hover { -fx-background-color: #6cc4ff; }")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        table.setId("attr-table");
        table.setItems(vm.rows());
        // the selection is the layer's BitSet, drawn by the rows themselves: a map selection of 50,000 features
        // costs a repaint of the visible rows, not 50,000 TableView selection changes
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setPlaceholder(new Label("No features match"));
        buildColumns();
        table.setSortPolicy(t -> {
            if (t.getSortOrder().isEmpty()) {
                vm.sortBy(null, true);
            } else {
                TableColumn<Integer, ?> c = t.getSortOrder().get(0);
                vm.sortBy((String) c.getUserData(), c.getSortType() == TableColumn.SortType.ASCENDING);
            }
            return true;
        });
        vm.item().selectionProperty().addListener(selectionListener);
        vm.rows().addListener((ListChangeListener<Integer>) c -> showSelection());
        table.setRowFactory(tv -> {
            javafx.scene.control.TableRow<Integer> row = new javafx.scene.control.TableRow<>() {
                @Override
                protected void updateItem(Integer feature, boolean empty) {
                    super.updateItem(feature, empty);
                    pseudoClassStateChanged(SELECTED_FEATURE, !empty && feature != null
                            && vm.item().selectionProperty().get().get(feature));
                }
            };
            row.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
                if (row.getItem() != null && e.getButton() == MouseButton.PRIMARY) {
                    pick(row.getIndex(), e.isShiftDown(), e.isShortcutDown());
                    table.requestFocus();
                    e.consume();
                }
            });
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    vm.zoomToSelection();
                }
            });
            return row;
        });

        Button all = button("Select All", "Select every feature of the layer", vm::selectAll);
        Button invert = button("Invert", "Invert the selection", vm::invertSelection);
        Button clear = button("Deselect", "Clear the selection", vm::clearSelection);
        Button shown = button("Select Shown", "Select the features the filter shows", vm::selectShown);
        Button zoom = button("Zoom to Selection", "Zoom the map to the selected features (Ctrl+J)", vm::zoomToSelection);
        zoom.setId("attr-zoom-selection");
        CheckBox only = new CheckBox("Selected only");
        only.setId("attr-selected-only");
        only.selectedProperty().bindBidirectional(vm.selectedOnlyProperty());
        Label summary = new Label();
        summary.setId("attr-summary");
        summary.textProperty().bind(vm.summaryProperty());
        Label busy = new Label("working…");
        busy.visibleProperty().bind(vm.busyProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(6, all, invert, clear, shown, zoom, only, gap, busy, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));

        FilterBuilderView fb = new FilterBuilderView(vm.filter());
        Button apply = button("Apply Filter", "Show only the features matching the expression", vm::applyFilter);
        apply.setId("attr-apply-filter");
        apply.setDefaultButton(false);
        Button noFilter = button("Show All", "Remove the filter", vm::clearFilter);
        Label applied = new Label();
        applied.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.appliedFilterProperty()
                .get().isEmpty() ? "no filter" : "filter: " + vm.appliedFilterProperty().get(), vm.appliedFilterProperty()));
        Label problem = new Label();
        problem.setStyle("-fx-text-fill: #b00;");
        problem.textProperty().bind(vm.problemProperty());
        HBox applyRow = new HBox(6, apply, noFilter, applied, problem);
        applyRow.setAlignment(Pos.CENTER_LEFT);
        TitledPane filterPane = new TitledPane("Filter (CQL expression)", new VBox(4, fb, applyRow));
        filterPane.setExpanded(false);
        filterPane.setAnimated(false);

        SplitPane centre = new SplitPane(table, statsPanel());
        centre.setDividerPositions(0.75);
        SplitPane.setResizableWithParent(centre.getItems().get(1), false);
        setTop(new VBox(bar, filterPane));
        setCenter(centre);
        showSelection();
    }

    public TableView<Integer> tableView() {
        return table;
    }

    public AttributeTableViewModel viewModel() {
        return vm;
    }

    private static Button button(String text, String tip, Runnable r) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> r.run());
        return b;
    }

    private void buildColumns() {
        int fi = 0;
        for (Field f : vm.layer().schema().fields()) {
            final int k = fi++;
            String unit = vm.unit(f.name());
            TableColumn<Integer, String> col = new TableColumn<>(f.name() + (unit.isEmpty() ? "" : " (" + unit + ")"));
            col.setUserData(f.name());
            col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(AttributeTableViewModel.text(vm.value(c.getValue(), k))));
            if (f.type().isNumeric()) {
                col.setStyle("-fx-alignment: CENTER-RIGHT;");
            }
            col.setPrefWidth(width(f.name() + (unit.isEmpty() ? "" : " (" + unit + ")"), k));
            table.getColumns().add(col);
        }
    }

    /** A column width for the header and the first 200 values (about 7 px a character), 60 to 260 px. */
    private double width(String header, int field) {
        int chars = header.length() + 2;
        int n = Math.min(200, vm.layer().size());
        for (int i = 0; i < n; i++) {
            chars = Math.max(chars, AttributeTableViewModel.text(vm.value(i, field)).length());
        }
        return Math.max(60, Math.min(260, chars * 7.5 + 16));
    }

    /**
     * A click on a row: selects its feature; Shift: the rows from the last clicked one; Ctrl/Cmd: adds or
     * removes the feature (with Shift: adds the range), as in QGIS and file managers.
     */
    private void pick(int row, boolean shift, boolean shortcut) {
        picking = true;
        try {
            BitSet b = new BitSet();
            if (shift && anchor >= 0 && anchor < vm.rows().size()) {
                for (int r = Math.min(anchor, row); r <= Math.max(anchor, row); r++) {
                    b.set(vm.rows().get(r));
                }
                vm.select(b, shortcut ? SelectMode.ADD : SelectMode.NEW);
                return;
            }
            int f = vm.rows().get(row);
            b.set(f);
            if (shortcut) {
                vm.select(b, vm.item().selectionProperty().get().get(f) ? SelectMode.REMOVE : SelectMode.ADD);
            } else {
                vm.select(b, SelectMode.NEW);
            }
            anchor = row;
        } finally {
            picking = false;
        }
    }

    /** Repaints the visible rows; a selection made elsewhere (map, dialogs) scrolls to its first row. */
    private void showSelection() {
        table.refresh();
        if (!picking) {
            int[] pos = vm.positionsOf(vm.item().selectionProperty().get());
            if (pos.length > 0) {
                table.scrollTo(Math.max(0, pos[0] - 2));
            }
        }
    }

    /** Whether the row at a position shows a selected feature. */
    public boolean isSelectedRow(int row) {
        return row >= 0 && row < vm.rows().size() && vm.item().selectionProperty().get().get(vm.rows().get(row));
    }

    /** Stops following the layer (the window closed). */
    public void dispose() {
        vm.item().selectionProperty().removeListener(selectionListener);
        vm.dispose();
    }

    private VBox statsPanel() {
        ComboBox<String> field = new ComboBox<>();
        field.setId("attr-stats-field");
        field.getItems().setAll(vm.layer().schema().names());
        field.valueProperty().bindBidirectional(vm.statsFieldProperty());
        ChoiceBox<AttributeTableViewModel.StatsScope> scope = new ChoiceBox<>();
        scope.setId("attr-stats-scope");
        scope.getItems().setAll(AttributeTableViewModel.StatsScope.values());
        scope.valueProperty().bindBidirectional(vm.statsScopeProperty());
        statsGrid.setId("attr-stats");
        statsGrid.setHgap(8);
        statsGrid.setVgap(3);
        vm.statsProperty().addListener((o, a, s) -> showStats(s));
        showStats(vm.statsProperty().get());
        Label title = new Label("Field statistics");
        title.setStyle("-fx-font-weight: bold;");
        VBox box = new VBox(6, title, field, scope, statsGrid);
        box.setPadding(new Insets(6));
        box.setMinWidth(200);
        return box;
    }

    private void showStats(FieldStatistics s) {
        statsGrid.getChildren().clear();
        if (s == null) {
            statsGrid.add(new Label("computing…"), 0, 0);
            return;
        }
        int r = 0;
        r = row(r, "Features", String.format(Locale.ROOT, "%,d", s.rows()));
        r = row(r, "Count", String.format(Locale.ROOT, "%,d", s.count()));
        r = row(r, "Empty (null)", String.format(Locale.ROOT, "%,d", s.nulls()));
        java.util.List<Double> nd = vm.noData(s.field());
        if (!nd.isEmpty() || s.noData() > 0) {
            r = row(r, "No data (" + String.join(", ", nd.stream().map(d -> d == Math.rint(d) ? Long.toString((long) (double) d)
                    : Double.toString(d)).toList()) + ")", String.format(Locale.ROOT, "%,d", s.noData()));
        }
        r = row(r, "Distinct values", String.format(Locale.ROOT, "%,d", s.distinct()));
        String u = vm.unit(s.field());
        String unit = u.isEmpty() ? "" : " " + u;
        r = row(r, "Minimum", s.minText() == null ? "–" : s.minText() + (s.numeric() ? unit : ""));
        r = row(r, "Maximum", s.maxText() == null ? "–" : s.maxText() + (s.numeric() ? unit : ""));
        if (s.numeric()) {
            r = row(r, "Mean", Double.isNaN(s.mean()) ? "–" : FieldStatistics.text(s.mean()) + unit);
            row(r, "Sum", FieldStatistics.text(s.sum()) + unit);
        }
    }

    private int row(int r, String name, String value) {
        Label n = new Label(name);
        n.setStyle("-fx-text-fill: #555;");
        Label v = new Label(value);
        v.setId("attr-stat-" + name.toLowerCase(Locale.ROOT).replaceAll("\\W.*", ""));
        statsGrid.add(n, 0, r);
        statsGrid.add(v, 1, r);
        return r + 1;
    }
}
