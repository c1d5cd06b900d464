package dev.celerity.canvas;

import java.util.List;

import dev.celerity.api.Signature;
import dev.celerity.canvas.Node.TaskNode;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.MessageEmbed;
import dev.celerity.publish.Lineage;
import dev.celerity.publish.OutboundCall;

/**
 * Turns a single signature into the call it is published as, its callbacks frozen as a workflow's are (so a
 * signature sent through the task template and one sent as a workflow travel alike).
 */
public final class SignatureCalls {

	private final CanvasFreezer freezer;

	private final NodeSpecs specs;

	/**
	 * Creates the converter.
	 * @param codec converts arguments to JSON values
	 */
	public SignatureCalls(MessageCodec codec) {
		this.freezer = new CanvasFreezer(codec);
		this.specs = new NodeSpecs(codec);
	}

	/**
	 * Returns the call a signature is published as.
	 * @param signature the signature
	 * @param lineage where the call comes from
	 * @return the call, its id chosen (the signature's task id when it has one)
	 */
	public OutboundCall call(Signature<?> signature, Lineage lineage) {
		TaskNode task = (TaskNode) this.freezer.freeze(signature);
		MessageEmbed embed = (task.links().isEmpty() && task.errorLinks().isEmpty()) ? MessageEmbed.EMPTY
				: new MessageEmbed(this.specs.toSpecs(task.links()), this.specs.toSpecs(task.errorLinks()), List.of(),
						null);
		return new OutboundCall(task.id(), task.task(), task.args(), task.kwargs(), signature.options(), embed, lineage);
	}

}
