package io.siteplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class WeightsCommandTest {
    static final String DIR = "src/test/resources/fixtures/scoring/";

    @Test
    void printsWeightsWithHeaderIdsAndWarnsOnInconsistency() {
        CliTest.Run r = CliTest.run("weights", "--ahp", DIR + "saaty-light.csv");
        assertThat(r.code).isZero();
        assertThat(r.out).contains("chair1     0.6187").contains("chair4     0.0451").contains("lambda_max 4.3907")
                .contains("CR 0.1447 (inconsistent: >= 0.10)");
        assertThat(r.err).startsWith("warning: AHP consistency ratio 0.145 >= 0.10");
    }

    @Test
    void jsonOutputHasExactlyTheFourKeys() throws Exception {
        CliTest.Run r = CliTest.run("weights", "--ahp", DIR + "ahp3.txt", "--json");
        assertThat(r.code).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out);
        assertThat(n.size()).isEqualTo(4);
        assertThat(n.get("weights").size()).isEqualTo(3);
        double sum = 0;
        for (JsonNode w : n.get("weights")) {
            sum += w.asDouble();
        }
        assertThat(sum).isCloseTo(1, offset(1e-12));
        // the classic 1-3-5 matrix: weights 0.637, 0.258, 0.105, lambda_max 3.039, CR 0.033
        assertThat(n.get("weights").get(0).asDouble()).isCloseTo(0.637, offset(0.001));
        assertThat(n.get("lambdaMax").asDouble()).isCloseTo(3.0385, offset(0.0005));
        assertThat(n.get("ci").asDouble()).isCloseTo((n.get("lambdaMax").asDouble() - 3) / 2, offset(1e-12));
        assertThat(n.get("cr").asDouble()).isCloseTo(n.get("ci").asDouble() / 0.58, offset(1e-12));
        assertThat(r.err).isEmpty();
    }

    @Test
    void nonReciprocalMatrixIsUsageError() {
        CliTest.Run r = CliTest.run("weights", "--ahp", DIR + "ahp-bad.csv");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).isEqualTo("error: " + DIR + "ahp-bad.csv: not reciprocal: (1,2) = 3 but (2,1) = 3"
                + " (should be 1/3)");
    }

    @Test
    void missingFileIsUsageError() {
        CliTest.Run r = CliTest.run("weights", "--ahp", "nope.csv");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).isEqualTo("error: nope.csv: file not found");
    }
}
