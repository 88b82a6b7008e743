package io.siteplanner.ui;

import io.siteplanner.model.Units;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The ranked sites: rank, id, score, P(top k) and P(rank 1) from the latest rank robustness run, pass/fail,
 * raw values with units and reasons. Sortable by any column, filterable by id text and "passed only";
 * selection is reported as site indices and can be set from the map; double-click zooms to the site.
 */
public final class SiteTable extends BorderPane {
    /**
     * One site. Rows stay the same for a scored candidate layer; their values are read from the current
     * result, so a re-score only re-sorts and repaints (no 100,000 new rows on the FX thread).
     */
    public final class SiteRow {
        private final int index;

        SiteRow(int index) {
            this.index = index;
        }

        public int index() {
            return index;
        }

        public int rank() {
            return current.rank(index);
        }

        public String id() {
            Object id = current.session().id(index);
            return id == null ? "" : id.toString();
        }

        public double score() {
            return current.score(index);
        }

        public boolean passed() {
            return current.passed(index);
        }

        /** P(top k) from the rank robustness figures (NaN without them). */
        public double pTopK() {
            return robustness == null ? Double.NaN : robustness.pTopK(index);
        }

        /** P(rank 1) from the rank robustness figures (NaN without them). */
        public double pRank1() {
            return robustness == null ? Double.NaN : robustness.pRank1(index);
        }

        public double raw(int criterion) {
            return current.session().raw(criterion)[index];
        }

        /** The raw value for people: a category's text, or the number with its unit. */
        public String text(int criterion, Units.DistanceUnit du) {
            return current.format(criterion, index, du);
        }

        /** Failed constraints and missing values, computed when shown. */
        public String reasons() {
            return String.join("; ", current.reasons(index));
        }
    }

    private ScoreResult current;
    private SiteRow[] byIndex = new SiteRow[0];

    private final TableView<SiteRow> table = new TableView<>();
    private final ObservableList<SiteRow> rows = FXCollections.observableArrayList();
    private final FilteredList<SiteRow> filtered = new FilteredList<>(rows, r -> true);
    private final TextField filterText = new TextField();
    private final CheckBox passedOnly = new CheckBox("Passed only");
    private final Label summary = new Label();
    private final javafx.scene.control.Button compare = new javafx.scene.control.Button("Compare");
    private Consumer<int[]> onCompare = a -> { };
    private final javafx.scene.control.Button shortlist = new javafx.scene.control.Button("Shortlist");
    private Consumer<int[]> onShortlist = a -> { };
    private Units.DistanceUnit distanceUnit = Units.defaultDistanceUnit(Locale.getDefault());
    private ScoringSession columnsFor;
    private Consumer<BitSet> onSelect = b -> { };
    private IntConsumer onOpen = i -> { };
    private boolean syncing;
    private RobustnessViewModel robustness;
    private final javafx.scene.control.Button robust = new javafx.scene.control.Button("Rank robustness…");
    private TableColumn<SiteRow, Number> pTopKColumn;
    private TableColumn<SiteRow, Number> pRank1Column;

    public SiteTable() {
        setId("site-table");
        table.setId("site-table-view");
        SortedList<SiteRow> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No scored sites yet"));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<SiteRow>) c -> {
            if (syncing) {
                return;
            }
            BitSet b = new BitSet();
            for (SiteRow r : table.getSelectionModel().getSelectedItems()) {
                if (r != null) {
                    b.set(r.index());
                }
            }
            onSelect.accept(b);
        });
        table.setRowFactory(tv -> {
            TableRow<SiteRow> row = new TableRow<>() {
                @Override
                protected void updateItem(SiteRow item, boolean empty) {
                    super.updateItem(item, empty);
                    setStyle(item != null && !item.passed() ? "-fx-text-background-color: #8a8a8a;" : "");
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    onOpen.accept(row.getItem().index());
                }
            });
            return row;
        });
        filterText.setPromptText("Filter by site id…");
        filterText.textProperty().addListener((o, a, b) -> refilter());
        passedOnly.selectedProperty().addListener((o, a, b) -> refilter());
        compare.setId("compare-button");
        compare.setTooltip(new Tooltip("Compare the selected sites side by side (Ctrl+K): 2 to 4, or the first 4"
                + " of more"));
        compare.setDisable(true);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<SiteRow>) c -> {
            int n = table.getSelectionModel().getSelectedItems().size();
            compare.setDisable(n < 2);
        });
        compare.setOnAction(e -> compareSelected());
        shortlist.setId("shortlist-button");
        shortlist.setTooltip(new Tooltip("Add the selected sites to the shortlist"));
        shortlist.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        shortlist.setOnAction(e -> onShortlist.accept(table.getSelectionModel().getSelectedItems().stream()
                .mapToInt(SiteRow::index).toArray()));
        robust.setId("robustness-button");
        robust.setTooltip(new Tooltip("How sure is the ranking? Draw the weights many times and fill the P(top k)"
                + " and P(rank 1) columns (Scenario > Rank Robustness…)"));
        robust.setDisable(true);
        HBox bar = new HBox(8, new Label("Sites"), filterText, passedOnly, compare, shortlist, robust, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        HBox.setHgrow(summary, Priority.ALWAYS);
        setTop(bar);
        setCenter(table);
    }

    /** Compare button: the selected site indices in table order (2 to 4). */
    public void setOnCompare(Consumer<int[]> c) {
        onCompare = c;
    }

    /** Shortlist button: the selected site indices. */
    public void setOnShortlist(Consumer<int[]> c) {
        onShortlist = c;
    }

    /** Compares the selected sites when 2 or more are selected (the comparison takes the first 4). */
    public void compareSelected() {
        var sel = table.getSelectionModel().getSelectedItems();
        if (sel.size() >= 2) {
            onCompare.accept(sel.stream().mapToInt(SiteRow::index).toArray());
        }
    }

    /**
     * Shows the figures of a rank robustness view-model in the P(top k) and P(rank 1) columns (stale figures
     * greyed, with "stale" in the header), and runs it from the "Rank robustness…" button.
     */
    public void setRobustness(RobustnessViewModel vm) {
        robustness = vm;
        robust.setDisable(false);
        robust.disableProperty().bind(vm.runningProperty());
        robust.setOnAction(e -> vm.chooseAndRun());
        vm.resultProperty().addListener((o, a, b) -> robustnessChanged());
        vm.staleProperty().addListener((o, a, b) -> robustnessChanged());
    }

    private void robustnessChanged() {
        updateRobustnessHeaders();
        table.refresh();
    }

    private void updateRobustnessHeaders() {
        if (pTopKColumn == null) {
            return;
        }
        boolean stale = robustness != null && robustness.staleProperty().get();
        String topK = robustness == null ? "P(top 10)" : robustness.topKHeader();
        String tip = robustness == null ? "" : robustness.describe();
        header(pTopKColumn, topK + (stale ? " stale" : ""), "Share of the draws in which the site ranks in"
                + " the top k (SMAA-2). " + tip);
        header(pRank1Column, "P(rank 1)" + (stale ? " stale" : ""), "Share of the draws in which the site ranks"
                + " first (SMAA-2 rank-1 acceptability). " + tip);
    }

    private static void header(TableColumn<?, ?> col, String text, String tip) {
        Label h = new Label(text);
        Tooltip t = new Tooltip(tip);
        t.setWrapText(true);
        t.setMaxWidth(420);
        h.setTooltip(t);
        col.setText(null);
        col.setGraphic(h);
    }

    /** The P(top k) column (for tests). */
    public TableColumn<SiteRow, Number> pTopKColumn() {
        return pTopKColumn;
    }

    /** The P(rank 1) column (for tests). */
    public TableColumn<SiteRow, Number> pRank1Column() {
        return pRank1Column;
    }

    private TableColumn<SiteRow, Number> probabilityColumn(String id, java.util.function.ToDoubleFunction<SiteRow> p) {
        TableColumn<SiteRow, Number> col = new TableColumn<>();
        col.setId(id);
        col.setCellValueFactory(c -> {
            double v = p.applyAsDouble(c.getValue());
            return new ReadOnlyObjectWrapper<>(Double.isNaN(v) ? -1.0 : v);
        });
        col.setCellFactory(k -> new TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                if (empty || v == null || v.doubleValue() < 0) {
                    setText(null);
                    setStyle("");
                    return;
                }
                setText(RobustnessViewModel.percent(v.doubleValue()));
                setStyle("-fx-alignment: CENTER-RIGHT;" + (robustness != null && robustness.staleProperty().get()
                        ? " -fx-text-fill: #9a9a9a; -fx-font-style: italic;" : ""));
            }
        });
        col.setPrefWidth(118); // "P(top 10) stale"
        return col;
    }

    public void setOnSelect(Consumer<BitSet> c) {
        onSelect = c;
    }

    /** Double-click on a row: the site index. */
    public void setOnOpen(IntConsumer c) {
        onOpen = c;
    }

    public TableView<SiteRow> tableView() {
        return table;
    }

    public void setDistanceUnit(Units.DistanceUnit u) {
        distanceUnit = u;
        columnsFor = null;
    }

    private void refilter() {
        String t = filterText.getText() == null ? "" : filterText.getText().trim().toLowerCase(Locale.ROOT);
        boolean p = passedOnly.isSelected();
        filtered.setPredicate(r -> (!p || r.passed()) && (t.isEmpty() || r.id().toLowerCase(Locale.ROOT).contains(t)));
    }

    /** Shows a result: rebuilds rows, keeps sorting and selection. FX thread. */
    public void show(ScoreResult result) {
        ScoringSession s = result.session();
        BitSet selected = selection();
        current = result;
        syncing = true;
        try {
            if (columnsFor != s) {
                buildColumns(s);
                columnsFor = s;
                byIndex = new SiteRow[result.size()];
                for (int i = 0; i < byIndex.length; i++) {
                    byIndex[i] = new SiteRow(i);
                }
            }
            // rows in rank order straight from the result (no comparator sort of 100,000 rows per re-score);
            // a column the user sorts by re-sorts through the table's comparator
            List<SiteRow> ordered = new ArrayList<>(byIndex.length);
            for (int p = 0; p < byIndex.length; p++) {
                ordered.add(byIndex[result.siteAt(p)]);
            }
            rows.setAll(ordered);
            refilter();
            table.refresh();
            select(selected, false);
        } finally {
            syncing = false;
        }
        summary.setText(io.siteplanner.model.Plural.of(result.size(), "site") + ", " + io.siteplanner.model.Plural.of(result.passedCount(), "passes", "pass")
                + " all constraints");
    }

    /** Site indices selected in the table. */
    public BitSet selection() {
        BitSet b = new BitSet();
        for (SiteRow r : table.getSelectionModel().getSelectedItems()) {
            if (r != null) {
                b.set(r.index());
            }
        }
        return b;
    }

    /** Selects sites (from the map); scrolls to the first when asked. */
    public void select(BitSet sites, boolean scroll) {
        boolean wasSyncing = syncing;
        syncing = true;
        try {
            table.getSelectionModel().clearSelection();
            int first = -1;
            ObservableList<SiteRow> items = table.getItems();
            int[] hits = new int[sites.cardinality()];
            int n = 0;
            for (int k = 0; k < items.size() && n < hits.length; k++) {
                if (sites.get(items.get(k).index())) {
                    hits[n++] = k;
                }
            }
            if (n > 0) {
                // one call: selecting row by row is quadratic (a minute for 5,000 sites)
                table.getSelectionModel().selectIndices(hits[0], java.util.Arrays.copyOfRange(hits, 1, n));
                first = hits[0];
            }
            if (scroll && first >= 0) {
                table.scrollTo(Math.max(0, first - 2));
            }
        } finally {
            syncing = wasSyncing;
        }
    }

    private void buildColumns(ScoringSession s) {
        table.getColumns().clear();
        TableColumn<SiteRow, Number> rank = new TableColumn<>("Rank");
        rank.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rank()));
        rank.setPrefWidth(55);
        TableColumn<SiteRow, String> id = new TableColumn<>(s.idField() == null ? "Site" : s.idField());
        id.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().id()));
        id.setPrefWidth(90);
        TableColumn<SiteRow, Number> score = new TableColumn<>("Score");
        score.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().score()));
        score.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : String.format(Locale.ROOT, "%.4f", v.doubleValue()));
            }
        });
        score.setPrefWidth(70);
        TableColumn<SiteRow, String> passed = new TableColumn<>("Pass");
        passed.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().passed() ? "yes" : "no"));
        passed.setPrefWidth(45);
        pTopKColumn = probabilityColumn("p-top-k", SiteRow::pTopK);
        pRank1Column = probabilityColumn("p-rank-1", SiteRow::pRank1);
        updateRobustnessHeaders();
        table.getColumns().add(rank);
        table.getColumns().add(id);
        table.getColumns().add(score);
        table.getColumns().add(pTopKColumn);
        table.getColumns().add(pRank1Column);
        table.getColumns().add(passed);
        for (int c = 0; c < s.criteria().size(); c++) {
            final int ci = c;
            String unit = s.column(c).unit();
            String label = s.criteria().get(c).label();
            String ul = Units.label(unit, distanceUnit);
            TableColumn<SiteRow, Number> col = new TableColumn<>(s.criteria().get(c).id() + (ul.isEmpty() ? "" : " (" + ul + ")"));
            Label header = new Label(col.getText());
            if (label != null) {
                header.setTooltip(new Tooltip(label));
            }
            col.setText(null);
            col.setGraphic(header);
            col.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(Units.toDisplay(r.getValue().raw(ci), unit,
                    distanceUnit)));
            col.setCellFactory(k -> new TableCell<>() {
                @Override
                protected void updateItem(Number v, boolean empty) {
                    super.updateItem(v, empty);
                    if (empty || v == null || getTableRow() == null || getTableRow().getItem() == null) {
                        setText(null);
                        return;
                    }
                    setText(getTableRow().getItem().text(ci, distanceUnit));
                }
            });
            col.setStyle("-fx-alignment: CENTER-RIGHT;");
            col.setPrefWidth(Math.max(95, 8 * header.getText().length() + 20)); // the header with its unit fits
            table.getColumns().add(col);
        }
        TableColumn<SiteRow, String> reasons = new TableColumn<>("Reasons");
        reasons.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().reasons()));
        reasons.setPrefWidth(220);
        table.getColumns().add(reasons);
        table.getSortOrder().clear(); // rows come in rank order; a click on a header sorts by that column
    }
}
