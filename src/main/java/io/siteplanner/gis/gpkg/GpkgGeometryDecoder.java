package io.siteplanner.gis.gpkg;

import io.siteplanner.model.Geometries;
import org.locationtech.jts.geom.Geometry;

/**
 * Decodes GeoPackageBinary geometry blobs (OGC GeoPackage 1.2-1.4, clause 2.1.3) into JTS geometries: the
 * header ({@code 'G' 'P'}, version, flags, srs_id, optional envelope) followed by standard WKB.
 *
 * <p>The WKB is read in place by {@link WkbDecoder} (ISO Z/M/ZM type codes and EWKB flags; M values are
 * dropped). JTS's {@code WKBReader} also reads ISO codes, but it stores the M of XYM geometries as Z, needs
 * a copy of the WKB bytes per blob, and was the top cost when profiling a 1M-polygon read. A blob flagged
 * empty gives an empty geometry. A blob that is plain WKB without the GeoPackage header (written by some
 * broken tools) is accepted too.
 *
 * <p>Not thread-safe: one decoder per reading thread.
 */
final class GpkgGeometryDecoder {
    private final WkbDecoder wkb = new WkbDecoder();
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
        try {
            Geometry g = wkb.read(blob, off, blob.length);
            lastHadZ = wkb.hadZ();
            return g;
        } catch (BadGeometryException | RuntimeException e) {
            if (emptyFlag) {
                return Geometries.FACTORY.createGeometryCollection();
            }
            if (e instanceof BadGeometryException) {
                throw (BadGeometryException) e;
            }
            String msg = e.getMessage();
            throw new BadGeometryException("invalid WKB: " + (msg == null ? e.getClass().getSimpleName() : msg));
        }
    }
}
