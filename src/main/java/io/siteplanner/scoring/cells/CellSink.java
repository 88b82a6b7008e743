package io.siteplanner.scoring.cells;

import java.io.IOException;

/** Receives the cells of a {@link CandidateCells} run, one at a time, on the thread that runs it. */
@FunctionalInterface
public interface CellSink {
    /** Takes one cell (write it, count it...); an exception stops the run. */
    void accept(Cell cell) throws IOException;
}
