package dev.interleave.engine.buffer;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A buffer's slots at one instant, the item in each (0 where empty), as an unmodifiable list that
 * keeps them unboxed: a snapshot of a buffer of 1,000,000 slots is one copy of its array, not a
 * million {@code Long}s, and {@link #item} reads one without boxing it. Equal to any list of the
 * same items.
 */
public final class Slots extends AbstractList<Long> implements RandomAccess {

    private final long[] items;

    private Slots(long[] items) {
        this.items = items;
    }

    /** A copy of {@code items}. */
    public static Slots copyOf(long[] items) {
        return new Slots(items.clone());
    }

    /** {@code items} as slots: itself when it is, else a copy. */
    public static Slots of(List<Long> items) {
        if (items instanceof Slots slots) {
            return slots;
        }
        long[] copy = new long[items.size()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = items.get(i);
        }
        return new Slots(copy);
    }

    /** {@code capacity} empty slots. */
    public static Slots empty(int capacity) {
        return new Slots(new long[capacity]);
    }

    /** Slots over {@code items}, which the caller made for this alone and never changes again. */
    static Slots owning(long[] items) {
        return new Slots(items);
    }

    /** The item in slot {@code slot}, 0 when it is empty. */
    public long item(int slot) {
        return items[slot];
    }

    @Override
    public Long get(int slot) {
        return items[slot];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public boolean equals(Object other) {
        if (other instanceof Slots slots) {
            return Arrays.equals(items, slots.items);
        }
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode(); // the same as any list of these items, as equals requires
    }
}
