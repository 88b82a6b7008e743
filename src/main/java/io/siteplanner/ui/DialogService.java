package io.siteplanner.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** Dialogs shown to the user. Errors show the message only: never a stack trace. */
public class DialogService {
    private final Window owner;

    public DialogService(Window owner) {
        this.owner = owner;
    }

    /** An error dialog with a one-line headline and the detail message. Non-blocking. */
    public void showError(String headline, String message) {
        show(Alert.AlertType.ERROR, headline, message, "error-dialog");
    }

    /** A warning dialog (e.g. records skipped while loading). Non-blocking. */
    public void showWarning(String headline, String message) {
        show(Alert.AlertType.WARNING, headline, message, "warning-dialog");
    }

    private void show(Alert.AlertType type, String headline, String message, String id) {
        Alert a = new Alert(type, "", ButtonType.OK);
        a.initOwner(owner);
        a.setTitle("SitePlanner");
        a.setHeaderText(headline);
        Label l = new Label(message);
        l.setWrapText(true);
        l.setMaxWidth(520);
        a.getDialogPane().setContent(l);
        a.getDialogPane().setId(id);
        a.show();
    }

    /** Message of an exception fit for users: its message, or its type when it has none. */
    public static String messageOf(Throwable t) {
        Throwable e = t;
        while (e.getMessage() == null && e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
