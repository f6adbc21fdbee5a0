package dev.interleave.ui.shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import dev.interleave.ui.kit.Controls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.interleave.Scenarios;
import dev.interleave.ui.kit.FrameStats;
import dev.interleave.ui.kit.StyledStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every view of the window in the smallest window it supports, 1024x700, styled as the window is
 * (the Primer Light theme and interleave.css), at zooms from 100 % to 200 %. A view that is wider
 * than the room it is shown in is cut off on the right, out of reach (a class at 150 % saw the eighth
 * buffer slot, the philosophers' deadlock banner and the third chart cut off, with no scroll bar).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class ZoomLayoutFxTest {

    private MainView view;
    private Stage stage;

    @Start
    void start(Stage primary) {
        view = new MainView(Scenarios.tabs(), new FrameStats());
        stage = StyledStage.showThemed(view, 1024, 700); // its own: the shared primary stage keeps its size
    }

    @AfterEach
    void close() {
        StyledStage.close(stage);
    }

    @AfterAll
    static void unthemed() {
        StyledStage.unthemed();
    }

    /**
     * At every zoom step up to 175 % every view (each tab, and both modes of the race lab) fits its
     * width: nothing goes past the right edge (plots go one under another, figure cards to fewer
     * columns; the philosophers' conditions went past it at 125 %, between the steps tested). At
     * 200 % (16 em of room beside the settings) what still does not fit scrolls sideways: a
     * horizontal scroll bar shows, so nothing is out of reach.
     */
    @Test
    void everyViewFitsItsWidthOrScrollsSideways() throws Exception {
        List<String> wider = new ArrayList<>();
        for (double zoom : WindowModel.ZOOMS) {
            for (String tab : EveryView.ALL) {
                WaitForAsyncUtils.asyncFx(() -> {
                    view.window().zoomProperty().set(zoom);
                    EveryView.show(view, tab);
                }).get();
                // A few pulses: views that rearrange for their width do so after a layout pass.
                for (int pulse = 0; pulse < 3; pulse++) {
                    WaitForAsyncUtils.waitForFxEvents();
                    Thread.sleep(100);
                }
                WaitForAsyncUtils.asyncFx(() -> {
                    view.applyCss();
                    view.layout();
                    for (Node node : view.lookupAll(".live-scroll")) {
                        ScrollPane scroll = (ScrollPane) node;
                        double room = scroll.getViewportBounds().getWidth();
                        if (!showing(scroll) || room <= 0) {
                            continue;
                        }
                        Region content = (Region) scroll.getContent();
                        if (content.getWidth() <= room + 1 || zoom >= 2 && sidewaysBar(scroll)) {
                            continue;
                        }
                        List<String> widest = new ArrayList<>();
                        for (Node child : content.getChildrenUnmodifiable()) {
                            if (child.isManaged() && child.minWidth(-1) > room - 24) {
                                widest.add(String.format(Locale.ROOT, "%s %.0f", name(child), child.minWidth(-1)));
                            }
                        }
                        wider.add(String.format(Locale.ROOT, "%.0f %% %s: %.0f px wide in %.0f px (least widths: %s)",
                                zoom * 100, tab, content.getWidth(), room, widest));
                    }
                }).get();
            }
        }
        assertEquals(List.of(), wider);
    }

    /**
     * Text made larger moves the Bounded Buffer's code panel from beside its picture to under it,
     * and smaller back, with no error on the FX thread. The move now waits for the pass that changed
     * the room or the text: made in the middle of the restyling that follows a new text size, it
     * threw IndexOutOfBoundsException in the window (1920x1080, Ctrl+=, twice in ten zoom steps;
     * none since). This harness does not restyle in the same order and did not throw before the
     * change either: it checks that the waiting move still comes. The window is 1280x800 (the
     * headless screen's room) and the text goes from small enough for the code to fit beside the
     * picture to a zoom's size.
     */
    @Test
    void largerTextMovesTheCodePanelWithoutAnError() throws Exception {
        List<String> errors = new ArrayList<>();
        List<Boolean> beside = new ArrayList<>();
        // Errors on the FX thread while the text changes and in the pulses after (the move is deferred).
        Thread.UncaughtExceptionHandler[] before = new Thread.UncaughtExceptionHandler[1];
        WaitForAsyncUtils.asyncFx(() -> {
            Thread fx = Thread.currentThread();
            before[0] = fx.getUncaughtExceptionHandler();
            fx.setUncaughtExceptionHandler((thread, e) -> errors.add(e.toString()));
            stage.setWidth(1280);
            stage.setHeight(800);
            EveryView.show(view, "buffer");
        }).get();
        try {
            for (String size : List.of("7px", "16px", "7px")) {
                WaitForAsyncUtils.asyncFx(() -> {
                    view.setStyle("-fx-font-size: " + size + ";");
                    view.applyCss();
                    view.layout();
                }).get();
                for (int pulse = 0; pulse < 3; pulse++) {
                    WaitForAsyncUtils.waitForFxEvents();
                }
                WaitForAsyncUtils.asyncFx(() -> {
                    view.applyCss();
                    view.layout();
                    Node code = view.lookup("#code-panel");
                    Node picture = view.lookup("#slots");
                    beside.add(code.localToScene(code.getLayoutBounds()).getMinY()
                            < picture.localToScene(picture.getLayoutBounds()).getMaxY());
                }).get();
            }
        } finally {
            WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().setUncaughtExceptionHandler(before[0])).get();
        }
        assertEquals(List.of(), errors);
        assertEquals(List.of(true, false, true), beside, "the code beside the picture in small text, under it in large");
    }

    /**
     * Ctrl+B's setting hides the settings panel of every view, the race lab's two (built inside a
     * tab pane of their own, which a lookup of the scene missed) among them, and shows them again.
     */
    @Test
    void everyViewsSettingsPanelHidesAndComesBack() throws Exception {
        for (boolean shown : List.of(false, true)) {
            WaitForAsyncUtils.asyncFx(() -> view.window().settingsShownProperty().set(shown)).get();
            List<String> wrong = new ArrayList<>();
            int[] panels = new int[1];
            for (String tab : EveryView.ALL) {
                WaitForAsyncUtils.asyncFx(() -> EveryView.show(view, tab)).get();
                WaitForAsyncUtils.waitForFxEvents();
                WaitForAsyncUtils.asyncFx(() -> {
                    for (Node panel : view.lookupAll(".settings-scroll")) {
                        if (showing(panel)) {
                            panels[0]++;
                        }
                        if (panel.isManaged() != shown || panel.isVisible() != shown) {
                            wrong.add(tab + ": " + panel.getParent().getClass().getSimpleName());
                        }
                    }
                }).get();
            }
            assertEquals(List.of(), wrong, shown ? "shown again" : "hidden");
            assertTrue(panels[0] >= (shown ? EveryView.ALL.size() : 0), "every view has its panel: " + panels[0]);
        }
    }

    /**
     * Every tab's title is whole and in view at every zoom: the full titles where they fit side by
     * side (1024x700 at 100 %), the brief ones where they do not (at 200 % the fourth tab read
     * "Dining Philo" beside an overflow menu), and the full ones again at 100 %.
     */
    @Test
    void everyTabTitleIsWholeAtEveryZoom() throws Exception {
        // With the race lab's view built, which holds a tab pane of its own.
        WaitForAsyncUtils.asyncFx(() -> view.select("race")).get();
        WaitForAsyncUtils.waitForFxEvents();
        List<String> seen = new ArrayList<>();
        for (double zoom : List.of(1.0, 2.0, 1.0)) {
            WaitForAsyncUtils.asyncFx(() -> view.window().zoomProperty().set(zoom)).get();
            for (int pulse = 0; pulse < 3; pulse++) {
                WaitForAsyncUtils.waitForFxEvents();
                Thread.sleep(100);
            }
            seen.add(String.format(Locale.ROOT, "%.0f %%: %s", zoom * 100, WaitForAsyncUtils.asyncFx(this::tabTitles).get()));
        }
        assertEquals(List.of(
                "100 %: [Counter & Sum, Bounded Buffer, Race & Atomics, Dining Philosophers]",
                "200 %: [Counter, Buffer, Race, Philosophers]",
                "100 %: [Counter & Sum, Bounded Buffer, Race & Atomics, Dining Philosophers]"), seen);
    }

    /**
     * With a run ended in every tab, each title carries a badge ("■ stopped Philosophers"): at 200 %
     * the brief titles and four badges' words did not fit, and the first tab read "ounter" at the
     * strip's left edge. The other tabs' badges then show their glyphs alone (their words in a
     * tooltip); the shown tab keeps its words.
     */
    @Test
    void everyTabTitleIsWholeWithABadgeInEachTab() throws Exception {
        aRunEndedInEachTab();
        WaitForAsyncUtils.asyncFx(() -> {
            view.select("calls");
            view.window().zoomProperty().set(2.0);
        }).get();
        for (int pulse = 0; pulse < 4; pulse++) {
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(100);
        }
        List<String> seen = WaitForAsyncUtils.asyncFx(this::tabTitles).get();
        assertEquals(List.of("Counter", "Buffer", "Race", "Philosophers"), seen);
        List<String> badges = WaitForAsyncUtils.asyncFx(() -> List.of("calls", "buffer", "race", "philosophers").stream()
                .map(tab -> ((Label) view.lookup("#badge-" + tab)).getText()).toList()).get();
        assertTrue(badges.getFirst().contains(" "), "the shown tab's badge keeps its words: " + badges);
        assertTrue(badges.subList(1, 4).stream().noneMatch(badge -> badge.contains(" ") || badge.isEmpty()),
                "the others show a glyph: " + badges);
        WaitForAsyncUtils.asyncFx(() -> view.window().zoomProperty().set(1.0)).get();
        for (int pulse = 0; pulse < 4; pulse++) {
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(100);
        }
        List<String> atFull = WaitForAsyncUtils.asyncFx(() -> List.of("buffer", "race", "philosophers").stream()
                .map(tab -> ((Label) view.lookup("#badge-" + tab)).getText()).toList()).get();
        assertTrue(atFull.stream().allMatch(badge -> badge.contains(" ")), "at 100 % the words again: " + atFull);
    }

    /**
     * The tab strip is measured again when the window grows or the zoom changes: from 1024x700 to
     * 1280x800 (the largest window the headless platform holds) with a run stopped in each tab, at
     * 200 % and 175 % the badges of the tabs not shown get their words back, every title is whole
     * at every step, and no overflow menu shows. (At 150 % from 1024x700 to 1920x1080 they kept
     * their glyphs, "✘" and "■", with room to spare, until another tab was chosen: the strip was
     * measured before the tab pane laid it out at its new width. And at 150 % in 1280x800 the full
     * titles, 32 px short of the strip by the text's widths, showed beside the overflow menu.)
     */
    @Test
    void theTabStripIsMeasuredAgainWhenTheWindowGrows() throws Exception {
        aRunEndedInEachTab();
        List<Strip> seen = new ArrayList<>();
        for (double zoom : List.of(2.0, 1.75, 1.5, 1.25)) {
            seen.add(strip(zoom, 1024, 700));
            Strip grown = strip(zoom, 1280, 800);
            seen.add(grown);
            if (zoom >= 1.75) {
                assertTrue(grown.badges().stream().allMatch(badge -> badge.contains(" ")),
                        "grown, every badge has room for its words: " + grown);
            }
        }
        assertEquals(List.of("Counter & Sum", "Bounded Buffer", "Race & Atomics", "Dining Philosophers"),
                seen.getLast().titles(), "the full titles where they fit: " + seen.getLast());
        seen.add(strip(1.5, 1280, 800)); // from the full titles, a zoom that leaves them 32 px of room
        assertTrue(seen.stream().flatMap(strip -> strip.titles().stream()).noneMatch(title -> title.contains("(cut)")
                || title.contains("(past the edge)") || title.equals("an overflow menu")),
                seen.stream().map(Strip::toString).collect(Collectors.joining("\n")));
    }

    /** A run started in each tab, once its badge shows it, and stopped (or ended by itself): a badge with words in each. */
    private void aRunEndedInEachTab() throws Exception {
        for (String tab : List.of("calls", "buffer", "race", "philosophers")) {
            WaitForAsyncUtils.asyncFx(() -> {
                view.select(tab);
                ((Button) view.lookup("#run")).fire();
            }).get();
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                    !((Label) view.lookup("#badge-" + tab)).getText().isEmpty()).get());
            WaitForAsyncUtils.asyncFx(() -> {
                Button stop = (Button) view.lookup("#stop");
                if (!stop.isDisabled()) {
                    stop.fire();
                }
            }).get();
            // Stopped, or ended by itself (a deadlock, a run that finished).
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
                String badge = ((Label) view.lookup("#badge-" + tab)).getText();
                return badge.startsWith("■ stopped") || badge.startsWith("✓") || badge.startsWith("✘");
            }).get());
        }
    }

    /** The tab strip as shown at a zoom in a window size: its titles (see tabTitles) and its badges. */
    private record Strip(String at, List<String> titles, List<String> badges) {
    }

    /**
     * The tab strip at {@code zoom} in a {@code width}x{@code height} window, once two reads a pulse
     * apart agree (the strip is measured again after it is laid out at a new width).
     */
    private Strip strip(double zoom, int width, int height) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            view.window().zoomProperty().set(zoom);
            stage.setWidth(width);
            stage.setHeight(height);
        }).get();
        String at = String.format(Locale.ROOT, "%.0f %% in %dx%d", zoom * 100, width, height);
        Strip[] last = {null};
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(50);
            Strip now = WaitForAsyncUtils.asyncFx(() -> new Strip(at, tabTitles(), Stream.of("calls", "buffer", "race",
                    "philosophers").map(tab -> ((Label) view.lookup("#badge-" + tab)).getText()).toList())).get();
            boolean settled = now.equals(last[0]);
            last[0] = now;
            return settled;
        });
        return last[0];
    }

    /**
     * The window's tab titles as shown, each marked if cut or past either edge of the strip, and
     * "an overflow menu" last if the strip shows one. FX thread.
     */
    private List<String> tabTitles() {
        TabPane tabs = (TabPane) view.getCenter();
        Region area = (Region) tabs.getChildrenUnmodifiable().stream()
                .filter(child -> child.getStyleClass().contains("tab-header-area")).findFirst().orElseThrow();
        List<String> titles = new ArrayList<>();
        for (Node header : area.lookupAll(".tab")) {
            Label label = (Label) header.lookup(".tab-label");
            Bounds box = area.sceneToLocal(header.localToScene(header.getLayoutBounds()));
            titles.add(label.getText() + (label.isTextTruncated() ? " (cut)" : "")
                    + (box.getMinX() < -0.5 || box.getMaxX() > area.getWidth() + 0.5 ? " (past the edge)" : ""));
        }
        Node overflow = area.lookup(".control-buttons-tab");
        if (overflow != null && overflow.isVisible()) {
            titles.add("an overflow menu");
        }
        return titles;
    }

    /**
     * At 200 % a run's status, longer than the window is wide, wraps onto a second line whole: it
     * ended in "74..." ("Running · 100 calls in flight on virtual threads (0 running, 100 parked),
     * 743 of 1,000 done").
     */
    @Test
    void aLongStatusWrapsWhole() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            view.window().zoomProperty().set(2.0);
            view.select("calls");
            ((Button) view.lookup("#run")).fire();
        }).get();
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                Label status = (Label) view.lookup("#status");
                return status.getText().contains("done");
            });
            Thread.sleep(300); // a few frames: laid out at its new text
            String[] seen = new String[1];
            WaitForAsyncUtils.asyncFx(() -> {
                Label status = (Label) view.lookup("#status");
                seen[0] = String.format(Locale.ROOT, "'%s': %s, %.0f px of text in %.0f px, %.0f px high",
                        status.getText(), status.isTextTruncated() ? "cut" : "whole",
                        Controls.textWidth(status.getText(), status.getFont()),
                        status.getWidth(), status.getHeight());
                assertEquals(false, status.isTextTruncated(), seen[0]);
                // One line with its padding is about 1.8 em high, two about 2.9 em.
                assertEquals(true, status.getHeight() > 2.4 * status.getFont().getSize(), "two lines: " + seen[0]);
            }).get();
        } finally {
            WaitForAsyncUtils.asyncFx(() -> ((Button) view.lookup("#stop")).fire()).get();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> !((Label) view.lookup("#status")).getText().startsWith("Running"));
        }
    }

    /**
     * At 200 % every setting's name and the presets are whole in every view: "Concurrency" read
     * "Concurre..." beside a field eight columns wide, and the large preset "1,000,000 calls /
     * 100,00...".
     */
    @Test
    void settingNamesAndPresetsAreWholeAt200() throws Exception {
        List<String> cut = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (String tab : List.of("calls", "buffer", "race", "philosophers")) {
            WaitForAsyncUtils.asyncFx(() -> {
                view.window().zoomProperty().set(2.0);
                view.select(tab);
            }).get();
            for (int pulse = 0; pulse < 3; pulse++) {
                WaitForAsyncUtils.waitForFxEvents();
                Thread.sleep(100);
            }
            WaitForAsyncUtils.asyncFx(() -> {
                List<Node> named = new ArrayList<>(view.lookupAll(".setting-name"));
                named.addAll(view.lookupAll("#preset-large"));
                for (Node node : named) {
                    if (node instanceof Labeled labeled && showing(labeled)) {
                        checked.add(labeled.getText());
                        if (labeled.isTextTruncated()) {
                            cut.add(tab + ": " + labeled.getText());
                        }
                    }
                }
            }).get();
        }
        assertEquals(List.of(), cut);
        assertEquals(true, checked.contains("Concurrency") && checked.size() > 8, "checked " + checked);
    }

    private static boolean sidewaysBar(ScrollPane scroll) {
        for (Node node : scroll.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible()) {
                return true;
            }
        }
        return false;
    }

    private static boolean showing(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static String name(Node node) {
        if (node.getId() != null) {
            return node.getId();
        }
        return node instanceof Parent parent && !parent.getChildrenUnmodifiable().isEmpty()
                ? node.getClass().getSimpleName() + " of " + name(parent.getChildrenUnmodifiable().getFirst())
                : node.getClass().getSimpleName();
    }

    /**
     * A view with nothing running rests: no node of the window asks for more than two layouts in a
     * second. The Bounded Buffer and Dining Philosophers views (the scrubber's thumb at NaN before any
     * run) and the race lab's Slow motion (a width bound to the scroll pane's viewport, a new object at
     * every pass) laid themselves out at every pulse, and the renderer drew the whole window again
     * each time: 1.2 cores of two, idle.
     */
    @Test
    void everyIdleViewRests() throws Exception {
        List<String> restless = new ArrayList<>();
        for (String which : EveryView.ALL) {
            WaitForAsyncUtils.asyncFx(() -> EveryView.show(view, which)).get();
            Thread.sleep(500); // shown, styled, laid out, settled
            WaitForAsyncUtils.waitForFxEvents();
            Map<String, int[]> asked = new LinkedHashMap<>();
            WaitForAsyncUtils.asyncFx(() -> countLayoutRequests(asked)).get();
            Thread.sleep(1_000);
            WaitForAsyncUtils.asyncFx(() -> asked.forEach((node, count) -> {
                if (count[0] > 2) {
                    restless.add(which + ", " + node + ": " + count[0] + " layouts in 1 s");
                }
            })).get();
        }
        assertEquals(List.of(), restless);
    }

    /**
     * Counts, in {@code asked}, each time a parent of the window comes to need a layout (a layout
     * request stops at a parent already asking, so each is watched, not only the root). FX thread.
     */
    private void countLayoutRequests(Map<String, int[]> asked) {
        Deque<Parent> todo = new ArrayDeque<>(List.of(view));
        while (!todo.isEmpty()) {
            Parent parent = todo.pop();
            String name = parent.getClass().getSimpleName() + (parent.getId() == null ? "" : " #" + parent.getId());
            int[] count = asked.computeIfAbsent(name + " (" + System.identityHashCode(parent) + ")", k -> new int[1]);
            parent.needsLayoutProperty().addListener((obs, was, now) -> {
                if (now) {
                    count[0]++;
                }
            });
            for (Node child : parent.getChildrenUnmodifiable()) {
                if (child instanceof Parent inner) {
                    todo.push(inner);
                }
            }
        }
    }
}
