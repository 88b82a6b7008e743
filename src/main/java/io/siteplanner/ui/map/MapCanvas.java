package io.siteplanner.ui.map;

import io.siteplanner.model.CancelledException;
import io.siteplanner.render.LayerDraw;
import io.siteplanner.render.MapRenderer;
import io.siteplanner.render.Viewport;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.locationtech.jts.geom.Envelope;

/**
 * The map control: shows layers rendered off the FX thread by {@link MapRenderer}, with wheel zoom at
 * the cursor, drag pan, keyboard (+, -, arrows), click to identify and Shift+drag box select, a scale bar
 * and the cursor position.
 *
 * <p>Rendering follows three phases: the FX thread takes an immutable snapshot (viewport and
 * {@link LayerDraw}s); one worker renders into an off-screen ARGB image; the FX thread shows it through a
 * {@link PixelBuffer} without copying. One render is in flight at a time; requests meanwhile merge into
 * one re-render. While a gesture runs, the last image is moved/scaled to follow it at once.
 */
public final class MapCanvas extends Region {
    private final ImageView imageView = new ImageView();
    private final Canvas overlay = new Canvas();
    private final Rectangle box = new Rectangle();
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(this, "viewport");
    private final ReadOnlyStringWrapper cursorText = new ReadOnlyStringWrapper(this, "cursorText", "");
    private final ReadOnlyStringWrapper scaleText = new ReadOnlyStringWrapper(this, "scaleText", "");
    private final ReadOnlyObjectWrapper<Point2D> clickedPoint = new ReadOnlyObjectWrapper<>(this, "clickedPoint");
    private final ReadOnlyObjectWrapper<Envelope> selectedBox = new ReadOnlyObjectWrapper<>(this, "selectedBox");
    private final ReadOnlyLongWrapper renderCount = new ReadOnlyLongWrapper(this, "renderCount", 0);
    private final ExecutorService worker;
    private final AtomicBoolean cancelCurrent = new AtomicBoolean();
    private Supplier<List<LayerDraw>> layers = List::of;
    private int background = 0xffffffff;
    private boolean inFlight;
    /** A render start is queued; requests until it runs are drawn by that one render. */
    private boolean startQueued;
    private boolean contentChanged = true;
    private boolean dirty;
    private Viewport shownViewport;
    private final BufferedImage[] buffers = new BufferedImage[2];
    private final WritableImage[] fxImages = new WritableImage[2];
    private final PixelBuffer<?>[] pixelBuffers = new PixelBuffer<?>[2];
    private int back;
    private double dragX;
    private double dragY;
    private double pressX;
    private double pressY;
    private boolean dragging;
    private boolean boxing;
    private final ObjectProperty<MapTool> tool = new SimpleObjectProperty<>(this, "tool");
    private final ObjectProperty<MapOverlay> highlight = new SimpleObjectProperty<>(this, "highlight");

    public MapCanvas() {
        this(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "map-render");
            t.setDaemon(true);
            return t;
        }));
    }

    /** A map that renders on {@code worker}, one render at a time (tests run the renders one by one). */
    MapCanvas(ExecutorService worker) {
        this.worker = worker;
        getStyleClass().add("map-canvas");
        setFocusTraversable(true);
        setMinSize(100, 100);
        imageView.setManaged(false);
        overlay.setManaged(false);
        overlay.setMouseTransparent(true);
        box.setManaged(false);
        box.setVisible(false);
        box.setFill(Color.rgb(0, 229, 255, 0.15));
        box.setStroke(Color.rgb(0, 150, 200));
        box.getStrokeDashArray().setAll(4.0, 4.0);
        getChildren().addAll(imageView, overlay, box);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        viewport.addListener((obs, o, n) -> {
            placeImage();
            drawOverlay();
            requestViewRender();
        });
        // a queued render starts when the next pulse begins (before its CSS and layout, so the two overlap)
        // or after the current FX event, whichever comes first
        Runnable startQueuedRender = this::startQueuedRender;
        sceneProperty().addListener((obs, o, n) -> {
            if (o != null) {
                o.removePreLayoutPulseListener(startQueuedRender);
            }
            if (n != null) {
                n.addPreLayoutPulseListener(startQueuedRender);
            }
        });
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            updateCursor(e.getX(), e.getY());
            Viewport v = viewport.get();
            if (tool.get() != null && v != null) {
                tool.get().move(v.toMapX(e.getX()), v.toMapY(e.getY()));
                drawOverlay();
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        tool.addListener((o, a, b) -> drawOverlay());
        highlight.addListener((o, a, b) -> drawOverlay());
    }

    /** The active tool (null: clicks identify). */
    public ObjectProperty<MapTool> toolProperty() {
        return tool;
    }

    /** What is highlighted over the map (null: nothing). */
    public ObjectProperty<MapOverlay> highlightProperty() {
        return highlight;
    }

    /** Redraws the overlay (after a tool or highlight changed its content). */
    public void redrawOverlay() {
        drawOverlay();
    }

    /** Sets what to draw: called on the FX thread at each render to snapshot the layers (bottom first). */
    public void setLayerSupplier(Supplier<List<LayerDraw>> supplier) {
        this.layers = supplier;
        requestRender();
    }

    public void setBackgroundColor(int argb) {
        this.background = argb;
        requestRender();
    }

    public ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    public Viewport getViewport() {
        return viewport.get();
    }

    /** "lon, lat" of the cursor, with the display CRS. */
    public ReadOnlyStringProperty cursorTextProperty() {
        return cursorText.getReadOnlyProperty();
    }

    /** "1:25,000" of the current view. */
    public ReadOnlyStringProperty scaleTextProperty() {
        return scaleText.getReadOnlyProperty();
    }

    /** Map point (display CRS) of the last plain click (identify). */
    public ReadOnlyObjectProperty<Point2D> clickedPointProperty() {
        return clickedPoint.getReadOnlyProperty();
    }

    /** Map envelope of the last Shift+drag box. */
    public ReadOnlyObjectProperty<Envelope> selectedBoxProperty() {
        return selectedBox.getReadOnlyProperty();
    }

    /**
     * Number of renders shown so far that drew the latest request (tests and the start-up probe wait on
     * it); a render overtaken by a newer request while it ran is shown, not counted.
     */
    public ReadOnlyLongProperty renderCountProperty() {
        return renderCount.getReadOnlyProperty();
    }

    /** Shows a map envelope (display CRS) whole. */
    public void zoomTo(Envelope env) {
        int w = Math.max(1, (int) getWidth());
        int h = Math.max(1, (int) getHeight());
        viewport.set(Viewport.fit(env, w, h, 0.05));
    }

    public void zoomBy(double factor) {
        Viewport v = viewport.get();
        if (v != null) {
            viewport.set(v.zoomAt(factor, v.width() / 2.0, v.height() / 2.0));
        }
    }

    /** Asks for a new render after the layers or styles changed (merged with any pending one). FX thread. */
    public void requestRender() {
        contentChanged = true;
        requestViewRender();
    }

    /** Asks for a render after only the viewport moved: a pan can reuse the last image's pixels. */
    private void requestViewRender() {
        if (viewport.get() == null) {
            return;
        }
        if (inFlight) {
            dirty = true;
            cancelCurrent.set(true);
            return;
        }
        // start a little later: the changes made in this FX event (a project's layers, colours and view when
        // it opens) are drawn by one render, not one per change, each cancelling the previous one
        if (!startQueued) {
            startQueued = true;
            Platform.runLater(this::startQueuedRender);
        }
    }

    private void startQueuedRender() {
        if (startQueued) {
            startQueued = false;
            // a render started meanwhile (after a commit) already draws the requested state
            if (!inFlight && viewport.get() != null) {
                startRender();
            }
        }
    }

    private void startRender() {
        if (worker.isShutdown()) {
            return; // disposed (the window closed after the request): no more renders
        }
        Viewport vp = viewport.get();
        List<LayerDraw> snapshot = layers.get();
        int bg = background;
        inFlight = true;
        dirty = false;
        cancelCurrent.set(false);
        int slot = back;
        BufferedImage img = buffers[slot];
        if (img == null || img.getWidth() != vp.width() || img.getHeight() != vp.height()) {
            img = MapRenderer.newImage(vp.width(), vp.height());
            buffers[slot] = img;
            fxImages[slot] = null;
        }
        BufferedImage target = img;
        BufferedImage front = shownViewport == null ? null : buffers[1 - slot];
        Viewport frontVp = contentChanged ? null : shownViewport;
        contentChanged = false;
        worker.execute(() -> {
            boolean ok;
            try {
                boolean shifted = false;
                if (frontVp != null && front != null && front.getWidth() == target.getWidth()
                        && front.getHeight() == target.getHeight()) {
                    int[] src = ((DataBufferInt) front.getRaster().getDataBuffer()).getData();
                    int[] dst = ((DataBufferInt) target.getRaster().getDataBuffer()).getData();
                    System.arraycopy(src, 0, dst, 0, src.length);
                    shifted = MapRenderer.renderShifted(target, frontVp, vp, snapshot, bg, cancelCurrent::get);
                }
                if (!shifted) {
                    MapRenderer.render(target, vp, snapshot, bg, cancelCurrent::get);
                }
                ok = true;
            } catch (CancelledException e) {
                ok = false;
            } catch (RuntimeException e) {
                ok = false;
                java.util.logging.Logger.getLogger(MapCanvas.class.getName()).log(java.util.logging.Level.WARNING,
                        "map render failed", e);
            }
            boolean success = ok;
            boolean wasFull = frontVp == null;
            boolean wasCancelled = cancelCurrent.get();
            Platform.runLater(() -> commit(slot, target, vp, success, wasFull, wasCancelled));
        });
    }

    private void commit(int slot, BufferedImage img, Viewport vp, boolean success, boolean wasFull, boolean cancelled) {
        inFlight = false;
        if (!success && wasFull) {
            contentChanged = true; // a cancelled full render still owes the new content
        }
        if (success) {
            if (fxImages[slot] == null) {
                int[] data = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
                PixelBuffer<IntBuffer> pb = new PixelBuffer<>(img.getWidth(), img.getHeight(), IntBuffer.wrap(data),
                        PixelFormat.getIntArgbPreInstance());
                pixelBuffers[slot] = pb;
                fxImages[slot] = new WritableImage(pb);
            } else {
                pixelBuffers[slot].updateBuffer(b -> null);
            }
            imageView.setImage(fxImages[slot]);
            shownViewport = vp;
            back = 1 - slot;
            placeImage();
            if (!dirty) {
                // no request came while it ran (dirty is set by each one): it drew the latest state
                renderCount.set(renderCount.get() + 1);
            }
        }
        Viewport now = viewport.get();
        if (!success && !cancelled) {
            // a real failure (logged): do not retry in a loop; the next change asks again
            dirty = false;
            return;
        }
        if (dirty || !success || (now != null && !now.equals(vp))) {
            if (now != null && (dirty || !now.equals(shownViewport))) {
                startRender();
            }
        }
    }

    /** Positions the last image so it matches the current viewport (instant pan/zoom feedback). */
    private void placeImage() {
        Viewport now = viewport.get();
        if (shownViewport == null || now == null) {
            return;
        }
        double scale = shownViewport.resolution() / now.resolution();
        imageView.setX(now.toScreenX(shownViewport.minX()));
        imageView.setY(now.toScreenY(shownViewport.maxY()));
        imageView.setFitWidth(shownViewport.width() * scale);
        imageView.setFitHeight(shownViewport.height() * scale);
    }

    @Override
    protected void layoutChildren() {
        int w = (int) Math.max(1, Math.round(getWidth()));
        int h = (int) Math.max(1, Math.round(getHeight()));
        overlay.setWidth(w);
        overlay.setHeight(h);
        Viewport v = viewport.get();
        if (v != null && (v.width() != w || v.height() != h)) {
            viewport.set(v.resize(w, h));
        }
        drawOverlay();
    }

    private void onScroll(ScrollEvent e) {
        Viewport v = viewport.get();
        if (v == null || e.getDeltaY() == 0) {
            return;
        }
        double factor = Math.pow(1.25, e.getDeltaY() / 40.0);
        viewport.set(v.zoomAt(factor, e.getX(), e.getY()));
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        dragX = pressX = e.getX();
        dragY = pressY = e.getY();
        dragging = false;
        boxing = e.isShiftDown() && e.getButton() == MouseButton.PRIMARY;
    }

    private void onDragged(MouseEvent e) {
        Viewport v = viewport.get();
        if (v == null) {
            return;
        }
        if (Math.abs(e.getX() - pressX) + Math.abs(e.getY() - pressY) > 3) {
            dragging = true;
        }
        if (boxing) {
            box.setVisible(true);
            box.setX(Math.min(pressX, e.getX()));
            box.setY(Math.min(pressY, e.getY()));
            box.setWidth(Math.abs(e.getX() - pressX));
            box.setHeight(Math.abs(e.getY() - pressY));
        } else if (dragging) {
            // whole pixels, so the next render can shift the last image instead of drawing it all
            long dx = Math.round(e.getX() - dragX);
            long dy = Math.round(e.getY() - dragY);
            if (dx != 0 || dy != 0) {
                viewport.set(v.pan(dx, dy));
                dragX += dx;
                dragY += dy;
            }
        }
        updateCursor(e.getX(), e.getY());
    }

    private void onReleased(MouseEvent e) {
        Viewport v = viewport.get();
        if (v == null) {
            return;
        }
        if (boxing && dragging) {
            box.setVisible(false);
            Envelope env = new Envelope(v.toMapX(pressX), v.toMapX(e.getX()), v.toMapY(pressY), v.toMapY(e.getY()));
            selectedBox.set(env);
        } else if (!dragging && e.getButton() == MouseButton.PRIMARY && tool.get() != null) {
            tool.get().click(v.toMapX(e.getX()), v.toMapY(e.getY()), e.getClickCount());
            drawOverlay();
        } else if (!dragging && e.getButton() == MouseButton.PRIMARY) {
            if (e.getClickCount() == 2) {
                viewport.set(v.zoomAt(2, e.getX(), e.getY()));
            } else {
                clickedPoint.set(new Point2D(v.toMapX(e.getX()), v.toMapY(e.getY())));
            }
        }
        box.setVisible(false);
        boxing = false;
        dragging = false;
    }

    private void onKey(KeyEvent e) {
        Viewport v = viewport.get();
        if (v == null) {
            return;
        }
        double step = Math.round(Math.min(v.width(), v.height()) / 4.0);
        switch (e.getCode()) {
            case PLUS: case ADD: case EQUALS: viewport.set(v.zoomAt(1.5, v.width() / 2.0, v.height() / 2.0)); break;
            case MINUS: case SUBTRACT: viewport.set(v.zoomAt(1 / 1.5, v.width() / 2.0, v.height() / 2.0)); break;
            case LEFT: viewport.set(v.pan(step, 0)); break;
            case RIGHT: viewport.set(v.pan(-step, 0)); break;
            case UP: viewport.set(v.pan(0, step)); break;
            case DOWN: viewport.set(v.pan(0, -step)); break;
            case ESCAPE:
                if (tool.get() == null) {
                    return;
                }
                tool.get().cancel();
                drawOverlay();
                break;
            default: return;
        }
        e.consume();
    }

    private void updateCursor(double sx, double sy) {
        Viewport v = viewport.get();
        if (v != null) {
            cursorText.set(ScaleBar.position(v, sx, sy));
        }
    }

    /** Draws the scale bar (metric and imperial) and updates the scale text. */
    private void drawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        Viewport v = viewport.get();
        if (v != null) {
            scaleText.set(ScaleBar.scale(v));
            if (highlight.get() != null) {
                highlight.get().draw(g, v);
            }
            if (tool.get() != null) {
                tool.get().draw(g, v);
            }
            ScaleBar.draw(g, v, overlay.getHeight());
        }
    }

    /** Frees the render thread. */
    public void dispose() {
        worker.shutdownNow();
    }
}
