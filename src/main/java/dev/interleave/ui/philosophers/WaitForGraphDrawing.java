package dev.interleave.ui.philosophers;

import java.util.ArrayList;
import java.util.List;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;

import dev.interleave.engine.philosophers.Names;
import dev.interleave.engine.philosophers.WaitForGraph;

/**
 * The wait-for graph: a node per philosopher, placed as at the table, and an arrow P → Q labelled
 * with the fork whenever P waits for a fork Q holds (dashed when the wait has a time limit). The
 * deadlock's circle is drawn red and thick, and stays drawn after Stop as the run's record.
 * Scene-graph nodes, styled by the stylesheet; FX thread only.
 */
final class WaitForGraphDrawing extends Pane {

    private static final PseudoClass TIMED = PseudoClass.getPseudoClass("timed");
    /** The shortest arrow between neighbours, in px: its head and one and a half times that in line. */
    static final double LEAST_ARROW = 2.5 * Arrow.HEAD_LENGTH;
    /** The least the nodes are scaled to make room for the arrows. */
    static final double LEAST_SCALE = 0.8;

    private final PhilosophersViewModel model;
    private final List<Label> nodes = new ArrayList<>();
    private final List<Arrow> arrows = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();

    WaitForGraphDrawing(PhilosophersViewModel model) {
        this.model = model;
        setId("wait-for-graph");
        getStyleClass().add("graph-drawing");
        // Sizes in the stylesheet, in em: the drawing grows with the window's text.
        model.philosophers().addListener((ListChangeListener<Object>) change -> update());
        model.edges().addListener((ListChangeListener<Object>) change -> update());
        model.circleEdges().addListener((ListChangeListener<Object>) change -> update());
        update();
    }

    /** The waits to draw: the circle's (red), then every other wait now. */
    private List<WaitForGraph.Edge> waits() {
        List<WaitForGraph.Edge> all = new ArrayList<>(model.circleEdges());
        for (WaitForGraph.Edge edge : model.edges()) {
            if (model.circleEdges().stream().noneMatch(c -> c.from() == edge.from())) {
                all.add(edge);
            }
        }
        return all;
    }

    private void update() {
        int n = model.philosophers().size();
        while (nodes.size() > n) {
            getChildren().remove(nodes.removeLast());
        }
        while (nodes.size() < n) {
            Label node = new Label(Names.philosopher(nodes.size()));
            node.setId("graph-" + Names.philosopher(nodes.size()));
            node.getStyleClass().add("graph-node");
            node.setManaged(false);
            nodes.add(node);
            getChildren().add(node);
        }
        List<WaitForGraph.Edge> waits = waits();
        while (arrows.size() > waits.size()) {
            getChildren().removeAll(arrows.removeLast(), labels.removeLast());
        }
        while (arrows.size() < waits.size()) {
            Arrow arrow = new Arrow();
            arrow.getStyleClass().add("graph-edge");
            Label label = new Label();
            label.getStyleClass().add("graph-edge-label");
            label.setManaged(false);
            arrows.add(arrow);
            labels.add(label);
            getChildren().addAll(0, List.of(arrow, label));
        }
        List<Integer> inCircle = model.circleEdges().stream().map(WaitForGraph.Edge::from).toList();
        for (int p = 0; p < n; p++) {
            nodes.get(p).pseudoClassStateChanged(TableDrawing.IN_CIRCLE, inCircle.contains(p));
        }
        for (int k = 0; k < waits.size(); k++) {
            WaitForGraph.Edge edge = waits.get(k);
            boolean circle = k < model.circleEdges().size();
            arrows.get(k).setId("edge-" + Names.philosopher(edge.from()) + "-" + Names.philosopher(edge.to()));
            arrows.get(k).pseudoClassStateChanged(TableDrawing.IN_CIRCLE, circle);
            arrows.get(k).pseudoClassStateChanged(TIMED, edge.timed());
            labels.get(k).setText(Names.fork(edge.fork()));
            labels.get(k).pseudoClassStateChanged(TableDrawing.IN_CIRCLE, circle);
        }
        requestLayout();
    }

    /**
     * How much smaller than their own size the nodes are drawn, so that an arrow between neighbours on
     * a ring of {@code n} is at least {@link #LEAST_ARROW} long (12 philosophers in 1024x700 need it).
     * Never below {@link #LEAST_SCALE} (the names stay readable); 1 where they have room.
     *
     * @param room the ring's radius plus half a node: from the centre to the drawing's nearer edge
     */
    static double nodeScale(int n, double room, double nodeSize) {
        if (n < 3) {
            return 1; // two: face to face across the drawing
        }
        // Neighbours' centres are 2 sin(pi/n) (room - scaled size / 2) apart; the arrow between them
        // leaves 3 px at each end.
        double sin = Math.sin(Math.PI / n);
        double fits = (2 * sin * room - 6 - LEAST_ARROW) / (nodeSize * (1 + sin));
        return Math.max(LEAST_SCALE, Math.min(1, fits));
    }

    /**
     * How high a ring of its philosophers needs to be for arrows of {@link #LEAST_ARROW} between
     * nodes at {@link #LEAST_SCALE} ({@link #nodeScale}'s bound), or its least height in the
     * stylesheet if more: the note under it keeps room for its tallest words only down to this (at
     * 12 philosophers in 1024x700, room kept for five lines left arrows of 6 px).
     */
    double leastHeight() {
        double least = minHeight(-1);
        int n = nodes.size();
        if (n < 3) {
            return least;
        }
        double nodeSize = nodeSize();
        nodeSizeForLeast = nodeSize;
        double sin = Math.sin(Math.PI / n);
        double room = (LEAST_SCALE * nodeSize * (1 + sin) + 6 + LEAST_ARROW) / (2 * sin);
        return Math.max(least, Math.ceil(2 * (room + 4)));
    }

    /** The side of the square the largest node fits in, as styled now. */
    private double nodeSize() {
        double size = 0;
        for (Label node : nodes) {
            size = Math.max(size, Math.max(node.prefWidth(-1), node.prefHeight(-1)));
        }
        return size;
    }

    /**
     * The node size the last {@link #leastHeight} was for: the nodes are unmanaged, so their styling
     * (new nodes are unstyled at first) does not ask the column to lay this drawing out again.
     */
    private double nodeSizeForLeast = Double.NaN;

    @Override
    protected void layoutChildren() {
        int n = nodes.size();
        double cx = getWidth() / 2;
        double cy = getHeight() / 2;
        double nodeSize = nodeSize();
        if (n >= 3 && nodeSize != nodeSizeForLeast) {
            nodeSizeForLeast = nodeSize;
            Platform.runLater(this::requestLayout); // the least height again, for the nodes as styled
        }
        double scale = nodeScale(n, Math.min(cx, cy) - 4, nodeSize);
        double drawn = nodeSize * scale;
        double ring = Math.max(30, Math.min(cx, cy) - drawn / 2 - 4);
        double[][] at = new double[n][2];
        for (int p = 0; p < n; p++) {
            Label node = nodes.get(p);
            double a = -Math.PI / 2 - 2 * Math.PI * p / n;
            at[p][0] = cx + ring * Math.cos(a);
            at[p][1] = cy + ring * Math.sin(a);
            node.resizeRelocate(at[p][0] - nodeSize / 2, at[p][1] - nodeSize / 2, nodeSize, nodeSize);
            node.setScaleX(scale); // about its centre
            node.setScaleY(scale);
        }
        List<WaitForGraph.Edge> waits = waits();
        for (int k = 0; k < waits.size() && k < arrows.size(); k++) {
            WaitForGraph.Edge edge = waits.get(k);
            if (edge.from() >= n || edge.to() >= n) {
                continue;
            }
            double x1 = at[edge.from()][0];
            double y1 = at[edge.from()][1];
            double x2 = at[edge.to()][0];
            double y2 = at[edge.to()][1];
            double length = Math.max(1, Math.hypot(x2 - x1, y2 - y1));
            double ux = (x2 - x1) / length;
            double uy = (y2 - y1) / length;
            // The arrow's right-hand normal: arrows are shifted a little along it, so that P → Q and
            // Q → P (two philosophers) do not overlap, and their labels sit beyond them on it.
            double nx = -uy;
            double ny = ux;
            double shift = 5;
            double gap = drawn / 2 + 3;
            arrows.get(k).set(x1 + ux * gap + nx * shift, y1 + uy * gap + ny * shift,
                    x2 - ux * gap + nx * shift, y2 - uy * gap + ny * shift);
            Label label = labels.get(k);
            double lw = label.prefWidth(-1);
            double lh = label.prefHeight(-1);
            // Clear of its arrow by the label's own reach across: a fixed offset let the two labels
            // of P1 ⇄ P2 run into each other at a large zoom ("F2F1").
            double reach = Math.abs(nx) * lw / 2 + Math.abs(ny) * lh / 2;
            double mx = (x1 + x2) / 2 + nx * (shift + reach + 4);
            double my = (y1 + y2) / 2 + ny * (shift + reach + 4);
            label.resizeRelocate(mx - lw / 2, my - lh / 2, lw, lh);
        }
    }
}
