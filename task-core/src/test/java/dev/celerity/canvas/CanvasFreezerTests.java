package dev.celerity.canvas;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.core.ResolvableType;

import dev.celerity.api.Signature;
import dev.celerity.canvas.Node.ChainNode;
import dev.celerity.canvas.Node.ChordNode;
import dev.celerity.canvas.Node.GroupNode;
import dev.celerity.canvas.Node.TaskNode;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.SignatureSpec;

import static dev.celerity.canvas.Workflows.chain;
import static dev.celerity.canvas.Workflows.chord;
import static dev.celerity.canvas.Workflows.chunks;
import static dev.celerity.canvas.Workflows.group;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How workflows are frozen into the form their messages carry.
 */
class CanvasFreezerTests {

	private final MessageCodec codec = new MessageCodec();

	private final CanvasFreezer freezer = new CanvasFreezer(this.codec);

	private final NodeSpecs specs = new NodeSpecs(this.codec);

	private final Signature<Integer> add = Signature.of("add", Integer.class);

	@Test
	void groupFollowedByAStepInAChainIsFrozenAsAChord() {
		Node node = this.freezer.freeze(chain(this.add.clone(1, 1), group(this.add.clone(1), this.add.clone(2)),
				this.add.clone(3)));
		assertThat(node).isInstanceOfSatisfying(ChainNode.class, (chain) -> {
			assertThat(chain.steps()).hasSize(2);
			assertThat(chain.steps().get(1)).isInstanceOfSatisfying(ChordNode.class,
					(chord) -> assertThat(chord.header().tasks()).hasSize(2));
		});
	}

	@Test
	void nestedChainsAreFlattenedAndTheChainsErrorCallbacksReachEveryStep() {
		Node node = this.freezer.freeze(chain(this.add.clone(1, 1), chain(this.add.clone(1), this.add.clone(2)))
			.linkError(Signature.of("errback")));
		ChainNode chain = (ChainNode) node;
		assertThat(chain.steps()).hasSize(3).allSatisfy((step) -> assertThat(((TaskNode) step).errorLinks())
			.singleElement()
			.satisfies((errback) -> assertThat(((TaskNode) errback).task()).isEqualTo("errback")));
		assertThat(chain.steps().stream().map((step) -> ((TaskNode) step).errorLinks().get(0)).distinct())
			.as("one errback, one id").hasSize(1);
	}

	@Test
	void callerChosenTaskIdIsKept() {
		TaskNode node = (TaskNode) this.freezer.freeze(this.add.clone(1, 2).taskId("mine"));
		assertThat(node.id()).isEqualTo("mine");
		assertThat(node.options()).doesNotContainKey("task_id");
	}

	@Test
	void frozenWorkflowSurvivesTheCodecInCelerysSignatureShapes() {
		Node node = this.freezer.freeze(chain(this.add.clone(1, 1).link(Signature.of("cb")),
				chord(group(this.add.clone(1), this.add.clone(2)), Signature.of("sum").queue("q"))));
		SignatureSpec spec = this.specs.toSpec(node);
		@SuppressWarnings("unchecked")
		Map<String, Object> json = (Map<String, Object>) this.codec.toJsonValue(spec);
		assertThat(json).containsEntry("subtask_type", "chain");
		assertThat(json.get("kwargs")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsKey("tasks");
		Node decoded = this.specs.toNode(this.codec.convert(json, SignatureSpec.class));
		assertThat(decoded).usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*resultType")
			.isEqualTo(node);
		ChordNode chord = (ChordNode) ((ChainNode) decoded).steps().get(1);
		assertThat(((TaskNode) chord.body()).options()).containsEntry("queue", "q");
		assertThat(((TaskNode) ((ChainNode) decoded).steps().get(0)).links()).hasSize(1);
	}

	@Test
	void chunksBecomeAGroupOfCeilingNTasksWithAShorterLastOne() {
		List<List<Integer>> pairs = IntStream.range(0, 10).mapToObj((i) -> List.of(i, i)).toList();
		GroupNode group = (GroupNode) this.freezer.freeze(chunks(this.add, pairs, 3));
		assertThat(group.tasks()).hasSize(4).allSatisfy((member) -> assertThat(((TaskNode) member).task())
			.isEqualTo(Workflows.STARMAP_TASK));
		assertThat((List<?>) ((TaskNode) group.tasks().get(3)).args().get(1)).hasSize(1);
	}

	@Test
	void resultTypesFollowTheParts() {
		assertThat(group(this.add, this.add).resultType())
			.isEqualTo(ResolvableType.forClassWithGenerics(List.class, Integer.class).getType());
		assertThat(chunks(this.add, List.of(List.of(1, 2)), 1).resultType().getTypeName())
			.isEqualTo("java.util.List<java.util.List<java.lang.Integer>>");
		assertThat(chain(this.add, Signature.of("text", String.class)).resultType()).isEqualTo(String.class);
	}

}
