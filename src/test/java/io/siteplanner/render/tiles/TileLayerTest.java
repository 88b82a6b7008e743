package io.siteplanner.render.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.siteplanner.TestData;
import io.siteplanner.render.MapDecorations;
import io.siteplanner.render.MapRenderer;
import io.siteplanner.render.Viewport;
import io.siteplanner.render.WebMercator;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XYZ tiles from a local HTTP server started here: fetch, disk cache, offline fallback, attribution. */
class TileLayerTest {
    static final int BG = 0xff123456;
    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    final Set<Integer> refusedZooms = ConcurrentHashMap.newKeySet();
    String template;

    /** A tile's colour: a function of z, x, y, so each tile is told apart. */
    static int colour(int z, int x, int y) {
        return 0xff000000 | (z * 20 & 0xff) << 16 | (x * 37 & 0xff) << 8 | (y * 53 & 0xff);
    }

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            String[] p = ex.getRequestURI().getPath().replace(".png", "").split("/");
            int z = Integer.parseInt(p[1]);
            int x = Integer.parseInt(p[2]);
            int y = Integer.parseInt(p[3]);
            if (refusedZooms.contains(z)) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(colour(z, x, y)));
            g.fillRect(0, 0, 256, 256);
            g.dispose();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            ImageIO.write(img, "png", b);
            ex.getResponseHeaders().set("Content-Type", "image/png");
            ex.sendResponseHeaders(200, b.size());
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b.toByteArray());
            }
        });
        server.start();
        template = "http://127.0.0.1:" + server.getAddress().getPort() + "/{z}/{x}/{y}.png";
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Resolution of zoom z (m/px) and a 512 x 384 view at lon -90.05, lat 32.62 (Madison County, MS). */
    static Viewport view(int z) {
        double res = 2 * Math.PI * WebMercator.R / (256.0 * (1 << z));
        return new Viewport(WebMercator.x(-90.05), WebMercator.y(32.62), res, 512, 384);
    }

    /** The tile of a lon/lat at zoom z, by the slippy-map formulas (OpenStreetMap wiki), not our code. */
    static int[] tileOf(double lon, double lat, int z) {
        int n = 1 << z;
        double r = Math.toRadians(lat);
        int x = (int) Math.floor((lon + 180) / 360 * n);
        int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
        return new int[] {x, y};
    }

    static BufferedImage render(Viewport vp, TileLayer tiles) {
        return MapRenderer.render(vp, List.of(), BG, MapDecorations.NONE, tiles);
    }

    static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) | 0xff000000;
    }

    static long files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void tilesAreFetchedDrawnInPlaceAndCached(@TempDir Path cache) throws Exception {
        TileLayer layer = new TileLayer(new TileCache(TileSource.of(template, null, cache)), 1);
        Viewport vp = view(9);
        assertThat(layer.zoomFor(vp.resolution())).isEqualTo(9);
        BufferedImage img = render(vp, layer);
        // the centre pixel lies in the tile the slippy-map formula gives for the view centre (tile coordinates
        // 127.93, 206.88 at zoom 9: 18 px from the nearest tile edge, clear of bilinear seams)
        int[] t = tileOf(-90.05, 32.62, 9);
        assertThat(rgb(img, 256, 192)).isEqualTo(colour(9, t[0], t[1]));
        TileLayer.Frame f = layer.frame(vp);
        assertThat(f.missing()).isZero();
        int tiles = f.drawn();
        assertThat(tiles).isBetween(4, 12);
        assertThat(layer.cache().fetched()).isEqualTo(tiles);
        assertThat(requests.get()).isEqualTo(tiles); // the second frame came from the disk cache
        assertThat(files(cache)).isEqualTo(tiles);
        assertThat(layer.attribution()).isEqualTo("Tiles: 127.0.0.1");
    }

    @Test
    void offlineTheCachedTilesAreDrawn(@TempDir Path cache) throws Exception {
        Viewport vp = view(9);
        BufferedImage online = render(vp, new TileLayer(new TileCache(TileSource.of(template, null, cache)), 1));
        stop();
        server = null;
        TileCache offline = new TileCache(TileSource.of(template, null, cache));
        BufferedImage again = render(vp, new TileLayer(offline, 1));
        for (int y = 0; y < 384; y += 7) {
            for (int x = 0; x < 512; x += 7) {
                assertThat(again.getRGB(x, y)).isEqualTo(online.getRGB(x, y));
            }
        }
        assertThat(offline.fetched()).isZero();
        assertThat(offline.failed()).isZero();
    }

    @Test
    void aMissingTileIsCutFromALowerZoom(@TempDir Path cache) throws Exception {
        TileCache c = new TileCache(TileSource.of(template, null, cache));
        int[] t = tileOf(-90.05, 32.62, 9);
        // only the zoom-7 parent is cached; zoom 9 is refused by the server
        assertThat(c.get(7, t[0] >> 2, t[1] >> 2)).isNotNull();
        refusedZooms.add(9);
        TileLayer layer = new TileLayer(c, 1);
        BufferedImage img = render(view(9), layer);
        assertThat(rgb(img, 256, 192)).isEqualTo(colour(7, t[0] >> 2, t[1] >> 2));
        assertThat(c.failed()).isPositive();
    }

    @Test
    void withNeitherNetworkNorCacheTheMapIsStillDrawn(@TempDir Path cache) {
        stop();
        server = null;
        TileLayer layer = new TileLayer(new TileCache(TileSource.of(template, null, cache)), 1);
        BufferedImage img = render(view(9), layer);
        assertThat(rgb(img, 256, 192)).isEqualTo(BG);
        assertThat(layer.cache().failed()).isPositive();
        assertThat(layer.frame(view(9)).drawn()).isZero();
    }

    @Test
    void theTileCreditJoinsTheAttributionLine(@TempDir Path cache) {
        TileSource osm = TileSource.of("https://tile.openstreetmap.org/{z}/{x}/{y}.png", null, cache);
        assertThat(osm.attribution()).isEqualTo("Tiles: © OpenStreetMap contributors");
        assertThat(osm.url(3, 4, 5)).isEqualTo("https://tile.openstreetmap.org/3/4/5.png");
        assertThatThrownBy(() -> TileSource.of("https://example.org/tiles.png", null, cache))
                .hasMessageContaining("{z}");
    }

    @Test
    void renderCommandDrawsTilesUnderTheMap(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("map.png");
        TestData.CliRun r = TestData.cli("render", "--demo", "--out", out.toString(), "--width", "640", "--height",
                "400", "--bbox=-90.45,32.33,-89.65,32.92", "--tiles", template, "--tile-cache", dir.resolve("cache")
                        .toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(requests.get()).isPositive();
        assertThat(files(dir.resolve("cache"))).isEqualTo(requests.get());
        assertThat(r.err()).doesNotContain("warning: tiles");
    }
}
