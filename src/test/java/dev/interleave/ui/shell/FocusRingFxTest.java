package dev.interleave.ui.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.effect.DropShadow;
import javafx.scene.effect.Effect;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.interleave.engine.calls.CallRunner;
import dev.interleave.engine.race.LabRunner;
import dev.interleave.engine.race.StepperRunner;
import dev.interleave.ui.calls.CallsScenario;
import dev.interleave.ui.calls.CallsViewModel;
import dev.interleave.ui.kit.FrameStats;
import dev.interleave.ui.kit.OnFx;
import dev.interleave.ui.kit.StyledStage;
import dev.interleave.ui.kit.Wcag;
import dev.interleave.ui.race.LabViewModel;
import dev.interleave.ui.race.RaceScenario;
import dev.interleave.ui.race.RaceViewModel;
import dev.interleave.ui.race.StepperViewModel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A slider, a choice, a field or the tab strip reached by Tab shows that it has the focus (a solid ring: interleave.css's
 * :focus-visible rules), in the window's theme: Primer drew none, and a keyboard user moved Calls
 * with Left unseen.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class FocusRingFxTest {

    private Stage stage;
    private MainView view;

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage = new Stage();
        view = new MainView(List.of(CallsScenario.tab(new CallsViewModel(new CallRunner())),
                RaceScenario.tab(new RaceViewModel(new StepperViewModel(new StepperRunner()),
                        new LabViewModel(new LabRunner())))), new FrameStats());
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(InterleaveApp.class.getResource("interleave.css"))
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterAll
    static void unthemed() {
        StyledStage.unthemed();
    }

    @Test
    void slidersAndChoicesReachedByTabShowTheirFocus(FxRobot robot) {
        List<String> unseen = new ArrayList<>();
        Map<String, Integer> reached = new HashMap<>();
        for (int stop = 0; stop < 15; stop++) {
            robot.type(KeyCode.TAB);
            // Read on the FX thread, the focused node's styles applied (:focus-visible's rules come at a pulse).
            robot.interact(() -> {
                Node owner = stage.getScene().getFocusOwner();
                owner.applyCss();
                String kind = owner.getClass().getSimpleName();
                reached.merge(kind, 1, Integer::sum);
                if (!shown(owner)) {
                    unseen.add(owner.getId() != null ? owner.getId() : kind);
                }
            });
        }
        assertTrue(reached.getOrDefault("Slider", 0) >= 3 && reached.getOrDefault("ToggleButton", 0) >= 1
                && reached.getOrDefault("TextField", 0) >= 3 && reached.getOrDefault("TabPane", 0) == 1,
                "reached: " + reached);
        assertEquals(List.of(), unseen, "focused, and drawn as before");
        StyledStage.close(stage);
    }

    /**
     * Left and Right keep the ring in sight, in both themes: on a row of choices the focus goes to the
     * option chosen, its ring shown (a band of the ring's colour inside its edge, apart from its face),
     * and on a tab strip (the race lab's Slow motion / Full speed) the ring stays on the tab chosen.
     * JavaFX asks for the focus again on those keys, which shows no ring: a keyboard user chose unseen.
     */
    @Test
    void arrowsKeepTheRingOnAChoiceAndATabStripInBothThemes(FxRobot robot) {
        try {
            for (Theme theme : Theme.values()) {
                robot.interact(() -> {
                    view.window().themeProperty().set(theme);
                    view.select("calls");
                    view.requestFocus();
                });
                ToggleButton first = (ToggleButton) tabUntil(robot, node -> node instanceof ToggleButton);
                robot.push(KeyCode.RIGHT);
                Node next = owner();
                assertTrue(next instanceof ToggleButton choice && choice != first && choice.isSelected(),
                        "Right chose the next option and took the focus to it: " + next);
                assertTrue(next.isFocusVisible() && OnFx.get(() -> shown(next)), "its ring shows in " + theme);
                robot.push(KeyCode.LEFT);
                assertTrue(owner() == first && first.isSelected() && first.isFocusVisible()
                        && OnFx.get(() -> shown(first)), "Left: back, its ring shown in " + theme);

                robot.interact(() -> {
                    view.select("race");
                    view.requestFocus();
                });
                TabPane modes = (TabPane) tabUntil(robot, node -> "race-modes".equals(node.getId()));
                int before = modes.getSelectionModel().getSelectedIndex();
                robot.push(KeyCode.RIGHT);
                assertTrue(modes.getSelectionModel().getSelectedIndex() != before, "Right changed the mode");
                assertTrue(owner() == modes && modes.isFocusVisible() && OnFx.get(() -> shown(modes)),
                        "the strip's ring still shows in " + theme + ", on " + owner());
                robot.push(KeyCode.LEFT);
                assertEquals(before, modes.getSelectionModel().getSelectedIndex(), "Left: back");
            }
        } finally {
            robot.interact(() -> {
                view.window().themeProperty().set(Theme.LIGHT);
                view.select("calls");
            });
        }
    }

    /** A check box reached by Tab shows its ring, ticked or not, in both themes (the race lab's fair lock). */
    @Test
    void aCheckBoxShowsItsRingTickedOrNot(FxRobot robot) {
        try {
            for (Theme theme : Theme.values()) {
                robot.interact(() -> {
                    view.window().themeProperty().set(theme);
                    view.select("race");
                    ((TabPane) robot.lookup("#race-modes").query()).getSelectionModel().select(1);
                    view.requestFocus();
                });
                CheckBox fair = (CheckBox) tabUntil(robot, node -> node instanceof CheckBox);
                for (int press = 0; press < 2; press++) {
                    boolean ticked = OnFx.get(fair::isSelected);
                    assertTrue(fair.isFocusVisible() && OnFx.get(() -> shown(fair)),
                            (ticked ? "ticked" : "not ticked") + ": its ring shows in " + theme);
                    robot.push(KeyCode.SPACE);
                    assertTrue(owner() == fair && OnFx.get(fair::isSelected) != ticked, "Space ticks it, or clears it");
                }
            }
        } finally {
            robot.interact(() -> {
                view.window().themeProperty().set(Theme.LIGHT);
                view.select("calls");
            });
        }
    }

    /**
     * Ctrl+1 to Ctrl+4 and Ctrl+Tab give the keys to the tab strip, its ring on the tab chosen, from a
     * field of the tab left too: the focus stayed where it was, ringless on the strip or out of sight
     * in the other tab's settings, and Tab went on from there (a keyboard user's tryout).
     */
    @Test
    void switchingTabsByTheKeysPutsTheRingOnTheStrip(FxRobot robot) {
        try {
            TabPane strip = OnFx.get(() -> (TabPane) view.getCenter());
            tabUntil(robot, node -> node instanceof TextField); // a field of Counter & Sum has the keys
            robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
            assertEquals(1, OnFx.get(() -> strip.getSelectionModel().getSelectedIndex()), "Ctrl+2: the second tab");
            // Focus-visible, which the ring's rules key on (shown() would find the race lab's own strip,
            // in the content, before this one's tabs).
            assertTrue(owner() == strip && OnFx.get(strip::isFocusVisible),
                    "after Ctrl+2 the strip has the keys and its ring: the focus is on " + owner());
            robot.interact(view::requestFocus); // the focus asked for, no ring
            robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
            assertTrue(owner() == strip && OnFx.get(strip::isFocusVisible), "after Ctrl+1: the focus is on " + owner());
            robot.interact(() -> {
                strip.requestFocus(); // on the strip as a click leaves it: no ring
                strip.getSelectionModel().select(0);
            });
            assertFalse(OnFx.get(strip::isFocusVisible), "a click's focus: no ring yet");
            robot.push(KeyCode.CONTROL, KeyCode.TAB);
            assertEquals(1, OnFx.get(() -> strip.getSelectionModel().getSelectedIndex()), "Ctrl+Tab: the next tab");
            assertTrue(owner() == strip && OnFx.get(strip::isFocusVisible), "after Ctrl+Tab: the focus is on " + owner());
            // A click on a tab, from a field of the tab left: no ring, as any click leaves none.
            robot.interact(() -> view.select("calls"));
            tabUntil(robot, node -> node instanceof TextField);
            robot.clickOn(OnFx.node(robot, "#tab-race"));
            assertEquals(1, OnFx.get(() -> strip.getSelectionModel().getSelectedIndex()), "the click chose the race lab");
            Node clicked = owner();
            assertFalse(OnFx.get(clicked::isFocusVisible), "a click left a ring on " + clicked);
        } finally {
            robot.interact(() -> view.select("calls"));
        }
    }

    /** Presses Tab until the focus owner is {@code wanted} (within 40 presses); that node. */
    private Node tabUntil(FxRobot robot, Predicate<Node> wanted) {
        for (int press = 0; press < 40 && !OnFx.get(() -> owner() != null && wanted.test(owner())); press++) {
            robot.push(KeyCode.TAB);
        }
        Node owner = owner();
        assertTrue(owner != null && wanted.test(owner), "Tab did not get there: the focus is on " + owner);
        return owner;
    }

    /** The focus owner, once the keys pressed have been handled and its styles applied. */
    private Node owner() {
        WaitForAsyncUtils.waitForFxEvents();
        return OnFx.get(() -> {
            Node owner = stage.getScene().getFocusOwner();
            if (owner != null) {
                owner.applyCss();
            }
            return owner;
        });
    }

    /** Whether {@code owner}, focused by Tab, shows it (true for kinds this test does not check). FX thread. */
    private static boolean shown(Node owner) {
        return switch (owner) {
            // Its thumb in the accent, inside a ring of the text's colour 3 px out (a ring of the
            // thumb's own grey read as a slightly larger thumb).
            case Slider slider -> {
                List<BackgroundFill> fills = ((Region) slider.lookup(".thumb")).getBackground().getFills();
                yield fills.size() >= 2 && fills.getFirst().getInsets().getTop() <= -3;
            }
            // A ring inside the chosen tab: an outer layer, and the tab's own background 2.5 px in (a
            // shadow outside it was clipped by the header, and never seen).
            case TabPane strip -> {
                Region tab = (Region) strip.lookup(".tab:selected");
                tab.applyCss();
                List<BackgroundFill> fills = tab.getBackground().getFills();
                yield fills.size() >= 2 && fills.get(1).getInsets().getTop() >= 2
                        && Wcag.contrast((Color) fills.get(0).getFill(), (Color) fills.get(1).getFill()) >= 3;
            }
            // The ring outside, and a band of the ring's colour inside its edge (1.5 px at least at 13 px
            // text, more with the zoom), apart (3:1 at least) from the panel's colour next in, which
            // stands apart from a chosen option's face.
            case ToggleButton choice -> {
                List<BackgroundFill> fills = choice.getBackground().getFills();
                yield ring(choice.getEffect()) && fills.size() >= 3 && fills.get(1).getInsets().getTop() >= 1.5
                        && Wcag.contrast((Color) fills.get(0).getFill(), (Color) fills.get(1).getFill()) >= 3
                        && (!choice.isSelected()
                                || Wcag.contrast((Color) fills.get(1).getFill(), (Color) fills.get(2).getFill()) >= 3);
            }
            // A ring around its box; ticked, the box filled with the accent, a ring outside it apart
            // from the fill by a band (3:1 at least each): a ring of the accent read as a larger box.
            case CheckBox box -> {
                Region mark = (Region) box.lookup(".box");
                mark.applyCss();
                List<BackgroundFill> fills = mark.getBackground().getFills();
                yield box.isSelected() ? fills.size() >= 3 && fills.getFirst().getInsets().getTop() <= -3
                        && Wcag.contrast((Color) fills.get(0).getFill(), (Color) fills.get(1).getFill()) >= 3
                        && Wcag.contrast((Color) fills.get(1).getFill(), (Color) fills.getLast().getFill()) >= 3
                        : ring(mark.getEffect());
            }
            // Its border grown outwards: the outer layer of its background 2 px outside it.
            case TextField field -> {
                Insets outer = field.getBackground().getFills().getFirst().getInsets();
                yield outer.getTop() <= -2 && outer.getLeft() <= -2;
            }
            default -> true;
        };
    }

    /**
     * Whether {@code effect} is a solid ring, seen from the back of a room: a shadow spread whole
     * (a soft glow, spread 0.6, read as a pale halo on a projector; a text field had none).
     */
    private static boolean ring(Effect effect) {
        return effect instanceof DropShadow shadow && shadow.getSpread() >= 0.99 && shadow.getRadius() >= 4;
    }
}
