package dev.interleave.ui.buffer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

import dev.interleave.engine.buffer.Slots;
import dev.interleave.ui.kit.ColourProbe;
import dev.interleave.ui.kit.FontProbe;
import dev.interleave.ui.kit.InSight;
import dev.interleave.ui.kit.Words;

/**
 * A buffer too large for tiles ({@link BufferViewModel#TILED_CAPACITY}), drawn as a strip of cells
 * in rows, slot 0 at the top left: a cell per slot, as large as {@link #MAX_ROWS} rows allow, else a
 * cell per run of neighbouring slots. The more of a cell's slots hold an item, the stronger its
 * colour; the next put's cell is outlined with ▼ above it, the next take's with ▲ below it. A line
 * under the cells says what a cell stands for, and the pointer names a cell's slots and what they
 * hold. Drawn once per frame that changed it, and only while it can be seen ({@link InSight}).
 */
final class SlotStrip extends Region {

    /** The most rows of cells: beyond them the cells shrink, then stand for more slots, rather than the strip growing. */
    static final int MAX_ROWS = 12;
    /**
     * A cell's side with the gap beside it, in the text's size, largest first: the largest that
     * fits every slot in {@link #MAX_ROWS} rows is taken (65 slots are cells a class sees from the
     * back), down to the last, where a cell stands for several slots.
     */
    private static final double[] PITCHES = {2.5, 2, 1.5, 1.2, 1, 0.75};
    /**
     * How far towards the full colour a cell holding a single item is drawn: one item among a cell's
     * thousand slots would otherwise be a shade no one tells from empty.
     */
    private static final double LEAST_SHADE = 0.25;

    private final Canvas canvas = new Canvas();
    private final FontProbe fontProbe = new FontProbe(() -> {
        requestLayout();
        stale = true;
    });
    private final Tooltip tooltip = new Tooltip();
    private final ColourProbe empty = probe("-il-slot-empty");
    /** An occupied tile's border colour: the slots' own full colour is too pale to shade by. */
    private final ColourProbe full = probe("-il-lock");
    private final ColourProbe border = probe("-color-border-default");
    private final ColourProbe accent = probe("-il-accent");
    private final ColourProbe ink = probe("-color-fg-muted");
    private Slots items = Slots.empty(0);
    private int putIndex;
    private int takeIndex;
    /** Whether the strip changed since it was last drawn. */
    private boolean stale;
    /** The cells' pixels, kept while the strip keeps its size. */
    private int[] pixels = new int[0];
    private WritableImage image;

    /** How the cells lie at a width: each cell's side with its gap, cells per row, slots per cell, cells, rows. */
    private record Layout(int pitch, int columns, int slotsPerCell, int cells, int rows) {
    }

    SlotStrip() {
        getStyleClass().add("slot-strip");
        getChildren().addAll(canvas, fontProbe);
        tooltip.setShowDelay(Duration.millis(100));
        Tooltip.install(this, tooltip);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> tooltip.setText(describe(cellAt(e.getX(), e.getY()))));
        InSight.drawWhenSeen(this, () -> stale, this::draw);
    }

    private ColourProbe probe(String lookedUp) {
        ColourProbe probe = new ColourProbe(lookedUp, () -> stale = true);
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
        stale = true;
    }

    /** The slots each cell stands for at the strip's width: 1 where every slot has its own. */
    int slotsPerCell() {
        return layout(getWidth()).slotsPerCell();
    }

    /**
     * Between two rows, and above the first and below the last: room for a ▼ or ▲ mark, at least
     * half the text's size. One gap between two rows, not one on each side: the marks are two in the
     * whole strip, and a gap above and below every row made twelve rows of 10-px cells take 264 px,
     * pushing the workers' chips under the fold at 1024x700.
     */
    private int markRoom(int pitch) {
        return (int) Math.max(Math.ceil(pitch * 0.35), Math.ceil(fontProbe.getFont().getSize() * 0.45));
    }

    /** A row of cells and the gap above it. */
    private int rowHeight(int pitch) {
        return pitch + markRoom(pitch);
    }

    /** The left of {@code cell}. */
    private static int cellX(Layout drawn, int cell) {
        return (cell % drawn.columns()) * drawn.pitch();
    }

    /** The top of {@code cell}. */
    private int cellY(Layout drawn, int cell) {
        return (cell / drawn.columns()) * rowHeight(drawn.pitch()) + markRoom(drawn.pitch());
    }

    /** Where slot {@code slot}'s cell is drawn, in the strip's coordinates (an item flies into it); null past the end. */
    Bounds cellBounds(int slot) {
        if (slot < 0 || slot >= items.size()) {
            return null;
        }
        Layout drawn = layout(getWidth());
        int cell = slot / drawn.slotsPerCell();
        return new BoundingBox(cellX(drawn, cell), cellY(drawn, cell), drawn.pitch() - 1, drawn.pitch() - 1);
    }

    /** The cells' rows, their gaps and the gap under the last. */
    private int cellsHeight(Layout layout) {
        return layout.rows() * rowHeight(layout.pitch()) + markRoom(layout.pitch());
    }

    /** The line under the cells. */
    private double legendHeight() {
        return Math.ceil(fontProbe.getFont().getSize() * 1.5);
    }

    /**
     * The largest cells that give every slot its own in {@link #MAX_ROWS} rows; else the smallest,
     * each standing for a round number of neighbouring slots (1, 2, 5, 10, 20, ...), as few as fit.
     */
    private Layout layout(double width) {
        double font = fontProbe.getFont().getSize();
        int size = Math.max(1, items.size());
        int pitch = 6;
        int columns = 1;
        for (double em : PITCHES) {
            pitch = (int) Math.max(6, Math.round(font * em));
            columns = Math.max(1, (int) ((width + 1) / pitch));
            int rows = (size + columns - 1) / columns;
            if (rows <= MAX_ROWS) {
                return new Layout(pitch, columns, 1, size, rows);
            }
        }
        int slotsPerCell = round((size + (long) columns * MAX_ROWS - 1) / ((long) columns * MAX_ROWS));
        int cells = (size + slotsPerCell - 1) / slotsPerCell;
        return new Layout(pitch, columns, slotsPerCell, cells, (cells + columns - 1) / columns);
    }

    /** The least of 1, 2, 5, 10, 20, 50, ... that is at least {@code atLeast}: a count a class reads at a glance. */
    static int round(long atLeast) {
        for (long ten = 1; ; ten *= 10) {
            for (long step : new long[] {1, 2, 5}) {
                if (step * ten >= atLeast) {
                    return (int) (step * ten);
                }
            }
        }
    }

    /** Its height follows from its width: the rows its cells take there. */
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        double at = width >= 0 ? width : getWidth() > 0 ? getWidth() : computePrefWidth(-1);
        return cellsHeight(layout(at)) + legendHeight();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 300;
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            stale = true;
        }
    }

    /**
     * The cells as the pixels of one image (thousands of canvas rectangles took the software renderer
     * longer than a frame), then the two marks and the line under them on the canvas.
     */
    private void draw() {
        stale = false;
        int width = (int) canvas.getWidth();
        int height = (int) canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        int size = items.size();
        if (size == 0 || width <= 0 || height <= 0) {
            return;
        }
        Layout drawn = layout(width);
        int pitch = drawn.pitch();
        int side = pitch - 1;
        int slotsPerCell = drawn.slotsPerCell();
        int[] held = new int[drawn.cells()];
        for (int i = 0; i < size; i++) {
            if (items.item(i) != 0) {
                held[i / slotsPerCell]++;
            }
        }
        Color emptyColour = colour(empty, Color.WHITE);
        Color fullColour = colour(full, Color.DARKORANGE);
        int edge = argb(colour(border, Color.GRAY));
        if (pixels.length != width * height) {
            pixels = new int[width * height];
            image = new WritableImage(width, height);
        } else {
            Arrays.fill(pixels, 0);
        }
        for (int cell = 0; cell < drawn.cells(); cell++) {
            int inCell = Math.min(slotsPerCell, size - cell * slotsPerCell);
            int x0 = cellX(drawn, cell);
            int y0 = cellY(drawn, cell);
            int fill = argb(held[cell] == 0 ? emptyColour
                    : emptyColour.interpolate(fullColour, LEAST_SHADE + (1 - LEAST_SHADE) * held[cell] / inCell));
            for (int y = y0; y < Math.min(height, y0 + side); y++) {
                for (int x = x0; x < Math.min(width, x0 + side); x++) {
                    boolean rim = x == x0 || y == y0 || x == x0 + side - 1 || y == y0 + side - 1;
                    pixels[y * width + x] = rim ? edge : fill;
                }
            }
        }
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        g.drawImage(image, 0, 0);
        Paint accentPaint = accent.paint(Color.ORANGE);
        g.setFill(accentPaint);
        g.setStroke(accentPaint);
        g.setLineWidth(2);
        int putCell = putIndex / slotsPerCell;
        int takeCell = takeIndex / slotsPerCell;
        // The take's ▲ under its cell and the put's ▼ over the cell below it share a gap: side by side then.
        double apart = putCell == takeCell + drawn.columns() ? markRoom(pitch) * 0.7 : 0;
        mark(g, drawn, putCell, true, apart);
        mark(g, drawn, takeCell, false, -apart);
        g.setFill(ink.paint(Color.GRAY));
        g.setFont(fontProbe.getFont());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(fitting(legend(drawn), width), 0, cellsHeight(drawn) + legendHeight() / 2);
    }

    /** The line under the cells at the strip's width. */
    String legend() {
        return legend(layout(getWidth()));
    }

    /**
     * "A cell per slot, ..." or "A cell per 1,000 neighbouring slots: ...". Not "darker": in the dark
     * theme a full cell is the brightest.
     */
    private static String legend(Layout drawn) {
        return drawn.slotsPerCell() == 1 ? "A cell per slot, coloured where it holds an item"
                : String.format(Locale.ROOT, "A cell per %,d neighbouring slots: the stronger its colour, the more of "
                        + "them hold an item", drawn.slotsPerCell());
    }

    /** {@code legend}, or as much of its sense as fits {@code width} (it is drawn, so it cannot wrap). */
    private String fitting(String legend, double width) {
        String perCell = legend.startsWith("A cell per slot") ? "1 cell = 1 slot"
                : "1 cell = " + legend.substring("A cell per ".length(), legend.indexOf(" neighbouring")) + " slots";
        for (String text : List.of(legend, perCell + "; the stronger, the fuller", perCell)) {
            Text measured = new Text(text);
            measured.setFont(fontProbe.getFont());
            if (measured.getLayoutBounds().getWidth() <= width) {
                return text;
            }
        }
        return perCell;
    }

    private static Color colour(ColourProbe probe, Color fallback) {
        return probe.paint(fallback) instanceof Color colour ? colour : fallback;
    }

    private static int argb(Color colour) {
        return (int) Math.round(colour.getOpacity() * 255) << 24 | (int) Math.round(colour.getRed() * 255) << 16
                | (int) Math.round(colour.getGreen() * 255) << 8 | (int) Math.round(colour.getBlue() * 255);
    }

    /** The next put's (▼ above) or take's (▲ below) cell, outlined in the accent colour; the mark moved by {@code shift} px. */
    private void mark(GraphicsContext g, Layout drawn, int cell, boolean put, double shift) {
        int pitch = drawn.pitch();
        int side = pitch - 1;
        double x = cellX(drawn, cell);
        double y = cellY(drawn, cell);
        g.strokeRect(x + 1, y + 1, side - 2, side - 2);
        double mid = x + side / 2.0 + shift;
        double h = markRoom(pitch) - 1;
        if (put) {
            g.fillPolygon(new double[] {mid - h * 0.6, mid + h * 0.6, mid}, new double[] {y - h, y - h, y - 1}, 3);
        } else {
            double below = y + side + 1;
            g.fillPolygon(new double[] {mid - h * 0.6, mid + h * 0.6, mid}, new double[] {below + h, below + h, below}, 3);
        }
    }

    /** The cell under a point, or -1. */
    private int cellAt(double x, double y) {
        Layout drawn = layout(getWidth());
        int column = (int) (x / drawn.pitch());
        // A row answers from the middle of the gap above it to the middle of the gap below it.
        int row = (int) Math.max(0, (y - markRoom(drawn.pitch()) / 2.0) / rowHeight(drawn.pitch()));
        int cell = row * drawn.columns() + column;
        return x >= 0 && y >= 0 && column < drawn.columns() && cell < drawn.cells() ? cell : -1;
    }

    /** "Slot 70: #1,234" or "Slots 0 to 124: 37 of 125 hold an item", with the next put or take in it. */
    String describe(int cell) {
        int perCell = slotsPerCell();
        if (cell < 0) {
            return String.format(Locale.ROOT, "%s; %s", Words.count(items.size(), "slot"), legend());
        }
        int first = cell * perCell;
        int last = Math.min(items.size(), first + perCell) - 1;
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
