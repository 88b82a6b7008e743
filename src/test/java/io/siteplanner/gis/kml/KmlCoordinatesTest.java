package io.siteplanner.gis.kml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.gis.kml.KmlGeometry.BadGeometry;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** The coordinates grammar, compared with what ogrinfo (libkml) made of the same text. */
class KmlCoordinatesTest {
    @Test
    void blanksAroundCommasDoNotSplitTuples() throws BadGeometry {
        // ogrinfo: LINESTRING Z (1 2 3,4 5 6,7 8 0)
        Coordinate[] c = KmlCoordinates.parse("\n   1, 2, 3   4 ,5,6\n\t7,8\n", 10);
        assertThat(c).hasSize(3);
        assertThat(c[0]).isEqualTo(new Coordinate(1, 2));
        assertThat(c[0].getZ()).isEqualTo(3.0);
        assertThat(c[1].getZ()).isEqualTo(6.0);
        assertThat(c[2].getZ()).isNaN();
    }

    @Test
    void parsesSignsFractionsAndExponentsExactly() throws BadGeometry {
        Coordinate[] c = KmlCoordinates.parse("-86.479699,41.698992 +1.5e2,-2.5E-1 0.1,0.7 "
                + "-107.300442143321,32.6055327153171", 1);
        assertThat(c[0].x).isEqualTo(-86.479699);
        assertThat(c[0].y).isEqualTo(41.698992);
        assertThat(c[1].x).isEqualTo(150.0);
        assertThat(c[1].y).isEqualTo(-0.25);
        assertThat(c[2].x).isEqualTo(0.1);
        assertThat(c[2].y).isEqualTo(0.7);
        assertThat(c[3].x).isEqualTo(Double.parseDouble("-107.300442143321"));
        assertThat(c[3].y).isEqualTo(Double.parseDouble("32.6055327153171"));
    }

    @Test
    void rejectsWhatIsNotACoordinateWithTheLine() {
        assertThatThrownBy(() -> KmlCoordinates.parse("1,2\nabc,2", 7)).isInstanceOf(BadGeometry.class)
                .hasMessage("line 8: 'abc' is not a number");
        assertThatThrownBy(() -> KmlCoordinates.parse("1,2,,3,4", 3)).hasMessageContaining("empty value");
        assertThatThrownBy(() -> KmlCoordinates.parse("1,2,3,4", 3)).hasMessageContaining("more than 3 values");
        assertThatThrownBy(() -> KmlCoordinates.parse("1 2", 3)).hasMessageContaining("has only one value");
        assertThatThrownBy(() -> KmlCoordinates.parse("NaN,2", 3)).hasMessageContaining("'NaN' is not a number");
        assertThatThrownBy(() -> KmlCoordinates.parse("1.2.3,4", 3)).hasMessageContaining("is not a number");
    }

    @Test
    void emptyTextHasNoCoordinates() throws BadGeometry {
        assertThat(KmlCoordinates.parse(" \n\t ", 1)).isEmpty();
    }
}
