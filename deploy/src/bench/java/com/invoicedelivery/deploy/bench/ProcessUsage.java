package com.invoicedelivery.deploy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of processes from Linux's {@code /proc}: {@code stat}'s utime + stime (fields 14
 * and 15, in clock ticks) and {@code status}'s VmRSS. Idle CPU is the ticks spent over a quiet window, as a share
 * of one core.
 */
final class ProcessUsage {

    private static final long TICKS_PER_SECOND = ticksPerSecond();

    private ProcessUsage() {
    }

    /** How many of a process's busiest threads an idle measurement names. */
    private static final int BUSIEST = 6;

    /**
     * One process's figures over an idle window, with where its idle CPU went: its busiest threads, by name with
     * digits folded ({@code C2 CompilerThread0} and {@code 1} are {@code C# CompilerThread#}), each as a share of one
     * core.
     */
    record Idle(long pid, double cpuPercentOfOneCore, long rssBytes, Map<String, Double> busiestThreads) {
    }

    /**
     * Samples every process at the start and at the end of the window.
     *
     * @param processes name → pid
     */
    static Map<String, Idle> idle(Map<String, Long> processes, Duration window) {
        Map<String, Long> before = new LinkedHashMap<>();
        Map<String, Map<String, Long>> threadsBefore = new LinkedHashMap<>();
        processes.forEach((name, pid) -> {
            before.put(name, cpuTicks(pid));
            threadsBefore.put(name, threadTicks(pid));
        });
        long started = System.nanoTime();
        Pause.of(window);
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Idle> idle = new LinkedHashMap<>();
        processes.forEach((name, pid) -> {
            double cpuSeconds = (cpuTicks(pid) - before.get(name)) / (double) TICKS_PER_SECOND;
            idle.put(name, new Idle(pid, Latencies.round(100.0 * cpuSeconds / seconds), rssBytes(pid),
                    busiest(threadsBefore.get(name), threadTicks(pid), seconds)));
        });
        return idle;
    }

    /** The threads that spent the most CPU between two {@link #threadTicks} readings, by folded name. */
    private static Map<String, Double> busiest(Map<String, Long> before, Map<String, Long> after, double seconds) {
        Map<String, Long> spent = new HashMap<>();
        after.forEach((thread, ticks) -> {
            long delta = ticks - before.getOrDefault(thread, 0L);
            if (delta > 0) {
                spent.merge(thread.substring(thread.indexOf(' ') + 1).replaceAll("[0-9]+", "#"), delta, Long::sum);
            }
        });
        Map<String, Double> busiest = new LinkedHashMap<>();
        spent.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(BUSIEST)
                .forEach(entry -> busiest.put(entry.getKey(),
                        Latencies.round(100.0 * entry.getValue() / TICKS_PER_SECOND / seconds)));
        return busiest;
    }

    /**
     * Every thread's CPU ticks, keyed {@code "<tid> <name>"} ({@code /proc/<pid>/task/<tid>/stat}; Linux cuts a
     * thread's name to 15 characters). A thread that ends between the readings is left out.
     */
    private static Map<String, Long> threadTicks(long pid) {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    ticks.put(task.getFileName() + " " + name, ticksIn(stat));
                } catch (IOException gone) {
                    // the thread ended while the list was read
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/" + pid + "/task: is the process gone?", e);
        }
        return ticks;
    }

    /** Every process's CPU ticks now: the start of a {@link #cpuMillisPer} measurement. */
    static Map<String, Long> cpuTicks(Map<String, Long> processes) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        processes.forEach((name, pid) -> ticks.put(name, cpuTicks(pid)));
        return ticks;
    }

    /**
     * The CPU time (user + system) each process spent since {@code before}, in milliseconds per unit of work: what
     * sizing needs, and, unlike a rate, barely changed by other work on the machine.
     */
    static Map<String, Double> cpuMillisPer(Map<String, Long> processes, Map<String, Long> before, long units) {
        Map<String, Double> perUnit = new LinkedHashMap<>();
        processes.forEach((name, pid) -> perUnit.put(name, units == 0 ? null
                : Latencies.round(1000.0 * (cpuTicks(pid) - before.get(name)) / TICKS_PER_SECOND / units)));
        return perUnit;
    }

    /** utime + stime of a process's or a thread's {@code stat} line. */
    private static long ticksIn(String stat) {
        // the command name (field 2) is in parentheses and may hold spaces: count fields after its ")"
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime: fields 14 and 15
    }

    static long cpuTicks(long pid) {
        try {
            return ticksIn(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/stat: is the process gone?", e);
        }
    }

    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return -1;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/status: is the process gone?", e);
        }
    }

    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor();
            return Long.parseLong(answer);
        } catch (IOException | NumberFormatException e) {
            return 100; // Linux's USER_HZ on every common architecture
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
