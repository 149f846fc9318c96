package io.aimsledger.local;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.aimsledger.localservers.ChildProcess;
import io.aimsledger.localservers.Logs;
import io.aimsledger.localservers.Waits;

/**
 * Watches the services after start: a service that exits is reported with the end of its log and
 * started again after a back-off that doubles with each exit (1 s up to 30 s); a service that exits
 * more than {@link #MAX_EXITS} times within {@link #WINDOW} stops the whole platform, which would
 * otherwise stay half up without saying so.
 */
final class Supervisor {

    static final int MAX_EXITS = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /** Starts a service process again. */
    interface Starter {
        ChildProcess start(Service service) throws IOException;
    }

    private final Map<Service, ChildProcess> services;
    private final Starter starter;
    private final int portBase;
    private final Consumer<String> say;
    private final Runnable giveUp;
    private final Map<Service, Deque<Long>> exits = new EnumMap<>(Service.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "aims-local-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopped;

    Supervisor(Map<Service, ChildProcess> services, Starter starter, int portBase, Consumer<String> say,
               Runnable giveUp) {
        this.services = services;
        this.starter = starter;
        this.portBase = portBase;
        this.say = say;
        this.giveUp = giveUp;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** No more restarts: the platform is stopping. */
    void stop() {
        stopped = true;
        timer.shutdownNow();
    }

    private void check() {
        List<Service> instances;
        synchronized (services) {
            instances = List.copyOf(services.keySet());
        }
        for (Service service : instances) {
            ChildProcess process;
            synchronized (services) {
                process = services.get(service);
            }
            if (stopped || process == null || process.isAlive()) {
                continue;
            }
            restart(service, process);
        }
    }

    private void restart(Service service, ChildProcess process) {
        Deque<Long> recent = exits.computeIfAbsent(service, s -> new ArrayDeque<>());
        long now = System.nanoTime();
        recent.addLast(now);
        while (!recent.isEmpty() && now - recent.peekFirst() > WINDOW.toNanos()) {
            recent.removeFirst();
        }
        say.accept(service.instance() + " exited with status " + process.exitValue() + " (exit " + recent.size()
                + " within " + WINDOW.toMinutes() + " minutes); the end of " + process.log() + ":\n"
                + Logs.tail(process.log(), 30));
        if (recent.size() > MAX_EXITS) {
            say.accept(service.instance() + " keeps exiting; stopping AIMS Ledger");
            stopped = true;
            giveUp.run();
            return;
        }
        Duration backOff = Duration.ofSeconds(1L << Math.min(recent.size() - 1, 5));
        backOff = backOff.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff;
        say.accept("restarting " + service.instance() + " in " + backOff.toSeconds() + " s");
        if (!Waits.until(backOff, backOff, () -> stopped)) {
            try {
                ChildProcess started = starter.start(service);
                synchronized (services) {
                    services.put(service, started);
                }
                boolean ready = Waits.until(READY_TIMEOUT, Duration.ofMillis(300),
                        () -> !started.isAlive() || Waits.answers200(ServiceProcesses.readiness(service, portBase)));
                if (ready && started.isAlive()) {
                    say.accept(service.instance() + " is back and ready");
                }
            } catch (IOException e) {
                say.accept(service.instance() + " could not be started again: " + e.getMessage());
            }
        }
    }
}
