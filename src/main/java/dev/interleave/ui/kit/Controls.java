package dev.interleave.ui.kit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.TraversalDirection;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Skin;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;

import dev.interleave.engine.run.RunState;

/** Small builders the views share. */
public final class Controls {

    private Controls() {
    }

    /** A tooltip made now, wrapped at the views' width: for a tooltip that must exist up front (see {@link #tip(Node, String)}). */
    public static Tooltip tip(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        // 29 em (380 px at 13 px): its text is the window's size (interleave.css), zoom included.
        tooltip.maxWidthProperty().bind(Bindings.createDoubleBinding(() -> 29 * tooltip.getFont().getSize(),
                tooltip.fontProperty()));
        return tooltip;
    }

    /**
     * Gives {@code node} the tooltip {@code text}, made the first time the pointer comes over it;
     * called again for the same node, changes the text (of the tooltip, once made). FX thread.
     *
     * <p>Why not made up front: a {@link Tooltip} is a popup window with a scene of its own. Making the
     * 40 or so of the tool bar and the first view took about a tenth of the FX thread's samples while
     * the window started (JFR).
     */
    public static void tip(Node node, String text) {
        Objects.requireNonNull(text);
        if (node.getProperties().get(LazyTip.KEY) instanceof LazyTip lazy) {
            lazy.setText(text);
            return;
        }
        LazyTip lazy = new LazyTip(node, text);
        node.getProperties().put(LazyTip.KEY, lazy);
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, lazy);
    }

    /** Gives {@code tab} the tooltip {@code text}, made now: the tab pane puts it on a header node the tab does not expose. */
    public static void tip(Tab tab, String text) {
        tab.setTooltip(tip(text));
    }

    /** The keys a tab pane takes from anything inside its tabs: arrows, Home, End (they switch its tabs). */
    private static final Set<KeyCode> TAB_PANE_KEYS = EnumSet.of(KeyCode.LEFT, KeyCode.RIGHT, KeyCode.UP,
            KeyCode.DOWN, KeyCode.HOME, KeyCode.END, KeyCode.KP_LEFT, KeyCode.KP_RIGHT, KeyCode.KP_UP, KeyCode.KP_DOWN);

    /**
     * {@code content} becomes {@code tab}'s, and the arrow keys, Home and End pressed inside it stay
     * inside it: a tab pane switches its tabs on those keys from whatever has the focus among its
     * tabs' contents, and Left on the focused timeline went to the previous tab in front of a class.
     * What handles them inside (a slider, a list, the scrubber) still does; only what reaches the
     * content unused stops there.
     */
    public static void tabContent(Tab tab, Node content) {
        content.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (TAB_PANE_KEYS.contains(e.getCode())) {
                e.consume();
            }
        });
        tab.setContent(content);
    }

    /**
     * The arrow keys, Home and End on {@code strip}'s focused tabs choose its tab, and its ring stays
     * in sight. JavaFX's tab pane asks for the focus again after each, and a focus asked for shows no
     * ring (only one moved by keys does): after Right the strip held the keys unseen (a keyboard-only
     * tryout, on the race lab's Slow motion / Full speed). Tabs wrap round, as JavaFX's do.
     */
    public static void arrowsKeepTheRing(TabPane strip) {
        strip.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            int count = strip.getTabs().size();
            if (e.getTarget() != strip || count == 0 || e.isShortcutDown() || e.isAltDown() || e.isShiftDown()) {
                return;
            }
            int at = strip.getSelectionModel().getSelectedIndex();
            OptionalInt to = switch (e.getCode()) {
                case LEFT, UP, KP_LEFT, KP_UP -> OptionalInt.of(Math.floorMod(at - 1, count));
                case RIGHT, DOWN, KP_RIGHT, KP_DOWN -> OptionalInt.of(Math.floorMod(at + 1, count));
                case HOME -> OptionalInt.of(0);
                case END -> OptionalInt.of(count - 1);
                default -> OptionalInt.empty();
            };
            if (to.isPresent()) {
                strip.getSelectionModel().select(to.getAsInt());
                e.consume();
            }
        });
    }

    /**
     * The arrow keys in a row of {@code choices} choose the next one that can be chosen (Right and
     * Down) or the one before (Left and Up), round the row as JavaFX's do, and the focus goes with
     * its ring in sight: JavaFX's toggle asks for the focus, and a focus asked for shows no ring
     * (only one moved by keys does), so after Left a keyboard user chose unseen.
     */
    public static void arrowsKeepTheRing(List<ToggleButton> choices) {
        for (ToggleButton choice : choices) {
            choice.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                int step = switch (e.getCode()) {
                    case RIGHT, DOWN, KP_RIGHT, KP_DOWN -> 1;
                    case LEFT, UP, KP_LEFT, KP_UP -> -1;
                    default -> 0;
                };
                if (step == 0 || e.isShortcutDown() || e.isAltDown() || e.isShiftDown()) {
                    return;
                }
                int at = choices.indexOf(choice);
                for (int away = 1; away < choices.size(); away++) {
                    int next = Math.floorMod(at + step * away, choices.size());
                    if (!choices.get(next).isDisabled()) {
                        choices.get(next).setSelected(true);
                        focusWithRing(choices, next);
                        break;
                    }
                }
                e.consume();
            });
        }
    }

    /**
     * When one of {@code row} greys out while it has the keys (its ring shown), hands them to the
     * nearest one still there, ring and all: the greyed button kept the focus where no key reaches,
     * and the next Space ran a new run over a rewound view (a keyboard-only tryout: ▶ at the newest
     * event, Now once pressed).
     */
    public static void passKeysWhenGreyed(List<? extends Node> row) {
        for (int i = 0; i < row.size(); i++) {
            Node each = row.get(i);
            int at = i;
            each.disabledProperty().addListener((obs, was, disabled) -> {
                if (!disabled || !each.isFocused() || !each.isFocusVisible()) {
                    return;
                }
                for (int step = 1; step < row.size(); step++) {
                    for (int next : new int[] {at - step, at + step}) {
                        if (next >= 0 && next < row.size() && !row.get(next).isDisabled()) {
                            focusWithRing(row, next);
                            return;
                        }
                    }
                }
            });
        }
    }

    /**
     * Gives the focus to {@code choices}' {@code at}th as Tab would, its ring shown: on from the one
     * before it, or back from the one after; asked for directly (no ring) if neither lands there.
     */
    private static void focusWithRing(List<? extends Node> choices, int at) {
        Node target = choices.get(at);
        if (at > 0) {
            choices.get(at - 1).requestFocusTraversal(TraversalDirection.NEXT);
        }
        if (!target.isFocused() && at + 1 < choices.size()) {
            choices.get(at + 1).requestFocusTraversal(TraversalDirection.PREVIOUS);
        }
        if (!target.isFocused()) {
            target.requestFocus();
        }
    }

    /** {@link #tip(Node, String)} with a text that follows {@code text}. FX thread. */
    public static void tip(Node node, ObservableValue<String> text) {
        tip(node, text.getValue());
        text.addListener((obs, old, now) -> tip(node, now));
    }

    /** The tooltip {@link #tip(Node, String)} made for {@code node}, or empty before the pointer came over it. */
    static Optional<Tooltip> madeTip(Node node) {
        return node.getProperties().get(LazyTip.KEY) instanceof LazyTip lazy ? Optional.ofNullable(lazy.tooltip)
                : Optional.empty();
    }

    /** The text {@link #tip(Node, String)} gave {@code node}'s tooltip, made or still to be, or empty: for tests. */
    public static Optional<String> tipText(Node node) {
        return node.getProperties().get(LazyTip.KEY) instanceof LazyTip lazy ? Optional.of(lazy.text) : Optional.empty();
    }

    /**
     * What the pointer would show over {@code node}: its tooltip's text, made or still to be, or the
     * nearest one above it (a field's row, a choice's group; a tab strip's selected tab); empty if
     * none has one. What Help, What's this? (Shift+F1) says of the control with the keys.
     */
    public static Optional<String> tipTextAbove(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            Optional<String> text = tipText(at);
            if (text.isEmpty() && at instanceof Control control && control.getTooltip() != null) {
                text = Optional.ofNullable(control.getTooltip().getText());
            }
            if (text.isEmpty() && at instanceof TabPane strip && strip.getSelectionModel().getSelectedItem() != null
                    && strip.getSelectionModel().getSelectedItem().getTooltip() != null) {
                text = Optional.ofNullable(strip.getSelectionModel().getSelectedItem().getTooltip().getText());
            }
            if (text.isPresent() && !text.get().isBlank()) {
                return text;
            }
        }
        return Optional.empty();
    }

    /** A node's tooltip to be: its text, until the pointer enters the node and the tooltip is made. */
    private static final class LazyTip implements EventHandler<MouseEvent> {

        static final Object KEY = LazyTip.class;

        private final Node node;
        private String text;
        private Tooltip tooltip;

        LazyTip(Node node, String text) {
            this.node = node;
            this.text = text;
        }

        void setText(String now) {
            text = Objects.requireNonNull(now);
            if (tooltip != null) {
                tooltip.setText(now);
            }
        }

        /** The pointer came over the node: make and install the tooltip; it shows after the usual delay. */
        @Override
        public void handle(MouseEvent event) {
            node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
            tooltip = tip(text);
            if (node instanceof Control control) {
                control.setTooltip(tooltip);
            } else {
                Tooltip.install(node, tooltip);
            }
        }
    }

    /** How wide {@code text} is drawn in {@code font}, in pixels. */
    public static double textWidth(String text, Font font) {
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }

    /**
     * A view's short guide, folded until opened: its title says what to try first, its text the
     * numbered steps and a question to answer. Its title wraps to the pane's width rather than widen
     * the view ({@link #wrapTitle}).
     */
    public static TitledPane guide(String id, String title, String steps) {
        // A WrapLabel: its height is measured once per width. A folded pane still asks its text's
        // height at every layout pass, and during a run a figure's change lays out the whole view.
        Label text = guideText(steps);
        text.setId(id + "-text");
        text.getStyleClass().add("guide-text");
        TitledPane guide = new TitledPane(title, text);
        guide.setId(id);
        guide.setExpanded(false);
        guide.setMinWidth(0);
        guide.setMinHeight(Region.USE_PREF_SIZE); // a view squeezed for height scrolls rather than cut it
        wrapTitle(guide);
        opensByKeys(guide);
        return guide;
    }

    /**
     * A guide's text: a {@link WrapLabel} wrapped whole, never a last line ending in "...": never
     * shorter than it asks, and asking a pixel more than its lines take. Where their height came to a
     * whole number of pixels, JavaFX laid the text out in that height, found it a hair short and cut
     * the last line: one-condition's question read "... and who should have been woken ..." at 150 %
     * in 2560x1440 (a teacher's tryout, projecting; at label widths from 1,513 px to 1,603 px).
     */
    public static Label guideText(String text) {
        Label label = new WrapLabel(text) {
            @Override
            protected double computePrefHeight(double width) {
                return super.computePrefHeight(width) + 1;
            }
        };
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /**
     * Enter and Space on {@code pane}'s focused title open it or fold it. JavaFX's pane takes Space
     * only, and then asks for the focus again, which hides its ring (a focus asked for is not shown,
     * only one moved by keys): Space a second time then ran the view, the window's key where no
     * ring shows. A keyboard-only tryout found Enter doing nothing and Space starting a run.
     */
    public static void opensByKeys(TitledPane pane) {
        pane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() == pane && pane.isCollapsible() && !e.isShortcutDown() && !e.isAltDown()
                    && (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE)) {
                pane.setExpanded(!pane.isExpanded());
                e.consume();
            }
        });
    }

    /**
     * Makes {@code pane}'s title wrap at the pane's width rather than end in "..." ("What to try:
     * lose an update with count++, then try with i..." at 200 %): its text is drawn by a wrapping
     * label in the title (the pane's own text stays the one to set; the label follows it).
     */
    public static void wrapTitle(TitledPane pane) {
        Label title = new TitleLabel(pane);
        title.setId(pane.getId() == null ? null : pane.getId() + "-title");
        title.textProperty().bind(pane.textProperty());
        pane.setGraphic(title);
        pane.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    /**
     * A titled pane's title that wraps: as tall as its lines at the room right of the pane's arrow.
     * A title lays its graphic out at most that wide but asks its height for the title's whole width
     * (arrow and all), or for no width at all: the room is worked out here, from the title's width
     * given or the pane's own. Measured for no width (a pane whose content has no horizontal bias is),
     * its height is the pane's last width's, one layout pass late.
     */
    private static final class TitleLabel extends Label {
        private final TitledPane pane;

        TitleLabel(TitledPane pane) {
            this.pane = pane;
            setWrapText(true);
            setMinWidth(0);
            pane.widthProperty().addListener(obs -> requestLayout()); // a resize keeps a label's sizes
        }

        /** The room beside the arrow in a title {@code width} wide; no limit before the title is made. */
        private double room(double width) {
            if (!(getParent() instanceof Region title) || width <= 0) {
                return Double.MAX_VALUE;
            }
            Node arrow = title.lookup(".arrow-button");
            double beside = title.snappedLeftInset() + title.snappedRightInset()
                    + (arrow == null ? 0 : title.snapSizeX(arrow.prefWidth(-1)));
            return Math.max(1, width - beside);
        }

        /**
         * None: with a horizontal bias the title would lay it out asking its height for its own
         * width, which this label takes for the title's.
         */
        @Override
        public Orientation getContentBias() {
            return null;
        }

        @Override
        protected double computePrefHeight(double width) {
            double natural = super.computePrefWidth(-1);
            return super.computePrefHeight(Math.min(natural, room(width >= 0 ? width : pane.getWidth())));
        }
    }

    /** A section heading in a settings column. */
    public static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("heading");
        return label;
    }

    /**
     * Keeps {@code region} at least as tall as it has been, while {@code keep} holds, since {@code reset}
     * last changed: a text told in three lines, then in one, does not move what is below it under the pointer
     * (the buffer's step text moved the gate's chips 36 px between two clicks). Not reset by its width, which
     * a label's own text sets, unless {@code reset} says so ({@link #newWidths}, for a region its container
     * sizes): a window made wider keeps the room until the reset; made narrower, a text that then needs more
     * than what is kept takes its own height. A height given in the reset's own layout
     * pass (a new width is set in one) was the height kept before it: it waits up to {@value #RESET_PASSES}
     * more passes for the region's own. Nothing is kept while {@code keep} does not hold, and a new font (the
     * zoom) starts afresh, keeping nothing for {@value #SETTLE_MILLIS} ms: the heights a zoom's layout passes
     * went through on the way (a label briefly narrow, many lines tall) stayed as a blank 400 px under the
     * buffer. A label's text taller than what is kept takes its own height at once, never squeezed to the
     * kept one. FX thread.
     */
    public static void neverShorter(Region region, ObservableValue<?> reset, BooleanSupplier keep) {
        keepHeight(region, reset, keep, () -> 0);
    }

    /**
     * {@link #neverShorter(Region, ObservableValue, BooleanSupplier)}, and while {@code keep} holds
     * never shorter than {@code lines} lines of its font either, from the start: a step told in one
     * line, then the next in three, pushed what is below down by two lines at that step (a teacher's
     * tryout; kept from then on, it moved only once, but under the pointer of whoever was stepping).
     * {@code keep} and {@code lines} are read when {@code reset} changes (and at a new font): they
     * must change only with {@code reset} (the run's state, and whether it is paused).
     */
    public static void neverShorter(Labeled label, ObservableValue<?> reset, BooleanSupplier keep, IntSupplier lines) {
        keepHeight(label, reset, keep, lines);
    }

    private static void keepHeight(Region region, ObservableValue<?> reset, BooleanSupplier keep, IntSupplier lines) {
        long[] settledAt = {0}; // System.nanoTime() after which heights are kept again
        // The height kept when a taller text let go of it (see below), until the next height is kept; else -∞.
        double[] letGoOf = {Double.NEGATIVE_INFINITY};
        Runnable fresh = () -> {
            letGoOf[0] = Double.NEGATIVE_INFINITY;
            int least = keep.getAsBoolean() ? lines.getAsInt() : 0;
            // Else its preferred height: a section that keeps its height must not be squeezed either.
            region.setMinHeight(least > 0 && region instanceof Labeled labeled
                    ? region.snappedTopInset() + Math.ceil(textHeight("X\n".repeat(least - 1) + "X", labeled))
                    + region.snappedBottomInset() : Region.USE_PREF_SIZE);
        };
        DoubleConsumer hold = height -> {
            // Never a height its text is squeezed in, at the width it has: given in the pass that
            // narrowed it (the width is set before the height), it would be kept, and cut it again.
            boolean squeezed = region instanceof Labeled && region.getWidth() > 0
                    && height < region.prefHeight(region.getWidth()) - 0.5;
            if (keep.getAsBoolean() && System.nanoTime() >= settledAt[0] && height > region.getMinHeight() && !squeezed) {
                region.setMinHeight(Math.max(height, letGoOf[0]));
                if (letGoOf[0] > height) {
                    // Taller than laid out: asked in a layout pass, the request would be dropped.
                    Platform.runLater(region::requestLayout);
                }
                letGoOf[0] = Double.NEGATIVE_INFINITY;
            }
        };
        region.heightProperty().addListener((obs, old, now) -> hold.accept(now.doubleValue()));
        // A height kept at one width is too little at a narrower one: a page whose settings panel came
        // back beside it was given its least height (a scroll pane fitting its content to the viewport
        // gives no more than that), and Slow motion's hint, two lines now, was kept to one and ended in
        // "…" until the next step (a lecturer's tryout, 150 % in 1280x720). Let go of, as for a taller
        // text (below), and asked again once the pass that narrowed it is over.
        region.widthProperty().addListener((obs, old, now) -> {
            double kept = region.getMinHeight();
            if (keep.getAsBoolean() && kept > 0 && now.doubleValue() > 0 && region.prefHeight(now.doubleValue()) > kept + 0.5) {
                letGoOf[0] = kept;
                region.setMinHeight(Region.USE_PREF_SIZE);
                Platform.runLater(region::requestLayout);
            }
        });
        // The height after the reset's layout counts too, changed or not: kept only from its next change,
        // Slow motion's hint, two lines before a run and two at its end, went to one at the next key and
        // moved the lanes up under the pointer (the settings set before the run had reset it).
        // Taken off the scene it was put on, whichever the region is in by then: taken off the region's
        // scene of the moment, it would stay on the old one, run at its every pulse (a review).
        Scene[] listenedOn = {null};
        Runnable[] afterLayout = {null};
        int[] passesLeft = {0};
        afterLayout[0] = () -> {
            // A reset in the layout pass itself (a new width, see newWidths) came after the region's
            // height was given it from the height kept before: kept again, 756 px of a narration laid
            // out a few words wide stayed at its full width. Such a height is left for the next pass.
            double own = Math.max(region.getMinHeight(), region.prefHeight(region.getWidth()));
            if (region.getHeight() > own + 0.5 && passesLeft[0]-- > 0) {
                region.requestLayout();
                return;
            }
            if (listenedOn[0] != null) {
                listenedOn[0].removePostLayoutPulseListener(afterLayout[0]);
                listenedOn[0] = null;
            }
            if (region.getHeight() > 0) { // laid out: not a region yet to be shown
                hold.accept(region.getHeight());
            }
        };
        // A change listener: an invalidation listener would miss a second change nobody read between.
        reset.addListener((obs, old, now) -> {
            fresh.run();
            passesLeft[0] = RESET_PASSES;
            if (listenedOn[0] != null) {
                listenedOn[0].removePostLayoutPulseListener(afterLayout[0]);
            }
            listenedOn[0] = region.getScene();
            if (listenedOn[0] != null) {
                listenedOn[0].addPostLayoutPulseListener(afterLayout[0]);
            }
        });
        if (region instanceof Labeled labeled) {
            // A text taller than the height kept lets go of it, to its own height, until it is laid out
            // and kept: a kept height is a number, and a section yet to learn that it grew (HeightMemo's
            // frame) squeezed the label under it, its new second line cut to "…" for that frame (running
            // at 1024x700, the buffer's in-flight move: 32 px given of the 36 it takes, once in CI). Let
            // go of, not raised to the text's height at the label's width of the moment: a label as wide
            // as its text is wider once laid out, and would keep lines it does not take. What was kept
            // still counts when the next height is kept (a shorter text may come before the layout).
            labeled.textProperty().addListener(obs -> {
                double width = labeled.getWidth();
                double kept = labeled.getMinHeight();
                if (keep.getAsBoolean() && kept > 0 && width > 0 && labeled.prefHeight(width) > kept) {
                    letGoOf[0] = kept;
                    labeled.setMinHeight(Region.USE_PREF_SIZE);
                }
            });
            labeled.fontProperty().addListener((obs, old, now) -> {
                if (region.getHeight() > 0) { // a zoom, not the first styling: it has been laid out before
                    settledAt[0] = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
                }
                fresh.run();
            });
        }
        if (lines.getAsInt() > 0) {
            fresh.run();
        }
    }

    /** The height of {@code text}, its lines as written, as {@code label} lays out its own text. */
    private static double textHeight(String text, Labeled label) {
        Text probe = new Text(text);
        probe.setFont(label.getFont());
        probe.setLineSpacing(label.getLineSpacing());
        probe.setBoundsType(TextBoundsType.LOGICAL_VERTICAL_CENTER); // as a label's skin measures its text
        return probe.getLayoutBounds().getHeight();
    }

    /**
     * How long after a new font {@link #neverShorter} keeps no height: the zoom's layout passes. (A
     * test that shows a stage waits this long after the font's last change before it counts on a
     * height being kept.)
     */
    public static final long SETTLE_MILLIS = 300;

    /** The layout passes a height given in a reset's own pass waits for the region's own ({@link #neverShorter}). */
    static final int RESET_PASSES = 2;

    /**
     * How much wider or narrower a region must become for {@link #newWidths} to count it: more than
     * a scroll bar coming or going (15 px at 100 %).
     */
    public static final double NEW_WIDTH_PX = 24;

    /**
     * A count that goes up each time {@code region}, a region its container sizes (not its own
     * text), becomes more than {@value #NEW_WIDTH_PX} px wider or narrower than at the last count: the
     * settings panel shown or hidden, a drawing moved beside the picture or under it, not a scroll bar
     * coming or going. A {@link #neverShorter} reset: a height kept at one width belongs to that layout,
     * and on the way to the next one a pass laid the buffer's narration out a few words wide, 756 px
     * tall, kept under its ◀ ▶ until End (a learner's tryout). FX thread.
     */
    public static ObservableValue<Number> newWidths(Region region) {
        ReadOnlyLongWrapper count = new ReadOnlyLongWrapper();
        double[] counted = {Double.NaN};
        region.widthProperty().addListener((obs, old, now) -> {
            if (Double.isNaN(counted[0]) || old.doubleValue() <= 0) {
                counted[0] = now.doubleValue(); // the first layout: nothing was kept at another width
            } else if (Math.abs(now.doubleValue() - counted[0]) > NEW_WIDTH_PX) {
                counted[0] = now.doubleValue();
                count.set(count.get() + 1);
            }
        });
        return count.getReadOnlyProperty();
    }

    /** A control with its caption above it. */
    public static VBox labelled(String caption, Node control) {
        Label label = new Label(caption);
        label.getStyleClass().add("setting-name");
        return new VBox(4, label, control);
    }

    /** A figure: a small caption over a large value. */
    public static VBox figure(String id, String caption, Label value, String tooltip) {
        value.setId(id);
        value.getStyleClass().add("figure-value");
        Label label = new Label(caption);
        label.getStyleClass().add("figure-caption");
        VBox box = new VBox(2, label, value);
        box.getStyleClass().add("figure");
        tip(box, tooltip);
        return box;
    }

    /** A figure with a second, smaller line under the value. */
    public static VBox figure(String id, String caption, Label value, Label detail, String tooltip) {
        VBox box = figure(id, caption, value, tooltip);
        detail.setId(id + "-detail");
        detail.getStyleClass().add("figure-detail");
        box.getChildren().add(detail);
        return box;
    }

    /** A number with thousands separators, kept up to date. */
    public static void bindNumber(Label label, ObservableNumberValue value) {
        label.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%,d", value.longValue()), value));
    }

    /** A line under a field saying why its value was changed; shown only while {@code text} is not empty. */
    public static Label fieldMessage(String id, ObservableStringValue text) {
        Label message = new Label();
        asFieldMessage(message, id);
        message.textProperty().bind(text);
        return message;
    }

    /** Whether {@code key} moves a slider's thumb: the arrows, Home, End, Page Up and Page Down. */
    static boolean movesAThumb(KeyCode key) {
        return switch (key) {
            case LEFT, RIGHT, UP, DOWN, KP_LEFT, KP_RIGHT, KP_UP, KP_DOWN, HOME, END, PAGE_UP, PAGE_DOWN -> true;
            default -> false;
        };
    }

    /**
     * Makes {@code message} a line under a field, {@code id} its id: the field-message style, wrapped,
     * and taking room only while it says something.
     */
    public static void asFieldMessage(Label message, String id) {
        message.setId(id);
        message.getStyleClass().add("field-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
    }

    /**
     * One event back and one on (◀ ▶), and Now (as End; greyed out at now), for a view's top, beside
     * what it narrates: at 1024x700 the
     * scrubber is screens below the buffer and its chips, and a teacher stepping back through a
     * violation scrolled down to the scrubber and up to the picture at every event (a tryout). They
     * move as Left and Right on the scrubber do, and show while the run can be rewound; their place
     * is kept while they are hidden, so the line beside them never moves.
     */
    public static HBox rewindButtons(String id, Rewind<?> rewind) {
        Button back = new Button("◀");
        Button on = new Button("▶");
        back.setId(id + "-back");
        on.setId(id + "-on");
        back.setOnAction(e -> rewind.moveBy(-1));
        // From the newest event, on to now: ▶ stopped there, greyed out, the view still "Rewound" (a tryout).
        on.setOnAction(e -> rewind.stepOn());
        tip(back, "One event back: the view as it was just before (Left on the scrubber, below)");
        tip(on, "One event on (Right on the scrubber, below); from the newest event, back to now (End)");
        back.setAccessibleText("One event back");
        on.setAccessibleText("One event on");
        back.disableProperty().bind(Bindings.createBooleanBinding(() -> rewind.positionProperty().get() != Rewind.PRESENT
                        && rewind.positionProperty().get() <= rewind.startProperty().get(),
                rewind.positionProperty(), rewind.startProperty()));
        on.disableProperty().bind(rewind.positionProperty().isEqualTo(Rewind.PRESENT));
        // Now beside them too: the narration's "(Now or End: back to now)" named a button a teacher found
        // only by scrolling to the scrubber, screens below at 1024x700.
        Button now = new Button("Now");
        now.setId(id + "-now");
        now.setOnAction(e -> rewind.toPresent());
        tip(now, "Back to the run as it is now (End)");
        now.setMinWidth(Region.USE_PREF_SIZE);
        now.disableProperty().bind(rewind.rewoundBinding().not());
        // ▶ at the newest event, Now once pressed: greyed out under the keys (see passKeysWhenGreyed).
        passKeysWhenGreyed(List.of(back, on, now));
        HBox buttons = new HBox(4, back, on, now);
        buttons.setId(id);
        buttons.getStyleClass().add("rewind-buttons");
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        buttons.setAlignment(Pos.TOP_LEFT);
        // Kept in place even before any run (a gap before the line): managed only once a run had
        // events, the row grew with them at the first step, and the table moved 7 px under the
        // pointer between a first and a second click on its seats (seatsStepAndBreakersSwitch).
        buttons.visibleProperty().bind(rewind.allowedProperty().and(rewind.endProperty().greaterThan(
                rewind.startProperty())));
        return buttons;
    }

    private static final PseudoClass SETTINGS_CHANGED = PseudoClass.getPseudoClass("settings-changed");
    private static final PseudoClass NO_RUN = PseudoClass.getPseudoClass("no-run");
    /**
     * A field's property: what to run once Enter in it has given the keys to its setting's slider
     * (a {@link Runnable}): a delay's upper field hands them on to the range's upper thumb.
     */
    public static final String AFTER_ENTER = "interleave.afterEnter";
    /**
     * A button's property: once pressed it hands the keys to the window, where Space runs, as the
     * line its setup writes says ("Press Run (Space)"): left on the button, Space pressed it again
     * and nothing ran (a presenter's tryout). See {@link #thenRun}.
     */
    public static final String THEN_RUN = "interleave.thenRun";

    /** Marks {@code button} as a guide's setup, after which Space runs ({@link #THEN_RUN}). */
    public static <B extends ButtonBase> B thenRun(B button) {
        button.getProperties().put(THEN_RUN, Boolean.TRUE);
        return button;
    }

    /** The figures note before a run, and after Reset. */
    public static final String NO_RUN_FIGURES = "No run's figures yet: they fill in when a run starts.";

    /**
     * The note over a view's figures: the settings of the run they are from, this one's while it
     * goes, the last one's after, and whether the settings have changed since ({@code
     * :settings-changed}). While no run's figures are shown, {@link #NO_RUN_FIGURES}.
     * Views put it under their guide, not over it: coming and going with the runs, over it, it moved
     * the guide's buttons a line down as a learner reached for them.
     */
    public static Label figuresNote(RunViewModel<?> model) {
        return figuresNote(model, new SimpleBooleanProperty(true));
    }

    /** {@link #figuresNote(RunViewModel)}, said only while {@code shown} holds. */
    public static Label figuresNote(RunViewModel<?> model, ObservableBooleanValue shown) {
        // From Run to the run's end it keeps the height it had at Run: "Last run's figures (...). The
        // settings have changed since: ..." took two lines at 1024x700, "This run's figures (...)." one,
        // and the first click on a philosopher (a run started paused) moved the table up under the
        // pointer before the second. Never shorter than its text either, in a page short of room.
        // The height kept goes under the band, as a margin its parent (a VBox, in every view) leaves
        // empty: kept as the band's own least height, a run's one line of settings stood in a band two
        // or three lines tall, half an empty line above it (a teacher's tryout, 1024x700 at 150 %).
        double[] held = {0};
        Label note = new Label() {
            @Override
            protected double computeMinHeight(double width) {
                return computePrefHeight(width);
            }
        };
        Runnable keep = () -> {
            double extra = held[0] <= 0 ? 0
                    : Math.max(0, Math.ceil(held[0] - note.prefHeight(note.getWidth() > 0 ? note.getWidth() : -1)));
            Insets now = VBox.getMargin(note);
            if ((now == null ? 0 : now.getBottom()) != extra) {
                VBox.setMargin(note, extra > 0 ? new Insets(0, 0, extra, 0) : null);
            }
        };
        note.widthProperty().addListener(obs -> keep.run());
        note.textProperty().addListener(obs -> keep.run());
        // A zoom while a run goes lets go of what is held: held in the old size, 150 % down to 100 %
        // left a blank band of the difference over the figures (a tryout, the race lab). Scaled with
        // the text, it would keep the old size's lines where the new size wraps into fewer (a review).
        note.fontProperty().addListener((obs, old, now) -> {
            held[0] = 0;
            keep.run();
        });
        note.setId("last-run");
        note.getStyleClass().setAll("label", "last-run-note");
        note.setWrapText(true);
        note.setMaxWidth(Double.MAX_VALUE);
        // Before a run and after Reset it says why the figures are zeros: blank, its line stood empty
        // under the guide, a gap a teacher's tryout took for a fault. It keeps its line either way,
        // so that the figures under it stay where they are when a run's first step fills it.
        note.textProperty().bind(Bindings.createStringBinding(() -> !shown.get() ? ""
                : model.figuresNoteProperty().get().isEmpty() ? NO_RUN_FIGURES : model.figuresNoteProperty().get(),
                shown, model.figuresNoteProperty()));
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        // Not said at all (the race lab's Full speed on a measure other than the last run's), it takes
        // no room either: its empty line stood as a gap under the guide (a teacher's tryout).
        note.managedProperty().bind(Bindings.createBooleanBinding(shown::get, shown));
        note.textProperty().addListener(obs -> note.pseudoClassStateChanged(NO_RUN, note.getText().equals(NO_RUN_FIGURES)));
        note.pseudoClassStateChanged(NO_RUN, note.getText().equals(NO_RUN_FIGURES));
        model.settingsChangedProperty().addListener((obs, old, now) -> note.pseudoClassStateChanged(SETTINGS_CHANGED, now));
        // Run sets the note's text, then the state, in one event on the FX thread: no layout has
        // come between, so the height read here is still the one the note had before Run.
        // Kept after the run too, until the settings change or Reset: let go at the run's end, "This run's
        // figures (...)" two lines under a band kept from Run's three, every card under it moved up a
        // line as the run ended (a learner's tryout, 1024x700, platform threads). A next Run keeps the
        // most of the two, the band's and the text's.
        model.stateProperty().addListener((obs, old, now) -> {
            if (old == RunState.IDLE && now != RunState.IDLE) {
                held[0] = Math.max(held[0], note.getHeight());
                keep.run();
                note.requestLayout();
            }
        });
        Runnable letGo = () -> {
            if (held[0] > 0 && model.stateProperty().get() == RunState.IDLE) {
                held[0] = 0;
                keep.run();
                note.requestLayout();
            }
        };
        model.settingsChangedProperty().addListener((obs, old, now) -> {
            if (now) {
                letGo.run();
            }
        });
        note.textProperty().addListener((obs, old, now) -> {
            if (now.isEmpty() || now.equals(NO_RUN_FIGURES)) {
                letGo.run(); // Reset
            }
        });
        return note;
    }

    /**
     * A view's live side in a pane that scrolls vertically when the window is too short for it:
     * {@code content} fills the width, and the height too when there is room (its plots grow). What
     * the reader works with stays in place when the page above it changes height ({@link ScrollAnchor}).
     */
    public static ScrollPane liveScroll(String id, Region content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.skinProperty().addListener((obs, old, skin) -> uncacheViewport(skin));
        scroll.setId(id);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        // Views fit their width down to 150 % zoom in 1024x700; past that (200 % there: 16 em of room),
        // what does not fit scrolls sideways rather than being cut off out of reach.
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.getStyleClass().add("live-scroll");
        scroll.addEventFilter(ScrollEvent.SCROLL, e -> wheel(scroll, e));
        ScrollAnchor.keep(scroll);
        return scroll;
    }

    /** How many times the wheel's own distance a live side scrolls. */
    static final double WHEEL_SPEED = 2.5;

    /**
     * The wheel scrolls a live side {@value #WHEEL_SPEED} times the distance it gives (a notch was
     * 40 px here: a view three screens tall took thirty notches, "only 20 px a notch" to a teacher),
     * as far as a browser's page. Not over what scrolls on its own (a list, a table) nor with Ctrl
     * held (the timeline's zoom): those take the wheel as before.
     */
    private static void wheel(ScrollPane scroll, ScrollEvent e) {
        // A touch screen's or a trackpad's own scrolling (the finger followed 1:1, inertia) stays as is.
        if (e.isControlDown() || e.getDeltaY() == 0 || e.isDirect() || e.isInertia() || e.getTouchCount() > 0
                || scrollsOnItsOwn(e.getTarget(), scroll)) {
            return;
        }
        Node content = scroll.getContent();
        double room = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        if (room <= 0) {
            return;
        }
        double range = scroll.getVmax() - scroll.getVmin();
        scroll.setVvalue(Math.clamp(scroll.getVvalue() - e.getDeltaY() * WHEEL_SPEED / room * range,
                scroll.getVmin(), scroll.getVmax()));
        e.consume();
    }

    /**
     * Whether {@code target} is in a list, a table or another scroll pane inside {@code scroll} that
     * can scroll now (its vertical scroll bar shows): one that cannot leaves the wheel to the view.
     * The event log takes the wheel only once clicked (or reached by Tab): scrolling a view down, the
     * log slid under the pointer, took the wheel, and the page stopped half-way (a learner).
     */
    private static boolean scrollsOnItsOwn(Object target, ScrollPane scroll) {
        for (Node at = target instanceof Node node ? node : null; at != null && at != scroll; at = at.getParent()) {
            if (at instanceof LogList log && !log.isFocused()) {
                return false;
            }
            if (at instanceof ListView<?> || at instanceof TableView<?> || at instanceof TextArea
                    || at instanceof ScrollPane) {
                return at.lookupAll(".scroll-bar").stream().anyMatch(bar -> bar instanceof ScrollBar vertical
                        && vertical.getOrientation() == Orientation.VERTICAL && vertical.isVisible());
            }
        }
        return false;
    }

    /**
     * Scrolls the scroll pane {@code node} is in, if any, so that its top shows at the top of the
     * pane (or as near as the pane scrolls). Returns what scrolls the pane back to where it was (does
     * nothing if {@code node} is in no scroll pane). FX thread.
     */
    public static Runnable scrollTo(Node node) {
        ScrollPane scroll = scrollPaneOf(node);
        if (scroll == null) {
            return () -> { };
        }
        double before = scroll.getVvalue();
        Node content = scroll.getContent();
        double top = content.sceneToLocal(node.localToScene(node.getLayoutBounds())).getMinY();
        double room = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        if (room > 0) {
            double share = Math.clamp(top / room, 0, 1);
            scroll.setVvalue(scroll.getVmin() + share * (scroll.getVmax() - scroll.getVmin()));
        }
        return () -> scroll.setVvalue(before);
    }

    /** The nearest scroll pane with content that {@code node} is in, or null. */
    private static ScrollPane scrollPaneOf(Node node) {
        for (Node at = node.getParent(); at != null; at = at.getParent()) {
            if (at instanceof ScrollPane scroll && scroll.getContent() != null) {
                return scroll;
            }
        }
        return null;
    }

    /**
     * Whenever {@code trigger} changes, once the next layout pass has placed {@code node}, scrolls the
     * pane it is in down just enough to show its bottom, if it ends below the pane's view (never up
     * without tops, never when it is in view): the newest narration stays in sight as the steps go on. The race
     * lab's step text under the lanes ended below the view at 125 % in 1024x700, and the step that
     * lost an update was told where the class could not see it (a tryout). FX thread.
     */
    public static void keepInSight(Node node, ObservableValue<?> trigger) {
        keepInSight(node, trigger, List.of());
    }

    /**
     * As {@link #keepInSight(Node, ObservableValue)}, and with as much above {@code node} as fits in
     * the view, from the top of a whole node of {@code tops} (the first, highest, whose top and
     * {@code node}'s bottom fit in the view; none fitting, just {@code node}'s bottom), and up to that
     * top when {@code node} is in view but the top is above the view: the race lab's
     * steps scrolled the view just enough for the step's words, the shared count went out of the
     * top and the line above the lanes was cut in half there (150 % in 1024x700, a teacher's tryout).
     */
    public static void keepInSight(Node node, ObservableValue<?> trigger, List<? extends Node> tops) {
        keepInSight(node, trigger, tops, () -> null);
    }

    /**
     * As {@link #keepInSight(Node, ObservableValue, List)}, and where none of {@code tops} fits with
     * {@code node}, the node {@code whole} gives (if any) whole in view, clear of the nodes held at
     * the top and the bottom of the view ({@link #holdAtTop}, {@link #holdAtBottom}), with
     * {@code node} in sight too: the race lab's steps with four threads at 150 % in 1024x700 showed
     * the step's words and left the first row of lanes, the one that had just stepped, under the
     * count's cards held at the top (a teacher's tryout). FX thread.
     */
    public static void keepInSight(Node node, ObservableValue<?> trigger, List<? extends Node> tops,
            Supplier<? extends Node> whole) {
        Runnable[] pending = {null};
        trigger.addListener(obs -> {
            Scene scene = node.getScene();
            if (scene == null || pending[0] != null) {
                return;
            }
            pending[0] = () -> {
                scene.removePostLayoutPulseListener(pending[0]);
                pending[0] = null;
                revealBottom(node, tops, whole.get());
            };
            scene.addPostLayoutPulseListener(pending[0]);
        });
    }

    /** The key of a scroll pane's properties under which its held nodes are kept: {top, bottom}. */
    private static final Object HELD_NODES = new Object();
    /**
     * Room kept between a held node and what a scroll shows whole beside it, in pixels: the held
     * node's rule (5 px beyond it, in the stylesheet) and a little ground.
     */
    private static final double HELD_GAP_PX = 8;
    /** How far a held node's ground and rule reach beyond it, in pixels (the stylesheet's {@code :held}). */
    private static final double HELD_RULE_PX = 5;
    /** The key of a scroll pane's properties under which the nodes its top's held node never cuts are kept. */
    private static final Object NEVER_CUT = new Object();

    /**
     * Whether a node held at the top of {@code scroll}'s view, its bottom at {@code heldBottom} in
     * the page {@code content}, would cut one of the nodes it must not ({@link #holdAtTop(Node,
     * ScrollPane, List)}): that node's top within the held node's room and its bottom showing below.
     */
    private static boolean cutsAny(ScrollPane scroll, Node content, double heldBottom) {
        if (!(scroll.getProperties().get(NEVER_CUT) instanceof List<?> whole)) {
            return false;
        }
        for (Object each : whole) {
            if (each instanceof Node node && node.isVisible() && node.getParent() != null) {
                double top = topInPage(content, node);
                double bottom = top + node.getLayoutBounds().getHeight();
                if (top < heldBottom + HELD_GAP_PX - 0.5 && bottom > heldBottom + HELD_RULE_PX + 0.5) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Holds {@code node} at the top of the view of {@code scroll} (its content's child, or deeper)
     * once the page is scrolled past it, as a table's header row stays: shifted down over what it
     * covers ({@code translateY}, so the page's layout never changes), drawn over it, in the
     * {@code :held} pseudo-class (an opaque background, in the stylesheet). The race lab's steps
     * with four threads scroll the lanes and the step's words into view, and the shared count's
     * cards went out of the top (their captions first) even at 2560x1440 (a teacher's tryout). A
     * picture of the whole page draws it in its place ({@link InSight#heldInView}). What it covers
     * is left to the reader's scrolling: {@link #keepInSight(Node, ObservableValue, List, Supplier)}
     * shows what it reveals clear of it, as a browser's {@code scroll-padding-top} does under a
     * sticky header. FX thread.
     */
    public static void holdAtTop(Node node, ScrollPane scroll) {
        hold(node, scroll, 0);
    }

    /**
     * As {@link #holdAtTop(Node, ScrollPane)}, and never over part of one of {@code whole} (the
     * race lab's lanes): where one would show below the held node with its top under it, the node
     * is not held there but scrolls with the page, and {@link #keepInSight(Node, ObservableValue,
     * List, Supplier)} shows a lane clear of it with the lanes above it wholly under it or out of
     * sight. Held over the lanes, the cards hid "T1 (key 1)" with the rest of T1's lane showing
     * under them (scrolled down by hand to the steps, 1024x700), and at 150 % T1's and T2's lanes
     * but for their last lines, under T3 and T4 shown whole (a learner's tryout). FX thread.
     */
    public static void holdAtTop(Node node, ScrollPane scroll, List<? extends Node> whole) {
        scroll.getProperties().put(NEVER_CUT, whole);
        hold(node, scroll, 0);
    }

    /**
     * Holds {@code node} at the bottom of the view of {@code scroll} while a node is held at its top
     * ({@link #holdAtTop}) and {@code node} would end below the view, as {@link #holdAtTop} holds
     * at the top: the race lab's step in words stays in sight under the lane that took it, when
     * the count's cards, that lane and the words are on screen but the lanes between them are not
     * (four threads at 150 % in 1024x700). Never shifted above the node held at the top. FX thread.
     */
    public static void holdAtBottom(Node node, ScrollPane scroll) {
        hold(node, scroll, 1);
    }

    private static void hold(Node node, ScrollPane scroll, int end) {
        Node[] held = heldIn(scroll);
        boolean first = held[0] == null && held[1] == null;
        held[end] = node;
        if (end == 0) {
            node.setViewOrder(-1); // over the lanes it slides over
        } else {
            node.setViewOrder(-2); // over those and under nothing: it stays clear of the top's own node
        }
        InSight.heldInView(node);
        InvalidationListener place = obs -> placeHeld(scroll);
        if (first) {
            scroll.viewportBoundsProperty().addListener(place);
            // A scroll made after the layout pass (a step's, in a post-layout listener) moves the page
            // in this frame, but its viewport bounds only at the next layout: the held nodes, placed
            // from those, were drawn one frame where the view had been, the cards out of sight and
            // the step's words half-way up the lanes (Auto-step at 20 steps a second, 150 % in 1024x700).
            scroll.vvalueProperty().addListener(place);
        }
        node.layoutYProperty().addListener(place);
        node.layoutBoundsProperty().addListener(place);
    }

    private static Node[] heldIn(ScrollPane scroll) {
        return (Node[]) scroll.getProperties().computeIfAbsent(HELD_NODES, key -> new Node[2]);
    }

    /** Shifts the nodes held in {@code scroll}'s view to where the view's top and bottom are now. */
    private static void placeHeld(ScrollPane scroll) {
        if (InSight.seeingAllNow() || scroll.getContent() == null) {
            return;
        }
        Node[] held = heldIn(scroll);
        Node content = scroll.getContent();
        double view = scroll.getViewportBounds().getHeight();
        // The page's y at the view's top, from the scroll bar's value as the pane's skin places the
        // page (ScrollPaneSkin.updatePosY), not from the viewport's bounds, a layout pass late.
        double room = Math.max(0, content.getLayoutBounds().getHeight() - view);
        double range = scroll.getVmax() - scroll.getVmin();
        double share = range > 0 ? Math.clamp((scroll.getVvalue() - scroll.getVmin()) / range, 0, 1) : 0;
        double viewTop = -scroll.snapPositionY(-share * room);
        double topShift = 0;
        if (held[0] != null) {
            topShift = Math.max(0, viewTop - topInPage(content, held[0]));
            if (topShift > 0 && cutsAny(scroll, content, viewTop + held[0].getLayoutBounds().getHeight())) {
                topShift = 0; // a lane would show under it, its name hidden: it scrolls with the page
            }
            shift(held[0], topShift);
        }
        if (held[1] != null) {
            double bottomShift = 0;
            if (topShift > 0) {
                double inPage = topInPage(content, held[1]);
                double highest = viewTop + held[0].getLayoutBounds().getHeight() + HELD_GAP_PX - inPage;
                bottomShift = Math.max(Math.min(0, highest),
                        Math.min(0, viewTop + view - inPage - held[1].getLayoutBounds().getHeight()));
            }
            shift(held[1], bottomShift);
        }
    }

    private static void shift(Node node, double shift) {
        if (Math.abs(node.getTranslateY() - shift) > 0.01) {
            node.setTranslateY(shift);
        }
        boolean held = shift != 0;
        if (node.getPseudoClassStates().contains(InSight.HELD_STATE) != held) {
            node.pseudoClassStateChanged(InSight.HELD_STATE, held);
            // Its ground now, in the frame it moves: shifted after the frame's CSS pass (a step's scroll,
            // after the layout), the step's words were drawn one frame over the lanes without it.
            if (node.getScene() != null) {
                node.applyCss();
            }
        }
    }

    /**
     * Where {@code node}'s top stands in the page {@code content}, as laid out: not shifted by its
     * own {@code translateY}, which a node held at the top of the view has ({@link #holdAtTop}).
     */
    private static double topInPage(Node content, Node node) {
        return content.sceneToLocal(node.getParent().localToScene(node.getLayoutX(),
                node.getLayoutY() + node.getLayoutBounds().getMinY())).getY();
    }

    private static void revealBottom(Node node, List<? extends Node> tops, Node whole) {
        ScrollPane scroll = scrollPaneOf(node);
        if (scroll == null) {
            return;
        }
        Node content = scroll.getContent();
        // Where the page lays it out: a node held at the bottom of the view is shifted up from there.
        double nodeTop = topInPage(content, node);
        double bottom = nodeTop + node.getLayoutBounds().getHeight();
        double view = scroll.getViewportBounds().getHeight();
        double room = content.getLayoutBounds().getHeight() - view;
        if (room <= 0 || view <= 0) {
            return;
        }
        double share = (scroll.getVvalue() - scroll.getVmin()) / (scroll.getVmax() - scroll.getVmin());
        double top = share * room;
        // The highest of tops that fits in the view with node's bottom: shown from there when node
        // ends below the view, or when node is in view but that top is above it (scrolled down by
        // hand or by a step before: the count's cards, above the lanes, stayed out of sight while
        // the steps went on, a teacher's tryout).
        Double fits = null;
        for (Node above : tops) {
            if (!above.isManaged() || !above.isVisible()) {
                continue;
            }
            double aboveTop = topInPage(content, above);
            if (bottom - aboveTop <= view) {
                fits = aboveTop;
                break;
            }
        }
        double wanted;
        if (fits != null && (bottom > top + view || fits < top - 0.5)) {
            wanted = Math.min(room, Math.max(0, fits));
        } else if (fits == null && whole != null && whole.isVisible() && heldIn(scroll)[0] != null) {
            wanted = clearOfHeld(scroll, whole, node, nodeTop, bottom, top, room);
        } else if (bottom > top + view) {
            wanted = Math.min(room, bottom - view);
        } else {
            return;
        }
        if (Math.abs(wanted - top) > 0.5) {
            scroll.setVvalue(scroll.getVmin() + wanted / room * (scroll.getVmax() - scroll.getVmin()));
        }
    }

    /**
     * Where to scroll (the page's y at the view's top, from 0 to {@code room}) for {@code whole} to
     * show whole, clear of the nodes held in {@code scroll}'s view, and {@code node} (from
     * {@code nodeTop} to {@code nodeBottom} in the page) in sight (whole, or held at the bottom): where the view
     * is now, if it does; else the nearest place that does; none doing, {@code whole}'s top just
     * under the node held at the top (a lane's name and code before its last lines).
     */
    private static double clearOfHeld(ScrollPane scroll, Node whole, Node node, double nodeTop,
            double nodeBottom, double now, double room) {
        Node content = scroll.getContent();
        Node[] held = heldIn(scroll);
        double view = scroll.getViewportBounds().getHeight();
        double wholeTop = topInPage(content, whole);
        double wholeBottom = wholeTop + whole.getLayoutBounds().getHeight();
        double headTop = topInPage(content, held[0]);
        double head = held[0].getLayoutBounds().getHeight() + HELD_GAP_PX;
        double foot = held[1] == null ? 0 : held[1].getLayoutBounds().getHeight() + HELD_GAP_PX;
        double footBottom = held[1] == null ? 0 : topInPage(content, held[1]) + held[1].getLayoutBounds().getHeight();
        double underHead = Math.clamp(wholeTop - head, 0, room);
        double[] places = {now, underHead, Math.clamp(wholeBottom + foot - view, 0, room),
                Math.clamp(nodeBottom - view, 0, room)};
        double best = Double.NaN;
        for (double at : places) {
            boolean headHeld = at > headTop + 0.5 && !cutsAny(scroll, content, at + held[0].getLayoutBounds().getHeight());
            // Held, or in its place: not scrolled out of sight by being let go over a lane it would cut.
            boolean headSeen = headHeld || at <= headTop + 0.5;
            boolean footHeld = held[1] != null && headHeld && footBottom > at + view + 0.5;
            double clearTop = at + (headHeld ? head : 0);
            double clearBottom = at + view - (footHeld ? foot : 0);
            boolean wholeClear = wholeTop >= clearTop - 0.5 && wholeBottom <= clearBottom + 0.5;
            boolean nodeSeen = held[1] == node && footHeld
                    || nodeTop >= clearTop - 0.5 && nodeBottom <= at + view + 0.5;
            if (wholeClear && nodeSeen && headSeen && (Double.isNaN(best) || Math.abs(at - now) < Math.abs(best - now))) {
                best = at;
            }
        }
        return Double.isNaN(best) ? underHead : best;
    }

    /**
     * Turns off the bitmap cache JavaFX's scroll pane skin keeps of its viewport. It pays for static
     * content; around a live view it costs a frame its whole page: any change (a chip, a counter, a
     * canvas redrawn) invalidates it, and the whole viewport is rendered into the cache and then
     * drawn again, where without it only the changed regions are. In a free 8/8 buffer run it was
     * most of the renderer thread's time.
     */
    static void uncacheViewport(Skin<?> skin) {
        if (skin instanceof SkinBase<?> base) {
            base.getChildren().stream()
                    .filter(child -> child.getStyleClass().contains("viewport"))
                    .forEach(viewport -> viewport.setCache(false));
        }
    }

    /**
     * The settings panel on a view's left: {@code sections} stacked in a padded box that scrolls
     * when the window is too short for it, ending with a "Reset to defaults" button
     * ({@code #reset-settings}) that puts {@code model}'s settings back as they were at first start.
     */
    public static ScrollPane settingsPanel(RunViewModel<?> model, Node... sections) {
        Button defaults = new Button("Reset to defaults");
        defaults.setId("reset-settings");
        defaults.getStyleClass().add("reset-settings");
        tip(defaults, "Put every setting of this view back to its default. Settings are kept between "
                + "starts; this forgets the kept ones.");
        defaults.setOnAction(e -> model.resetSettings());
        defaults.disableProperty().bind(model.runningBinding()); // settings do not change under a run
        defaults.setMaxWidth(Double.MAX_VALUE);
        Region gap = new Region();
        gap.setMinHeight(4);
        List<Node> all = new ArrayList<>(Arrays.asList(sections));
        all.add(gap);
        all.add(defaults);
        return settingsPanel(all.toArray(Node[]::new));
    }

    /** The most of a view's width its settings panel takes. */
    static final double MAX_SETTINGS_SHARE = 0.4;

    /**
     * The settings panel on a view's left: {@code sections} stacked in a padded box that scrolls
     * when the window is too short for it.
     */
    public static ScrollPane settingsPanel(Node... sections) {
        VBox box = new VBox(12, sections);
        box.getStyleClass().add("settings");
        box.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(box) {
            // Width in the stylesheet, in em: the panel grows with the text, up to 40 % of the view's
            // width (at 200 % zoom in 1024x700 its 23 em would have left the view 16 em of room).
            // Asked by the view as it lays out, at its new width: never a pass late.
            @Override
            protected double computeMaxWidth(double height) {
                return getParent() instanceof Region view && view.getWidth() > 0
                        ? view.getWidth() * MAX_SETTINGS_SHARE : Double.MAX_VALUE;
            }
        };
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("settings-scroll");
        return scroll;
    }

    /**
     * Keeps {@code label} (wrapping) at least as wide as its longest word, at its font as it changes:
     * a narrow row wraps its words, never cuts one.
     */
    public static void roomForTheLongestWord(Label label) {
        Runnable room = () -> {
            double widest = 0;
            for (String word : label.getText().split("\\s+")) {
                widest = Math.max(widest, textWidth(word, label.getFont()));
            }
            // A pixel over: a word measured to the pixel wrapped by a rounding, as a key did (showKeyboardMap).
            label.setMinWidth(Math.ceil(widest + label.snappedLeftInset() + label.snappedRightInset()) + 1);
        };
        label.fontProperty().addListener(obs -> room.run());
        label.textProperty().addListener(obs -> room.run());
        label.paddingProperty().addListener(obs -> room.run());
        room.run();
    }

    /**
     * Keeps {@code field} at least as wide as {@code widest} (the widest value it takes) and a digit
     * more, at its font and padding as they change: a row that is narrow takes the field's spare
     * columns, not the digits of its value.
     */
    public static void roomForTheWidest(TextField field, String widest) {
        Runnable room = () -> field.setMinWidth(Math.ceil(textWidth(widest + "0", field.getFont())
                + field.snappedLeftInset() + field.snappedRightInset()));
        field.fontProperty().addListener(obs -> room.run());
        field.paddingProperty().addListener(obs -> room.run());
        room.run();
    }
}
