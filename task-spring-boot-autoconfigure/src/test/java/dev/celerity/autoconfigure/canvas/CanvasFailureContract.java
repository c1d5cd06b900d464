package dev.celerity.autoconfigure.canvas;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Canvas;
import dev.celerity.api.Signature;
import dev.celerity.api.TaskExecutionException;
import dev.celerity.api.TaskRejectedException;
import dev.celerity.api.TaskRevokedException;
import dev.celerity.canvas.GroupResult;

import static dev.celerity.autoconfigure.canvas.AbstractCanvasIntegrationTests.WAIT;
import static dev.celerity.canvas.Workflows.chain;
import static dev.celerity.canvas.Workflows.chord;
import static dev.celerity.canvas.Workflows.group;
import static dev.celerity.canvas.Workflows.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * How workflows fail, restated from Celery's canvas tests: a dead-lettered step fails its workflow wherever it
 * stands, error callbacks run once per failure with the id Celery gives them, and built-in tasks follow the route of
 * the task they call. Part of the workflow contract that runs on every broker.
 */
interface CanvasFailureContract extends CanvasContract {

	/** How long a test waits to be sure that something does not happen again. */
	Duration QUIET = Duration.ofMillis(500);

	@Test
	default void deadLetteredStepFailsItsWorkflowWhereverItStands() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			Signature<Integer> sum = tasks.task(CanvasTestTasks::sum).signature();
			Signature<Object> unknown = Signature.of("canvas.unknown");
			Signature<Object> unbindable = Signature.of("canvas.add", "not a number");
			Map<String, Canvas<?>> shapes = new LinkedHashMap<>();
			shapes.put("first step", chain(unknown, add.clone(1)));
			shapes.put("middle step", chain(add.clone(1, 1), unbindable, add.clone(1)));
			shapes.put("last step", chain(add.clone(1, 1), unknown));
			shapes.put("group member", group(add.clone(1, 1), unknown));
			shapes.put("chord header member", chord(group(add.clone(1, 1), unbindable), sum));
			shapes.put("chord body", chord(group(add.clone(1, 1)), unknown));
			shapes.put("map in a chain", chain(add.clone(1, 1), map(Signature.of("canvas.unknown"), List.of(1))));
			shapes.put("plain task", unbindable.clone(2));
			shapes.forEach((shape, workflow) -> {
				AsyncResult<?> result = workflows.send(workflow);
				assertThatExceptionOfType(TaskExecutionException.class).as(shape)
					.isThrownBy(() -> result.get(WAIT))
					.satisfies((ex) -> assertThat(ex.getRemoteType()).as(shape)
						.isIn(TaskRejectedException.class.getName(), IllegalArgumentException.class.getName()));
			});
			assertThat(calls(context, "sum")).isZero();
		});
	}

	@Test
	default void chainInAChordHeaderThatFailsBeforeItsEndFailsTheChordOnce() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			Signature<Integer> body = tasks.task(CanvasTestTasks::sum).signature()
				.linkError(Signature.of("canvas.onError"));
			AsyncResult<Integer> result = workflows.send(chord(group(add.clone(1, 1),
					chain(tasks.task(CanvasTestTasks::broken).s(1), add.clone(1), add.clone(1))), body));
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> result.get(WAIT))
				.withMessageContaining("broken on 1");
			CanvasTestTasks testTasks = context.getBean(CanvasTestTasks.class);
			await().atMost(WAIT).untilAsserted(() -> assertThat(testTasks.errbackCalls()).hasSize(1));
			await().during(QUIET).atMost(WAIT).until(() -> testTasks.errbackCalls().size() == 1);
			assertThat(testTasks.errbackCalls()).containsExactly(result.id());
			assertThat(calls(context, "sum")).isZero();
			assertThat(calls(context, "add")).isEqualTo(1);
		});
	}

	@Test
	default void failureInsideANestedChordThatAChainUpgradedReachesTheLastStep() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			Signature<Integer> broken = tasks.task(CanvasTestTasks::broken).signature();
			Signature<Integer> sum = tasks.task(CanvasTestTasks::sum).signature();
			AsyncResult<Object> upgraded = workflows.send(chain(add.clone(1, 1), group(add.clone(1), broken), sum,
					add.clone(1)));
			AsyncResult<Object> nested = workflows.send(chain(add.clone(1, 1),
					chord(group(add.clone(1), chain(add.clone(1), broken)), sum), add.clone(1)));
			for (AsyncResult<Object> result : List.of(upgraded, nested)) {
				assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> result.get(WAIT))
					.withMessageContaining("broken on")
					.satisfies((ex) -> assertThat(ex.getRemoteType()).isEqualTo(IllegalArgumentException.class.getName()));
			}
			assertThat(calls(context, "sum")).isZero();
		});
	}

	@Test
	default void groupErrorCallbackRunsOncePerFailedMember() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			Signature<Integer> broken = tasks.task(CanvasTestTasks::broken).signature();
			List<Signature<Integer>> members = Stream.concat(IntStream.range(0, 24).mapToObj((i) -> add.clone(i, i)),
					IntStream.range(0, 42).mapToObj(broken::clone)).toList();
			GroupResult<Integer> result = workflows.send(group(members).linkError(Signature.of("canvas.onError")));
			await().atMost(WAIT).until(result::ready);
			List<String> failedIds = result.results().subList(24, 66).stream().map(AsyncResult::id).toList();
			CanvasTestTasks testTasks = context.getBean(CanvasTestTasks.class);
			await().atMost(WAIT).untilAsserted(() -> assertThat(testTasks.errbackCalls()).hasSize(42));
			await().during(QUIET).atMost(WAIT).until(() -> testTasks.errbackCalls().size() == 42);
			assertThat(testTasks.errbackCalls()).containsExactlyInAnyOrderElementsOf(failedIds);
		});
	}

	@Test
	default void chordWithAFailingGroupOrChainBodyRunsItsErrorCallbacksOnceWithTheChordId() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			Signature<Integer> failOnList = tasks.task(CanvasTestTasks::failOnList).signature();
			Signature<Object> errback = Signature.of("canvas.onError");
			AsyncResult<?> groupBody = workflows.send(chord(group(add.clone(1, 1)),
					group(failOnList, failOnList, tasks.task(CanvasTestTasks::size).signature())).linkError(errback));
			AsyncResult<?> chainBody = workflows.send(chord(group(add.clone(2, 2)),
					chain(tasks.task(CanvasTestTasks::size).signature(), tasks.task(CanvasTestTasks::broken).signature(),
							add.clone(1))).linkError(errback));
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> groupBody.get(WAIT));
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> chainBody.get(WAIT));
			CanvasTestTasks testTasks = context.getBean(CanvasTestTasks.class);
			await().atMost(WAIT).untilAsserted(() -> assertThat(testTasks.errbackCalls()).hasSize(2));
			await().during(QUIET).atMost(WAIT).until(() -> testTasks.errbackCalls().size() == 2);
			assertThat(testTasks.errbackCalls()).containsExactlyInAnyOrder(groupBody.id(), chainBody.id());
		});
	}

	@Test
	default void revokedPlainTaskRunsItsErrorCallbacksWithTheRevocation() {
		run((context, tasks, workflows) -> {
			AsyncResult<Integer> expired = workflows.send(tasks.task(CanvasTestTasks::add).s(1, 2)
				.expires(Instant.now().minusSeconds(1))
				.linkError(Signature.of("canvas.onError")));
			CanvasTestTasks testTasks = context.getBean(CanvasTestTasks.class);
			await().atMost(WAIT).untilAsserted(() -> assertThat(testTasks.errbackCalls()).containsExactly(expired.id()));
			assertThat(testTasks.errbackErrors().peek().type()).isEqualTo(TaskRevokedException.class.getName());
			assertThat(calls(context, "add")).isZero();
		});
	}

}
