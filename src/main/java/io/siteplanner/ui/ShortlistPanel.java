package io.siteplanner.ui;

import io.siteplanner.project.Shortlist;
import io.siteplanner.project.ShortlistEntry;
import io.siteplanner.project.SiteStatus;
import io.siteplanner.scoring.ScoreResult;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The shortlist: sites with status (candidate / visit / rejected) and a note each, with their current
 * rank and score. Every change goes through {@link #apply} so it can be undone.
 */
public final class ShortlistPanel extends BorderPane {
    private final ObjectProperty<Shortlist> shortlist = new SimpleObjectProperty<>(this, "shortlist", Shortlist.empty());
    private final TableView<ShortlistEntry> table = new TableView<>();
    private final UndoManager undo;
    private Map<String, Integer> siteIndex = new HashMap<>();
    private ScoreResult result;
    private Consumer<Integer> onOpen = i -> { };

    public ShortlistPanel(UndoManager undo) {
        this.undo = undo;
        setId("shortlist-panel");
        table.setId("shortlist-table");
        table.setEditable(true);
        table.setPlaceholder(new Label("No shortlisted sites.\nSelect sites in the table and press \"Shortlist\"."));
        TableColumn<ShortlistEntry, String> id = new TableColumn<>("Site");
        id.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().siteId()));
        TableColumn<ShortlistEntry, String> rank = new TableColumn<>("Rank / score");
        rank.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(rankText(c.getValue().siteId())));
        TableColumn<ShortlistEntry, SiteStatus> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        status.setCellFactory(c -> new TableCell<>() {
            private final ComboBox<SiteStatus> box = new ComboBox<>(FXCollections.observableArrayList(SiteStatus.values()));

            {
                box.setOnAction(e -> {
                    ShortlistEntry entry = getTableRow() == null ? null : getTableRow().getItem();
                    if (entry != null && box.getValue() != null && box.getValue() != entry.status()) {
                        apply("status of " + entry.siteId(), shortlist.get().update(entry.withStatus(box.getValue())));
                    }
                });
            }

            @Override
            protected void updateItem(SiteStatus s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setGraphic(null);
                } else {
                    box.setValue(s);
                    setGraphic(box);
                }
            }
        });
        TableColumn<ShortlistEntry, String> note = new TableColumn<>("Note (double-click to edit)");
        note.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().note()));
        note.setCellFactory(TextFieldTableCell.forTableColumn());
        note.setOnEditCommit(e -> {
            ShortlistEntry entry = e.getRowValue();
            if (!entry.note().equals(e.getNewValue())) {
                apply("note of " + entry.siteId(), shortlist.get().update(entry.withNote(e.getNewValue())));
            }
        });
        note.setPrefWidth(220);
        table.getColumns().add(id);
        table.getColumns().add(rank);
        table.getColumns().add(status);
        table.getColumns().add(note);
        table.setRowFactory(tv -> {
            var row = new javafx.scene.control.TableRow<ShortlistEntry>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null && siteIndex.containsKey(row.getItem().siteId())
                        && e.getTarget() instanceof javafx.scene.text.Text) {
                    onOpen.accept(siteIndex.get(row.getItem().siteId()));
                }
            });
            return row;
        });
        Button remove = new Button("Remove");
        remove.setId("shortlist-remove");
        remove.setOnAction(e -> {
            ShortlistEntry sel = table.getSelectionModel().getSelectedItem();
            if (sel != null) {
                apply("remove " + sel.siteId() + " from shortlist", shortlist.get().remove(sel.siteId()));
            }
        });
        HBox bar = new HBox(8, remove);
        bar.setPadding(new Insets(4));
        setCenter(table);
        setBottom(bar);
        shortlist.addListener((o, a, b) -> table.getItems().setAll(b.entries()));
    }

    public ObjectProperty<Shortlist> shortlistProperty() {
        return shortlist;
    }

    public TableView<ShortlistEntry> tableView() {
        return table;
    }

    public void setOnOpen(Consumer<Integer> c) {
        onOpen = c;
    }

    /** Replaces the shortlist, recording the change for undo. */
    public void apply(String what, Shortlist next) {
        Shortlist before = shortlist.get();
        if (before.equals(next)) {
            return;
        }
        shortlist.set(next);
        undo.push(UndoManager.of(what, () -> shortlist.set(before), () -> shortlist.set(next)));
    }

    /** Adds sites (by id) as candidates. */
    public void add(java.util.List<String> siteIds) {
        Shortlist s = shortlist.get();
        for (String id : siteIds) {
            s = s.add(new ShortlistEntry(id, "", SiteStatus.CANDIDATE, Instant.now()));
        }
        apply(siteIds.size() == 1 ? "shortlist " + siteIds.get(0) : "shortlist " + siteIds.size() + " sites", s);
    }

    /** Keeps rank/score columns current. */
    public void setResult(ScoreResult r) {
        boolean sameSites = result != null && r != null && result.session() == r.session();
        this.result = r;
        if (sameSites) {
            table.refresh(); // same candidates: ranks and scores changed, ids did not
            return;
        }
        Map<String, Integer> idx = new HashMap<>();
        if (r != null) {
            for (int i = 0; i < r.size(); i++) {
                idx.put(String.valueOf(r.session().id(i)), i);
            }
        }
        siteIndex = idx;
        table.refresh();
    }

    private String rankText(String siteId) {
        Integer i = siteIndex.get(siteId);
        if (i == null || result == null) {
            return "not in this scenario";
        }
        return String.format(Locale.ROOT, "#%d  %.3f%s", result.rank(i), result.score(i), result.passed(i) ? "" : " (fails)");
    }
}
