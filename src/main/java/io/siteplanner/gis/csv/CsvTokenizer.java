package io.siteplanner.gis.csv;

import java.io.IOException;
import java.io.Reader;
import io.siteplanner.gis.Limits;
import java.util.Arrays;

/**
 * A small RFC 4180 tokenizer over a {@link Reader}: one record at a time, fields as slices of a reused
 * char array (no String per field unless the caller asks for one).
 *
 * <p>Accepted: {@code \n}, {@code \r\n} and lone {@code \r} line ends; fields in double quotes with
 * doubled quotes inside and embedded line breaks and delimiters; quotes inside unquoted fields are kept as
 * they are; characters after a closing quote are appended to the field (lenient, like most spreadsheets).
 * Empty lines are skipped. A quote that is never closed is an error (it would swallow the rest of the
 * file), reported with the line where the record starts; so are records longer than
 * {@link Limits#MAX_CSV_RECORD_CHARS} characters or with more than {@link Limits#MAX_CSV_COLUMNS} fields,
 * so that memory stays bounded whatever the file says.
 *
 * <p>Not thread-safe; one instance per pass over a file.
 */
final class CsvTokenizer {
    /** Thrown for a quoted field that is never closed, or a record beyond the {@link Limits}. */
    static final class UnclosedQuoteException extends IOException {
        private static final long serialVersionUID = 1L;
        final long line;

        UnclosedQuoteException(long line) {
            this(line, "line " + line + ": a quoted field starts here but its closing quote is missing");
        }

        UnclosedQuoteException(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    private final Reader in;
    private final char delimiter;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;
    private long charsConsumed;

    private char[] rec = new char[512];
    private int recLen;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int fields;
    private long line = 1;
    private long recordLine;

    CsvTokenizer(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** Number of fields of the current record. */
    int fieldCount() {
        return fields;
    }

    /** 1-based physical line where the current record starts. */
    long recordLine() {
        return recordLine;
    }

    /** Characters read so far (for progress). */
    long charsConsumed() {
        return charsConsumed + pos;
    }

    /** The shared buffer holding the current record's fields; valid until the next {@link #next()}. */
    char[] chars() {
        return rec;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    /** Field value as a String (no trimming); "" for a field beyond the record's last field. */
    String string(int field) {
        if (field >= fields) {
            return "";
        }
        return new String(rec, starts[field], ends[field] - starts[field]);
    }

    private int read() throws IOException {
        if (pos >= lim) {
            if (eof) {
                return -1;
            }
            charsConsumed += lim;
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            if (n < 0) {
                eof = true;
                pos = 0;
                lim = 0;
                return -1;
            }
            pos = 0;
            lim = n;
        }
        return buf[pos++];
    }

    private int peek() throws IOException {
        int c = read();
        if (c >= 0) {
            pos--;
        }
        return c;
    }

    private void append(char c) throws UnclosedQuoteException {
        if (recLen == rec.length) {
            if (recLen >= Limits.MAX_CSV_RECORD_CHARS) {
                throw new UnclosedQuoteException(recordLine, "line " + recordLine + ": the record is longer than "
                        + (Limits.MAX_CSV_RECORD_CHARS >> 20) + " M characters (limit; a quote that is never"
                        + " closed?)");
            }
            rec = Arrays.copyOf(rec, (int) Math.min((long) rec.length * 2, Limits.MAX_CSV_RECORD_CHARS));
        }
        rec[recLen++] = c;
    }

    private void startField() throws UnclosedQuoteException {
        if (fields == Limits.MAX_CSV_COLUMNS) {
            throw new UnclosedQuoteException(recordLine, "line " + recordLine + ": more than "
                    + Limits.MAX_CSV_COLUMNS + " columns (limit)");
        }
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
        }
        starts[fields] = recLen;
    }

    private void endField() {
        ends[fields] = recLen;
        fields++;
    }

    /**
     * Advances to the next non-empty record.
     *
     * @return false at the end of the input
     */
    boolean next() throws IOException {
        while (true) {
            int r = readRecord();
            if (r < 0) {
                return false;
            }
            if (!(fields == 1 && recLen == 0 && r == 0)) {
                return true;
            }
            // an empty line: skip
        }
    }

    /** Reads one physical record; -1 at EOF before any character, 1 if a quote was seen, else 0. */
    private int readRecord() throws IOException {
        recLen = 0;
        fields = 0;
        recordLine = line;
        final char d = delimiter;
        int c = read();
        if (c < 0) {
            return -1;
        }
        int sawQuote = 0;
        startField();
        boolean fieldStart = true;
        boolean quoted = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw new UnclosedQuoteException(recordLine);
                }
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    } else if (c == '\r' && peek() != '\n') {
                        line++;
                    }
                    append((char) c);
                }
            } else if (c < 0) {
                endField();
                return sawQuote;
            } else if (c == d) {
                endField();
                startField();
                fieldStart = true;
                c = read();
                continue;
            } else if (c == '\n') {
                line++;
                endField();
                return sawQuote;
            } else if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                line++;
                endField();
                return sawQuote;
            } else if (c == '"' && fieldStart) {
                quoted = true;
                sawQuote = 1;
            } else {
                append((char) c);
            }
            fieldStart = false;
            c = read();
        }
    }
}
