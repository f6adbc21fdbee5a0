package dev.interleave.engine.run;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread source for tests: real threads of the kind asked for, every one remembered, and (if
 * asked) the {@code failAt}-th thread's start fails the way the kernel's thread limit does.
 */
public final class RecordingThreads implements ThreadSource {

    private final ConcurrentLinkedQueue<Thread> created = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private final int failAt;

    /** Records every thread; none fails. */
    public RecordingThreads() {
        this(0);
    }

    /** Records every thread; the {@code failAt}-th (from 1) cannot start. */
    public RecordingThreads(int failAt) {
        this.failAt = failAt;
    }

    @Override
    public ThreadFactory factory(ThreadKind kind, String namePrefix) {
        ThreadFactory real = REAL.factory(kind, namePrefix);
        return body -> {
            if (count.incrementAndGet() == failAt) {
                return new Thread(body, namePrefix + "doomed") {
                    @Override
                    public void start() {
                        throw new OutOfMemoryError("unable to create native thread: possibly out of memory"
                                + " or process/resource limits reached (planted by the test)");
                    }
                };
            }
            Thread thread = real.newThread(body);
            created.add(thread);
            return thread;
        };
    }

    /** The threads created that are still alive. */
    public List<Thread> alive() {
        return created.stream().filter(Thread::isAlive).toList();
    }

    /** How many threads were created. */
    public int created() {
        return created.size();
    }
}
