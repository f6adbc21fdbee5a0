package dev.interleave.ui.kit;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.scene.Node;

/**
 * One scenario as the window shows it: a tab with a title (and a brief one, for a window too narrow
 * for the full titles side by side) and a one-sentence summary, the
 * view-model the tool bar drives, and the view. The window makes the view-model and the view when
 * the tab is first shown (the first frame then builds one scenario, not all), unless the view-model
 * was given made ({@link #of}). FX thread.
 */
public final class ScenarioTab {

    /**
     * A tab's title, {@code full} (e.g. "Bounded Buffer") and {@code brief} (e.g. "Buffer"), the
     * brief one for a window too narrow for the full ones side by side.
     */
    public record Title(String full, String brief) {
        public Title {
            Objects.requireNonNull(full);
            Objects.requireNonNull(brief);
        }
    }

    private final String id;
    private final Title title;
    private final String summary;
    private final Supplier<? extends RunControls> newModel;
    private final Function<RunControls, Node> newView;
    private RunControls model;
    private Node view;

    private ScenarioTab(String id, Title title, String summary, Supplier<? extends RunControls> newModel,
            Function<RunControls, Node> newView, RunControls model) {
        this.id = Objects.requireNonNull(id);
        this.title = Objects.requireNonNull(title);
        this.summary = Objects.requireNonNull(summary);
        this.newModel = Objects.requireNonNull(newModel);
        this.newView = Objects.requireNonNull(newView);
        this.model = model;
    }

    /**
     * A scenario whose view-model is made by {@code model} when the window first needs it.
     *
     * @param id      a short id, e.g. {@code "calls"}: the tab's node id is {@code "tab-" + id}
     * @param title   the tab's title, full and brief
     * @param summary what the scenario shows, for the tab's tooltip
     * @param model   makes the view-model; called once, on the FX thread
     * @param view    builds the view over the view-model; called once, on the FX thread
     */
    public static <M extends RunControls> ScenarioTab lazy(String id, Title title, String summary, Supplier<M> model,
            Function<? super M, ? extends Node> view) {
        return new ScenarioTab(id, title, summary, model, viewOf(view), null);
    }

    /** A scenario over a view-model already made (a test's, driven from outside the window). */
    public static <M extends RunControls> ScenarioTab of(String id, Title title, String summary, M model,
            Function<? super M, ? extends Node> view) {
        return new ScenarioTab(id, title, summary, () -> model, viewOf(view), Objects.requireNonNull(model));
    }

    /** The view maker over the model of the same scenario: the model it gets is the one its maker made. */
    @SuppressWarnings("unchecked")
    private static <M extends RunControls> Function<RunControls, Node> viewOf(Function<? super M, ? extends Node> view) {
        Objects.requireNonNull(view);
        return made -> view.apply((M) made);
    }

    public String id() {
        return id;
    }

    /** The tab's title, full and brief. */
    public Title title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    /** The view-model, made at the first call. */
    public RunControls model() {
        if (model == null) {
            model = Objects.requireNonNull(newModel.get());
        }
        return model;
    }

    /** The view-model if made, else empty (its tab never shown: no run to show). */
    public Optional<RunControls> madeModel() {
        return Optional.ofNullable(model);
    }

    /** The view, built (with the view-model) at the first call. */
    public Node view() {
        if (view == null) {
            view = Objects.requireNonNull(newView.apply(model()));
        }
        return view;
    }
}
