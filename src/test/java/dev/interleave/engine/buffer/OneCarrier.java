package dev.interleave.engine.buffer;

import java.lang.reflect.Constructor;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Virtual threads on one carrier of the test's own (a single-thread executor as their scheduler): a
 * thread woken by another cannot run until that one parks or ends, so an interleaving that is a race
 * on the JDK's scheduler happens every time. Not public API: the JDK's own tests make such threads
 * the same way (java.lang.ThreadBuilders' package-private constructor), for which the surefire
 * argLine opens java.lang to this module.
 */
final class OneCarrier {

    private OneCarrier() {
    }

    /** A builder of virtual threads whose scheduler is {@code carrier}. */
    static Thread.Builder.OfVirtual virtualThreadsOn(Executor carrier) {
        try {
            Class<?> builder = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
            Constructor<?> withScheduler = builder.getDeclaredConstructor(Executor.class);
            withScheduler.setAccessible(true);
            return (Thread.Builder.OfVirtual) withScheduler.newInstance(carrier);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return fail("no virtual threads with a scheduler of the test's own on this JDK (the surefire argLine "
                    + "must open java.base/java.lang to dev.interleave): " + e, e);
        }
    }
}
