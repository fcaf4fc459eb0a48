package io.quarkiverse.conductor.worker.runtime.poll;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The places of one worker, {@code concurrency} of them, and who holds them: tasks running (executing or reporting),
 * tasks a server handed out beyond what was asked that wait for a place, and polls that reserved places for the tasks
 * they may bring. No I/O and no clock: the poller decides with it under its own lock, and a property test drives it with
 * any sequence of events.
 * <p>
 * What it guarantees: at most {@code capacity} tasks run at once, whatever the server hands out; a place comes back
 * when its task has reported, when its poll answered or failed, or when a planned poll is dropped; stopping waits for
 * every task held, and once {@link #abandon() abandoned} nothing starts any more.
 *
 * @param <T> a task
 */
final class Slots<T> {

    /** The life of a worker. */
    enum State {
        /** Created, not started. */
        NEW,
        /** Polling. */
        ACTIVE,
        /** Not polling; tasks held run and report. */
        PAUSED,
        /** Not polling any more; tasks held run and report, polls sent may still bring some. */
        STOPPING,
        /** Done: nothing is held, or the shutdown grace period is over and nothing starts any more. */
        STOPPED
    }

    /** The poll a place was reserved for. */
    enum Poll {
        /** For one task, held by the server until one is queued or its timeout ends. */
        LONG,
        /** For several tasks, answered at once with what is queued. */
        SHORT
    }

    /** What to do with the tasks a poll brought. */
    record Admission<T>(List<T> run, List<T> refused) {
    }

    private final int capacity;
    private State state = State.NEW;
    private int running;
    private final ArrayDeque<T> waiting = new ArrayDeque<>();
    private int longPolls;
    private int plannedLongPolls;
    private int shortPollPlaces;

    Slots(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, got " + capacity);
        }
        this.capacity = capacity;
    }

    State state() {
        return state;
    }

    int capacity() {
        return capacity;
    }

    /** Tasks executing or reporting. */
    int running() {
        return running;
    }

    /** Tasks held for want of a place. */
    int waiting() {
        return waiting.size();
    }

    int longPolls() {
        return longPolls;
    }

    int plannedLongPolls() {
        return plannedLongPolls;
    }

    /** The places the open short poll asked for, 0 when none is open. */
    int shortPollPlaces() {
        return shortPollPlaces;
    }

    /** Places nobody holds or has reserved. */
    int free() {
        return Math.max(0, capacity - running - waiting.size() - longPolls - plannedLongPolls - shortPollPlaces);
    }

    /** Whether a poll may be sent now. */
    boolean polling() {
        return state == State.ACTIVE;
    }

    /** @return whether the worker was new and starts now */
    boolean start(boolean paused) {
        if (state != State.NEW) {
            return false;
        }
        state = paused ? State.PAUSED : State.ACTIVE;
        return true;
    }

    /** @return whether polling stopped now */
    boolean pause() {
        if (state != State.ACTIVE) {
            return false;
        }
        state = State.PAUSED;
        return true;
    }

    /** @return whether polling resumes now */
    boolean resume() {
        if (state != State.PAUSED) {
            return false;
        }
        state = State.ACTIVE;
        return true;
    }

    /**
     * No poll is sent any more; polls already sent may still bring tasks, which run. Planned polls are dropped: their
     * timers are the caller's to cancel.
     */
    void stop() {
        if (state == State.STOPPED) {
            return;
        }
        state = State.STOPPING;
        plannedLongPolls = 0;
    }

    /**
     * The shutdown grace period is over: nothing starts any more. Returns the tasks that were waiting for a place,
     * which will not run (the server hands them out again after their response timeout).
     */
    List<T> abandon() {
        state = State.STOPPED;
        plannedLongPolls = 0;
        List<T> unstarted = new ArrayList<>(waiting);
        waiting.clear();
        return unstarted;
    }

    /**
     * Whether stopping is complete: nothing is held and no poll is open. True once, when it becomes so; the state is then
     * {@link State#STOPPED}.
     */
    boolean completeStop() {
        if (state == State.STOPPING && running == 0 && waiting.isEmpty() && longPolls == 0 && shortPollPlaces == 0) {
            state = State.STOPPED;
            return true;
        }
        return false;
    }

    /** Reserves a place for a long poll sent now. */
    boolean reserveLongPoll() {
        if (!polling() || free() == 0) {
            return false;
        }
        longPolls++;
        return true;
    }

    /** Reserves a place for a long poll to be sent later, when its timer fires ({@link #sendPlannedLongPoll()}). */
    boolean planLongPoll() {
        if (!polling() || free() == 0) {
            return false;
        }
        plannedLongPolls++;
        return true;
    }

    /**
     * The timer of a planned long poll fired: its place now belongs to the poll sent, or comes back if the worker does
     * not poll any more.
     *
     * @return whether to send the poll
     */
    boolean sendPlannedLongPoll() {
        if (plannedLongPolls == 0) {
            // dropped by stop() or abandon(), or cancelled
            return false;
        }
        plannedLongPolls--;
        if (!polling()) {
            return false;
        }
        longPolls++;
        return true;
    }

    /** Planned long polls dropped by the caller (pause): their places come back. */
    void cancelPlannedLongPolls() {
        plannedLongPolls = 0;
    }

    /** Reserves up to {@code wanted} places for a short poll; none when one is open already. */
    int reserveShortPoll(int wanted) {
        if (!polling() || shortPollPlaces > 0 || wanted < 1) {
            return 0;
        }
        shortPollPlaces = Math.min(free(), wanted);
        return shortPollPlaces;
    }

    /**
     * A poll answered: its reservation ends, and each task it brought runs if a place is free, else waits for one (a
     * server may hand out more than asked). Once abandoned, nothing runs: the tasks are refused.
     */
    Admission<T> admit(Poll poll, List<T> tasks) {
        release(poll);
        if (tasks.isEmpty()) {
            return new Admission<>(List.of(), List.of());
        }
        if (state == State.STOPPED) {
            return new Admission<>(List.of(), List.copyOf(tasks));
        }
        List<T> run = new ArrayList<>(tasks.size());
        for (T task : tasks) {
            if (running < capacity) {
                running++;
                run.add(task);
            } else {
                waiting.add(task);
            }
        }
        return new Admission<>(run, List.of());
    }

    /** A poll failed, or its answer could not be read: its reservation ends. */
    void pollFailed(Poll poll) {
        release(poll);
    }

    private void release(Poll poll) {
        if (poll == Poll.LONG) {
            if (longPolls == 0) {
                throw new IllegalStateException("no long poll is open");
            }
            longPolls--;
        } else {
            shortPollPlaces = 0;
        }
    }

    /**
     * A task has reported (or its result was given up): its place passes to the next waiting task, returned, which the
     * caller runs; or comes back, and {@code null} is returned. Once abandoned, no waiting task is left to pass it to.
     */
    T finish() {
        if (running == 0) {
            throw new IllegalStateException("no task is running");
        }
        T next = waiting.poll();
        if (next == null) {
            running--;
        }
        return next;
    }

    @Override
    public String toString() {
        return state + ": " + running + " running, " + waiting.size() + " waiting, " + longPolls + " long polls, "
                + plannedLongPolls + " planned, " + shortPollPlaces + " in a short poll, of " + capacity;
    }
}
