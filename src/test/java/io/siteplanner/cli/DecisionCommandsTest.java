package io.siteplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/** The robustness, explain and sweep commands: output formats, reproducibility and usage errors (exit 2). */
class DecisionCommandsTest {
    static final String SCENARIO = "src/test/resources/fixtures/scoring/scenario.json";

    @TempDir
    Path tmp;

    static List<String> keys(JsonNode n) {
        List<String> l = new ArrayList<>();
        Iterator<String> it = n.fieldNames();
        it.forEachRemaining(l::add);
        return l;
    }

    @Test
    void robustnessJsonHasTheDocumentedFieldsAndAddsUp() throws Exception {
        CliTest.Run r = CliTest.run("robustness", "--scenario", SCENARIO, "--draws", "800", "--top", "5", "--json");
        assertThat(r.code).as(r.err).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out);
        assertThat(keys(n)).containsExactly("draws", "k", "sites", "rankDepth");
        assertThat(n.get("draws").asInt()).isEqualTo(800);
        assertThat(n.get("k").asInt()).isEqualTo(5);
        double p1 = 0;
        double pk = 0;
        for (JsonNode s : n.get("sites")) {
            assertThat(keys(s)).startsWith("id", "pRank1", "pTopK", "medianRank", "rankP5", "rankP95", "scenarioRank");
            assertThat(s.get("id").isNumber()).isTrue();
            p1 += s.get("pRank1").asDouble();
            pk += s.get("pTopK").asDouble();
            if (s.get("pRank1").asDouble() > 0) {
                assertThat(s.has("centralWeights")).isTrue();
            }
        }
        assertThat(p1).isCloseTo(1, offset(1e-9));
        assertThat(pk).isCloseTo(5, offset(1e-9));
        assertThat(r.err).contains("robustness: 800 draws in");
    }

    @Test
    void robustnessGivesTheSameFiguresForTheSameSeed() {
        String[] args = {"robustness", "--scenario", SCENARIO, "--draws", "500", "--seed", "42", "--vary",
            "price=10%,d_sub=15%", "--json"};
        CliTest.Run a = CliTest.run(args);
        CliTest.Run b = CliTest.run(args);
        assertThat(a.code).as(a.err).isZero();
        assertThat(a.out).isEqualTo(b.out);
        args[7] = "43";
        assertThat(CliTest.run(args).out).isNotEqualTo(a.out);
    }

    @Test
    void robustnessWritesCsvAndMixesStakeholders() throws Exception {
        Path a = tmp.resolve("a.csv");
        Path b = tmp.resolve("b.csv");
        Files.writeString(a, "acres,d_sub,d_line,price\n1,1/3,1/2,1\n3,1,2,3\n2,1/2,1,2\n1,1/3,1/2,1\n");
        Files.writeString(b, "price,d_line\n1,5\n1/5,1\n");
        Path out = tmp.resolve("r.csv");
        CliTest.Run r = CliTest.run("robustness", "--scenario", SCENARIO, "--draws", "300", "--ahp", a.toString(),
                "--ahp", b.toString(), "--out", out.toString());
        assertThat(r.code).as(r.err).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).startsWith("id,scenario_rank,p_rank1,p_top10,median_rank,rank_p5,rank_p95,p_rank_1,")
                .endsWith("cw_acres,cw_d_sub,cw_d_line,cw_price,cw_risk,cw_ic");
        assertThat(lines).hasSizeGreaterThan(10);
    }

    static List<Arguments> robustnessUsageErrors() {
        return Stream.of(new String[] {"--draws", "0"}, new String[] {"--top", "0"}, new String[] {"--vary", "price"},
                new String[] {"--vary", "nope=10%"}, new String[] {"--vary", "price=150%"},
                new String[] {"--vary", "price=40%", "--vary-dist", "normal"}, new String[] {"--vary-dist", "beta"},
                new String[] {"--weights-spread", "-1"}, new String[] {"--weights-spread", "5"},
                new String[] {"--rank-depth", "3"}, new String[] {"--json", "--out", "x.csv"},
                new String[] {"--ahp", "src/test/resources/fixtures/scoring/ahp3.txt"},
                new String[] {"--ahp", "src/test/resources/fixtures/scoring/saaty-light.csv"},
                new String[] {"--ahp", "missing.csv"}, new String[] {"--load-levels", "0"},
                new String[] {"--no-such-option"}).map(a -> Arguments.of((Object) a)).toList();
    }

    @ParameterizedTest
    @MethodSource("robustnessUsageErrors")
    void robustnessUsageErrorsExit2WithOneErrorLine(String[] extra) {
        List<String> args = new ArrayList<>(List.of("robustness", "--scenario", SCENARIO, "--draws", "50"));
        args.addAll(List.of(extra));
        CliTest.Run r = CliTest.run(args.toArray(new String[0]));
        assertThat(r.code).as(r.err).isEqualTo(2);
        assertThat(r.err.lines().filter(l -> l.startsWith("error: ")).count()).as(r.err).isEqualTo(1);
    }

    @Test
    void missingScenarioExits2() {
        assertThat(CliTest.run("robustness", "--scenario", "nope.json").code).isEqualTo(2);
        assertThat(CliTest.run("robustness").code).isEqualTo(2);
        assertThat(CliTest.run("explain", "--scenario", "nope.json", "--site", "1", "--versus", "2").code).isEqualTo(2);
        assertThat(CliTest.run("sweep", "--scenario", "nope.json", "--criterion", "x", "--sites", "1").code)
                .isEqualTo(2);
    }

    @Test
    void explainJsonHasOneEntryPerCriterion() throws Exception {
        CliTest.Run r = CliTest.run("explain", "--scenario", SCENARIO, "--site", "5241", "--versus", "5182", "--json");
        assertThat(r.code).as(r.err).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out);
        assertThat(keys(n)).containsExactly("site", "versus", "weightChanges", "valueChanges", "alreadyAhead");
        assertThat(n.get("site").asLong()).isEqualTo(5241);
        assertThat(n.get("weightChanges").size()).isEqualTo(6);
        assertThat(n.get("valueChanges").size()).isEqualTo(6);
        JsonNode price = n.get("weightChanges").get(3);
        assertThat(price.get("criterion").asText()).isEqualTo("price");
        assertThat(price.get("weight").asDouble()).isBetween(0.25, 1.0);
        assertThat(n.get("weightChanges").get(0).get("weight").isNull()).isTrue();
    }

    @Test
    void explainPrintsSentences() {
        CliTest.Run r = CliTest.run("explain", "--scenario", SCENARIO, "--site", "5241", "--versus", "5182");
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).contains("What alone would put 5182 ahead of 5241:").contains("price: weight up to")
                .contains("no change of this weight alone can").contains("acres larger");
        CliTest.Run ahead = CliTest.run("explain", "--scenario", SCENARIO, "--site", "5182", "--versus", "5241");
        assertThat(ahead.out).contains("5241 already ranks ahead of 5182.");
    }

    @Test
    void explainUsageErrors() {
        assertThat(CliTest.run("explain", "--scenario", SCENARIO, "--site", "5241", "--versus", "999999").code)
                .isEqualTo(2);
        CliTest.Run same = CliTest.run("explain", "--scenario", SCENARIO, "--site", "5241", "--versus", "5241");
        assertThat(same.code).isEqualTo(2);
        assertThat(same.err).startsWith("error: --site and --versus are the same site");
        assertThat(CliTest.run("explain", "--scenario", SCENARIO, "--site", "5241").code).isEqualTo(2);
    }

    @Test
    void sweepWritesRanksPerStep() throws Exception {
        Path out = tmp.resolve("sweep.csv");
        CliTest.Run r = CliTest.run("sweep", "--scenario", SCENARIO, "--criterion", "d_sub", "--sites", "5241,5182",
                "--steps", "21", "--out", out.toString());
        assertThat(r.code).as(r.err).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("weight,rank_5241,rank_5182,score_5241,score_5182");
        assertThat(lines).hasSize(22);
        assertThat(lines.get(1)).startsWith("0.0,");
        assertThat(lines.get(21)).startsWith("1.0,");
    }

    @Test
    void sweepUsageErrors() {
        assertThat(CliTest.run("sweep", "--scenario", SCENARIO, "--criterion", "nope", "--sites", "5241").code)
                .isEqualTo(2);
        assertThat(CliTest.run("sweep", "--scenario", SCENARIO, "--criterion", "d_sub", "--sites", "1").code)
                .isEqualTo(2);
        assertThat(CliTest.run("sweep", "--scenario", SCENARIO, "--criterion", "d_sub", "--sites", "5241", "--steps",
                "1").code).isEqualTo(2);
    }

    @Test
    void exportDecisionAddsTwoPdfPagesAndRefusesOtherFormats() throws Exception {
        Path plain = tmp.resolve("plain.pdf");
        Path with = tmp.resolve("with.pdf");
        assertThat(CliTest.run("export", "--scenario-file", SCENARIO, "--out", plain.toString(), "--no-basemap").code)
                .isZero();
        CliTest.Run r = CliTest.run("export", "--scenario-file", SCENARIO, "--out", with.toString(), "--no-basemap",
                "--decision", "--decision-draws", "300", "--decision-vary", "price=10%");
        assertThat(r.code).as(r.err).isZero();
        try (var a = org.apache.pdfbox.Loader.loadPDF(plain.toFile());
                var b = org.apache.pdfbox.Loader.loadPDF(with.toFile())) {
            assertThat(b.getNumberOfPages()).isEqualTo(a.getNumberOfPages() + 2);
        }
        CliTest.Run csv = CliTest.run("export", "--scenario-file", SCENARIO, "--out", tmp.resolve("x.csv").toString(),
                "--decision");
        assertThat(csv.code).isEqualTo(2);
        assertThat(csv.err).startsWith("error: --decision adds pages to the PDF report");
        assertThat(CliTest.run("export", "--scenario-file", SCENARIO, "--out", tmp.resolve("y.pdf").toString(),
                "--decision", "--decision-vary", "nope=5%").code).isEqualTo(2);
    }
}
