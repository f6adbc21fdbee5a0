package dev.interleave.ui.buffer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.controlsfx.control.RangeSlider;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.interleave.engine.buffer.BufferCode;
import dev.interleave.engine.buffer.BufferEvent;
import dev.interleave.engine.buffer.BufferImpl;
import dev.interleave.engine.buffer.BufferRunner;
import dev.interleave.engine.buffer.BufferSettings;
import dev.interleave.engine.buffer.BufferSnapshot;
import dev.interleave.engine.buffer.Bug;
import dev.interleave.engine.buffer.WakePolicy;
import dev.interleave.engine.buffer.Where;
import dev.interleave.engine.buffer.Worker;
import dev.interleave.engine.buffer.WorkerState;
import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.RunState;
import dev.interleave.ui.kit.Controls;
import dev.interleave.ui.kit.DelayInput;
import dev.interleave.ui.kit.FrameStats;
import dev.interleave.ui.kit.OnFx;
import dev.interleave.ui.kit.Rewind;
import dev.interleave.ui.shell.MainView;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The condition-variable lab in the buffer view, in the real window, headless, by node id. */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class BufferLabFxTest {

    private final BufferRunner runner = new BufferRunner();
    private BufferViewModel model;
    private MainView main;

    @Start
    void start(Stage stage) {
        model = new BufferViewModel(runner);
        main = new MainView(List.of(BufferScenario.tab(model)), new FrameStats());
        Scene scene = new Scene(main, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(
                MainView.class.getResource("interleave.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopRun() throws Exception {
        if (runner.state() != RunState.IDLE) {
            runner.stop();
        }
    }

    private BufferView view() {
        return (BufferView) main.lookup(".buffer-view");
    }

    /** Looked up on the FX thread: a running view changes its children as the test reads. */
    private static boolean disabled(FxRobot robot, String id) {
        return OnFx.get(() -> robot.lookup(id).query().isDisabled());
    }

    /**
     * The lanes show every thread the run was set to start: a violation six events in ended a run of 3
     * producers and 1 consumer before P3 and C1 began, and the lanes showed P1 and P2 alone (a
     * learner's tryout). Those the run never started read "not started".
     */
    @Test
    void theLanesShowEveryThreadTheRunWasSetToStart(FxRobot robot) throws Exception {
        zeroDelays(robot, 1, 3, 1);
        robot.interact(() -> {
            model.implProperty().set(BufferImpl.SEMAPHORE);
            model.bugProperty().set(Bug.UNLOCKED_COUNT);
        });
        robot.interact(model::run);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> runner.state() == RunState.IDLE);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> names = OnFx.get(() -> robot.lookup("#producers-lanes .worker-name").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());
        List<String> consumerNames = OnFx.get(() -> robot.lookup("#consumers-lanes .worker-name")
                .queryAllAs(Label.class).stream().map(Label::getText).toList());
        assertEquals(List.of("P1", "P2", "P3"), names.stream().sorted().toList());
        assertEquals(List.of("C1"), consumerNames);
        Set<String> started = OnFx.get(() -> model.workers().stream().map(BufferSnapshot.WorkerView::name)
                .collect(Collectors.toSet()));
        for (Label state : OnFx.get(() -> robot.lookup("#producers-lanes .worker").queryAll().stream()
                .filter(chip -> !started.contains(((Label) chip.lookup(".worker-name")).getText()))
                .map(chip -> (Label) chip.lookup(".worker-state")).toList())) {
            assertEquals("not started", OnFx.get(state::getText));
        }
    }

    /**
     * The note over the figures keeps its height from Run to the run's end (Controls.figuresNote), but
     * never less than its text: kept at the one line "No run's figures yet" had at Run, the run's own
     * two lines were cut to one, "... signal, non-fair ...", in a page short of room (1024x700).
     */
    @Test
    void theFiguresNoteIsNeverCutToTheHeightItKeeps(FxRobot robot) throws Exception {
        robot.interact(() -> {
            main.getScene().getWindow().setWidth(1024);
            main.getScene().getWindow().setHeight(700);
            // A correct buffer, so that the run goes on while the note is read (a stall ends it), with
            // spurious wake-ups, so that the note names the lab's settings and takes two lines.
            model.implProperty().set(BufferImpl.LOCK);
            model.bugProperty().set(Bug.NONE);
            model.spuriousPercentProperty().set(20);
            model.capacityProperty().set(1);
        });
        Label note = robot.lookup("#last-run").queryAs(Label.class);
        WaitForAsyncUtils.waitForFxEvents();
        double before = OnFx.get(note::getHeight);
        robot.interact(model::run);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> OnFx.get(note::getText).startsWith("This run's figures"));
        WaitForAsyncUtils.waitForFxEvents();
        double height = OnFx.get(note::getHeight);
        double needs = OnFx.get(() -> note.prefHeight(note.getWidth()));
        assertEquals(RunState.RUNNING, runner.state(), "read while the run goes, when the note keeps Run's height");
        assertTrue(needs > before + 1, "the run's note is longer than the one line before it: " + before + " px, then " + needs);
        assertTrue(height >= needs - 0.5, "the note " + height + " px high, its text " + needs + " px: "
                + OnFx.get(note::getText));
    }

    /**
     * Stopped, a run's threads were ended, not done with their work: every chip of a stopped run read
     * "✓ done". They read "– ended".
     */
    @Test
    void aStoppedRunsThreadsReadEndedNotDone(FxRobot robot) throws Exception {
        robot.interact(model::run);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.snapshot().consumed() > 10);
        robot.interact(model::stop);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.state() == RunState.IDLE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return "ended".equals(OnFx.get(() -> robot.lookup("#worker-P1 .worker-state").queryAs(Label.class).getText()));
        });
        for (String worker : List.of("P1", "P2", "P3", "C1", "C2", "C3")) {
            assertEquals("ended", OnFx.get(() -> robot.lookup("#worker-" + worker + " .worker-state").queryAs(Label.class).getText()), worker);
            assertEquals("–", OnFx.get(() -> robot.lookup("#worker-" + worker + " .worker-glyph").queryAs(Label.class).getText()), worker);
        }
    }

    /**
     * A thread asked to leave (fewer consumers set while paused) says so in the gate's queue as in
     * its lane: C2 read "at gate, leaving" in its lane and "at gate" in the queue (a tryout).
     */
    @Test
    void aThreadAskedToLeaveSaysSoInBothItsChips(FxRobot robot) throws Exception {
        robot.interact(model::step); // from idle: a paused run, one step taken
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.snapshot().gate().waiting().size() >= 5);
        robot.interact(() -> model.consumersProperty().set(1));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> model.leaving().equals(List.of("C2", "C3"))));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> atGate = runner.snapshot().gate().waiting().stream().filter(List.of("C2", "C3")::contains).toList();
        assertFalse(atGate.isEmpty(), "five of six at the gate: C2 or C3 among them");
        for (String worker : atGate) {
            assertEquals("at gate, leaving", OnFx.get(() -> robot.lookup("#worker-" + worker + " .worker-state")
                    .queryAs(Label.class).getText()), worker + " in its lane");
            assertEquals("at gate, leaving", OnFx.get(() -> robot.lookup("#gate-queue-" + worker + " .worker-state")
                    .queryAs(Label.class).getText()), worker + " in the gate's queue");
        }
    }

    /**
     * Why bugs are greyed out is not said while a run goes: every button is greyed then, and not for
     * that reason (a teacher's tryout). Its room is kept, so the panel does not move at Run.
     */
    @Test
    void whyBugsAreGreyedIsNotSaidWhileARunGoes(FxRobot robot) throws Exception {
        robot.clickOn("#impl-semaphore");
        Label why = robot.lookup("#bug-why").queryAs(Label.class);
        assertTrue(OnFx.get(why::isVisible), "said while a bug can be chosen");
        robot.interact(model::run);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> !why.isVisible() && why.isManaged()));
        robot.interact(model::stop);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> OnFx.get(why::isVisible));
    }

    /** Only the bugs that go with the chosen implementation can be chosen; the others say why, on screen. */
    @Test
    void theSelectorsRestrictTheBugs(FxRobot robot) {
        robot.clickOn("#impl-semaphore");
        assertEquals(BufferImpl.SEMAPHORE, model.implProperty().get());
        for (Bug bug : Bug.values()) {
            assertEquals(!bug.appliesTo(BufferImpl.SEMAPHORE), disabled(robot, "#bug-" + bug.label()), bug.label());
        }
        String why = robot.lookup("#bug-why").queryAs(Label.class).getText();
        assertTrue(why.contains("notify (monitor)") && why.contains("one-condition (lock)"), why);

        robot.clickOn("#impl-monitor");
        robot.clickOn("#bug-notify");
        assertEquals(Bug.NOTIFY, model.bugProperty().get());
        assertTrue(model.settings().bug() == Bug.NOTIFY && model.settings().impl() == BufferImpl.MONITOR);
        robot.clickOn("#impl-lock");
        assertEquals(Bug.NONE, model.bugProperty().get(), "notify does not go with lock: back to none");
        assertTrue(disabled(robot, "#bug-notify"));
        robot.interact(() -> model.bugProperty().set(Bug.NOTIFY));
        assertEquals(Bug.NONE, model.bugProperty().get(), "the model refuses it too");

        robot.clickOn("#impl-abq");
        String hidden = robot.lookup("#code-hidden-note").queryAs(Label.class).getText();
        assertTrue(robot.lookup("#code-hidden-note").query().isVisible() && hidden.contains("not visible"), hidden);
        String caption = robot.lookup("#code-caption").queryAs(Label.class).getText();
        assertFalse(caption.contains("chip") || caption.contains("its line"), "abq's caption promises no chips: "
                + caption);
        // Nothing of abq's inside is drawn as if seen: no empty slots, no "empty" wait sets.
        assertTrue(!robot.lookup("#slots").query().isVisible(), "abq's slots are not drawn empty");
        // Counts of what happens inside say they are not seen, rather than 0 (abq blocks too).
        for (String id : List.of("#waits-full", "#waits-empty", "#futile-producers", "#futile-consumers",
                "#spurious-wakeups")) {
            assertEquals("not visible", robot.lookup(id).queryAs(Label.class).getText(), id);
        }
        assertEquals("Last action: not visible inside ArrayBlockingQueue",
                robot.lookup("#last-action").queryAs(Label.class).getText());
        String timeline = robot.lookup("#buffer-history .section").queryAs(Label.class).getText();
        assertFalse(timeline.contains("arrows") || timeline.contains("a lane per thread"),
                "abq records nothing: its timeline's caption promises no lanes or arrows: " + timeline);
        assertTrue(!robot.lookup("#producers-lanes").query().getParent().isVisible(),
                "no run, no chips: no empty 'Producers' and 'Consumers' headings");
        for (String id : List.of("#code-put-outside", "#code-take-outside")) {
            assertFalse(robot.lookup(id).query().getParent().isVisible(), "no 'Producers not in put(): none' under"
                    + " code whose threads are not seen: " + id);
        }
        WaitForAsyncUtils.waitForFxEvents();
        for (Node empty : view().lookupAll(".wait-set-empty")) {
            boolean shown = true;
            for (Node n = empty; n != null; n = n.getParent()) {
                shown &= n.isVisible();
            }
            assertTrue(!shown || "gate-queue".equals(empty.getParent().getId()),
                    "abq's wait sets are not visible: no 'empty' under them (" + empty.getParent().getId() + ")");
        }
    }

    /**
     * With notify, the timeline's caption says what a dashed arrow is: a notify() that came as the
     * woken thread's wait(1 ms) ran out, so which ended the wait is a guess.
     */
    @Test
    void theNotifyBugsTimelineSaysWhatADashedArrowIs(FxRobot robot) {
        Label caption = robot.lookup("#buffer-history .section").queryAs(Label.class);
        assertFalse(caption.getText().contains("dashed"), caption.getText());
        robot.interact(() -> {
            model.implProperty().set(BufferImpl.MONITOR);
            model.bugProperty().set(Bug.NOTIFY);
        });
        assertTrue(caption.getText().contains("arrows from a notify() to the thread it woke, dashed where it came as"
                + " that thread's wait(1 ms) ran out (a guess)"), caption.getText());
    }

    /**
     * Settings an implementation does not have are greyed out, and the view says why: the wake-up
     * policy is the lock buffer's alone, and the monitor has no fairness either (a learner's tryout
     * picked "signal" for the monitor, expecting notify()).
     */
    @Test
    void settingsAnImplementationDoesNotHaveAreGreyedOutWithTheReason(FxRobot robot) {
        ToggleSwitch fair = robot.lookup("#fair").queryAs(ToggleSwitch.class);
        robot.interact(() -> fair.setSelected(true));
        assertTrue(model.fairProperty().get());
        robot.clickOn("#impl-monitor");
        assertTrue(disabled(robot, "#policy") && disabled(robot, "#fair"));
        // synchronized is never fair: the greyed-out switch reads off, and the lock's choice is kept
        assertFalse(fair.isSelected(), "the monitor's Fair lock");
        assertTrue(model.fairProperty().get());
        Label why = robot.lookup("#lock-settings-why").queryAs(Label.class);
        assertTrue(why.isVisible() && why.getText().contains("notifyAll()"), why.getText());
        for (BufferImpl impl : List.of(BufferImpl.SEMAPHORE, BufferImpl.ABQ)) {
            robot.clickOn("#impl-" + impl.label());
            assertTrue(disabled(robot, "#policy") && !disabled(robot, "#fair"), impl.label());
            assertTrue(why.isVisible() && why.getText().startsWith("Wake-up policy greyed out"), why.getText());
        }
        robot.clickOn("#impl-lock");
        assertTrue(!disabled(robot, "#policy") && !disabled(robot, "#fair"));
        assertFalse(why.isVisible() || why.isManaged(), why.getText());
        assertTrue(fair.isSelected(), "the lock's Fair lock, as chosen before the monitor");
    }

    /**
     * Spurious % is a condition variable's: greyed out for the semaphores and abq, with the reason
     * under the field (the semaphores' once counted a timed-out tryAcquire as a spurious wake-up).
     */
    @Test
    void spuriousIsGreyedOutWithTheReasonWhereNoConditionWaits(FxRobot robot) {
        Label why = robot.lookup("#spurious-why").queryAs(Label.class);
        robot.clickOn("#impl-semaphore");
        assertTrue(disabled(robot, "#spurious"), "semaphore");
        assertTrue(why.isVisible() && why.getText().contains("acquire()"), why.getText());
        robot.clickOn("#impl-abq");
        assertTrue(disabled(robot, "#spurious"), "abq");
        assertTrue(why.isVisible() && why.getText().contains("JDK"), why.getText());
        for (BufferImpl impl : List.of(BufferImpl.MONITOR, BufferImpl.LOCK)) {
            robot.clickOn("#impl-" + impl.label());
            assertFalse(disabled(robot, "#spurious"), impl.label());
            assertFalse(why.isVisible() || why.isManaged(), why.getText());
        }
    }

    @Test
    void theCodeShowsTheBugAndTheGuideApplies(FxRobot robot) throws Exception {
        robot.clickOn("#impl-lock");
        robot.clickOn("#bug-one-condition");
        BufferCode.Method put = BufferCode.put(BufferImpl.LOCK, Bug.ONE_CONDITION, WakePolicy.SIGNAL);
        for (int i = 0; i < put.lines().size(); i++) {
            String text = put.lines().get(i).text();
            Label line = robot.lookup("#code-put-line-" + i).queryAs(Label.class);
            assertEquals(text.stripLeading(), line.getText());
            // The indentation is the label's blank graphic, so a wrapped line goes on under its own
            // first character, never at column 0.
            int indent = text.length() - text.stripLeading().length();
            double shown = line.getGraphic() == null ? 0 : line.getGraphic().prefWidth(-1);
            Text space = new Text(" ".repeat(Math.max(1, indent)));
            space.setFont(line.getFont());
            assertEquals(indent == 0 ? 0 : space.getLayoutBounds().getWidth(), shown, 0.5, text);
        }
        long marked = robot.lookup(".code-line").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("bug")))
                .count();
        assertTrue(marked >= 2, "the bug's lines are marked: " + marked);
        // put and take in line, though the bug's lines are all over put (take stood a column to the left).
        int putSignature = IntStream.range(0, put.lines().size())
                .filter(i -> put.lines().get(i).text().startsWith("public void put(")).findFirst().orElseThrow();
        Label putLine = robot.lookup("#code-put-line-" + putSignature).queryAs(Label.class);
        Label takeLine = robot.lookup("#code-take-line-0").queryAs(Label.class);
        assertEquals(OnFx.get(() -> putLine.localToScene(0, 0).getX()), OnFx.get(() -> takeLine.localToScene(0, 0).getX()),
                0.5, "put's and take's signatures start at one x");

        applyTheGuide(robot);
        LabGuide.Setup setup = LabGuide.of(BufferImpl.LOCK, Bug.ONE_CONDITION).setup();
        assertEquals(setup.producers(), model.producersProperty().get());
        assertEquals(setup.consumers(), model.consumersProperty().get());
        assertEquals(setup.capacity(), model.capacityProperty().get());
        assertTrue(robot.lookup("#lab-guide-text").queryAs(Label.class).getText().contains("Question: "));
        // The guide names the timeline's box as it reads.
        String box = robot.lookup("#timeline-event-order").queryAs(CheckBox.class).getText();
        assertTrue(box.startsWith("Evenly spaced") && robot.lookup("#lab-guide-text").queryAs(Label.class).getText()
                .contains("'Evenly spaced'"), box);
        Label applied = robot.lookup("#lab-guide-applied").queryAs(Label.class);
        assertEquals("Set: " + setup.words(BufferImpl.LOCK) + ". Press Run (Space).", applied.getText(), "Apply says what it set");
        robot.clickOn("#bug-none");
        assertEquals("", applied.getText(), "another guide: nothing applied from it yet");
        // During a run Apply is greyed out, and the line beside it says why.
        robot.interact(model::run);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#lab-guide-apply").queryButton().isDisabled());
        assertTrue(applied.getText().startsWith("A run is going on: Stop it (Esc), then Apply"), applied.getText());
        robot.interact(model::stop);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> applied.getText().isEmpty());
    }

    /**
     * At 200 % in 1920x1080 (here its proportions: text 23.3 px in this 1,280 px window, 35 px in
     * 1,920) the correct buffer's put and take read one statement to a line, their signatures
     * excepted (a signature's wrapped "InterruptedException {" reads as its end): "if (++putIndex
     * == items.length) putIndex = 0;" wrapped, and its body, under the if's first character, read
     * as the next statement.
     */
    @Test
    void noLineOfTheCodeWrapsAtTwiceTheSizeInAFullHdWindow(FxRobot robot) {
        robot.clickOn("#impl-lock");
        robot.clickOn("#bug-none");
        List<String> wrapped = new ArrayList<>();
        robot.interact(() -> {
            main.setStyle("-fx-font-size: 23.3px;");
            main.applyCss();
            main.layout();
            for (Node node : main.lookupAll("#code-panel .code-line")) {
                Label line = (Label) node;
                if (!line.getText().startsWith("public ") && line.getHeight() > line.prefHeight(-1) + 0.5) {
                    wrapped.add("'" + line.getText() + "' " + line.getHeight() + " px high, one line " + line.prefHeight(-1));
                }
            }
        });
        assertTrue(wrapped.isEmpty(), String.join("; ", wrapped));
    }

    /**
     * After a run, choosing another bug shows its code at once (a teacher shows the bug before
     * Run), without the last run's chips; choosing the run's own again brings back its code and chips.
     */
    @Test
    void aBugChosenAfterARunShowsItsCode(FxRobot robot) throws Exception {
        robot.clickOn("#impl-lock");
        robot.interact(() -> {
            model.producersProperty().set(2);
            model.consumersProperty().set(1);
            model.step(); // from idle: the run starts, every worker parked, and one acts
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.state() == RunState.PAUSED);
        robot.interact(model::stop);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.state() == RunState.IDLE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.codeOfShownRunProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Label caption = robot.lookup("#code-panel .section").queryAs(Label.class);
        assertTrue(caption.getText().startsWith("The code each thread runs: lock buffer, bug none"), caption.getText());
        assertFalse(robot.lookup("#code-panel .code-chip").queryAll().isEmpty(), "the run's chips are shown");
        // Stopped: its threads were ended, as their chips above say ("– ended"), not "●" outside put().
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#code-chip-P1").queryAs(Label.class).getText().equals("– P1"));

        robot.clickOn("#bug-one-condition");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(caption.getText().startsWith("The code each thread will run: lock buffer, bug one-condition"),
                caption.getText());
        BufferCode.Method put = BufferCode.put(BufferImpl.LOCK, Bug.ONE_CONDITION, WakePolicy.SIGNAL);
        for (int i = 0; i < put.lines().size(); i++) {
            assertEquals(put.lines().get(i).text().stripLeading(),
                    robot.lookup("#code-put-line-" + i).queryAs(Label.class).getText());
        }
        assertTrue(robot.lookup("#code-panel .code-chip").queryAll().isEmpty(),
                "no chip of the last run beside code it did not run");

        robot.clickOn("#bug-none");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(caption.getText().startsWith("The code each thread runs: lock buffer, bug none"), caption.getText());

        // Rewound (a violated run ends so), a choice shows its code too: the old run's code and chips
        // stayed until End (a tryout).
        robot.interact(() -> model.rewind().moveTo(model.rewind().startProperty().get()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.rewind().rewoundBinding().get());
        robot.clickOn("#impl-monitor");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(caption.getText().startsWith("The code each thread will run: monitor buffer"), caption.getText());
        assertTrue(robot.lookup("#code-panel .code-chip").queryAll().isEmpty(), "no chip beside code it did not run");
    }

    /**
     * Stepping one worker moves its chip: with one slot, P1 puts (and goes back to making an item),
     * then P2 finds the slot full and its chip sits at the await line; rewound to before P2's step,
     * the chip is back outside, as it was.
     */
    @Test
    void aSteppedWorkersChipMovesToItsLine(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.capacityProperty().set(1);
            model.producersProperty().set(2);
            model.consumersProperty().set(1);
            model.produceMinMillisProperty().set(0);
            model.produceMaxMillisProperty().set(0);
        });
        BufferCode.Method put = BufferCode.put(BufferImpl.LOCK, Bug.NONE, WakePolicy.SIGNAL);
        int awaitLine = put.lineOf(Where.WAITING);
        robot.interact(model::step); // from idle: starts paused, one step
        settle();
        String parked = runner.snapshot().gate().waiting().getFirst();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> main.lookup("#code-chip-" + parked)
                instanceof Label chip && chip.getText().equals("‖ " + parked)));
        String waiter = null;
        long before = -1;
        for (int attempt = 0; attempt < 20 && waiter == null; attempt++) {
            List<String> gate = runner.snapshot().gate().waiting();
            Optional<String> atGate = gate.stream().filter(n -> n.startsWith("P")).findFirst();
            if (atGate.isEmpty()) {
                // Both producers wait on notFull (seen once in a full suite): the consumer's step frees one.
                robot.interact(() -> model.stepWorker(gate.getFirst()));
                settle();
                continue;
            }
            String producer = atGate.get();
            boolean full = runner.snapshot().buffer().count() == 1;
            if (full) {
                waiter = producer;
                WaitForAsyncUtils.waitForFxEvents();
                assertTrue(view().codeLineOf(producer) < 0, producer + " is outside put before its step");
                before = runner.snapshot().buffer().events();
            }
            robot.interact(() -> model.stepWorker(producer));
            settle();
        }
        String other = Objects.requireNonNull(waiter, "the slot was filled within 20 steps");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.notFullWaiters().contains(other));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view().codeLineOf(other) == awaitLine);
        Node chip = robot.lookup("#code-chip-" + other).query();
        assertTrue(((Label) chip).getText().contains(other));

        long position = before;
        robot.interact(() -> model.rewind().moveTo(position));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view().codeLineOf(other) < 0);
        robot.interact(() -> model.rewind().toPresent());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view().codeLineOf(other) == awaitLine);
    }

    /**
     * The slots keep the width the widest item gave them: the tiles are all as wide as the widest, so
     * one slot holding #1,764 widened them all and they shrank again when it was taken, the buffer
     * shifting under the eye at every such item (a learner's tryout).
     */
    @Test
    void theSlotsKeepTheirWidthWhenAWideItemIsTaken(FxRobot robot) {
        BufferView.SlotTile first = robot.lookup("#slot-0").queryAs(BufferView.SlotTile.class);
        Region second = robot.lookup("#slot-1").queryAs(Region.class);
        double[] widths = new double[3];
        robot.interact(() -> {
            first.show(5, false, false);
            view().applyCss();
            view().layout();
            widths[0] = second.getWidth();
            first.show(1_764_321, false, false);
            view().layout();
        });
        WaitForAsyncUtils.waitForFxEvents(); // the others widen in the next layout pass
        robot.interact(() -> {
            view().layout();
            widths[1] = second.getWidth();
            first.show(0, false, false);
            view().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            view().layout();
            widths[2] = second.getWidth();
        });
        assertTrue(widths[1] > widths[0] + 1, "every tile widens for #1,764,321: " + widths[0] + " to " + widths[1]);
        assertEquals(widths[1], widths[2], 0.5, "and keeps its width when the item is taken");
    }

    /**
     * The semaphore buffer, stepped: a consumer blocks in filledSlots.acquire() on the empty buffer,
     * then Stop interrupts it. Rewound to its interruption, its chip says so, and its code chip stays
     * at the acquire's line marked ×: it read "◔ waiting for mutex" at mutex.acquire(), a line it never
     * reached, and then "◆ in put/take", the critical section's glyph.
     */
    @Test
    void aConsumerInterruptedInItsWaitSaysSoWhenRewound(FxRobot robot) throws Exception {
        zeroDelays(robot, 1, 1, 1);
        robot.interact(() -> model.implProperty().set(BufferImpl.SEMAPHORE));
        int acquireLine = BufferCode.take(BufferImpl.SEMAPHORE, Bug.NONE, WakePolicy.SIGNAL).lineOf(Where.WAITING);
        robot.interact(model::step); // from idle: starts paused, one step
        settle();
        while (!runner.snapshot().buffer().notEmptyWaiters().contains("C1")) {
            assertTrue(runner.snapshot().gate().waiting().contains("C1"), "C1 is at the gate or waits");
            robot.interact(() -> model.stepWorker("C1")); // takes the item the first step put, if it did
            settle();
        }
        robot.interact(model::stop);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.state() == RunState.IDLE);
        EventLog.Batch all = runner.snapshot().log().readAll();
        long leave = lastOf(all, BufferEvent.LEAVE, "C1");
        assertTrue(leave >= 0, "C1's interruption is recorded");
        long after = leave + 1;
        robot.interact(() -> model.rewind().moveTo(after));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> robot.lookup("#worker-C1 .worker-state")
                .queryAs(Label.class).getText()).equals("interrupted in its wait"));
        assertEquals("×", OnFx.get(() -> robot.lookup("#worker-C1 .worker-glyph").queryAs(Label.class).getText()));
        assertEquals(acquireLine, view().codeLineOf("C1"));
        assertEquals("× C1", OnFx.get(() -> robot.lookup("#code-chip-C1").queryAs(Label.class).getText()));
    }

    /**
     * unlocked-count, paused: a producer stepped from the gate looks, then stops at the gate again
     * before its lock; its chip says so, in the lanes and at the gate, and sits at the look's line of
     * the code (⚠ while it looks, ‖ there while it waits for the next step). Stepped on, it puts.
     */
    @Test
    void aProducerStoppedAfterItsLookIsShownAtTheLooksLine(FxRobot robot) throws Exception {
        zeroDelays(robot, 1, 2, 1);
        robot.interact(() -> model.bugProperty().set(Bug.UNLOCKED_COUNT));
        int lookLine = BufferCode.put(BufferImpl.LOCK, Bug.UNLOCKED_COUNT, WakePolicy.SIGNAL).lineOf(Where.LOOKED);
        robot.interact(model::step); // from idle: starts paused, one step
        settle();
        String producer = runner.snapshot().gate().waiting().stream().filter(name -> name.startsWith("P")
                && runner.snapshot().buffer().workers().stream().anyMatch(w -> w.name().equals(name)
                && w.where() != Where.LOOKED)).findFirst().orElseThrow();
        robot.interact(() -> model.stepWorker(producer));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.snapshot().buffer().workers().stream()
                .anyMatch(w -> w.name().equals(producer) && w.state() == WorkerState.AT_GATE && w.where() == Where.LOOKED));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view().codeLineOf(producer) == lookLine);
        assertEquals("‖ " + producer, OnFx.get(() -> robot.lookup("#code-chip-" + producer).queryAs(Label.class).getText()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> robot.lookup("#worker-" + producer
                + " .worker-state").queryAs(Label.class).getText()).startsWith("at gate after its look"));
        assertEquals(0, runner.snapshot().buffer().count(), "it has only looked");

        robot.interact(() -> model.stepWorker(producer));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.snapshot().buffer().count() == 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> !robot.lookup("#worker-" + producer
                + " .worker-state").queryAs(Label.class).getText().contains("after its look")));

        // Rewound to just after its look: its chip says it looked, as its code chip sits at the look's line
        // (it read "waiting for lock" there), and the look is a mark on its lane, with what it read.
        EventLog.Batch all = runner.snapshot().log().readAll();
        long look = lastOf(all, BufferEvent.LOOK, producer);
        long after = look + 1;
        robot.interact(() -> model.rewind().moveTo(after));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> robot.lookup("#worker-" + producer
                + " .worker-state").queryAs(Label.class).getText()).startsWith("looked without the lock"));
        assertEquals(lookLine, view().codeLineOf(producer));
        int at = (int) (look - all.firstSeq());
        assertEquals("⚠ 0 of 1", new BufferLanes().mark(all, at));
        // Its lane after the look is drawn as the chip says, not as waiting for the lock it has not asked for.
        BufferLanes lanes = new BufferLanes();
        assertEquals(BufferLanes.LOOKED, lanes.stateAfter(all, at));
        assertEquals("looked without the lock", lanes.words(BufferLanes.LOOKED));
        assertTrue(lanes.legend().stream().anyMatch(line -> line.state() == BufferLanes.LOOKED));
        assertTrue(new BufferLanes(() -> BufferImpl.LOCK, () -> Bug.NONE).legend().stream()
                .noneMatch(line -> line.state() == BufferLanes.LOOKED), "no such colour without the bug");
        // The timeline's caption names the mark while unlocked-count's code is shown, and not after.
        BufferHistoryPane history = OnFx.get(() -> (BufferHistoryPane) main.lookup("#buffer-history"));
        assertTrue(OnFx.get(() -> history.captionProperty().get()).contains("⚠ a look without the lock"));
        robot.interact(model::stop);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.state() == RunState.IDLE);
        robot.interact(() -> model.bugProperty().set(Bug.NONE));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !OnFx.get(() -> history.captionProperty().get())
                .contains("⚠"));
    }

    /**
     * A wait set keeps its height whether it reads "empty" or holds a chip: the code, the gate and
     * everything under them jumped by a third of a chip at every wait of a run.
     */
    @Test
    void aWaitSetIsAsTallEmptyAsWithAChip(FxRobot robot) throws Exception {
        zeroDelays(robot, 0, 1, 1);
        WaitForAsyncUtils.waitForFxEvents();
        FlowPane notEmpty = robot.lookup("#not-empty-queue").queryAs(FlowPane.class);
        FlowPane gate = robot.lookup("#gate-queue").queryAs(FlowPane.class);
        double emptyHeight = OnFx.get(notEmpty::getHeight);
        double emptyGate = OnFx.get(gate::getHeight);
        robot.interact(model::step); // from idle: starts paused, one step
        settle();
        for (int attempt = 0; attempt < 30 && !runner.snapshot().buffer().notEmptyWaiters().contains("C1"); attempt++) {
            List<String> waiting = runner.snapshot().gate().waiting();
            assertFalse(waiting.isEmpty(), "paused and settled, someone waits at the gate");
            // C1 whenever it is at the gate: it takes until the buffer is empty, then waits. (Stepping the
            // gate's first while items remained let P1 keep the buffer full for 30 steps on CI.)
            String next = waiting.contains("C1") ? "C1" : waiting.getFirst();
            robot.interact(() -> model.stepWorker(next));
            settle();
        }
        assertTrue(runner.snapshot().buffer().notEmptyWaiters().contains("C1"), "C1 waits on notEmpty within 30 steps");
        // The view shows it at its next frame.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> model.notEmptyWaiters().contains("C1")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, OnFx.get(() -> notEmpty.getChildren().stream().filter(n -> n.isVisible()
                && n.getStyleClass().contains("worker")).count()), "one chip in the wait set");
        assertTrue(OnFx.get(() -> gate.getChildren().stream().anyMatch(n -> n.isVisible()
                && n.getStyleClass().contains("worker"))), "a chip at the gate");
        assertEquals(emptyHeight, OnFx.get(notEmpty::getHeight), 1.0, "the notEmpty wait set, empty and with a chip");
        assertEquals(emptyGate, OnFx.get(gate::getHeight), 1.0, "the gate, empty and with a chip");
    }

    /**
     * Enter on the last chip at the gate lets that worker act; when it goes on to wait in a wait set
     * its chip at the gate is hidden, and the focus stays at the gate (it fell to the window's tabs).
     */
    @Test
    void theFocusStaysAtTheGateWhenTheChosenWorkerLeavesIt(FxRobot robot) throws Exception {
        zeroDelays(robot, 4, 1, 2);
        robot.interact(model::step); // from idle: starts paused, one step
        settle();
        String chosen = null;
        for (int attempt = 0; attempt < 30 && chosen == null; attempt++) {
            var now = runner.snapshot();
            List<String> gate = now.gate().waiting();
            WaitForAsyncUtils.waitForFxEvents();
            if (now.buffer().count() == 0 && gate.size() >= 2 && gate.getLast().startsWith("C")
                    && model.atGate().equals(gate)) {
                chosen = gate.getLast();
            } else {
                robot.interact(() -> model.stepWorker(gate.getFirst()));
                settle();
            }
        }
        String consumer = Objects.requireNonNull(chosen, "a consumer last at the gate of an empty buffer within 30 steps");
        FlowPane queue = robot.lookup("#gate-queue").queryAs(FlowPane.class);
        Node last = queue.getChildren().stream().filter(n -> n.isVisible() && n.getStyleClass().contains("choosable"))
                .reduce((a, b) -> b).orElseThrow();
        robot.interact(last::requestFocus);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.notEmptyWaiters().contains(consumer)
                && !model.atGate().contains(consumer));
        WaitForAsyncUtils.waitForFxEvents();
        Node owner = queue.getScene().getFocusOwner();
        assertTrue(owner != null && owner.getParent() == queue && owner.isVisible(),
                "the focus is on a chip at the gate, not " + owner);
    }

    /**
     * A double-click on a chip at the gate steps its thread once: its second click lands on the chip
     * that slid under the pointer when the first one left the queue, and chose nobody.
     */
    @Test
    void aDoubleClickAtTheGateStepsOnce(FxRobot robot) throws Exception {
        zeroDelays(robot, 4, 2, 2);
        robot.interact(model::step); // from idle: starts paused, one step
        settle();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.atGate().equals(runner.snapshot().gate().waiting()));
        WaitForAsyncUtils.waitForFxEvents();
        long before = runner.snapshot().gate().stepsTaken();
        FlowPane queue = robot.lookup("#gate-queue").queryAs(FlowPane.class);
        Node first = OnFx.get(() -> queue.getChildren().stream().filter(n -> n.isVisible()
                && n.getStyleClass().contains("choosable")).findFirst().orElseThrow());
        robot.interact(() -> first.fireEvent(click(first, 2)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, runner.snapshot().gate().stepsTaken(), "a second click chose nobody");
        robot.interact(() -> first.fireEvent(click(first, 1)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.snapshot().gate().stepsTaken() == before + 1);
    }

    /** A primary-button click on {@code node}, the {@code count}th of a run of clicks. */
    private static MouseEvent click(Node node, int count) {
        return new MouseEvent(MouseEvent.MOUSE_CLICKED, 1, 1, 1, 1, MouseButton.PRIMARY, count, false, false, false,
                false, true, false, false, true, false, true, null);
    }

    /**
     * A click on the timeline gives it the keys: + and - zoom it then (the scroll pane around the
     * view took the focus after the timeline, and the keys worked only once it was reached by Tab).
     */
    @Test
    void aClickOnTheTimelineGivesItTheZoomKeys(FxRobot robot) throws Exception {
        robot.interact(model::run);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.snapshot().consumed() > 3);
        robot.interact(model::togglePause);
        // Every worker at the gate or waiting: no event after `end` is read (a worker asleep when
        // paused parks at the gate up to 0.7 s later, an event).
        settle();
        Node timeline = OnFx.get(() -> robot.lookup("#timeline").query());
        robot.interact(() -> Controls.scrollTo(timeline));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(timeline);
        WaitForAsyncUtils.waitForFxEvents();
        // The keys' zoom itself: TimelineFxTest, with the focus given.
        assertEquals(timeline, OnFx.get(() -> timeline.getScene().getFocusOwner()));
        // Left and Right move the scrubber, as in the event log: the timeline marks the position.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> model.rewind().endProperty().get())
                == runner.snapshot().buffer().events());
        long end = OnFx.get(() -> model.rewind().endProperty().get());
        robot.push(KeyCode.LEFT);
        robot.push(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(end - 2, model.rewind().positionProperty().get(), "two events back from now");
        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(end - 1, model.rewind().positionProperty().get());
    }

    /**
     * ◀ and ▶ beside the narrated line, at the top of the view, rewind as Left and Right on the
     * scrubber do, the line telling the moment shown (at 1024x700 the scrubber is screens below the
     * chips: a teacher scrolled between them at every event). Hidden, in place, while a run goes on.
     */
    @Test
    void theButtonsBesideTheLastActionRewindAnEventAtATime(FxRobot robot) throws Exception {
        Node buttons = robot.lookup("#buffer-rewind").query();
        assertFalse(OnFx.get(buttons::isVisible), "before any run: nothing to rewind");
        robot.interact(model::run);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.snapshot().consumed() > 3);
        assertFalse(OnFx.get(buttons::isVisible), "running");
        robot.interact(model::togglePause);
        settle();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> buttons.isVisible()
                && model.rewind().endProperty().get() == runner.snapshot().buffer().events()));
        long end = OnFx.get(() -> model.rewind().endProperty().get());
        assertTrue(OnFx.get(() -> robot.lookup("#buffer-rewind-on").query().isDisabled()), "at now: nothing on");
        robot.clickOn("#buffer-rewind-back");
        robot.clickOn("#buffer-rewind-back");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(end - 2, (long) OnFx.get(() -> model.rewind().positionProperty().get()), "two events back from now");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.text(robot, "#last-action")
                .startsWith(String.format(Locale.ROOT, "Rewound to just after event %,d", end - 3)));
        robot.clickOn("#buffer-rewind-on");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(end - 1, (long) OnFx.get(() -> model.rewind().positionProperty().get()));
        robot.clickOn("#buffer-rewind-on");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(end, (long) OnFx.get(() -> model.rewind().positionProperty().get()), "after the newest event");
        // On from there: now (it stopped there, greyed out, the view still rewound).
        robot.clickOn("#buffer-rewind-on");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Rewind.PRESENT, (long) OnFx.get(() -> model.rewind().positionProperty().get()));
        assertTrue(OnFx.get(() -> robot.lookup("#buffer-rewind-on").query().isDisabled()), "at now: nothing on");
        // Now, beside them, as the narration names it: back to now from any event.
        assertTrue(OnFx.get(() -> robot.lookup("#buffer-rewind-now").query().isDisabled()), "at now: Now greyed out");
        robot.clickOn("#buffer-rewind-back");
        robot.clickOn("#buffer-rewind-back");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(OnFx.text(robot, "#last-action").contains("Now"), OnFx.text(robot, "#last-action"));
        robot.clickOn("#buffer-rewind-now");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Rewind.PRESENT, (long) OnFx.get(() -> model.rewind().positionProperty().get()), "Now: back to now");
    }

    /**
     * A stepped run's timeline is evenly spaced (on the clock, the pauses between steps made a lesson's
     * steps a sliver in minutes of grey), the next run run freely's on the clock again, unless the check
     * box was set by hand: then it stays.
     */
    @Test
    void aSteppedRunsTimelineIsEvenlySpaced(FxRobot robot) throws Exception {
        CheckBox order = robot.lookup("#timeline-event-order").queryAs(CheckBox.class);
        assertFalse(order.isSelected(), "on the clock before any step");
        robot.interact(model::step); // from idle: starts paused, one step
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, order::isSelected);
        robot.interact(model::stop);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.state() == RunState.IDLE);
        robot.interact(model::run);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !order.isSelected());
        robot.interact(model::stop);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.state() == RunState.IDLE);
        robot.interact(() -> order.fire()); // set by hand: evenly spaced
        robot.interact(() -> order.fire()); // and back: the clock
        assertFalse(order.isSelected());
        robot.interact(model::step);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.stepsTakenProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(order.isSelected(), "chosen by hand: a step leaves it");
    }

    /**
     * Zooming in and back leaves no room behind: "Last action" kept every height it went through (a
     * teacher saw 400 px of blank under the buffer after Ctrl+= and Ctrl+-). It keeps its height only
     * between steps, while paused, and starts afresh with a new font.
     */
    @Test
    void zoomingLeavesNoGapUnderTheBuffer(FxRobot robot) throws Exception {
        robot.interact(model::run);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.snapshot().consumed() > 3);
        robot.interact(model::stop);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.state() == RunState.IDLE);
        WaitForAsyncUtils.waitForFxEvents();
        Label lastAction = robot.lookup("#last-action").queryAs(Label.class);
        double before = lastAction.getHeight();
        for (int i = 0; i < 5; i++) {
            robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(lastAction.getHeight() > before * 1.5, "at 200 % the line is taller: " + lastAction.getHeight());
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lastAction.getHeight() <= before + 1, "back at 100 %: " + lastAction.getHeight() + " px, "
                + before + " before");

        // Paused, between steps, where it keeps its height: the zoom's passes are not kept either.
        for (int i = 0; i < 3; i++) {
            robot.interact(model::step);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.state() == RunState.PAUSED);
        }
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        double paused = lastAction.getHeight();
        for (int i = 0; i < 5; i++) {
            robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lastAction.getHeight() <= paused + 1, "paused, back at 100 %: " + lastAction.getHeight()
                + " px, " + paused + " before");
    }

    /**
     * {@code producers} and {@code consumers} with no produce or consume delay, in a buffer of
     * {@code capacity} slots (0: as it is).
     */
    private void zeroDelays(FxRobot robot, int capacity, int producers, int consumers) {
        robot.interact(() -> {
            if (capacity > 0) {
                model.capacityProperty().set(capacity);
            }
            model.producersProperty().set(producers);
            model.consumersProperty().set(consumers);
            model.produceMinMillisProperty().set(0);
            model.produceMaxMillisProperty().set(0);
            model.consumeMinMillisProperty().set(0);
            model.consumeMaxMillisProperty().set(0);
        });
    }

    /** The number of {@code worker}'s last event of {@code kind} in {@code all}, or -1 if it has none. */
    private static long lastOf(EventLog.Batch all, BufferEvent kind, String worker) {
        long last = -1;
        for (int i = 0; i < all.size(); i++) {
            if (BufferEvent.of(all, i) == kind && all.tracks().get(all.track(i)).equals(worker)) {
                last = all.seq(i);
            }
        }
        return last;
    }

    /**
     * Waits until the step is done: no permit left, every worker of the run registered and at the gate
     * (in the gate's own queue too: a worker marks itself there a moment before the gate lists it) or
     * in a wait set.
     */
    private void settle() throws Exception {
        settle(runner);
    }

    /** {@link #settle()} of {@code runner}'s run, for the other views' tests that step the buffer. */
    static void settle(BufferRunner runner) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            var now = runner.snapshot();
            return now.state() == RunState.PAUSED && now.gate().permits() == 0 && now.buffer() != null
                    && now.buffer().workers().size() == now.settings().producers() + now.settings().consumers()
                    && now.buffer().workers().stream().allMatch(w -> w.state() == WorkerState.AT_GATE
                    && now.gate().waiting().contains(w.name())
                    || w.state() == WorkerState.WAITING_NOT_FULL || w.state() == WorkerState.WAITING_NOT_EMPTY);
        });
    }

    /**
     * The slots stay where they are at Pause, and at each step after it: the narrated line above them
     * kept three lines only once paused, and the slots and chips moved down at Pause as a teacher
     * paused to explain them (a tryout at 1024x700).
     */
    @Test
    void theSlotsStayInPlaceAtPauseAndStep(FxRobot robot) throws Exception {
        Node slot = robot.lookup("#slots").query();
        DoubleSupplier y = () -> OnFx.get(() -> slot.localToScene(0, 0).getY());
        robot.interact(model::run);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.snapshot().consumed() > 3);
        // Running, laid out: the same place over a few frames.
        double[] seen = {Double.NaN};
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            double before = seen[0];
            WaitForAsyncUtils.waitForFxEvents();
            seen[0] = y.getAsDouble();
            return seen[0] == before;
        });
        double running = seen[0];
        robot.interact(model::togglePause);
        settle();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(running, y.getAsDouble(), 0.5, "paused");
        robot.interact(model::step);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.text(robot, "#last-action").startsWith("Step 1: "));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(running, y.getAsDouble(), 0.5, "after a step");
    }

    /** Many workers on one line: at most CHIPS_PER_LINE chips and a "+N", never more nodes than fit. */
    @Test
    void manyWorkersOnOneLineShowACount(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.capacityProperty().set(1);
            model.producersProperty().set(12);
            model.consumersProperty().set(1);
            model.produceMinMillisProperty().set(0);
            model.produceMaxMillisProperty().set(0);
            model.consumeMinMillisProperty().set(1_000);
            model.consumeMaxMillisProperty().set(2_000);
        });
        robot.interact(model::run);
        BufferCode.Method put = BufferCode.put(BufferImpl.LOCK, Bug.NONE, WakePolicy.SIGNAL);
        int awaitLine = put.lineOf(Where.WAITING);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.notFullWaiters().size() >= CodePanel.CHIPS_PER_LINE + 2);
        WaitForAsyncUtils.waitForFxEvents();
        int shown = OnFx.get(() -> robot.lookup("#code-put-chips-" + awaitLine).queryAs(FlowPane.class).getChildren().size());
        assertTrue(shown <= CodePanel.CHIPS_PER_LINE, "chips: " + shown);
        assertFalse(OnFx.get(() -> robot.lookup("#code-put-chips-" + awaitLine + "-more").queryAll().isEmpty()), "a +N count");
    }

    /**
     * The chips at an await line stand in wait order, as the wait set below: with twelve producers
     * on one slot, each woken producer puts and waits again at the back, so the queue soon is no
     * longer in name order (P3, P4, ..., P1, P2), and the chips follow it.
     */
    @Test
    void chipsAtAnAwaitLineStandInWaitOrder(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.capacityProperty().set(1);
            model.producersProperty().set(12);
            model.consumersProperty().set(1);
            model.produceMinMillisProperty().set(0);
            model.produceMaxMillisProperty().set(0);
            model.consumeMinMillisProperty().set(300);
            model.consumeMaxMillisProperty().set(300);
        });
        robot.interact(model::run);
        int awaitLine = BufferCode.put(BufferImpl.LOCK, Bug.NONE, WakePolicy.SIGNAL).lineOf(Where.WAITING);
        Comparator<String> byNumber = Comparator.comparingInt(name -> Integer.parseInt(name.substring(1)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            List<String> waiters = List.copyOf(model.notFullWaiters());
            return waiters.size() >= CodePanel.CHIPS_PER_LINE && !waiters.equals(waiters.stream().sorted(byNumber).toList());
        }).get());
        List<List<String>> seen = WaitForAsyncUtils.asyncFx(() -> {
            FlowPane chips = robot.lookup("#code-put-chips-" + awaitLine)
                    .queryAs(FlowPane.class);
            List<String> shown = chips.getChildren().stream().map(Node::getId)
                    .filter(id -> id != null && id.startsWith("code-chip-"))
                    .map(id -> id.substring("code-chip-".length())).toList();
            return List.of(shown, List.copyOf(model.notFullWaiters()).subList(0, shown.size()));
        }).get();
        assertFalse(seen.getFirst().isEmpty(), "chips at the await line");
        assertEquals(seen.get(1), seen.getFirst(), "the chips in the wait set's order");
    }

    /**
     * Producers, consumers and slots typed while a run goes on change that run: new chips and lanes
     * appear, removed workers leave after their action, the buffer grows and shrinks; the window says
     * what is pending meanwhile.
     */
    @Test
    void slidersChangeARunningRun(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.capacityProperty().set(4);
            model.producersProperty().set(2);
            model.consumersProperty().set(2);
            model.produceMinMillisProperty().set(10);
            model.produceMaxMillisProperty().set(50);
            model.consumeMinMillisProperty().set(10);
            model.consumeMaxMillisProperty().set(50);
        });
        robot.interact(model::run);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.consumedProperty().get() > 5);
        assertFalse(disabled(robot, "#producers-field"), "the slider acts during the run");

        type(robot, "#producers-field", "5");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> OnFx.get(() -> main.lookup("#worker-P5") != null));
        assertEquals(5, live(Worker.Role.PRODUCER));

        type(robot, "#consumers-field", "1");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> live(Worker.Role.CONSUMER) == 1);
        // The consumer that left reads so, not "✓ done" (it read "done" while the run went on, and
        // "ended" once it was stopped).
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.text(robot, "#worker-C2 .worker-state").equals("left"));
        assertEquals("–", OnFx.text(robot, "#worker-C2 .worker-glyph"));

        type(robot, "#capacity-field", "9");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.snapshot().buffer().capacity() == 9
                && model.slots().size() == 9);
        type(robot, "#capacity-field", "2");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> runner.snapshot().buffer().capacity() == 2);
        assertEquals(RunState.RUNNING, runner.state());
        assertTrue(runner.snapshot().buffer().brokenInvariants().isEmpty(), runner.snapshot().buffer().brokenInvariants().toString());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.pendingProperty().get().isEmpty());
    }

    /**
     * Before a run the lanes show the threads the next one will start, as the sliders set them, not
     * started; the run's own states replace them, and Reset brings them back.
     */
    @Test
    void beforeARunTheChipsAreTheThreadsTheSlidersSet(FxRobot robot) throws Exception {
        robot.clickOn("#impl-lock");
        type(robot, "#producers-field", "2");
        type(robot, "#consumers-field", "4");
        assertEquals(List.of("worker-P1", "worker-P2"), chipIds(robot, "#producers-lanes"));
        assertEquals(List.of("worker-C1", "worker-C2", "worker-C3", "worker-C4"), chipIds(robot, "#consumers-lanes"));
        assertTrue(notStarted(robot, "#worker-C4"));
        type(robot, "#producers-field", "3");
        assertEquals(List.of("worker-P1", "worker-P2", "worker-P3"), chipIds(robot, "#producers-lanes"));

        robot.interact(() -> {
            model.produceMinMillisProperty().set(10);
            model.produceMaxMillisProperty().set(20);
        });
        robot.interact(model::run);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.consumedProperty().get() > 3);
        WaitForAsyncUtils.waitForFxEvents();
        for (String chip : List.of("#worker-P1", "#worker-P3", "#worker-C1", "#worker-C4")) {
            assertFalse(notStarted(robot, chip), chip + " shows its run state");
        }
        robot.interact(runner::stop);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.state() == RunState.IDLE);
        robot.clickOn("#reset");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(notStarted(robot, "#worker-P1") && notStarted(robot, "#worker-C4"), "Reset: not started again");

        robot.clickOn("#impl-abq");
        assertFalse(robot.lookup("#producers-lanes").query().getParent().isVisible(), "abq's threads are not seen");
    }

    /**
     * The guides' "both delays 0" can be typed: the range slider's thumbs keep a thumb's width apart
     * and cannot reach it. The fields go on past the slider's end, to the command line's range; out of
     * range is refused with the reason under the fields.
     */
    @Test
    void theDelaysCanBeTypedDownToZero(FxRobot robot) {
        type(robot, "#produce-delay-min", "0");
        type(robot, "#produce-delay-max", "0");
        type(robot, "#consume-delay-max", "0");
        assertEquals(List.of(0, 0, 0, 0), List.of(model.produceMinMillisProperty().get(),
                model.produceMaxMillisProperty().get(), model.consumeMinMillisProperty().get(),
                model.consumeMaxMillisProperty().get()));
        assertTrue(model.settings().produceDelay().maxMillis() == 0 && model.settings().consumeDelay().maxMillis() == 0);
        // Past the slider's end the field goes on to the command line's range; the thumb waits at the end.
        type(robot, "#consume-delay-max", "5000");
        assertEquals(5_000, model.consumeMaxMillisProperty().get(), "the slider's end is not the field's");
        assertEquals((double) DelayInput.TRACK, // the thumb at the end
                OnFx.get(() -> robot.lookup("#consume-delay-slider").queryAs(RangeSlider.class).getHighValue()));
        assertEquals("", robot.lookup("#consume-delay-message").queryAs(Label.class).getText());
        assertEquals("Beyond the slider's end (2,000 ms): set in the field.",
                robot.lookup("#consume-delay-past-slider").queryAs(Label.class).getText());
        assertEquals(5_000, model.settings().consumeDelay().maxMillis());
        type(robot, "#consume-delay-max", "99999");
        assertEquals(DelayRange.MAX_MILLIS, model.consumeMaxMillisProperty().get());
        String why = robot.lookup("#consume-delay-message").queryAs(Label.class).getText();
        assertTrue(why.startsWith("99,999 is above the maximum, 60,000"), why);
    }

    /**
     * Producers past the slider's end (16) are typed, as the command line takes them (up to 200), and
     * every one is drawn: the thumb waits at the end, and the slider's clamping does not take the value back.
     */
    @Test
    void producersPastTheSliderAreTypedAndEachIsDrawn(FxRobot robot) throws Exception {
        type(robot, "#producers-field", "40");
        assertEquals(40, model.producersProperty().get());
        assertEquals(BufferViewModel.SLIDER_MAX_WORKERS,
                OnFx.get(() -> robot.lookup("#producers-slider").queryAs(Slider.class).getValue()));
        assertEquals("", robot.lookup("#producers-message").queryAs(Label.class).getText());
        assertEquals("Beyond the slider's end (16): set in the field.",
                robot.lookup("#producers-past-slider").queryAs(Label.class).getText(), "the thumb alone says 16");
        // Enter gave the slider the keys: an arrow there set a typed 40 to 15 without a word.
        type(robot, "#producers-field", "40");
        robot.interact(() -> robot.lookup("#producers-slider").query().requestFocus());
        robot.type(KeyCode.LEFT);
        assertEquals(40, model.producersProperty().get(), "an arrow on the slider keeps a value past its end");
        robot.interact(model::run);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return chipIds(robot, "#producers-lanes").size() == 40;
        });
        assertTrue(chipIds(robot, "#producers-lanes").contains("worker-P40"), chipIds(robot, "#producers-lanes").toString());
        assertEquals(40, runner.snapshot().buffer().workers().stream().filter(w -> w.role() == Worker.Role.PRODUCER).count());
        type(robot, "#producers-field", "250");
        assertEquals(BufferSettings.MAX_WORKERS, model.producersProperty().get());
        String why = robot.lookup("#producers-message").queryAs(Label.class).getText();
        assertTrue(why.startsWith("250 is above the maximum, 200"), why);
    }

    /**
     * "Producers not in put():" says "none" when every producer is inside put(), rather than end at its
     * colon; and nothing under code the shown run did not run (before any run, or another implementation
     * chosen after one): it read "none" there while the chips above showed P1 at the gate (a learner's
     * tryout).
     */
    @Test
    void nobodyOutsideAMethodIsSaid(FxRobot robot) throws Exception {
        Node outsidePut = robot.lookup("#code-put-outside").query();
        assertFalse(OnFx.get(() -> outsidePut.getParent().isVisible()), "no run yet: nobody listed outside put()");
        zeroDelays(robot, 1, 1, 1);
        robot.interact(model::step); // from idle: starts paused, one step
        settle();
        for (int attempt = 0; attempt < 10 && !runner.snapshot().buffer().notFullWaiters().contains("P1"); attempt++) {
            robot.interact(() -> model.stepWorker("P1"));
            settle();
        }
        assertTrue(runner.snapshot().buffer().notFullWaiters().contains("P1"), "P1 waits on notFull, inside put()");
        FlowPane outside = robot.lookup("#code-put-outside").queryAs(FlowPane.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> outside.getChildren().size() == 1
                && outside.getChildren().getFirst() instanceof Label only && only.getText().equals("none")));
        robot.interact(() -> model.stepWorker("C1")); // takes the item, wakes P1, which goes on to put it
        settle();
        FlowPane outsideTake = robot.lookup("#code-take-outside").queryAs(FlowPane.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> outsideTake.getChildren().stream()
                .anyMatch(node -> node.getId() != null && node.getId().equals("code-chip-C1"))));
        assertFalse(OnFx.get(() -> outsideTake.getChildren().stream().anyMatch(node -> node instanceof Label label
                && label.getText().equals("none"))), "C1 is outside take(): no \"none\" beside it");
        assertTrue(OnFx.get(() -> outsidePut.getParent().isVisible()));

        robot.interact(model::stop);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.state() == RunState.IDLE);
        robot.interact(() -> model.implProperty().set(BufferImpl.MONITOR));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> !outsidePut.getParent().isVisible()
                && !outsideTake.getParent().isVisible()));
    }

    /**
     * Rewound, an ended run's narration keeps its height as it goes through the events: "Rewound to
     * the run's start" in one line, "Rewound to just after event 14 (of 90 recorded): ..." in two or
     * three, moved the chips under it at each press of Right.
     */
    @Test
    void anEndedRunRewoundKeepsItsNarrationsHeight(FxRobot robot) throws Exception {
        robot.interact(model::run);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.snapshot().consumed() > 6);
        robot.interact(model::stop);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> OnFx.get(() -> model.runState() == RunState.IDLE));
        WaitForAsyncUtils.waitForFxEvents();
        Label narration = robot.lookup("#last-action").queryAs(Label.class);
        List<Double> heights = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (long position : List.of(0L, 1L, 2L, 3L, 5L, 8L, 13L)) {
            robot.interact(() -> model.rewind().moveTo(position));
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                heights.add(narration.getHeight());
                texts.add(narration.getText());
            });
        }
        assertTrue(texts.getFirst().startsWith("Rewound to the run's start") && texts.getLast().startsWith(
                "Rewound to just after event 12"), texts.toString());
        assertEquals(1, heights.stream().distinct().count(), heights + " for " + texts);
    }

    /**
     * The lanes' chips share the widest one's width: a chip whose words grow ("awaits room with
     * #2,052") re-wrapped the lanes, four chips a row to two and back, at every frame of a run.
     */
    @Test
    void theLanesChipsShareOneWidth(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.capacityProperty().set(1);
            model.producersProperty().set(6);
            model.consumersProperty().set(1);
            model.produceMinMillisProperty().set(0);
            model.produceMaxMillisProperty().set(0);
            model.consumeMinMillisProperty().set(0);
            model.consumeMaxMillisProperty().set(0);
            model.run();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> runner.snapshot().consumed() > 2_000);
        robot.interact(model::togglePause);
        settle();
        List<Double> widths = new ArrayList<>();
        List<String> words = new ArrayList<>();
        // A frame or two for the others to follow the widest.
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                widths.clear();
                words.clear();
                robot.interact(() -> {
                    for (Node chip : robot.lookup(".worker").queryAll()) {
                        if (chip.getId() != null && chip.getId().startsWith("worker-") && chip.isVisible()) {
                            widths.add(((Region) chip).getWidth());
                            words.add(((Label) chip.lookup(".worker-state")).getText());
                        }
                    }
                });
                return widths.size() == 7 && widths.stream().distinct().count() == 1;
            });
        } catch (TimeoutException e) {
            // told below
        }
        assertEquals(7, widths.size(), "six producers' chips and a consumer's");
        assertTrue(words.stream().anyMatch(text -> text.matches(".*with #[0-9,]{5,}")), "long words: " + words);
        assertEquals(1, widths.stream().distinct().count(), widths + " for " + words);
    }

    /** In a strip, as among tiles, the item a producer puts flies from its chip into its slot's cell. */
    @Test
    void anItemFliesIntoItsCellOfTheStrip(FxRobot robot) throws Exception {
        type(robot, "#capacity-field", "100");
        zeroDelays(robot, 0, 1, 1);
        WaitForAsyncUtils.waitForFxEvents();
        SlotStrip strip = robot.lookup("#slot-strip").queryAs(SlotStrip.class);
        assertTrue(OnFx.get(strip::isVisible), "100 slots: a strip");
        Pane layer = robot.lookup("#motion-layer").queryAs(Pane.class);
        List<Point2D> landed = new ArrayList<>();
        ListChangeListener<Node> watch = change -> {
            while (change.next()) {
                change.getRemoved().stream().filter(n -> n.getStyleClass().contains("motion-item")).forEach(n -> {
                    Region token = (Region) n;
                    landed.add(new Point2D(token.getLayoutX() + token.getTranslateX() + token.getWidth() / 2,
                            token.getLayoutY() + token.getTranslateY() + token.getHeight() / 2));
                });
            }
        };
        robot.interact(() -> layer.getChildren().addListener(watch));
        try {
            robot.interact(model::step); // from idle: starts paused, one step
            settle();
            for (int attempt = 0; attempt < 10 && runner.snapshot().buffer().produced() == 0; attempt++) {
                robot.interact(() -> model.stepWorker("P1"));
                settle();
            }
            assertEquals(1, runner.snapshot().buffer().produced(), "P1 put its first item");
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> !landed.isEmpty()));
            } catch (TimeoutException e) {
                throw new AssertionError("no item flew within 5 s of P1's put", e);
            }
            Point2D cell = OnFx.get(() -> {
                Bounds bounds = layer.sceneToLocal(strip.localToScene(strip.cellBounds(0)));
                return new Point2D(bounds.getCenterX(), bounds.getCenterY());
            });
            Point2D at = OnFx.get(() -> landed.getFirst());
            assertTrue(at.distance(cell) < 1.5, "the item landed at " + at + ", slot 0's cell is at " + cell);
        } finally {
            robot.interact(() -> layer.getChildren().removeListener(watch));
        }
    }

    /**
     * A buffer past the tiles (64) is typed, as the command line takes it (up to 1,000,000), and drawn
     * as a strip: the tiles give way to it, the line under it says what a cell stands for, and the
     * pointer's words for the next take's cell name its slot. Back within the tiles, tiles again.
     */
    @Test
    void aBufferPastTheTilesIsDrawnAsAStrip(FxRobot robot) throws Exception {
        type(robot, "#capacity-field", "100000");
        assertEquals(100_000, model.capacityProperty().get());
        assertEquals("", robot.lookup("#capacity-message").queryAs(Label.class).getText());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(OnFx.get(() -> robot.lookup("#slots").query().isVisible()), "no tiles");
        SlotStrip strip = robot.lookup("#slot-strip").queryAs(SlotStrip.class);
        assertTrue(OnFx.get(strip::isVisible));
        assertEquals("100,000 slots, more than the 64 tiles: a strip of cells, slot 0 at the top left. Point at a cell "
                + "for its slots and items.", robot.lookup("#slot-strip-note").queryAs(Label.class).getText());
        int perCell = OnFx.get(strip::slotsPerCell);
        assertTrue(perCell > 1, "100,000 slots in cells of " + perCell);
        assertEquals(String.format(Locale.ROOT, "A cell per %,d neighbouring slots: the stronger its colour, the more "
                + "of them hold an item", perCell), OnFx.get(strip::legend));
        assertTrue(List.of(20, 50, 100, 200, 500).contains(perCell), "a round number of slots per cell: " + perCell);
        assertEquals(List.of(1, 2, 5, 10, 1_000, 2_000), List.of(SlotStrip.round(1), SlotStrip.round(2), SlotStrip.round(3),
                SlotStrip.round(6), SlotStrip.round(906), SlotStrip.round(1_839)));

        robot.interact(() -> {
            model.produceMinMillisProperty().set(0);
            model.produceMaxMillisProperty().set(0);
            model.consumeMinMillisProperty().set(20);
            model.consumeMaxMillisProperty().set(20);
            model.run();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> OnFx.get(() -> model.countProperty().get() > perCell));
        robot.interact(model::togglePause);
        // Paused, the view settles on the buffer as the gate holds it: the take's cell names its slot.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> strip.describe(
                model.takeIndexProperty().get() / perCell).contains(String.format(Locale.ROOT,
                "▲ the next take, slot %,d", model.takeIndexProperty().get()))));
        String next = OnFx.get(() -> strip.describe(model.takeIndexProperty().get() / perCell + 1));
        assertTrue(next.matches("Slots [0-9,]+ to [0-9,]+: [0-9,]+ of " + String.format(Locale.ROOT, "%,d", perCell)
                + " hold an item.*"), next);
        robot.interact(model::stop);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> OnFx.get(() -> model.runState() == RunState.IDLE));
        type(robot, "#capacity-field", "8");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(OnFx.get(strip::isVisible), "the last run's 100,000 slots stay until Reset or Run");
        robot.interact(model::reset);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(OnFx.get(() -> robot.lookup("#slots").query().isVisible()), "tiles again");
        assertFalse(OnFx.get(strip::isVisible));
    }

    private static List<String> chipIds(FxRobot robot, String lanes) {
        return OnFx.get(() -> robot.lookup(lanes).queryAs(FlowPane.class).getChildren().stream()
                .filter(n -> n.getStyleClass().contains("worker")).map(Node::getId).toList());
    }

    private static boolean notStarted(FxRobot robot, String chip) {
        return OnFx.get(() -> {
            Node node = robot.lookup(chip).query();
            String words = ((Label) ((HBox) node).getChildren().getLast()).getText();
            boolean marked = node.getPseudoClassStates().contains(PseudoClass.getPseudoClass("not-started"));
            assertEquals(marked, words.equals("not started"), chip + ": " + words);
            return marked;
        });
    }

    /** Types {@code text} into the field and commits it (Enter), as a user does. */
    private static void type(FxRobot robot, String id, String text) {
        robot.interact(() -> {
            TextField field = robot.lookup(id).queryAs(TextField.class);
            field.setText(text);
            field.fireEvent(new ActionEvent());
        });
    }

    private long live(Worker.Role role) {
        return runner.snapshot().buffer().workers().stream()
                .filter(w -> w.role() == role && w.state() != WorkerState.DONE).count();
    }

    /**
     * While a run slow enough to read goes on (the scrubber at now), the event log shows its newest
     * lines, as a console does.
     */
    @Test
    void theEventLogFollowsTheRun(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.producersProperty().set(1);
            model.consumersProperty().set(1);
            model.produceMinMillisProperty().set(5);
            model.produceMaxMillisProperty().set(10);
            model.consumeMinMillisProperty().set(5);
            model.consumeMaxMillisProperty().set(10);
            model.run();
        });
        @SuppressWarnings("unchecked")
        ListView<String> log = OnFx.get(() -> robot.lookup("#event-log").queryAs(ListView.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> OnFx.get(() -> log.getItems().size()) > 100);
        // It scrolls at most four times a second: the newest lines, give or take a quarter
        // second's (about 100 here), not the first nine. Looked at until then: a slow frame on a
        // loaded machine brings many lines at once.
        int[] seen = new int[2];
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> {
            var flow = (VirtualFlow<?>) log.lookup(".virtual-flow");
            seen[0] = flow.getLastVisibleCell() == null ? -1 : flow.getLastVisibleCell().getIndex();
            seen[1] = log.getItems().size();
            return seen[0] >= seen[1] - 150;
        }));
        assertTrue(seen[0] >= seen[1] - 150, "the last line in view is " + seen[0] + " of " + seen[1]);
        // Paused, the lines stop coming: within a look or two the very last is in view.
        robot.interact(model::togglePause);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.state() == RunState.PAUSED);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            int[] now = new int[2];
            robot.interact(() -> {
                var flow = (VirtualFlow<?>) log.lookup(".virtual-flow");
                now[0] = flow.getLastVisibleCell() == null ? -1 : flow.getLastVisibleCell().getIndex();
                now[1] = log.getItems().size();
            });
            return now[0] == now[1] - 1;
        });
    }

    /**
     * A stalled run (lock, one-condition, its guide's setup) shows the failure banner naming who waits
     * where, the chips at the await lines at that moment, and "Show how it stalled" moves the
     * scrubber to the last put or take before everyone waited.
     */
    @Test
    void aStalledRunShowsTheBanner(FxRobot robot) throws Exception {
        robot.clickOn("#impl-lock");
        robot.clickOn("#bug-one-condition");
        applyTheGuide(robot);
        assertEquals(1, model.capacityProperty().get(), "the guide's setup: one slot");
        robot.interact(model::run);
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.labOutcomeProperty().get() != null);
        } catch (TimeoutException e) {
            throw new AssertionError("no stall in 30 s: " + OnFx.get(() -> model.producersProperty().get() + " producers, "
                    + model.consumersProperty().get() + " consumers, " + model.capacityProperty().get() + " slot(s), "
                    + model.policyProperty().get() + ", state " + model.stateProperty().get() + ", events "
                    + model.rewind().endProperty().get()), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        // The run's end moved the scrubber to the stall, and the timeline tells its story event by
        // event at once, as the buttons do (on the clock it showed the run's first 131 ms of one
        // thread starting, the story in its last pixels: a learner's tryout).
        CheckBox order = robot.lookup("#timeline-event-order").queryAs(CheckBox.class);
        assertEquals(model.momentProperty().get(), model.rewind().positionProperty().get());
        assertTrue(order.isSelected(), "the stall's story is told event by event when the run ends");
        // The narration says why the view is rewound: "Rewound to just after event 62" came with no
        // word of why, to a learner who had pressed nothing (a tryout).
        assertTrue(OnFx.get(() -> model.stepTextProperty().get()).startsWith("Rewound to the moment it stalled, just"
                + " after event "), OnFx.get(() -> model.stepTextProperty().get()));
        Label banner = robot.lookup("#lab-outcome").queryAs(Label.class);
        assertTrue(banner.getText().matches("✘ Stalled at [\\d,]+ ms \\(and still 0\\.5 s later\\)"), banner.getText());
        // The rate's card says what its span is in its caption: "whole run" over "87 until the stall" said two.
        Label rate = robot.lookup("#items-per-second").queryAs(Label.class);
        assertEquals(BufferView.RATE_UNTIL_STALL_CAPTION,
                OnFx.get(() -> ((Label) ((VBox) rate.getParent()).getChildren().getFirst()).getText()));
        assertTrue(OnFx.get(rate::getText).matches("[\\d,]+"), OnFx.get(rate::getText));
        // Who waits where under the headline, at reading size: the one sentence took five lines at 1024x700, 125 %.
        Label detail = robot.lookup("#lab-outcome-detail").queryAs(Label.class);
        assertTrue(detail.isVisible() && detail.getText().endsWith("nobody is left to wake them"), detail.getText());
        assertTrue(detail.getFont().getSize() < banner.getFont().getSize() * 0.85, detail.getFont() + " under " + banner.getFont());
        assertTrue(robot.lookup("#lab-verdict").query().getPseudoClassStates().contains(PseudoClass.getPseudoClass("failure")));
        Label badge = robot.lookup("#badge-buffer").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> badge.getText().equals("✘ stalled")); // not "failed"
        int awaitLine = BufferCode.put(BufferImpl.LOCK, Bug.ONE_CONDITION, WakePolicy.SIGNAL).lineOf(Where.WAITING);
        int takeAwait = BufferCode.take(BufferImpl.LOCK, Bug.ONE_CONDITION, WakePolicy.SIGNAL).lineOf(Where.WAITING);
        for (var worker : model.workers()) {
            assertEquals(worker.role() == Worker.Role.PRODUCER ? awaitLine : takeAwait, view().codeLineOf(worker.name()),
                    worker.name() + " is shown at its await line: " + worker);
        }
        assertTrue(model.stallCauseProperty().get() >= 0, () -> "the last put or take is kept: history "
                + model.rewind().startProperty().get() + ".." + model.rewind().endProperty().get() + ", moment "
                + model.momentProperty().get() + ", " + model.outcomeTextProperty().get());
        Node button = robot.lookup("#lab-stall-cause").query();
        StringBuilder chain = new StringBuilder();
        for (Node n = button; n != null; n = n.getParent()) {
            chain.append(n.getClass().getSimpleName()).append(n.isVisible() ? "+ " : "- ");
        }
        assertTrue(button.isVisible() && button.getParent().isVisible(), chain.toString());
        robot.interact(() -> model.rewind().toPresent()); // the lab shows the stall's moment: back to now first
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() ->
                robot.lookup("#scrub-position").queryAs(Label.class).getText().startsWith("now")));
        Thread.sleep(200); // a few pulses: laid out again
        WaitForAsyncUtils.waitForFxEvents();
        double scrubberAtNow = OnFx.get(() -> robot.lookup("#scrubber").query().getLayoutBounds().getWidth());
        // Fired, not clicked: the banner may be scrolled out of the live pane's viewport.
        robot.interact(((Button) button)::fire);
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(scrubberAtNow, robot.lookup("#scrubber").query().getLayoutBounds().getWidth(), 0.5,
                "the scrubber keeps its length when its label becomes 'after event ...'");
        assertEquals(model.stallCauseProperty().get(), model.rewind().positionProperty().get());
        // Greyed there, it says that it is shown and how to go on, as the other button does (it stayed
        // as it was: a lecturer could not tell which of the two the view showed).
        assertTrue(OnFx.get(button::isDisabled), "greyed: the view is there");
        assertEquals("✓ How it stalled, from here: ▶ steps on", OnFx.get(((Button) button)::getText));
        // Right walks on from the page itself too, as after a click on an empty spot of it (the guide's
        // "step forward with the Right arrow key" did nothing there: a learner's tryout).
        robot.interact(() -> robot.lookup("#buffer-live").query().requestFocus());
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(model.stallCauseProperty().get() + 1, model.rewind().positionProperty().get(), "Right from the page");
        assertEquals("Show how it stalled", OnFx.get(((Button) button)::getText), "moved on, it shows the story again");
        assertFalse(OnFx.get(button::isDisabled));
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(model.stallCauseProperty().get(), model.rewind().positionProperty().get(), "Left from the page");
        assertTrue(model.stepTextProperty().get().endsWith("(Now or End: back to the run's end)"),
                "the run has ended: no Resume to offer: " + model.stepTextProperty().get());
        Button moment = robot.lookup("#lab-moment").queryAs(Button.class);
        assertEquals("Show everyone waiting", OnFx.get(moment::getText), "elsewhere, it says what it shows");
        robot.interact(moment::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(model.momentProperty().get(), model.rewind().positionProperty().get());
        // Greyed there, it says that it is shown: greyed beside the very moment, it read as broken.
        assertTrue(OnFx.get(moment::isDisabled), "greyed: the view is there");
        assertEquals("✓ Everyone waiting, shown below", OnFx.get(moment::getText));
        // The story is told evenly spaced; the next run is on the clock again (it stayed evenly spaced,
        // with nothing on screen saying why), the box unticked as the story found it.
        assertTrue(order.isSelected(), "the story is told event by event");
        robot.interact(model::run);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(order.isSelected(), "a new run's timeline is on the clock");
    }

    /**
     * Opens the lab's guide and clicks Apply once the guide has stopped moving: a click aimed while
     * the pane still unrolls lands where the button was (under load the unrolling takes longer, and
     * a missed click left the default setup, whose delays make a stall take minutes).
     */
    private void applyTheGuide(FxRobot robot) throws TimeoutException {
        robot.clickOn("#lab-guide");
        Node apply = robot.lookup("#lab-guide-apply").query();
        Bounds[] last = {null};
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            Bounds now = OnFx.get(() -> apply.localToScene(apply.getBoundsInLocal()));
            boolean still = now.equals(last[0]) && OnFx.get(() -> robot.lookup("#lab-guide").queryAs(TitledPane.class).isExpanded());
            last[0] = now;
            if (!still) {
                Thread.sleep(100);
            }
            return still;
        });
        robot.clickOn(apply);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(OnFx.get(() -> model.guideAppliedProperty().get()).startsWith("Set: "), "Apply was clicked");
    }
}
