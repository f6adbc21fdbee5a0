package dev.interleave.ui.buffer;

import java.util.List;
import java.util.Locale;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.util.Duration;

import dev.interleave.engine.buffer.Slots;
import dev.interleave.ui.kit.ColourProbe;
import dev.interleave.ui.kit.FontProbe;
import dev.interleave.ui.kit.Words;

/**
 * A buffer too large for tiles ({@link BufferViewModel#TILED_CAPACITY}), drawn as a strip of cells
 * in rows, slot 0 at the top left: a cell per slot where the rows hold them all, else a cell per
 * run of neighbouring slots, filled in proportion to the slots in it that hold an item. The next
 * put's cell is marked ▼ above it and the next take's ▲ below it, in the tiles' colours. The pointer
 * shows a cell's slots and what they hold.
 */
final class SlotStrip extends Region {

    /** The most rows of cells: beyond them a cell stands for more slots rather than the strip growing. */
    static final int MAX_ROWS = 16;

    private final Canvas canvas = new Canvas();
    /** A hidden label: its font is the window's text size (the root's, with the zoom). */
    private final FontProbe fontProbe = new FontProbe(() -> {
        requestLayout();
        redraw();
    });
    private final Tooltip tooltip = new Tooltip();
    private final ColourProbe empty = probe("-il-slot-empty");
    private final ColourProbe full = probe("-il-slot-full");
    private final ColourProbe border = probe("-color-border-default");
    private final ColourProbe accent = probe("-il-accent");
    private Slots items = Slots.empty(0);
    private int putIndex;
    private int takeIndex;
    /** Slots per cell at the last drawing. */
    private final ReadOnlyIntegerWrapper perCell = new ReadOnlyIntegerWrapper(this, "slotsPerCell", 1);
    private boolean redrawQueued;
    /** The cells' pixels, kept while the strip keeps its size. */
    private WritableImage image;
    /** The rows of the last height asked for. */
    private int rowsAsked;
    /** Cells per row at the last drawing. */
    private int columns = 1;

    SlotStrip() {
        getStyleClass().add("slot-strip");
        getChildren().add(canvas);
        getChildren().add(fontProbe);
        tooltip.setShowDelay(Duration.millis(100));
        Tooltip.install(this, tooltip);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> tooltip.setText(describe(cellAt(e.getX(), e.getY()))));
    }

    private ColourProbe probe(String lookedUp) {
        ColourProbe probe = new ColourProbe(lookedUp, this::redraw);
        getChildren().add(probe);
        return probe;
    }

    /** Shows {@code items} (0 where a slot is empty) with the next put at {@code put} and the next take at {@code take}. */
    void show(List<Long> items, int put, int take) {
        boolean resized = items.size() != this.items.size();
        this.items = Slots.of(items);
        putIndex = put;
        takeIndex = take;
        if (resized) {
            requestLayout(); // its rows
        }
        redraw();
    }

    /** The slots each cell stands for, as last drawn: 1 where every slot has its own. */
    ReadOnlyIntegerProperty slotsPerCellProperty() {
        return perCell.getReadOnlyProperty();
    }

    /** A cell's side with the gap beside it: three quarters of the text's size, so it grows with the window and the zoom. */
    private double pitch() {
        return Math.max(6, Math.round(fontProbe.getFont().getSize() * 0.75));
    }

    /** Above and below each row: room for the ▼ and ▲ marks. */
    private double markRoom() {
        return Math.ceil(pitch() * 0.35);
    }

    /** How the cells lie at a width: cells per row, slots per cell, cells, rows. */
    private record Layout(int columns, int slotsPerCell, int cells, int rows) {
    }

    /** A cell per slot where {@link #MAX_ROWS} rows hold them all, else per run of slots, as few as fit. */
    private Layout layout(double width) {
        int columns = Math.max(1, (int) ((width + 1) / pitch()));
        long room = (long) columns * MAX_ROWS;
        int size = Math.max(1, items.size());
        int slotsPerCell = (int) ((size + room - 1) / room);
        int cells = (size + slotsPerCell - 1) / slotsPerCell;
        return new Layout(columns, slotsPerCell, cells, (cells + columns - 1) / columns);
    }

    private int rows(double width) {
        return layout(width).rows();
    }

    private double rowHeight() {
        return pitch() + 2 * markRoom();
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width > 0 ? width : getWidth() > 0 ? getWidth() : 600;
        rowsAsked = rows(w);
        return rowsAsked * rowHeight();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 300;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        if (rows(getWidth()) != rowsAsked) {
            // Its height was asked before its width was known: asked again at this width, the next
            // pass gives it the rows it has (it kept room for more under them). After this pass: a
            // request during its own layout is forgotten when the layout ends.
            rowsAsked = rows(getWidth());
            Platform.runLater(this::requestLayout);
        }
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }

    /**
     * Draws at most once per frame, after the frame's changes: the slots and both indices each change
     * in one sample, and a buffer of a million slots is read whole at each drawing.
     */
    private void redraw() {
        if (!redrawQueued) {
            redrawQueued = true;
            Platform.runLater(() -> {
                redrawQueued = false;
                draw();
            });
        }
    }

    /**
     * The cells as pixels of one image (thousands of canvas rectangles took the software renderer
     * longer than a frame), then the two marks on the canvas above it.
     */
    private void draw() {
        int width = (int) canvas.getWidth();
        int height = (int) canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        int size = items.size();
        if (size == 0 || width <= 0 || height <= 0) {
            return;
        }
        int pitch = (int) pitch();
        int side = pitch - 1;
        int rowHeight = (int) rowHeight();
        int markRoom = (int) markRoom();
        Layout layout = layout(width);
        columns = layout.columns();
        int slotsPerCell = layout.slotsPerCell();
        perCell.set(slotsPerCell);
        int cells = layout.cells();
        int[] held = new int[cells];
        for (int i = 0; i < size; i++) {
            if (items.item(i) != 0) {
                held[i / slotsPerCell]++;
            }
        }
        Color emptyColour = colour(empty, Color.WHITE);
        Color fullColour = colour(full, Color.SKYBLUE);
        int edge = argb(colour(border, Color.GRAY));
        int[] pixels = new int[width * height];
        for (int cell = 0; cell < cells; cell++) {
            int inCell = Math.min(slotsPerCell, size - cell * slotsPerCell);
            int x0 = (cell % columns) * pitch;
            int y0 = (cell / columns) * rowHeight + markRoom;
            int fill = argb(held[cell] == 0 ? emptyColour
                    : emptyColour.interpolate(fullColour, Math.max(0.25, held[cell] / (double) inCell)));
            for (int y = y0; y < Math.min(height, y0 + side); y++) {
                for (int x = x0; x < Math.min(width, x0 + side); x++) {
                    boolean rim = x == x0 || y == y0 || x == x0 + side - 1 || y == y0 + side - 1;
                    pixels[y * width + x] = rim ? edge : fill;
                }
            }
        }
        if (image == null || image.getWidth() != width || image.getHeight() != height) {
            image = new WritableImage(width, height);
        }
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        g.drawImage(image, 0, 0);
        Paint accentPaint = accent.paint(Color.ORANGE);
        g.setFill(accentPaint);
        g.setStroke(accentPaint);
        g.setLineWidth(2);
        mark(g, putIndex / slotsPerCell, true, pitch, side);
        mark(g, takeIndex / slotsPerCell, false, pitch, side);
    }

    private static Color colour(ColourProbe probe, Color fallback) {
        return probe.paint(fallback) instanceof Color colour ? colour : fallback;
    }

    private static int argb(Color colour) {
        return (int) Math.round(colour.getOpacity() * 255) << 24 | (int) Math.round(colour.getRed() * 255) << 16
                | (int) Math.round(colour.getGreen() * 255) << 8 | (int) Math.round(colour.getBlue() * 255);
    }

    /** The next put's (▼ above) or take's (▲ below) cell, outlined in the accent colour. */
    private void mark(GraphicsContext g, int cell, boolean put, double pitch, double side) {
        double x = (cell % columns) * pitch;
        double y = (cell / columns) * rowHeight() + markRoom();
        g.strokeRect(x + 1, y + 1, side - 2, side - 2);
        double mid = x + side / 2;
        double h = markRoom() - 1;
        if (put) {
            g.fillPolygon(new double[] {mid - h * 0.6, mid + h * 0.6, mid}, new double[] {y - h, y - h, y - 1}, 3);
        } else {
            double below = y + side + 1;
            g.fillPolygon(new double[] {mid - h * 0.6, mid + h * 0.6, mid}, new double[] {below + h, below + h, below}, 3);
        }
    }

    /** The cell under a point, or -1. */
    private int cellAt(double x, double y) {
        double pitch = pitch();
        int column = (int) (x / pitch);
        int row = (int) (y / rowHeight());
        int cell = row * columns + column;
        return column < columns && x >= 0 && y >= 0 && (long) cell * perCell.get() < items.size() ? cell : -1;
    }

    /** "Slot 70: #1,234" or "Slots 0 to 124: 37 of 125 hold an item", with the next put or take in it. */
    String describe(int cell) {
        if (cell < 0) {
            return String.format(Locale.ROOT, "%s; each cell %s", Words.count(items.size(), "slot"),
                    perCell.get() == 1 ? "is one slot" : String.format(Locale.ROOT, "stands for %,d slots",
                            perCell.get()));
        }
        int first = cell * perCell.get();
        int last = Math.min(items.size(), first + perCell.get()) - 1;
        StringBuilder text = new StringBuilder();
        if (first == last) {
            long item = items.item(first);
            text.append(String.format(Locale.ROOT, "Slot %,d: %s", first,
                    item == 0 ? "empty" : String.format(Locale.ROOT, "#%,d", item)));
        } else {
            int held = 0;
            for (int i = first; i <= last; i++) {
                held += items.item(i) != 0 ? 1 : 0;
            }
            text.append(String.format(Locale.ROOT, "Slots %,d to %,d: %,d of %,d hold an item", first, last, held,
                    last - first + 1));
        }
        if (putIndex >= first && putIndex <= last) {
            text.append(String.format(Locale.ROOT, "; ▼ the next put, slot %,d", putIndex));
        }
        if (takeIndex >= first && takeIndex <= last) {
            text.append(String.format(Locale.ROOT, "; ▲ the next take, slot %,d", takeIndex));
        }
        return text.toString();
    }
}
