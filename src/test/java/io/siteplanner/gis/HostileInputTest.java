package io.siteplanner.gis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.siteplanner.TestData;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A generated hostile corpus, read the way {@code siteplanner info} reads a file (format, layer names,
 * layer, lon/lat extent): seeded truncations and byte flips of fixtures of every format and of small real
 * files ({@code ../shared/data/real}, read in place, never copied into the repository), headers that lie,
 * deep nesting, XML entity tricks, zip bombs and path-escaping entries, FIFOs, directories, devices and
 * links to another file.
 *
 * <p>Every read must end (the 20 s {@code assertTimeoutPreemptively} is only a hang guard, not a speed
 * check) with a layer (complete or partial, with warnings) or a {@link LayerReadException} whose message
 * starts with the file as given, is one line, carries no exception names or stack frames and quotes no
 * other file's content. Any other throwable (StackOverflowError, OutOfMemoryError, a RuntimeException
 * escaping a reader) fails the case: readers are called directly, not through the registry's safety net.
 * Some cases also check what the outcome says (the limit named, the warning given).
 */
class HostileInputTest {
    /** Marker inside the "other file" that links point at; it must never appear in a message. */
    static final String SECRET = "SECRET-7f3a9c";
    static final String PASSWD = "root:x:0:0:" + SECRET + ":/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n";
    private static final long SEED = 20261201L;
    private static final String DEEP_WKT = "PROJCS[".repeat(5000) + "]".repeat(5000);

    private static Path root;
    private static Path secret;

    /** Makes the case's file(s) in an empty folder and returns the file to read. */
    interface Maker {
        Path make(Path dir) throws Exception;
    }

    record Case(String name, Maker maker, ReadOptions options, Consumer<Object> expect) {
    }

    @BeforeAll
    static void setUp() throws IOException {
        root = Files.createTempDirectory("siteplanner-hostile-");
        secret = root.resolve("secret.txt");
        Files.writeString(secret, PASSWD);
    }

    @AfterAll
    static void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @TestFactory
    Stream<DynamicTest> hostileCorpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        mutations(cases);
        nesting(cases);
        xml(cases);
        zips(cases);
        notRegularFiles(cases);
        linksToAnotherFile(cases);
        lyingShapefileHeaders(cases);
        lyingGeoPackages(cases);
        lyingCsv(cases);
        lyingTiffs(cases);
        int[] n = {0};
        return cases.stream().map(c -> {
            int i = n[0]++;
            return DynamicTest.dynamicTest("#" + i + " " + c.name(), () -> run(c, i));
        });
    }

    // ------------------------------------------------------------------------------------------- running

    private static void run(Case c, int index) throws Exception {
        Path dir = Files.createDirectories(root.resolve("c" + index));
        Path file = c.maker().make(dir);
        Object outcome = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> attempt(file, c.options()),
                () -> "hang guard: " + c.name());
        if (outcome instanceof LayerReadException) {
            checkMessage(file, ((LayerReadException) outcome).getMessage());
        } else if (outcome instanceof Throwable) {
            throw new AssertionError(c.name() + ": expected a layer or a LayerReadException, got " + outcome,
                    (Throwable) outcome);
        } else {
            for (String w : ((Layer) outcome).warnings()) {
                checkText(w);
            }
        }
        if (c.expect() != null) {
            c.expect().accept(outcome);
        }
        assertThat(Files.exists(root.resolve("evil.shp"))).isFalse();
        assertThat(Files.exists(Path.of("evil.shp"))).isFalse();
        assertThat(Files.exists(Path.of("evil.kml"))).isFalse();
    }

    /** What {@code info} does: the format, its layer names, the layer, its lon/lat extent. */
    private static Object attempt(Path file, ReadOptions options) {
        try {
            LayerFormat format = FormatRegistry.standard().formatFor(file);
            format.layerNames(file);
            Layer l = format.read(file, options, Progress.NONE);
            if (l instanceof VectorLayer && l.crs() != null && !l.bounds().isNull()) {
                List<String> w = new ArrayList<>();
                LayerSummary.lonLatExtent((VectorLayer) l, w);
            }
            return l;
        } catch (Throwable t) {
            return t;
        }
    }

    static void checkMessage(Path file, String m) {
        assertThat(m).startsWith(file + ": ");
        checkText(m);
    }

    static void checkText(String m) {
        assertThat(m).doesNotContain("\n").doesNotContain("\r").doesNotContain("Exception")
                .doesNotContain("\tat ").doesNotContain(".java:").doesNotContain(SECRET).doesNotContain("root:x:0")
                .hasSizeLessThan(600);
    }

    private static Consumer<Object> fails(String... fragments) {
        return o -> {
            assertThat(o).isInstanceOf(LayerReadException.class);
            for (String f : fragments) {
                assertThat(((LayerReadException) o).getMessage()).contains(f);
            }
        };
    }

    private static Consumer<Object> warns(String fragment) {
        return o -> {
            assertThat(o).isInstanceOf(Layer.class);
            assertThat(((Layer) o).warnings()).anyMatch(w -> w.contains(fragment));
        };
    }

    private static void add(List<Case> cases, String name, Maker m) {
        cases.add(new Case(name, m, ReadOptions.DEFAULT, null));
    }

    private static void add(List<Case> cases, String name, Maker m, Consumer<Object> expect) {
        cases.add(new Case(name, m, ReadOptions.DEFAULT, expect));
    }

    // ------------------------------------------------------------------------------------------- seeds

    /** A seed: the files of one dataset by name, and which of them to damage. */
    private record Seed(String label, Map<String, byte[]> files, String main, List<String> victims) {
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Seed shapefile(String base, String... victims) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String ext : new String[] {"shp", "shx", "dbf", "prj", "cpg"}) {
            Path p = Path.of("src", "test", "resources", "fixtures", "shapefile", base + "." + ext);
            if (Files.exists(p)) {
                files.put(base + "." + ext, bytes(p));
            }
        }
        List<String> v = new ArrayList<>();
        for (String ext : victims) {
            v.add(base + "." + ext);
        }
        return new Seed("shapefile " + base, files, base + ".shp", v);
    }

    private static Seed single(String label, String name, byte[] content) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(name, content);
        return new Seed(label, files, name, List.of(name));
    }

    private static Seed fixture(String rel) {
        return single(rel, Path.of(rel).getFileName().toString(), bytes(TestData.fixture(rel)));
    }

    private static Seed real(String name) {
        return single("real " + name, name, bytes(TestData.shared(name)));
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static List<Seed> seeds() throws IOException {
        List<Seed> s = new ArrayList<>();
        s.add(shapefile("counties_ms_4269", "shp", "shx", "dbf", "prj"));
        s.add(shapefile("polygonzm", "shp"));
        s.add(shapefile("multipoint", "shp"));
        s.add(shapefile("types", "dbf"));
        Seed counties = shapefile("counties_ms_4269");
        s.add(single("zipped shapefile", "counties.zip", zip(counties.files())));
        s.add(fixture("gpkg/counties_5070.gpkg"));
        s.add(fixture("gpkg/z3d.gpkg"));
        s.add(fixture("geojson/z_collection.geojson"));
        s.add(fixture("geojson/transmission_26916_crs_last.geojson"));
        s.add(real("iso_pricing_nodes_ms_bbox.geojson"));
        s.add(real("transmission_hifld_partial_ms.geojson"));
        s.add(fixture("kml/counties_nm.kml"));
        s.add(fixture("kml/mixed.kml"));
        s.add(fixture("kml/counties_nm.kmz"));
        s.add(fixture("csv/plants_in_50.csv"));
        s.add(fixture("csv/counties_nm_wkt.csv"));
        s.add(real("power_plants_eia_ms_bbox.csv"));
        s.add(fixture("geotiff/fips_4326_int16.tif"));
        s.add(fixture("geotiff/risk_4326_float32_tiled.tif"));
        s.add(fixture("geotiff/fips_4326_bigtiff.tif"));
        return s;
    }

    private static Maker write(Seed seed, String victim, byte[] damaged) {
        return dir -> {
            for (Map.Entry<String, byte[]> e : seed.files().entrySet()) {
                Files.write(dir.resolve(e.getKey()), e.getKey().equals(victim) ? damaged : e.getValue());
            }
            return dir.resolve(seed.main());
        };
    }

    /** Truncations at fixed and random offsets, and random byte flips (half in the first 512 bytes). */
    private static void mutations(List<Case> cases) throws IOException {
        for (Seed seed : seeds()) {
            for (String victim : seed.victims()) {
                byte[] b = seed.files().get(victim);
                Random rnd = new Random(SEED ^ victim.hashCode());
                TreeSet<Integer> cuts = new TreeSet<>(List.of(0, 1, 4, 8, 16, 32, 99, 100, 101, b.length / 3,
                        b.length / 2, b.length - 1));
                for (int k = 0; k < 4; k++) {
                    cuts.add(rnd.nextInt(b.length));
                }
                for (int cut : cuts) {
                    if (cut >= 0 && cut < b.length) {
                        add(cases, seed.label() + ": " + victim + " cut at " + cut,
                                write(seed, victim, Arrays.copyOf(b, cut)));
                    }
                }
                for (int k = 0; k < 10; k++) {
                    byte[] d = b.clone();
                    int hits = 1 + rnd.nextInt(8);
                    StringBuilder where = new StringBuilder();
                    for (int h = 0; h < hits; h++) {
                        int pos = rnd.nextBoolean() ? rnd.nextInt(Math.min(d.length, 512)) : rnd.nextInt(d.length);
                        d[pos] = (byte) rnd.nextInt(256);
                        where.append(h == 0 ? "" : ",").append(pos);
                    }
                    add(cases, seed.label() + ": " + victim + " bytes changed at " + where, write(seed, victim, d));
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------- nesting

    private static Path shapefileCopy(Path dir, String base) throws IOException {
        for (String ext : new String[] {"shp", "shx", "dbf", "prj", "cpg"}) {
            Path p = Path.of("src", "test", "resources", "fixtures", "shapefile", base + "." + ext);
            if (Files.exists(p)) {
                Files.copy(p, dir.resolve(base + "." + ext));
            }
        }
        return dir.resolve(base + ".shp");
    }

    private static Path text(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static void nesting(List<Case> cases) {
        add(cases, "shapefile .prj with 5,000 nested brackets", dir -> {
            Path shp = shapefileCopy(dir, "counties_ms_4269");
            Files.writeString(dir.resolve("counties_ms_4269.prj"), DEEP_WKT);
            return shp;
        }, fails("invalid .prj", "more than 100 levels"));
        add(cases, "GeoJSON legacy crs with 5,000 nested brackets", dir -> text(dir, "deepcrs.geojson",
                "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"" + DEEP_WKT
                        + "\"}},\"features\":[]}"), warns("more than 100 levels"));
        add(cases, "GeoJSON property of 5,000 nested arrays", dir -> text(dir, "deeparr.geojson",
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"a\":"
                        + "[".repeat(5000) + "]".repeat(5000) + "},\"geometry\":null}]}"),
                fails("nest more than 100 levels"));
        add(cases, "GeoJSON property of 5,000 nested objects", dir -> text(dir, "deepobj.geojson",
                "{\"type\":\"Feature\",\"properties\":" + "{\"a\":".repeat(5000) + "1" + "}".repeat(5000)
                        + ",\"geometry\":null}"), fails("nest more than 100 levels"));
        add(cases, "GeoJSON coordinates nested 5,000 deep", dir -> text(dir, "deepcoords.geojson",
                "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":"
                        + "[".repeat(5000) + "]".repeat(5000) + "}}"), fails("nest more than 100 levels"));
        add(cases, "GeoJSON GeometryCollections nested 300 deep", dir -> text(dir, "deepgc.geojson",
                "{\"type\":\"Feature\",\"properties\":{},\"geometry\":"
                        + "{\"type\":\"GeometryCollection\",\"geometries\":[".repeat(300) + "]}".repeat(300) + "}"),
                fails("nest more than 100 levels"));
        add(cases, "CSV WKT cell with 5,000 nested brackets", dir -> text(dir, "deepwkt.csv",
                "id,wkt\n1,\"" + "GEOMETRYCOLLECTION(".repeat(5000) + ")".repeat(5000) + "\"\n2,POINT (1 2)\n"),
                o -> {
                    warns("more than 100 levels").accept(o);
                    assertThat(((VectorLayer) o).size()).isEqualTo(1);
                });
        cases.add(new Case("CSV read with a --crs of 5,000 nested brackets",
                dir -> Files.copy(TestData.fixture("csv/plants_in_50.csv"), dir.resolve("plants.csv")),
                ReadOptions.DEFAULT.withCrs(DEEP_WKT), fails("more than 100 levels")));
        cases.add(new Case("shapefile without .prj read with a --crs of 5,000 nested brackets", dir -> {
            Path shp = shapefileCopy(dir, "counties_ms_4269");
            Files.delete(dir.resolve("counties_ms_4269.prj"));
            return shp;
        }, ReadOptions.DEFAULT.withCrs(DEEP_WKT), fails("more than 100 levels")));
        String kmlHead = "<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>";
        add(cases, "KML with 5,000 nested Folders", dir -> text(dir, "folders.kml",
                kmlHead + "<Folder>".repeat(5000) + "</Folder>".repeat(5000) + "</Document></kml>"),
                fails("nest more than 100 levels"));
        add(cases, "KML with 60,000 nested Folders", dir -> text(dir, "folders60k.kml",
                kmlHead + "<Folder>".repeat(60_000) + "</Folder>".repeat(60_000) + "</Document></kml>"),
                fails("nest more than 100 levels"));
        add(cases, "KML with 5,000 nested MultiGeometries", dir -> text(dir, "multi.kml",
                kmlHead + "<Placemark>" + "<MultiGeometry>".repeat(5000) + "<Point><coordinates>1,2</coordinates>"
                        + "</Point>" + "</MultiGeometry>".repeat(5000) + "</Placemark></Document></kml>"),
                fails("nest more than 100 levels"));
        add(cases, "KML with 20,000 sibling Folders of one name", dir -> text(dir, "siblings.kml",
                kmlHead + "<Folder><name>f</name></Folder>".repeat(20_000) + "</Document></kml>"));
        add(cases, "GeoPackage srs definition with 5,000 nested brackets", dir -> {
            Path g = Files.copy(TestData.fixture("gpkg/counties_5070.gpkg"), dir.resolve("deepsrs.gpkg"));
            sql(g, "INSERT INTO gpkg_spatial_ref_sys VALUES ('deep', 999999, 'NONE', 999999, '" + DEEP_WKT + "', '')",
                    "UPDATE gpkg_contents SET srs_id = 999999", "UPDATE gpkg_geometry_columns SET srs_id = 999999");
            return g;
        }, warns("more than 100 levels"));
        add(cases, "GeoPackage WKB geometry collections nested 40 deep", dir -> {
            Path g = Files.copy(TestData.fixture("gpkg/counties_5070.gpkg"), dir.resolve("deepwkb.gpkg"));
            ByteBuffer b = le(9 * 40 + 21);
            for (int i = 0; i < 40; i++) {
                b.put((byte) 1).putInt(7).putInt(1);
            }
            b.put((byte) 1).putInt(1).putDouble(0).putDouble(0);
            setGeometry(g, "counties", 1, b.array());
            return g;
        }, warns("too deeply"));
    }

    // ------------------------------------------------------------------------------------------- XML

    private static void xml(List<Case> cases) {
        add(cases, "KML billion laughs", dir -> {
            StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE kml [\n<!ENTITY a0 \"lol\">\n");
            for (int i = 1; i < 10; i++) {
                sb.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">\n");
            }
            sb.append("]>\n<kml><Placemark><name>&a9;</name></Placemark></kml>\n");
            return text(dir, "laughs.kml", sb.toString());
        }, fails("line "));
        add(cases, "KML external entity pointing at another file", dir -> text(dir, "xxe.kml",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE kml [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n"
                        + "<kml><Placemark><name>&xxe;</name><Point><coordinates>1,2</coordinates></Point>"
                        + "</Placemark></kml>\n"), fails("line 3"));
        add(cases, "KML external DTD", dir -> text(dir, "dtd.kml", "<?xml version=\"1.0\"?>\n<!DOCTYPE kml SYSTEM \""
                + secret.toUri() + "\">\n<kml><Placemark><name>x</name></Placemark></kml>\n"));
        add(cases, "KML with invalid UTF-8", dir -> Files.write(dir.resolve("bad.kml"),
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml><Document><name>\u00ff\u00fe</name></Document></kml>")
                        .getBytes(StandardCharsets.ISO_8859_1)), fails("line 2, column 22: ", "not valid UTF-8"));
        add(cases, "KML declared UTF-16 but written in ASCII", dir -> text(dir, "u16.kml",
                "<?xml version=\"1.0\" encoding=\"UTF-16\"?><kml><Document/></kml>"), fails("UTF-16"));
        add(cases, "KML with an unknown encoding", dir -> text(dir, "enc.kml",
                "<?xml version=\"1.0\" encoding=\"X-NOT-A-CHARSET\"?><kml><Document/></kml>"),
                fails("not supported"));
        add(cases, "KML element text of 70 M characters", dir -> {
            Path p = dir.resolve("longtext.kml");
            try (OutputStream out = Files.newOutputStream(p)) {
                out.write((kmlPlacemarkHead() + "<description>").getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[1 << 20];
                Arrays.fill(chunk, (byte) 'x');
                for (int i = 0; i < 70; i++) {
                    out.write(chunk);
                }
                out.write("</description></Placemark></Document></kml>".getBytes(StandardCharsets.US_ASCII));
            }
            return p;
        }, fails("longer than 64 M characters"));
    }

    private static String kmlPlacemarkHead() {
        return "<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Placemark>";
    }

    // ------------------------------------------------------------------------------------------- zips

    private static byte[] zeros(int megabytes) {
        return new byte[megabytes << 20];
    }

    private static void zips(List<Case> cases) {
        add(cases, "zipped shapefile whose .dbf is a 32 MB zip bomb", dir -> {
            Map<String, byte[]> e = new LinkedHashMap<>(shapefile("counties_ms_4269").files());
            e.put("counties_ms_4269.dbf", zeros(32));
            return Files.write(dir.resolve("bomb.zip"), zip(e));
        }, fails("zip bomb"));
        add(cases, "zipped shapefile bomb with sizes patched small in the central directory", dir -> {
            Map<String, byte[]> e = new LinkedHashMap<>(shapefile("counties_ms_4269").files());
            e.put("counties_ms_4269.dbf", zeros(32));
            return Files.write(dir.resolve("liar.zip"), patchCentralSizes(zip(e), 100));
        });
        add(cases, "zipped shapefile with ../ and absolute entries", dir -> {
            assumeTrue(!Files.exists(Path.of("/tmp/evil.shp")), "no /tmp/evil.shp before the case");
            Map<String, byte[]> e = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> f : shapefile("counties_ms_4269").files().entrySet()) {
                e.put(f.getKey(), f.getValue());
                String ext = f.getKey().substring(f.getKey().lastIndexOf('.'));
                e.put("../../evil" + ext, f.getValue());
                e.put("/tmp/evil" + ext, f.getValue());
                e.put("C:\\evil" + ext, f.getValue());
            }
            return Files.write(dir.resolve("slip.zip"), zip(e));
        }, o -> {
            warns("unsafe paths").accept(o);
            assertThat(Files.exists(Path.of("/tmp/evil.shp"))).isFalse();
        });
        add(cases, "zip holding only escaping entries", dir -> {
            Map<String, byte[]> e = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> f : shapefile("counties_ms_4269").files().entrySet()) {
                e.put("../" + f.getKey().replace("counties_ms_4269", "evil"), f.getValue());
            }
            return Files.write(dir.resolve("onlyslip.zip"), zip(e));
        });
        add(cases, "KMZ whose doc.kml is a 32 MB zip bomb", dir -> {
            byte[] doc = new byte[32 << 20];
            Arrays.fill(doc, (byte) ' ');
            byte[] head = "<kml><Document>".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(head, 0, doc, 0, head.length);
            return Files.write(dir.resolve("bomb.kmz"), zip(Map.of("doc.kml", doc)));
        }, fails("zip bomb"));
        add(cases, "KMZ bomb with sizes patched small in the central directory", dir -> {
            byte[] doc = new byte[32 << 20];
            Arrays.fill(doc, (byte) ' ');
            return Files.write(dir.resolve("liar.kmz"), patchCentralSizes(zip(Map.of("doc.kml", doc)), 100));
        });
        add(cases, "KMZ with only a ../../evil.kml entry", dir -> Files.write(dir.resolve("slip.kmz"),
                zip(Map.of("../../evil.kml", bytes(TestData.fixture("kml/mixed.kml"))))), fails("unsafe paths"));
        add(cases, "KMZ linking to itself in a loop", dir -> {
            String a = "<kml><Document><NetworkLink><Link><href>b.kml</href></Link></NetworkLink></Document></kml>";
            String b = "<kml><Document><NetworkLink><Link><href>doc.kml</href></Link></NetworkLink></Document></kml>";
            Map<String, byte[]> e = new LinkedHashMap<>();
            e.put("doc.kml", a.getBytes(StandardCharsets.UTF_8));
            e.put("b.kml", b.getBytes(StandardCharsets.UTF_8));
            return Files.write(dir.resolve("loop.kmz"), zip(e));
        });
    }

    /** Sets the declared compressed and uncompressed sizes of every central directory entry. */
    static byte[] patchCentralSizes(byte[] zip, int size) {
        ByteBuffer bb = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 <= zip.length; i++) {
            if (bb.getInt(i) == 0x02014b50) {
                bb.putInt(i + 24, size);
            }
        }
        return zip;
    }

    // ------------------------------------------------------------------------------------------- files that are not files

    private static void notRegularFiles(List<Case> cases) {
        add(cases, "a directory named like a shapefile", dir -> Files.createDirectory(dir.resolve("folder.shp")),
                fails("is a directory"));
        add(cases, "a FIFO named like a CSV", dir -> {
            Path p = dir.resolve("pipe.csv");
            Process mk = new ProcessBuilder("mkfifo", p.toString()).start();
            assumeTrue(mk.waitFor() == 0, "mkfifo is available");
            return p;
        }, fails("is not a regular file"));
        add(cases, "/dev/zero linked as a GeoTIFF", dir -> link(dir, "zero.tif", Path.of("/dev/zero")),
                fails("is not a regular file"));
        add(cases, "/dev/urandom linked as GeoJSON", dir -> link(dir, "random.geojson", Path.of("/dev/urandom")),
                fails("is not a regular file"));
        add(cases, "/dev/zero given directly", dir -> Path.of("/dev/zero"), fails("is not a regular file"));
        add(cases, "a missing file", dir -> dir.resolve("nothing.gpkg"), fails("file not found"));
    }

    private static Path link(Path dir, String name, Path target) throws IOException {
        assumeTrue(Files.exists(target), target + " exists");
        try {
            return Files.createSymbolicLink(dir.resolve(name), target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links are supported");
            return null;
        }
    }

    private static void linksToAnotherFile(List<Case> cases) {
        for (String ext : new String[] {"csv", "shp", "geojson", "json", "kml", "kmz", "gpkg", "tif", "zip", "txt"}) {
            add(cases, "a link named ." + ext + " to another (secret) file",
                    dir -> link(dir, "linked." + ext, secret), fails());
        }
        add(cases, "a shapefile whose .prj links to another (secret) file", dir -> {
            Path shp = shapefileCopy(dir, "counties_ms_4269");
            Files.delete(dir.resolve("counties_ms_4269.prj"));
            link(dir, "counties_ms_4269.prj", secret);
            return shp;
        }, fails("invalid .prj"));
        add(cases, "a shapefile whose .cpg links to another (secret) file", dir -> {
            Path shp = shapefileCopy(dir, "counties_ms_4269");
            link(dir, "counties_ms_4269.cpg", secret);
            return shp;
        }, warns(".cpg names an unknown code page"));
        add(cases, "a CSV of passwd lines with --x/--y that do not exist", dir -> text(dir, "pw.csv", PASSWD));
        cases.add(new Case("a CSV of passwd lines read with named columns", dir -> text(dir, "pw2.csv", PASSWD),
                ReadOptions.DEFAULT.withXY("lon", "lat"), fails("no column named 'lon'")));
    }

    // ------------------------------------------------------------------------------------------- lying shapefiles

    private interface Patch {
        void apply(ByteBuffer b);
    }

    private static Maker patched(String base, String ext, Patch patch) {
        return dir -> {
            Path shp = shapefileCopy(dir, base);
            Path victim = dir.resolve(base + "." + ext);
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(victim));
            patch.apply(b);
            Files.write(victim, b.array());
            return shp;
        };
    }

    private static void lyingShapefileHeaders(List<Case> cases) {
        String s = "counties_ms_4269";
        add(cases, ".shp header claims a 4 GB file", patched(s, "shp", b -> b.order(ByteOrder.BIG_ENDIAN).putInt(24, -1)));
        add(cases, ".shp first record claims 4 GB of content",
                patched(s, "shp", b -> b.order(ByteOrder.BIG_ENDIAN).putInt(104, Integer.MAX_VALUE)));
        add(cases, ".shp first record claims 2^31 parts and points", patched(s, "shp", b -> {
            b.order(ByteOrder.LITTLE_ENDIAN).putInt(144, Integer.MAX_VALUE).putInt(148, Integer.MAX_VALUE);
        }), warns("record"));
        add(cases, ".shp first record claims negative parts", patched(s, "shp",
                b -> b.order(ByteOrder.LITTLE_ENDIAN).putInt(144, -5)), warns("record"));
        add(cases, ".shx entries all point past the end of the .shp", patched(s, "shx", b -> {
            b.order(ByteOrder.BIG_ENDIAN);
            for (int p = 100; p + 8 <= b.capacity(); p += 8) {
                b.putInt(p, Integer.MAX_VALUE);
            }
        }));
        add(cases, ".shx entries claim 2 GB records", patched(s, "shx", b -> {
            b.order(ByteOrder.BIG_ENDIAN);
            for (int p = 100; p + 8 <= b.capacity(); p += 8) {
                b.putInt(p + 4, Integer.MAX_VALUE);
            }
        }));
        add(cases, ".shx entries point into the header", patched(s, "shx", b -> {
            b.order(ByteOrder.BIG_ENDIAN);
            for (int p = 100; p + 8 <= b.capacity(); p += 8) {
                b.putInt(p, 0);
            }
        }));
        add(cases, ".dbf claims 2^31 records", patched(s, "dbf", b -> b.order(ByteOrder.LITTLE_ENDIAN).putInt(4, Integer.MAX_VALUE)),
                warns("truncated"));
        add(cases, ".dbf claims a 65,535-byte header", patched(s, "dbf", b -> b.order(ByteOrder.LITTLE_ENDIAN).putShort(8, (short) -1)),
                fails("broken header"));
        add(cases, ".dbf claims 1-byte records", patched(s, "dbf", b -> b.order(ByteOrder.LITTLE_ENDIAN).putShort(10, (short) 1)),
                fails("field widths"));
        add(cases, ".dbf claims 65,535-byte records", patched(s, "dbf", b -> b.order(ByteOrder.LITTLE_ENDIAN).putShort(10, (short) -1)));
        add(cases, "one polygon record of 7,000 mutually nested rings", dir -> {
            Path shp = dir.resolve("rings.shp");
            int n = 7_000;
            int content = 44 + 4 * n + 16 * 5 * n;
            ByteBuffer b = le(100 + 8 + content);
            header(b, 100 + 8 + content, 5);
            b.order(ByteOrder.BIG_ENDIAN).putInt(100, 1).putInt(104, content / 2);
            b.order(ByteOrder.LITTLE_ENDIAN).position(108);
            b.putInt(5).putDouble(-n).putDouble(-n).putDouble(n).putDouble(n).putInt(n).putInt(5 * n);
            for (int i = 0; i < n; i++) {
                b.putInt(5 * i);
            }
            for (int i = 1; i <= n; i++) { // counter-clockwise squares, each inside the next
                b.putDouble(-i).putDouble(-i).putDouble(i).putDouble(-i).putDouble(i).putDouble(i)
                        .putDouble(-i).putDouble(i).putDouble(-i).putDouble(-i);
            }
            Files.write(shp, b.array());
            ByteBuffer x = le(108);
            header(x, 108, 5);
            x.order(ByteOrder.BIG_ENDIAN).putInt(100, 50).putInt(104, content / 2);
            Files.write(dir.resolve("rings.shx"), x.array());
            Files.write(dir.resolve("rings.dbf"), dbfOneRecord());
            return shp;
        }, warns("too many nested rings"));
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A .shp/.shx header: file code, length in 16-bit words, version, shape type. */
    private static void header(ByteBuffer b, int bytes, int type) {
        b.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, bytes / 2);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, type);
    }

    /** A dBASE III table with one record of one numeric field. */
    private static byte[] dbfOneRecord() {
        ByteBuffer b = le(32 + 32 + 1 + 11);
        b.put(0, (byte) 3).putInt(4, 1).putShort(8, (short) 65).putShort(10, (short) 11);
        byte[] name = "ID".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < name.length; i++) {
            b.put(32 + i, name[i]);
        }
        b.put(32 + 11, (byte) 'N').put(32 + 16, (byte) 10).put(64, (byte) 0x0D);
        byte[] rec = "         1".getBytes(StandardCharsets.US_ASCII);
        b.put(65, (byte) ' ');
        for (int i = 0; i < rec.length; i++) {
            b.put(66 + i, rec[i]);
        }
        return b.array();
    }

    // ------------------------------------------------------------------------------------------- lying GeoPackages

    static void sql(Path file, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement st = c.createStatement()) {
            for (String s : statements) {
                st.executeUpdate(s);
            }
        }
    }

    private static void dropTriggers(Connection c) throws Exception {
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        try (Statement st = c.createStatement()) {
            for (String n : names) {
                st.executeUpdate("DROP TRIGGER \"" + n + "\"");
            }
        }
    }

    /** Sets one feature's geometry to a GeoPackage blob (little-endian header, no envelope, srs 5070). */
    static void setGeometry(Path file, String table, long fid, byte[] wkb) throws Exception {
        ByteBuffer b = le(8 + wkb.length);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 1).putInt(5070).put(wkb);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            dropTriggers(c); // the R-tree triggers call ST_ functions plain SQLite lacks
            try (PreparedStatement ps = c.prepareStatement("UPDATE \"" + table + "\" SET geom = ? WHERE fid = ?")) {
                ps.setBytes(1, b.array());
                ps.setLong(2, fid);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
    }

    private static Maker gpkg(String name, Maker edit) {
        return dir -> {
            Path g = Files.copy(TestData.fixture("gpkg/counties_5070.gpkg"), dir.resolve(name));
            edit.make(g);
            return g;
        };
    }

    private static void lyingGeoPackages(List<Case> cases) {
        add(cases, "WKB line claiming 2^31-1 points", gpkg("points.gpkg", g -> {
            setGeometry(g, "counties", 1, le(9).put((byte) 1).putInt(2).putInt(Integer.MAX_VALUE).array());
            return g;
        }), warns("exceeds the blob"));
        add(cases, "WKB multipolygon claiming 2^31-1 parts", gpkg("parts.gpkg", g -> {
            setGeometry(g, "counties", 2, le(9).put((byte) 1).putInt(6).putInt(Integer.MAX_VALUE).array());
            return g;
        }), warns("exceeds the blob"));
        add(cases, "WKB polygon claiming 2^31-1 rings", gpkg("rings.gpkg", g -> {
            setGeometry(g, "counties", 3, le(9).put((byte) 1).putInt(3).putInt(Integer.MAX_VALUE).array());
            return g;
        }), warns("exceeds the blob"));
        add(cases, "WKB with a negative count", gpkg("negative.gpkg", g -> {
            setGeometry(g, "counties", 4, le(9).put((byte) 1).putInt(2).putInt(-1).array());
            return g;
        }), warns("exceeds the blob"));
        add(cases, "gpkg_contents lists only a missing table", gpkg("missing.gpkg", g -> {
            sql(g, "DROP TABLE counties");
            return g;
        }), fails("does not exist"));
        add(cases, "gpkg_contents lists a missing table before a real one", gpkg("missing2.gpkg", g -> {
            sql(g, "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('aaa', 'features', 'aaa', 5070)",
                    "UPDATE gpkg_contents SET rowid = 0 WHERE table_name = 'aaa'",
                    "INSERT INTO gpkg_geometry_columns VALUES ('aaa', 'geom', 'POINT', 5070, 0, 0)");
            return g;
        }), fails("does not exist"));
        add(cases, "feature table without a gpkg_geometry_columns row", gpkg("nogeomcol.gpkg", g -> {
            sql(g, "DELETE FROM gpkg_geometry_columns");
            return g;
        }), fails("no geometry column"));
        add(cases, "srs_id missing from gpkg_spatial_ref_sys", gpkg("nosrs.gpkg", g -> {
            sql(g, "UPDATE gpkg_contents SET srs_id = 123456", "UPDATE gpkg_geometry_columns SET srs_id = 123456");
            return g;
        }), warns("not defined"));
        add(cases, "no gpkg_spatial_ref_sys table", gpkg("nosrstable.gpkg", g -> {
            sql(g, "DROP TABLE gpkg_spatial_ref_sys");
            return g;
        }));
        add(cases, "a geometry blob of 1 MB of garbage", gpkg("garbage.gpkg", g -> {
            byte[] junk = new byte[1 << 20];
            new Random(SEED).nextBytes(junk);
            junk[0] = 1;
            setGeometry(g, "counties", 5, junk);
            return g;
        }));
    }

    // ------------------------------------------------------------------------------------------- lying CSV

    private static void lyingCsv(List<Case> cases) {
        add(cases, "CSV quote never closed in a 2 MB file", dir -> {
            StringBuilder sb = new StringBuilder("lat,lon,name\n1,2,\"never closed\n");
            while (sb.length() < (2 << 20)) {
                sb.append("3,4,x\n");
            }
            return text(dir, "quote.csv", sb.toString());
        }, fails("line 2", "closing quote"));
        add(cases, "CSV with 100,000 columns", dir -> {
            StringBuilder sb = new StringBuilder("lat,lon");
            for (int i = 0; i < 100_000; i++) {
                sb.append(",c").append(i);
            }
            sb.append("\n1,2\n");
            return text(dir, "wide.csv", sb.toString());
        }, fails("more than 10000 columns"));
        add(cases, "CSV record of 70 M characters (quote never closed)", dir -> {
            Path p = dir.resolve("long.csv");
            try (OutputStream out = Files.newOutputStream(p)) {
                out.write("lat,lon,name\n1,2,\"".getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[1 << 20];
                Arrays.fill(chunk, (byte) 'x');
                for (int i = 0; i < 70; i++) {
                    out.write(chunk);
                }
            }
            return p;
        }, fails("longer than 64 M characters"));
        add(cases, "CSV of NUL bytes named .csv", dir -> Files.write(dir.resolve("nul.csv"), new byte[4096]));
        add(cases, "CSV in UTF-16 with a lone surrogate", dir -> Files.write(dir.resolve("u16.csv"),
                new byte[] {(byte) 0xFF, (byte) 0xFE, 'l', 0, 'a', 0, 't', 0, ',', 0, 'l', 0, 'o', 0, 'n', 0, '\n', 0,
                    0x00, (byte) 0xD8, ',', 0, '2', 0, '\n', 0}));
    }

    // ------------------------------------------------------------------------------------------- lying TIFFs

    /** Offset of the entry for {@code tag} in the first directory of a little-endian classic TIFF. */
    private static int entry(ByteBuffer b, int tag) {
        int ifd = b.getInt(4);
        int n = b.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < n; i++) {
            int e = ifd + 2 + 12 * i;
            if ((b.getShort(e) & 0xFFFF) == tag) {
                return e;
            }
        }
        throw new IllegalStateException("no tag " + tag);
    }

    private static Maker tiff(String fixture, String name, Patch patch) {
        return dir -> {
            ByteBuffer b = ByteBuffer.wrap(bytes(TestData.fixture("geotiff/" + fixture))).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(b.get(0)).isEqualTo((byte) 'I');
            patch.apply(b);
            return Files.write(dir.resolve(name), b.array());
        };
    }

    private static void lyingTiffs(List<Case> cases) {
        String strips = "fips_4326_int16.tif";
        String tiles = "risk_4326_float32_tiled.tif";
        add(cases, "TIFF whose directory links to itself", tiff(strips, "loop.tif", b -> {
            int ifd = b.getInt(4);
            int n = b.getShort(ifd) & 0xFFFF;
            b.putInt(ifd + 2 + 12 * n, ifd);
        }), fails("loops"));
        add(cases, "TIFF with two directories linking to each other", tiff(strips, "loop2.tif", b -> {
            int ifd = b.getInt(4);
            int n = b.getShort(ifd) & 0xFFFF;
            int copy = b.capacity() - (2 + 12 * n + 4);
            // the last bytes of the file become a second directory (a copy of the first) that links back
            for (int i = 0; i < 2 + 12 * n; i++) {
                b.put(copy + i, b.get(ifd + i));
            }
            b.putInt(copy + 2 + 12 * n, ifd);
            b.putInt(ifd + 2 + 12 * n, copy);
        }));
        add(cases, "TIFF whose next directory lies past the end", tiff(strips, "past.tif", b -> {
            int ifd = b.getInt(4);
            int n = b.getShort(ifd) & 0xFFFF;
            b.putInt(ifd + 2 + 12 * n, b.capacity() + 1000);
        }), fails("outside the file"));
        add(cases, "TIFF claiming 65,535 x 65,535 pixels in one strip", tiff(strips, "huge.tif", b -> {
            b.putShort(entry(b, 256) + 8, (short) -1);
            b.putShort(entry(b, 257) + 8, (short) -1);
        }), fails("corrupt TIFF"));
        add(cases, "TIFF claiming 2^31 rows per strip and 2 G columns", tiff(strips, "wide.tif", b -> {
            int w = entry(b, 256);
            b.putShort(w + 2, (short) 4).putInt(w + 8, Integer.MAX_VALUE);
        }), fails("corrupt TIFF"));
        add(cases, "tiled TIFF claiming 65,535 x 65,535 tiles", tiff(tiles, "bigtile.tif", b -> {
            for (int tag : new int[] {322, 323}) {
                int e = entry(b, tag);
                if ((b.getShort(e + 2) & 0xFFFF) == 3) {
                    b.putShort(e + 8, (short) -1);
                } else {
                    b.putInt(e + 8, 65535);
                }
            }
        }), fails("corrupt TIFF"));
        add(cases, "TIFF claiming 2^30 strip offsets", tiff(strips, "offsets.tif", b -> {
            int e = entry(b, 273);
            b.putInt(e + 4, 1 << 30);
        }), fails("corrupt TIFF"));
        add(cases, "TIFF claiming 65,535 samples per pixel", tiff(strips, "samples.tif", b -> {
            b.putShort(entry(b, 277) + 8, (short) -1);
        }), fails("corrupt TIFF"));
        add(cases, "TIFF whose GeoKeyDirectory claims 65,535 keys", tiff(strips, "geokeys.tif", b -> {
            int e = entry(b, 34735);
            int off = b.getInt(e + 8);
            b.putShort(off + 6, (short) -1);
        }));
        add(cases, "BigTIFF claiming 2^62 directory entries", dir -> {
            ByteBuffer b = ByteBuffer.wrap(bytes(TestData.fixture("geotiff/fips_4326_bigtiff.tif")))
                    .order(ByteOrder.LITTLE_ENDIAN);
            b.putLong((int) b.getLong(8), 1L << 62);
            return Files.write(dir.resolve("big.tif"), b.array());
        }, fails("corrupt TIFF"));
    }
}
