package dev.interleave.ui.kit;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * A legend's entries in rows, each row centred: side by side while they fit the width, the next
 * row where they do not, and an entry wider than the whole width alone on its row at that width
 * (its text wraps). A FlowPane lays each child out at its preferred width: a run's long name ran
 * past its plot into the neighbour's legend.
 */
final class EntryRows extends Pane {

    private final double hgap;
    private final double vgap;

    EntryRows(double hgap, double vgap) {
        this.hgap = hgap;
        this.vgap = vgap;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0; // entries wrap: never held wider than the plot by a name's unwrapped width
    }

    @Override
    protected double computePrefWidth(double height) {
        double sum = 0;
        for (Node entry : getManagedChildren()) {
            sum += entry.prefWidth(-1) + (sum > 0 ? hgap : 0);
        }
        return snappedLeftInset() + sum + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = width < 0 ? Double.MAX_VALUE : width - snappedLeftInset() - snappedRightInset();
        double height = 0;
        for (List<Placed> row : rows(inner)) {
            height += (height > 0 ? vgap : 0) + rowHeight(row);
        }
        return snappedTopInset() + height + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double inner = getWidth() - snappedLeftInset() - snappedRightInset();
        double y = snappedTopInset();
        for (List<Placed> row : rows(inner)) {
            double rowWidth = row.stream().mapToDouble(Placed::width).sum() + hgap * (row.size() - 1);
            double x = snappedLeftInset() + Math.max(0, (inner - rowWidth) / 2);
            double height = rowHeight(row);
            for (Placed placed : row) {
                placed.entry().resizeRelocate(snapPositionX(x), snapPositionY(y), snapSizeX(placed.width()),
                        snapSizeY(placed.entry().prefHeight(placed.width())));
                x += placed.width() + hgap;
            }
            y += height + vgap;
        }
    }

    /** An entry and the width it gets: its preferred width, the row's at most. */
    private record Placed(Node entry, double width) {
    }

    private List<List<Placed>> rows(double inner) {
        List<List<Placed>> rows = new ArrayList<>();
        List<Placed> row = new ArrayList<>();
        double used = 0;
        for (Node entry : getManagedChildren()) {
            double width = Math.min(entry.prefWidth(-1), Math.max(0, inner));
            if (!row.isEmpty() && used + hgap + width > inner) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            used += (row.isEmpty() ? 0 : hgap) + width;
            row.add(new Placed(entry, width));
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private static double rowHeight(List<Placed> row) {
        return row.stream().mapToDouble(placed -> placed.entry().prefHeight(placed.width())).max().orElse(0);
    }
}
