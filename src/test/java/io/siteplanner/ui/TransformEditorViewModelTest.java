package io.siteplanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.scoring.scenario.TransformSpec;
import io.siteplanner.scoring.scenario.TransformSpec.Direction;
import io.siteplanner.scoring.scenario.TransformSpec.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transform editor: histogram over all sites, curve, handles, fields in step, live changes. */
class TransformEditorViewModelTest {
    static final double[] RAW = {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, Double.NaN};
    static final boolean[] PASSED = {true, true, true, true, true, false, false, false, true, true, true, true};

    @Test
    void histogramCountsPassingAndFailingSites() {
        TransformEditorViewModel ed = new TransformEditorViewModel("x", "m", RAW, PASSED,
                TransformSpec.linear(Direction.COST), t -> { });
        int pass = 0;
        int fail = 0;
        for (int i = 0; i < TransformEditorViewModel.BINS; i++) {
            pass += ed.passingCounts()[i];
            fail += ed.failingCounts()[i];
        }
        assertThat(pass).isEqualTo(8);
        assertThat(fail).isEqualTo(3);
        assertThat(ed.missingCount()).isEqualTo(1);
        assertThat(ed.dataMin()).isZero();
        assertThat(ed.dataMax()).isEqualTo(100);
        assertThat(ed.score(0)).isEqualTo(1);
        assertThat(ed.score(100)).isEqualTo(0);
        assertThat(ed.score(25)).isEqualTo(0.75);
    }

    @Test
    void draggingHandlesChangesTheTransformLiveAndTheFieldsFollow() {
        List<TransformSpec> live = new ArrayList<>();
        TransformEditorViewModel ed = new TransformEditorViewModel("x", "m", RAW, PASSED,
                TransformSpec.linear(Direction.COST), live::add);
        ed.moveHandle(1, 50, 0); // the max of the range
        assertThat(ed.transformProperty().get().max()).isEqualTo(50);
        assertThat(ed.score(50)).isEqualTo(0);
        assertThat(ed.fields().maxProperty().get()).isEqualTo("50");
        ed.setType(Type.SIGMOID);
        assertThat(ed.transformProperty().get().midpoint()).isEqualTo(50); // the median
        assertThat(ed.transformProperty().get().direction()).isEqualTo(Direction.COST);
        ed.moveHandle(0, 30, 0.9);
        assertThat(ed.transformProperty().get().midpoint()).isEqualTo(30);
        assertThat(ed.score(30)).isEqualTo(0.5);
        ed.setType(Type.PIECEWISE);
        assertThat(ed.handles()).hasSize(3);
        ed.moveHandle(1, 500, 2); // kept between its neighbours and in [0, 1]
        double[] p = ed.transformProperty().get().points().get(1);
        assertThat(p[0]).isLessThan(100);
        assertThat(p[1]).isEqualTo(1);
        // typing in the fields moves the curve too
        ed.fields().pointsProperty().set("0:1, 40:0.2, 100:0");
        assertThat(ed.score(40)).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(live).last().isEqualTo(ed.transformProperty().get());
        ed.revert();
        assertThat(live).last().isEqualTo(TransformSpec.linear(Direction.COST));
    }
}
