package io.siteplanner.ui;

import io.siteplanner.store.PlaceFinder;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks where to go: a text field (place name or position) with the matching places below it. */
final class GoToDialog {
    private GoToDialog() {
    }

    static Optional<GoToViewModel.Target> show(Window owner, GoToViewModel vm) {
        Dialog<GoToViewModel.Target> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Go to");
        d.setHeaderText("A place name (offline, US towns) or a position:\n32.62, -90.05  ·  32°37'12\"N 90°03'W");
        TextField text = new TextField();
        text.setId("goto-text");
        text.setPromptText("Jackson, MS  or  32.62, -90.05");
        ListView<PlaceFinder.Place> list = new ListView<>();
        list.setId("goto-places");
        list.setPrefHeight(200);
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(PlaceFinder.Place p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.label());
            }
        });
        Label message = new Label();
        message.setId("goto-message");
        message.setWrapText(true);
        message.setMaxWidth(380);
        Runnable check = () -> {
            list.getItems().setAll(vm.matches(text.getText()));
            if (!list.getItems().isEmpty()) {
                list.getSelectionModel().select(0);
            }
            try {
                GoToViewModel.Target t = vm.resolve(text.getText(), list.getSelectionModel().getSelectedItem());
                message.setStyle("-fx-text-fill: #333;");
                message.setText("→ " + t.label());
            } catch (IllegalArgumentException e) {
                message.setStyle("-fx-text-fill: #b00020;");
                message.setText(text.getText().isBlank() ? "" : e.getMessage());
            }
        };
        text.textProperty().addListener((o, a, b) -> check.run());
        // the place names arrive in the background: search again with what is typed
        javafx.beans.value.ChangeListener<Boolean> loaded = (o, a, b) -> check.run();
        vm.loadingProperty().addListener(loaded);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                d.setResult(vm.resolve(null, list.getSelectionModel().getSelectedItem()));
                d.close();
            }
        });
        VBox box = new VBox(8, text, list, message);
        box.setPadding(new Insets(10));
        box.setPrefWidth(420);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(bt -> {
            if (bt != ButtonType.OK) {
                return null;
            }
            try {
                return vm.resolve(text.getText(), list.getSelectionModel().getSelectedItem());
            } catch (IllegalArgumentException e) {
                return null;
            }
        });
        Platform.runLater(text::requestFocus);
        try {
            return d.showAndWait();
        } finally {
            vm.loadingProperty().removeListener(loaded);
        }
    }
}
