package ai.zelto.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time spent by the processes of this machine, read from {@code /proc}: what the app, PostgreSQL and the
 * load generator each cost per upload, so that the figures say where a machine's two cores went and what is
 * left for anything else at a given rate. Linux only; elsewhere every figure is absent.
 */
final class CpuAccount {
    /** Linux reports process times in USER_HZ ticks, 100 a second on every architecture it runs on. */
    private static final double TICKS_PER_SECOND = 100;

    /** CPU seconds by process id, and each process's name. */
    record Sample(Map<Long, Double> seconds, Map<Long, String> names, long atNanos) {
        /** The CPU seconds PostgreSQL's processes spent since {@code before} (those alive at both samples). */
        double postgresSince(Sample before) {
            double total = 0;
            for (Map.Entry<Long, Double> process : seconds.entrySet()) {
                if ("postgres".equals(names.get(process.getKey())) && before.seconds.containsKey(process.getKey())) {
                    total += process.getValue() - before.seconds.get(process.getKey());
                }
            }
            return total;
        }

        /** The CPU seconds one process spent since {@code before}, or NaN if it is not in both samples. */
        double processSince(Sample before, long pid) {
            if (!seconds.containsKey(pid) || !before.seconds.containsKey(pid)) {
                return Double.NaN;
            }
            return seconds.get(pid) - before.seconds.get(pid);
        }

        double wallSecondsSince(Sample before) {
            return (atNanos - before.atNanos) / 1e9;
        }
    }

    private CpuAccount() {
    }

    static Sample sample() {
        Map<Long, Double> seconds = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        long at = System.nanoTime();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] fields = stat.substring(close + 2).split(" ");
                    // after the name: state(0) ... utime(11) stime(12)
                    double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    long pid = Long.parseLong(process.getFileName().toString());
                    seconds.put(pid, cpu);
                    names.put(pid, stat.substring(open + 1, close));
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we read
                }
            }
        } catch (IOException | RuntimeException noProc) {
            // not Linux: no figures
        }
        return new Sample(seconds, names, at);
    }

    /** Milliseconds of CPU per upload, or "n/a". */
    static String perUpload(double cpuSeconds, double uploads) {
        if (Double.isNaN(cpuSeconds) || uploads <= 0) {
            return "n/a";
        }
        return String.format(java.util.Locale.ROOT, "%.3f", cpuSeconds * 1000 / uploads);
    }
}
