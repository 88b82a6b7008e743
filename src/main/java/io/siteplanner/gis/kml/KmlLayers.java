package io.siteplanner.gis.kml;

import io.siteplanner.model.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The layers of a KML document, named as {@code ogrinfo} (GDAL's LIBKML driver) names them:
 * <ul>
 * <li>the root container is a layer when it holds placemarks directly, or when the document has no
 * folders at all; it is named after the root's {@code <name>}, else the file's base name; it comes
 * first;</li>
 * <li>then every {@code Folder}/nested {@code Document} in document order, nested ones flattened, empty
 * ones included, each holding its direct placemarks, named by its {@code <name>} or {@code LayerN} (N =
 * its position in the list, from 0);</li>
 * <li>repeated names get {@code " (#2)"}, {@code " (#3)"}, ...</li>
 * </ul>
 */
final class KmlLayers {
    /** One layer: its unique name and the container id (see {@link KmlWalker}) whose placemarks it holds. */
    record LayerRef(String name, int container) {
    }

    /** File identity for the cache: a changed size or modification time means a new scan. */
    private record Key(Path file, long size, long modified) {
    }

    /**
     * The last few scans (the CLI and the UI ask for the layer names and then read a layer, which would
     * otherwise scan the file twice).
     */
    private static final Map<Key, List<LayerRef>> CACHE = Collections.synchronizedMap(
            new LinkedHashMap<Key, List<LayerRef>>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, List<LayerRef>> eldest) {
                    return size() > 8;
                }
            });

    private KmlLayers() {
    }

    /** The layers of the file, from the cache when the file has not changed since it was last scanned. */
    static List<LayerRef> scan(KmlSource source, Progress progress) throws IOException {
        Path f = source.file().toAbsolutePath().normalize();
        Key key = new Key(f, Files.size(f), Files.getLastModifiedTime(f).toMillis());
        List<LayerRef> cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        List<LayerRef> layers = List.copyOf(scanFile(source, progress));
        CACHE.put(key, layers);
        return layers;
    }

    private static List<LayerRef> scanFile(KmlSource source, Progress progress) throws IOException {
        Map<Integer, String> names = new HashMap<>();
        BitSet withPlacemarks = new BitSet();
        KmlWalker.Visitor v = new KmlWalker.Visitor() {
            @Override
            public void name(int container, String name) {
                names.put(container, name);
            }

            @Override
            public void placemark(XMLStreamReader r, int container, String entry) throws XMLStreamException {
                withPlacemarks.set(container);
                KmlWalker.skip(r);
            }
        };
        KmlWalker w = new KmlWalker(source, v, progress);
        w.walk();
        int containers = w.containers();
        List<LayerRef> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        Map<String, Integer> nextSuffix = new HashMap<>();
        if (withPlacemarks.get(KmlWalker.ROOT) || containers == 1) {
            String n = names.get(KmlWalker.ROOT);
            add(out, used, nextSuffix, n == null || n.isEmpty() ? source.baseName() : n, KmlWalker.ROOT);
        }
        for (int id = 1; id < containers; id++) {
            String n = names.get(id);
            add(out, used, nextSuffix, n == null || n.isEmpty() ? "Layer" + out.size() : n, id);
        }
        return out;
    }

    /** Adds a layer under a unique name; the next suffix per name is remembered (linear for many repeats). */
    private static void add(List<LayerRef> out, Set<String> used, Map<String, Integer> nextSuffix, String name,
            int id) {
        String unique = name;
        if (!used.add(unique)) {
            int k = nextSuffix.getOrDefault(name, 2);
            do {
                unique = name + " (#" + k++ + ")";
            } while (!used.add(unique));
            nextSuffix.put(name, k);
        }
        out.add(new LayerRef(unique, id));
    }
}
