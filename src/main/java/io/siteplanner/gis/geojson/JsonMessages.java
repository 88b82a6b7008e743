package io.siteplanner.gis.geojson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.siteplanner.gis.LayerReadException;
import java.nio.file.Path;

/**
 * How the JSON readers (GeoJSON, TopoJSON) word a problem: where it is ({@code "line 3, column 17: "}),
 * what was found ({@code "an array"}), and Jackson's own errors as a {@link LayerReadException} naming the
 * file. Stateless.
 */
public final class JsonMessages {
    private JsonMessages() {
    }

    /** {@code "line L, column C: "}, or "" when the location is unknown. */
    public static String at(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 0) {
            return "";
        }
        return "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
    }

    /** A token for a message: "an array", "a string", "null", ... ("nothing" for the end of input). */
    public static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        switch (t) {
            case START_ARRAY: return "an array";
            case START_OBJECT: return "an object";
            case VALUE_STRING: return "a string";
            case VALUE_NUMBER_INT: case VALUE_NUMBER_FLOAT: return "a number";
            case VALUE_TRUE: case VALUE_FALSE: return "a boolean";
            case VALUE_NULL: return "null";
            default: return t.toString();
        }
    }

    /**
     * A Jackson error (malformed JSON, end of input, a limit of its StreamReadConstraints) as a read error of
     * {@code file}, with the line and column (of the exception, else where {@code p} stands).
     */
    public static LayerReadException readError(Path file, JsonProcessingException e, JsonParser p) {
        JsonLocation loc = e.getLocation() != null ? e.getLocation() : p == null ? null : p.currentLocation();
        if (e instanceof JsonEOFException) {
            return new LayerReadException(file, at(loc) + "unexpected end of file (the file is truncated or incomplete)",
                    e);
        }
        return new LayerReadException(file, at(loc) + lowerFirst(e.getOriginalMessage()), e);
    }

    /** A library message as the tail of ours: first letter lower case, on one line; "invalid JSON" when empty. */
    static String lowerFirst(String m) {
        if (m == null || m.isEmpty()) {
            return "invalid JSON";
        }
        String s = m.replace('\n', ' ');
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
