package io.siteplanner.ui;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FieldStatistics;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.gis.SelectMode;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.project.ProjectLayer.Role;
import io.siteplanner.render.DemoMap;
import io.siteplanner.render.MapLayer;
import io.siteplanner.ui.task.CurrentThreadExecutor;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Benchmark, not a test (excluded from the default run): the attribute table on the 100,000 bench parcels.
 * Prints the background work (filter, sort, statistics: off the FX thread in the app) and the FX-thread
 * work (building the view, showing a new row order, selecting 5,000 rows from the map). Needs the bench
 * data ({@code /usr/bin/python3 ../shared/bench/gen_data.py --n 100000}); run with
 * {@code mvn test -Dtest=AttributeTablePerfTest -Dsurefire.excludes=none}. Reference on the same file:
 * {@code time ogrinfo -ro -q parcels.gpkg -sql "SELECT COUNT(parcel_id), MIN(parcel_id), MAX(parcel_id),
 * AVG(parcel_id), COUNT(DISTINCT parcel_id) FROM parcels WHERE parcel_id > 50000"}.
 */
class AttributeTablePerfTest {
    static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    @Test
    void printsFilterSortStatsAndFxThreadTimes() throws Exception {
        Path file = Paths.get(System.getProperty("bench.parcels", "/tmp/bench-data/n100000/parcels.gpkg"));
        VectorLayer l = FormatRegistry.standard().readVector(file, ReadOptions.DEFAULT, Progress.NONE);
        MapLayer ml = MapLayer.prepare(l, Crs.decode(DemoMap.DISPLAY_CRS), Progress.NONE);
        int fi = l.schema().indexOf("parcel_id");
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            int[] rows = AttributeTableViewModel.computeRows(l, "parcel_id > 50000", null, null, true, Progress.NONE);
            double filter = ms(t0);
            t0 = System.nanoTime();
            int[] sorted = AttributeTableViewModel.computeRows(l, null, null, "parcel_id", false, Progress.NONE);
            double sort = ms(t0);
            t0 = System.nanoTime();
            FieldStatistics s = FieldStatistics.of(l, fi, rows, List.of(), Progress.NONE);
            double stats = ms(t0);
            System.err.printf("%,d features: filter %.1f ms (%,d rows), sort desc %.1f ms (%,d), stats %.1f ms"
                    + " (count %,d, min %s, max %s, mean %.4f, distinct %,d)%n", l.size(), filter, rows.length, sort,
                    sorted.length, stats, s.count(), s.minText(), s.maxText(), s.mean(), s.distinct());
        }
        FxToolkit.registerPrimaryStage();
        AttributeTableView view = WaitForAsyncUtils.asyncFx(() -> {
            ProjectViewModel p = new ProjectViewModel(new CurrentThreadExecutor(), new ScriptedDialogService(),
                    Preferences.userRoot().node("siteplanner-test/" + System.nanoTime()));
            LayerItem item = p.layers().addOnTop("parcels", ml, Role.DATA);
            AttributeTableView v = null;
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime();
                v = new AttributeTableView(new AttributeTableViewModel(item, p.map(), new CurrentThreadExecutor()));
                System.err.printf("FX thread: open the table (100k rows; filter, sort and stats run inline in this"
                        + " benchmark, in the background in the app) %.1f ms%n", ms(t0));
            }
            return v;
        }).get(120, TimeUnit.SECONDS);
        AttributeTableViewModel vm = view.viewModel();
        int[] order = AttributeTableViewModel.computeRows(l, null, null, "parcel_id", false, Progress.NONE);
        WaitForAsyncUtils.asyncFx(() -> {
            long t0 = System.nanoTime();
            vm.rows().setAll(new java.util.AbstractList<Integer>() {
                @Override
                public Integer get(int i) {
                    return order[i];
                }

                @Override
                public int size() {
                    return order.length;
                }
            });
            System.err.printf("FX thread: show a new order of %,d rows %.1f ms%n", order.length, ms(t0));
            for (int rep = 0; rep < 3; rep++) {
                BitSet sel = new BitSet();
                for (int i = 0; i < 5000; i++) {
                    sel.set(i * 20 + rep);
                }
                t0 = System.nanoTime();
                vm.select(sel, SelectMode.NEW);
                System.err.printf("FX thread: select 5,000 features (table rows + summary) %.1f ms%n", ms(t0));
            }
            return null;
        }).get(120, TimeUnit.SECONDS);
    }
}
