package dev.interleave.ui.philosophers;

import java.util.List;
import java.util.function.IntSupplier;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;

import dev.interleave.engine.philosophers.WaitForGraph;

/**
 * The line under the wait-for graph ({@link PhilosophersView#graphNote}), as tall as the tallest of
 * the notes it may say for the table's philosophers at its width (its preferred height), whichever it
 * says now: the graph above takes the rest of the column, so a note one line longer moved every node
 * (P5 from y 387 to 398 as the note became the three lines on dashed waits, a learner's tryout). Its
 * minimum is its own note's height: {@link GraphColumn} keeps less room than the tallest where the
 * graph would have less than its least height, and the graph then moves only for a note taller
 * than the room kept. FX thread.
 */
final class GraphNoteLabel extends Label {

    /** How many philosophers sit at the table (the setting, or the run's): their names' lengths. */
    private final IntSupplier philosophers;
    /** Measures the notes as the label lays out its own text. */
    private final Text measure = new Text();
    /** The tallest note's text height at {@link #measuredWidth} for {@link #measuredKey}; NaN before. */
    private double tallest = Double.NaN;
    private double measuredWidth = Double.NaN;
    private String measuredKey = "";

    GraphNoteLabel(IntSupplier philosophers) {
        this.philosophers = philosophers;
        setWrapText(true);
        setAlignment(Pos.TOP_LEFT); // a short note at the top of its room, under the graph
    }

    /**
     * The notes the graph may have under it with {@code n} philosophers, each kind with two
     * philosophers waiting for forks that lie on the table, the most a free run is seen to have at
     * once (each picks its fork up at once). A table stepped by hand can keep more waiting so, each at
     * its gate: their longer note then moves the graph once. Room for all n would shrink the graph
     * of every table for that (a review).
     */
    static List<String> notes(int n) {
        int last = Math.max(1, n - 1);
        List<WaitForGraph.FreeWait> twoOnTheTable = List.of(new WaitForGraph.FreeWait(last, last),
                new WaitForGraph.FreeWait(last - 1, last - 1));
        return List.of(
                PhilosophersView.graphNote(n, List.of(), List.of(), 0, n, true),
                PhilosophersView.graphNote(0, List.of(new WaitForGraph.Edge(0, 0, 1, true)), twoOnTheTable, 1, n, false),
                PhilosophersView.graphNote(0, List.of(new WaitForGraph.Edge(0, 0, 1, false),
                        new WaitForGraph.Edge(1, 1, 2, true)), twoOnTheTable, n, n, false),
                PhilosophersView.graphNote(0, List.of(), twoOnTheTable, 0, n, false));
    }

    /** Its own note's height: the least it can be given. */
    @Override
    protected double computeMinHeight(double width) {
        return super.computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        double own = super.computePrefHeight(width);
        double w = (width >= 0 ? width : getWidth()) - snappedLeftInset() - snappedRightInset();
        if (w <= 0) {
            return own;
        }
        int n = philosophers.getAsInt();
        String key = n + " " + getFont() + " " + getLineSpacing();
        if (w != measuredWidth || !key.equals(measuredKey)) {
            measure.setFont(getFont());
            measure.setLineSpacing(getLineSpacing());
            measure.setBoundsType(TextBoundsType.LOGICAL_VERTICAL_CENTER); // as a label's skin measures its text
            measure.setWrappingWidth(w);
            double most = 0;
            for (String note : notes(n)) {
                measure.setText(note);
                most = Math.max(most, measure.getLayoutBounds().getHeight());
            }
            tallest = most;
            measuredWidth = w;
            measuredKey = key;
        }
        return Math.max(own, snappedTopInset() + Math.ceil(tallest) + snappedBottomInset());
    }
}
