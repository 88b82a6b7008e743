package io.siteplanner.gis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** The analysis CRS suggested for a new scenario from the candidates' extent. */
class CrsSuggestTest {
    @Test
    void contiguousUsGetsAlbersElsewhereTheUtmZone() {
        assertThat(Crs.suggestProjected(new Envelope(-90.4, -89.6, 32.3, 32.9), Crs.wgs84())).isEqualTo("EPSG:5070");
        assertThat(Crs.suggestProjected(new Envelope(8.5, 8.6, 47.3, 47.4), Crs.wgs84())).isEqualTo("EPSG:32632");
        assertThat(Crs.suggestProjected(new Envelope(151.1, 151.3, -33.9, -33.8), Crs.wgs84())).isEqualTo("EPSG:32756");
        assertThat(Crs.suggestProjected(new Envelope(), Crs.wgs84())).isEqualTo("EPSG:5070");
    }
}
