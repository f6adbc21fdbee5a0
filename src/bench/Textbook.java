import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;

/**
 * A yardstick for the lab's monitor and semaphore buffers: the two textbook bounded buffers, nothing
 * else, against ArrayBlockingQueue, with the same zero-delay producers and consumers. One Java
 * monitor (synchronized, wait() in a while loop, notifyAll()); Dijkstra's two counting semaphores
 * and a mutex. It tells what these designs cost on the JDK, apart from anything the lab adds:
 *   java src/bench/Textbook.java P Q K ITEMS platform|virtual
 * prints the items per second of each and their ratios to abq (one run each: monitor, semaphores, abq).
 */
public class Textbook {

    /** The textbook monitor buffer. */
    static final class Monitor {
        private final long[] items;
        private int head;
        private int tail;
        private int count;

        Monitor(int capacity) {
            items = new long[capacity];
        }

        synchronized void put(long item) throws InterruptedException {
            while (count == items.length) {
                wait();
            }
            items[tail] = item;
            tail = (tail + 1) % items.length;
            count++;
            notifyAll();
        }

        synchronized long take() throws InterruptedException {
            while (count == 0) {
                wait();
            }
            long item = items[head];
            head = (head + 1) % items.length;
            count--;
            notifyAll();
            return item;
        }
    }

    /** Dijkstra's bounded buffer: free and filled slots counted by two semaphores, the slots guarded by a third. */
    static final class Semaphores {
        private final long[] items;
        private final Semaphore freeSlots;
        private final Semaphore filledSlots = new Semaphore(0);
        private final Semaphore mutex = new Semaphore(1);
        private int head;
        private int tail;

        Semaphores(int capacity) {
            items = new long[capacity];
            freeSlots = new Semaphore(capacity);
        }

        void put(long item) throws InterruptedException {
            freeSlots.acquire();
            mutex.acquire();
            items[tail] = item;
            tail = (tail + 1) % items.length;
            mutex.release();
            filledSlots.release();
        }

        long take() throws InterruptedException {
            filledSlots.acquire();
            mutex.acquire();
            long item = items[head];
            head = (head + 1) % items.length;
            mutex.release();
            freeSlots.release();
            return item;
        }
    }

    interface Put {
        void put(long item) throws InterruptedException;
    }

    interface Take {
        long take() throws InterruptedException;
    }

    /** A buffer's put and take, whichever buffer it is. */
    record Channel(Put put, Take take) {
    }

    public static void main(String[] args) throws InterruptedException {
        int producers = 0;
        int consumers = 0;
        int capacity = 0;
        long items = 0;
        try {
            producers = Integer.parseInt(args[0]);
            consumers = Integer.parseInt(args[1]);
            capacity = Integer.parseInt(args[2]);
            items = Long.parseLong(args[3]);
        } catch (RuntimeException e) {
            // not numbers, or too few: said below
        }
        if (args.length != 5 || producers < 1 || consumers < 1 || capacity < 1 || items < 1
                || !(args[4].equals("platform") || args[4].equals("virtual"))) {
            System.err.println("usage: java src/bench/Textbook.java P Q K ITEMS platform|virtual"
                    + " (P, Q, K and ITEMS whole numbers of 1 or more)");
            System.exit(2);
        }
        ThreadFactory threads = args[4].equals("virtual") ? Thread.ofVirtual().factory() : Thread.ofPlatform().factory();
        Monitor monitor = new Monitor(capacity);
        double monitorRate = run(new Channel(monitor::put, monitor::take), producers, consumers, items, threads);
        Semaphores semaphores = new Semaphores(capacity);
        double semaphoresRate = run(new Channel(semaphores::put, semaphores::take), producers, consumers, items,
                threads);
        ArrayBlockingQueue<Long> queue = new ArrayBlockingQueue<>(capacity);
        double abqRate = run(new Channel(queue::put, queue::take), producers, consumers, items, threads);
        System.out.printf("P=%d Q=%d K=%d %s, %,d items: textbook monitor %,.0f items/s, textbook semaphores %,.0f"
                + " items/s, ArrayBlockingQueue %,.0f items/s; monitor/abq %.2f, semaphores/abq %.2f%n", producers,
                consumers, capacity, args[4], items, monitorRate, semaphoresRate, abqRate, monitorRate / abqRate,
                semaphoresRate / abqRate);
    }

    /** Items per second of one run: producers share the items, consumers take them all. */
    static double run(Channel channel, int producers, int consumers, long items, ThreadFactory threads)
            throws InterruptedException {
        Thread[] all = new Thread[producers + consumers];
        for (int p = 0; p < producers; p++) {
            long first = p + 1;
            all[p] = threads.newThread(() -> {
                try {
                    for (long item = first; item <= items; item += producers) {
                        channel.put().put(item);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        for (int c = 0; c < consumers; c++) {
            long share = items / consumers + (c < items % consumers ? 1 : 0);
            all[producers + c] = threads.newThread(() -> {
                try {
                    for (long taken = 0; taken < share; taken++) {
                        channel.take().take();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        long start = System.nanoTime();
        for (Thread thread : all) {
            thread.start();
        }
        for (Thread thread : all) {
            thread.join();
        }
        return items / ((System.nanoTime() - start) / 1e9);
    }
}
