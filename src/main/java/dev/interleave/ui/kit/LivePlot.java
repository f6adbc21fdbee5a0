package dev.interleave.ui.kit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Line;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A live line plot of a view-model's series, drawn on one {@link Canvas}: a title, the plot, and a
 * legend naming each series.
 *
 * <p>Why not {@link javafx.scene.chart.LineChart}: on a machine without a GPU (JavaFX's software
 * pipeline) one LineChart repaint cost 25 ms on an idle core and 60 to 180 ms while the
 * 1,000,000-call run loaded both cores, because every new point relaid and repainted the chart's
 * axes, tick labels, grid and region backgrounds as scene-graph nodes. This plot redraws its canvas
 * only when a series changes (a few times a second) and it can be seen ({@link InSight}), and a
 * frame that does not redraw it costs nothing. The data model stays the charts' own:
 * {@link XYChart.Series} lists, a fixed window of points kept by the view-model.
 *
 * <p>Series are told apart by colour (the Okabe-Ito palette, safe for colour-blind readers) and by
 * line style (solid, dashed, dotted), both shown in the legend. A plot of runs side by side
 * ({@link #runsSideBySide}) with two curves or more makes each legend entry a check box that shows or
 * hides its run's curve, and the time axis fits the curves shown: a run of 37 ms beside runs of 6 s
 * is a sliver at the left until they are hidden (a line under the legend says so when it happens).
 *
 * <p>Every colour comes from the stylesheet: {@code -il-plot-series-1} to {@code -6}, {@code -il-plot-background},
 * {@code -il-plot-grid}, {@code -il-plot-axis} and {@code -il-plot-ink} on {@code .live-plot}, so a
 * theme's stylesheet recolours the canvas too. FX thread only.
 */
public final class LivePlot extends BorderPane implements ChartRow.Aligned {

    /** How y values map to the axis. */
    public enum Scale {
        /** From 0 up to a round number above the largest value. */
        LINEAR,
        /**
         * Values are already log10 of the quantity: an axis from 1 (10^0) to the decade above the
         * highest curve shown, 1k (10^3) at least and 1M (10^6) at most, and
         * under 1 a row for 0, at {@link PlotData#LOG_ZERO} (log10 has none: a rate that fell to 0 was drawn
         * at 1 and read as "1 call a second").
         */
        LOG10
    }

    /**
     * The series colours before any stylesheet applies: Okabe-Ito's blue, orange, bluish green,
     * vermillion, reddish purple, sky blue. The stylesheet sets them ({@code -il-plot-series-1} to
     * {@code -6}, usually from the theme's looked-up colours), so a theme changes them.
     */
    private static final List<Color> DEFAULT_PALETTE = List.of(Color.web("#0072b2"), Color.web("#e69f00"),
            Color.web("#009e73"), Color.web("#d55e00"), Color.web("#cc79a7"), Color.web("#56b4e9"));
    /** Line styles by series index, as dash lengths (empty: solid). */
    private static final List<double[]> DASHES = List.of(new double[0], new double[] {7, 4}, new double[] {2, 3});
    private static final int MAX_TICKS = 6;
    /** The title's size at 100 % in a 1280x800 window: the window's 13 px, times the stylesheet's 1.15em. */
    private static final double BASE_TITLE_SIZE = 13 * 1.15;
    /** The plot area's least height (axes, ticks and curve), in lines of the title's text. */
    private static final double MIN_AREA_LINES = 9;
    /** The title's height, and a legend entry's, in lines of text. */
    private static final double TITLE_LINES = 1.6;
    private static final double LEGEND_LINE = 1.4;
    /** Between the title and the caption ({@link #setCaption}), in px. */
    private static final double CAPTION_GAP = 4;
    private static final double LOG_TOP = 6;
    /** A log axis reaches 10^3 at least, whatever it shows. */
    private static final double LOG_LEAST_TOP = 3;
    /** The least room, in decades, between the highest curve and a log axis's top. */
    private static final double LOG_HEADROOM = 0.1;
    /** A curve shown in less than 1/{@value} of the x axis is a sliver (see {@link #squeezedNote}). */
    private static final double SQUEEZED = 20;

    private static CssMetaData<LivePlot, Paint> paint(String property, Paint initial,
                                                      Function<LivePlot, StyleableObjectProperty<Paint>> of) {
        return new CssMetaData<>(property, StyleConverter.getPaintConverter(), initial) {
            @Override
            public boolean isSettable(LivePlot plot) {
                return !of.apply(plot).isBound();
            }

            @Override
            public StyleableProperty<Paint> getStyleableProperty(LivePlot plot) {
                return of.apply(plot);
            }
        };
    }

    private static final List<CssMetaData<LivePlot, Paint>> SERIES_CSS = IntStream
            .range(0, DEFAULT_PALETTE.size())
            .mapToObj(i -> paint("-il-plot-series-" + (i + 1), DEFAULT_PALETTE.get(i), plot -> plot.seriesPaints.get(i)))
            .toList();
    private static final CssMetaData<LivePlot, Paint> BACKGROUND_CSS = paint("-il-plot-background", Color.WHITE,
            plot -> plot.background);
    private static final CssMetaData<LivePlot, Paint> GRID_CSS = paint("-il-plot-grid", Color.web("#e3e8eb"),
            plot -> plot.grid);
    private static final CssMetaData<LivePlot, Paint> AXIS_CSS = paint("-il-plot-axis", Color.web("#78909c"),
            plot -> plot.axis);
    private static final CssMetaData<LivePlot, Paint> INK_CSS = paint("-il-plot-ink", Color.web("#37474f"),
            plot -> plot.ink);
    private static final CssMetaData<LivePlot, Paint> EVENT_CSS = paint("-il-plot-event", Color.web("#b34400"),
            plot -> plot.eventPaint);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(BorderPane.getClassCssMetaData());
        all.addAll(SERIES_CSS);
        all.addAll(List.of(BACKGROUND_CSS, GRID_CSS, AXIS_CSS, INK_CSS, EVENT_CSS));
        CSS = List.copyOf(all);
    }

    /** The CSS properties of a plot: a BorderPane's, and its colours. */
    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }

    /** The series colours, from the stylesheet. */
    private final List<StyleableObjectProperty<Paint>> seriesPaints = new ArrayList<>();
    /** The plot area's fill, the grid lines, the axes and the tick text, from the stylesheet. */
    private final StyleableObjectProperty<Paint> background = new SimpleStyleableObjectProperty<>(BACKGROUND_CSS, this,
            "background", Color.WHITE);
    private final StyleableObjectProperty<Paint> grid = new SimpleStyleableObjectProperty<>(GRID_CSS, this, "grid",
            GRID_CSS.getInitialValue(null));
    private final StyleableObjectProperty<Paint> axis = new SimpleStyleableObjectProperty<>(AXIS_CSS, this, "axis",
            AXIS_CSS.getInitialValue(null));
    private final StyleableObjectProperty<Paint> ink = new SimpleStyleableObjectProperty<>(INK_CSS, this, "ink",
            INK_CSS.getInitialValue(null));
    /** An event's line and words ({@link #setEventLabel}): the failure's colour, as its banner's. */
    private final StyleableObjectProperty<Paint> eventPaint = new SimpleStyleableObjectProperty<>(EVENT_CSS, this,
            "eventPaint", EVENT_CSS.getInitialValue(null));

    private final Scale scale;
    private final String xLabel;
    /** The words over the plot area ({@link #setCaption}), or null. */
    private Region caption;
    /** Whether a measure of the least height is queued ({@link #updateMinHeightLater}). */
    private boolean minHeightQueued;
    private final Canvas canvas = new Canvas();
    private final Label heading = new Label();
    /**
     * {@link #sharedNote}, the entries, then {@link #squeezedNote}: centred under the plot, a long
     * series name wrapping within the plot's width instead of running off it.
     */
    private final VBox legend = new VBox(2);
    /** The entries, side by side while they fit in a line, wrapping onto more lines where they do not. */
    private final EntryRows entryRows = new EntryRows(10, 2);
    /**
     * Over the entries, for runs side by side: what every run's name says, said once ("All 4 runs:
     * 1,000 calls / 100 threads, atomic counter"), so each entry says only its number and what
     * differs. Four runs of one preset took eight lines of legend and left the curves 50 px.
     */
    private final Label sharedNote = new Label();
    private final Text measure = new Text();
    private final InvalidationListener onDataChange = obs -> {
        // A hidden series emptied is a new run of its kind drawn into it (a view-model keeps one
        // series a kind): shown again, or the run would draw nothing and its box stay unticked.
        if (!this.hidden.isEmpty() && obs instanceof List<?> points && points.isEmpty()
                && this.hidden.removeIf(one -> one.getData() == points)) {
            rebuildLegend();
        }
        markDirty();
    };
    private final InvalidationListener onNameChange = obs -> rebuildLegend();
    private final ListChangeListener<XYChart.Series<Number, Number>> onSeriesChange = this::seriesChanged;
    private ObservableList<XYChart.Series<Number, Number>> series;
    /** Each plotted series' style number, by identity (see {@link #style}). */
    private final Map<XYChart.Series<Number, Number>, Integer> styles = new IdentityHashMap<>();
    /** The series whose check box in the legend was cleared: not drawn, and not in the axes' extent. */
    private final Set<XYChart.Series<Number, Number>> hidden = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Under the legend while a curve shown is a sliver beside longer ones: untick them to see it. */
    private final Label squeezedNote = new Label();
    /** Whether the series are runs side by side, each of which may be hidden (see {@link #runsSideBySide}). */
    private boolean runs;
    /** Whether no run goes (see {@link #runsSideBySide}); never, unless told. */
    private ObservableBooleanValue idle = new SimpleBooleanProperty(false);
    private int nextStyle;
    /**
     * True when the canvas no longer shows the data: redrawn at the next layout pass if the plot can
     * be seen, else in the frame it comes into sight.
     */
    private boolean dirty = true;
    /** Points drawn by the last redraw, all series together. */
    private int pointsDrawn;
    /** Pieces of line the last redraw drew, all series together: a break in a series starts another. */
    private int piecesDrawn;
    /** Points farther apart than this (x axis's units) are not joined; infinite: always joined. */
    private double gapOver = Double.POSITIVE_INFINITY;
    /** The y axis's top when fixed (linear scale only); NaN: from the data. */
    private double fixedYTop = Double.NaN;
    /** Where a dashed vertical line marks a moment (an x value), or NaN: no mark. */
    private final DoubleProperty marker = new SimpleDoubleProperty(this, "marker", Double.NaN);
    /** Where the last redraw drew the mark (pixels across the canvas), or NaN; for tests. */
    private double markerDrawnAt = Double.NaN;
    /** Where a solid vertical line marks what happened in the run (an x value), or NaN: no event. */
    private final DoubleProperty event = new SimpleDoubleProperty(this, "event", Double.NaN);
    /** The event's words, drawn at the foot of its line. */
    private String eventLabel = "";
    /** Where the last redraw drew the event's line (pixels across the canvas), or NaN; for tests. */
    private double eventDrawnAt = Double.NaN;
    /** The box of the event's words as the last redraw drew them, or null; for tests. */
    private Bounds eventLabelDrawn;
    /**
     * What the last redraw drew, for tests: the x ticks (label, line, label's width), the y ticks'
     * rows, the axis title's lines.
     */
    record Tick(String label, double at, double width) {
    }

    private List<Tick> xTicksDrawn = List.of();
    private List<Double> yRowsDrawn = List.of();
    /** Each tick label's box as the last redraw drew it, the y axis's bottom up, then the x axis's. */
    private List<Bounds> labelBoxesDrawn = List.of();
    private List<String> xLabelDrawn = List.of();
    /** Whether y counts whole things (wake-ups): no tick between two whole numbers. */
    private boolean wholeNumbers;
    /** The y tick labels of the last redraw, bottom up. */
    private List<String> yTickLabels = List.of();

    public LivePlot(String id, String title, String xLabel, Scale scale) {
        this.scale = Objects.requireNonNull(scale);
        this.xLabel = Objects.requireNonNull(xLabel);
        for (int i = 0; i < SERIES_CSS.size(); i++) {
            StyleableObjectProperty<Paint> paint = new SimpleStyleableObjectProperty<>(SERIES_CSS.get(i), this,
                    "series" + (i + 1), DEFAULT_PALETTE.get(i));
            paint.addListener(obs -> {
                rebuildLegend();
                markDirty();
            });
            seriesPaints.add(paint);
        }
        for (StyleableObjectProperty<Paint> paint : List.of(background, grid, axis, ink, eventPaint)) {
            paint.addListener(obs -> markDirty());
        }
        setId(id);
        getStyleClass().add("live-plot");
        heading.setText(title);
        heading.getStyleClass().add("plot-title");
        // Tick labels follow the title's size, which follows the window's text size.
        heading.fontProperty().addListener((obs, old, now) -> {
            markDirty();
            rebuildLegend(); // its line samples grow with the text, as the curves do
        });
        // A narrower plot wraps its legend onto more lines: its least height is measured again,
        // after the layout pass that changed the width (a parent in the middle of one drops it).
        widthProperty().addListener((obs, old, now) -> updateMinHeightLater());
        // And once new entries are styled and laid out: measured as they were made, unskinned, they
        // had no height, and the legend's four two-line entries left the curves 10 px (a tryout).
        legend.heightProperty().addListener((obs, old, now) -> updateMinHeightLater());
        heading.setMaxWidth(Double.MAX_VALUE);
        heading.setAlignment(Pos.CENTER);
        // A long title in a narrow plot (three in a row at 1024x700) wraps instead of ending in "...".
        heading.setWrapText(true);
        heading.setTextAlignment(TextAlignment.CENTER);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        setTop(heading);
        Pane area = new Pane(canvas) {
            @Override
            protected void layoutChildren() {
                redrawIfNeeded(snapSizeX(getWidth()), snapSizeY(getHeight()));
            }
        };
        area.setMinSize(0, 0);
        setCenter(area);
        // Changed out of sight (scrolled away, another tab): drawn in the frame it comes into sight.
        InSight.drawWhenSeen(this, () -> dirty,
                () -> redrawIfNeeded(area.snapSizeX(area.getWidth()), area.snapSizeY(area.getHeight())));
        legend.setAlignment(Pos.CENTER);
        legend.getStyleClass().add("plot-legend");
        legendNote(sharedNote, "plot-legend-shared", id + "-shared");
        legendNote(squeezedNote, "plot-squeezed-note", id + "-squeezed");
        legend.getChildren().setAll(sharedNote, entryRows, squeezedNote);
        setBottom(legend);
        updateMinHeight();
        // Equal preferred widths: plots side by side in a row share its width evenly.
        setPrefWidth(320);
        setMinWidth(200);
        marker.addListener(obs -> markDirty());
        event.addListener(obs -> markDirty());
        setData(FXCollections.observableArrayList());
    }

    /**
     * The legend's height at {@code width}, and the bottom inset. The plot area's canvas draws the x
     * axis and its title under it: plots side by side whose axis titles wrap alike (one line each)
     * stand their axes on one line.
     */
    @Override
    public double underArea(double width) {
        double inside = width - snappedLeftInset() - snappedRightInset();
        return snappedBottomInset() + (legend.isManaged() ? snapSizeY(legend.prefHeight(inside)) : 0);
    }

    /**
     * Words under the title, over the plot area: what its figures come to (a histogram's means),
     * said where they do not push its axis up from the axes of the plots beside it. Call once.
     */
    public void setCaption(Region caption) {
        this.caption = caption;
        VBox top = new VBox(CAPTION_GAP, heading, caption);
        top.setFillWidth(true);
        setTop(top);
        // Its lines are part of the least height: in a narrow plot at 150 %, five of them, the title's
        // two and the legend's three left the bins no room at all (a teacher's tryout).
        caption.heightProperty().addListener((obs, old, now) -> updateMinHeightLater());
        updateMinHeight();
    }

    /**
     * Measures the least height again after the layout pass going on, once however many of the
     * width, the legend and the caption changed in it (a parent in the middle of a pass drops it).
     */
    private void updateMinHeightLater() {
        if (!minHeightQueued) {
            minHeightQueued = true;
            Platform.runLater(() -> {
                minHeightQueued = false;
                updateMinHeight();
            });
        }
    }

    /** Plots {@code data}: each series a line, named in the legend, redrawn whenever it changes. */
    public void setData(ObservableList<XYChart.Series<Number, Number>> data) {
        if (series != null) {
            series.removeListener(onSeriesChange);
            series.forEach(this::unwatch);
        }
        series = Objects.requireNonNull(data);
        styles.clear();
        hidden.clear();
        nextStyle = 0;
        series.addListener(onSeriesChange);
        series.forEach(this::watch);
        rebuildLegend();
        markDirty();
    }

    /**
     * Fixes a linear y axis at 0..{@code top} (whole-number ticks if {@link #setWholeNumbers}: a count
     * of slots; else round fractions: an index from 0 to 1 in steps of 0.2), or, with NaN, lets it
     * follow the data again.
     */
    public void setFixedYTop(double top) {
        fixedYTop = top;
        markDirty();
    }

    /**
     * Marks the moment {@code x} (in the x axis's units) with a dashed vertical line across the plot,
     * such as the moment a rewound view shows; NaN takes the mark away.
     */
    public void setMarker(double x) {
        marker.set(x);
    }

    /** The moment marked (see {@link #setMarker}): a view binds it to what it shows. */
    public DoubleProperty markerProperty() {
        return marker;
    }

    /**
     * Marks what happened at {@code x} with a solid vertical line and {@code label} at its foot (the
     * moment a table deadlocked: its curves end there, and say why only with the line); the line
     * follows {@link #eventProperty}, NaN taking it away. The x axis ends with the curves (as with an
     * ended run's, {@link #runsSideBySide}), however early, not at a 1 s axis's least 0.2 s: at the
     * event where they end there (a deadlock), or after it where they go on (a buffer's stall, watched
     * for half a second more).
     */
    public void setEventLabel(String label) {
        eventLabel = Objects.requireNonNull(label);
        markDirty();
    }

    /** The moment of the event (see {@link #setEventLabel}), in the x axis's units; NaN: none. */
    public DoubleProperty eventProperty() {
        return event;
    }

    /** Where the last redraw drew the event's line, in pixels across the canvas; NaN if it drew none. */
    double eventDrawnAt() {
        return eventDrawnAt;
    }

    /** The box of the event's words as the last redraw drew them; null if it drew none. */
    Bounds eventLabelDrawn() {
        return eventLabelDrawn;
    }

    /** Where the last redraw drew the mark, in pixels across the plot's canvas; NaN if it drew none. */
    double markerDrawnAt() {
        return markerDrawnAt;
    }

    /** Says that y counts whole things (wake-ups, meals): its ticks are whole numbers, never 0.2 apart. */
    public void setWholeNumbers(boolean whole) {
        wholeNumbers = whole;
        markDirty();
    }

    /**
     * {@code text} on one line if it is at most {@code room} wide in the tick font, else on two,
     * split at the comma or space nearest its middle ("seconds run," / "pauses left out").
     */
    private List<String> labelLines(String text, double room) {
        measure.setText(text);
        if (measure.getLayoutBounds().getWidth() <= room) {
            return List.of(text);
        }
        int middle = text.length() / 2;
        int best = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) {
                best = i;
            }
        }
        return best < 0 ? List.of(text) : List.of(text.substring(0, best).strip(), text.substring(best + 1).strip());
    }

    List<Tick> xTicksDrawn() {
        return xTicksDrawn;
    }

    List<Double> yRowsDrawn() {
        return yRowsDrawn;
    }

    /** Where text {@code height} high, drawn at {@code y} with {@code baseline}, starts (for the boxes tests read). */
    private static double textTop(double y, double height, VPos baseline) {
        return switch (baseline) {
            case TOP -> y;
            case CENTER -> y - height / 2;
            case BOTTOM, BASELINE -> y - height;
        };
    }

    /** The tick labels' boxes the last redraw drew: the y axis's, bottom up, then the x axis's. */
    List<Bounds> labelBoxesDrawn() {
        return labelBoxesDrawn;
    }

    List<String> xLabelDrawn() {
        return xLabelDrawn;
    }

    /** The y tick labels the last redraw drew, bottom up. */
    public List<String> yTickLabels() {
        return yTickLabels;
    }

    public void setLegendVisible(boolean visible) {
        legend.setVisible(visible);
        legend.setManaged(visible);
        updateMinHeight();
    }

    /** The points the last redraw drew, over all series (0 before the first). */
    public int pointsDrawn() {
        return pointsDrawn;
    }

    /** The pieces of line the last redraw drew, over all series: more than the series where one breaks. */
    int piecesDrawn() {
        return piecesDrawn;
    }

    /**
     * Leaves points farther apart than {@code x} (in the x axis's units) unjoined: no point was taken
     * between them (the window was too busy to take one), and a line across the gap drew a ramp
     * the run never had (5 s of one, under load: an engineer's tryout).
     */
    public void setGapOver(double x) {
        gapOver = x;
        markDirty();
    }

    /** The series names the legend shows, in order. */
    public List<String> legendNames() {
        return series.stream().map(XYChart.Series::getName).toList();
    }

    private void seriesChanged(ListChangeListener.Change<? extends XYChart.Series<Number, Number>> change) {
        while (change.next()) {
            change.getRemoved().forEach(this::unwatch);
            change.getAddedSubList().forEach(this::watch);
        }
        styles.keySet().removeIf(one -> series.stream().noneMatch(plotted -> plotted == one));
        hidden.removeIf(one -> series.stream().noneMatch(plotted -> plotted == one));
        if (series.isEmpty()) {
            nextStyle = 0; // after Reset the first run is drawn as the first ever was
        }
        rebuildLegend();
        markDirty();
    }

    /**
     * The style (colour and line) of series {@code index}: given when the series is first drawn and
     * kept while it is plotted, so dropping the oldest run's series restyles none of the others.
     */
    private int style(int index) {
        return styles.computeIfAbsent(series.get(index), one -> nextStyle++);
    }

    private void watch(XYChart.Series<Number, Number> one) {
        one.getData().addListener(onDataChange);
        one.nameProperty().addListener(onNameChange);
    }

    private void unwatch(XYChart.Series<Number, Number> one) {
        one.getData().removeListener(onDataChange);
        one.nameProperty().removeListener(onNameChange);
    }

    private void markDirty() {
        if (!dirty) {
            dirty = true;
            Pane area = (Pane) getCenter();
            area.requestLayout();
        }
    }

    /** A line of the legend's that wraps, hidden (and taking no room) until shown. */
    private static void legendNote(Label note, String styleClass, String id) {
        note.getStyleClass().add(styleClass);
        note.setId(id);
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.managedProperty().bind(note.visibleProperty());
        note.setVisible(false);
    }

    private void rebuildLegend() {
        List<Node> entries = new ArrayList<>();
        boolean boxes = runs && series.size() > 1;
        List<String> names = series.stream().map(one -> one.getName() == null ? "" : one.getName()).toList();
        RunNames shortened = boxes ? RunNames.of(names) : new RunNames("", names);
        sharedNote.setText(shortened.shared().isEmpty() ? ""
                : "All " + series.size() + " runs: " + shortened.shared());
        sharedNote.setVisible(!shortened.shared().isEmpty());
        for (int i = 0; i < series.size(); i++) {
            // Long enough for two dashes of the dashed style; no longer, so four runs' "#1 ... #4" fit a line.
            Line sample = new Line(0, 0, 18 * thickness(), 0);
            sample.setStroke(color(style(i)));
            sample.setStrokeWidth(2.5 * thickness());
            for (double dash : dash(style(i))) {
                sample.getStrokeDashArray().add(dash * thickness());
            }
            XYChart.Series<Number, Number> one = series.get(i);
            String name = shortened.entries().get(i);
            Labeled entry;
            if (boxes) {
                CheckBox shows = new CheckBox(name);
                shows.setGraphic(sample);
                shows.setSelected(!hidden.contains(one));
                shows.selectedProperty().addListener((obs, was, now) -> {
                    if (now) {
                        hidden.remove(one);
                    } else {
                        hidden.add(one);
                    }
                    markDirty();
                });
                Controls.tip(shows, names.get(i) + ". Untick to hide this curve, tick to show it again: the"
                        + " time axis fits the curves shown, so a short run beside long ones, a sliver at the left,"
                        + " fills the plot.");
                entry = shows;
            } else {
                entry = new Label(name, sample);
            }
            entry.getStyleClass().add("plot-legend-entry");
            entry.setWrapText(true);
            entry.setMinHeight(Region.USE_PREF_SIZE);
            entries.add(entry);
        }
        entryRows.getChildren().setAll(entries);
        updateMinHeight();
    }

    /**
     * Says that the series are runs side by side: with two or more, each legend entry is a check box
     * that hides or shows its run's curve. While {@code idle} holds (no run goes), the x axis fits the
     * curves shown however short (a run of 37 ms fills the plot, where a 1 s axis drew it as a line at
     * 0), and a curve squeezed into a sliver beside longer ones is noted under the legend. While a run
     * goes, and in a plot not told, the x axis keeps at least the ticks of a 1 s axis (0.2 s apart,
     * and one tick's span): a new curve's first tenths of a second do not rescale it at every frame,
     * nor bring the note and take it away again. Call once.
     */
    public void runsSideBySide(ObservableBooleanValue idle) {
        this.runs = true;
        this.idle = Objects.requireNonNull(idle);
        idle.addListener(obs -> markDirty());
        rebuildLegend();
    }

    /** Whether the legend's entry for {@code one} is ticked (drawn); for tests. */
    boolean shows(XYChart.Series<Number, Number> one) {
        return !hidden.contains(one);
    }

    /**
     * The least height: the title, the caption as it wraps, a legend line per series and a plot area of
     * {@value #MIN_AREA_LINES} lines of text, 160 px at least. A legend that grows a line per past
     * run makes the plot taller (its view scrolls), never the curve flatter: under a four-line
     * legend at 1024x700 it had shrunk to about 45 px.
     */
    private void updateMinHeight() {
        // New entries styled first: unskinned, they measure nothing, and a legend whose entries were made
        // anew at the same height (the next run in the oldest's place) left the curves 10 px.
        if (getScene() != null) {
            legend.applyCss();
        }
        double font = heading.getFont().getSize();
        // The title and each legend entry as tall as they wrap at the plot's width (at 200 % a long
        // series name takes three lines): measured, once styled; a line each before that.
        double width = getWidth() > 0 ? getWidth() : getPrefWidth();
        double text = Math.max(TITLE_LINES * font, heading.prefHeight(width));
        if (caption != null) {
            text += CAPTION_GAP + caption.prefHeight(width);
        }
        if (legend.isManaged()) {
            if (!entryRows.getChildren().isEmpty()) {
                text += Math.max(LEGEND_LINE * font, entryRows.prefHeight(width));
            }
            if (sharedNote.isVisible()) {
                text += sharedNote.prefHeight(width) + legend.getSpacing();
            }
            if (squeezedNote.isVisible()) {
                text += squeezedNote.prefHeight(width) + legend.getSpacing();
            }
        }
        setMinHeight(Math.max(160, Math.ceil(text + MIN_AREA_LINES * font)));
    }

    private void redrawIfNeeded(double width, double height) {
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            dirty = true;
        }
        if (dirty && InSight.inSight(this)) { // out of sight it stays dirty, drawn when it comes into sight
            dirty = false;
            draw(width, height);
        }
    }

    private void draw(double width, double height) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        pointsDrawn = 0;
        piecesDrawn = 0;
        if (width < 60 || height < 60) {
            return;
        }
        markerDrawnAt = Double.NaN;
        eventDrawnAt = Double.NaN;
        eventLabelDrawn = null;
        double mark = marker.get();
        double happened = event.get();
        double xMax = Math.max(Double.isNaN(mark) ? 0 : mark, Double.isNaN(happened) ? 0 : happened);
        double yMax = 0;
        double shortest = Double.NaN; // the shortest curve shown, of those that reach past x = 0
        for (XYChart.Series<Number, Number> one : series) {
            if (hidden.contains(one)) {
                continue;
            }
            double reach = 0;
            for (XYChart.Data<Number, Number> point : one.getData()) {
                reach = Math.max(reach, point.getXValue().doubleValue());
                yMax = Math.max(yMax, point.getYValue().doubleValue());
            }
            xMax = Math.max(xMax, reach);
            if (reach > 0 && (Double.isNaN(shortest) || reach < shortest)) {
                shortest = reach;
            }
        }
        Font tickFont = Font.font(Math.max(11, heading.getFont().getSize() * 0.75));
        measure.setFont(tickFont);
        double lineHeight = tickFont.getSize() * 1.35;
        // The axis title on one line, or on two (split at a comma or a space) when wider than the plot.
        List<String> xLabelLines = labelLines(xLabel, width - 8);
        // Room above the plot for half the top tick's label, which is centred on its line (at 150 %
        // and 200 % a fixed 8 px cut "1M" in half).
        double top = Math.max(8, Math.ceil(lineHeight / 2) + 2);
        double bottom = height - Math.ceil(lineHeight * (1 + xLabelLines.size()) + 4);
        double plotHeight = bottom - top;

        // Nothing plotted yet: axes of 0 and 1, not 0 and 0.2 (a fifth of nothing read as a figure).
        boolean fixed = scale == Scale.LINEAR && fixedYTop > 0;
        double yStep = 1;
        double yTop;
        double yBottom = scale == Scale.LOG10 ? PlotData.LOG_ZERO : 0;
        List<Double> yTicks = new ArrayList<>();
        // As many y ticks as fit a line of text each (at 200 % in a short plot, 0 to 70 in steps of 10
        // wrote the labels over each other).
        int yTickRoom = Math.max(1, Math.min(MAX_TICKS, (int) (plotHeight / (lineHeight * 1.2))));
        if (scale == Scale.LOG10) {
            // The decade above the highest curve shown, 1k at least and 1M at most: four runs of 1,000
            // calls, at about 180 a second, were a band a fifth of the way up a 1-to-1M axis (a tryout
            // at 2560x1440); the two challenges side by side still share the 1M axis.
            // A tenth of a decade of room over the curve: 97,000 a second ran along a 100k top edge.
            yTop = Math.min(LOG_TOP, Math.max(LOG_LEAST_TOP, Math.floor(yMax + LOG_HEADROOM) + 1));
            yTicks.add(PlotData.LOG_ZERO);
            int every = (int) Math.ceil(yTop / Math.max(1, yTickRoom - 1));
            // The top on a tick, so it is labelled: 10^5 with a tick every two decades read "100, 10k"
            // under an unlabelled top line.
            yTop = Math.min(LOG_TOP, Math.ceil(yTop / every) * every);
            // 1's row, less than a decade above 0's, goes unlabelled where their labels would meet.
            boolean oneFits = -PlotData.LOG_ZERO / (yTop - yBottom) * plotHeight >= lineHeight * 1.2;
            for (int i = oneFits ? 0 : every; i <= yTop; i += every) {
                yTicks.add((double) i);
            }
        } else if (fixed) {
            yTop = fixedYTop;
            yTicks.addAll(fixedTicks(yTop, yTickRoom, wholeNumbers));
        } else {
            yStep = yMax == 0 ? 1 : niceStep(Math.max(yMax, 1), yTickRoom);
            if (wholeNumbers) {
                yStep = Math.max(1, Math.ceil(yStep));
            }
            yTop = Math.max(yStep, Math.ceil(yMax / yStep) * yStep);
            if (yMax > 0 && yMax >= yTop) {
                // A line along the top edge would hide in the frame: leave one step of headroom.
                yTop += yStep;
            }
            for (int i = 0; i * yStep <= yTop + yStep / 2; i++) {
                yTicks.add(i * yStep);
            }
        }
        List<String> yLabels = new ArrayList<>();
        double labelWidth = 0;
        for (double y : yTicks) {
            String label = scale == Scale.LOG10 ? powerOfTenLabel(y) : compactLabel(y, yTicks.getLast());
            yLabels.add(label);
            measure.setText(label);
            labelWidth = Math.max(labelWidth, measure.getLayoutBounds().getWidth());
        }
        yTickLabels = List.copyOf(yLabels);
        double left = Math.ceil(labelWidth) + 10;

        // As many x ticks as fit their labels side by side, a space apart ("7.5 10 12.5 15" ran
        // together as "7.51012.515" at 150 %).
        double xStep = 1;
        double xTop = 1;
        double right = width - 12;
        // Ended (the runs side by side with none going, or at the event, after which nothing changes):
        // fitted to the curves. A deadlock at 14 ms on an axis to 0.2 s squeezed its curves and its
        // mark into the plot's left twentieth (a teacher's tryout).
        boolean ended = idle.get() || !Double.isNaN(happened);
        for (int xTicks = MAX_TICKS; xTicks >= 1; xTicks--) {
            xStep = xMax == 0 ? 1 : niceStep(Math.max(xMax, ended ? 0.01 : 1), xTicks);
            xTop = Math.max(xStep, Math.ceil(xMax / xStep) * xStep);
            double widest = 0;
            for (int i = 0; i * xStep <= xTop + xStep / 2; i++) {
                measure.setText(compactLabel(i * xStep, xTop));
                widest = Math.max(widest, measure.getLayoutBounds().getWidth());
            }
            // The last x tick label is centred on the right edge: leave room for its half.
            right = width - Math.max(12, Math.ceil(widest / 2) + 2);
            double apart = (right - left) * xStep / xTop;
            if (apart >= widest + tickFont.getSize()) {
                break;
            }
        }
        double plotWidth = right - left;
        // A curve shown in less than a twentieth of the axis beside one that spans it: say how to see it.
        boolean squeezed = idle.get() && !Double.isNaN(shortest) && shortest < xTop / SQUEEZED && xMax > xTop / 2;
        if (squeezed != squeezedNote.isVisible()) {
            Platform.runLater(() -> { // after this layout pass, which would drop the request
                squeezedNote.setText(squeezed ? "A short run's curve is a sliver at the left: untick the longer"
                        + " runs above to fit the time axis to it." : "");
                squeezedNote.setVisible(squeezed);
                updateMinHeight();
            });
        }

        g.setFill(background.get());
        g.fillRect(left, top, plotWidth, plotHeight);
        g.setFont(tickFont);
        g.setLineDashes();
        g.setLineWidth(1);
        g.setFill(ink.get());
        // Horizontal grid and y tick labels.
        g.setTextAlign(TextAlignment.RIGHT);
        List<Double> yRows = new ArrayList<>();
        List<Bounds> labelBoxes = new ArrayList<>();
        // Every y label centred on its line, the lowest too: set on top of its line, a "0" stood 13 px
        // above the axis at 150 % and read as a value above zero.
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < yLabels.size(); i++) {
            double py = snap(bottom - (yTicks.get(i) - yBottom) / (yTop - yBottom) * plotHeight);
            g.setStroke(i == 0 ? axis.get() : grid.get());
            g.strokeLine(left, py, right, py);
            g.fillText(yLabels.get(i), left - 5, py);
            measure.setText(yLabels.get(i));
            Bounds text = measure.getLayoutBounds();
            labelBoxes.add(new BoundingBox(left - 5 - text.getWidth(), textTop(py, text.getHeight(), g.getTextBaseline()),
                    text.getWidth(), text.getHeight()));
            yRows.add(py);
        }
        yRowsDrawn = List.copyOf(yRows);
        // Vertical grid and x tick labels: each centred on its line but the first, which starts at the
        // y axis, clear of the lowest y label beside it.
        g.setTextBaseline(VPos.TOP);
        List<Tick> xTicks = new ArrayList<>();
        for (int i = 0; i * xStep <= xTop + xStep / 2; i++) {
            double px = snap(left + i * xStep / xTop * plotWidth);
            g.setStroke(i == 0 ? axis.get() : grid.get());
            g.strokeLine(px, top, px, bottom);
            String label = compactLabel(i * xStep, xTop);
            measure.setText(label);
            Bounds text = measure.getLayoutBounds();
            g.setTextAlign(i == 0 ? TextAlignment.LEFT : TextAlignment.CENTER);
            g.fillText(label, px, bottom + 4);
            double centre = i == 0 ? px + text.getWidth() / 2 : px;
            labelBoxes.add(new BoundingBox(centre - text.getWidth() / 2, textTop(bottom + 4, text.getHeight(),
                    g.getTextBaseline()), text.getWidth(), text.getHeight()));
            xTicks.add(new Tick(label, px, text.getWidth()));
        }
        labelBoxesDrawn = List.copyOf(labelBoxes);
        g.setTextAlign(TextAlignment.CENTER);
        xTicksDrawn = List.copyOf(xTicks);
        xLabelDrawn = xLabelLines;
        for (int line = 0; line < xLabelLines.size(); line++) {
            g.fillText(xLabelLines.get(line), width / 2, bottom + 4 + lineHeight * (1 + line));
        }

        // The series, clipped to the plot area.
        g.save();
        g.beginPath();
        g.rect(left, top, plotWidth, plotHeight);
        g.clip();
        double thick = thickness();
        g.setLineWidth(2 * thick);
        for (int s = 0; s < series.size(); s++) {
            ObservableList<XYChart.Data<Number, Number>> points = series.get(s).getData();
            if (points.isEmpty() || hidden.contains(series.get(s))) {
                continue;
            }
            g.setStroke(color(style(s)));
            g.setLineDashes(Arrays.stream(dash(style(s))).map(dash -> dash * thick).toArray());
            g.beginPath();
            double px = 0;
            double py = 0;
            double lastX = Double.NaN;
            int inPiece = 0;
            for (int i = 0; i < points.size(); i++) {
                XYChart.Data<Number, Number> point = points.get(i);
                double x = point.getXValue().doubleValue();
                boolean breaks = i > 0 && x - lastX > gapOver;
                if (breaks && inPiece == 1) {
                    g.lineTo(px + 1, py); // a lone point still shows
                }
                px = left + x / xTop * plotWidth;
                py = bottom - Math.clamp((point.getYValue().doubleValue() - yBottom) / (yTop - yBottom), 0, 1) * plotHeight;
                if (i == 0 || breaks) {
                    g.moveTo(px, py);
                    piecesDrawn++;
                    inPiece = 1;
                } else {
                    g.lineTo(px, py);
                    inPiece++;
                }
                lastX = x;
            }
            if (inPiece == 1) {
                g.lineTo(px + 1, py); // a lone point still shows
            }
            g.stroke();
            pointsDrawn += points.size();
        }
        if (!Double.isNaN(happened)) {
            // What happened: a solid line in the failure's colour, its words in bold at the bottom on
            // the plot's background, to the line's right (its left near the plot's right edge). Not at
            // the top: there they hid the counts' curves, which rise to the line's top.
            double px = snap(left + happened / xTop * plotWidth);
            g.setStroke(eventPaint.get());
            g.setLineWidth(1.5 * thick);
            g.setLineDashes();
            g.strokeLine(px, top, px, bottom);
            Font bold = Font.font(tickFont.getFamily(), FontWeight.BOLD, tickFont.getSize());
            measure.setFont(bold);
            measure.setText(eventLabel);
            double textWidth = measure.getLayoutBounds().getWidth();
            double textLeft = px + 4 + textWidth <= right ? px + 4 : Math.max(left, px - 4 - textWidth);
            g.setFill(background.get());
            double textTop = bottom - 2 - lineHeight;
            g.fillRect(textLeft - 2, textTop, textWidth + 4, lineHeight);
            eventLabelDrawn = new BoundingBox(textLeft - 2, textTop, textWidth + 4, lineHeight);
            g.setFill(eventPaint.get());
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.setFont(bold);
            g.fillText(eventLabel, textLeft, textTop + 1);
            eventDrawnAt = px;
        }
        if (!Double.isNaN(mark)) {
            // The moment shown: a dashed line in the text's colour, over the series, a triangle on top.
            double px = snap(left + mark / xTop * plotWidth);
            g.setStroke(ink.get());
            g.setLineWidth(1.5 * thick);
            g.setLineDashes(5 * thick, 4 * thick);
            g.strokeLine(px, top, px, bottom);
            g.setFill(ink.get());
            g.fillPolygon(new double[] {px - 5 * thick, px + 5 * thick, px},
                    new double[] {top, top, top + 7 * thick}, 3);
            markerDrawnAt = px;
        }
        g.restore();
    }

    private Paint color(int index) {
        return seriesPaints.get(index % seriesPaints.size()).get();
    }

    /**
     * The palette's colour number {@code index}, as the stylesheet resolved it (the theme's
     * looked-up colours): a series is drawn in the colour of its style number (see {@link #style}),
     * beyond the palette reusing it, told apart by line style.
     */
    public Paint seriesColor(int index) {
        return color(index);
    }

    /** The colour and dashes {@code one} (plotted now) is drawn with; for tests. */
    List<Object> styleOf(XYChart.Series<Number, Number> one) {
        int index = series.indexOf(one);
        return List.of(color(style(index)), Arrays.toString(dash(style(index))));
    }

    /**
     * How much thicker than at 100 % in a 1280x800 window the curves, their dashes and the legend's
     * samples are drawn: they grow with the title's text (the window's size, the zoom), so that on a
     * projector at 200 % a 2 px curve is not lost beside text twice its size. 1 at the least.
     */
    double thickness() {
        return Math.max(1, heading.getFont().getSize() / BASE_TITLE_SIZE);
    }

    private static double[] dash(int index) {
        return DASHES.get(index % DASHES.size());
    }

    /** Puts a 1-pixel line on a pixel centre, so it is sharp. */
    private static double snap(double coordinate) {
        return Math.floor(coordinate) + 0.5;
    }

    /**
     * A round step (1, 2, 2.5 or 5 times a power of ten) that divides {@code range} into at most
     * {@code maxTicks} intervals; 1 for a range that is not positive.
     */
    public static double niceStep(double range, int maxTicks) {
        if (!(range > 0) || maxTicks < 1) {
            return 1;
        }
        double raw = range / maxTicks;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double multiple : new double[] {1, 2, 2.5, 5}) {
            if (multiple * magnitude >= raw * (1 - 1e-9)) {
                return multiple * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /**
     * The ticks of a fixed axis 0..{@code top}: a round step apart (whole numbers if {@code whole}: a
     * count of slots has no tick at 0.5), at most about {@code maxTicks} intervals, and {@code top}
     * itself (the capacity is a figure in its own right), dropping a tick too close below it.
     */
    public static List<Double> fixedTicks(double top, int maxTicks, boolean whole) {
        double step = whole ? Math.max(1, Math.ceil(niceStep(top, maxTicks))) : niceStep(top, maxTicks);
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i * step <= top + 1e-9; i++) {
            ticks.add(i * step);
        }
        if (ticks.getLast() < top) {
            if (top - ticks.getLast() < step / 2 && ticks.size() > 1) {
                ticks.removeLast();
            }
            ticks.add(top);
        }
        return ticks;
    }

    /**
     * A tick label of an axis whose largest tick is {@code axisTop}: every label of one axis in the
     * same unit, chosen by that top (below 10,000 as they are, with thousands separators, else in k
     * or M), so that an axis never reads "8,000, 12k".
     */
    public static String compactLabel(double value, double axisTop) {
        double top = Math.max(Math.abs(value), Math.abs(axisTop));
        if (value == 0) {
            return "0";
        }
        if (top >= 1_000_000) {
            return trim(value / 1_000_000) + "M";
        }
        if (top >= 10_000) {
            return trim(value / 1_000) + "k";
        }
        if (value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return trim(value);
    }

    /** The label of 10^exponent on a log axis: 1, 10, 100, 1k, 10k, 100k, 1M; "0" at {@link PlotData#LOG_ZERO}. */
    public static String powerOfTenLabel(double exponent) {
        if (exponent == PlotData.LOG_ZERO) {
            return "0";
        }
        return switch ((int) Math.round(exponent)) {
            case 0 -> "1";
            case 1 -> "10";
            case 2 -> "100";
            case 3 -> "1k";
            case 4 -> "10k";
            case 5 -> "100k";
            case 6 -> "1M";
            default -> "";
        };
    }

    private static String trim(double value) {
        // Four decimals: an axis fitted to a deadlock at 14 ms steps 0.0025 s apart (three wrote "0.003").
        String text = String.format(Locale.ROOT, "%.4f", value);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
