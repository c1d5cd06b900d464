package dev.celerity.autoconfigure.canvas;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContext;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Signature;
import dev.celerity.backend.ChainStore;
import dev.celerity.broker.Broker;
import dev.celerity.broker.Delivery;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.canvas.Chain;
import dev.celerity.canvas.GroupResult;
import dev.celerity.events.TaskEvent.TaskPublished;
import dev.celerity.worker.TaskRunner;

import static dev.celerity.autoconfigure.canvas.AbstractCanvasIntegrationTests.MANUAL_QUEUE;
import static dev.celerity.autoconfigure.canvas.AbstractCanvasIntegrationTests.WAIT;
import static dev.celerity.canvas.Workflows.chain;
import static dev.celerity.canvas.Workflows.chord;
import static dev.celerity.canvas.Workflows.chunks;
import static dev.celerity.canvas.Workflows.group;
import static dev.celerity.canvas.Workflows.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The part of the workflow contract that leaves messages in a queue no worker consumes and runs them by hand: a
 * step repeated after a redelivery, and where built-in tasks are routed. Run by every broker with a worker (eager
 * mode runs each message as it is stored, so it has none of these).
 */
interface CanvasManualQueueContract extends CanvasContract {

	@Test
	default void chainStepRepeatedAfterARedeliveryDoesNotRunTheNextFinishedStepAgain() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			AsyncResult<Object> result = workflows.send(chain(add.clone(1, 1).queue(MANUAL_QUEUE), add.clone(10)));
			byte[] firstStep = runManually(context);
			assertThat(result.get(WAIT)).isEqualTo(12);
			redeliverAndRun(context, result.parent().id(), firstStep);
			assertThat(calls(context, "add")).as("the redelivered step runs again").isEqualTo(3);
			assertThat(context.getBean(PublishedEvents.class).count(result.id())).isEqualTo(1);
			assertThat(result.get(WAIT)).isEqualTo(12);
		});
	}

	@Test
	default void chordHeaderTaskRepeatedAfterARedeliveryDoesNotRunTheBodyAgain() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			AsyncResult<Integer> result = workflows.send(chord(group(add.clone(1, 1).queue(MANUAL_QUEUE),
					add.clone(2, 2)), tasks.task(CanvasTestTasks::sum)));
			byte[] header = runManually(context);
			assertThat(result.get(WAIT)).isEqualTo(6);
			@SuppressWarnings("unchecked")
			String headerId = ((GroupResult<Integer>) result.parent()).results().get(0).id();
			redeliverAndRun(context, headerId, header);
			assertThat(context.getBean(PublishedEvents.class).count(result.id())).isEqualTo(1);
			assertThat(calls(context, "sum")).isEqualTo(1);
		});
	}

	@Test
	default void stepOfALongChainRepeatedAfterARedeliveryMidChainNeitherSkipsNorRepeatsAStep() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			Chain<Integer> chain = chain(add.clone(0, 1));
			for (int i = 1; i < 20; i++) {
				chain = chain.then((i == 9 || i == 19) ? add.clone(1).queue(MANUAL_QUEUE) : add.clone(1));
			}
			AsyncResult<Integer> result = workflows.send(chain);
			List<AsyncResult<?>> steps = CanvasLongChainContract.stepsOf(result);
			byte[] tenth = runManually(context);
			assertThat(steps.get(18).get(WAIT)).isEqualTo(19);
			// the last step waits by hand, so the stored chain is still there when the tenth step runs again
			Broker broker = context.getBean(Broker.class);
			String tenthId = steps.get(9).id();
			await().atMost(WAIT).until(() -> broker.publish(new OutboundMessage(tenthId, MANUAL_QUEUE, 0, null, tenth)));
			Map<String, Delivery> waiting = new HashMap<>();
			await().atMost(WAIT).until(() -> {
				broker.fetch(MANUAL_QUEUE, 2, Duration.ofSeconds(30), Duration.ofMillis(200))
					.forEach((delivery) -> waiting.put(delivery.id(), delivery));
				return waiting.size() == 2;
			});
			TaskRunner runner = context.getBean(TaskRunner.class);
			runner.run(waiting.get(tenthId));
			runner.run(waiting.get(result.id()));
			assertThat(result.get(WAIT)).isEqualTo(20);
			PublishedEvents published = context.getBean(PublishedEvents.class);
			for (AsyncResult<?> step : steps) {
				assertThat(published.count(step.id())).as(step.id()).isEqualTo(1);
			}
			assertThat(calls(context, "add")).as("only the redelivered step runs twice").isEqualTo(21);
			ChainStore store = context.getBean(ChainStore.class);
			await().atMost(WAIT).until(() -> store.steps(steps.get(1).id(), 0).isEmpty());
		});
	}

	static byte[] runManually(ApplicationContext context) throws InterruptedException {
		Broker broker = context.getBean(Broker.class);
		List<Delivery> deliveries = broker.fetch(MANUAL_QUEUE, 1, Duration.ofSeconds(30), WAIT);
		assertThat(deliveries).hasSize(1);
		context.getBean(TaskRunner.class).run(deliveries.get(0));
		return deliveries.get(0).body();
	}

	private static void redeliverAndRun(ApplicationContext context, String id, byte[] body)
			throws InterruptedException {
		// the first run's acknowledgement may still be being written by the runner's batch (TaskRunner.run says so);
		// until it is, the broker holds the message and takes a publish of the same id for a duplicate
		Broker broker = context.getBean(Broker.class);
		await().atMost(WAIT).until(() -> broker.publish(new OutboundMessage(id, MANUAL_QUEUE, 0, null, body)));
		runManually(context);
	}

	@Test
	default void builtInTasksFollowTheRouteOfTheTaskTheyCall() {
		run((context, tasks, workflows) -> {
			Signature<Integer> routed = tasks.task(CanvasTestTasks::routedAdd).signature();
			AsyncResult<List<Integer>> mapped = workflows.send(map(routed.clone(1), List.of(1, 2)));
			GroupResult<List<Integer>> chunked = workflows.send(chunks(routed, List.of(List.of(1, 1), List.of(2, 2)),
					1));
			PublishedEvents published = context.getBean(PublishedEvents.class);
			for (String id : Stream.concat(Stream.of(mapped.id()), chunked.results().stream().map(AsyncResult::id))
				.toList()) {
				TaskPublished event = published.find(id).orElseThrow();
				assertThat(event.queue()).isEqualTo(MANUAL_QUEUE);
				assertThat(event.priority()).isEqualTo(7);
			}
			for (int i = 0; i < 3; i++) {
				runManually(context);
			}
			assertThat(mapped.get(WAIT)).containsExactly(2, 3);
			assertThat(chunked.get(WAIT)).containsExactly(List.of(2), List.of(4));
		});
	}

}
