/**
 * Interleave: real threads contending for a counter, a sum and a bounded buffer, racing and deadlocking,
 * made visible.
 */
module dev.interleave {
    requires javafx.controls;
    requires org.controlsfx.controls;
    requires atlantafx.base; // Primer Light and Dark, the window's base theme
    requires org.kordamp.ikonli.javafx; // FontIcon on the tool bar
    requires org.kordamp.ikonli.feather; // its icon pack, which FontIcon finds through ServiceLoader
    requires java.prefs; // each view's settings, kept between starts
    requires info.picocli;
    requires java.management; // the JVM's own start time, for --smoke
    requires com.fasterxml.jackson.core; // trace export: a streaming JSON writer
    requires jdk.jfr; // the buffer's put, take, wait and signal as Flight Recorder events
    requires java.logging; // JavaFX's controls log through it: their INFO notices kept off the terminal

    exports dev.interleave;
    exports dev.interleave.engine.run;
    exports dev.interleave.engine.calls;
    exports dev.interleave.engine.buffer;
    exports dev.interleave.engine.race;
    exports dev.interleave.ui.shell to javafx.graphics;
    opens dev.interleave.cli to info.picocli;
}
