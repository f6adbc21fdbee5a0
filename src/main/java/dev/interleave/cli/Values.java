package dev.interleave.cli;

import java.math.BigDecimal;
import java.util.Locale;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import dev.interleave.engine.buffer.BufferImpl;
import dev.interleave.engine.buffer.BufferSettings;
import dev.interleave.engine.buffer.Bug;
import dev.interleave.engine.buffer.WakePolicy;
import dev.interleave.engine.calls.CallSettings;
import dev.interleave.engine.calls.CounterKind;
import dev.interleave.engine.race.LabMeasure;
import dev.interleave.engine.race.RaceSettings;
import dev.interleave.engine.race.RaceStrategy;
import dev.interleave.engine.run.Counts;
import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.Labelled;
import dev.interleave.engine.run.Labels;
import dev.interleave.engine.run.ThreadKind;

/**
 * Converters that turn option values into settings and, when they cannot, say what is allowed.
 * Picocli prefixes each message with the option's name.
 */
final class Values {

    private Values() {
    }

    /** A whole number in [min, max]; the message for anything else says the range. */
    abstract static class BoundedInt implements ITypeConverter<Integer> {
        private final int min;
        private final int max;

        BoundedInt(int min, int max) {
            this.min = min;
            this.max = max;
        }

        @Override
        public Integer convert(String value) {
            return (int) wholeNumber(value, min, max);
        }
    }

    /**
     * {@code value} as a whole number from {@code min} to {@code max}, or the one line that says why
     * not. Digits beyond a long's reach are out of range, not "not a whole number" (a tryout's
     * 99999999999999999999).
     */
    static long wholeNumber(String value, long min, long max) {
        long parsed;
        // "1,000" or "1_000" as the window's fields take it (Counts.plainDigits), and nothing else they refuse.
        String plain = Counts.plainDigits(value);
        if (plain == null) {
            throw new TypeConversionException(String.format(Locale.ROOT,
                    "'%s' is not a whole number; allowed: %,d to %,d", value, min, max));
        }
        try {
            parsed = Long.parseLong(plain);
        } catch (NumberFormatException e) {
            throw new TypeConversionException(String.format(Locale.ROOT,
                    "%s is out of range; allowed: %,d to %,d", value, min, max));
        }
        if (parsed < min || parsed > max) {
            // Grouped as the range is: "10000001 is out of range; allowed: 1 to 10,000,000" (a review).
            throw new TypeConversionException(String.format(Locale.ROOT,
                    "%,d is out of range; allowed: %,d to %,d", parsed, min, max));
        }
        return parsed;
    }

    static final class Calls extends BoundedInt {
        Calls() {
            super(1, CallSettings.MAX_CALLS);
        }
    }

    static final class Concurrency extends BoundedInt {
        Concurrency() {
            super(1, CallSettings.MAX_CONCURRENCY);
        }
    }

    static final class MaxSleep extends BoundedInt {
        MaxSleep() {
            super(0, CallSettings.MAX_SLEEP_MILLIS);
        }
    }

    static final class Workers extends BoundedInt {
        Workers() {
            super(1, BufferSettings.MAX_WORKERS);
        }
    }

    static final class Capacity extends BoundedInt {
        Capacity() {
            super(1, BufferSettings.MAX_CAPACITY);
        }
    }

    /** Item counts go beyond an int. */
    static final class Items implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return wholeNumber(value, 1, BufferSettings.MAX_ITEMS);
        }
    }

    static final class Delay implements ITypeConverter<DelayRange> {
        @Override
        public DelayRange convert(String value) {
            try {
                return DelayRange.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * A fraction 0 to 1, e.g. 0.05, or a percentage 0 % to 100 %, e.g. 5% (the rate of spurious
     * wake-ups: the window's field is a percentage, and "--spurious 20" was refused after it).
     */
    static final class Fraction implements ITypeConverter<Double> {
        private static final String ALLOWED = "allowed: a fraction 0 to 1, e.g. 0.05, or a percentage, e.g. 5%";

        @Override
        public Double convert(String value) {
            String number = value.strip();
            boolean percent = number.endsWith("%");
            if (percent) {
                number = number.substring(0, number.length() - 1).strip();
            }
            double fraction;
            try {
                fraction = Double.parseDouble(number) / (percent ? 100 : 1);
            } catch (NumberFormatException e) {
                fraction = Double.NaN;
            }
            if (!Double.isFinite(fraction)) { // "NaN" and "Infinity" parse, and read "'NaN' is outside 0 to 1"
                throw new TypeConversionException("'" + value + "' is not a number; " + ALLOWED);
            }
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new TypeConversionException("'" + value + "' is outside " + (percent ? "0% to 100%" : "0 to 1")
                        + "; " + ALLOWED + (!percent && fraction > 1 && fraction <= 100 ? " (" + value.strip() + "% is "
                        + fraction(fraction / 100) + ")" : ""));
            }
            return fraction;
        }
    }

    /** A fraction as the command line prints it: "0", "0.05", "1". */
    static String fraction(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A fraction as a percentage, in the window's words: "0 %", "5 %", "20 %" (and "12.5 %" if given so). */
    static String percent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }

    /** Any 64-bit whole number. */
    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return wholeNumber(value, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    /**
     * One {@link Labelled} enum's labels, ignoring case; the message for anything else names the
     * allowed labels. Picocli instantiates converters by class, hence one small subclass per enum.
     */
    abstract static class LabelledConverter<E extends Enum<E> & Labelled> implements ITypeConverter<E> {
        private final Class<E> type;
        /** What a constant is called in a message, e.g. "thread kind". */
        private final String noun;

        LabelledConverter(Class<E> type, String noun) {
            this.type = type;
            this.noun = noun;
        }

        @Override
        public E convert(String value) {
            try {
                return Labels.parse(type, value, noun);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * The thread kind. A count given to it ("--threads=4", as race's --threads takes it) is told that
     * counts go elsewhere: "'4' is not a thread kind" alone left a student guessing why. The same words
     * for every command and for race's --threads-kind: which option counts is each command's own.
     */
    static final class Threads extends LabelledConverter<ThreadKind> {
        /** The end of the message for a count given as the kind; {@link Cli} names the command's counting option. */
        static final String COUNT_ELSEWHERE = "how many threads run is another option";

        Threads() {
            super(ThreadKind.class, "thread kind");
        }

        @Override
        public ThreadKind convert(String value) {
            try {
                return super.convert(value);
            } catch (TypeConversionException e) {
                throw value.strip().matches("[+-]?\\d+") ? new TypeConversionException(e.getMessage()
                        + "; a thread kind, not a count: " + COUNT_ELSEWHERE) : e;
            }
        }
    }

    static final class Counter extends LabelledConverter<CounterKind> {
        Counter() {
            super(CounterKind.class, "counter");
        }
    }

    static final class Policy extends LabelledConverter<WakePolicy> {
        Policy() {
            super(WakePolicy.class, "wake-up policy");
        }
    }

    /** lock, monitor, semaphore or abq; {@code interleave}, the old name of lock, still works. */
    static final class Impl implements ITypeConverter<BufferImpl> {
        @Override
        public BufferImpl convert(String value) {
            try {
                return BufferImpl.fromLabel(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class BugLabel implements ITypeConverter<Bug> {
        @Override
        public Bug convert(String value) {
            try {
                return Bug.fromLabel(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class RaceStrategyLabel extends LabelledConverter<RaceStrategy> {
        RaceStrategyLabel() {
            super(RaceStrategy.class, "race strategy");
        }
    }

    static final class LabMeasureLabel extends LabelledConverter<LabMeasure> {
        LabMeasureLabel() {
            super(LabMeasure.class, "measure");
        }
    }

    static final class RaceThreads extends BoundedInt {
        RaceThreads() {
            super(1, RaceSettings.MAX_THREADS);
        }

        /** calls and buffer take the kind as --threads: here it is a count, and the kind --threads-kind. */
        @Override
        public Integer convert(String value) {
            for (ThreadKind kind : ThreadKind.values()) {
                if (kind.label().equalsIgnoreCase(value.strip())) {
                    throw new TypeConversionException(String.format(Locale.ROOT,
                            "'%s' is a kind of thread: race takes it as --threads-kind %s; --threads is how many,"
                                    + " allowed: 1 to %d", value, kind.label(), RaceSettings.MAX_THREADS));
                }
            }
            return super.convert(value);
        }
    }

    static final class Repeat extends BoundedInt {
        Repeat() {
            super(1, RaceSettings.MAX_REPEAT);
        }
    }

    /** Increments per thread: a whole number from 1 to the lab's total. */
    static final class Increments implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return (long) new BoundedInt(1, (int) RaceSettings.MAX_TOTAL) { }.convert(value);
        }
    }
}
