package io.siteplanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.model.style.Colors;
import io.siteplanner.model.style.LayerStyle;
import org.junit.jupiter.api.Test;

class StyleJsonTest {
    @Test
    void everyKindRoundTrips() {
        for (LayerStyle s : new LayerStyle[] {LayerStyle.single(Colors.argb(90, 1, 2, 3), Colors.rgb(0xabcdef), 1.5, 7),
            StoreFixtures.graduated(), StoreFixtures.categorized(),
            LayerStyle.single(0, Colors.rgb(0x5b2c6f), 1, 5).withSizeBy("kv", 5, 14)}) {
            assertThat(StyleJson.parse(StyleJson.toJson(s))).isEqualTo(s);
        }
    }

    @Test
    void writesReadableJson() {
        assertThat(StyleJson.toJson(StoreFixtures.graduated())).isEqualTo("{\"kind\":\"graduated\",\"fill\":\"#cccccc\","
                + "\"stroke\":\"#555555\",\"strokeWidth\":1.8,\"pointSize\":0.0,\"field\":\"kv\",\"breaks\":[100.0,200.5],"
                + "\"colors\":[\"#7f8c8d\",\"#802e86de\",\"#10ac84\"]}");
    }

    @Test
    void badStylesSayWhatIsWrong() {
        assertThatThrownBy(() -> StyleJson.parse("{\"kind\":\"single\",\"fill\":\"red\"}"))
                .hasMessage("style fill: 'red' is not a colour (#rrggbb or #aarrggbb)");
        assertThatThrownBy(() -> StyleJson.parse("{\"kind\":\"graduated\",\"field\":\"kv\"}"))
                .hasMessage("graduated style needs arrays 'breaks' and 'colors'");
        assertThatThrownBy(() -> StyleJson.parse("{oops")).hasMessageStartingWith("style is not valid JSON");
    }
}
