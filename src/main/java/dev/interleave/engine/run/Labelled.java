package dev.interleave.engine.run;

/**
 * A choice with the name the command line and the UI use for it, e.g. {@code "signal-all"}. The
 * enums behind the strategies a user can compare implement it, so that {@link Labels} parses and
 * lists them all the same way.
 */
public interface Labelled {

    /** The name the command line and the UI use; unique within its enum. */
    String label();
}
