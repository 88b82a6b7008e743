package io.siteplanner.gis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Typed positions, hand-converted: 32°37'12" = 32 + 37/60 + 12/3600 = 32.62; 90°03'00" = 90.05. */
class LatLonTest {

    @Test
    void decimalDegreesLatitudeFirst() {
        assertThat(LatLon.parse("32.62, -90.05")).isEqualTo(new LatLon(32.62, -90.05));
        assertThat(LatLon.parse("32.62 -90.05")).isEqualTo(new LatLon(32.62, -90.05));
        assertThat(LatLon.parse(" 41.6; -86.7 ")).isEqualTo(new LatLon(41.6, -86.7));
    }

    @Test
    void degreesMinutesSecondsWithHemispheres() {
        LatLon a = LatLon.parse("32°37'12\"N 90°03'00\"W");
        assertThat(a.lat()).isCloseTo(32.62, within(1e-12));
        assertThat(a.lon()).isCloseTo(-90.05, within(1e-12));
        LatLon b = LatLon.parse("32 37 12 N, 90 3 0 W");
        assertThat(b.lat()).isCloseTo(32.62, within(1e-12));
        assertThat(b.lon()).isCloseTo(-90.05, within(1e-12));
        // degrees and decimal minutes, letters in front, longitude first
        LatLon c = LatLon.parse("W90 3 N32 37.2");
        assertThat(c.lat()).isCloseTo(32.62, within(1e-12));
        assertThat(c.lon()).isCloseTo(-90.05, within(1e-12));
        LatLon d = LatLon.parse("N32.62 W90.05");
        assertThat(d.lat()).isCloseTo(32.62, within(1e-12));
        assertThat(d.lon()).isCloseTo(-90.05, within(1e-12));
        LatLon e = LatLon.parse("33°52′S 151°12′E"); // Sydney, primes
        assertThat(e.lat()).isCloseTo(-(33 + 52 / 60.0), within(1e-12));
        assertThat(e.lon()).isCloseTo(151.2, within(1e-12));
        assertThat(LatLon.parse("32.62N, 90.05W").format()).isEqualTo("32.62000°N, 90.05000°W");
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> LatLon.parse("-90.05, 32.62 ,1")).hasMessageContaining("not a latitude and longitude");
        assertThatThrownBy(() -> LatLon.parse("-120.5, 32.6")).hasMessageContaining("latitude -120.5 is beyond");
        assertThatThrownBy(() -> LatLon.parse("32 70 N 90 W")).hasMessageContaining("below 60");
        assertThatThrownBy(() -> LatLon.parse("32 N 33 S")).hasMessageContaining("two latitudes");
        assertThatThrownBy(() -> LatLon.parse("Jackson")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatLon.parse("")).hasMessageContaining("type a position");
    }
}
