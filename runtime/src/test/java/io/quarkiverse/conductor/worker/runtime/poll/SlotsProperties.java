package io.quarkiverse.conductor.worker.runtime.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.quarkiverse.conductor.worker.runtime.poll.Slots.Admission;
import io.quarkiverse.conductor.worker.runtime.poll.Slots.Poll;
import io.quarkiverse.conductor.worker.runtime.poll.Slots.State;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Under any sequence of poll answers (over-delivery included), poll failures, completions, pause, resume and stop, as
 * a poller would make them: at most {@code capacity} tasks run, no slot leaks, every task is run or handed back, and
 * stopping completes once the last task has reported.
 */
class SlotsProperties {

    /** What can happen to a worker. */
    enum Kind {
        POLL,
        FIRE_PLANNED,
        LONG_ANSWER,
        SHORT_ANSWER,
        LONG_FAILS,
        SHORT_FAILS,
        FINISH,
        PAUSE,
        RESUME,
        STOP,
        ABANDON
    }

    /** An event, with a number whose meaning depends on its kind (tasks brought, slots wanted, which task ends). */
    record Event(Kind kind, int number) {
    }

    @Provide
    Arbitrary<List<Event>> events() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(6, Kind.POLL),
                Tuple.of(3, Kind.FIRE_PLANNED),
                Tuple.of(5, Kind.LONG_ANSWER),
                Tuple.of(4, Kind.SHORT_ANSWER),
                Tuple.of(1, Kind.LONG_FAILS),
                Tuple.of(1, Kind.SHORT_FAILS),
                Tuple.of(6, Kind.FINISH),
                Tuple.of(1, Kind.PAUSE),
                Tuple.of(1, Kind.RESUME),
                Tuple.of(1, Kind.STOP),
                Tuple.of(1, Kind.ABANDON));
        Arbitrary<Event> event = Combinators.combine(kinds, Arbitraries.integers().between(0, 12)).as(Event::new);
        return event.list().ofMaxSize(200);
    }

    /** The poller's side: the polls it has open and the tasks it runs, kept apart from the slots' own counts. */
    static final class Poller {
        final Slots<Integer> slots;
        final List<Integer> running = new ArrayList<>();
        int openLong;
        int openShort;
        int planned;
        int nextTask;
        int handedBack;
        int reported;
        int received;
        boolean abandoned;
        boolean stopCompleted;

        Poller(int capacity) {
            slots = new Slots<>(capacity);
        }

        void apply(Event event) {
            switch (event.kind()) {
                case POLL -> {
                    int wanted = event.number();
                    int shortPlaces = slots.reserveShortPoll(wanted);
                    if (shortPlaces > 0) {
                        openShort = shortPlaces;
                    }
                    if (event.number() % 2 == 0 && slots.reserveLongPoll()) {
                        openLong++;
                    }
                    if (event.number() % 3 == 0 && slots.planLongPoll()) {
                        planned++;
                    }
                }
                case FIRE_PLANNED -> {
                    if (planned > 0) {
                        planned--;
                        if (slots.sendPlannedLongPoll()) {
                            openLong++;
                        }
                    }
                }
                case LONG_ANSWER -> {
                    if (openLong > 0) {
                        openLong--;
                        // usually 0 or 1 task; a misbehaving server may hand out more
                        admit(Poll.LONG, event.number() > 9 ? event.number() - 8 : event.number() % 2);
                    }
                }
                case SHORT_ANSWER -> {
                    if (openShort > 0) {
                        int asked = openShort;
                        openShort = 0;
                        admit(Poll.SHORT, Math.min(event.number(), asked + 3));
                    }
                }
                case LONG_FAILS -> {
                    if (openLong > 0) {
                        openLong--;
                        slots.pollFailed(Poll.LONG);
                    }
                }
                case SHORT_FAILS -> {
                    if (openShort > 0) {
                        openShort = 0;
                        slots.pollFailed(Poll.SHORT);
                    }
                }
                case FINISH -> {
                    if (!running.isEmpty()) {
                        finish(event.number() % running.size());
                    }
                }
                case PAUSE -> {
                    if (slots.pause()) {
                        // the poller cancels the timers of its planned polls
                        planned = 0;
                        slots.cancelPlannedLongPolls();
                    }
                }
                case RESUME -> slots.resume();
                case STOP -> {
                    slots.stop();
                    planned = 0;
                }
                case ABANDON -> {
                    if (slots.state() == State.STOPPING) {
                        handedBack += slots.abandon().size();
                        abandoned = true;
                        planned = 0;
                    }
                }
            }
            stopCompleted |= slots.completeStop();
        }

        void admit(Poll poll, int count) {
            List<Integer> tasks = IntStream.range(nextTask, nextTask + count).boxed().toList();
            nextTask += count;
            received += count;
            Admission<Integer> admission = slots.admit(poll, tasks);
            running.addAll(admission.run());
            handedBack += admission.refused().size();
        }

        void finish(int index) {
            running.remove(index);
            reported++;
            Integer next = slots.finish();
            if (next != null) {
                running.add(next);
            }
        }

        /** Every open poll answers empty, every task reports: the quiet after a storm. */
        void drain() {
            while (openLong > 0) {
                openLong--;
                slots.admit(Poll.LONG, List.of());
            }
            if (openShort > 0) {
                openShort = 0;
                slots.admit(Poll.SHORT, List.of());
            }
            planned = 0;
            slots.cancelPlannedLongPolls();
            while (!running.isEmpty()) {
                finish(0);
                stopCompleted |= slots.completeStop();
            }
            stopCompleted |= slots.completeStop();
        }

        void checkInvariants() {
            assertThat(slots.running()).as("in flight, %s", slots).isLessThanOrEqualTo(slots.capacity());
            assertThat(slots.running()).as("tasks the slots count as running, %s", slots).isEqualTo(running.size());
            assertThat(slots.longPolls()).as("long polls open, %s", slots).isEqualTo(openLong);
            assertThat(slots.shortPollPlaces()).as("short poll places, %s", slots).isEqualTo(openShort);
            assertThat(slots.plannedLongPolls()).as("planned long polls, %s", slots).isEqualTo(planned);
            assertThat(slots.free()).isBetween(0, slots.capacity());
            if (slots.waiting() > 0) {
                assertThat(slots.running()).as("a task waits only while every slot runs one").isEqualTo(slots.capacity());
            }
            // every task brought is running, waiting, reported, or handed back
            assertThat(running.size() + slots.waiting() + reported + handedBack).isEqualTo(received);
            if (!slots.polling()) {
                assertThat(slots.reserveShortPoll(1)).isZero();
                assertThat(slots.reserveLongPoll()).isFalse();
                assertThat(slots.planLongPoll()).isFalse();
            }
        }
    }

    @Property(tries = 2000)
    void slotsStayConsistentUnderAnyEvents(@ForAll @IntRange(min = 1, max = 8) int capacity,
            @ForAll boolean startPaused, @ForAll("events") List<Event> events) {
        Poller poller = new Poller(capacity);
        poller.slots.start(startPaused);
        for (Event event : events) {
            poller.apply(event);
            poller.checkInvariants();
        }

        poller.drain();

        poller.checkInvariants();
        assertThat(poller.slots.running()).isZero();
        assertThat(poller.slots.waiting()).isZero();
        State state = poller.slots.state();
        if (state == State.ACTIVE || state == State.PAUSED) {
            assertThat(poller.slots.free()).as("no slot leaked").isEqualTo(capacity);
        } else {
            assertThat(state).isEqualTo(State.STOPPED);
            assertThat(poller.stopCompleted || poller.abandoned).as("stop completed once the last task reported")
                    .isTrue();
        }
        assertThat(poller.reported + poller.handedBack).isEqualTo(poller.received);
    }

    @Property(tries = 500)
    void stopCompletesExactlyWhenTheLastHeldTaskReports(@ForAll @IntRange(min = 1, max = 8) int capacity,
            @ForAll @Size(max = 20) List<@IntRange(min = 0, max = 12) Integer> brought) {
        Poller poller = new Poller(capacity);
        poller.slots.start(false);
        for (int count : brought) {
            if (poller.slots.reserveLongPoll()) {
                poller.openLong++;
                poller.admit(Poll.LONG, count);
            }
        }
        poller.slots.stop();
        int held = poller.running.size() + poller.slots.waiting();

        for (int reported = 0; reported < held; reported++) {
            assertThat(poller.slots.completeStop()).as("stop completed with %s tasks held", held - reported).isFalse();
            poller.finish(0);
        }

        assertThat(poller.slots.completeStop()).isTrue();
        assertThat(poller.slots.state()).isEqualTo(State.STOPPED);
        assertThat(poller.reported).isEqualTo(poller.received);
    }
}
