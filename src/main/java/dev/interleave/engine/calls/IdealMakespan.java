package dev.interleave.engine.calls;

/**
 * The shortest wall time a run could take for the sleeps it drew: the makespan of greedy list
 * scheduling of the sleep sequence, in call order, onto {@code slots} parallel slots (each job goes
 * to the slot that frees first). No thread can finish the work sooner, so it is a lower bound, and
 * efficiency = ideal / elapsed.
 */
public final class IdealMakespan {

    private IdealMakespan() {
    }

    /**
     * @param durations the jobs' durations in call order, in any unit
     * @param slots     how many run at once, 1 or more
     * @return the makespan, in the unit of the durations
     */
    public static long of(int[] durations, int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be 1 or more, was " + slots);
        }
        // A binary min-heap of the times the busy slots become free; slots never used are free at 0.
        int jobs = durations.length;
        long[] freeAt = new long[Math.min(slots, Math.max(jobs, 1))];
        int used = 0;
        long makespan = 0;
        for (int i = 0; i < jobs; i++) {
            long duration = durations[i];
            long finish;
            if (used < freeAt.length) {
                finish = duration;
                freeAt[used] = finish;
                siftUp(freeAt, used++);
            } else {
                finish = freeAt[0] + duration;
                freeAt[0] = finish;
                siftDown(freeAt, used);
            }
            makespan = Math.max(makespan, finish);
        }
        return makespan;
    }

    private static void siftUp(long[] heap, int index) {
        long item = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (heap[parent] <= item) {
                break;
            }
            heap[index] = heap[parent];
            index = parent;
        }
        heap[index] = item;
    }

    private static void siftDown(long[] heap, int size) {
        long item = heap[0];
        int index = 0;
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < size && heap[right] < heap[child]) {
                child = right;
            }
            if (item <= heap[child]) {
                break;
            }
            heap[index] = heap[child];
            index = child;
        }
        heap[index] = item;
    }
}
