package io.siteplanner.gis.kml;

import io.siteplanner.gis.Limits;
import io.siteplanner.gis.Snippets;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Opens XML text for the StAX parser with two protections the JDK parser lacks:
 * <ul>
 * <li>The bytes are decoded here (encoding from the byte-order mark, else the XML declaration, else
 * UTF-8) by a decoder that reports malformed input as an exception. Left to the JDK parser, invalid
 * UTF-8 makes it print {@code [Fatal Error] ...} on {@code System.err} (its default error handler,
 * which StAX offers no way to replace) before it throws.</li>
 * <li>Element nesting is counted and limited to {@link Limits#MAX_NESTING}: the walker and the geometry
 * parser recurse per Folder and MultiGeometry level, so 5,000 nested elements would exhaust the
 * stack.</li>
 * </ul>
 */
final class XmlInput {
    private XmlInput() {
    }

    /** Thrown when elements nest deeper than {@link Limits#MAX_NESTING}. */
    static final class TooDeep extends XMLStreamException {
        private static final long serialVersionUID = 1L;

        TooDeep(Location at) {
            super("KML elements nest more than " + Limits.MAX_NESTING + " levels deep (limit)", at);
        }
    }

    /** A reader over {@code in} that counts element depth; the caller closes {@code in}. */
    static XMLStreamReader open(XMLInputFactory factory, InputStream in) throws IOException, XMLStreamException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        Charset cs = detect(b);
        return new DepthLimited(factory.createXMLStreamReader(new StrictReader(b, cs)));
    }

    /**
     * The encoding of the XML text: from a byte-order mark (which is skipped) or the zero bytes of UTF-16,
     * from the {@code encoding} of the XML declaration, else UTF-8.
     *
     * @throws XMLStreamException when the declared encoding is unknown to Java, or is UTF-16/UTF-32 while
     *         the bytes are not (never left to the JDK parser, which would print its own error)
     */
    static Charset detect(BufferedInputStream b) throws IOException, XMLStreamException {
        b.mark(1024);
        byte[] head = b.readNBytes(1024);
        b.reset();
        int n = head.length;
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            b.skipNBytes(3);
            return StandardCharsets.UTF_8;
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            b.skipNBytes(2);
            return StandardCharsets.UTF_16LE;
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            b.skipNBytes(2);
            return StandardCharsets.UTF_16BE;
        }
        if (n >= 4 && head[0] == '<' && head[1] == 0 && head[2] == '?' && head[3] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (n >= 4 && head[0] == 0 && head[1] == '<' && head[2] == 0 && head[3] == '?') {
            return StandardCharsets.UTF_16BE;
        }
        String start = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        if (!start.startsWith("<?xml")) {
            return StandardCharsets.UTF_8;
        }
        int end = start.indexOf("?>");
        String decl = end < 0 ? start : start.substring(0, end);
        int e = decl.indexOf("encoding");
        if (e < 0) {
            return StandardCharsets.UTF_8;
        }
        int q = e + "encoding".length();
        while (q < decl.length() && (decl.charAt(q) == ' ' || decl.charAt(q) == '=' || decl.charAt(q) == '\t')) {
            q++;
        }
        if (q >= decl.length() || (decl.charAt(q) != '"' && decl.charAt(q) != '\'')) {
            return StandardCharsets.UTF_8;
        }
        int close = decl.indexOf(decl.charAt(q), q + 1);
        if (close < 0) {
            return StandardCharsets.UTF_8;
        }
        String name = decl.substring(q + 1, close).trim().toUpperCase(Locale.ROOT);
        if (name.startsWith("UTF-16") || name.startsWith("UTF-32") || name.startsWith("UCS")) {
            throw new XMLStreamException("the XML declaration says " + Snippets.token(name)
                    + " but the text is in a single-byte or UTF-8 encoding");
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
            throw new XMLStreamException("the XML declaration names the encoding '" + Snippets.token(name)
                    + "', which is not supported");
        }
    }

    /** Text that is not valid in its encoding, at a position of the decoded text (1-based). */
    static final class BadEncoding extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        final long line;
        final long column;
        final String charset;

        BadEncoding(long line, long column, String charset) {
            this.line = line;
            this.column = column;
            this.charset = charset;
        }

        @Override
        public String getMessage() {
            return "line " + line + ", column " + column + ": bytes that are not valid " + charset
                    + " (the encoding " + (charset.equals("UTF-8") ? "XML uses unless its declaration names another"
                            : "its declaration names") + ")";
        }
    }

    /**
     * Decodes bytes strictly. On malformed input it first hands out the text decoded before it, then
     * fails with {@link BadEncoding} giving the exact line and column (the JDK's InputStreamReader fails
     * wherever its read-ahead buffer happens to be).
     */
    private static final class StrictReader extends Reader {
        private final InputStream in;
        private final CharsetDecoder dec;
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        private final CharBuffer chars = CharBuffer.allocate(1 << 16);
        private boolean eof;
        private boolean flushing;
        private boolean done;
        private BadEncoding pending;
        private long line = 1;
        private long column = 1;
        private boolean lastCr;

        StrictReader(InputStream in, Charset cs) {
            this.in = in;
            this.dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            bytes.flip();
            chars.flip();
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!chars.hasRemaining()) {
                if (pending != null) {
                    throw pending;
                }
                if (!fill()) {
                    return -1;
                }
            }
            int n = Math.min(len, chars.remaining());
            chars.get(buf, off, n);
            for (int i = off; i < off + n; i++) {
                char c = buf[i];
                if (c == '\n') {
                    if (!lastCr) {
                        line++;
                    }
                    column = 1;
                } else if (c == '\r') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
                lastCr = c == '\r';
            }
            return n;
        }

        /** Decodes more text; false at the end of the input. */
        private boolean fill() throws IOException {
            if (done) {
                return false;
            }
            chars.clear();
            try {
                while (chars.position() == 0 && pending == null && !done) {
                    if (!eof) {
                        bytes.compact();
                        int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
                        if (r < 0) {
                            eof = true;
                        } else {
                            bytes.position(bytes.position() + r);
                        }
                        bytes.flip();
                    }
                    CoderResult cr = flushing ? dec.flush(chars) : dec.decode(bytes, chars, eof);
                    if (cr.isError()) {
                        pending = new BadEncoding(0, 0, dec.charset().name()); // position set below
                    } else if (cr.isOverflow()) {
                        break; // chars full: hand them out first
                    } else if (eof) {
                        if (flushing) {
                            done = true;
                        } else {
                            flushing = true; // all input decoded: flush the decoder next round
                        }
                    }
                }
            } finally {
                chars.flip();
            }
            if (pending != null && pending.line == 0) {
                // the bad bytes come right after the chars still to be handed out
                long l = line;
                long c = column;
                boolean cr = lastCr;
                for (int i = chars.position(); i < chars.limit(); i++) {
                    char ch = chars.get(i);
                    if (ch == '\n') {
                        if (!cr) {
                            l++;
                        }
                        c = 1;
                    } else if (ch == '\r') {
                        l++;
                        c = 1;
                    } else {
                        c++;
                    }
                    cr = ch == '\r';
                }
                pending = new BadEncoding(l, c, pending.charset);
            }
            return chars.hasRemaining() || pending != null;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Counts START/END_ELEMENT events and fails past {@link Limits#MAX_NESTING}. */
    private static final class DepthLimited extends StreamReaderDelegate {
        private int depth;

        DepthLimited(XMLStreamReader r) {
            super(r);
        }

        @Override
        public int next() throws XMLStreamException {
            int ev = super.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (++depth > Limits.MAX_NESTING) {
                    throw new TooDeep(getLocation());
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
            return ev;
        }

        @Override
        public int nextTag() throws XMLStreamException {
            int ev = next();
            while (ev == XMLStreamConstants.CHARACTERS && isWhiteSpace() || ev == XMLStreamConstants.SPACE
                    || ev == XMLStreamConstants.COMMENT || ev == XMLStreamConstants.PROCESSING_INSTRUCTION) {
                ev = next();
            }
            if (ev != XMLStreamConstants.START_ELEMENT && ev != XMLStreamConstants.END_ELEMENT) {
                throw new XMLStreamException("expected an element", getLocation());
            }
            return ev;
        }

        @Override
        public String getElementText() throws XMLStreamException {
            StringBuilder sb = new StringBuilder();
            int ev = next();
            while (ev != XMLStreamConstants.END_ELEMENT) {
                if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                        || ev == XMLStreamConstants.SPACE) {
                    sb.append(getText());
                } else if (ev == XMLStreamConstants.START_ELEMENT) {
                    throw new XMLStreamException("text-only element has a child element", getLocation());
                }
                ev = next();
            }
            return sb.toString();
        }
    }
}
