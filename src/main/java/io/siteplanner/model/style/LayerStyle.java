package io.siteplanner.model.style;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a vector layer is drawn. Immutable; {@code with*} methods return copies. Colours are ARGB ints.
 *
 * <ul>
 *   <li>{@link Kind#SINGLE}: every feature uses {@link #fill()} / {@link #stroke()}.</li>
 *   <li>{@link Kind#GRADUATED}: numeric {@link #field()} classified by ascending {@link #breaks()}: value
 *       &lt; breaks[0] gets colors[0], &lt; breaks[1] colors[1], ..., else colors[n] ({@code colors.length
 *       == breaks.length + 1}). Null/NaN values get {@link #fill()}.</li>
 *   <li>{@link Kind#CATEGORIZED}: {@link #categories()} maps the field's text value to a colour; others get
 *       {@link #fill()}.</li>
 * </ul>
 * For lines the class colour is the stroke colour; for polygons and points the fill colour. Point size
 * may follow a numeric {@link #sizeField()} linearly between {@link #sizeMin()} and {@link #sizeMax()} px
 * over the field's range. Values listed in {@link #noData()} (e.g. -999999) count as "no data" and get the
 * fill ("unknown") colour. Optional {@link #labels()} name features by a field.
 */
public final class LayerStyle {
    /** Classification kinds. */
    public enum Kind { SINGLE, GRADUATED, CATEGORIZED }

    private final Kind kind;
    private final int fill;
    private final int stroke;
    private final double strokeWidth;
    private final double pointSize;
    private final String field;
    private final double[] breaks;
    private final int[] colors;
    private final Map<String, Integer> categories;
    private final String sizeField;
    private final double sizeMin;
    private final double sizeMax;
    private final double[] noData;
    private final LabelStyle labels;
    private final String method;
    private final String ramp;

    private LayerStyle(Kind kind, int fill, int stroke, double strokeWidth, double pointSize, String field,
            double[] breaks, int[] colors, Map<String, Integer> categories, String sizeField, double sizeMin,
            double sizeMax) {
        this(kind, fill, stroke, strokeWidth, pointSize, field, breaks, colors, categories, sizeField, sizeMin, sizeMax,
                null, null, null, null);
    }

    private LayerStyle(Kind kind, int fill, int stroke, double strokeWidth, double pointSize, String field,
            double[] breaks, int[] colors, Map<String, Integer> categories, String sizeField, double sizeMin,
            double sizeMax, double[] noData, LabelStyle labels, String method, String ramp) {
        this.noData = noData == null ? new double[0] : noData.clone();
        this.labels = labels;
        this.method = method;
        this.ramp = ramp;
        this.kind = Objects.requireNonNull(kind);
        this.fill = fill;
        this.stroke = stroke;
        this.strokeWidth = strokeWidth;
        this.pointSize = pointSize;
        this.field = field;
        this.breaks = breaks == null ? new double[0] : breaks.clone();
        this.colors = colors == null ? new int[0] : colors.clone();
        this.categories = categories == null ? Map.of() : new LinkedHashMap<>(categories);
        this.sizeField = sizeField;
        this.sizeMin = sizeMin;
        this.sizeMax = sizeMax;
        if (kind == Kind.GRADUATED && this.colors.length != this.breaks.length + 1) {
            throw new IllegalArgumentException("graduated style needs breaks.length + 1 colours");
        }
        if (kind != Kind.SINGLE && field == null) {
            throw new IllegalArgumentException(kind + " style needs a field");
        }
    }

    /** A single-symbol style. */
    public static LayerStyle single(int fill, int stroke, double strokeWidth, double pointSize) {
        return new LayerStyle(Kind.SINGLE, fill, stroke, strokeWidth, pointSize, null, null, null, null, null, 0, 0);
    }

    public LayerStyle graduated(String byField, double[] classBreaks, int[] classColors) {
        return new LayerStyle(Kind.GRADUATED, fill, stroke, strokeWidth, pointSize, byField, classBreaks, classColors,
                null, sizeField, sizeMin, sizeMax, noData, labels, null, null);
    }

    public LayerStyle categorized(String byField, Map<String, Integer> cats) {
        return new LayerStyle(Kind.CATEGORIZED, fill, stroke, strokeWidth, pointSize, byField, null, null, cats,
                sizeField, sizeMin, sizeMax, noData, labels, null, null);
    }

    public LayerStyle asSingle() {
        return new LayerStyle(Kind.SINGLE, fill, stroke, strokeWidth, pointSize, null, null, null, null, sizeField,
                sizeMin, sizeMax, noData, labels, null, null);
    }

    public LayerStyle withSizeBy(String byField, double minPx, double maxPx) {
        return new LayerStyle(kind, fill, stroke, strokeWidth, pointSize, field, breaks, colors, categories, byField,
                minPx, maxPx, noData, labels, method, ramp);
    }

    public LayerStyle withFill(int argb) {
        return new LayerStyle(kind, argb, stroke, strokeWidth, pointSize, field, breaks, colors, categories,
                sizeField, sizeMin, sizeMax, noData, labels, method, ramp);
    }

    public LayerStyle withStroke(int argb, double width) {
        return new LayerStyle(kind, fill, argb, width, pointSize, field, breaks, colors, categories, sizeField,
                sizeMin, sizeMax, noData, labels, method, ramp);
    }

    public LayerStyle withPointSize(double px) {
        return new LayerStyle(kind, fill, stroke, strokeWidth, px, field, breaks, colors, categories, sizeField,
                sizeMin, sizeMax, noData, labels, method, ramp);
    }

    /**
     * This style with values of its field that mean "no data" (e.g. -999999): they get the
     * {@link #fill()} ("unknown") class instead of a value class. Empty: none.
     */
    public LayerStyle withNoData(double... values) {
        return new LayerStyle(kind, fill, stroke, strokeWidth, pointSize, field, breaks, colors, categories,
                sizeField, sizeMin, sizeMax, values, labels, method, ramp);
    }

    /** This style with labels (null: none). */
    public LayerStyle withLabels(LabelStyle l) {
        return new LayerStyle(kind, fill, stroke, strokeWidth, pointSize, field, breaks, colors, categories,
                sizeField, sizeMin, sizeMax, noData, l, method, ramp);
    }

    /**
     * This style remembering how its classes were made (a {@link ClassMethod} name and a {@link ColorRamps}
     * name, or null), so that the style dialog opens with them again. Drawing does not read them.
     */
    public LayerStyle withClassification(String classMethod, String rampName) {
        return new LayerStyle(kind, fill, stroke, strokeWidth, pointSize, field, breaks, colors, categories,
                sizeField, sizeMin, sizeMax, noData, labels, classMethod, rampName);
    }

    /** Values of the field that mean "no data" (copy; empty: none). */
    public double[] noData() {
        return noData.clone();
    }

    /** The labels of the layer, or null. */
    public LabelStyle labels() {
        return labels;
    }

    /** The {@link ClassMethod} name the classes were made with, or null. */
    public String classMethod() {
        return method;
    }

    /** The {@link ColorRamps} name the class colours came from, or null. */
    public String ramp() {
        return ramp;
    }

    /** Whether a value is one of the no-data values. */
    public boolean isNoData(double v) {
        for (double d : noData) {
            if (d == v) {
                return true;
            }
        }
        return false;
    }

    public Kind kind() {
        return kind;
    }

    public int fill() {
        return fill;
    }

    public int stroke() {
        return stroke;
    }

    public double strokeWidth() {
        return strokeWidth;
    }

    public double pointSize() {
        return pointSize;
    }

    public String field() {
        return field;
    }

    public double[] breaks() {
        return breaks.clone();
    }

    public int[] colors() {
        return colors.clone();
    }

    public Map<String, Integer> categories() {
        return java.util.Collections.unmodifiableMap(categories);
    }

    public String sizeField() {
        return sizeField;
    }

    public double sizeMin() {
        return sizeMin;
    }

    public double sizeMax() {
        return sizeMax;
    }

    /** The class colour of a numeric value under a graduated style. */
    public int colorOf(double v) {
        if (Double.isNaN(v) || isNoData(v)) {
            return fill;
        }
        for (int i = 0; i < breaks.length; i++) {
            if (v < breaks[i]) {
                return colors[i];
            }
        }
        return colors[breaks.length];
    }

    /** The colour of a text value under a categorized style. */
    public int colorOf(String v) {
        Integer c = v == null ? null : categories.get(v);
        return c == null ? fill : c;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LayerStyle)) {
            return false;
        }
        LayerStyle s = (LayerStyle) o;
        return kind == s.kind && fill == s.fill && stroke == s.stroke && strokeWidth == s.strokeWidth
                && pointSize == s.pointSize && Objects.equals(field, s.field) && Arrays.equals(breaks, s.breaks)
                && Arrays.equals(colors, s.colors) && categories.equals(s.categories)
                && Objects.equals(sizeField, s.sizeField) && sizeMin == s.sizeMin && sizeMax == s.sizeMax
                && Arrays.equals(noData, s.noData) && Objects.equals(labels, s.labels) && Objects.equals(method, s.method)
                && Objects.equals(ramp, s.ramp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, fill, stroke, field, Arrays.hashCode(breaks), categories, sizeField);
    }
}
