package dev.interleave.engine.buffer;

import org.junit.jupiter.api.Test;

import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.ThreadKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BugTest {

    /** Each planted bug has the label {@code --bug} takes, and labels map back to it. */
    @Test
    void labelsRoundTrip() {
        assertEquals("if-not-while", Bug.IF_NOT_WHILE.label());
        assertEquals("one-condition", Bug.ONE_CONDITION.label());
        assertEquals("notify", Bug.NOTIFY.label());
        assertEquals("unlocked-count", Bug.UNLOCKED_COUNT.label());
        for (Bug bug : Bug.values()) {
            assertEquals(bug, Bug.fromLabel(bug.label()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bug.fromLabel("off-by-one"));
        assertEquals("'off-by-one' is not a planted bug; allowed: none, if-not-while, one-condition, notify,"
                + " unlocked-count", e.getMessage());
        assertEquals("'ifNotWhile' is not a planted bug (did you mean if-not-while?); allowed: none, if-not-while,"
                + " one-condition, notify, unlocked-count",
                assertThrows(IllegalArgumentException.class, () -> Bug.fromLabel("ifNotWhile")).getMessage());
    }

    /** The table: which bugs go with which implementations. */
    @Test
    void bugsGoWithTheirImplementations() {
        assertEquals("if-not-while: lock, monitor; one-condition: lock; notify: monitor; unlocked-count: lock, monitor,"
                + " semaphore (none: any)", Bug.combinations());
        for (BufferImpl impl : BufferImpl.values()) {
            assertTrue(Bug.NONE.appliesTo(impl));
        }
        assertFalse(Bug.NOTIFY.appliesTo(BufferImpl.LOCK));
        assertFalse(Bug.ONE_CONDITION.appliesTo(BufferImpl.MONITOR));
        assertFalse(Bug.IF_NOT_WHILE.appliesTo(BufferImpl.SEMAPHORE));
        assertFalse(Bug.UNLOCKED_COUNT.appliesTo(BufferImpl.ABQ));
    }

    /** Settings refuse a bug that does not go with the implementation, and a spurious rate outside 0..1. */
    @Test
    void settingsRefuseWhatDoesNotGoTogether() {
        BufferSettings base = BufferSettings.of(1, 1, 1, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> base.withBug(Bug.NOTIFY));
        assertTrue(e.getMessage().startsWith("bug notify does not go with the lock buffer; bugs go with:"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> base.withSpurious(1.5));
        assertThrows(IllegalArgumentException.class, () -> base.withSpurious(Double.NaN));
        assertEquals(Bug.NONE, base.withImpl(BufferImpl.MONITOR).withBug(Bug.NOTIFY).withImpl(BufferImpl.LOCK).bug());
        assertEquals(Bug.IF_NOT_WHILE,
                base.withBug(Bug.IF_NOT_WHILE).withImpl(BufferImpl.MONITOR).bug());
        assertEquals(new BufferSettings(1, 1, 1, 10, DelayRange.NONE, DelayRange.NONE, WakePolicy.SIGNAL, false,
                ThreadKind.PLATFORM, BufferImpl.LOCK, Bug.NONE, 0), base);
    }

    /** interleave, the old name of lock, is still accepted. */
    @Test
    void interleaveIsLock() {
        assertEquals(BufferImpl.LOCK, BufferImpl.fromLabel("interleave"));
        assertEquals(BufferImpl.SEMAPHORE, BufferImpl.fromLabel("Semaphore"));
        assertThrows(IllegalArgumentException.class, () -> BufferImpl.fromLabel("lmax"));
    }
}
