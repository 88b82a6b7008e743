package io.siteplanner.gis.kml;

import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.Limits;
import io.siteplanner.gis.Snippets;
import io.siteplanner.model.Progress;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks a KML document with StAX and reports its containers and placemarks to a {@link Visitor}, giving
 * every container an id in document (pre-)order so that two walks of the same file agree: id 0 is the
 * root (the first {@code Document}/{@code Folder} under {@code <kml>}, plus placemarks directly under
 * {@code <kml>}); every other {@code Document}/{@code Folder}, and every {@code NetworkLink} that points
 * into the same KMZ, gets the next id.
 *
 * <p>The XML parser is the JDK's, configured against XXE: no DTD support, no external entities, and a
 * resolver that returns nothing. A document that uses an entity therefore fails with a parse error
 * instead of expanding it.
 */
final class KmlWalker {
    static final int ROOT = 0;
    private static final int MAX_LINK_DEPTH = 8;
    private static final int MAX_LINKED_ENTRIES = 1000;

    /** Receives what the walk finds. Methods that get the reader must consume the element they are given. */
    interface Visitor {
        /** A {@code <name>} of a container (or of a linked document standing for one). */
        void name(int container, String name);

        /** A new container; its parent is {@code parent}. */
        default void container(int id, int parent) {
        }

        /** Positioned on the START_ELEMENT of a Placemark; must leave the reader on its END_ELEMENT. */
        void placemark(XMLStreamReader r, int container, String entry) throws XMLStreamException, IOException;

        /** Positioned on the START_ELEMENT of a Schema; must leave the reader on its END_ELEMENT. */
        default void schema(XMLStreamReader r) throws XMLStreamException {
            skip(r);
        }
    }

    private final KmlSource source;
    private final Visitor visitor;
    private final Progress progress;
    private final long totalBytes;
    private int nextId;
    private long placemarks;
    private final Set<String> visited = new HashSet<>();
    private final io.siteplanner.gis.ZipLimits.Budget budget = KmlSource.walkBudget();
    private Counting counting;

    KmlWalker(KmlSource source, Visitor visitor, Progress progress) throws IOException {
        this.source = source;
        this.visitor = visitor;
        this.progress = progress;
        this.totalBytes = source.isZip() ? -1 : Files.size(source.file());
    }

    /** Number of container ids handed out (root included). */
    int containers() {
        return nextId;
    }

    static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        // not coalescing: a huge text node arrives in chunks, so text() can stop it at the limit instead of
        // the parser building it whole first
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> new ByteArrayInputStream(new byte[0]));
        // our own depth count (XmlInput) gives the documented error; newer JDKs (25) also limit element depth to
        // 100 by default (jdk.xml.maxElementDepth), which would fire first with the JDK's own wording
        try {
            f.setProperty("jdk.xml.maxElementDepth", Integer.valueOf(io.siteplanner.gis.Limits.MAX_NESTING + 10));
        } catch (IllegalArgumentException e) {
            // a StAX implementation without the JDK limits: our count still applies
        }
        return f;
    }

    /** Walks the whole document (and the archive entries it links to). */
    void walk() throws IOException {
        nextId = 1;
        walkEntry(source.documentEntry(), ROOT, 0);
    }

    private void walkEntry(String entry, int rootId, int depth) throws IOException {
        if (entry != null) {
            visited.add(entry);
        }
        XMLInputFactory factory = secureFactory();
        boolean sawDtd = false;
        try (InputStream raw = source.open(entry, budget)) {
            InputStream in = raw;
            if (depth == 0 && totalBytes > 0) {
                counting = new Counting(raw);
                in = counting;
            }
            XMLStreamReader r = XmlInput.open(factory, in);
            try {
                while (r.hasNext()) {
                    int ev = r.next();
                    if (ev == XMLStreamConstants.DTD) {
                        sawDtd = true;
                    } else if (ev == XMLStreamConstants.START_ELEMENT) {
                        if (!"kml".equals(r.getLocalName())) {
                            throw new LayerReadException(source.file(), source.where(entry) + "not KML: the root"
                                    + " element is <" + Snippets.token(r.getLocalName()) + ">, expected <kml>");
                        }
                        walkKml(r, rootId, entry, depth);
                        return;
                    }
                }
                throw new LayerReadException(source.file(), source.where(entry) + "not KML: no <kml> element"
                        + (sawDtd ? " (document type declarations are not supported)" : ""));
            } catch (XMLStreamException e) {
                throw new LayerReadException(source.file(), source.where(entry) + describe(e)
                        + (sawDtd ? " (DOCTYPE declarations and entities are not supported in KML, for security)"
                                : ""), e);
            } finally {
                try {
                    r.close();
                } catch (XMLStreamException e) {
                    // already failing or done
                }
            }
        } catch (XMLStreamException e) {
            throw new LayerReadException(source.file(), source.where(entry) + describe(e), e);
        } catch (LayerReadException e) {
            throw e;
        } catch (IOException e) {
            // a damaged archive entry (bad deflate data) or a read error of the file
            throw new LayerReadException(source.file(), source.where(entry) + (source.isZip()
                    ? "the archive entry is damaged (" : "cannot be read (") + Snippets.library(e) + ")", e);
        }
    }

    /**
     * "line L, column C: message" from a StAX error, without the JDK's "ParseError at" prefix, quoting at
     * most a short token of the document ({@link Snippets#library}).
     */
    static String describe(XMLStreamException e) {
        String m = e.getMessage() == null ? "invalid XML" : e.getMessage();
        int i = m.indexOf("Message: ");
        if (i >= 0) {
            m = m.substring(i + "Message: ".length());
        }
        m = Snippets.library(m.replace('\n', ' ').trim(), "invalid XML");
        Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        if (cause instanceof XmlInput.BadEncoding) {
            return cause.getMessage();
        }
        Location loc = e.getLocation();
        if (loc != null && loc.getLineNumber() > 0) {
            return "line " + loc.getLineNumber() + ", column " + loc.getColumnNumber() + ": " + m;
        }
        return m;
    }

    /** Positioned on {@code <kml>}; walks its children. */
    private void walkKml(XMLStreamReader r, int rootId, String entry, int depth)
            throws XMLStreamException, IOException {
        boolean rootSeen = false;
        while (nextChild(r)) {
            String n = r.getLocalName();
            if (isContainer(n)) {
                if (!rootSeen) {
                    rootSeen = true;
                    walkContainer(r, rootId, entry, depth);
                } else {
                    walkContainer(r, newContainer(rootId), entry, depth);
                }
            } else {
                child(r, n, rootId, entry, depth);
            }
        }
    }

    private static boolean isContainer(String localName) {
        return "Document".equals(localName) || "Folder".equals(localName);
    }

    private int newContainer(int parent) {
        int id = nextId++;
        visitor.container(id, parent);
        return id;
    }

    /** Positioned on a container's START_ELEMENT; walks to its END_ELEMENT. */
    private void walkContainer(XMLStreamReader r, int id, String entry, int depth)
            throws XMLStreamException, IOException {
        while (nextChild(r)) {
            String n = r.getLocalName();
            if (isContainer(n)) {
                walkContainer(r, newContainer(id), entry, depth);
            } else if ("name".equals(n)) {
                visitor.name(id, text(r).trim());
            } else {
                child(r, n, id, entry, depth);
            }
        }
    }

    private void child(XMLStreamReader r, String n, int container, String entry, int depth)
            throws XMLStreamException, IOException {
        if ("Placemark".equals(n)) {
            visitor.placemark(r, container, entry);
            if ((++placemarks & 1023) == 0) {
                progress.checkCancelled();
                progress.update(counting == null ? Double.NaN : Math.min(1, (double) counting.count / totalBytes),
                        "reading " + source.file().getFileName());
            }
        } else if ("Schema".equals(n)) {
            visitor.schema(r);
        } else if ("NetworkLink".equals(n)) {
            networkLink(r, container, entry, depth);
        } else {
            skip(r);
        }
    }

    /** Follows a NetworkLink to another .kml entry of the same KMZ; other links are ignored. */
    private void networkLink(XMLStreamReader r, int parent, String entry, int depth)
            throws XMLStreamException, IOException {
        String name = null;
        String href = null;
        int level = 1;
        while (r.hasNext() && level > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = r.getLocalName();
                if (level == 1 && "name".equals(n)) {
                    name = text(r).trim();
                } else if ("href".equals(n)) {
                    href = text(r).trim();
                } else {
                    level++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                level--;
            }
        }
        String target = source.resolve(entry == null ? "" : entry, href);
        if (target == null || visited.contains(target) || depth >= MAX_LINK_DEPTH
                || visited.size() >= MAX_LINKED_ENTRIES) {
            return;
        }
        int id = newContainer(parent);
        if (name != null && !name.isEmpty()) {
            visitor.name(id, name);
        }
        walkEntry(target, id, depth + 1);
    }

    /**
     * The text content of the current element (nested elements' text included); ends on its END_ELEMENT.
     *
     * @throws XMLStreamException when the text is longer than {@link Limits#MAX_XML_TEXT_CHARS}
     */
    static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = null;
        String single = null;
        int level = 1;
        while (level > 0) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    if (single == null && sb == null) {
                        single = r.getText();
                    } else {
                        if (sb == null) {
                            sb = new StringBuilder(single);
                        }
                        if ((long) sb.length() + r.getTextLength() > Limits.MAX_XML_TEXT_CHARS) {
                            throw new XMLStreamException("the text of an element is longer than "
                                    + (Limits.MAX_XML_TEXT_CHARS >> 20) + " M characters (limit)", r.getLocation());
                        }
                        sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                    break;
                case XMLStreamConstants.START_ELEMENT:
                    level++;
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    level--;
                    break;
                default:
                    break;
            }
        }
        return sb != null ? sb.toString() : single == null ? "" : single;
    }

    /** Skips the current element; ends on its END_ELEMENT. */
    /**
     * Moves to the next child element of the current element: true when positioned on its START_ELEMENT,
     * false when the current element ended (or the document did). Text, comments and the like are passed.
     */
    static boolean nextChild(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (ev == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }

    static void skip(XMLStreamReader r) throws XMLStreamException {
        int level = 1;
        while (level > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                level++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                level--;
            }
        }
    }

    /** Counts bytes read for progress. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count++;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
