package dev.celerity.autoconfigure.canvas;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Signature;
import dev.celerity.api.TaskExecutionException;
import dev.celerity.api.TaskState;
import dev.celerity.backend.ChainStore;
import dev.celerity.canvas.Chain;

import static dev.celerity.autoconfigure.canvas.AbstractCanvasIntegrationTests.WAIT;
import static dev.celerity.canvas.Workflows.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Long chains, whose rest is kept once in the chain store rather than in every message: they run every step once,
 * in order, settle every remaining step when one fails, and leave nothing in the store once they end. Part of the
 * workflow contract that runs on every broker.
 */
interface CanvasLongChainContract extends CanvasContract {

	@Test
	default void chainOfAThousandStepsCompletesWithEveryResultStoredAndEndsItsStoredChain() {
		run((context, tasks, workflows) -> {
			Chain<Integer> chain = chain(tasks.task(CanvasTestTasks::add).s(0, 1));
			for (int i = 1; i < 1000; i++) {
				chain = chain.then(tasks.task(CanvasTestTasks::add), 1);
			}
			AsyncResult<Integer> result = workflows.send(chain);
			assertThat(result.get(WAIT)).isEqualTo(1000);
			List<AsyncResult<?>> steps = stepsOf(result);
			assertThat(steps).hasSize(1000);
			for (int i = 0; i < steps.size(); i++) {
				assertThat(steps.get(i).get(WAIT)).as("step %d", i).isEqualTo(i + 1);
			}
			assertThat(calls(context, "add")).isEqualTo(1000);
			ChainStore store = context.getBean(ChainStore.class);
			await().atMost(WAIT).until(() -> store.steps(steps.get(1).id(), 0).isEmpty());
		});
	}

	@Test
	default void failedStepOfALongChainSettlesEveryRemainingStepRunsItsErrorCallbackOnceAndEndsItsStoredChain() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			Chain<Integer> chain = chain(add.clone(0, 1));
			for (int i = 1; i < 20; i++) {
				chain = chain.then(tasks.task(CanvasTestTasks::add), 1);
			}
			chain = chain.then(tasks.task(CanvasTestTasks::fail));
			for (int i = 0; i < 30; i++) {
				chain = chain.then(tasks.task(CanvasTestTasks::add), 1);
			}
			AsyncResult<Integer> result = workflows.send(chain.linkError(Signature.of("canvas.onError")));
			List<AsyncResult<?>> steps = stepsOf(result);
			assertThat(steps).hasSize(51);
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> result.get(WAIT))
				.withMessageContaining("boom on 20");
			for (AsyncResult<?> step : steps.subList(20, 51)) {
				assertThat(step.state()).as(step.id()).isEqualTo(TaskState.FAILURE);
			}
			assertThat(steps.get(19).get(WAIT)).isEqualTo(20);
			CanvasTestTasks testTasks = context.getBean(CanvasTestTasks.class);
			await().atMost(WAIT).untilAsserted(() -> assertThat(testTasks.errbackCalls())
				.containsExactly(steps.get(20).id()));
			assertThat(calls(context, "add")).isEqualTo(20);
			ChainStore store = context.getBean(ChainStore.class);
			await().atMost(WAIT).until(() -> store.steps(steps.get(1).id(), 0).isEmpty());
		});
	}

	/**
	 * Returns the steps of a chain, first to last, from its result.
	 */
	static List<AsyncResult<?>> stepsOf(AsyncResult<?> result) {
		List<AsyncResult<?>> steps = new ArrayList<>();
		for (AsyncResult<?> step = result; step != null; step = step.parent()) {
			steps.add(0, step);
		}
		return steps;
	}

}
