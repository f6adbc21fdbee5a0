package dev.interleave.ui.shell;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * Keeps the window ahead of the run: every thread of this process except the ones that draw the
 * window (the FX application thread, the renderer, the GTK event loop) runs at a lower OS priority
 * (Linux nice {@link #BACKGROUND_NICE}; the garbage collector's half-way, {@link #COLLECTOR_NICE}).
 *
 * <p>Why: on two cores the 1,000,000-call run keeps both busy (carrier threads, the sleep-timer
 * thread, the garbage collector and the JIT compilers). At equal priority the FX and renderer
 * threads got a few percent of a core and frames took 100 to 300 ms. At lower priority the run
 * still uses every cycle the window leaves idle, so it loses little, and the window gets the
 * cycles it needs when it needs them. The collector is lowered less: it must keep up with what the
 * run allocates, or it holds up every thread that allocates, the window's too
 * ({@link #COLLECTOR_NICE}).
 *
 * <p>Threads inherit their creator's nice value, so carriers started by an already-lowered thread
 * are born lowered; a keeper thread, itself lowered, sweeps {@code /proc/self/task} every
 * {@link #SWEEP_INTERVAL} for the rest (threads started from the FX thread, such as a run's
 * dispatcher). Raising one's own threads' nice value needs no privilege. Linux only: elsewhere
 * the keeper thread {@link #start} starts ends at once and changes nothing.
 */
final class UiPriority {

    /*
     * Implementation notes: Linux gives each thread its own nice value, set with
     * setpriority(PRIO_PROCESS, tid, nice) and read back as field 19 of /proc/self/task/TID/stat.
     * Java's Thread.setPriority does not change it (HotSpot ignores priorities on Linux by default),
     * and virtual threads' carriers are not ours to configure, hence the native call through the
     * foreign function API. Threads are recognised by the name the kernel holds (the first 15
     * characters of the Java thread name).
     */

    /** The nice value of every thread but the window's and the collector's (0 is normal, 19 the lowest priority). */
    static final int BACKGROUND_NICE = 10;
    /** How often the keeper looks for threads not yet at their nice value. */
    static final Duration SWEEP_INTERVAL = Duration.ofMillis(200);
    /** The kernel names of the threads that draw the window: they keep normal priority. */
    static final Set<String> WINDOW_THREADS = Set.of("JavaFX Applicat", "QuantumRenderer", "GtkNativeMainLo");
    /**
     * The nice value of the garbage collector's threads ({@link #COLLECTOR_THREADS}): between the
     * window's and the run's. At the run's, the collector fell behind the 1,000,000-call run's
     * allocations, and Shenandoah then paced every allocating thread, the FX thread among them (5.2
     * s of pacing in one run; frame interval p99 40 to 46 ms). At normal priority the calls run's p99
     * came down to 28 to 31 ms, but a free buffer run's p99, whose collections run beside a busy FX
     * thread, went from 50.2 to 57.6 ms (medians of 3); half-way gave 28.7 and 52.8 (see
     * docs/benchmarks.md).
     */
    static final int COLLECTOR_NICE = 5;
    /**
     * The beginnings of the kernel names of the garbage collector's threads: Shenandoah's, the
     * window's collector (its workers are all made at start, before the first sweep); ZGC's and
     * G1's for a window started with another; and the VM thread, which runs the collector's pauses
     * and starts G1's workers when they are first needed (a thread is born at its creator's nice
     * value, and one born lower than its own stays there: raising it needs a privilege).
     */
    static final List<String> COLLECTOR_THREADS = List.of("Shenandoah", "ZWorker", "ZDriver", "ZDirector", "G1 ",
            "GC Thread", "VM Thread");

    /** The nice value for the thread of kernel name {@code name}; 0: left as it is (the window's). */
    static int niceFor(String name) {
        if (WINDOW_THREADS.contains(name)) {
            return 0;
        }
        return COLLECTOR_THREADS.stream().anyMatch(name::startsWith) ? COLLECTOR_NICE : BACKGROUND_NICE;
    }

    private static final int PRIO_PROCESS = 0;
    private static final Path TASKS = Path.of("/proc/self/task");

    private final MethodHandle setpriority;
    /** The nice value each thread is lowered to, by kernel name; 0 leaves it alone. */
    private final ToIntFunction<String> targetNice;
    /** The threads (kernel ids) found at or below their nice value: not read again while alive. The keeper's only. */
    private final Set<String> seen = new HashSet<>();

    private UiPriority(MethodHandle setpriority, ToIntFunction<String> targetNice) {
        this.setpriority = setpriority;
        this.targetNice = targetNice;
    }

    /**
     * Starts the keeper thread: it lowers every thread but the window's, then every
     * {@link #SWEEP_INTERVAL} the ones started since. Where thread priorities cannot be set this way
     * (not Linux, or no native access) the keeper ends at once and nothing changes. Setting up the
     * native call takes tens of milliseconds, so it happens on the keeper, not on the FX thread.
     */
    static void start() {
        start(UiPriority::niceFor, SWEEP_INTERVAL);
    }

    /**
     * Starts a keeper that lowers every thread to the nice value {@code targetNice} gives its kernel
     * name (0: left alone), now and every {@code interval} (or at {@link #sweepSoon}); it ends when
     * interrupted. Returns its thread.
     */
    static Thread start(ToIntFunction<String> targetNice, Duration interval) {
        return Thread.ofPlatform().daemon(true).name("interleave-ui-priority").start(() ->
                create(targetNice).ifPresent(keeper -> {
                    keeperThread = Thread.currentThread();
                    try {
                        keeper.sweep();
                        keeper.keepSweeping(interval);
                    } finally {
                        keeperThread = null;
                    }
                }));
    }

    /** The keeper's thread once it sweeps, or null: {@link #sweepSoon} wakes it. */
    private static volatile Thread keeperThread;

    /** Whether a sweep was asked for by {@link #sweepSoon}: the keeper sweeps again shortly after. */
    private static volatile boolean asked;

    /** After a sweep asked for, the next one comes this much later: for the threads started meanwhile. */
    static final Duration FOLLOW_UP = Duration.ofMillis(30);

    /**
     * Asks the keeper for a sweep now rather than at its next interval, and another
     * {@link #FOLLOW_UP} later: a run's threads are started by the FX thread, or by a thread it
     * started (the calls dispatcher starts carriers as it goes), and are born at its normal priority;
     * until the sweep (up to {@link #SWEEP_INTERVAL} later) sixteen workers of a free buffer run shared
     * the cores equally with the window. Any thread; nothing happens before {@link #start} has its
     * keeper.
     */
    static void sweepSoon() {
        Thread keeper = keeperThread;
        if (keeper != null) {
            asked = true;
            LockSupport.unpark(keeper);
        }
    }

    /**
     * Lowers the JIT compiler threads now, once, on a thread of its own: for the window's start,
     * before the window's threads exist (they are started by this process's main thread, which stays
     * as it is, so they are born at normal priority). {@link #start} lowers them again with the rest.
     */
    static void lowerCompilers() {
        Thread.ofPlatform().daemon(true).name("interleave-ui-priority-compilers").start(() ->
                create(name -> name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")
                        ? BACKGROUND_NICE : 0).ifPresent(UiPriority::sweep));
    }

    /**
     * A keeper that lowers every thread to the nice value {@code targetNice} gives its kernel name
     * (0: left alone); no thread yet.
     */
    static Optional<UiPriority> create(ToIntFunction<String> targetNice) {
        Objects.requireNonNull(targetNice);
        if (!System.getProperty("os.name", "").startsWith("Linux") || !Files.isDirectory(TASKS)) {
            return Optional.empty();
        }
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle handle = linker.defaultLookup().find("setpriority")
                    .map(address -> linker.downcallHandle(address, FunctionDescriptor.of(ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)))
                    .orElse(null);
            return handle == null ? Optional.empty() : Optional.of(new UiPriority(handle, targetNice));
        } catch (IllegalCallerException | UnsupportedOperationException e) {
            // Native access not enabled for this module, or no native linker on this platform.
            return Optional.empty();
        }
    }

    /**
     * Lowers every thread now alive to its nice value, unless it is left alone (0) or already at
     * least that low (a thread born lower stays so). A thread found low (lowered now, or before) is
     * not read again; one left alone is, at each sweep: a new thread bears its creator's name until
     * the JVM names it, so one started from the FX thread looks like it for a moment. Only the
     * keeper thread sweeps.
     */
    void sweep() {
        Set<String> alive = new HashSet<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(task -> {
                String tid = task.getFileName().toString();
                alive.add(tid);
                if (!seen.contains(tid)) {
                    lower(task); // not every thread at every sweep: a free run's frames felt the garbage
                }
            });
        } catch (IOException e) {
            // /proc went away: nothing to do this time.
        }
        seen.retainAll(alive);
    }

    private void lower(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            int nice = targetNice.applyAsInt(name);
            if (nice == 0) {
                return; // left alone, and read again at the next sweep
            }
            boolean low = niceIn(stat) >= nice;
            if (!low) {
                int tid = Integer.parseInt(task.getFileName().toString());
                low = (int) setpriority.invokeExact(PRIO_PROCESS, tid, nice) == 0; // else tried again next sweep
            }
            if (low) {
                seen.add(task.getFileName().toString());
            }
        } catch (IOException e) {
            // The thread ended between listing and reading: nothing to lower.
        } catch (Throwable e) {
            throw new IllegalStateException("setpriority failed", e);
        }
    }

    private void keepSweeping(Duration interval) {
        boolean followUp = false;
        while (true) {
            LockSupport.parkNanos((followUp ? FOLLOW_UP : interval).toNanos()); // or until sweepSoon
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            followUp = asked;
            asked = false;
            sweep();
        }
    }

    /** A thread's nice value, read from {@code /proc}; for tests. */
    static int niceOf(long tid) throws IOException {
        return niceIn(Files.readString(TASKS.resolve(Long.toString(tid)).resolve("stat")));
    }

    /** The nice value in a {@code /proc/.../stat} line: field 19, the 17th after the name's ")". */
    private static int niceIn(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
