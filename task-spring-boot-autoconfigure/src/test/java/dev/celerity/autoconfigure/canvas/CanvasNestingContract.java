package dev.celerity.autoconfigure.canvas;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Signature;
import dev.celerity.canvas.GroupResult;
import dev.celerity.canvas.Workflows;

import static dev.celerity.autoconfigure.canvas.AbstractCanvasIntegrationTests.WAIT;
import static dev.celerity.canvas.Workflows.chain;
import static dev.celerity.canvas.Workflows.chord;
import static dev.celerity.canvas.Workflows.group;
import static dev.celerity.canvas.Workflows.map;
import static dev.celerity.canvas.Workflows.starmap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nesting as Celery users write it, restated from Celery's own canvas tests: groups in groups, every canvas inside a
 * chord header, groups of one inside chains, map and starmap inside chains. Part of the workflow contract that runs
 * on every broker.
 */
interface CanvasNestingContract extends CanvasContract {

	@Test
	default void nestedGroupsFlattenDepthFirst() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			// a nested group's members join the outer group, so its results are typed as plain objects
			GroupResult<Object> deep = workflows.send(Workflows.<Object>group(add.clone(1, 0),
					group(add.clone(2, 0), group(add.clone(3, 0), add.clone(4, 0)))));
			GroupResult<Object> wrapped = workflows.send(Workflows.<Object>group(group(add.clone(5, 0),
					add.clone(6, 0))));
			assertThat(deep.size()).isEqualTo(4);
			assertThat(deep.get(WAIT)).containsExactly(1, 2, 3, 4);
			assertThat(wrapped.get(WAIT)).containsExactly(5, 6);
		});
	}

	@Test
	default void nestedGroupsInAChordHeaderFlattenDepthFirst() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			AsyncResult<List<Object>> result = workflows.send(chord(group(add.clone(1, 0),
					group(add.clone(2, 0), add.clone(3, 0)), add.clone(4, 0)), tasks.task(CanvasTestTasks::identity)));
			assertThat(result.get(WAIT)).containsExactly(1, 2, 3, 4);
		});
	}

	@Test
	default void chordHeaderMixesChainsChordsAndGroupsAndKeepsResultPositions() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			Signature<Integer> sum = tasks.task(CanvasTestTasks::sum).signature();
			AsyncResult<List<Object>> result = workflows.send(chord(group(add.clone(1, 1),
					chain(add.clone(2, 2), add.clone(10)), chord(group(add.clone(1, 0), add.clone(2, 0)), sum),
					group(add.clone(3, 3), add.clone(4, 4)), add.clone(5, 5)), tasks.task(CanvasTestTasks::identity)));
			assertThat(result.get(WAIT)).containsExactly(2, 14, 3, 6, 8, 10);
		});
	}

	@Test
	default void chainInsideAChordInsideAChainInsideAChordHeaderCompletes() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			Signature<Integer> sum = tasks.task(CanvasTestTasks::sum).signature();
			// 1 goes to both members of the inner chord's header: (1 + 1 + 1) and (1 + 2), summed to 6
			AsyncResult<List<Object>> result = workflows.send(chord(group(
					chain(add.clone(0, 1), chord(group(chain(add.clone(1), add.clone(1)), add.clone(2)), sum)),
					add.clone(100, 0)), tasks.task(CanvasTestTasks::identity)));
			assertThat(result.get(WAIT)).containsExactly(6, 100);
		});
	}

	@Test
	default void groupOfOneInsideAChainBehavesAsItsTask() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			AsyncResult<Object> result = workflows.send(chain(add.clone(2, 2), group(add.clone(1)), add.clone(1)));
			assertThat(result.get(WAIT)).isEqualTo(6);
		});
	}

	@Test
	default void emptyGroupsInAChainAreDropped() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			AsyncResult<Object> result = workflows.send(chain(add.clone(2, 2), group(List.<Signature<Integer>>of()),
					add.clone(1), group(List.<Signature<Integer>>of())));
			assertThat(result.get(WAIT)).isEqualTo(5);
		});
	}

	@Test
	default void chainEndingInAGroupReturnsTheGroupsList() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			AsyncResult<Object> result = workflows.send(chain(add.clone(1, 1), group(add.clone(1), add.clone(2))));
			assertThat(result).isInstanceOf(GroupResult.class);
			assertThat(result.get(WAIT)).isEqualTo(List.of(3, 4));
			assertThat(result.parent().get(WAIT)).isEqualTo(2);
		});
	}

	@Test
	default void mapAndStarmapInAChainIgnoreTheUpstreamResult() {
		run((context, tasks, workflows) -> {
			Signature<Integer> add = tasks.task(CanvasTestTasks::add).signature();
			AsyncResult<Object> mapped = workflows.send(chain(add.clone(1, 1), map(add.clone(100), List.of(1, 2))));
			AsyncResult<Object> starmapped = workflows.send(chain(add.clone(1, 1),
					starmap(tasks.task(CanvasTestTasks::mul).signature(), List.of(List.of(2, 3), List.of(4, 5)))));
			assertThat(mapped.get(WAIT)).isEqualTo(List.of(101, 102));
			assertThat(starmapped.get(WAIT)).isEqualTo(List.of(6, 20));
		});
	}

	@Test
	default void mapOfAnImmutableSignatureIgnoresTheItems() {
		run((context, tasks, workflows) -> {
			AsyncResult<List<Integer>> result = workflows.send(map(tasks.task(CanvasTestTasks::add).si(1, 2),
					List.of(10, 20, 30)));
			assertThat(result.get(WAIT)).containsExactly(3, 3, 3);
		});
	}

	@Test
	default void emptyChainSendsNothing() {
		run((context, tasks, workflows) -> {
			PublishedEvents published = context.getBean(PublishedEvents.class);
			long before = published.total();
			assertThat(workflows.send(chain())).isNull();
			assertThat(workflows.send(chain(group(List.<Signature<Integer>>of())))).isNull();
			assertThat(published.total()).isEqualTo(before);
		});
	}

	@Test
	default void sameCallbackLinkedTwiceRunsOnce() {
		run((context, tasks, workflows) -> {
			Signature<Object> callback = Signature.of("canvas.record");
			AsyncResult<Integer> result = workflows.send(tasks.task(CanvasTestTasks::add).s(1, 2)
				.link(callback)
				.link(callback)
				.link(Signature.of("canvas.record")));
			assertThat(result.get(WAIT)).isEqualTo(3);
			CanvasTestTasks testTasks = context.getBean(CanvasTestTasks.class);
			await().atMost(WAIT).untilAsserted(() -> assertThat(calls(context, "record")).isEqualTo(1));
			await().during(Duration.ofMillis(500))
				.atMost(WAIT)
				.until(() -> calls(context, "record") == 1);
			assertThat(testTasks.callbackValues()).containsExactly(3);
		});
	}

}
