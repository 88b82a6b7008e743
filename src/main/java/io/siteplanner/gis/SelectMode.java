package io.siteplanner.gis;

import java.util.BitSet;

/**
 * How a selection query combines with what is selected already, as in QGIS: a new selection, add to it,
 * remove from it, or keep only what is in both.
 */
public enum SelectMode {
    /** Replace the selection with the features found. */
    NEW("Create new selection"),
    /** Selected or found. */
    ADD("Add to current selection"),
    /** Selected and not found. */
    REMOVE("Remove from current selection"),
    /** Selected and found. */
    INTERSECT("Select within current selection");

    private final String label;

    SelectMode(String label) {
        this.label = label;
    }

    /** The words QGIS uses for this mode. */
    public String label() {
        return label;
    }

    /** The new selection (a new set; the arguments are not changed). */
    public BitSet apply(BitSet current, BitSet found) {
        BitSet out = this == NEW ? new BitSet() : (BitSet) current.clone();
        switch (this) {
            case NEW:
            case ADD:
                out.or(found);
                break;
            case REMOVE:
                out.andNot(found);
                break;
            default:
                out.and(found);
                break;
        }
        return out;
    }

    @Override
    public String toString() {
        return label;
    }
}
