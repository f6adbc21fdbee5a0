package dev.interleave.ui.philosophers;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.InvalidationListener;
import java.util.Locale;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import dev.interleave.engine.philosophers.Names;
import dev.interleave.engine.philosophers.PhilosopherState;
import dev.interleave.engine.philosophers.TableEvent;
import dev.interleave.engine.philosophers.TableView;
import dev.interleave.ui.kit.Controls;
import dev.interleave.ui.kit.Words;

/**
 * The table drawn round: each philosopher in its seat with its state in words, a glyph and a
 * colour, and its meals; each fork on the table between two seats, or in the hand of the
 * philosopher holding it; an arrow from each waiting philosopher to the fork it waits for (dashed
 * for a wait with a time limit, red in a deadlock's circle). P1 sits at the top and the seats go
 * round counter-clockwise, so that each philosopher's left fork (Fi) lies on its left hand as it
 * faces the table. A click on a seat steps that philosopher. Scene-graph nodes, styled by the
 * stylesheet's pseudo-classes; FX thread only.
 */
final class TableDrawing extends Pane {

    /**
     * The drawings' own height in the stylesheet, in em of unscaled text, past which a tall window
     * makes them taller (PhilosophersView.fit).
     */
    static final double GROWS_FROM_EM = 32;
    /**
     * The size, in em, of a drawing past which its seats grow with it (up to 1.6 times): the
     * drawings' least height. From 32 em, at 1920x1080 (text 17.5 px, drawings 558 px) they did not
     * grow, their words 12 px.
     */
    static final double SEATS_GROW_FROM_EM = PhilosophersView.LEAST_DRAWINGS_EM;

    /**
     * From this many philosophers on, the table is crowded: its seats leave their meal count to the
     * meal bars and the tooltip, and say their state in short words ({@link Seat#compactWords}) at the
     * view's own text size. Twelve seats in full words, at 150 % in 1024x700, shrank to 0.65 of their
     * size on the ring, their words 11 px against the window's 19.5 (a teacher's projector).
     */
    static final int COMPACT_FROM = 9;

    static final PseudoClass IN_CIRCLE = PseudoClass.getPseudoClass("in-circle");
    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");
    private static final PseudoClass HELD = PseudoClass.getPseudoClass("held");
    /** A fork in a hand that holds both its forks (eating): in eating's colour, as the seat's border. */
    private static final PseudoClass EATEN_WITH = PseudoClass.getPseudoClass("eaten-with");
    private static final PseudoClass TIMED = PseudoClass.getPseudoClass("timed");
    private static final PseudoClass STARVING = PseudoClass.getPseudoClass("starving");

    private final PhilosophersViewModel model;
    private final Circle table = new Circle();
    private final List<Seat> seats = new ArrayList<>();
    private final List<Line> forks = new ArrayList<>();
    /**
     * A line from a held fork to its holder's seat, a hand: a fork in hand lies between two seats, and
     * "P1 has F1" read as P5's with P5's arrow pointing at it (a teacher's tryout).
     */
    private final List<Line> grips = new ArrayList<>();
    private final List<Label> forkNames = new ArrayList<>();
    private final List<Arrow> arrows = new ArrayList<>();

    TableDrawing(PhilosophersViewModel model) {
        this.model = model;
        setId("table");
        getStyleClass().add("table-drawing");
        table.getStyleClass().add("table-top");
        table.setManaged(false);
        getChildren().add(table);
        // Sizes in the stylesheet, in em: the drawing grows with the window's text.
        model.philosophers().addListener((ListChangeListener<TableView.Diner>) change -> update());
        model.forkHolders().addListener((ListChangeListener<Integer>) change -> update());
        model.circle().addListener((ListChangeListener<Integer>) change -> update());
        model.starving().addListener((ListChangeListener<Integer>) change -> update());
        update();
    }

    /** Makes one seat, fork and arrow per philosopher, and shows each one's state. */
    private void update() {
        List<TableView.Diner> diners = model.philosophers();
        int n = diners.size();
        while (seats.size() > n) {
            getChildren().removeAll(seats.removeLast(), forks.removeLast(), grips.removeLast(), forkNames.removeLast(),
                    arrows.removeLast());
        }
        while (seats.size() < n) {
            int p = seats.size();
            Line fork = new Line();
            fork.setId("fork-" + Names.fork(p));
            fork.getStyleClass().add("fork");
            fork.setManaged(false);
            Line grip = new Line();
            grip.setId("grip-" + Names.fork(p));
            grip.getStyleClass().add("fork-grip");
            grip.setManaged(false);
            Label forkName = new Label(Names.fork(p));
            forkName.getStyleClass().add("fork-name");
            forkName.setManaged(false);
            Arrow arrow = new Arrow();
            arrow.setId("wait-" + Names.philosopher(p));
            arrow.getStyleClass().add("wait-arrow");
            Seat seat = new Seat(p);
            // Chosen by click, or by keyboard: Tab to the seat, Enter (as a gate's chip in the buffer).
            seat.setOnMouseClicked(e -> model.stepPhilosopher(p));
            // Focused by the press, as a button is: the page keeps the focused node where it is on
            // screen (ScrollAnchor) while the verdict above the table grows a line or three, so that
            // the next seat a teacher clicks is still under the pointer. Consumed: the scroll pane
            // took the focus for itself as the press went on up to it.
            seat.setOnMousePressed(e -> {
                seat.requestFocus();
                e.consume();
            });
            seat.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    model.stepPhilosopher(p);
                    e.consume();
                }
            });
            // Placed by this drawing, not by a layout of their own (unmanaged): words grown after the
            // placing (their style came after the first layout, at 150 % with the settings panel
            // hidden) were cut to "t…" at the size placed, and the forks' names to nothing, until a run.
            InvalidationListener placeAgain = o -> requestLayout();
            forkName.fontProperty().addListener(placeAgain);
            for (Label words : List.of(seat.name, seat.state, seat.meals)) {
                words.fontProperty().addListener(placeAgain);
            }
            forks.add(fork);
            grips.add(grip);
            forkNames.add(forkName);
            arrows.add(arrow);
            seats.add(seat);
            getChildren().addAll(grip, fork, forkName, arrow, seat);
        }
        // One way of writing the counts for the whole table: "9,076 meals" beside "15.4k meals" read as two units.
        long most = diners.stream().mapToLong(TableView.Diner::meals).max().orElse(0);
        for (int p = 0; p < n; p++) {
            TableView.Diner diner = diners.get(p);
            seats.get(p).show(diner, most, model.circle().contains(p), model.starving().contains(p), n >= COMPACT_FROM);
            Arrow arrow = arrows.get(p);
            arrow.setVisible(diner.waitingFor() >= 0);
            arrow.pseudoClassStateChanged(TIMED, diner.timedWait());
            arrow.pseudoClassStateChanged(IN_CIRCLE, diner.waitingFor() >= 0 && model.circle().contains(p));
            List<Integer> holders = model.forkHolders();
            // The guard layoutChildren places a fork in hand by: a holder past the seats has no hand.
            boolean held = p < holders.size() && holders.get(p) >= 0 && holders.get(p) < n;
            boolean inCircle = held && model.circle().contains(holders.get(p));
            forks.get(p).pseudoClassStateChanged(HELD, held);
            forks.get(p).pseudoClassStateChanged(IN_CIRCLE, inCircle);
            // Held to eat, or held while waiting for the other: an eater's two forks were drawn as a
            // waiter's are, and a learner saw no difference from the forks on the table (a tryout).
            // Both in one hand: eating, or just eaten and about to put them down (a step at a time,
            // the meal is between two steps).
            int holder = held ? holders.get(p) : -1;
            boolean eatenWith = held && holders.size() == n
                    && holders.get(holder) == holder && holders.get((holder + 1) % n) == holder;
            forks.get(p).pseudoClassStateChanged(EATEN_WITH, eatenWith);
            forkNames.get(p).pseudoClassStateChanged(COMPACT, n >= COMPACT_FROM);
            Line grip = grips.get(p);
            grip.setVisible(held);
            grip.pseudoClassStateChanged(IN_CIRCLE, inCircle);
            grip.pseudoClassStateChanged(EATEN_WITH, eatenWith);
        }
        requestLayout();
    }

    /** Angle (radians, screen coordinates) of seat p of n: P1 at the top, then counter-clockwise. */
    private static double seatAngle(int p, int n) {
        return -Math.PI / 2 - 2 * Math.PI * p / n;
    }

    /** Angle of fork f on the table: between Pf (its left fork) and P(f-1) (its right fork). */
    private static double forkAngle(int f, int n) {
        return -Math.PI / 2 - 2 * Math.PI * (f - 0.5) / n;
    }

    /**
     * Angle of fork f held by seat {@code holder} (none: -1): on the table, {@link #forkAngle(int, int)};
     * in a hand, in front of the holder, {@code hand} from it ({@link #handAngle}), on the side of the
     * hand that holds it. At the seats' angles on the ring, not at their directions from the centre: on
     * a ring wider than tall those crowd together at the sides, and the forks' names there lay on each
     * other (or the table grew over the seats at the top and bottom to part them).
     */
    private static double forkAngle(int f, int holder, int n, double hand) {
        double onTable = forkAngle(f, n);
        if (holder < 0 || holder >= n) {
            return onTable;
        }
        double ha = seatAngle(holder, n);
        double offset = Math.IEEEremainder(onTable - ha, 2 * Math.PI);
        return ha + Math.signum(offset) * hand;
    }

    /** How far a fork's middle lies from the centre of a table of {@code tableRadius}: inside its edge, or in a hand just outside. */
    private static double forkRadius(double tableRadius, double forkHalf, boolean held) {
        return held ? tableRadius + forkHalf + 4 : tableRadius - forkHalf - 4;
    }

    /**
     * How far in from its fork's middle a fork's name lies, towards the centre of the table: its box
     * ({@code width} x {@code height}) clear of the fork's end, 3 px, whatever the angle (half its
     * larger side touched the fork on the diagonals: "F2").
     */
    private static double nameInward(double angle, double forkHalf, double forkWidth, double width, double height) {
        return forkHalf + forkWidth / 2 + width / 2 * Math.abs(Math.cos(angle)) + height / 2 * Math.abs(Math.sin(angle)) + 3;
    }

    /**
     * The largest ring radius on which n seats of {@code seatWidth} x {@code seatHeight} (as scaled)
     * stay 2 px inside a drawing whose centre is ({@code cx}, {@code cy}): each seat is bounded
     * across by the width and down by the height, not by its larger side in every direction.
     */
    static double ring(int n, double cx, double cy, double seatWidth, double seatHeight) {
        double ring = Double.MAX_VALUE;
        for (int p = 0; p < n; p++) {
            double a = seatAngle(p, n);
            double across = Math.abs(Math.cos(a));
            double down = Math.abs(Math.sin(a));
            if (across > 1e-9) {
                ring = Math.min(ring, (cx - 2 - seatWidth / 2) / across);
            }
            if (down > 1e-9) {
                ring = Math.min(ring, (cy - 2 - seatHeight / 2) / down);
            }
        }
        return Math.max(0, ring);
    }

    /**
     * The ring of n seats of {@code seatWidth} x {@code seatHeight} (unscaled) at {@code scale}: how
     * far down ({@code [0]}) and across ({@code [1]}) from the centre. A circle as large as the drawing
     * allows; where its seats cannot be their size on it, as little wider as lets them, at most
     * {@link #WIDEST} times and the drawing's width.
     */
    static double[] rings(int n, double cx, double cy, double seatWidth, double seatHeight, double scale) {
        double ring = ring(n, cx, cy, seatWidth * scale, seatHeight * scale);
        if (apart(n, ring, ring, seatWidth, seatHeight) >= 1) {
            return new double[] {ring, ring};
        }
        double widest = Math.max(ring, Math.min(WIDEST * ring, cx - 2 - seatWidth * scale / 2));
        if (apart(n, widest, ring, seatWidth, seatHeight) <= 1) {
            return new double[] {ring, widest};
        }
        double narrow = ring;
        double wide = widest;
        for (int k = 0; k < 16; k++) { // apart() grows with the width: halve the interval where it reaches 1
            double mid = (narrow + wide) / 2;
            if (apart(n, mid, ring, seatWidth, seatHeight) >= 1) {
                wide = mid;
            } else {
                narrow = mid;
            }
        }
        return new double[] {ring, wide};
    }

    /**
     * The least table on which the names of its n forks lying on it stay apart by {@link #NAMES_GAP_PX},
     * each name {@code nameWidths[f]} x {@code nameHeights[f]} beside a fork {@code forkWidth} thick,
     * placed as {@link #layoutChildren} places them. Names are boxes: a disc's reckoning (centres a
     * name's size apart) let F3, F4 and F5 run into each other on the diagonals at the foot of a table
     * of five squeezed by its seats at 150 %, 26 px apart, 20 px by 20 px each. Forks in hand lie
     * outside the table, their angle from their holder chosen for the table's size ({@link #handAngle}).
     */
    static double leastTable(int n, double[] nameWidths, double[] nameHeights, double forkHalf, double forkWidth) {
        NamePlace[] onTable = new NamePlace[n];
        double least = 0;
        for (int f = 0; f < n; f++) {
            onTable[f] = namePlace(f, -1, n, 0, forkHalf, forkWidth, nameWidths[f], nameHeights[f]);
            // Each name on its own side of the centre, clear of it.
            least = Math.max(least, onTable[f].k() + Math.max(nameWidths[f], nameHeights[f]) / 2 + 2);
        }
        for (int f = 0; f < n; f++) {
            for (int g = f + 1; g < n; g++) {
                NamePlace a = onTable[f];
                NamePlace b = onTable[g];
                // The centres' difference is linear in R, R * d - e, across and down: apart across or
                // down is enough, each from the R where it starts to be.
                double across = apartFrom(Math.cos(a.angle()) - Math.cos(b.angle()),
                        a.k() * Math.cos(a.angle()) - b.k() * Math.cos(b.angle()),
                        (nameWidths[f] + nameWidths[g]) / 2 + NAMES_GAP_PX);
                double down = apartFrom(Math.sin(a.angle()) - Math.sin(b.angle()),
                        a.k() * Math.sin(a.angle()) - b.k() * Math.sin(b.angle()),
                        (nameHeights[f] + nameHeights[g]) / 2 + NAMES_GAP_PX);
                least = Math.max(least, Math.min(across, down));
            }
        }
        return least;
    }

    /**
     * The least R from which {@code |R * d - e|} is at least {@code apart}, keeping the sign of d (as R
     * grows); none where d is 0 (the two names move together along that axis).
     */
    private static double apartFrom(double d, double e, double apart) {
        return Math.abs(d) < 1e-9 ? Double.MAX_VALUE : (apart + Math.signum(d) * e) / Math.abs(d);
    }

    /**
     * The angle, from its holder's seat, at which a fork in hand lies on a table of {@code tableRadius}:
     * a quarter of the way to the next seat (at most 0.35 rad), or further round, up to half way (where
     * the fork lay on the table), as far as it takes for every fork's name to stand apart from every
     * other's, {@link #NAMES_GAP_PX}, wherever the forks are: the two in one hand lie half as far apart
     * round the table as two lying on it, and their names ran into each other on a table squeezed by
     * its seats. Holders not counted, so that a fork keeps its place in a hand as the others change hands.
     */
    static double handAngle(int n, double tableRadius, double[] nameWidths, double[] nameHeights, double forkHalf,
                            double forkWidth, double heldWidth) {
        double least = Math.min(Math.PI / n * 0.5, 0.35);
        double most = Math.max(least, Math.PI / n);
        for (int step = 0; step < HAND_STEPS; step++) {
            double hand = least + (most - least) * step / HAND_STEPS;
            if (namesApart(n, tableRadius, hand, nameWidths, nameHeights, forkHalf, forkWidth, heldWidth)) {
                return hand;
            }
        }
        return most;
    }

    /** How many angles {@link #handAngle} tries between its least and its most. */
    private static final int HAND_STEPS = 16;

    /**
     * Whether every two forks' names stand apart on a table of {@code tableRadius}, each fork on the
     * table or in either neighbour's hand ({@code hand} from the holder), every pair of such places but
     * two on the table, which the table's size keeps apart ({@link #leastTable}) or, squeezed, cannot.
     */
    private static boolean namesApart(int n, double tableRadius, double hand, double[] nameWidths, double[] nameHeights,
                                      double forkHalf, double forkWidth, double heldWidth) {
        NamePlace[][] places = new NamePlace[n][];
        for (int f = 0; f < n; f++) {
            places[f] = new NamePlace[] {
                namePlace(f, -1, n, hand, forkHalf, forkWidth, nameWidths[f], nameHeights[f]),
                namePlace(f, Math.floorMod(f - 1, n), n, hand, forkHalf, heldWidth, nameWidths[f], nameHeights[f]),
                namePlace(f, f, n, hand, forkHalf, heldWidth, nameWidths[f], nameHeights[f])};
        }
        for (int f = 0; f < n; f++) {
            for (int g = f + 1; g < n; g++) {
                double apartX = (nameWidths[f] + nameWidths[g]) / 2 + NAMES_GAP_PX;
                double apartY = (nameHeights[f] + nameHeights[g]) / 2 + NAMES_GAP_PX;
                for (int i = 0; i < places[f].length; i++) {
                    for (int j = i == 0 ? 1 : 0; j < places[g].length; j++) { // two on the table: leastTable's
                        NamePlace a = places[f][i];
                        NamePlace b = places[g][j];
                        double dx = (tableRadius - a.k()) * Math.cos(a.angle()) - (tableRadius - b.k()) * Math.cos(b.angle());
                        double dy = (tableRadius - a.k()) * Math.sin(a.angle()) - (tableRadius - b.k()) * Math.sin(b.angle());
                        if (Math.abs(dx) < apartX - 1e-6 && Math.abs(dy) < apartY - 1e-6) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    /**
     * Where a fork's name lies: at {@code angle}, {@code tableRadius - k} from the table's centre.
     * The name is centred there.
     */
    private record NamePlace(double angle, double k) {}

    /**
     * Where the name of fork f lies, held by seat {@code holder} (none: -1), {@code hand} from it, the
     * fork {@code forkWidth} thick, the name {@code width} x {@code height}.
     */
    private static NamePlace namePlace(int f, int holder, int n, double hand, double forkHalf, double forkWidth,
                                       double width, double height) {
        boolean held = holder >= 0;
        double angle = forkAngle(f, holder, n, hand);
        return new NamePlace(angle, -forkRadius(0, forkHalf, held) + nameInward(angle, forkHalf, forkWidth, width, height));
    }

    /** The gap between two fork names, in pixels, that the table keeps: touching names read as one ("F4F5"). */
    static final double NAMES_GAP_PX = 2;

    /**
     * A fork's width on the table and in a hand, in em, as the stylesheet has them (philosophers.css,
     * .fork and .fork:held): the table's size and the forks' places are reckoned from the text size,
     * not from the forks, whose width grows when one is picked up (and the table then shrank by a pixel
     * as a deadlock closed).
     */
    private static final double FORK_WIDTH_EM = 0.31;
    private static final double HELD_FORK_WIDTH_EM = 0.385;

    /** How much wider than tall a crowded table's ring of seats may be. */
    static final double WIDEST = 2.0;

    /**
     * The largest scale at which n seats of {@code seatWidth} x {@code seatHeight} (unscaled), on a
     * ring {@code ringX} across and {@code ringY} down from the centre, stay apart from their
     * neighbours: side by side, or one above the other.
     */
    static double apart(int n, double ringX, double ringY, double seatWidth, double seatHeight) {
        double fits = Double.MAX_VALUE;
        for (int p = 0; p < n; p++) {
            double a = seatAngle(p, n);
            double b = seatAngle((p + 1) % n, n);
            double across = Math.abs(ringX * (Math.cos(b) - Math.cos(a)));
            double down = Math.abs(ringY * (Math.sin(b) - Math.sin(a)));
            fits = Math.min(fits, Math.max(across / (seatWidth * 1.04), down / (seatHeight * 1.04)));
        }
        return fits;
    }

    /**
     * The table's radius inside n seats on a ring {@code ringX} across and {@code ring} down, scaled by
     * {@code scale}, with forks in hand between: clear of each seat's inner edge.
     */
    private static double table(int n, double ringX, double ring, double scale, double seatWidth, double seatHeight,
                                double forkHalf) {
        double inside = Double.MAX_VALUE;
        for (int p = 0; p < n; p++) {
            double a = seatAngle(p, n);
            double x = ringX * Math.cos(a);
            double y = ring * Math.sin(a);
            inside = Math.min(inside, Math.hypot(x, y) - reach(Math.atan2(y, x), seatWidth * scale, seatHeight * scale));
        }
        return Math.max(ring * 0.3, inside - 2 * forkHalf - 8);
    }

    /** How far a seat of {@code width} x {@code height} reaches from its centre along the direction {@code angle}. */
    static double reach(double angle, double width, double height) {
        return Math.abs(Math.cos(angle)) * width / 2 + Math.abs(Math.sin(angle)) * height / 2;
    }

    @Override
    protected void layoutChildren() {
        int n = seats.size();
        if (n == 0) {
            return;
        }
        double w = getWidth();
        double h = getHeight();
        // On whole pixels: a centre at x.5 rounded to either side with the radius's last bits, and the
        // table seemed to move a pixel as a seat's words changed.
        double cx = Math.round(w / 2);
        double cy = Math.round(h / 2);
        double seatWidth = 0;
        double seatHeight = 0;
        for (Seat seat : seats) {
            seatWidth = Math.max(seatWidth, Math.max(seat.prefWidth(-1), seat.reservedWidth(n)));
            seatHeight = Math.max(seatHeight, seat.reservedHeight());
        }
        // Seats on a ring inside the drawing, scaled down when neighbours would overlap; the forks
        // in hand between the seats and the table; the table inside. A seat takes room along its own
        // direction from the centre: its height at the top and bottom, its width at the sides. Its
        // width grows with its meal count ("123,456 meals"), so the seats of two philosophers, one at
        // the top and one at the bottom, once pulled the ring and the table in as their meals grew,
        // until the table was a quarter of the drawing and the fork names F1 and F2 lay on each other.
        // In a drawing past its least size the seats grow with it, up to 1.6 times, so that their words
        // read from the back of a room: 10 px in a 600 px drawing, before.
        // A crowded table's ring widens into an ellipse, as far as the drawing's width allows (at most
        // WIDEST times as wide as tall): the seats, wider than tall, then stand apart side by side at
        // the top and bottom, and one above the other at the sides. On a circle, twelve seats at
        // 1280x800 shrank to 0.55 of their size, their words 7 px.
        double em = seats.getFirst().name.getFont().getSize();
        double grow = Math.clamp(Math.min(w, h) / (SEATS_GROW_FROM_EM * em), 1, 1.6);
        double scale = 1;
        double[] rings = rings(n, cx, cy, seatWidth, seatHeight, scale);
        for (int i = 0; i < 4; i++) {
            scale = Math.max(0.55, Math.min(grow, apart(n, rings[1], rings[0], seatWidth, seatHeight)));
            rings = rings(n, cx, cy, seatWidth, seatHeight, scale);
        }
        // The rings are for the scale found; seats that must be smaller on them still fit, and stand further apart.
        scale = Math.max(0.55, Math.min(scale, apart(n, rings[1], rings[0], seatWidth, seatHeight)));
        double ring = rings[0];
        double ringX = rings[1];
        double room = Math.min(cx, cy) - 2;
        // 16 px long up to 150 % in a small window (19.5 px text), longer as the text grows past that,
        // as the forks grow thicker with it (the stylesheet's em): on a projector they were stubs.
        double forkHalf = Math.max(7, Math.min(16 * Math.max(1, em / 19.5), room * 0.07));
        // The least table on which the names of the forks lying on it stay apart (five names lay on
        // each other in the middle of a table squeezed by wide seats at 150 %): seats shrink for it,
        // to a point, and past that the table keeps that size under the seats' inner edges.
        double[] nameWidths = new double[n];
        double[] nameHeights = new double[n];
        for (int f = 0; f < n; f++) {
            nameWidths[f] = forkNames.get(f).prefWidth(-1);
            nameHeights[f] = forkNames.get(f).prefHeight(-1);
        }
        double leastTable = leastTable(n, nameWidths, nameHeights, forkHalf, FORK_WIDTH_EM * em);
        double tableRadius = table(n, ringX, ring, scale, seatWidth, seatHeight, forkHalf);
        // Words at the view's text size (philosophers.css) read from the back of a room; seats that
        // shrink for the table keep them at 0.85 of it (they were 0.85 em, then 0.85 of that: 9 px at
        // 100 %, a teacher's tryout).
        double leastScale = Math.min(scale, 0.85); // seats that shrink further are hard to read (12 at 150 %)
        while (tableRadius < leastTable && scale > leastScale) {
            scale = Math.max(leastScale, scale - 0.05);
            rings = rings(n, cx, cy, seatWidth, seatHeight, scale);
            ring = rings[0];
            ringX = rings[1];
            tableRadius = table(n, ringX, ring, scale, seatWidth, seatHeight, forkHalf);
        }
        tableRadius = Math.max(tableRadius, Math.min(leastTable, room * 0.6));
        double hand = handAngle(n, tableRadius, nameWidths, nameHeights, forkHalf, FORK_WIDTH_EM * em,
                HELD_FORK_WIDTH_EM * em);
        table.setCenterX(cx);
        table.setCenterY(cy);
        table.setRadius(tableRadius);
        List<Integer> holders = model.forkHolders();
        double[][] forkAt = new double[n][2];
        double[][] forkOuterEnd = new double[n][2];
        for (int p = 0; p < n; p++) {
            Seat seat = seats.get(p);
            double a = seatAngle(p, n);
            double sw = seat.prefWidth(-1);
            // Every seat as tall as the tallest reserved, its words centred in it: a seat that took a
            // line ("has F1") grew up and down from its centre, and its top, where the page anchors a
            // clicked seat, moved under the pointer.
            double sh = seatHeight;
            seat.resizeRelocate(cx + ringX * Math.cos(a) - sw / 2, cy + ring * Math.sin(a) - sh / 2, sw, sh);
            seat.setScaleX(scale);
            seat.setScaleY(scale);

            // A fork on the table lies near its edge between its two philosophers, pointing at the
            // centre; in a hand, it lies just outside the table in front of the holder, on the side
            // of the hand that holds it.
            int holder = p < holders.size() ? holders.get(p) : -1;
            boolean held = holder >= 0 && holder < n;
            double angle = forkAngle(p, held ? holder : -1, n, hand);
            double fr = forkRadius(tableRadius, forkHalf, held);
            double fx = cx + fr * Math.cos(angle);
            double fy = cy + fr * Math.sin(angle);
            Line fork = forks.get(p);
            fork.setStartX(fx - forkHalf * Math.cos(angle));
            fork.setStartY(fy - forkHalf * Math.sin(angle));
            fork.setEndX(fx + forkHalf * Math.cos(angle));
            fork.setEndY(fy + forkHalf * Math.sin(angle));
            forkAt[p][0] = fx;
            forkAt[p][1] = fy;
            forkOuterEnd[p][0] = fork.getEndX();
            forkOuterEnd[p][1] = fork.getEndY();
            // Its name beside it, towards the centre of the table, where leastTable and handAngle
            // reckon it to be (clear of the fork as thick as it is drawn).
            Label name = forkNames.get(p);
            double lw = nameWidths[p];
            double lh = nameHeights[p];
            double inward = nameInward(angle, forkHalf, fork.getStrokeWidth(), lw, lh);
            name.resizeRelocate(fx - inward * Math.cos(angle) - lw / 2, fy - inward * Math.sin(angle) - lh / 2, lw, lh);
        }
        for (int f = 0; f < n; f++) {
            // The hand: from the holder's seat (its edge, as scaled) to the fork's outer end.
            int holder = f < holders.size() ? holders.get(f) : -1;
            if (holder < 0 || holder >= n) {
                continue;
            }
            Seat seat = seats.get(holder);
            double sx = seat.getLayoutX() + seat.getWidth() / 2;
            double sy = seat.getLayoutY() + seat.getHeight() / 2;
            double dx = forkOuterEnd[f][0] - sx;
            double dy = forkOuterEnd[f][1] - sy;
            double length = Math.max(1, Math.hypot(dx, dy));
            double edge = Math.min(length, seatEdge(seat.getWidth() * scale / 2, seat.getHeight() * scale / 2, dx, dy));
            Line grip = grips.get(f);
            grip.setStartX(sx + dx / length * edge);
            grip.setStartY(sy + dy / length * edge);
            grip.setEndX(forkOuterEnd[f][0]);
            grip.setEndY(forkOuterEnd[f][1]);
        }
        for (int p = 0; p < n; p++) {
            TableView.Diner diner = p < model.philosophers().size() ? model.philosophers().get(p) : null;
            if (diner == null || diner.waitingFor() < 0 || diner.waitingFor() >= n) {
                continue;
            }
            // From the edge of the seat (as scaled) to just short of the fork's middle: straight
            // when that clears the table, else bent round it. With two or three philosophers a
            // straight arrow crossed the table; with two it ran along the fork in the other's hand,
            // covering it.
            Seat seat = seats.get(p);
            double sx = seat.getLayoutX() + seat.getWidth() / 2;
            double sy = seat.getLayoutY() + seat.getHeight() / 2;
            double tx = forkAt[diner.waitingFor()][0];
            double ty = forkAt[diner.waitingFor()][1];
            double qx = (sx + tx) / 2;
            double qy = (sy + ty) / 2;
            if (distanceToSegment(cx, cy, sx, sy, tx, ty) < tableRadius + forkHalf) {
                // The curve's middle point outside the table and the forks in hand, half-way round
                // from the seat to the fork the shorter way.
                double fromAngle = Math.atan2(sy - cy, sx - cx);
                double half = Math.IEEEremainder(Math.atan2(ty - cy, tx - cx) - fromAngle, 2 * Math.PI) / 2;
                double clear = tableRadius + 2 * forkHalf + 12;
                qx = 2 * (cx + clear * Math.cos(fromAngle + half)) - (sx + tx) / 2;
                qy = 2 * (cy + clear * Math.sin(fromAngle + half)) - (sy + ty) / 2;
            }
            double edge = seatEdge(seat.getWidth() * scale / 2, seat.getHeight() * scale / 2, qx - sx, qy - sy);
            double out = Math.max(1, Math.hypot(qx - sx, qy - sy));
            double in = Math.max(1, Math.hypot(tx - qx, ty - qy));
            double start = Math.min(out * 0.6, edge + 2);
            arrows.get(p).set(sx + (qx - sx) / out * start, sy + (qy - sy) / out * start, qx, qy,
                    tx - (tx - qx) / in * 4, ty - (ty - qy) / in * 4);
        }
    }

    /** How far from a box's centre its edge lies in direction (dx, dy), for a box halfW by halfH each side. */
    private static double seatEdge(double halfW, double halfH, double dx, double dy) {
        double length = Math.max(1, Math.hypot(dx, dy));
        return Math.min(Math.abs(dx) < 1e-9 ? Double.MAX_VALUE : halfW * length / Math.abs(dx),
                Math.abs(dy) < 1e-9 ? Double.MAX_VALUE : halfH * length / Math.abs(dy));
    }

    /** The distance from (px, py) to the segment from (ax, ay) to (bx, by). */
    private static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : Math.clamp(((px - ax) * dx + (py - ay) * dy) / lengthSquared, 0, 1);
        return Math.hypot(ax + t * dx - px, ay + t * dy - py);
    }

    /** One philosopher: name and glyph, state in words, meals; colour from its state. */
    static final class Seat extends VBox {
        private final Label name = new Label();
        private final Label state = new Label();
        private final Label meals = new Label();
        private PhilosopherState shown;
        /** Whether the seat is at a crowded table ({@link #COMPACT_FROM}): short words, no meal count. */
        private boolean compact;
        private final Tooltip tip = Controls.tip("");
        /*
         * A cache of the widest line's width, for a table of widestFor with the two fonts (the zoom
         * changes them): reservedWidth is asked at every layout. FX thread.
         */
        private int widestFor = -1;
        private Font widestMealsFont;
        private Font widestStateFont;
        private double widestText;
        private boolean widestCompact;
        /** Two lines in the state's style, never shown: how tall the state's words are on two lines. */
        private final Label twoLines = new Label("X\nX");

        Seat(int p) {
            setId("seat-" + Names.philosopher(p));
            getStyleClass().add("seat");
            setAlignment(Pos.CENTER);
            setManaged(false);
            setFocusTraversable(true);
            name.getStyleClass().add("seat-name");
            state.getStyleClass().add("seat-state");
            state.setTextAlignment(TextAlignment.CENTER);
            meals.getStyleClass().add("seat-meals");
            twoLines.getStyleClass().add("seat-state-measure"); // the state's font: its size is all the measure needs
            twoLines.setManaged(false);
            twoLines.setVisible(false);
            getChildren().addAll(name, state, meals, twoLines);
        }

        /**
         * Shows {@code diner}, its meal count written as the most any seat has ({@code most}) needs;
         * at a crowded table ({@code compact}), in short words and without the count.
         */
        void show(TableView.Diner diner, long most, boolean inCircle, boolean starving, boolean compact) {
            // In the circle, ✘ (the failure's glyph) rather than the waiting one's ■: the two cards
            // differed by colour alone, "■ P2 waits F2" in orange beside "■ P1 has F1 waits F2" in red.
            name.setText((inCircle ? "✘" : glyph(diner.state())) + " " + diner.name());
            if (compact != this.compact) {
                this.compact = compact;
                pseudoClassStateChanged(COMPACT, compact);
                meals.setVisible(!compact);
                meals.setManaged(!compact);
            }
            state.setText(compact ? compactWords(diner) : PhilosophersViewModel.shortWords(diner));
            Tooltip.install(this, tip);
            tip.setText(diner.name() + ": " + PhilosophersViewModel.words(diner) + ", " + Words.count(diner.meals(), "meal")
                    + ". Click (or Tab here and Enter)"
                    + " while paused to let " + diner.name() + " take its next fork action (from idle, the run starts"
                    + " paused).");
            meals.setText(mealsWords(diner.meals(), most));
            if (shown != diner.state()) {
                if (shown != null) {
                    pseudoClassStateChanged(pseudo(shown), false);
                }
                shown = diner.state();
                pseudoClassStateChanged(pseudo(shown), true);
            }
            pseudoClassStateChanged(IN_CIRCLE, inCircle);
            pseudoClassStateChanged(STARVING, starving);
        }

        /**
         * The width this seat takes, at a table of {@code n}, once its meal count is at its widest
         * ("9,999 meals", "99.9k meals", "999k meals" or "99.9M meals") and its state's words are
         * ("has F12" over "waits F11", "ate" over "puts F11+F12"): reserved from the start, so that the
         * seats, the ring and the table keep their sizes as the counts grow and the forks change hands.
         */
        double reservedWidth(int n) {
            // Measured again only when the table's size or a font (the zoom) changes: this is asked at every layout.
            if (n != widestFor || meals.getFont() != widestMealsFont || state.getFont() != widestStateFont
                    || compact != widestCompact) {
                widestFor = n;
                widestMealsFont = meals.getFont();
                widestStateFont = state.getFont();
                widestCompact = compact;
                widestText = 0;
                for (String count : compact ? List.<String>of()
                        : List.of("9,999 meals", "99.9k meals", "999k meals", "99.9M meals")) {
                    widestText = Math.max(widestText, Controls.textWidth(count, widestMealsFont));
                }
                for (String line : compact ? widestCompactLines(n) : widestStateLines(n)) {
                    widestText = Math.max(widestText, Controls.textWidth(line, widestStateFont));
                }
            }
            return widestText + snappedLeftInset() + snappedRightInset() + 2 + 2 * borderToCome();
        }

        /**
         * The height this seat takes when its state's words are two lines ("has F1" over "waits F2"):
         * reserved from the start as the width is.
         */
        double reservedHeight() {
            double height = prefHeight(-1) + 2 * borderToCome();
            return state.getText().contains("\n") ? height : height - state.prefHeight(-1) + twoLines.prefHeight(-1);
        }

        /**
         * How much wider each side's border will be in a deadlock's circle (3 px, against 2 px
         * thinking): reserved too, or the ring, and the table, shrank by 2 px as the circle closed.
         */
        private double borderToCome() {
            double now = getBorder() == null || getBorder().getStrokes().isEmpty() ? 0
                    : getBorder().getStrokes().getFirst().getWidths().getTop();
            return Math.max(0, WIDEST_BORDER_PX - now);
        }

        /** The widest border a seat wears (philosophers.css: eating, or in a circle), in pixels. */
        private static final double WIDEST_BORDER_PX = 3;

        /**
         * Every line a seat's state can read at a table of {@code n}, each state with the widest forks'
         * names (the last two) in hand, waited for and next to act on.
         */
        static List<String> widestStateLines(int n) {
            int last = Math.max(0, n - 1);
            int before = Math.max(0, n - 2);
            List<String> lines = new ArrayList<>();
            for (PhilosopherState s : PhilosopherState.values()) {
                for (List<Integer> inHand : List.of(List.of(last), List.of(before, last))) {
                    for (String next : List.of("pick up " + Names.fork(before), "put down " + Names.fork(last),
                            "ask for a seat")) {
                        lines.addAll(PhilosophersViewModel.shortWords(new TableView.Diner(last, s, inHand, before, false,
                                0, 0, next)).lines().toList());
                    }
                }
            }
            return lines;
        }

        /**
         * Every line a crowded table's seat can read ({@link #compactWords}), with the widest forks'
         * names, as {@link #widestStateLines} has them in full words.
         */
        static List<String> widestCompactLines(int n) {
            int last = Math.max(0, n - 1);
            int before = Math.max(0, n - 2);
            List<String> lines = new ArrayList<>();
            for (PhilosopherState s : PhilosopherState.values()) {
                for (List<Integer> inHand : List.of(List.<Integer>of(), List.of(last), List.of(before, last))) {
                    for (int next : List.of(TableEvent.NEXT_PICK_UP, TableEvent.NEXT_TRY, TableEvent.NEXT_PUT_DOWN,
                            TableEvent.NEXT_SEAT)) {
                        String words = TableEvent.nextWords(next, before);
                        lines.addAll(compactWords(new TableView.Diner(last, s, inHand, before, false, 0, 0, words))
                                .lines().toList());
                    }
                }
            }
            return lines;
        }

        /**
         * A crowded table's seat's state, each line no wider than "waits F11" (at 150 % in 1024x700
         * twelve seats have 115 px each across, words and border): "has F3" over "waits F4", "F3+F4"
         * for two forks in hand, "ate" while they go down (the forks show it), the next action at a
         * gate without its ‖ (the name has it), "no seat" for a wait for the waiter.
         */
        static String compactWords(TableView.Diner diner) {
            String holding = String.join("+", diner.holding().stream().map(Names::fork).toList());
            String has = diner.holding().isEmpty() ? "" : (diner.holding().size() == 1 ? "has " : "") + holding + "\n";
            return switch (diner.state()) {
                case THINKING -> "thinks";
                case HUNGRY -> has + "hungry"; // with "has F3" alone, a rewound seat named no state (a student's tryout)
                case WAITING_FOR_SEAT -> "no seat";
                case WAITING_FOR_FORK -> has + "waits " + Names.fork(diner.waitingFor());
                case TRYING_FORK -> has + "tries " + Names.fork(diner.waitingFor());
                case EATING -> "eats";
                case PUTTING_DOWN -> "ate";
                case BACKING_OFF -> "backs off";
                case AT_GATE -> has + diner.next().replace("reach for ", "take ").replace("put down ", "put ")
                        .replace("ask for a seat", "ask seat");
                case DONE -> "ended";
            };
        }

        /**
         * The meal count as a seat shows it at a table whose most meals are {@code most}: whole while
         * every count is below 10,000, then every one short as the meal bars have it, to the nearest
         * ("113k meals", "9.1k meals", "1.2M meals"; the tooltip has it whole). A seat is as wide as
         * its widest line, and "113,903 meals" at 150 % pulled five seats' ring in until the table was
         * half its size and the five fork names lay on each other in its middle. One way for all the
         * seats at a time: "9,076 meals" beside "15.4k meals" read as two units (a teacher's tryout).
         */
        static String mealsWords(long meals, long most) {
            // A short count only where there is one: "1 meal" beside "15.4k meals", not "1 meals".
            return Math.max(meals, most) < 10_000 || meals < 1_000 ? Words.count(meals, "meal")
                    : MealBars.shortCount(meals) + " meals";
        }

        static PseudoClass pseudo(PhilosopherState state) {
            return PseudoClass.getPseudoClass(state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }

        /** A glyph per state, so that colour is never the only cue. */
        static String glyph(PhilosopherState state) {
            return switch (state) {
                case THINKING -> "☁";
                case HUNGRY -> "○";
                case WAITING_FOR_SEAT -> "☐"; // an empty seat: the hourglass, U+231B, is in no font Debian installs (it drew a box)
                case WAITING_FOR_FORK -> "■";
                case TRYING_FORK -> "◔";
                case EATING -> "●";
                case PUTTING_DOWN -> "↓";
                case BACKING_OFF -> "↺";
                case AT_GATE -> "‖";
                case DONE -> "–"; // left the table: a tick read as success beside a stopped deadlock
            };
        }
    }
}
