package dev.interleave.ui.philosophers;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The wait-for graph's column: its caption, the graph, and the note under it. The note is given the
 * room of its tallest words ({@link GraphNoteLabel}) as long as the graph keeps its least height
 * ({@link WaitForGraphDrawing#leastHeight}), so the graph's box, and its nodes, stay where they are
 * as the note changes. A box laid out by its children's sizes (a VBox) shrank the graph and the
 * note together when the column was short, the note by its own line count: P2 moved from y 530 to
 * 513 between two notes (a learner's tryout). FX thread.
 */
final class GraphColumn extends VBox {

    private final Label caption;
    private final WaitForGraphDrawing graph;
    private final GraphNoteLabel note;

    GraphColumn(Label caption, WaitForGraphDrawing graph, GraphNoteLabel note) {
        super(4, caption, graph, note);
        this.caption = caption;
        this.graph = graph;
        this.note = note;
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double h = getHeight() - y - snappedBottomInset();
        double gap = snapSpaceY(getSpacing());
        double captionH = snapSizeY(caption.prefHeight(w));
        double room = h - captionH - 2 * gap; // the graph's and the note's
        double noteH = snapSizeY(Math.max(note.minHeight(w), Math.min(note.prefHeight(w), room - graph.leastHeight())));
        double graphH = Math.max(0, room - noteH);
        caption.resizeRelocate(x, y, w, captionH);
        graph.resizeRelocate(x, y + captionH + gap, w, graphH);
        note.resizeRelocate(x, y + captionH + gap + graphH + gap, w, noteH);
    }
}
