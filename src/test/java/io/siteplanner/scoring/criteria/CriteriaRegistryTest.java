package io.siteplanner.scoring.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every record permitted by the sealed Criterion interface is registered in Criteria.KINDS, once. */
class CriteriaRegistryTest {
    @Test
    void everyPermittedRecordIsRegistered() throws Exception {
        Set<CriterionKind> registered = new HashSet<>(Criteria.KINDS);
        assertThat(registered).hasSameSizeAs(Criteria.KINDS);
        Class<?>[] permitted = Criterion.class.getPermittedSubclasses();
        assertThat(permitted).hasSameSizeAs(Criteria.KINDS);
        for (Class<?> c : permitted) {
            assertThat(c.isRecord()).as(c.getSimpleName()).isTrue();
            Object kind = c.getField("KIND").get(null);
            assertThat(registered).as(c.getSimpleName() + " registered").contains((CriterionKind) kind);
            assertThat(Criteria.kind(((CriterionKind) kind).json())).isSameAs(kind);
        }
        assertThat(Criteria.kind("timeToPower").defaultDirection())
                .isEqualTo(io.siteplanner.scoring.scenario.TransformSpec.Direction.COST);
    }
}
