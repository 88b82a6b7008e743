package io.siteplanner.render.tiles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where XYZ (slippy map) tiles come from: a URL template with {@code {z}}, {@code {x}}, {@code {y}} (and
 * optionally {@code {s}} for a, b, c subdomains), the zoom range, the credit the tiles need on the map,
 * and the folder they are cached in so that maps drawn once can be drawn again offline.
 *
 * @param urlTemplate e.g. {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png}
 * @param attribution credit shown on the map's attribution line (required by most tile licences)
 * @param minZoom     lowest zoom served
 * @param maxZoom     highest zoom served (deeper views scale the tiles of this zoom up)
 * @param cacheDir    disk cache folder (tiles of each template in their own subfolder)
 * @param timeout     per request
 * @param userAgent   sent with each request (tile usage policies ask for an identifying one)
 */
public record TileSource(String urlTemplate, String attribution, int minZoom, int maxZoom, Path cacheDir,
        Duration timeout, String userAgent) {
    public TileSource {
        Objects.requireNonNull(urlTemplate, "urlTemplate");
        Objects.requireNonNull(cacheDir, "cacheDir");
        if (!urlTemplate.contains("{z}") || !urlTemplate.contains("{x}") || !urlTemplate.contains("{y}")) {
            throw new IllegalArgumentException("tile URL template needs {z}, {x} and {y}: " + urlTemplate);
        }
        if (minZoom < 0 || maxZoom > 24 || minZoom > maxZoom) {
            throw new IllegalArgumentException("zoom range must be within 0..24: " + minZoom + ".." + maxZoom);
        }
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        userAgent = userAgent == null ? "SitePlanner (desktop GIS; offline cache)" : userAgent;
        attribution = attribution == null || attribution.isBlank() ? defaultAttribution(urlTemplate) : attribution;
    }

    /** A source with the usual zoom range 0..19, a 10 s timeout and the default credit for known hosts. */
    public static TileSource of(String urlTemplate, String attribution, Path cacheDir) {
        return new TileSource(urlTemplate, attribution, 0, 19, cacheDir, null, null);
    }

    /** "© OpenStreetMap contributors" for openstreetmap.org tiles, else the host name. */
    static String defaultAttribution(String template) {
        String t = template.toLowerCase(Locale.ROOT);
        if (t.contains("openstreetmap.org")) {
            return "Tiles: © OpenStreetMap contributors";
        }
        String host = t.replaceFirst("^[a-z]+://", "").replaceFirst("[/:].*$", "");
        return "Tiles: " + host;
    }

    /** The URL of one tile. */
    public String url(int z, int x, int y) {
        return urlTemplate.replace("{z}", Integer.toString(z)).replace("{x}", Integer.toString(x))
                .replace("{y}", Integer.toString(y)).replace("{s}", String.valueOf("abc".charAt(Math.floorMod(x + y, 3))));
    }
}
