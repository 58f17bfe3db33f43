package ai.zelto.bench;

import java.util.Arrays;

/** Recorded durations in microseconds, and their percentiles. Not thread-safe: one per thread, then merged. */
final class Latencies {
    private long[] values = new long[1 << 14];
    private int size;

    void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    int count() {
        return size;
    }

    /** The p-th percentile (0–100) in milliseconds; 0 when empty. */
    double millis(double percentile) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int index = (int) Math.min(size - 1, Math.ceil(percentile / 100.0 * size) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
