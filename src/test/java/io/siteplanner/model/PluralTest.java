package io.siteplanner.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralTest {
    @Test
    void oneIsSingularEverythingElsePluralWithGrouping() {
        assertThat(Plural.of(1, "feature")).isEqualTo("1 feature");
        assertThat(Plural.of(0, "feature")).isEqualTo("0 features");
        assertThat(Plural.of(1234, "feature")).isEqualTo("1,234 features");
        assertThat(Plural.of(1, "criterion", "criteria")).isEqualTo("1 criterion");
        assertThat(Plural.of(2, "criterion", "criteria")).isEqualTo("2 criteria");
    }
}
