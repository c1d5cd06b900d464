package dev.celerity.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.celerity.api.Canvas;
import dev.celerity.api.Signature;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chain built step by step with {@code then} is immutable however it is extended, lists its steps in order, and
 * costs one list for its whole length rather than a copy per step.
 */
class ChainBuildingTests {

	@Test
	void everyChainOfABranchingBuildListsItsOwnSteps() {
		Chain<Integer> base = Workflows.chain(Signature.of("a", Integer.class)).then(Signature.of("b", Integer.class));
		Chain<Integer> left = base.then(Signature.of("left", Integer.class));
		Chain<Integer> right = base.then(Signature.of("right", Integer.class)).then(Signature.of("more", Integer.class));
		assertThat(names(left)).containsExactly("a", "b", "left");
		assertThat(names(right)).containsExactly("a", "b", "right", "more");
		assertThat(names(base)).containsExactly("a", "b");
		assertThat(names(left.then(Signature.of("after", Integer.class)))).containsExactly("a", "b", "left", "after");
		assertThat(left.resultType()).isEqualTo(Integer.class);
	}

	@Test
	void linksStayWithTheChainThatTheyWereAddedTo() {
		Chain<?> linked = Workflows.chain(Signature.of("a", Integer.class)).link(Signature.of("done", Object.class));
		Chain<?> longer = linked.then(Signature.of("b", Integer.class));
		assertThat(longer.links()).extracting(Signature::taskName).containsExactly("done");
		assertThat(names(longer.linkError(Signature.of("failed", Object.class)))).containsExactly("a", "b");
	}

	@Test
	void aChainOfAHundredThousandStepsIsBuiltStepByStepAndListedInOrder() {
		Signature<Integer> next = Signature.of("next", Integer.class);
		Signature<Integer> first = next.clone(0);
		Chain<Integer> chain = Workflows.chain(first);
		for (int i = 1; i < 100_000; i++) {
			chain = chain.then(next);
		}
		// a copy per step would copy five billion references here; one list for the whole chain copies 100,000
		assertThat(chain.steps()).hasSize(100_000);
		assertThat(chain.steps().get(0)).isSameAs(first);
		assertThat(chain.steps().get(99_999)).isSameAs(next);
	}

	@Test
	void threadsListingChainsOfOneBuildAtOnceSeeTheSameSteps() {
		List<Chain<Integer>> chains = new ArrayList<>();
		Chain<Integer> chain = Workflows.chain(Signature.of("s0", Integer.class));
		for (int i = 1; i < 2_000; i++) {
			chain = chain.then(Signature.of("s" + i, Integer.class));
			chains.add(chain);
		}
		List<CompletableFuture<Boolean>> checks = IntStream.range(0, 8)
			.mapToObj((t) -> CompletableFuture.supplyAsync(() -> {
				for (int i = chains.size() - 1 - t; i >= 0; i -= 8) {
					List<Canvas<?>> steps = chains.get(i).steps();
					if (steps.size() != i + 2 || !((Signature<?>) steps.get(i + 1)).taskName().equals("s" + (i + 1))) {
						return false;
					}
				}
				return true;
			}))
			.toList();
		assertThat(checks).allSatisfy((check) -> assertThat(check.join()).isTrue());
	}

	private static List<String> names(Chain<?> chain) {
		return chain.steps().stream().map((step) -> ((Signature<?>) step).taskName()).collect(java.util.stream.Collectors.toList());
	}

}
