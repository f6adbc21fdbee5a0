package dev.interleave.ui.kit;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Reads the scene on the FX thread, for a test whose view changes while it looks: a run's view
 * adds and removes chips, tokens and rows every frame, and a lookup or a list read from the test's
 * thread walks those lists as they change (CI: an IndexOutOfBoundsException in a lookup).
 */
public final class OnFx {

    private OnFx() {
    }

    /**
     * {@code read}'s value, computed on the FX thread (at once, when called on it); waits at most
     * 10 s. An exception it throws is thrown here (an AssertionError as itself, so a failed
     * assertion inside reads as one).
     */
    public static <T> T get(Callable<T> read) {
        try {
            if (Platform.isFxApplicationThread()) {
                return read.call();
            }
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the FX thread read the scene", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the FX thread did not answer within 10 s", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The first visible node {@code query} finds (the one {@code robot.clickOn(query)} clicks),
     * looked up on the FX thread: {@code robot.clickOn(OnFx.node(robot, query))} while a run goes on.
     */
    public static Node node(FxRobot robot, String query) {
        return get(() -> robot.lookup(query).match(NodeQueryUtils.isVisible()).query());
    }

    /** The text of the labelled control (label, button...) {@code query} finds, read on the FX thread. */
    public static String text(FxRobot robot, String query) {
        return get(() -> robot.lookup(query).queryLabeled().getText());
    }
}
