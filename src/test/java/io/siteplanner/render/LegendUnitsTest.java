package io.siteplanner.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.model.style.LayerStyle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Class labels of graduated legends carry the unit their field's name states (hand-worked labels). */
class LegendUnitsTest {
    static final int[] THREE = {0xff00ff00, 0xffffff00, 0xffff0000};

    static List<String> labels(LayerStyle s) {
        return Legend.of(s, 2, "layer").stream().map(Legend.Entry::label).toList();
    }

    @Test
    void aPriceFieldShowsDollarsPerMegawattHour() {
        LayerStyle s = LayerStyle.single(0xffcccccc, 0xff333333, 1, 4)
                .graduated("price_usd_mwh", new double[] {40, 65.5}, THREE);
        assertThat(labels(s)).containsExactly("< $40/MWh", "$40/MWh to < $65.50/MWh", ">= $65.50/MWh", "no value");
    }

    @Test
    void landPriceCapacityAndAreaFieldsShowTheirUnits() {
        assertThat(labels(LayerStyle.single(0, 0, 1, 4).graduated("land_usd_acre", new double[] {5000}, new int[] {1, 2})))
                .startsWith("< $5,000/acre", ">= $5,000/acre");
        assertThat(labels(LayerStyle.single(0, 0, 1, 4).graduated("avail_mw", new double[] {300}, new int[] {1, 2})))
                .startsWith("< 300 MW", ">= 300 MW");
        assertThat(labels(LayerStyle.single(0, 0, 1, 4).graduated("size_acres", new double[] {1000}, new int[] {1, 2})))
                .startsWith("< 1,000 ac", ">= 1,000 ac");
    }

    @Test
    void aFieldWhoseNameStatesNoUnitKeepsTheBareNumberAndItsNoDataClass() {
        LayerStyle s = LayerStyle.single(0, 0, 1, 4).graduated("RISK_SCORE", new double[] {25.25}, new int[] {1, 2})
                .withNoData(-999999);
        assertThat(labels(s)).containsExactly("< 25.25", ">= 25.25", "no data (-999999)");
    }
}
