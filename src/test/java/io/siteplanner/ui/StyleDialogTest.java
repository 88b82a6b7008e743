package io.siteplanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Geometries;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.model.style.ClassMethod;
import io.siteplanner.model.style.LayerStyle;
import io.siteplanner.model.style.Quantiles;
import io.siteplanner.project.ProjectLayer;
import io.siteplanner.render.DefaultStyles;
import io.siteplanner.render.Legend;
import io.siteplanner.render.MapLayer;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Coordinate;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The style dialog's form on a layer with a no-data sentinel and numeric categories, headless. */
@ExtendWith(ApplicationExtension.class)
class StyleDialogTest {
    /** price: 1..10 and two -999999 (no data); code: numbers as text. */
    static final double[] PRICES = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -999999, -999999};
    StyleDialog.Form form;
    LayerItem item;

    @Start
    void start(Stage stage) {
        VectorLayer.Builder b = VectorLayer.builder("prices").crs(Crs.decode("EPSG:4326"), 4326)
                .schema(new Schema(List.of(new Field("price", FieldType.REAL), new Field("code", FieldType.INTEGER),
                        new Field("name", FieldType.STRING))));
        for (int i = 0; i < PRICES.length; i++) {
            b.add(new Feature(i, Geometries.FACTORY.createPoint(new Coordinate(-90 + i * 0.01, 32.5)),
                    new Object[] {PRICES[i], (long) new int[] {10, 2, 1, 100, 2, 10, 1, 3, 3, 20, 2, 1}[i], "p" + i}));
        }
        MapLayer l = MapLayer.prepare(b.build(), Crs.decode("EPSG:3857"), Progress.NONE);
        item = new LayerItem("prices", ProjectLayer.Role.DATA, l, DefaultStyles.guess(l.display(), 0));
        form = new StyleDialog.Form(item);
        stage.setScene(new Scene(form.root, 520, 720));
        stage.show();
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    @Test
    void quantilesOverTheDataLeaveNoDataOutAsItsOwnClass(FxRobot robot) throws Exception {
        // the sentinel is suggested as no-data
        assertThat(fx(() -> form.noData.getText())).isEqualTo("-999999");
        LayerStyle s = fx(() -> {
            form.kind.setValue(LayerStyle.Kind.GRADUATED);
            form.field.setValue("price");
            form.method.setValue(ClassMethod.QUANTILE);
            form.classes.getValueFactory().setValue(4);
            return form.build();
        });
        // quartiles of 1..10 (no-data left out): 2.75, 5.5, 8.25 (Hyndman-Fan 6, as numpy 'weibull')
        assertThat(s.breaks()).containsExactly(Quantiles.breaks(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 4));
        assertThat(s.breaks()).containsExactly(2.75, 5.5, 8.25);
        assertThat(s.colorOf(-999999)).isEqualTo(s.fill());
        List<String> rows = fx(() -> form.preview.getItems().stream().map(Legend.Entry::label).toList());
        assertThat(rows).contains("no data (-999999)").hasSize(5);
        robot.lookup("#style-preview").query(); // the preview is shown
    }

    @Test
    void manualBreaksAreCheckedAsTyped(FxRobot robot) throws Exception {
        fx(() -> {
            form.kind.setValue(LayerStyle.Kind.GRADUATED);
            form.field.setValue("price");
            form.method.setValue(ClassMethod.MANUAL);
            return null;
        });
        robot.clickOn("#style-breaks").eraseText(20).write("5, x");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> form.error.getText())).contains("'x'");
        robot.eraseText(1).write("3, 7"); // "5, 3, 7"
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> form.error.getText())).isEmpty();
        assertThat(fx(() -> form.build().breaks())).containsExactly(3, 5, 7);
    }

    @Test
    void numericCategoriesAreInNumericOrderAndLabelsAreKept(FxRobot robot) throws Exception {
        LayerStyle s = fx(() -> {
            form.kind.setValue(LayerStyle.Kind.CATEGORIZED);
            form.field.setValue("code");
            form.labelField.setValue("name");
            form.minScale.setText("1:250,000");
            return form.build();
        });
        assertThat(s.categories().keySet()).containsExactly("1", "2", "3", "10", "20", "100");
        assertThat(s.labels().field()).isEqualTo("name");
        assertThat(s.labels().minScale()).isEqualTo(250_000);
        // a text field cannot be graduated: the form says so instead of failing
        String err = fx(() -> {
            form.kind.setValue(LayerStyle.Kind.GRADUATED);
            form.field.setValue("name");
            return form.error.getText();
        });
        assertThat(err).contains("holds text");
    }
}
