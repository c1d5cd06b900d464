package dev.celerity.publish;

import java.util.List;
import java.util.Map;

import dev.celerity.api.TaskOptions;
import dev.celerity.message.MessageEmbed;

/**
 * One task call about to be published, with every id chosen and its arguments as JSON values: what a caller, a
 * workflow or a continuation asks the {@link TaskPublisher} to send.
 *
 * @param id the task id
 * @param task the task name
 * @param args the positional arguments, as JSON values
 * @param kwargs the keyword arguments, as JSON values
 * @param options the call options (queue, priority, countdown, eta, expires, time limits, ignore result)
 * @param embed what follows the task: callbacks, error callbacks, the rest of its chain, its chord's body and its
 * place in its group
 * @param lineage the workflow's root and the publishing task
 */
public record OutboundCall(String id, String task, List<Object> args, Map<String, Object> kwargs,
		TaskOptions options, MessageEmbed embed, Lineage lineage) {

}
