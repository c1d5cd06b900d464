package dev.celerity.autoconfigure.canvas;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContext;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Signature;
import dev.celerity.api.TaskExecutionException;
import dev.celerity.api.TaskRejectedException;
import dev.celerity.api.TaskRevokedException;
import dev.celerity.api.TaskState;
import dev.celerity.api.TaskTemplate;
import dev.celerity.broker.Broker;
import dev.celerity.broker.DeadLetter;
import dev.celerity.canvas.Chain;
import dev.celerity.canvas.Chord;
import dev.celerity.canvas.Group;
import dev.celerity.canvas.GroupResult;
import dev.celerity.canvas.WorkflowTemplate;

import static dev.celerity.canvas.Workflows.chain;
import static dev.celerity.canvas.Workflows.chord;
import static dev.celerity.canvas.Workflows.chunks;
import static dev.celerity.canvas.Workflows.group;
import static dev.celerity.canvas.Workflows.map;
import static dev.celerity.canvas.Workflows.starmap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The workflow contract: every canvas form and its error paths, run through an auto-configured application with
 * its worker. Subclasses supply the broker (and may run several worker instances sharing it).
 */
public abstract class AbstractCanvasIntegrationTests
		implements CanvasNestingContract, CanvasFailureContract, CanvasLongChainContract {

	protected static final Duration WAIT = Duration.ofSeconds(20);

	/** A queue no worker consumes, so that a test runs its messages by hand. */
	protected static final String MANUAL_QUEUE = "canvas-manual";

	private static final String FAILED_AFTER_RETRIES = IllegalStateException.class.getName();

	private static final String REJECTED = TaskRejectedException.class.getName();

	@Override
	public abstract void run(CanvasTest test);

	@Override
	public int calls(ApplicationContext context, String task) {
		return context.getBean(CanvasTestTasks.class).calls(task);
	}

	@Test
	void chainPassesEachResultToTheNextStepAndAnImmutableStepIgnoresIt() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			AsyncResult<Object> result = workflows.send(chain(add.clone(2, 2), add.clone(10),
					tasks.task(CanvasTestTasks::mul).si(3, 3), add.clone(1)));
			assertThat(result.get(WAIT)).isEqualTo(10);
			assertThat(result.parent().get(WAIT)).isEqualTo(9);
			assertThat(result.parent().parent().get(WAIT)).isEqualTo(14);
		});
	}

	@Test
	void typedChainLetsTheResultTypeFlowIntoTheNextStep() {
		run((context, tasks, workflows) -> {
			Chain<String> pipeline = chain(tasks.task(CanvasTestTasks::length).s("celerity"))
				.then(tasks.task(CanvasTestTasks::add), 2)
				.then(tasks.task(CanvasTestTasks::describe), "letters");
			AsyncResult<String> result = workflows.send(pipeline);
			assertThat(result.get(WAIT)).isEqualTo("10 letters");
		});
	}

	@Test
	void chainOfOneHundredStepsRunsInOrderAndParentWalksBackThroughEveryStep() {
		run((context, tasks, workflows) -> {
			Chain<Integer> chain = chain(tasks.task(CanvasTestTasks::add).s(0, 1));
			for (int i = 1; i < 100; i++) {
				chain = chain.then(tasks.task(CanvasTestTasks::add), 1);
			}
			AsyncResult<Integer> result = workflows.send(chain);
			assertThat(result.get(WAIT)).isEqualTo(100);
			List<Object> earlier = new ArrayList<>();
			for (AsyncResult<?> step = result.parent(); step != null; step = step.parent()) {
				earlier.add(step.get(WAIT));
			}
			assertThat(earlier).hasSize(99).startsWith(99, 98).endsWith(1);
			assertThat(tasks.result(result.parent().id(), Integer.class).get(WAIT)).isEqualTo(99);
		});
	}

	@Test
	void failingChainStepStopsTheChainRunsErrorCallbacksAndFailsTheChainResult() {
		run((context, tasks, workflows) -> {
			Signature<Object> stepErrback = Signature.of("canvas.onError").taskId("step-errback");
			Signature<Object> chainErrback = Signature.of("canvas.onError").taskId("chain-errback");
			Signature<Integer> failing = tasks.task(CanvasTestTasks::fail).signature().linkError(stepErrback);
			AsyncResult<Object> result = workflows.send(chain(tasks.task(CanvasTestTasks::add).s(1, 1), failing,
					tasks.task(CanvasTestTasks::add).signature().clone(1)).linkError(chainErrback));
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> result.get(WAIT))
				.withMessageContaining("boom on 2")
				.satisfies((ex) -> assertThat(ex.getRemoteType()).isEqualTo(FAILED_AFTER_RETRIES));
			String failedId = result.parent().id();
			assertThat(result.parent().state()).isEqualTo(TaskState.FAILURE);
			assertThat(result.parent().parent().get(WAIT)).isEqualTo(2);
			CanvasTestTasks testTasks = context.getBean(CanvasTestTasks.class);
			await().atMost(WAIT).untilAsserted(() -> assertThat(testTasks.errbackCalls()).hasSize(2));
			assertThat(testTasks.errbackCalls()).containsOnly(failedId);
			assertThat(testTasks.errbackErrors()).allSatisfy((error) -> assertThat(error.message())
				.contains("boom on 2"));
			assertThat(calls(context, "fail")).as("one retry before failing").isEqualTo(2);
			assertThat(calls(context, "add")).isEqualTo(1);
		});
	}

	@Test
	void groupResultKeepsHeaderOrderAndReportsProgress() {
		run((context, tasks, workflows) -> {
			Group<Integer> group = group(IntStream.range(0, 10)
				.mapToObj((i) -> tasks.task(CanvasTestTasks::add).s(i, i)));
			GroupResult<Integer> result = workflows.send(group);
			assertThat(result.get(WAIT)).containsExactly(0, 2, 4, 6, 8, 10, 12, 14, 16, 18);
			assertThat(result.completedCount()).isEqualTo(10);
			assertThat(result.ready()).isTrue();
			assertThat(result.successful()).isTrue();
			assertThat(result.failed()).isFalse();
			List<Object> inCompletionOrder = new ArrayList<>();
			result.asCompleted(WAIT).forEach((member) -> inCompletionOrder.add(member.get(WAIT)));
			assertThat(inCompletionOrder).containsExactlyInAnyOrder(0, 2, 4, 6, 8, 10, 12, 14, 16, 18);
		});
	}

	@Test
	void groupWithAFailedMemberIsFailedButKeepsTheOtherResults() {
		run((context, tasks, workflows) -> {
			GroupResult<Integer> result = workflows.send(group(List.of(tasks.task(CanvasTestTasks::add).s(1, 1),
					tasks.task(CanvasTestTasks::fail).s(7))));
			await().atMost(WAIT).until(result::ready);
			assertThat(result.failed()).isTrue();
			assertThat(result.successful()).isFalse();
			assertThat(result.completedCount()).isEqualTo(1);
			assertThat(result.state()).isEqualTo(TaskState.FAILURE);
			assertThat(result.results().get(0).get(WAIT)).isEqualTo(2);
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> result.get(WAIT));
		});
	}

	@Test
	void callbackLinkedToAGroupRunsOnceWithEveryResult() {
		run((context, tasks, workflows) -> {
			GroupResult<Integer> result = workflows.send(group(tasks.task(CanvasTestTasks::add).s(1, 1),
					tasks.task(CanvasTestTasks::add).s(2, 2)).link(Signature.of("canvas.record")));
			assertThat(result.get(WAIT)).containsExactly(2, 4);
			CanvasTestTasks testTasks = context.getBean(CanvasTestTasks.class);
			await().atMost(WAIT).untilAsserted(() -> assertThat(testTasks.callbackValues()).hasSize(1));
			assertThat(testTasks.callbackValues()).containsExactly(List.of(2, 4));
		});
	}

	@Test
	void chordOfAThousandTasksRunsItsBodyOnceWithTheResultsInHeaderOrder() {
		run((context, tasks, workflows) -> {
			Group<Integer> header = group(IntStream.range(0, 1000)
				.mapToObj((i) -> tasks.task(CanvasTestTasks::add).s(i, 0)));
			Chord<Integer> chord = chord(header, tasks.task(CanvasTestTasks::sum));
			AsyncResult<Integer> result = workflows.send(chord);
			assertThat(result.get(WAIT)).isEqualTo(499500);
			assertThat(calls(context, "sum")).isEqualTo(1);
			@SuppressWarnings("unchecked")
			GroupResult<Integer> headerResult = (GroupResult<Integer>) result.parent();
			assertThat(headerResult.completedCount()).isEqualTo(1000);
			assertThat(headerResult.results().get(999).get(WAIT)).isEqualTo(999);
		});
	}

	@Test
	void failedHeaderTaskFailsTheChordRunsTheBodyErrorCallbacksAndNeverTheBody() {
		run((context, tasks, workflows) -> {
			Signature<Integer> body = tasks.task(CanvasTestTasks::sum).signature()
				.linkError(Signature.of("canvas.onError"));
			AsyncResult<Integer> result = workflows.send(chord(group(tasks.task(CanvasTestTasks::add).s(1, 1),
					tasks.task(CanvasTestTasks::fail).s(5), tasks.task(CanvasTestTasks::add).s(2, 2)), body));
			@SuppressWarnings("unchecked")
			String failedId = ((GroupResult<Integer>) result.parent()).results().get(1).id();
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> result.get(WAIT))
				.withMessageContaining(failedId)
				.withMessageContaining("boom on 5")
				.satisfies((ex) -> assertThat(ex.getRemoteType()).isEqualTo(FAILED_AFTER_RETRIES));
			CanvasTestTasks testTasks = context.getBean(CanvasTestTasks.class);
			// as in Celery, the chord's error callback gets the chord's id; the failed header task is named in the error
			await().atMost(WAIT).untilAsserted(() -> assertThat(testTasks.errbackCalls()).containsExactly(result.id()));
			assertThat(testTasks.errbackErrors().peek().message()).contains(failedId);
			await().atMost(WAIT).until(() -> result.parent().ready());
			assertThat(calls(context, "sum")).isZero();
		});
	}

	@Test
	void chordWithAnEmptyHeaderRunsItsBodyWithAnEmptyList() {
		run((context, tasks, workflows) -> {
			AsyncResult<Integer> result = workflows.send(chord(group(List.<Signature<Integer>>of()),
					tasks.task(CanvasTestTasks::sum)));
			assertThat(result.get(WAIT)).isZero();
		});
	}

	@Test
	void groupFollowedByAStepInAChainBecomesAChord() {
		run((context, tasks, workflows) -> {
			AsyncResult<Integer> result = workflows.send(chain(group(tasks.task(CanvasTestTasks::add).s(1, 1),
					tasks.task(CanvasTestTasks::add).s(2, 2)))
				.then(tasks.task(CanvasTestTasks::sum))
				.then(tasks.task(CanvasTestTasks::mul), 10));
			assertThat(result.get(WAIT)).isEqualTo(60);
			assertThat(result.parent().parent()).isInstanceOf(GroupResult.class);
			assertThat(calls(context, "sum")).isEqualTo(1);
		});
	}

	@Test
	void mapAndStarmapRunTheirItemsInsideOneTask() {
		run((context, tasks, workflows) -> {
			AsyncResult<List<Integer>> mapped = workflows.send(map(tasks.task(CanvasTestTasks::add).signature()
				.clone(100), List.of(1, 2, 3)));
			AsyncResult<List<Integer>> starmapped = workflows.send(starmap(tasks.task(CanvasTestTasks::mul)
				.signature(), List.of(List.of(2, 3), List.of(4, 5))));
			assertThat(mapped.get(WAIT)).containsExactly(101, 102, 103);
			assertThat(starmapped.get(WAIT)).containsExactly(6, 20);
		});
	}

	@Test
	void chunksBecomeAGroupOfChunkTasksWhoseResultIsAListOfLists() {
		run((context, tasks, workflows) -> {
			List<List<Integer>> pairs = IntStream.range(0, 10).mapToObj((i) -> List.of(i, i)).toList();
			GroupResult<List<Integer>> result = workflows.send(chunks(tasks.task(CanvasTestTasks::add).signature(),
					pairs, 3));
			assertThat(result.size()).isEqualTo(4);
			assertThat(result.get(WAIT)).containsExactly(List.of(0, 2, 4), List.of(6, 8, 10), List.of(12, 14, 16),
					List.of(18));
			assertThat(calls(context, "add")).isEqualTo(10);
		});
	}

	@Test
	void chunksConvertedToAGroupFeedAChord() {
		run((context, tasks, workflows) -> {
			List<List<Integer>> pairs = IntStream.range(0, 5).mapToObj((i) -> List.of(i, 1)).toList();
			AsyncResult<Integer> result = workflows.send(chord(chunks(tasks.task(CanvasTestTasks::add).signature(),
					pairs, 2).group(), Signature.of("canvas.size", Integer.class)));
			assertThat(result.get(WAIT)).isEqualTo(3);
		});
	}

	@Test
	void chainOfGroupsHandsEachGroupTheResultsOfTheOneBefore() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			Signature<Integer> size = Signature.of("canvas.size", Integer.class);
			AsyncResult<Object> result = workflows.send(chain(group(add.clone(1, 1), add.clone(2, 2)),
					group(size, size, size), tasks.task(CanvasTestTasks::sum).signature()));
			assertThat(result.get(WAIT)).isEqualTo(6);
		});
	}

	@Test
	void chordInAChainAndChainsInsideAChordHeaderAndNestedChordsComplete() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			Signature<Integer> sum = tasks.task(CanvasTestTasks::sum).signature();
			// the first step's result (5) goes to every header task of the chord, down to the nested chord's header
			Chord<Integer> inner = chord(group(add.clone(1), add.clone(2)), sum);
			Group<Integer> header = group(add.clone(1), chain(add.clone(2)).then(add.clone(10)), inner);
			AsyncResult<Object> result = workflows.send(chain(add.clone(0, 5), chord(header, sum.clone()),
					add.clone(1000)));
			assertThat(result.get(WAIT)).isEqualTo(1000 + 6 + 17 + (6 + 7));
		});
	}

	@Test
	void successAndErrorCallbacksOfASignatureRun() {
		run((context, tasks, workflows) -> {
			AsyncResult<Integer> ok = workflows.send(tasks.task(CanvasTestTasks::add).s(20, 22)
				.link(Signature.of("canvas.record")));
			AsyncResult<Integer> failed = workflows.send(tasks.task(CanvasTestTasks::fail).s(1)
				.linkError(Signature.of("canvas.onError")));
			assertThat(ok.get(WAIT)).isEqualTo(42);
			CanvasTestTasks testTasks = context.getBean(CanvasTestTasks.class);
			await().atMost(WAIT).untilAsserted(() -> {
				assertThat(testTasks.callbackValues()).containsExactly(42);
				assertThat(testTasks.errbackCalls()).containsExactly(failed.id());
			});
			assertThat(testTasks.errbackErrors().peek().type()).isEqualTo(FAILED_AFTER_RETRIES);
		});
	}

	@Test
	void deadLetteredChainStepFailsTheRestOfTheChainRunsErrorCallbacksAndKeepsTheDeadLetter() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			AsyncResult<Object> result = workflows.send(chain(add.clone(1, 1), Signature.of("canvas.unknown"),
					add.clone(1)).linkError(Signature.of("canvas.onError")));
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> result.get(WAIT))
				.withMessageContaining("Unknown task 'canvas.unknown'")
				.satisfies((ex) -> assertThat(ex.getRemoteType()).isEqualTo(REJECTED));
			String rejectedId = result.parent().id();
			assertThat(result.parent().state()).isEqualTo(TaskState.FAILURE);
			CanvasTestTasks testTasks = context.getBean(CanvasTestTasks.class);
			await().atMost(WAIT).untilAsserted(() -> assertThat(testTasks.errbackCalls()).containsExactly(rejectedId));
			assertThat(testTasks.errbackErrors().peek().type()).isEqualTo(REJECTED);
			assertThat(context.getBean(Broker.class).deadLetters("default", 10)).extracting(DeadLetter::id)
				.contains(rejectedId);
			assertThat(calls(context, "add")).isEqualTo(1);
		});
	}

	@Test
	void chordHeaderTaskWithArgumentsThatDoNotBindFailsTheChordAndNeverRunsTheBody() {
		run((context, tasks, workflows) -> {
			Signature<Integer> body = tasks.task(CanvasTestTasks::sum).signature()
				.linkError(Signature.of("canvas.onError"));
			AsyncResult<Integer> result = workflows.send(chord(group(tasks.task(CanvasTestTasks::add).s(1, 1),
					Signature.of("canvas.add", "not a number", 2)), body));
			@SuppressWarnings("unchecked")
			String rejectedId = ((GroupResult<Integer>) result.parent()).results().get(1).id();
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> result.get(WAIT))
				.withMessageContaining(rejectedId)
				.satisfies((ex) -> assertThat(ex.getRemoteType()).isEqualTo(REJECTED));
			CanvasTestTasks testTasks = context.getBean(CanvasTestTasks.class);
			await().atMost(WAIT).untilAsserted(() -> assertThat(testTasks.errbackCalls()).containsExactly(result.id()));
			assertThat(context.getBean(Broker.class).deadLetters("default", 10)).extracting(DeadLetter::id)
				.contains(rejectedId);
			assertThat(calls(context, "sum")).isZero();
		});
	}

	@Test
	void expiredChainStepRevokesTheRemainingStepsAndRunsErrorCallbacks() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			AsyncResult<Object> result = workflows.send(chain(add.clone(1, 1),
					add.clone(1).expires(Instant.now().minusSeconds(1)), add.clone(1), add.clone(1))
				.linkError(Signature.of("canvas.onError")));
			assertThatExceptionOfType(TaskRevokedException.class).isThrownBy(() -> result.get(WAIT));
			assertThat(result.parent().state()).isEqualTo(TaskState.REVOKED);
			assertThatExceptionOfType(TaskRevokedException.class).isThrownBy(() -> result.parent().parent().get(WAIT));
			String expiredId = result.parent().parent().id();
			CanvasTestTasks testTasks = context.getBean(CanvasTestTasks.class);
			await().atMost(WAIT).untilAsserted(() -> assertThat(testTasks.errbackCalls()).containsExactly(expiredId));
			assertThat(calls(context, "add")).isEqualTo(1);
		});
	}

	/**
	 * A test body with the application it runs in.
	 */
	@FunctionalInterface
	protected interface CanvasTest {

		/**
		 * Runs the test.
		 * @param context the application
		 * @param tasks its task template
		 * @param workflows its workflow template
		 * @throws Exception on failure
		 */
		void run(ApplicationContext context, TaskTemplate tasks, WorkflowTemplate workflows) throws Exception;

	}

}
