package io.siteplanner.scoring.criteria;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writing optional keys. */
final class Json {
    private Json() {
    }

    static void put(ObjectNode n, String k, String v) {
        if (v != null) {
            n.put(k, v);
        }
    }

    static void put(ObjectNode n, String k, Double v) {
        if (v != null) {
            n.put(k, v);
        }
    }

    static void put(ObjectNode n, String k, Integer v) {
        if (v != null) {
            n.put(k, v);
        }
    }

    static void put(ObjectNode n, String k, Boolean v) {
        if (v != null) {
            n.put(k, v);
        }
    }
}
