package dev.interleave.engine.philosophers;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;

import dev.interleave.engine.run.ThreadKind;
import dev.interleave.engine.run.ThreadSource;

/**
 * A thread source for tests: real threads of the kind asked for, every one remembered, each held
 * before its body until {@link #release()}, so that a test can pause the run before any
 * philosopher has acted (then every philosopher parks at its gate before its first fork action).
 * A thread interrupted while held ends without running its body.
 */
final class HeldThreads implements ThreadSource {

    private final ConcurrentLinkedQueue<Thread> created = new ConcurrentLinkedQueue<>();
    private final CountDownLatch released = new CountDownLatch(1);

    @Override
    public ThreadFactory factory(ThreadKind kind, String namePrefix) {
        ThreadFactory real = REAL.factory(kind, namePrefix);
        return body -> {
            Thread thread = real.newThread(() -> {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    return;
                }
                body.run();
            });
            created.add(thread);
            return thread;
        };
    }

    /** Lets every held thread run its body. */
    void release() {
        released.countDown();
    }

    /** The threads created that are still alive. */
    List<Thread> alive() {
        return created.stream().filter(Thread::isAlive).toList();
    }

    int created() {
        return created.size();
    }
}
