package dev.interleave.ui.race;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.interleave.engine.race.StepProgram;
import dev.interleave.engine.race.StepperRunner;
import dev.interleave.engine.run.RunState;
import dev.interleave.ui.kit.OnFx;
import dev.interleave.ui.kit.StyledStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two and four lanes in the race view at 1024x700 (about 690 px beside the settings): no line of code is cut,
 * and the lanes take rows as even as they can (two of two), as many to a row as fit: the CAS loop's
 * too (its compare-and-set on one line stacked them one to a row, the second thread off screen).
 * Zoomed, two lanes still share a row.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class StepperLanesFxTest {

    private final StepperRunner runner = new StepperRunner();
    private final StepperViewModel model = new StepperViewModel(runner);
    private StepperView view;
    private Stage stage;

    @Start
    void start(Stage primary) {
        // The room the view has in a 1024x700 window, under the menus, tool bar and both rows of
        // tabs and over the status line (its vertical scroll bar takes its share of the width), in
        // the window's theme (its paddings).
        view = new StepperView(model);
        stage = StyledStage.showThemed(view, 1024, 525);
    }

    @AfterEach
    void close() throws Exception {
        if (runner.state() != RunState.IDLE) {
            runner.stop();
            runner.await(Duration.ofSeconds(10));
        }
        StyledStage.close(stage);
    }

    @AfterAll
    static void unthemed() {
        StyledStage.unthemed();
    }

    @Test
    void noLineOfCodeIsCut(FxRobot robot) {
        // count++'s four lanes fit in one row; the CAS loop's longer lines take two rows of two.
        lanesIn(robot, StepProgram.COUNT_PLUS_PLUS, 2, 1);
        lanesIn(robot, StepProgram.COUNT_PLUS_PLUS, 4, 1);
        lanesIn(robot, StepProgram.CAS, 2, 1);
        lanesIn(robot, StepProgram.CAS, 4, 2);
    }

    /**
     * The lesson is two threads side by side: at 200 % in 1920x1080 (here its proportions, text 18
     * px in a 1000 px view, the headless screen's width: 35 px in 1920) the two count++ lanes share
     * a row. Each code line was 16 em wide (set for the buffer's code panel) and stacked them, T2
     * under T1 and off the screen.
     */
    @Test
    void twoLanesSitSideBySideAtTwiceTheSizeInAFullHdWindow(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1000);
            stage.getScene().getRoot().setStyle("-fx-font-size: 18px;");
        });
        lanesIn(robot, StepProgram.COUNT_PLUS_PLUS, 2, 1);
    }

    /**
     * A stopped run's lanes show its own program's code beside its registers until the next run or
     * Reset, whatever program is picked meanwhile (a stopped incrementAndGet run's "register:
     * returned 3" stood under the CAS loop's code once cas-loop was picked); Reset shows the new one.
     */
    @Test
    void aStoppedRunsLanesKeepItsProgram(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.programProperty().set(StepProgram.ATOMIC);
            model.stepThread(0);
        });
        runner.awaitSteps(Duration.ofSeconds(10));
        robot.interact(model::stop);
        runner.await(Duration.ofSeconds(10));
        robot.interact(() -> {
            model.sample(System.nanoTime());
            model.programProperty().set(StepProgram.CAS);
        });
        WaitForAsyncUtils.waitForFxEvents();
        String lane = view.laneText(0);
        assertTrue(lane.contains("incrementAndGet") && !lane.contains("compareAndSet"), lane);
        robot.interact(model::reset);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.laneText(0).contains("compareAndSet"), view.laneText(0));
    }

    /**
     * A lane names its registers as the steps do: the CAS loop's two ("registers: seen = 0, next = 1",
     * beside "T1 computed next = 1 in its registers"; it read "register:"), count++'s one ("register: r = 0").
     */
    @Test
    void aLaneNamesItsRegistersAsTheStepsDo(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.programProperty().set(StepProgram.CAS);
            model.stepThread(0);
        });
        runner.awaitSteps(Duration.ofSeconds(10));
        robot.interact(() -> model.stepThread(0));
        runner.awaitSteps(Duration.ofSeconds(10));
        robot.interact(() -> model.sample(System.nanoTime()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.log().getFirst().words().contains("in its registers"), model.log().getFirst().words());
        assertTrue(view.laneText(0).endsWith("registers: seen = 0, next = 1\nincrements: 0 of 3, failed CAS: 0"),
                view.laneText(0));
        // Swapped, back at its read: the registers are the last increment's, as count++'s are (they
        // looked live: a learner's tryout).
        for (int step = 0; step < 5 && !OnFx.get(() -> view.laneText(0)).contains("increments: 1 of 3"); step++) {
            robot.interact(() -> model.stepThread(0));
            runner.awaitSteps(Duration.ofSeconds(10));
            robot.interact(() -> model.sample(System.nanoTime()));
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(OnFx.get(() -> view.laneText(0)).endsWith("registers: seen = 0, next = 1 (old)\nincrements: 1 of 3, failed CAS: 0"),
                view.laneText(0));
        robot.interact(model::stop);
        runner.await(Duration.ofSeconds(10));
        robot.interact(() -> {
            model.reset();
            model.programProperty().set(StepProgram.COUNT_PLUS_PLUS);
            model.stepThread(0);
        });
        runner.awaitSteps(Duration.ofSeconds(10));
        robot.interact(() -> model.sample(System.nanoTime()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.laneText(0).contains("\nregister: r = 0\n"), view.laneText(0));
        // Add and write: the next step reads afresh, and the register it keeps is said to be the last
        // increment's (it read as the value the next step would use: a student's tryout).
        for (int step = 0; step < 2; step++) {
            robot.interact(() -> model.stepThread(0));
            runner.awaitSteps(Duration.ofSeconds(10));
        }
        robot.interact(() -> model.sample(System.nanoTime()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.laneText(0).contains("\nregister: r = 1 (old)\n"), view.laneText(0));
        robot.interact(() -> model.stepThread(0)); // the read: the register is this increment's again
        runner.awaitSteps(Duration.ofSeconds(10));
        robot.interact(() -> model.sample(System.nanoTime()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.laneText(0).contains("\nregister: r = 1\n"), view.laneText(0));
    }

    /**
     * Each step's text stays in sight: at 125 % in 1024x700 the text under the lanes ended below the
     * view, and the step that lost an update was told where a class could not see it (a tryout). The
     * view scrolls down just enough after a step, and a view scrolled back up by hand is scrolled
     * again only by the next step.
     */
    @Test
    void eachStepsTextStaysInSight(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.getScene().getRoot().setStyle("-fx-font-size: 16.25px;"); // 125 %
            stage.setHeight(488); // the race view's room in 1024x700 at 125 %, as a tryout's screenshot shows it
        });
        ScrollPane scroll = robot.lookup("#stepper-live").queryAs(ScrollPane.class);
        Node text = robot.lookup("#stepper-last-step").query();
        for (int step = 0; step < 6; step++) {
            int thread = step % 2;
            robot.interact(() -> model.stepThread(thread));
            runner.awaitSteps(Duration.ofSeconds(10));
            robot.interact(() -> model.sample(System.nanoTime()));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                Bounds view = scroll.localToScene(scroll.getLayoutBounds());
                Bounds shown = text.localToScene(text.getLayoutBounds());
                assertTrue(shown.getMaxY() <= view.getMaxY() + 0.5 && shown.getMinY() >= view.getMinY(),
                        "the step's text at " + shown.getMinY() + ".." + shown.getMaxY() + " in a view of "
                                + view.getMinY() + ".." + view.getMaxY());
            });
        }
        assertTrue(OnFx.get(scroll::getVvalue) > 0, "scrolled to it: at the top it was below the view");
    }

    /**
     * At 150 % in 1024x700 a class sees the shared count, the lanes and the step's words on one
     * screen after each step, with nothing cut in half at the view's top: the steps scrolled the view
     * just enough for the step's words, the count cards went out of the top, and after step 6 the
     * "Challenge met" line was cut in half there (a teacher's tryout), then out of sight above the
     * count: the step's words say it. The four cards share a row (they wrapped three and one).
     */
    @Test
    void theCountTheLanesAndTheStepShareAScreenAt150Percent(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.getScene().getRoot().setStyle("-fx-font-size: 19.5px;"); // 150 %
            stage.setHeight(430); // the race view's room in 1024x700 at 150 %, as the tryout's screenshots show it
        });
        ScrollPane scroll = robot.lookup("#stepper-live").queryAs(ScrollPane.class);
        for (int step = 0; step < 6; step++) {
            int thread = step < 2 ? step : step < 4 ? 0 : 1; // 1, 2, 1, 1, 2, 2: the lost update
            robot.interact(() -> model.stepThread(thread));
            runner.awaitSteps(Duration.ofSeconds(10));
            robot.interact(() -> model.sample(System.nanoTime()));
            WaitForAsyncUtils.waitForFxEvents();
            int taken = step + 1;
            robot.interact(() -> {
                Bounds view = scroll.localToScene(scroll.getLayoutBounds());
                List<String> wrong = new ArrayList<>();
                List<Double> cardTops = new ArrayList<>();
                for (String id : List.of("#stepper-count", "#stepper-completed", "#stepper-lost", "#stepper-steps")) {
                    Node card = robot.lookup(id).query().getParent();
                    cardTops.add(card.localToScene(card.getLayoutBounds()).getMinY());
                }
                if (cardTops.stream().distinct().count() != 1) {
                    wrong.add("the cards in rows at " + cardTops);
                }
                for (String id : List.of("#stepper-figures", "#stepper-lanes", "#stepper-last-step")) {
                    Bounds shown = robot.lookup(id).query().localToScene(robot.lookup(id).query().getLayoutBounds());
                    if (shown.getMinY() < view.getMinY() - 0.5 || shown.getMaxY() > view.getMaxY() + 0.5) {
                        wrong.add(String.format("%s at %.0f..%.0f in a view of %.0f..%.0f", id, shown.getMinY(),
                                shown.getMaxY(), view.getMinY(), view.getMaxY()));
                    }
                }
                // Nothing under the count's cards: held at the top of the view (four threads), they
                // covered the lane titles here.
                Node cards = robot.lookup("#stepper-figures").query();
                Node lanesNode = robot.lookup("#stepper-lanes").query();
                if (cards.localToScene(cards.getLayoutBounds()).getMaxY()
                        > lanesNode.localToScene(lanesNode.getLayoutBounds()).getMinY() + 0.5) {
                    wrong.add("the cards over the lanes");
                }
                Node live = scroll.getContent();
                for (Node child : ((javafx.scene.Parent) live).getChildrenUnmodifiable()) {
                    Bounds at = child.localToScene(child.getLayoutBounds());
                    if (child.isVisible() && at.getMinY() < view.getMinY() - 0.5 && at.getMaxY() > view.getMinY() + 0.5) {
                        wrong.add(String.format("%s cut at the top: %.0f..%.0f", child.getId(), at.getMinY(),
                                at.getMaxY()));
                    }
                }
                assertEquals(List.of(), wrong, "after step " + taken);
                // The challenge line above the count is out of sight here: the line under the step's words,
                // in view, says it was met.
                Label met = (Label) robot.lookup("#stepper-step-goal").query();
                assertEquals(taken == 6 ? "✔ Challenge met." : "", met.getText());
                if (taken == 6) {
                    Bounds shown = met.localToScene(met.getLayoutBounds());
                    assertTrue(shown.getMinY() >= view.getMinY() - 0.5 && shown.getMaxY() <= view.getMaxY() + 0.5,
                            String.format("the challenge met at %.0f..%.0f in a view of %.0f..%.0f", shown.getMinY(),
                                    shown.getMaxY(), view.getMinY(), view.getMaxY()));
                }
            });
        }
    }

    /**
     * With four threads at 150 % in 1024x700 the count, two rows of lanes and the step's words do not
     * fit in one screen: the steps scrolled the step's words into view and the count's cards out of
     * the top, captions first ("1 | 2 of 12 | 1 | 6" without "Shared count", a teacher's tryout). The
     * cards stay at the top of the view, whole, over the lanes scrolled under them, and the step's
     * words stay in sight; a picture of the whole page draws them in their place.
     */
    @Test
    void withFourThreadsTheCountsCardsStayInSightAt150Percent(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.getScene().getRoot().setStyle("-fx-font-size: 19.5px;"); // 150 %
            stage.setHeight(430);
            model.threadsProperty().set(4);
        });
        ScrollPane scroll = robot.lookup("#stepper-live").queryAs(ScrollPane.class);
        boolean[] held = {false};
        for (int thread : new int[] {0, 1, 2, 3, 0, 0}) {
            robot.interact(() -> model.stepThread(thread));
            runner.awaitSteps(Duration.ofSeconds(10));
            robot.interact(() -> model.sample(System.nanoTime()));
            WaitForAsyncUtils.waitForFxEvents();
            String step = model.lastStepProperty().get();
            robot.interact(() -> {
                Bounds view = scroll.localToScene(scroll.getLayoutBounds());
                List<String> wrong = new ArrayList<>();
                for (String id : List.of("#stepper-count", "#stepper-completed", "#stepper-lost", "#stepper-steps",
                        "#stepper-last-step")) {
                    // A card's caption is the first line of its box, its value (the id) under it.
                    Node node = id.equals("#stepper-last-step") ? robot.lookup(id).query()
                            : robot.lookup(id).query().getParent();
                    Bounds shown = node.localToScene(node.getLayoutBounds());
                    if (shown.getMinY() < view.getMinY() - 0.5 || shown.getMaxY() > view.getMaxY() + 0.5) {
                        wrong.add(String.format("%s at %.0f..%.0f in a view of %.0f..%.0f", id, shown.getMinY(),
                                shown.getMaxY(), view.getMinY(), view.getMaxY()));
                    }
                }
                assertEquals(List.of(), wrong, step);
                held[0] |= robot.lookup("#stepper-figures").query().getTranslateY() > 0;
            });
        }
        assertTrue(held[0], "the page was scrolled past the cards, and they were held in view");
        double[] inPicture = new double[2];
        robot.interact(() -> {
            Node cards = robot.lookup("#stepper-figures").query();
            dev.interleave.ui.kit.InSight.seeingAll(scroll.getContent(), () -> {
                inPicture[0] = cards.getTranslateY()
                        + (cards.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("held")) ? 1000 : 0);
                return null;
            });
            inPicture[1] = cards.getTranslateY();
        });
        assertEquals(0, inPicture[0], "in a picture of the page, in its place, without the held ground");
        assertTrue(inPicture[1] > 0, "held again after the picture");
    }

    /**
     * With four threads at 150 % in 1024x700, the lane that took a step is whole in view, clear of
     * the count's cards held at the top and of the step's words held at the bottom, whichever row it
     * is in, with the cards and the words in sight: the cards held over the first row of lanes hid
     * the lane that had just stepped, register and all (a teacher's tryout). The cards are held and
     * the step's words too, while the first row steps.
     */
    @Test
    void theLaneThatSteppedIsNeverUnderTheHeldCardsAt150Percent(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.getScene().getRoot().setStyle("-fx-font-size: 19.5px;"); // 150 %
            stage.setHeight(430);
            model.threadsProperty().set(4);
        });
        ScrollPane scroll = robot.lookup("#stepper-live").queryAs(ScrollPane.class);
        boolean[] held = {false, false};
        for (int thread : new int[] {0, 1, 2, 3, 0, 1, 3, 0, 2, 1, 0}) {
            robot.interact(() -> model.stepThread(thread));
            runner.awaitSteps(Duration.ofSeconds(10));
            robot.interact(() -> model.sample(System.nanoTime()));
            WaitForAsyncUtils.waitForFxEvents();
            String step = model.lastStepProperty().get();
            robot.interact(() -> {
                Bounds view = scroll.localToScene(scroll.getLayoutBounds());
                Node cards = robot.lookup("#stepper-figures").query();
                Node words = robot.lookup("#stepper-told").query();
                Node lane = robot.lookup("#lane-" + (thread + 1)).query();
                Bounds cardsAt = cards.localToScene(cards.getLayoutBounds());
                Bounds wordsAt = words.localToScene(words.getLayoutBounds());
                Bounds laneAt = lane.localToScene(lane.getLayoutBounds());
                List<String> wrong = new ArrayList<>();
                if (laneAt.getMinY() < view.getMinY() - 0.5 || laneAt.getMaxY() > view.getMaxY() + 0.5) {
                    wrong.add(String.format("T%d's lane at %.0f..%.0f in a view of %.0f..%.0f", thread + 1,
                            laneAt.getMinY(), laneAt.getMaxY(), view.getMinY(), view.getMaxY()));
                }
                // The held ground and its rule reach 5 px beyond the held node (the stylesheet).
                if (cards.getTranslateY() > 0 && laneAt.getMinY() < cardsAt.getMaxY() + 5) {
                    wrong.add(String.format("T%d's lane from %.0f under the cards held down to %.0f", thread + 1,
                            laneAt.getMinY(), cardsAt.getMaxY()));
                }
                if (words.getTranslateY() < 0 && laneAt.getMaxY() > wordsAt.getMinY() - 5) {
                    wrong.add(String.format("T%d's lane down to %.0f under the step's words held from %.0f",
                            thread + 1, laneAt.getMaxY(), wordsAt.getMinY()));
                }
                for (Bounds shown : List.of(cardsAt, wordsAt)) {
                    if (shown.getMinY() < view.getMinY() - 0.5 || shown.getMaxY() > view.getMaxY() + 0.5) {
                        wrong.add(String.format("%.0f..%.0f out of a view of %.0f..%.0f", shown.getMinY(),
                                shown.getMaxY(), view.getMinY(), view.getMaxY()));
                    }
                }
                assertEquals(List.of(), wrong, step);
                held[0] |= thread < 2 && cards.getTranslateY() > 0;
                held[1] |= words.getTranslateY() < 0;
            });
        }
        assertTrue(held[0], "a step of the first row with the page scrolled past the cards, held in view");
        assertTrue(held[1], "the step's words held at the bottom of the view");
    }

    /**
     * A scroll made after the layout (a step's, Auto-step's) moves the held cards and the held step's
     * words with it, in the same frame, their ground drawn: placed from the viewport's bounds, a
     * layout pass late, they were drawn one frame where the view had been, the cards out of sight and
     * the step's words over the lanes without their ground (Auto-step at 20 steps a second). Scrolled
     * to where the cards are held clear of the lanes (the second row's top just under them: held
     * anywhere over a lane, they cut it, see StepperHeldCardsFxTest). The step's words are held only
     * while the cards are, and at 150 % with four threads no place holds both since the cards let go
     * over a lane: here the words are checked only to be on their ground if held; their hold at the
     * bottom is checked after steps, in theLaneThatSteppedIsNeverUnderTheHeldCardsAt150Percent.
     */
    @Test
    void theHeldCardsAndWordsMoveInTheFrameTheViewScrolls(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.getScene().getRoot().setStyle("-fx-font-size: 19.5px;"); // 150 %
            stage.setHeight(430);
            model.threadsProperty().set(4);
        });
        ScrollPane scroll = robot.lookup("#stepper-live").queryAs(ScrollPane.class);
        robot.interact(() -> model.stepThread(0));
        runner.awaitSteps(Duration.ofSeconds(10));
        robot.interact(() -> model.sample(System.nanoTime()));
        WaitForAsyncUtils.waitForFxEvents();
        Node cards = robot.lookup("#stepper-figures").query();
        Node secondRow = robot.lookup("#lane-3").query();
        // The page's y of the view's top with the second row's top 10 px under the cards (the rows' gap).
        double underCards = OnFx.get(() -> scroll.getContent().sceneToLocal(secondRow.localToScene(0, 0)).getY()
                - cards.getLayoutBounds().getHeight() - 10);
        for (double less : new double[] {0, 1, 2}) {
            robot.interact(() -> scroll.setVvalue(scroll.getVmin())); // at the top: nothing held
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                Node page = scroll.getContent();
                double room = page.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
                double share = (underCards - less) / room;
                scroll.setVvalue(scroll.getVmin() + share * (scroll.getVmax() - scroll.getVmin()));
                // No layout pass since: what the next frame draws.
                javafx.scene.layout.Region words = robot.lookup("#stepper-told").queryAs(javafx.scene.layout.Region.class);
                double viewTop = scroll.localToScene(0, scroll.snappedTopInset()).getY();
                double cardsTop = cards.localToScene(cards.getLayoutBounds()).getMinY();
                assertEquals(viewTop, cardsTop, 1.5, "the cards at the view's top, at " + share + " of the page ("
                        + page.localToScene(0, 0).getY() + ")");
                assertTrue(words.getTranslateY() >= 0 || words.getBackground() != null
                        && !words.getBackground().getFills().isEmpty(), "the step's words, if held, on their ground");
            });
        }
    }

    /**
     * Zoomed out from 150 % to 100 % with the cards held (four threads, a step of the second row),
     * no lane is left under them: the page stayed scrolled where it was, the cards held over the
     * first row's names and code, though the cards, the lanes and the step's words all fit at 100 %.
     */
    @Test
    void zoomedOutNoLaneIsLeftUnderTheHeldCards(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.getScene().getRoot().setStyle("-fx-font-size: 19.5px;"); // 150 %
            stage.setHeight(430);
            model.threadsProperty().set(4);
        });
        for (int thread : new int[] {1, 3, 0, 3, 2}) {
            robot.interact(() -> model.stepThread(thread));
            runner.awaitSteps(Duration.ofSeconds(10));
            robot.interact(() -> model.sample(System.nanoTime()));
            WaitForAsyncUtils.waitForFxEvents();
        }
        Node cards = robot.lookup("#stepper-figures").query();
        assertTrue(OnFx.get(cards::getTranslateY) > 0, "the cards held after T3's step at 150 %");
        // (The log's five lines make the page at 100 % taller than the view, the page stays scrolled.)
        robot.interact(() -> {
            stage.getScene().getRoot().setStyle("-fx-font-size: 13px;"); // 100 %
            stage.setHeight(525);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            Bounds cardsAt = cards.localToScene(cards.getLayoutBounds());
            List<String> wrong = new ArrayList<>();
            for (int lane = 1; lane <= 4; lane++) {
                Node node = robot.lookup("#lane-" + lane).query();
                Bounds laneAt = node.localToScene(node.getLayoutBounds());
                if (cards.getTranslateY() > 0 && laneAt.getMinY() < cardsAt.getMaxY() + 5
                        && laneAt.getMaxY() > cardsAt.getMinY()) {
                    wrong.add(String.format("T%d's lane at %.0f..%.0f under the cards held at %.0f..%.0f", lane,
                            laneAt.getMinY(), laneAt.getMaxY(), cardsAt.getMinY(), cardsAt.getMaxY()));
                }
            }
            assertEquals(List.of(), wrong);
        });
    }

    /**
     * The run's end is in sight at 150 % in 1024x700: its last step scrolled the step's words into
     * view and left the verdict ("✘ The count is 4 after 6 increments: 2 updates lost") cut in half
     * under them. The verdict comes into view whole, and the count's cards stay in view above.
     */
    @Test
    void theVerdictComesIntoSightAt150Percent(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.getScene().getRoot().setStyle("-fx-font-size: 19.5px;"); // 150 %
            stage.setHeight(430);
            model.incrementsProperty().set(1);
        });
        ScrollPane scroll = robot.lookup("#stepper-live").queryAs(ScrollPane.class);
        for (int thread : new int[] {0, 1, 0, 0, 1, 1}) {
            robot.interact(() -> model.stepThread(thread));
            runner.awaitSteps(Duration.ofSeconds(10));
            robot.interact(() -> model.sample(System.nanoTime()));
        }
        runner.await(Duration.ofSeconds(10));
        robot.interact(() -> model.sample(System.nanoTime()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            Bounds view = scroll.localToScene(scroll.getLayoutBounds());
            List<String> wrong = new ArrayList<>();
            for (String id : List.of("#stepper-verdict", "#stepper-last-step", "#stepper-figures")) {
                Node node = robot.lookup(id).query();
                Bounds shown = node.localToScene(node.getLayoutBounds());
                if (shown.getMinY() < view.getMinY() - 0.5 || shown.getMaxY() > view.getMaxY() + 0.5) {
                    wrong.add(String.format("%s at %.0f..%.0f in a view of %.0f..%.0f", id, shown.getMinY(),
                            shown.getMaxY(), view.getMinY(), view.getMaxY()));
                }
            }
            assertEquals(List.of(), wrong, ((Label) robot.lookup("#stepper-verdict").query()).getText());
        });
    }

    private void lanesIn(FxRobot robot, StepProgram program, int threads, long expectedRows) {
        robot.interact(() -> {
            model.programProperty().set(program);
            model.threadsProperty().set(threads);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();
        List<Double> tops = new ArrayList<>();
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            for (Node lane : robot.lookup(".lane").queryAll()) {
                Bounds box = lane.localToScene(lane.getLayoutBounds());
                tops.add(box.getMinY());
                for (Node line : lane.lookupAll(".code-line")) {
                    Bounds text = line.localToScene(line.getLayoutBounds());
                    double needed = ((Label) line).prefWidth(-1);
                    if (text.getMaxX() > box.getMaxX() + 0.5 || text.getWidth() + 0.5 < needed) {
                        cut.add(program + ": '" + ((Label) line).getText().strip() + "' in "
                                + lane.getId() + " is " + text.getWidth() + " px of " + needed);
                    }
                }
            }
        });
        assertEquals(List.of(), cut);
        long rows = tops.stream().distinct().count();
        assertEquals(threads, tops.size());
        assertEquals(expectedRows, rows, program + ", " + threads + " threads: lanes in rows at " + tops);
    }
}
