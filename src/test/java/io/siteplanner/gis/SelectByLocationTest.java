package io.siteplanner.gis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.TestData;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/**
 * Select by location on real Mississippi files against a brute-force loop over every pair of features
 * (JTS distance / intersects after reprojecting each geometry with GeoTools directly).
 */
class SelectByLocationTest {
    static VectorLayer subs;
    static VectorLayer lines;
    static VectorLayer counties;
    static CoordinateReferenceSystem albers;

    @BeforeAll
    static void read() throws Exception {
        FormatRegistry r = FormatRegistry.standard();
        subs = r.readVector(TestData.shared("substations_hifld_partial_ms.geojson"), ReadOptions.DEFAULT, Progress.NONE);
        lines = r.readVector(TestData.shared("transmission_hifld_partial_ms.geojson"), ReadOptions.DEFAULT, Progress.NONE);
        counties = r.readVector(TestData.shared("counties_ms_in_census2017_10m.geojson"), ReadOptions.DEFAULT,
                Progress.NONE);
        albers = CRS.decode("EPSG:5070", true);
    }

    static List<Geometry> project(VectorLayer l) throws Exception {
        MathTransform mt = CRS.findMathTransform(l.crs(), albers, true);
        List<Geometry> out = new ArrayList<>();
        for (var f : l.features()) {
            out.add(f.geometry() == null ? null : JTS.transform(f.geometry(), mt));
        }
        return out;
    }

    static BitSet bruteForce(VectorLayer target, VectorLayer ref, BitSet refRows, double d) throws Exception {
        List<Geometry> t = project(target);
        List<Geometry> r = project(ref);
        BitSet out = new BitSet();
        for (int i = 0; i < t.size(); i++) {
            for (int j = 0; j < r.size(); j++) {
                if ((refRows == null || refRows.get(j)) && t.get(i) != null && r.get(j) != null
                        && (d == 0 ? t.get(i).intersects(r.get(j)) : t.get(i).distance(r.get(j)) <= d)) {
                    out.set(i);
                    break;
                }
            }
        }
        return out;
    }

    static BitSet everyThird(int n) {
        BitSet b = new BitSet();
        for (int i = 0; i < n; i += 3) {
            b.set(i);
        }
        return b;
    }

    @Test
    void substationsWithin2KmOfSelectedLinesMatchBruteForce() throws Exception {
        BitSet refRows = everyThird(lines.size());
        BitSet got = SelectByLocation.select(subs, lines, refRows, SelectByLocation.Relation.WITHIN_DISTANCE, 2000, albers,
                Progress.NONE);
        BitSet want = bruteForce(subs, lines, refRows, 2000);
        assertThat(want.cardinality()).isBetween(10, subs.size() - 10); // the case discriminates
        assertThat(got).isEqualTo(want);
        // a larger distance can only add features
        BitSet wider = SelectByLocation.select(subs, lines, refRows, SelectByLocation.Relation.WITHIN_DISTANCE, 5000,
                albers, Progress.NONE);
        BitSet notIn = (BitSet) got.clone();
        notIn.andNot(wider);
        assertThat(notIn.isEmpty()).isTrue();
        assertThat(wider.cardinality()).isGreaterThan(got.cardinality());
    }

    @Test
    void countiesIntersectingAllLinesMatchBruteForceAndZeroDistanceIsIntersects() throws Exception {
        BitSet got = SelectByLocation.select(counties, lines, null, SelectByLocation.Relation.INTERSECTS, 0, albers,
                Progress.NONE);
        BitSet want = bruteForce(counties, lines, null, 0);
        assertThat(want.cardinality()).isBetween(5, counties.size() - 5);
        assertThat(got).isEqualTo(want);
        assertThat(SelectByLocation.select(counties, lines, null, SelectByLocation.Relation.WITHIN_DISTANCE, 0, albers,
                Progress.NONE)).isEqualTo(want);
    }

    @Test
    void noReferenceFeaturesSelectNothingAndBadDistancesAreRefused() {
        assertThat(SelectByLocation.select(subs, lines, new BitSet(), SelectByLocation.Relation.INTERSECTS, 0, albers,
                Progress.NONE).isEmpty()).isTrue();
        assertThatThrownBy(() -> SelectByLocation.select(subs, lines, null, SelectByLocation.Relation.WITHIN_DISTANCE, -1,
                albers, Progress.NONE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 m or more");
    }

    @Test
    void modesCombineLikeQgis() {
        BitSet cur = BitSet.valueOf(new long[] {0b0111}); // 0, 1, 2
        BitSet found = BitSet.valueOf(new long[] {0b1100}); // 2, 3
        assertThat(SelectMode.NEW.apply(cur, found)).isEqualTo(BitSet.valueOf(new long[] {0b1100}));
        assertThat(SelectMode.ADD.apply(cur, found)).isEqualTo(BitSet.valueOf(new long[] {0b1111}));
        assertThat(SelectMode.REMOVE.apply(cur, found)).isEqualTo(BitSet.valueOf(new long[] {0b0011}));
        assertThat(SelectMode.INTERSECT.apply(cur, found)).isEqualTo(BitSet.valueOf(new long[] {0b0100}));
        assertThat(cur).isEqualTo(BitSet.valueOf(new long[] {0b0111})); // untouched
    }
}
