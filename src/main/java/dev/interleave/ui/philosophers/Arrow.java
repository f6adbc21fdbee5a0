package dev.interleave.ui.philosophers;

import javafx.scene.Group;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;

/** A line with an arrowhead at its end; styled by the classes of the group ({@code .arrow-line}, {@code .arrow-head}). */
final class Arrow extends Group {

    private static final double HEAD_LENGTH = 10;
    private static final double HEAD_HALF_WIDTH = 5;

    private final Line line = new Line();
    private final Polygon head = new Polygon();

    Arrow() {
        line.getStyleClass().add("arrow-line");
        head.getStyleClass().add("arrow-head");
        getChildren().addAll(line, head);
        setManaged(false);
    }

    /** From (x1, y1) to (x2, y2), the head's tip at (x2, y2). */
    void set(double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double length = Math.max(1e-6, Math.hypot(dx, dy));
        double ux = dx / length;
        double uy = dy / length;
        double baseX = x2 - ux * HEAD_LENGTH;
        double baseY = y2 - uy * HEAD_LENGTH;
        line.setStartX(x1);
        line.setStartY(y1);
        line.setEndX(baseX);
        line.setEndY(baseY);
        head.getPoints().setAll(x2, y2, baseX - uy * HEAD_HALF_WIDTH, baseY + ux * HEAD_HALF_WIDTH,
                baseX + uy * HEAD_HALF_WIDTH, baseY - ux * HEAD_HALF_WIDTH);
    }
}
