package io.siteplanner.gis.csv;

import static io.siteplanner.gis.csv.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.CancelledException;
import io.siteplanner.model.Feature;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.GeometryType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.geotools.api.referencing.operation.MathTransform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * CSV reading checked against GDAL 3.6 ({@code ogrinfo -oo X_POSSIBLE_NAMES=Longitude,lon,X
 * -oo Y_POSSIBLE_NAMES=Latitude,lat,Y -oo KEEP_GEOM_COLUMNS=YES -oo AUTODETECT_TYPE=YES}); the figures
 * below are what it printed for the fixtures made by {@code fixtures/csv/make-fixtures.sh}.
 */
class CsvFormatTest {
    private static final double DEG = 1e-6;
    /** ogrinfo extent of plants_in_50.csv (and its ; and TAB copies). */
    private static final Envelope PLANTS_50 = new Envelope(-88.084908, -84.874547, 37.894800, 41.799200);

    @TempDir
    Path tmp;

    private final CsvFormat format = new CsvFormat();

    private VectorLayer read(Path file) throws IOException {
        return format.read(file, ReadOptions.DEFAULT, Progress.NONE);
    }

    private VectorLayer read(Path file, ReadOptions o) throws IOException {
        return format.read(file, o, Progress.NONE);
    }

    private static void assertEnvelope(Envelope actual, Envelope expected, double tol) {
        assertThat(actual.getMinX()).isCloseTo(expected.getMinX(), within(tol));
        assertThat(actual.getMaxX()).isCloseTo(expected.getMaxX(), within(tol));
        assertThat(actual.getMinY()).isCloseTo(expected.getMinY(), within(tol));
        assertThat(actual.getMaxY()).isCloseTo(expected.getMaxY(), within(tol));
    }

    private static Feature byValue(VectorLayer l, String field, Object value) {
        int i = l.schema().indexOf(field);
        return l.features().stream().filter(f -> value.equals(f.value(i))).findFirst().orElseThrow();
    }

    private Path write(String name, String content, Charset cs) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, content.getBytes(cs));
        return p;
    }

    @Test
    void readsLatitudeLongitudeColumnsLikeGdal() throws IOException {
        VectorLayer l = read(fixture("plants_in_50.csv"));
        assertThat(l.size()).isEqualTo(50);
        assertThat(l.name()).isEqualTo("plants_in_50");
        assertThat(l.geometryType()).isEqualTo(GeometryType.POINT);
        assertThat(l.epsg()).isEqualTo(4326);
        assertThat(Crs.isGeographic(l.crs())).isTrue();
        assertThat(l.hasZ()).isFalse();
        assertEnvelope(l.bounds(), PLANTS_50, DEG);
        assertThat(l.warnings()).isEmpty();
        // all 31 columns, coordinate columns kept (GDAL KEEP_GEOM_COLUMNS=YES)
        assertThat(l.schema().size()).isEqualTo(31);
        assertThat(l.schema().names()).startsWith("Plant_Code", "Plant_Name").endsWith("Latitude", "Longitude");
    }

    @Test
    void infersTheSameColumnTypesAsGdalAutodetect() throws IOException {
        VectorLayer l = read(fixture("plants_in_50.csv"));
        // ogrinfo: Plant_Code Integer, Zip Integer, Install_MW Real, Bat_MW Integer, Geo_MW String (all empty),
        // Source String, Period Integer, Latitude Real, Longitude Real
        assertThat(type(l, "Plant_Code")).isEqualTo(FieldType.INTEGER);
        assertThat(type(l, "Zip")).isEqualTo(FieldType.INTEGER);
        assertThat(type(l, "Install_MW")).isEqualTo(FieldType.REAL);
        assertThat(type(l, "Bat_MW")).isEqualTo(FieldType.INTEGER);
        assertThat(type(l, "Geo_MW")).isEqualTo(FieldType.STRING);
        assertThat(type(l, "Source")).isEqualTo(FieldType.STRING);
        assertThat(type(l, "Period")).isEqualTo(FieldType.INTEGER);
        assertThat(type(l, "Latitude")).isEqualTo(FieldType.REAL);
        assertThat(type(l, "Longitude")).isEqualTo(FieldType.REAL);
    }

    private static FieldType type(VectorLayer l, String name) {
        return l.schema().field(l.schema().indexOf(name)).type();
    }

    @Test
    void keepsValuesAndGdalFeatureIds() throws IOException {
        VectorLayer l = read(fixture("plants_in_50.csv"));
        Feature f = l.get(0);
        assertThat(f.fid()).isEqualTo(1);
        assertThat(f.value(l.schema().indexOf("Plant_Code"))).isEqualTo(949L);
        assertThat(f.value(l.schema().indexOf("Plant_Name"))).isEqualTo("Marshall (IL)");
        assertThat(f.value(l.schema().indexOf("Source"))).isEqualTo("EIA-860, EIA-860M and EIA-923");
        assertThat(f.value(l.schema().indexOf("Total_MW"))).isEqualTo(16.9);
        assertThat(f.value(l.schema().indexOf("Bat_MW"))).isNull();
        assertThat(f.value(l.schema().indexOf("Latitude"))).isEqualTo(39.392138);
        Point p = (Point) f.geometry();
        assertThat(p.getX()).isEqualTo(-87.68513);
        assertThat(p.getY()).isEqualTo(39.392138);
        assertThat(l.get(49).fid()).isEqualTo(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plants_in_50_semicolon.csv", "plants_in_50.tsv"})
    void sniffsSemicolonAndTabDelimiters(String name) throws IOException {
        VectorLayer l = read(fixture(name));
        assertThat(l.size()).isEqualTo(50);
        assertThat(l.schema().size()).isEqualTo(31);
        assertEnvelope(l.bounds(), PLANTS_50, DEG);
        assertThat(byValue(l, "Plant_Code", 949L).value(l.schema().indexOf("Source")))
                .isEqualTo("EIA-860, EIA-860M and EIA-923");
    }

    @Test
    void delimiterOptionOverridesSniffing() throws IOException {
        VectorLayer l = read(fixture("plants_in_50.tsv"), ReadOptions.DEFAULT.withDelimiter('\t'));
        assertThat(l.size()).isEqualTo(50);
        assertThatThrownBy(() -> read(fixture("plants_in_50.tsv"), ReadOptions.DEFAULT.withDelimiter(';')))
                .isInstanceOf(LayerReadException.class).hasMessageContaining("no coordinate columns found");
    }

    @Test
    void readsWktPolygonsWithNonAsciiNames() throws IOException {
        VectorLayer l = read(fixture("counties_nm_wkt.csv"));
        // ogrinfo: 33 features, extent (-109.048428, 31.332406) - (-103.000468, 37.000482); 32 POLYGON, 1 MULTIPOLYGON
        assertThat(l.size()).isEqualTo(33);
        assertEnvelope(l.bounds(), new Envelope(-109.048428, -103.000468, 31.332406, 37.000482), DEG);
        assertThat(l.geometryType()).isEqualTo(GeometryType.MULTIPOLYGON);
        assertThat(l.schema().names()).containsExactly("WKT", "id", "name");
        Feature donaAna = byValue(l, "name", "Doña Ana");
        assertThat(donaAna.value(l.schema().indexOf("id"))).isEqualTo(35013L);
        assertThat(donaAna.geometry().getGeometryType()).isEqualTo("Polygon");
        assertThat(donaAna.geometry().getEnvelopeInternal().getMinX()).isCloseTo(-107.300442, within(DEG));
        assertThat(donaAna.geometry().getEnvelopeInternal().getMaxY()).isCloseTo(33.053103, within(DEG));
        assertThat(l.features().stream().filter(f -> f.geometry().getGeometryType().equals("MultiPolygon")))
                .hasSize(1);
    }

    @Test
    void projectedXyWithDefaultCrsWarnsAndPointsAtCrsOption() throws IOException {
        VectorLayer l = read(fixture("plants_in_utm16.csv"));
        assertThat(l.size()).isEqualTo(50);
        assertThat(l.warnings()).singleElement().asString()
                .contains("not valid longitude/latitude").contains("--crs").contains("'X'/'Y'");
    }

    @Test
    void projectedXyWithCrsOptionReadsAndConvertsBack() throws Exception {
        VectorLayer l = read(fixture("plants_in_utm16.csv"), ReadOptions.DEFAULT.withCrs("EPSG:26916"));
        assertThat(l.warnings()).isEmpty();
        assertThat(l.epsg()).isEqualTo(26916);
        // ogrinfo: Extent: (408243.572262, 4194189.609001) - (681949.051290, 4628679.974676)
        assertEnvelope(l.bounds(), new Envelope(408243.572262, 681949.051290, 4194189.609001, 4628679.974676), 1e-3);
        MathTransform mt = Crs.transform(l.crs(), Crs.wgs84());
        Geometry ll = Crs.transform(byValue(l, "Plant_Code", 949L).geometry(), mt);
        assertThat(ll.getCoordinate().x).isCloseTo(-87.68513, within(1e-6));
        assertThat(ll.getCoordinate().y).isCloseTo(39.392138, within(1e-6));
    }

    @Test
    void skipsRowsWithBadCoordinatesWithOneWarning() throws IOException {
        // GDAL keeps 50 features, 2 without geometry (fid 10: empty Latitude, fid 20: Longitude 'n/a');
        // ogrinfo -where "Latitude IS NOT NULL AND Longitude IS NOT NULL": 48, same extent as the 50
        VectorLayer l = read(fixture("plants_in_bad_rows.csv"));
        assertThat(l.size()).isEqualTo(48);
        assertEnvelope(l.bounds(), PLANTS_50, DEG);
        assertThat(l.features()).extracting(Feature::fid).doesNotContain(10L, 20L).contains(9L, 11L, 21L);
        assertThat(l.warnings()).singleElement().asString()
                .startsWith("2 rows skipped: coordinates empty or not numbers (lines 11, 21)")
                .contains("Latitude is empty");
        // the bad value makes the Longitude column text, as GDAL's autodetect does ("Invalid value type")
        assertThat(type(l, "Latitude")).isEqualTo(FieldType.REAL);
        assertThat(type(l, "Longitude")).isEqualTo(FieldType.STRING);
    }

    @Test
    void noCoordinateColumnsIsAClearError() {
        assertThatThrownBy(() -> read(fixture("prices_no_coords.csv")))
                .isInstanceOf(LayerReadException.class)
                .hasMessage(fixture("prices_no_coords.csv") + ": no coordinate columns found: expected lat/lon (or"
                        + " x/y) or a WKT column among the header's 8 columns; name them with --x and --y");
    }

    @Test
    void swappedLatLonColumnsGiveAPlausibilityWarning() throws IOException {
        // ogrinfo: 97 features, extent (30.005067, -91.618853) - (35.074087, -88.002670): y beyond -90
        VectorLayer l = read(fixture("plants_ms_swapped.csv"));
        assertThat(l.size()).isEqualTo(97);
        assertEnvelope(l.bounds(), new Envelope(30.005067, 35.074087, -91.618853, -88.002670), DEG);
        assertThat(l.warnings()).singleElement().asString()
                .contains("not valid longitude/latitude").contains("swapped").contains("--crs");
    }

    @Test
    void handlesBomCrlfAndQuotedLineBreaks() throws IOException {
        VectorLayer l = read(fixture("plants_in_crlf_bom.csv"));
        // ogrinfo: 10 features, extent (-87.765833, 37.911100) - (-84.965682, 41.799200)
        assertThat(l.size()).isEqualTo(10);
        assertEnvelope(l.bounds(), new Envelope(-87.765833, -84.965682, 37.911100, 41.799200), DEG);
        assertThat(l.schema().names().get(0)).isEqualTo("Plant_Code");
        assertThat(l.get(0).value(1)).isEqualTo("Marshall (IL)\nunit \"A\"");
        assertThat(l.get(1).fid()).isEqualTo(2);
    }

    @Test
    void utf8NamesAreReadAsUtf8() throws IOException {
        VectorLayer l = read(fixture("counties_nm_centroids.csv"));
        assertThat(l.size()).isEqualTo(33);
        assertThat(l.warnings()).isEmpty();
        Feature f = byValue(l, "name", "Doña Ana");
        assertThat(((Point) f.geometry()).getX()).isEqualTo(-106.833134);
        assertThat(((Point) f.geometry()).getY()).isEqualTo(32.352384);
        // ogrinfo: Extent: (-108.714614, 31.914438) - (-103.347505, 36.606030)
        assertEnvelope(l.bounds(), new Envelope(-108.714614, -103.347505, 31.914438, 36.606030), DEG);
        // the GEOID column is quoted text of digits: typed INTEGER like GDAL's autodetect
        assertThat(f.value(l.schema().indexOf("geoid"))).isEqualTo(35013L);
    }

    @Test
    void invalidUtf8FallsBackToWindows1252WithAWarning() throws IOException {
        VectorLayer l = read(fixture("counties_nm_centroids_cp1252.csv"));
        assertThat(l.size()).isEqualTo(33);
        assertThat(byValue(l, "name", "Doña Ana").fid()).isPositive();
        assertThat(l.warnings()).singleElement().asString().contains("not valid UTF-8").contains("Windows-1252");
    }

    @Test
    void encodingOptionIsUsedWithoutWarning() throws IOException {
        VectorLayer l = read(fixture("counties_nm_centroids_cp1252.csv"),
                ReadOptions.DEFAULT.withEncoding(Charset.forName("windows-1252")));
        assertThat(l.warnings()).isEmpty();
        assertThat(byValue(l, "name", "Doña Ana").fid()).isPositive();
    }

    @Test
    void utf16WithBomIsRead() throws IOException {
        String text = "name\tlat\tlon\r\nDoña Ana\t32.352384\t-106.833134\r\n";
        Path p = tmp.resolve("u16.txt");
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[body.length + 2];
        all[0] = (byte) 0xFF;
        all[1] = (byte) 0xFE;
        System.arraycopy(body, 0, all, 2, body.length);
        Files.write(p, all);
        assertThat(format.probe(p)).isTrue();
        VectorLayer l = read(p);
        assertThat(l.get(0).value(0)).isEqualTo("Doña Ana");
        assertThat(((Point) l.get(0).geometry()).getY()).isEqualTo(32.352384);
    }

    @Test
    void xyOptionsOverrideDetection() throws IOException {
        Path p = write("pts.csv", "id,northing,easting,lat\n1,10.5,20.5,99\n2,11,21,99\n", StandardCharsets.UTF_8);
        VectorLayer l = read(p, ReadOptions.DEFAULT.withXY("easting", "northing"));
        assertThat(l.size()).isEqualTo(2);
        assertThat(((Point) l.get(0).geometry()).getX()).isEqualTo(20.5);
        assertThat(((Point) l.get(0).geometry()).getY()).isEqualTo(10.5);
        assertThatThrownBy(() -> read(p, ReadOptions.DEFAULT.withXY("east", "northing")))
                .isInstanceOf(LayerReadException.class)
                .hasMessage(p + ": no column named 'east' (given as the x column; the header has 4 columns)");
    }

    @Test
    void wktColumnFoundByContentAndByOption() throws IOException {
        Path p = write("shapes.csv", "id;shape;note\n1;POINT (1 2);a\n2;LINESTRING (0 0, 1 1);b\n"
                + "3;POINT Z (5 6 7);c\n4;POLYGON ((0 0, 1 0, 1 1;d\n5;;e\n", StandardCharsets.UTF_8);
        VectorLayer l = read(p);
        assertThat(l.size()).isEqualTo(3);
        assertThat(l.hasZ()).isTrue();
        assertThat(l.geometryType()).isEqualTo(GeometryType.GEOMETRY);
        assertThat(l.get(2).geometry().getCoordinate().getZ()).isEqualTo(7.0);
        assertThat(l.warnings()).hasSize(2);
        assertThat(l.warnings().get(0)).isEqualTo("1 row skipped: empty geometry (line 6)");
        // the WKT is quoted only up to 12 characters
        assertThat(l.warnings().get(1)).isEqualTo("1 row skipped: invalid WKT geometry (line 5); first: line 5:"
                + " POLYGON ((0 ... (Expected word but found End-of-Stream (line 1))");
        VectorLayer byOption = read(p, ReadOptions.DEFAULT.withWktField("SHAPE"));
        assertThat(byOption.size()).isEqualTo(3);
    }

    @Test
    void infersTypesOverAllRows() throws IOException {
        Path p = write("types.csv", "lat,lon,i,r,b,d,dt,zip,mixed,empty,big\n"
                + "1,2,5,1.5,true,2024-02-29,2024-02-29T10:15:30,06511,1,,12345678901234567890\n"
                + "1,2,-7,2,FALSE,2023-01-31,2024-03-01 08:00,47250,x,,1\n"
                + "1,2,,1e3,,,,,2,,\n", StandardCharsets.UTF_8);
        VectorLayer l = read(p);
        assertThat(l.schema().fields()).extracting(f -> f.type()).containsExactly(FieldType.INTEGER,
                FieldType.INTEGER, FieldType.INTEGER, FieldType.REAL, FieldType.BOOLEAN, FieldType.DATE,
                FieldType.DATETIME, FieldType.STRING, FieldType.STRING, FieldType.STRING, FieldType.REAL);
        Feature f = l.get(0);
        assertThat(f.value(2)).isEqualTo(5L);
        assertThat(f.value(3)).isEqualTo(1.5);
        assertThat(f.value(4)).isEqualTo(Boolean.TRUE);
        assertThat(f.value(5)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(f.value(6)).isEqualTo(LocalDateTime.of(2024, 2, 29, 10, 15, 30));
        assertThat(f.value(7)).isEqualTo("06511");
        assertThat(f.value(10)).isEqualTo(1.2345678901234567e19);
        assertThat(l.get(1).value(4)).isEqualTo(Boolean.FALSE);
        assertThat(l.get(2).value(2)).isNull();
        assertThat(l.get(2).value(3)).isEqualTo(1000.0);
        assertThat(l.get(2).value(9)).isNull();
    }

    @Test
    void fuzzyCoordinateNamesAndDecimalCommas() throws IOException {
        Path p = write("eu.csv", "Name;Lat_WGS84;Lon_WGS84\nA;41,5;-86,25\nB;41.6;-86.3\n", StandardCharsets.UTF_8);
        VectorLayer l = read(p);
        assertThat(l.size()).isEqualTo(2);
        assertThat(((Point) l.get(0).geometry()).getY()).isEqualTo(41.5);
        assertThat(((Point) l.get(0).geometry()).getX()).isEqualTo(-86.25);
    }

    @Test
    void excelSepLineAndDuplicateOrEmptyHeaders() throws IOException {
        Path p = write("excel.csv", "sep=|\nx|y|v|v|\n1|2|a|b|c\n", StandardCharsets.UTF_8);
        VectorLayer l = read(p);
        assertThat(l.schema().names()).containsExactly("x", "y", "v", "v_2", "field_5");
        assertThat(l.get(0).value(4)).isEqualTo("c");
    }

    @Test
    void rowsLongerThanTheHeaderAreReadWithAWarning() throws IOException {
        Path p = write("long.csv", "lat,lon\n1,2\n3,4,5\n\n5,6\n", StandardCharsets.UTF_8);
        VectorLayer l = read(p);
        assertThat(l.size()).isEqualTo(3);
        assertThat(l.warnings()).containsExactly(
                "1 row has more values than the header has columns; the extra values were ignored (first at line 3)");
    }

    @Test
    void headerOnlyGivesAnEmptyLayer() throws IOException {
        VectorLayer l = read(write("empty.csv", "latitude,longitude,name\r\n", StandardCharsets.UTF_8));
        assertThat(l.size()).isZero();
        assertThat(l.bounds().isNull()).isTrue();
        assertThat(l.schema().size()).isEqualTo(3);
    }

    @Test
    void unclosedQuoteIsAnErrorWithTheLine() throws IOException {
        Path p = write("quote.csv", "lat,lon,name\n1,2,ok\n3,4,\"never closed\n5,6,x\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(p)).isInstanceOf(LayerReadException.class)
                .hasMessage(p + ": line 3: a quoted field starts here but its closing quote is missing");
    }

    @Test
    void unknownCrsOptionIsAReadError() {
        assertThatThrownBy(() -> read(fixture("plants_in_50.csv"), ReadOptions.DEFAULT.withCrs("EPSG:99999999")))
                .isInstanceOf(LayerReadException.class).hasMessageContaining("EPSG:99999999");
    }

    @Test
    void binaryFileWithCsvExtensionIsNotProbedAsCsv() throws IOException {
        Path p = tmp.resolve("junk.csv");
        Files.write(p, new byte[] {1, 2, 0, 0, 7, 8, 0});
        assertThat(format.probe(p)).isFalse();
        assertThatThrownBy(() -> FormatRegistry.standard().read(p)).isInstanceOf(LayerReadException.class)
                .hasMessageContaining("junk.csv: ");
    }

    @Test
    void registryPicksCsvForCsvFiles() throws IOException {
        assertThat(FormatRegistry.standard().formatFor(fixture("plants_in_50.csv")).id()).isEqualTo("csv");
        assertThat(FormatRegistry.standard().formatFor(fixture("plants_in_50.tsv")).id()).isEqualTo("csv");
    }

    @Test
    void cancellationStopsTheRead() throws IOException {
        StringBuilder sb = new StringBuilder("lat,lon\n");
        for (int i = 0; i < 20000; i++) {
            sb.append("40.").append(i).append(",-86.").append(i).append('\n');
        }
        Path p = write("many.csv", sb.toString(), StandardCharsets.UTF_8);
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> format.read(p, ReadOptions.DEFAULT, cancelled))
                .isInstanceOf(CancelledException.class);
        assertThat(read(p).size()).isEqualTo(20000);
    }
}
