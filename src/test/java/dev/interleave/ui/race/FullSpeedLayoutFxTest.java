package dev.interleave.ui.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.interleave.engine.race.LabMeasure;
import dev.interleave.engine.race.LabRunner;
import dev.interleave.engine.race.RaceStrategy;
import dev.interleave.engine.race.StepperRunner;
import dev.interleave.engine.run.RunState;
import dev.interleave.ui.kit.FrameStats;
import dev.interleave.ui.kit.OnFx;
import dev.interleave.ui.kit.StyledStage;
import dev.interleave.ui.shell.MainView;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The race lab's Full speed figures in the smallest window, 1024x700, at 125 %, themed as the window
 * is. The throughput table: its seven thread counts side by side in the view's width (the 32 and 64
 * columns were out of sight, the scroll bar that reached them under the table's last row), every
 * number whole, and every rate column as wide as the others (to the pixel its snapping leaves), so
 * that its bars keep one scale. False sharing: the layouts' captions whole.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class FullSpeedLayoutFxTest {

    private final StepperRunner stepper = new StepperRunner();
    private final LabRunner lab = new LabRunner();
    private RaceViewModel race;
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage primary) {
        race = new RaceViewModel(new StepperViewModel(stepper), new LabViewModel(lab));
        view = new MainView(List.of(RaceScenario.tab(race)), new FrameStats());
        stage = StyledStage.showThemed(view, 1024, 700);
    }

    @AfterEach
    void close() throws Exception {
        if (lab.state() != RunState.IDLE) {
            lab.stop();
        }
        StyledStage.close(stage);
    }

    @AfterAll
    static void unthemed() {
        StyledStage.unthemed();
    }

    /** Measures {@code measure} at 125 % with small runs, and waits until its figures show {@code shown}. */
    private void measure(LabMeasure measure, String shown) throws Exception {
        measure(measure, shown, 1.25);
    }

    /** Measures {@code measure} at {@code zoom} with small runs, and waits until its figures show {@code shown}. */
    private void measure(LabMeasure measure, String shown, double zoom) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            view.window().zoomProperty().set(zoom);
            view.select("race");
            ((TabPane) view.lookup("#race-modes")).getSelectionModel().select(1);
            race.lab().measureProperty().set(measure);
            race.lab().threadsProperty().set(2);
            race.lab().incrementsProperty().set(10_000);
            race.lab().runsProperty().set(1);
            race.lab().run();
        }).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lab.state() == RunState.IDLE
                && view.lookup(shown) != null);
        WaitForAsyncUtils.waitForFxEvents(3); // the figures drawn, laid out and measured again
    }

    /**
     * The table says at its bars when they are on a log scale, as its caption does, and the caption
     * how many cores the threads share: the bars go to 64 threads on two cores, and a teacher read a
     * log-scale bar a third as long as a third as fast, where it was 17 times slower.
     */
    @Test
    void theTableSaysItsScaleAtItsBarsAndTheCoresItsThreadsShare() throws Exception {
        measure(LabMeasure.THROUGHPUT, "#lab-cas-failures-64");
        String corner = OnFx.get(() -> ((Label) view.lookup("#lab-throughput-corner")).getText());
        List<String> captions = OnFx.get(() -> view.lookupAll(".wait-set-caption").stream()
                .map(node -> ((Label) node).getText()).filter(text -> text.contains("the same total work")).toList());
        assertEquals(1, captions.size(), captions.toString());
        String caption = captions.getFirst();
        int cores = Runtime.getRuntime().availableProcessors();
        assertTrue(caption.contains("This machine has " + cores + (cores == 1 ? " core:" : " cores:")), caption);
        assertEquals(caption.contains("bars on a log scale"), corner.endsWith("\nlog-scale bars"), corner + " | " + caption);
    }

    @Test
    void everyThreadCountFitsAt125PercentIn1024x700() throws Exception {
        measure(LabMeasure.THROUGHPUT, "#lab-cas-failures-64");
        List<String> wrong = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            view.applyCss();
            view.layout();
            ScrollPane sideways = (ScrollPane) view.lookup("#lab-throughput-scroll");
            Region grid = (Region) sideways.getContent();
            double room = sideways.getViewportBounds().getWidth();
            if (grid.getWidth() > room + 0.5) {
                wrong.add(String.format(Locale.ROOT, "the table is %.0f px wide in %.0f px", grid.getWidth(), room));
            }
            List<Double> cellWidths = new ArrayList<>();
            for (Node bar : grid.lookupAll(".rate-bar")) {
                cellWidths.add(bar.getParent().getLayoutBounds().getWidth());
            }
            if (cellWidths.size() != RaceStrategy.values().length * LabMeasure.THREAD_COUNTS.size()) {
                wrong.add(cellWidths.size() + " rate cells");
            }
            double narrowest = cellWidths.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double widest = cellWidths.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            if (widest - narrowest > 1) { // whole pixels: a px more in some columns
                wrong.add(String.format(Locale.ROOT, "rate cells %.1f to %.1f px wide: the bars' scales differ",
                        narrowest, widest));
            }
            for (Node node : grid.lookupAll(".label")) {
                if (node instanceof Labeled label && label.isVisible()
                        && label.getWidth() + 0.5 < label.prefWidth(-1)) {
                    wrong.add(String.format(Locale.ROOT, "'%s' %.0f px wide of %.0f", label.getText(),
                            label.getWidth(), label.prefWidth(-1)));
                }
            }
            Label sixtyFour = (Label) view.lookup("#lab-cas-failures-64");
            if (sixtyFour.localToScene(sixtyFour.getLayoutBounds()).getMaxX()
                    > sideways.localToScene(sideways.getLayoutBounds()).getMaxX() + 0.5) {
                wrong.add("the 64-thread column is past the view's right edge");
            }
        }).get();
        assertEquals(List.of(), wrong);
        assertTrue(((Label) view.lookup("#lab-cas-failures-64")).getText().matches("<?[0-9.]+"),
                ((Label) view.lookup("#lab-cas-failures-64")).getText());
    }

    /**
     * At 200 % in 1024x700 (150 % on the teacher's screen, with its fonts and figures) the table is
     * wider than the view: scrolled to its 64 column, the
     * strategies' names stay in view beside it (they scrolled out, and a class read rows of
     * unlabelled numbers), and no number shows under them.
     */
    @Test
    void theNamesStayInViewWhileTheNumbersScroll() throws Exception {
        measure(LabMeasure.THROUGHPUT, "#lab-cas-failures-64", 2.0);
        List<String> wrong = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            view.applyCss();
            view.layout();
            ((ScrollPane) view.lookup("#lab-throughput-scroll")).setHvalue(1);
        }).get();
        WaitForAsyncUtils.waitForFxEvents(3);
        WaitForAsyncUtils.asyncFx(() -> {
            view.applyCss();
            view.layout();
            ScrollPane sideways = (ScrollPane) view.lookup("#lab-throughput-scroll");
            Region grid = (Region) sideways.getContent();
            if (grid.getWidth() <= sideways.getViewportBounds().getWidth() + 0.5) {
                wrong.add("the table fits: nothing to scroll"); // the test would prove nothing
            }
            var inView = sideways.localToScene(sideways.getLayoutBounds());
            double namesEnd = 0;
            for (RaceStrategy strategy : RaceStrategy.values()) {
                Node name = view.lookup("#lab-throughput-name-" + strategy.name().toLowerCase(Locale.ROOT));
                if (name == null) {
                    continue; // a strategy the measure does not time
                }
                var at = name.localToScene(name.getLayoutBounds());
                namesEnd = Math.max(namesEnd, at.getMaxX());
                if (at.getMinX() < inView.getMinX() - 0.5 || at.getMaxX() > inView.getMaxX() + 0.5) {
                    wrong.add(String.format(Locale.ROOT, "%s at %.0f..%.0f, the view %.0f..%.0f", strategy,
                            at.getMinX(), at.getMaxX(), inView.getMinX(), inView.getMaxX()));
                }
            }
            Label sixtyFour = (Label) view.lookup("#lab-cas-failures-64");
            var at = sixtyFour.localToScene(sixtyFour.getLayoutBounds());
            if (at.getMaxX() > inView.getMaxX() + 0.5 || at.getMinX() < namesEnd) {
                wrong.add(String.format(Locale.ROOT, "the 64 column at %.0f..%.0f: the names end at %.0f, the view"
                        + " at %.0f", at.getMinX(), at.getMaxX(), namesEnd, inView.getMaxX()));
            }
        }).get();
        assertEquals(List.of(), wrong);
    }

    /**
     * A measure other than the last run's shows no run lines, and no room is left for them: after a
     * throughput run, false sharing's figures start under the guide, one gap down (the empty line
     * of the hidden "No run's figures yet" stood between them, a gap a teacher took for a fault).
     */
    @Test
    void anotherMeasureLeavesNoGapUnderTheGuide() throws Exception {
        measure(LabMeasure.THROUGHPUT, "#lab-cas-failures-64");
        double[] gap = new double[1];
        WaitForAsyncUtils.asyncFx(() -> race.lab().measureProperty().set(LabMeasure.FALSE_SHARING)).get();
        WaitForAsyncUtils.waitForFxEvents(3);
        WaitForAsyncUtils.asyncFx(() -> {
            view.applyCss();
            view.layout();
            Node guide = view.lookup("#lab-race-guide");
            Node figures = view.lookup("#lab-figures");
            gap[0] = figures.localToScene(figures.getLayoutBounds()).getMinY()
                    - guide.localToScene(guide.getLayoutBounds()).getMaxY();
        }).get();
        assertTrue(gap[0] <= 10.5, "false sharing's figures " + gap[0] + " px under the guide");
    }

    /** A tryout read "Packed (--strategy packed): thread t's counter at cells[t], neighbours on ...". */
    @Test
    void theLayoutsAreNamedWhole() throws Exception {
        measure(LabMeasure.FALSE_SHARING, "#lab-false-sharing-ratio");
        List<String> cut = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            view.applyCss();
            view.layout();
            for (String id : List.of("#lab-layout-packed", "#lab-layout-padded", "#lab-false-sharing-ratio")) {
                Label label = (Label) view.lookup(id);
                if (label.getHeight() + 0.5 < label.prefHeight(label.getWidth())) {
                    cut.add(String.format(Locale.ROOT, "%s %.0f px high of %.0f: '%s'", id, label.getHeight(),
                            label.prefHeight(label.getWidth()), label.getText()));
                }
            }
        }).get();
        assertEquals(List.of(), cut);
    }
}
