package dev.interleave.ui.philosophers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import dev.interleave.engine.philosophers.Coffman;
import dev.interleave.engine.philosophers.Strategy;
import dev.interleave.ui.kit.Controls;
import dev.interleave.ui.kit.Words;

/**
 * The four conditions of deadlock, each with a live mark (◆ holds now, or – not now; mutual exclusion:
 * – no fork held now; one the table's strategy rules out: – broken now, and the line under it says
 * by which) and the
 * strategies that break it, one click away ({@link PhilosophersViewModel#breakWith}). FX thread only.
 */
final class ConditionsPanel extends VBox {

    private static final PseudoClass HOLDS = PseudoClass.getPseudoClass("holds");

    private final GridPane cards = new GridPane(8, 8);
    private final List<VBox> all;
    /** Each card's mark ("◆ holds now", "– not now", "– broken now"), as wide as its longest text at its font. */
    private final List<Label> marks;

    /**
     * @param showTable brings the table into view: run after a strategy is clicked, which starts a
     *                  run in progress again with it (a presenter's class watched meals tick in the
     *                  status bar, the table a screen above the card)
     */
    ConditionsPanel(PhilosophersViewModel model, Runnable showTable) {
        super(6);
        setId("conditions");
        getStyleClass().add("conditions");
        Label title = new Label("The four conditions: a deadlock needs all of them at once");
        title.getStyleClass().add("section");
        title.setWrapText(true);
        // Two by two, each card half the width; one per row when the panel is narrower than two
        // cards' headings (a large zoom), rather than cutting them off.
        all = Arrays.stream(Coffman.values()).map(condition -> row(model, condition, showTable)).toList();
        all.forEach(card -> card.setMaxHeight(Double.MAX_VALUE));
        marks = all.stream().map(card -> (Label) card.lookup(".condition-mark")).toList();
        columns(2);
        getChildren().addAll(title, cards);
    }

    /**
     * The least width the cards need side by side: twice the widest card's least width (its heading,
     * title and mark, is never cut) and the gap. It changes with the marks' font: see
     * {@link #onLeastWidthChange}.
     */
    double twoColumnsWidth() {
        return 2 * all.stream().mapToDouble(card -> card.minWidth(-1)).max().orElse(0) + cards.getHgap();
    }

    /**
     * Runs {@code action} after a card's mark has changed its width (a zoom): {@link #twoColumnsWidth}
     * may differ then. Later, not at once: the marks change during the styling pass, before the
     * cards after them are restyled.
     */
    void onLeastWidthChange(Runnable action) {
        marks.forEach(mark -> mark.minWidthProperty().addListener((obs, old, now) -> Platform.runLater(action)));
    }

    /** The cards in {@code columns} columns (1 or 2), each an equal share of the width. */
    void columns(int columns) {
        if (cards.getColumnConstraints().size() == columns) {
            return;
        }
        cards.getChildren().clear();
        cards.getColumnConstraints().clear();
        for (int column = 0; column < columns; column++) {
            ColumnConstraints share = new ColumnConstraints();
            share.setPercentWidth(100.0 / columns);
            share.setHgrow(Priority.ALWAYS);
            cards.getColumnConstraints().add(share);
        }
        for (int i = 0; i < all.size(); i++) {
            cards.add(all.get(i), i % columns, i / columns);
        }
    }

    private static VBox row(PhilosophersViewModel model, Coffman condition, Runnable showTable) {
        String id = "condition-" + condition.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Label mark = new Label();
        mark.setId(id + "-mark");
        mark.getStyleClass().add("condition-mark");
        // Mutual exclusion is what a fork is: it lapses only while no fork is held, and says so ("– not
        // now" beside "Not broken here" read as a contradiction).
        String holds = "◆ holds now"; // not ✔ (success elsewhere), nor ● (eating, on the table beside it)
        String lapsed = condition == Coffman.MUTUAL_EXCLUSION ? "– no fork held now" : "– not now";
        // Ruled out by the table's strategy, it says so, and the line under it says by which: "– not
        // now" beside a greyed "ordered" did not say that the strategy in use is what keeps the circle
        // from closing (a teacher's tryout). The strategy's name is not in the mark: "– broken by
        // trylock-no-backoff" widened the cards past the view at 175 %.
        String broken = "– broken now";
        List<String> texts = List.of(holds, lapsed, broken);
        BooleanBinding ruledOut = Bindings.createBooleanBinding(
                () -> condition.ruledOutBy(model.tableStrategyProperty().get()), model.tableStrategyProperty());
        mark.textProperty().bind(Bindings.createStringBinding(() -> model.holdsProperty(condition).get() ? holds
                : ruledOut.get() ? broken : lapsed, model.holdsProperty(condition), ruledOut));
        // As wide as its longest text, whichever it shows and in bold or not (a condition that holds is
        // marked bold): the card's least width stays put as the conditions come and go, and so does
        // the choice of one or two columns.
        mark.minWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            Font font = mark.getFont();
            double widest = 0;
            for (FontWeight weight : List.of(FontWeight.NORMAL, FontWeight.BOLD)) {
                Font weighted = Font.font(font.getFamily(), weight, font.getSize());
                for (String text : texts) {
                    widest = Math.max(widest, Controls.textWidth(text, weighted));
                }
            }
            return Math.ceil(widest) + mark.snappedLeftInset() + mark.snappedRightInset() + 1;
        }, mark.fontProperty(), mark.paddingProperty()));
        Label title = new Label(condition.title());
        title.getStyleClass().add("condition-title");
        title.setMinWidth(Label.USE_PREF_SIZE);
        HBox head = new HBox(8, title, mark);
        head.setAlignment(Pos.BASELINE_LEFT);
        Label meaning = new Label();
        meaning.getStyleClass().add("condition-meaning");
        meaning.setWrapText(true);
        meaning.textProperty().bind(Bindings.createStringBinding(() -> condition.meaning() + "."
                + (condition != Coffman.CIRCULAR_WAIT ? ""
                : model.timedCircleProperty().get() ? " Now: a circle of timed tries, which cannot last: a try runs"
                        + " out and its fork goes back."
                : model.holdsProperty(condition).get() || model.longestChainProperty().get() < 2 ? ""
                : String.format(Locale.ROOT, " Now: a chain of %d, not a circle.", model.longestChainProperty().get()))
                // Before a run (or after Reset) the table is the chosen setting's: no run to name.
                + (ruledOut.get() ? (model.shownRunProperty().get() != null ? " This run's strategy, "
                : " The chosen strategy, ") + model.tableStrategyProperty().get().label() + ", rules it out." : ""),
                model.longestChainProperty(), model.timedCircleProperty(), model.holdsProperty(condition), ruledOut,
                model.tableStrategyProperty(), model.shownRunProperty()));
        Node breakers;
        if (condition.brokenBy().isEmpty()) {
            // Not in a flow pane: a label there keeps its one-line width and never wraps.
            Label none = new Label("Not broken here: " + condition.unbroken() + ".");
            none.getStyleClass().add("condition-none");
            none.setWrapText(true);
            breakers = none;
        } else {
            FlowPane buttons = new FlowPane(6, 4);
            Label breaks = new Label("Broken by:");
            breaks.getStyleClass().add("condition-meaning");
            buttons.getChildren().add(breaks);
            for (Strategy strategy : condition.brokenBy()) {
                Button button = new Button(strategy.label());
                button.setId(id + "-" + strategy.label());
                button.getStyleClass().addAll("small", "breaker");
                button.setOnAction(e -> {
                    model.breakWith(strategy);
                    Platform.runLater(showTable); // after the events the new strategy sets off
                });
                Controls.tip(button, "Switch to " + strategy.label() + " (a run in progress starts again "
                        + "with it, paused if it was paused; while idle, Run starts it).");
                button.disableProperty().bind(model.strategyProperty().isEqualTo(strategy)
                        .and(model.tableStrategyProperty().isEqualTo(strategy)));
                // The clicked breaker becomes the strategy in use and is disabled. Left to itself the
                // scene would pass the focus on to the next control, the timeline's far below, and
                // the scroll pane would jump there; the row of buttons keeps it in view instead.
                button.disabledProperty().addListener((obs, was, disabled) -> {
                    if (disabled && button.isFocused()) {
                        buttons.requestFocus();
                    }
                });
                buttons.getChildren().add(button);
            }
            // The strategies that rule it out without being a fix to try (Coffman.ruledOutBy): named
            // under the buttons, not one of them. "Broken by: trylock" alone stood beside a guide and a README that said
            // trylock-no-backoff breaks no preemption too (a teacher's tryout).
            List<String> also = Arrays.stream(Strategy.values())
                    .filter(strategy -> !condition.brokenBy().contains(strategy) && condition.ruledOutBy(strategy))
                    .map(Strategy::label).toList();
            if (!also.isEmpty()) {
                Label alsoBreaks = new Label("and " + Words.list(also) + " (" + (also.size() == 1 ? "it gives" : "they give")
                        + " forks back too, but livelock" + (also.size() == 1 ? "s" : "") + " instead)");
                alsoBreaks.setId(id + "-also");
                alsoBreaks.getStyleClass().add("condition-meaning");
                alsoBreaks.setWrapText(true); // under the buttons, not in their flow, where a label never wraps
                breakers = new VBox(2, buttons, alsoBreaks);
            } else {
                breakers = buttons;
            }
        }
        VBox row = new VBox(2, head, meaning, breakers);
        row.setId(id);
        row.getStyleClass().add("condition");
        model.holdsProperty(condition).addListener((obs, old, now) -> row.pseudoClassStateChanged(HOLDS, now));
        return row;
    }
}
