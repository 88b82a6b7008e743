package io.siteplanner.ui;

import io.siteplanner.model.Field;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.model.style.Colors;
import io.siteplanner.model.style.LayerStyle;
import io.siteplanner.render.DefaultStyles;
import io.siteplanner.render.LayerDraw;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import javafx.stage.Window;

/** Edits a layer's style: colours, widths, classification (single, graduated, categorized) and size by field. */
public final class StyleDialog {
    private StyleDialog() {
    }

    /** Shows the dialog; the new style when the user pressed OK. */
    public static Optional<LayerStyle> show(Window owner, LayerItem item) {
        LayerStyle s = item.styleProperty().get();
        VectorLayer layer = item.mapLayer().display();
        Dialog<LayerStyle> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Style — " + item.getName());
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        ColorPicker fill = new ColorPicker(LayerTreeView.fx(s.fill()));
        ColorPicker stroke = new ColorPicker(LayerTreeView.fx(s.stroke()));
        Spinner<Double> width = new Spinner<>(0.0, 10.0, s.strokeWidth(), 0.2);
        Spinner<Double> size = new Spinner<>(1.0, 40.0, Math.max(1, s.pointSize()), 1.0);
        ChoiceBox<LayerStyle.Kind> kind = new ChoiceBox<>();
        kind.getItems().addAll(LayerStyle.Kind.values());
        kind.setValue(s.kind());
        ComboBox<String> field = new ComboBox<>();
        ComboBox<String> sizeField = new ComboBox<>();
        sizeField.getItems().add("(none)");
        for (Field f : layer.schema().fields()) {
            field.getItems().add(f.name());
            if (f.type().isNumeric()) {
                sizeField.getItems().add(f.name());
            }
        }
        field.setValue(s.field());
        sizeField.setValue(s.sizeField() == null ? "(none)" : s.sizeField());
        Spinner<Integer> classes = new Spinner<>(2, 9, Math.max(2, s.breaks().length + 1));
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.setPadding(new Insets(10));
        int r = 0;
        g.addRow(r++, new Label("Fill"), fill);
        g.addRow(r++, new Label("Stroke"), stroke);
        g.addRow(r++, new Label("Stroke width (px)"), width);
        if (item.mapLayer().dimension() == 0) {
            g.addRow(r++, new Label("Point size (px)"), size);
            g.addRow(r++, new Label("Size by field"), sizeField);
        }
        g.addRow(r++, new Label("Classification"), kind);
        g.addRow(r++, new Label("Field"), field);
        g.addRow(r, new Label("Classes (graduated, quantiles)"), classes);
        d.getDialogPane().setContent(g);
        d.setResultConverter(bt -> {
            if (bt != ButtonType.OK) {
                return null;
            }
            LayerStyle out = LayerStyle.single(argb(fill.getValue()), argb(stroke.getValue()), width.getValue(),
                    size.getValue());
            String sf = sizeField.getValue();
            if (sf != null && !sf.equals("(none)")) {
                out = out.withSizeBy(sf, Math.max(2, size.getValue() * 0.6), size.getValue() * 2);
            }
            String fname = field.getValue();
            if (kind.getValue() == LayerStyle.Kind.GRADUATED && fname != null) {
                double[] breaks = DefaultStyles.quantileBreaks(layer, fname, classes.getValue());
                int[] colors = new int[breaks.length + 1];
                int base = item.mapLayer().dimension() == 1 ? argb(stroke.getValue()) : argb(fill.getValue());
                for (int i = 0; i < colors.length; i++) {
                    double t = colors.length == 1 ? 1 : (double) i / (colors.length - 1);
                    colors[i] = Colors.withAlpha(Colors.ramp(Colors.PRICE, t), Colors.alpha(base) == 0 ? 200 : Colors.alpha(base));
                }
                out = out.graduated(fname, breaks, colors);
            } else if (kind.getValue() == LayerStyle.Kind.CATEGORIZED && fname != null) {
                int fi = layer.schema().indexOf(fname);
                TreeSet<String> values = new TreeSet<>();
                for (int i = 0; i < layer.size() && values.size() < 50; i++) {
                    Object v = layer.get(i).value(fi);
                    if (v != null) {
                        values.add(LayerDraw.categoryKey(v));
                    }
                }
                Map<String, Integer> cats = new LinkedHashMap<>();
                int k = 0;
                for (String v : values) {
                    cats.put(v, Colors.withAlpha(Colors.ramp(new int[] {Colors.rgb(0x1f77b4), Colors.rgb(0x2ca02c),
                        Colors.rgb(0xff7f0e), Colors.rgb(0xd62728), Colors.rgb(0x9467bd)}, values.size() <= 1 ? 0
                            : (double) k++ / (values.size() - 1)), 220));
                }
                out = out.categorized(fname, cats);
            }
            return out;
        });
        return d.showAndWait();
    }

    static int argb(Color c) {
        return Colors.argb((int) Math.round(c.getOpacity() * 255), (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }
}
