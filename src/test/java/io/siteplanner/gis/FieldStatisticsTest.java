package io.siteplanner.gis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.siteplanner.TestData;
import io.siteplanner.gis.preset.Presets;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.FeatureFilter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Field statistics on real HIFLD files against GDAL's SQL on the same files (the figures in the comments
 * are {@code ogrinfo -ro -q FILE -dialect sqlite -sql "..."} output), and on a hand-worked case.
 */
class FieldStatisticsTest {
    static VectorLayer subs;
    static VectorLayer lines;

    @BeforeAll
    static void read() throws Exception {
        subs = FormatRegistry.standard().readVector(TestData.shared("substations_hifld_partial_ms.geojson"),
                ReadOptions.DEFAULT, Progress.NONE);
        lines = FormatRegistry.standard().readVector(TestData.shared("transmission_hifld_partial_in.geojson"),
                ReadOptions.DEFAULT, Progress.NONE);
    }

    @Test
    void numericFieldMatchesOgrSql() {
        // SELECT COUNT(MAX_VOLT), MIN(MAX_VOLT), MAX(MAX_VOLT), AVG(MAX_VOLT), COUNT(DISTINCT MAX_VOLT),
        //   SUM(CASE WHEN MAX_VOLT IS NULL THEN 1 ELSE 0 END) FROM substations_hifld_partial_ms
        // -> 643, 69, 500, 144.382581648523, 6, 258
        FieldStatistics s = FieldStatistics.of(subs, subs.schema().indexOf("MAX_VOLT"), null, List.of(), Progress.NONE);
        assertThat(s.rows()).isEqualTo(901);
        assertThat(s.count()).isEqualTo(643);
        assertThat(s.nulls()).isEqualTo(258);
        assertThat(s.noData()).isZero();
        assertThat(s.min()).isEqualTo(69);
        assertThat(s.max()).isEqualTo(500);
        assertThat(s.mean()).isCloseTo(144.382581648523, within(1e-9));
        assertThat(s.distinct()).isEqualTo(6);
        assertThat(s.numeric()).isTrue();
    }

    @Test
    void textFieldMatchesOgrSql() {
        // SELECT COUNT(COUNTY), COUNT(DISTINCT COUNTY), MIN(COUNTY), MAX(COUNTY) -> 901, 106, ADAMS, YAZOO
        FieldStatistics s = FieldStatistics.of(subs, subs.schema().indexOf("COUNTY"), null, List.of(), Progress.NONE);
        assertThat(s.numeric()).isFalse();
        assertThat(s.count()).isEqualTo(901);
        assertThat(s.nulls()).isZero();
        assertThat(s.distinct()).isEqualTo(106);
        assertThat(s.minText()).isEqualTo("ADAMS");
        assertThat(s.maxText()).isEqualTo("YAZOO");
        assertThat(s.mean()).isNaN();
    }

    @Test
    void noDataValuesOfThePresetAreCountedApartAndLeftOut() {
        // COUNT(*) 53, SUM(CASE WHEN VOLTAGE = -999999 ...) 7; WHERE VOLTAGE <> -999999:
        // COUNT 46, MIN 69, MAX 345, AVG 150, COUNT(DISTINCT) 3, SUM 6900
        List<Double> nd = Presets.detect(lines).orElseThrow().noData().get("VOLTAGE");
        assertThat(nd).contains(-999999.0);
        FieldStatistics s = FieldStatistics.of(lines, lines.schema().indexOf("VOLTAGE"), null, nd, Progress.NONE);
        assertThat(s.rows()).isEqualTo(53);
        assertThat(s.noData()).isEqualTo(7);
        assertThat(s.nulls()).isZero();
        assertThat(s.count()).isEqualTo(46);
        assertThat(s.min()).isEqualTo(69);
        assertThat(s.max()).isEqualTo(345);
        assertThat(s.mean()).isCloseTo(150, within(1e-9));
        assertThat(s.sum()).isEqualTo(6900);
        assertThat(s.distinct()).isEqualTo(3);
    }

    @Test
    void subsetOfRowsMatchesOgrSqlWhere() {
        // ... WHERE STATUS = 'IN SERVICE' AND COUNTY = 'HINDS' -> COUNT(*) 17, MIN 115, MAX 230,
        // AVG 135.294117647059, COUNT(DISTINCT) 2, SUM 2300
        FeatureFilter.Predicate p = FeatureFilter.compile("STATUS = 'IN SERVICE' AND COUNTY = 'HINDS'", subs.schema(), "f");
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < subs.size(); i++) {
            if (p.test(subs.get(i))) {
                rows.add(i);
            }
        }
        FieldStatistics s = FieldStatistics.of(subs, subs.schema().indexOf("MAX_VOLT"),
                rows.stream().mapToInt(Integer::intValue).toArray(), List.of(), Progress.NONE);
        assertThat(s.rows()).isEqualTo(17);
        assertThat(s.count()).isEqualTo(17);
        assertThat(s.min()).isEqualTo(115);
        assertThat(s.max()).isEqualTo(230);
        assertThat(s.mean()).isCloseTo(135.294117647059, within(1e-9));
        assertThat(s.distinct()).isEqualTo(2);
        assertThat(s.sum()).isEqualTo(2300);
    }

    @Test
    void handWorkedCase() {
        // values 1, 2, 2, null, -999999 (no data), 3.5: count 4, distinct 3, mean (1+2+2+3.5)/4 = 2.125
        Schema schema = new Schema(List.of(new Field("x", FieldType.REAL)));
        List<Feature> fs = new ArrayList<>();
        Double[] v = {1.0, 2.0, 2.0, null, -999999.0, 3.5};
        for (int i = 0; i < v.length; i++) {
            fs.add(new Feature(i + 1, null, new Object[] {v[i]}));
        }
        VectorLayer l = VectorLayer.builder("t").schema(schema).features(fs).build();
        FieldStatistics s = FieldStatistics.of(l, 0, null, List.of(-999999.0), Progress.NONE);
        assertThat(s.count()).isEqualTo(4);
        assertThat(s.nulls()).isEqualTo(1);
        assertThat(s.noData()).isEqualTo(1);
        assertThat(s.distinct()).isEqualTo(3);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(3.5);
        assertThat(s.mean()).isEqualTo(2.125);
        assertThat(s.sum()).isEqualTo(8.5);
        assertThat(FieldStatistics.text(2.125)).isEqualTo("2.125");
        assertThat(FieldStatistics.text(1234567.0)).isEqualTo("1,234,567");
        // only empty values: no figures, not zeros
        FieldStatistics none = FieldStatistics.of(l, 0, new int[] {3, 4}, List.of(-999999.0), Progress.NONE);
        assertThat(none.count()).isZero();
        assertThat(none.min()).isNaN();
        assertThat(none.mean()).isNaN();
        assertThat(none.minText()).isNull();
    }
}
