package io.siteplanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.model.style.Colors;
import io.siteplanner.model.style.LabelStyle;
import io.siteplanner.model.style.LayerStyle;
import org.junit.jupiter.api.Test;

/** No-data values, labels and the classification choice survive the project's style JSON. */
class StyleJsonClassesTest {

    @Test
    void noDataLabelsAndClassificationRoundTrip() {
        LayerStyle s = LayerStyle.single(Colors.rgb(0xcccccc), Colors.rgb(0x333333), 1, 0)
                .graduated("price", new double[] {10, 20}, new int[] {1, 2, 3}).withNoData(-999999)
                .withLabels(new LabelStyle("name", 500_000, 1_000)).withClassification("NATURAL_BREAKS", "YlOrRd");
        String json = StyleJson.toJson(s);
        assertThat(json).contains("\"noData\":[-999999.0]").contains("\"labels\":{\"field\":\"name\"")
                .contains("\"classMethod\":\"NATURAL_BREAKS\"");
        LayerStyle back = StyleJson.parse(json);
        assertThat(back).isEqualTo(s);
        assertThat(back.labels().minScale()).isEqualTo(500_000);
        assertThat(back.isNoData(-999999)).isTrue();
    }

    @Test
    void olderStylesWithoutTheNewKeysStillRead() {
        LayerStyle s = StyleJson.parse("{\"kind\":\"single\",\"fill\":\"#cccccc\",\"stroke\":\"#555555\"}");
        assertThat(s.labels()).isNull();
        assertThat(s.noData()).isEmpty();
    }

    @Test
    void badLabelsSayWhatIsWrong() {
        assertThatThrownBy(() -> StyleJson.parse("{\"kind\":\"single\",\"labels\":{\"minScale\":5}}"))
                .hasMessageContaining("labels").hasMessageContaining("field");
        assertThatThrownBy(() -> StyleJson.parse(
                "{\"kind\":\"single\",\"labels\":{\"field\":\"n\",\"minScale\":1000,\"maxScale\":5000}}"))
                .hasMessageContaining("scale");
        assertThatThrownBy(() -> StyleJson.parse("{\"kind\":\"single\",\"noData\":\"x\"}"))
                .hasMessageContaining("noData");
    }
}
