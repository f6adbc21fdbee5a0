package dev.interleave.engine.race;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * What the lab's finished runs say, measure by measure; works on the runs finished so far, so a
 * view can draw them while the rest go on.
 *
 * @param legs the finished runs, in order
 */
public record LabFigures(List<RaceResult> legs) {

    public LabFigures {
        legs = List.copyOf(legs);
    }

    /** Updates lost by each run of {@code strategy}, in order. */
    public List<Long> lost(RaceStrategy strategy) {
        return legs.stream().filter(leg -> leg.settings().strategy() == strategy).flatMap(leg -> leg.lost().stream())
                .toList();
    }

    /** Increments per second of {@code strategy} with {@code threads} threads: the median of its runs; empty if none ran. */
    public OptionalDouble opsPerSecond(RaceStrategy strategy, int threads) {
        return rate(leg -> leg.settings().strategy() == strategy && leg.settings().threads() == threads);
    }

    /** Increments per second of {@code strategy}: the median of all its runs; empty if none ran. */
    public OptionalDouble opsPerSecond(RaceStrategy strategy) {
        return rate(leg -> leg.settings().strategy() == strategy);
    }

    /**
     * The CAS strategy's failed compare-and-set attempts per increment with {@code threads} threads:
     * the median of its runs', as the rates beside it are (the pooled ratio, a mean, read 1.5 % over
     * three runs of 0, 1.4 and 3.2 % under a caption saying "the median of up to three runs": a
     * teaching assistant's tryout); empty if it did not run.
     */
    public OptionalDouble casFailuresPerIncrement(int threads) {
        List<Double> rates = legs.stream()
                .filter(leg -> leg.settings().strategy() == RaceStrategy.CAS && leg.settings().threads() == threads)
                .filter(leg -> !leg.totals().isEmpty())
                .map(leg -> (double) leg.casRetries() / (leg.totals().size() * leg.settings().expected()))
                .toList();
        return rates.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Median.of(rates));
    }

    /** Padded per-thread counters' speed over packed ones' (above 1: false sharing cost the packed ones); empty until both ran. */
    public OptionalDouble falseSharingRatio() {
        OptionalDouble padded = opsPerSecond(RaceStrategy.STRIPED);
        OptionalDouble packed = opsPerSecond(RaceStrategy.PACKED);
        return padded.isPresent() && packed.isPresent() && packed.getAsDouble() > 0
                ? OptionalDouble.of(padded.getAsDouble() / packed.getAsDouble()) : OptionalDouble.empty();
    }

    /**
     * The slowest and the fastest run of {@code strategy}, increments per second: how far single runs
     * spread on this machine around the median; empty if none ran.
     */
    public Optional<Range> range(RaceStrategy strategy) {
        return range(leg -> leg.settings().strategy() == strategy);
    }

    /**
     * The slowest and the fastest run of {@code strategy} with {@code threads} threads (one point of
     * the throughput measure); empty if none ran.
     */
    public Optional<Range> range(RaceStrategy strategy, int threads) {
        return range(leg -> leg.settings().strategy() == strategy && leg.settings().threads() == threads);
    }

    private Optional<Range> range(Predicate<RaceResult> which) {
        return Range.of(legs.stream().filter(which).filter(leg -> leg.elapsedNanos() > 0)
                .map(RaceResult::opsPerSecond).toList());
    }

    /** The slowest and fastest of {@code runs} runs, increments per second. */
    public record Range(double slowest, double fastest, int runs) {

        /** The range of {@code rates}, in any order; empty for none. */
        public static Optional<Range> of(List<Double> rates) {
            List<Double> sorted = rates.stream().sorted().toList();
            return sorted.isEmpty() ? Optional.empty()
                    : Optional.of(new Range(sorted.getFirst(), sorted.getLast(), sorted.size()));
        }

        /** Whether the two ranges share any speed: then the runs do not tell the two apart. */
        public boolean overlaps(Range other) {
            return slowest <= other.fastest && other.slowest <= fastest;
        }

        /** How many times faster the fastest run went than the slowest (1 for one run). */
        public double spread() {
            return slowest > 0 ? fastest / slowest : 1;
        }
    }

    /**
     * The median of the matching runs' rates ({@link Median}): on a shared machine one run can be
     * slowed many times over by another process, and a median of a few runs shrugs that off where a
     * mean would not.
     */
    private OptionalDouble rate(Predicate<RaceResult> which) {
        List<Double> rates = legs.stream().filter(which).filter(leg -> leg.elapsedNanos() > 0)
                .map(RaceResult::opsPerSecond).toList();
        return rates.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Median.of(rates));
    }
}
