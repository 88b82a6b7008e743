package io.siteplanner.ui;

import io.siteplanner.project.ShortlistEntry;
import io.siteplanner.project.SiteStatus;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
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

/** The shortlist view: binds a table (site, rank / score, status, note) to a {@link ShortlistViewModel}. */
public final class ShortlistPanel extends BorderPane {
    private final ShortlistViewModel vm;
    private final TableView<ShortlistEntry> table = new TableView<>();
    private Consumer<Integer> onOpen = i -> { };

    public ShortlistPanel(ShortlistViewModel vm) {
        this.vm = vm;
        setId("shortlist-panel");
        table.setId("shortlist-table");
        table.setEditable(true);
        table.setPlaceholder(new Label("No shortlisted sites.\nSelect sites in the table and press \"Shortlist\"."));
        TableColumn<ShortlistEntry, String> id = new TableColumn<>("Site");
        id.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().siteId()));
        TableColumn<ShortlistEntry, String> rank = new TableColumn<>("Rank / score");
        rank.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(vm.rankText(c.getValue().siteId())));
        TableColumn<ShortlistEntry, SiteStatus> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        status.setCellFactory(c -> new TableCell<>() {
            private final ComboBox<SiteStatus> box = new ComboBox<>(FXCollections.observableArrayList(SiteStatus.values()));

            {
                box.setOnAction(e -> {
                    ShortlistEntry entry = getTableRow() == null ? null : getTableRow().getItem();
                    if (entry != null) {
                        vm.setStatus(entry, box.getValue());
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
        note.setOnEditCommit(e -> vm.setNote(e.getRowValue(), e.getNewValue()));
        note.setPrefWidth(220);
        table.getColumns().add(id);
        table.getColumns().add(rank);
        table.getColumns().add(status);
        table.getColumns().add(note);
        table.setRowFactory(tv -> {
            var row = new javafx.scene.control.TableRow<ShortlistEntry>();
            row.setOnMouseClicked(e -> {
                Integer site = row.getItem() == null ? null : vm.siteIndex(row.getItem().siteId());
                if (e.getClickCount() == 2 && site != null && e.getTarget() instanceof javafx.scene.text.Text) {
                    onOpen.accept(site);
                }
            });
            return row;
        });
        Button remove = new Button("Remove");
        remove.setId("shortlist-remove");
        remove.setOnAction(e -> {
            ShortlistEntry sel = table.getSelectionModel().getSelectedItem();
            if (sel != null) {
                vm.remove(sel.siteId());
            }
        });
        HBox bar = new HBox(8, remove);
        bar.setPadding(new Insets(4));
        setCenter(table);
        setBottom(bar);
        vm.shortlistProperty().addListener((o, a, b) -> table.getItems().setAll(b.entries()));
        table.getItems().setAll(vm.shortlistProperty().get().entries());
        vm.resultProperty().addListener((o, a, b) -> table.refresh());
    }

    public TableView<ShortlistEntry> tableView() {
        return table;
    }

    /** What a double-click on a site does (zoom to it). */
    public void setOnOpen(Consumer<Integer> c) {
        onOpen = c;
    }
}
