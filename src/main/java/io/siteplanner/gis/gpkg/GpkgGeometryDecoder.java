package io.siteplanner.gis.gpkg;

import io.siteplanner.model.Geometries;
import java.util.Arrays;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Decodes GeoPackageBinary geometry blobs (OGC GeoPackage 1.2-1.4, clause 2.1.3) into JTS geometries: the
 * header ({@code 'G' 'P'}, version, flags, srs_id, optional envelope) followed by standard WKB.
 *
 * <p>WKB is read by JTS's {@link WKBReader}, which understands ISO WKB type codes (1001.. Z, 2001.. M,
 * 3001.. ZM) and the EWKB high-bit flags. Because it would store an M-only ordinate as Z, M values of
 * XYM geometries are dropped here (the layer model has no M). A blob flagged empty gives an empty
 * geometry. A blob that is plain WKB without the GeoPackage header (written by some broken tools) is
 * accepted too.
 *
 * <p>Not thread-safe: one decoder per reading thread (it reuses its {@link WKBReader}).
 */
final class GpkgGeometryDecoder {
    private final WKBReader wkb = new WKBReader(Geometries.FACTORY);
    private boolean lastHadZ;

    /** Thrown for a blob that cannot be decoded; the message says why. */
    static final class BadGeometryException extends Exception {
        private static final long serialVersionUID = 1L;

        BadGeometryException(String message) {
            super(message, null, false, false);
        }
    }

    /** True when the last decoded geometry had Z ordinates. */
    boolean lastHadZ() {
        return lastHadZ;
    }

    /**
     * Decodes one blob.
     *
     * @param blob the column value (non-null)
     * @return the geometry, never null
     */
    Geometry decode(byte[] blob) throws BadGeometryException {
        lastHadZ = false;
        int n = blob.length;
        if (n >= 2 && blob[0] == 'G' && blob[1] == 'P') {
            if (n < 8) {
                throw new BadGeometryException("geometry blob too short (" + n + " bytes)");
            }
            int flags = blob[3] & 0xFF;
            int envelope = (flags >> 1) & 0x07;
            boolean empty = (flags & 0x10) != 0;
            boolean extended = (flags & 0x20) != 0;
            int envBytes;
            switch (envelope) {
                case 0: envBytes = 0; break;
                case 1: envBytes = 32; break;
                case 2: case 3: envBytes = 48; break;
                case 4: envBytes = 64; break;
                default:
                    throw new BadGeometryException("invalid envelope code " + envelope + " in geometry header");
            }
            int off = 8 + envBytes;
            if (off > n) {
                throw new BadGeometryException("geometry blob too short for its envelope (" + n + " bytes)");
            }
            if (off == n) {
                if (empty) {
                    return Geometries.FACTORY.createGeometryCollection();
                }
                throw new BadGeometryException("geometry blob has a header but no WKB");
            }
            if (extended) {
                throw new BadGeometryException("extended (non-standard) geometry type is not supported");
            }
            return parseWkb(blob, off, empty);
        }
        if (n > 0 && (blob[0] == 0 || blob[0] == 1)) {
            return parseWkb(blob, 0, false);
        }
        throw new BadGeometryException("not a GeoPackage geometry (no 'GP' magic)");
    }

    private Geometry parseWkb(byte[] blob, int off, boolean emptyFlag) throws BadGeometryException {
        if (blob.length - off < 5) {
            throw new BadGeometryException("WKB too short (" + (blob.length - off) + " bytes)");
        }
        boolean little = blob[off] == 1;
        if (blob[off] != 0 && blob[off] != 1) {
            throw new BadGeometryException("invalid WKB byte order " + blob[off]);
        }
        int type = little
                ? (blob[off + 1] & 0xFF) | (blob[off + 2] & 0xFF) << 8 | (blob[off + 3] & 0xFF) << 16
                        | (blob[off + 4] & 0xFF) << 24
                : (blob[off + 4] & 0xFF) | (blob[off + 3] & 0xFF) << 8 | (blob[off + 2] & 0xFF) << 16
                        | (blob[off + 1] & 0xFF) << 24;
        int iso = (type & 0xFFFF) / 1000;
        boolean z = (type & 0x80000000) != 0 || iso == 1 || iso == 3;
        boolean m = (type & 0x40000000) != 0 || iso == 2 || iso == 3;
        byte[] bytes = off == 0 ? blob : Arrays.copyOfRange(blob, off, blob.length);
        Geometry g;
        try {
            g = wkb.read(bytes);
        } catch (ParseException | RuntimeException e) {
            if (emptyFlag) {
                return Geometries.FACTORY.createGeometryCollection();
            }
            String msg = e.getMessage();
            throw new BadGeometryException("invalid WKB: " + (msg == null ? e.getClass().getSimpleName() : msg));
        }
        if (m && !z) {
            g.apply(DROP_Z);
            g.geometryChanged();
        }
        lastHadZ = z;
        return g;
    }

    /** Clears the third ordinate, which {@link WKBReader} fills with M for XYM input. */
    private static final CoordinateSequenceFilter DROP_Z = new CoordinateSequenceFilter() {
        @Override
        public void filter(CoordinateSequence seq, int i) {
            if (seq.getDimension() > 2) {
                seq.setOrdinate(i, CoordinateSequence.Z, Double.NaN);
            }
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return false;
        }
    };
}
