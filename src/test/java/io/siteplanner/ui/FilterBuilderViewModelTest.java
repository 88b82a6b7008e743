package io.siteplanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.TestData;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The filter builder on real HIFLD lines: CQL from clauses, checked and counted as it changes. */
class FilterBuilderViewModelTest {
    static VectorLayer lines;

    @BeforeAll
    static void read() throws Exception {
        lines = FormatRegistry.standard().readVector(TestData.shared("transmission_hifld_partial_in.geojson"),
                ReadOptions.DEFAULT, Progress.NONE);
    }

    static int count(String field, java.util.function.Predicate<Object> p) {
        int i = lines.schema().indexOf(field);
        int n = 0;
        for (var f : lines.features()) {
            n += p.test(f.value(i)) ? 1 : 0;
        }
        return n;
    }

    @Test
    void clausesMakeCqlThatIsCheckedAndCounted() {
        FilterBuilderViewModel f = new FilterBuilderViewModel(Map.of("demandMw", 1200.0));
        f.setLayer(lines);
        assertThat(f.matchingProperty().get()).isEqualTo(lines.size());
        FilterBuilderViewModel.Clause c = f.addClause();
        c.fieldProperty().set("VOLTAGE");
        c.opProperty().set(">=");
        assertThat(c.valueChoices()).contains("138", "345");
        c.valueProperty().set("345");
        assertThat(f.cqlProperty().get()).isEqualTo("VOLTAGE >= 345");
        int hv = count("VOLTAGE", v -> v instanceof Number && ((Number) v).doubleValue() >= 345);
        assertThat(f.matchingProperty().get()).isEqualTo(hv);
        assertThat(f.summaryProperty().get()).isEqualTo(String.format("%,d of %,d features match", hv, lines.size()));
        FilterBuilderViewModel.Clause d = f.addClause();
        d.fieldProperty().set("OWNER");
        d.opProperty().set("=");
        d.valueProperty().set("DUKE ENERGY INDIANA, LLC");
        assertThat(f.cqlProperty().get()).isEqualTo("VOLTAGE >= 345 AND OWNER = 'DUKE ENERGY INDIANA, LLC'");
        f.combineProperty().set("OR");
        assertThat(f.cqlProperty().get()).contains(" OR ");
        assertThat(f.matchingProperty().get()).isGreaterThan(hv);
        f.removeClause(d);
        assertThat(f.cqlProperty().get()).isEqualTo("VOLTAGE >= 345");
    }

    @Test
    void typedCqlIsCheckedAsItIsTyped() {
        FilterBuilderViewModel f = new FilterBuilderViewModel(Map.of("demandMw", 1200.0));
        f.setLayer(lines);
        f.cqlProperty().set("VOLTAGE >");
        assertThat(f.isValid()).isFalse();
        assertThat(f.errorProperty().get()).contains("bad CQL");
        assertThat(f.matchingProperty().get()).isEqualTo(-1);
        f.cqlProperty().set("VOLTS > 5");
        assertThat(f.errorProperty().get()).contains("VOLTS").contains("VOLTAGE");
        f.cqlProperty().set("VOLTAGE * 2 >= ${demandMw}");
        assertThat(f.isValid()).isTrue();
        f.cqlProperty().set("  ");
        assertThat(f.filter()).isNull();
        assertThat(f.matchingProperty().get()).isEqualTo(lines.size());
    }
}
