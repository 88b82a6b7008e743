package io.siteplanner.gis.topojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.TestData;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Corrupt and hostile files: each gives one {@link LayerReadException} whose message names the file and the
 * problem, through the registry (as the app and the CLI read) and through the format itself.
 */
class TopoJsonDamageTest {
    @TempDir
    Path dir;

    private static void read(Path file) throws IOException {
        try {
            FormatRegistry.standard().read(file, ReadOptions.DEFAULT, Progress.NONE);
        } catch (LayerReadException e) {
            throw named(file, e);
        }
    }

    private static void readDirect(Path file) throws IOException {
        try {
            new TopoJsonFormat().read(file, ReadOptions.DEFAULT, Progress.NONE);
        } catch (LayerReadException e) {
            throw named(file, e);
        }
    }

    /** The error names the file as given (folder included); the checks below compare the rest by file name. */
    private static LayerReadException named(Path file, LayerReadException e) {
        org.assertj.core.api.Assertions.assertThat(e.getMessage()).startsWith(file + ": ");
        return new LayerReadException(file.getFileName(), e.problem(), e);
    }

    private Path write(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json, StandardCharsets.UTF_8);
    }

    private static String topology(String objects, String arcs) {
        return "{\"type\":\"Topology\",\"objects\":" + objects + ",\"arcs\":" + arcs + "}";
    }

    @Test
    void truncatedFile() {
        Path f = TestData.fixture("topojson/truncated.topojson");
        assertThatThrownBy(() -> read(f)).isInstanceOf(LayerReadException.class)
                .hasMessageStartingWith("truncated.topojson: line 1, column ")
                .hasMessageEndingWith("unexpected end of file (the file is truncated or incomplete)");
    }

    @Test
    void arcIndexOutOfRange() {
        // geometry 2 (id B) refers to arc 7; the topology has 2. GDAL ignores such an index silently.
        Path f = TestData.fixture("topojson/bad_arc_index.topojson");
        assertThatThrownBy(() -> read(f)).isInstanceOf(LayerReadException.class).hasMessage("bad_arc_index.topojson:"
                + " layer 'parcels', geometry 2 (id 'B'): arc index 7 is out of range: the topology has 2 arc(s)");
    }

    @Test
    void reversedArcIndexOutOfRange() throws Exception {
        Path f = write("rev.topojson", topology("{\"o\":{\"type\":\"LineString\",\"arcs\":[0,-3]}}", "[[[0,0],[1,1]]]"));
        assertThatThrownBy(() -> readDirect(f)).isInstanceOf(LayerReadException.class).hasMessage("rev.topojson:"
                + " layer 'TopoJSON', geometry 1 (id 'o'): arc index -3 (arc 2 reversed) is out of range: the topology"
                + " has 1 arc(s)");
    }

    @Test
    void arcIndexBeyondIntegers() throws Exception {
        Path f = write("big.topojson", topology("{\"o\":{\"type\":\"GeometryCollection\",\"geometries\":"
                + "[{\"type\":\"LineString\",\"arcs\":[0,99999999999]}]}}", "[[[0,0],[1,1]]]"));
        assertThatThrownBy(() -> read(f)).isInstanceOf(LayerReadException.class)
                .hasMessage("big.topojson: line 1, column 109: object 'o', geometry 1: arc index 99999999999 is out of range");
    }

    @Test
    void arcIndexThatIsNotAnInteger() throws Exception {
        Path f = write("float.topojson", topology("{\"o\":{\"type\":\"LineString\",\"arcs\":[0.5]}}", "[[[0,0],[1,1]]]"));
        assertThatThrownBy(() -> read(f)).isInstanceOf(LayerReadException.class)
                .hasMessageStartingWith("float.topojson: line 1, column ")
                .hasMessageEndingWith("object 'o': arc index 0.5 is not an integer");
    }

    @Test
    void tenThousandNestedArraysStopAtTheNestingLimit() throws Exception {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        // in a member the reader skips (Jackson's StreamReadConstraints still count the depth)
        Path f = write("deep.topojson", "{\"type\":\"Topology\",\"objects\":{},\"arcs\":[],\"bbox\":" + deep + "}");
        assertThatThrownBy(() -> read(f)).isInstanceOf(LayerReadException.class)
                .hasMessage("deep.topojson: line 1, column 150: JSON nested more than 100 levels deep (the limit of"
                        + " this reader)");
        // as the arcs of a geometry, and as a property value
        Path inGeometry = write("deep2.json", topology("{\"o\":{\"type\":\"GeometryCollection\",\"geometries\":"
                + "[{\"type\":\"Polygon\",\"arcs\":" + deep + "}]}}", "[]"));
        assertThatThrownBy(() -> read(inGeometry)).isInstanceOf(LayerReadException.class)
                .hasMessageStartingWith("deep2.json: line 1, column ").hasMessageContaining("nested more than 100 levels");
        Path inProperties = write("deep3.topojson", topology("{\"o\":{\"type\":\"GeometryCollection\",\"geometries\":"
                + "[{\"type\":null,\"properties\":{\"p\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)
                + "}}]}}", "[]"));
        assertThatThrownBy(() -> read(inProperties)).isInstanceOf(LayerReadException.class)
                .hasMessageStartingWith("deep3.topojson: line 1, column ").hasMessageContaining("nested more than 100 levels");
        // in the arcs member, the 4th level is already not a number
        Path inArcs = write("deep4.topojson", "{\"type\":\"Topology\",\"objects\":{},\"arcs\":" + deep + "}");
        assertThatThrownBy(() -> read(inArcs)).isInstanceOf(LayerReadException.class)
                .hasMessage("deep4.topojson: line 1, column 43: arc 0, position 0: an array where a number belongs");
    }

    @Test
    void aNumberOfThousandsOfDigitsIsRefused() throws Exception {
        Path f = write("long.topojson", topology("{\"o\":{\"type\":\"GeometryCollection\",\"geometries\":"
                + "[{\"type\":null,\"properties\":{\"p\":" + "9".repeat(5000) + "}}]}}", "[]"));
        assertThatThrownBy(() -> read(f)).isInstanceOf(LayerReadException.class)
                .hasMessageStartingWith("long.topojson: line 1, column ").hasMessageContaining("number value length")
                .hasMessageNotContaining("nested");
    }

    @Test
    void notATopology() {
        Path f = TestData.fixture("topojson/not_topology.json");
        assertThatThrownBy(() -> readDirect(f)).isInstanceOf(LayerReadException.class)
                .hasMessage("not_topology.json: not TopoJSON (type 'FeatureCollection', not 'Topology')");
    }

    @Test
    void aTopojsonFileThatIsNotATopologyIsRefusedByContent() throws Exception {
        // the .topojson extension is enough to try TopoJSON; reading then says what the file is
        Path f = write("states.topojson", Files.readString(TestData.fixture("topojson/not_topology.json")));
        assertThatThrownBy(() -> read(f)).isInstanceOf(LayerReadException.class)
                .hasMessage("states.topojson: not TopoJSON (type 'FeatureCollection', not 'Topology')");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1,2,3]|not a valid TopoJSON file (content does not match the .topojson extension)",
        "{\"objects\":{},\"arcs\":[]}|not TopoJSON (no type member; a topology has \"type\": \"Topology\")",
        "{\"type\":\"Topology\",\"arcs\":[]}|the topology has no objects member",
        "{\"type\":\"Topology\",\"objects\":{\"o\":{\"type\":\"LineString\",\"arcs\":[0]}}}|the topology has no arcs"
            + " member (TopoJSON requires one, even if it is empty)",
        "{\"type\":\"Topology\",\"objects\":[],\"arcs\":[]}|line 1, column 30: the objects member is an array, not an object",
        "{\"type\":\"Topology\",\"objects\":{},\"arcs\":{}}|line 1, column 40: the arcs member is an object, not an array",
        "{\"type\":\"Topology\",\"objects\":{},\"arcs\":[[[0,0],[1]]]}|line 1, column 50: arc 0, position 1 has 1 number(s),"
            + " at least 2 are needed",
        "{\"type\":\"Topology\",\"objects\":{},\"arcs\":[[[0,\"x\"]]]}|line 1, column 45: arc 0, position 0: a string where"
            + " a number belongs",
        "{\"type\":\"Topology\",\"transform\":{\"scale\":[1]},\"objects\":{},\"arcs\":[]}|line 1, column 43: the transform"
            + " scale must be an array of two numbers",
        "{\"type\":\"Topology\",\"transform\":{\"scale\":[1,1]},\"objects\":{},\"arcs\":[]}|line 1, column 46: the"
            + " transform has no translate member",
        "{\"type\":\"Topology\",\"transform\":{\"scale\":[1e300,1],\"translate\":[0,0]},\"objects\":{},\"arcs\":[[[1e300,0]]]}"
            + "|arc 0 has coordinates that are not finite numbers after applying the transform",
        "{\"type\":\"Topology\",\"objects\":{\"a\":{\"type\":null},\"a\":{\"type\":null}},\"arcs\":[]}|line 1, column 49:"
            + " two members of objects are named 'a'",
        "{\"type\":\"Topology\",\"objects\":{\"a\":{\"type\":\"GeometryCollection\"}},\"arcs\":[]}|line 1, column 63:"
            + " object 'a': the GeometryCollection has no geometries member",
        "{\"type\":\"Topology\",\"objects\":{\"a\":{\"type\":null}},\"arcs\":[]}|the topology has no layers (no"
            + " GeometryCollection or geometry in its objects)",
        "{\"type\":\"Topology\",\"objects\":{},\"arcs\":[] x|line 1, column 43: unexpected character ('x' (code 120)):"
            + " was expecting comma to separate Object entries",
    })
    void structuralErrorsNameTheFileAndTheProblem(String json, String problem) throws Exception {
        Path f = write("t.topojson", json);
        assertThatThrownBy(() -> read(f)).isInstanceOf(LayerReadException.class).hasMessage("t.topojson: " + problem);
    }

    @Test
    void emptyAndBinaryFiles() throws Exception {
        Path empty = write("empty.topojson", "");
        assertThatThrownBy(() -> readDirect(empty)).isInstanceOf(LayerReadException.class)
                .hasMessage("empty.topojson: not TopoJSON (the file has no JSON content)");
        Path binary = Files.write(dir.resolve("bin.topojson"), new byte[] {'{', 0, (byte) 0xFF, 0x13, '"'});
        assertThatThrownBy(() -> readDirect(binary)).isInstanceOf(LayerReadException.class)
                .hasMessageStartingWith("bin.topojson: line 1, column ");
    }

    @Test
    void arcsReferencedMillionsOfTimesAreRefusedBeforeTheyAreExpanded() throws Exception {
        // a 2,000-position arc referenced 10,001 times in one ring: 20,002,000 vertices from a 40 KB file
        StringBuilder arc = new StringBuilder("[[0,0]");
        for (int i = 1; i < 2000; i++) {
            arc.append(",[1,").append(i % 2).append(']');
        }
        arc.append(']');
        String refs = "0" + ",0".repeat(10_000);
        Path f = write("bomb.topojson", topology("{\"o\":{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":"
                + "\"Polygon\",\"arcs\":[[" + refs + "]]}]}}", "[" + arc + "]"));
        assertThatThrownBy(() -> read(f)).isInstanceOf(LayerReadException.class).hasMessage("bomb.topojson: layer 'o':"
                + " the arcs would expand to more than 20,000,000 vertices (arcs referenced too often; a corrupt or"
                + " hostile file)");
    }

    @Test
    void layerNamesOfADamagedFileFailCleanlyToo() {
        Path f = TestData.fixture("topojson/truncated.topojson");
        assertThatThrownBy(() -> FormatRegistry.standard().layerNames(f)).isInstanceOf(LayerReadException.class)
                .hasMessageEndingWith("unexpected end of file (the file is truncated or incomplete)");
    }

    @Test
    void aMissingFile() {
        Path f = dir.resolve("nothing.topojson");
        assertThatThrownBy(() -> readDirect(f)).isInstanceOf(LayerReadException.class)
                .hasMessage("nothing.topojson: file not found");
        assertThat(new TopoJsonFormat().extensions()).contains("topojson", "json");
    }
}
