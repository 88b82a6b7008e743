package io.siteplanner.render.tiles;

import io.siteplanner.gis.AtomicWrite;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;

/**
 * Tiles of a {@link TileSource}, from the disk cache first and the network second. A fetched tile is
 * written to {@code cacheDir/<hash of the template>/z/x/y} atomically, so the same map can be drawn again
 * without network. After a network failure (no connection, timeout) requests stop for a minute: offline,
 * a map is drawn from what the cache has instead of waiting for every tile to time out. A tile that is not
 * an image is not cached. Thread-safe.
 */
public final class TileCache {
    /** How long requests stop after a network failure. */
    static final long OFFLINE_PAUSE_MS = 60_000;

    private final TileSource source;
    private final Path dir;
    private final HttpClient http;
    private final AtomicLong offlineUntil = new AtomicLong();
    private final AtomicInteger fetched = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    public TileCache(TileSource source) {
        this.source = source;
        this.dir = source.cacheDir().resolve(hash(source.urlTemplate()));
        this.http = HttpClient.newBuilder().connectTimeout(source.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public TileSource source() {
        return source;
    }

    /** Tiles downloaded so far. */
    public int fetched() {
        return fetched.get();
    }

    /** Tiles that could be neither read from the cache nor downloaded. */
    public int failed() {
        return failed.get();
    }

    /** The cache file of a tile. */
    Path file(int z, int x, int y) {
        return dir.resolve(Integer.toString(z)).resolve(Integer.toString(x)).resolve(y + ".tile");
    }

    /** A cached tile, or null (never touches the network). */
    public BufferedImage cached(int z, int x, int y) {
        Path f = file(z, x, y);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return ImageIO.read(f.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    /** A tile from the cache, else downloaded (and cached); null when neither works. */
    public BufferedImage get(int z, int x, int y) {
        BufferedImage img = cached(z, x, y);
        if (img != null) {
            return img;
        }
        if (System.currentTimeMillis() < offlineUntil.get()) {
            failed.incrementAndGet();
            return null;
        }
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(source.url(z, x, y))).timeout(source.timeout())
                    .header("User-Agent", source.userAgent()).GET().build();
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                failed.incrementAndGet();
                return null;
            }
            byte[] body = r.body();
            img = ImageIO.read(new ByteArrayInputStream(body));
            if (img == null) {
                failed.incrementAndGet();
                return null;
            }
            Path f = file(z, x, y);
            Files.createDirectories(f.getParent());
            AtomicWrite.write(f, tmp -> Files.write(tmp, body));
            fetched.incrementAndGet();
            return img;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.incrementAndGet();
            return null;
        } catch (IOException | IllegalArgumentException e) {
            // no network (or a bad URL): draw from the cache for a while instead of waiting on every tile
            offlineUntil.set(System.currentTimeMillis() + OFFLINE_PAUSE_MS);
            failed.incrementAndGet();
            return null;
        }
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
