package dev.interleave.engine.run;

import java.util.concurrent.ThreadFactory;

/**
 * Where a run gets its threads: a factory of unstarted threads of one kind. The runs start each
 * thread themselves, so a thread that cannot be started (the kernel's thread limit, memory) fails
 * the run cleanly; tests pass a source whose threads fail to start on purpose.
 */
@FunctionalInterface
public interface ThreadSource {

    /** Real threads of the kind asked for, from {@link ThreadKind#builder}. */
    ThreadSource REAL = (kind, namePrefix) -> kind.builder(namePrefix).factory();

    /**
     * A factory of unstarted threads of {@code kind}; platform threads are named {@code namePrefix0, 1, ...}.
     * The factory is used by one thread at a time.
     */
    ThreadFactory factory(ThreadKind kind, String namePrefix);
}
