package dev.interleave.ui.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import dev.interleave.engine.buffer.BufferImpl;
import dev.interleave.engine.buffer.Bug;
import dev.interleave.ui.kit.Controls;

/**
 * The planted-bug selector: one button per bug, those that do not go with the chosen implementation
 * disabled, each saying why in its tooltip (installed on a wrapper, since a disabled control shows
 * none) and in a line under the row, so the reason is on screen without hovering.
 */
final class BugChooser extends VBox {

    /** The key under which a wrapper keeps the tooltip saying why its bug is disabled. */
    private static final String WHY = "bug-why-tooltip";

    private final ToggleGroup group = new ToggleGroup();
    private final List<ToggleButton> buttons = new ArrayList<>();
    private final List<StackPane> wrappers = new ArrayList<>();
    private final Label why = new Label();

    BugChooser(ObjectProperty<Bug> bug, ObjectProperty<BufferImpl> impl) {
        super(4);
        FlowPane row = new FlowPane(4, 4);
        row.setId("bug");
        row.getStyleClass().add("choice-row");
        for (Bug each : Bug.values()) {
            ToggleButton button = new ToggleButton(each.label());
            button.setId("bug-" + each.label());
            button.setUserData(each);
            button.setToggleGroup(group);
            button.setMinWidth(USE_PREF_SIZE);
            Controls.tip(button, explain(each));
            StackPane wrapper = new StackPane(button);
            wrapper.setId("bug-" + each.label() + "-wrapper");
            wrapper.getStyleClass().add("choice-wrapper");
            buttons.add(button);
            wrappers.add(wrapper);
            row.getChildren().add(wrapper);
        }
        Controls.arrowsKeepTheRing(buttons);
        why.setId("bug-why");
        why.getStyleClass().add("field-message");
        why.setWrapText(true);
        why.managedProperty().bind(why.textProperty().isNotEmpty());
        // Not while the settings are locked (a run goes): every button is greyed then, and not for the
        // reason it gives (a teacher's tryout). Its room kept: the panel does not move at Run.
        why.visibleProperty().bind(why.textProperty().isNotEmpty().and(disabledProperty().not()));
        getChildren().addAll(row, why);

        Runnable show = () -> {
            BufferImpl chosen = impl.get();
            List<String> off = new ArrayList<>();
            for (int i = 0; i < buttons.size(); i++) {
                ToggleButton button = buttons.get(i);
                Bug each = (Bug) button.getUserData();
                boolean fits = each.appliesTo(chosen);
                button.setDisable(!fits);
                button.setSelected(each == bug.get());
                String reason = String.format(Locale.ROOT, "%s goes with %s only, not %s.", each.label(),
                        each.impls().stream().map(BufferImpl::label).collect(Collectors.joining(" and ")),
                        chosen.label());
                StackPane wrapper = wrappers.get(i);
                if (wrapper.getProperties().get(WHY) instanceof Tooltip shown) {
                    Tooltip.uninstall(wrapper, shown);
                    wrapper.getProperties().remove(WHY);
                }
                if (!fits) {
                    Tooltip why = Controls.tip(reason);
                    Tooltip.install(wrapper, why);
                    wrapper.getProperties().put(WHY, why);
                }
                if (!fits) {
                    off.add(each.label() + " (" + each.impls().stream().map(BufferImpl::label)
                            .collect(Collectors.joining(", ")) + ")");
                }
            }
            why.setText(off.isEmpty() ? "" : "Greyed out, they go with another implementation: "
                    + String.join("; ", off) + ".");
        };
        show.run();
        bug.addListener((obs, old, now) -> show.run());
        impl.addListener((obs, old, now) -> show.run());
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                show.run(); // a choice is always made
            } else {
                bug.set((Bug) now.getUserData());
            }
        });
    }

    /** What a bug does, for its button's tooltip. */
    static String explain(Bug bug) {
        return switch (bug) {
            case NONE -> "none: the correct code.";
            case IF_NOT_WHILE -> "if-not-while: the wait is an if, so a woken thread does not check again.";
            case ONE_CONDITION -> "one-condition: producers and consumers share one condition with signal; a "
                    + "signal can wake the wrong side and be lost.";
            case NOTIFY -> "notify: notify() instead of notifyAll(): one waiter of either side wakes.";
            case UNLOCKED_COUNT -> "unlocked-count: the count is checked outside the lock (check-then-act).";
        };
    }
}
