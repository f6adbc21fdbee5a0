package dev.interleave.ui.philosophers;

import javafx.scene.Group;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.QuadCurve;

/**
 * A line, straight or curved, with an arrowhead at its end; styled by the classes of the group
 * ({@code .arrow-line}, {@code .arrow-head}).
 */
final class Arrow extends Group {

    /** The head's least length, in pixels (its width is half of it): the head of a line 3.3 px wide or less. */
    static final double HEAD_LENGTH = 10;

    /** The head's length for a line {@code strokeWidth} pixels wide: 3 times it, at least {@link #HEAD_LENGTH}. */
    static double headLength(double strokeWidth) {
        return Math.max(HEAD_LENGTH, 3 * strokeWidth);
    }

    private final QuadCurve line = new QuadCurve();
    private final Polygon head = new Polygon();

    Arrow() {
        line.getStyleClass().add("arrow-line");
        line.setFill(null); // a stroke only: a curve is not an area
        head.getStyleClass().add("arrow-head");
        getChildren().addAll(line, head);
        setManaged(false);
    }

    /** Straight from (x1, y1) to (x2, y2), the head's tip at (x2, y2). */
    void set(double x1, double y1, double x2, double y2) {
        set(x1, y1, (x1 + x2) / 2, (y1 + y2) / 2, x2, y2);
    }

    /**
     * From (x1, y1) to (x2, y2), bent towards the control point (qx, qy) (a quadratic curve), the
     * head's tip at (x2, y2), pointing the way the curve arrives.
     */
    void set(double x1, double y1, double qx, double qy, double x2, double y2) {
        double dx = x2 - qx;
        double dy = y2 - qy;
        double length = Math.max(1e-6, Math.hypot(dx, dy));
        double ux = dx / length;
        double uy = dy / length;
        // The head grows with the line's width (the stylesheet's, in em): a 10 px head on a 9 px line
        // is no head at all.
        double headLength = headLength(line.getStrokeWidth());
        double headHalfWidth = headLength / 2;
        double baseX = x2 - ux * headLength;
        double baseY = y2 - uy * headLength;
        line.setStartX(x1);
        line.setStartY(y1);
        line.setControlX(qx);
        line.setControlY(qy);
        line.setEndX(baseX);
        line.setEndY(baseY);
        head.getPoints().setAll(x2, y2, baseX - uy * headHalfWidth, baseY + ux * headHalfWidth,
                baseX + uy * headHalfWidth, baseY - ux * headHalfWidth);
    }

    /** The line's start, control point and end (before the head), as x, y pairs; for tests. */
    double[] points() {
        return new double[] {line.getStartX(), line.getStartY(), line.getControlX(), line.getControlY(),
                line.getEndX(), line.getEndY()};
    }
}
