package io.siteplanner.ui;

import io.siteplanner.model.Field;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.model.style.ClassMethod;
import io.siteplanner.model.style.ColorRamps;
import io.siteplanner.model.style.Colors;
import io.siteplanner.model.style.LabelStyle;
import io.siteplanner.model.style.LayerStyle;
import io.siteplanner.model.style.ManualBreaks;
import io.siteplanner.render.ClassifiedStyles;
import io.siteplanner.render.Legend;
import io.siteplanner.render.MapLayer;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Window;

/**
 * Edits a layer's style. <b>Symbol</b>: colours, widths, classification (single, graduated, categorized)
 * with the method (equal interval, quantile, natural breaks, manual), number of classes, colour ramp and
 * no-data values, and a live preview of the classes; size by field. <b>Labels</b>: the field that names
 * features and the scale range they show at. The classes are computed by {@link ClassifiedStyles}.
 */
public final class StyleDialog {
    private static final String NONE = "(none)";

    private StyleDialog() {
    }

    /** Shows the dialog; the new style when the user pressed OK. */
    public static Optional<LayerStyle> show(Window owner, LayerItem item) {
        Dialog<LayerStyle> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Style — " + item.getName());
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Form f = new Form(item);
        d.getDialogPane().setContent(f.root);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(f.error.textProperty().isNotEmpty());
        d.setResultConverter(bt -> bt == ButtonType.OK ? f.build() : null);
        d.setResizable(true);
        return d.showAndWait();
    }

    /** The controls of the dialog and how they make a style. */
    static final class Form {
        final TabPane root;
        final ColorPicker fill;
        final ColorPicker stroke;
        final Spinner<Double> width;
        final Spinner<Double> size;
        final ChoiceBox<LayerStyle.Kind> kind = new ChoiceBox<>();
        final ComboBox<String> field = new ComboBox<>();
        final ComboBox<String> sizeField = new ComboBox<>();
        final ChoiceBox<ClassMethod> method = new ChoiceBox<>();
        final Spinner<Integer> classes;
        final ComboBox<ColorRamps.Ramp> ramp = new ComboBox<>();
        final TextField manual = new TextField();
        final TextField noData = new TextField();
        final ListView<Legend.Entry> preview = new ListView<>();
        final Label error = new Label();
        final ComboBox<String> labelField = new ComboBox<>();
        final TextField minScale = new TextField();
        final TextField maxScale = new TextField();
        private final MapLayer layer;
        private final VectorLayer data;

        Form(LayerItem item) {
            LayerStyle s = item.styleProperty().get();
            layer = item.mapLayer();
            data = layer.display();
            fill = new ColorPicker(LayerTreeView.fx(s.fill()));
            stroke = new ColorPicker(LayerTreeView.fx(s.stroke()));
            width = new Spinner<>(0.0, 10.0, s.strokeWidth(), 0.2);
            size = new Spinner<>(1.0, 40.0, Math.max(1, s.pointSize()), 1.0);
            kind.getItems().addAll(LayerStyle.Kind.values());
            kind.setValue(s.kind());
            kind.setId("style-kind");
            sizeField.getItems().add(NONE);
            labelField.getItems().add(NONE);
            for (Field x : data.schema().fields()) {
                field.getItems().add(x.name());
                labelField.getItems().add(x.name());
                if (x.type().isNumeric()) {
                    sizeField.getItems().add(x.name());
                }
            }
            field.setId("style-field");
            field.setValue(s.field() != null ? s.field() : firstNumeric());
            sizeField.setValue(s.sizeField() == null ? NONE : s.sizeField());
            method.getItems().addAll(ClassMethod.values());
            // a graduated style made elsewhere (a preset, an older project) keeps its breaks until changed
            method.setValue(s.classMethod() != null && ClassMethod.byName(s.classMethod()) != null
                    ? ClassMethod.byName(s.classMethod())
                    : s.kind() == LayerStyle.Kind.GRADUATED ? ClassMethod.MANUAL : ClassMethod.NATURAL_BREAKS);
            method.setId("style-method");
            classes = new Spinner<>(2, 12, s.kind() == LayerStyle.Kind.GRADUATED ? Math.max(2, s.breaks().length + 1) : 5);
            classes.setId("style-classes");
            ramp.getItems().addAll(ColorRamps.all());
            ColorRamps.Ramp r = s.ramp() == null ? null : ColorRamps.byName(s.ramp());
            ramp.setValue(r != null ? r : s.kind() == LayerStyle.Kind.CATEGORIZED ? ColorRamps.SET1 : ColorRamps.YL_OR_RD);
            ramp.setId("style-ramp");
            ramp.setCellFactory(v -> new RampCell());
            ramp.setButtonCell(new RampCell());
            manual.setId("style-breaks");
            manual.setPromptText("e.g. 100, 250, 500");
            manual.setText(s.kind() == LayerStyle.Kind.GRADUATED ? ManualBreaks.format(s.breaks()) : "");
            noData.setId("style-nodata");
            noData.setPromptText("e.g. -999999");
            noData.setText(s.noData().length > 0 ? ManualBreaks.format(s.noData())
                    : field.getValue() == null ? "" : ManualBreaks.format(ClassifiedStyles.suggestNoData(layer, field.getValue())));
            preview.setId("style-preview");
            preview.setPrefHeight(170);
            preview.setCellFactory(v -> new EntryCell());
            error.setId("style-error");
            error.setStyle("-fx-text-fill: #b00020;");
            error.setWrapText(true);
            error.setMaxWidth(360);
            labelField.setId("label-field");
            labelField.setValue(s.labels() == null ? NONE : s.labels().field());
            minScale.setId("label-min-scale");
            maxScale.setId("label-max-scale");
            minScale.setPromptText("no limit, e.g. 1:500,000");
            maxScale.setPromptText("no limit, e.g. 1:1,000");
            if (s.labels() != null) {
                minScale.setText(LabelStyle.formatScale(s.labels().minScale()));
                maxScale.setText(LabelStyle.formatScale(s.labels().maxScale()));
            }

            GridPane g = grid();
            int row = 0;
            g.addRow(row++, new Label("Fill"), fill);
            g.addRow(row++, new Label("Stroke"), stroke);
            g.addRow(row++, new Label("Stroke width (px)"), width);
            if (layer.dimension() == 0) {
                g.addRow(row++, new Label("Point size (px)"), size);
                g.addRow(row++, new Label("Size by field"), sizeField);
            }
            g.addRow(row++, new Label("Classification"), kind);
            g.addRow(row++, new Label("Field"), field);
            g.addRow(row++, new Label("Method"), method);
            g.addRow(row++, new Label("Classes"), classes);
            g.addRow(row++, new Label("Breaks (manual)"), manual);
            g.addRow(row++, new Label("Colour ramp"), ramp);
            g.addRow(row++, new Label("No-data values"), noData);
            Label note = new Label("No-data values get the fill colour as their own \"no data\" class. "
                    + "Colour ramps: ColorBrewer (Cynthia Brewer, colorbrewer2.org).");
            note.setWrapText(true);
            note.setMaxWidth(360);
            note.setStyle("-fx-text-fill: #666; -fx-font-size: 0.9em;");
            VBox symbol = new VBox(6, g, new Label("Classes"), preview, error, note);
            symbol.setPadding(new Insets(10));

            GridPane lg = grid();
            lg.addRow(0, new Label("Label by field"), labelField);
            lg.addRow(1, new Label("Hide when zoomed out beyond"), minScale);
            lg.addRow(2, new Label("Hide when zoomed in beyond"), maxScale);
            Label lnote = new Label("Labels never overlap each other or the basemap's names; where there is no "
                    + "room, a label is left out. Scales as in the status bar (1:50,000).");
            lnote.setWrapText(true);
            lnote.setMaxWidth(360);
            lnote.setStyle("-fx-text-fill: #666; -fx-font-size: 0.9em;");
            VBox labels = new VBox(8, lg, lnote);
            labels.setPadding(new Insets(10));

            Tab st = new Tab("Symbol", symbol);
            Tab lt = new Tab("Labels", labels);
            lt.setId("labels-tab");
            root = new TabPane(st, lt);
            root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

            Runnable upd = this::update;
            kind.valueProperty().addListener((o, a, b) -> {
                if (b == LayerStyle.Kind.CATEGORIZED && ramp.getValue().type() != ColorRamps.Type.QUALITATIVE) {
                    ramp.setValue(ColorRamps.SET1);
                } else if (b == LayerStyle.Kind.GRADUATED && ramp.getValue().type() == ColorRamps.Type.QUALITATIVE) {
                    ramp.setValue(ColorRamps.YL_OR_RD);
                }
                upd.run();
            });
            field.valueProperty().addListener((o, a, b) -> {
                if (b != null) {
                    noData.setText(ManualBreaks.format(ClassifiedStyles.suggestNoData(layer, b)));
                }
                upd.run();
            });
            method.valueProperty().addListener((o, a, b) -> upd.run());
            classes.valueProperty().addListener((o, a, b) -> upd.run());
            ramp.valueProperty().addListener((o, a, b) -> upd.run());
            manual.textProperty().addListener((o, a, b) -> upd.run());
            noData.textProperty().addListener((o, a, b) -> upd.run());
            fill.valueProperty().addListener((o, a, b) -> upd.run());
            labelField.valueProperty().addListener((o, a, b) -> upd.run());
            minScale.textProperty().addListener((o, a, b) -> upd.run());
            maxScale.textProperty().addListener((o, a, b) -> upd.run());
            update();
        }

        private String firstNumeric() {
            for (Field x : data.schema().fields()) {
                if (x.type().isNumeric()) {
                    return x.name();
                }
            }
            return data.schema().fields().isEmpty() ? null : data.schema().fields().get(0).name();
        }

        private static GridPane grid() {
            GridPane g = new GridPane();
            g.setHgap(8);
            g.setVgap(6);
            return g;
        }

        /** Enables what applies and refreshes the preview and the error line. */
        void update() {
            LayerStyle.Kind k = kind.getValue();
            boolean classed = k != LayerStyle.Kind.SINGLE;
            boolean grad = k == LayerStyle.Kind.GRADUATED;
            field.setDisable(!classed);
            ramp.setDisable(!classed);
            method.setDisable(!grad);
            noData.setDisable(!grad);
            classes.setDisable(!grad || method.getValue() == ClassMethod.MANUAL);
            manual.setDisable(!grad || method.getValue() != ClassMethod.MANUAL);
            try {
                LayerStyle s = build();
                preview.getItems().setAll(Legend.of(s, layer.dimension(), "all features"));
                error.setText("");
            } catch (IllegalArgumentException e) {
                preview.getItems().clear();
                error.setText(e.getMessage());
            }
        }

        /**
         * The style the controls describe.
         *
         * @throws IllegalArgumentException naming what is wrong (bad break, non-numeric field ...)
         */
        LayerStyle build() {
            LayerStyle out = LayerStyle.single(argb(fill.getValue()), argb(stroke.getValue()), width.getValue(),
                    size.getValue());
            String sf = sizeField.getValue();
            if (layer.dimension() == 0 && sf != null && !sf.equals(NONE)) {
                out = out.withSizeBy(sf, Math.max(2, size.getValue() * 0.6), size.getValue() * 2);
            }
            String fname = field.getValue();
            LayerStyle.Kind k = kind.getValue();
            if (k != LayerStyle.Kind.SINGLE && fname == null) {
                throw new IllegalArgumentException("choose a field to classify by");
            }
            if (k == LayerStyle.Kind.GRADUATED) {
                if (!io.siteplanner.model.style.ClassValues.isNumeric(data, fname)) {
                    throw new IllegalArgumentException("field '" + fname + "' holds text: use Categorized, or a numeric field");
                }
                double[] nd = noData.getText().isBlank() ? new double[0] : parseList(noData.getText(), "no-data value");
                double[] man = method.getValue() == ClassMethod.MANUAL ? ManualBreaks.parse(manual.getText()) : null;
                out = ClassifiedStyles.graduated(out, data, fname, method.getValue(), classes.getValue(), man,
                        ramp.getValue(), nd, layer.dimension());
            } else if (k == LayerStyle.Kind.CATEGORIZED) {
                out = ClassifiedStyles.categorized(out, data, fname, ramp.getValue(), layer.dimension());
            }
            String lf = labelField.getValue();
            if (lf != null && !lf.equals(NONE)) {
                out = out.withLabels(new LabelStyle(lf, LabelStyle.parseScale(minScale.getText()),
                        LabelStyle.parseScale(maxScale.getText())));
            }
            return out;
        }

        private static double[] parseList(String text, String what) {
            try {
                return ManualBreaks.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().replace("break", what));
            }
        }
    }

    /** A ramp as a strip of swatches and its name. */
    private static final class RampCell extends javafx.scene.control.ListCell<ColorRamps.Ramp> {
        @Override
        protected void updateItem(ColorRamps.Ramp r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            HBox strip = new HBox();
            for (int c : r.colors(7)) {
                strip.getChildren().add(new Rectangle(12, 12, LayerTreeView.fx(c)));
            }
            setGraphic(strip);
            setText(r.toString());
        }
    }

    /** A legend entry: swatch and label. */
    private static final class EntryCell extends javafx.scene.control.ListCell<Legend.Entry> {
        @Override
        protected void updateItem(Legend.Entry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Node sw = e.shape() == Legend.Shape.NOTE ? null : new Rectangle(14, 10, LayerTreeView.fx(e.fill()));
            setGraphic(sw);
            setText(e.label());
        }
    }

    static int argb(Color c) {
        return Colors.argb((int) Math.round(c.getOpacity() * 255), (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }
}
