package dev.celerity.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.celerity.api.RemoteError;

/**
 * Something that happened to a task, published to every {@link TaskEventListener} (and, in a Spring Boot
 * application, as an application event).
 */
public sealed interface TaskEvent {

	/** @return the task id (for a rejected message, the message id if it could be read) */
	String taskId();

	/** @return the task name, {@code null} when a rejected message could not be read */
	String taskName();

	/** @return the queue */
	String queue();

	/**
	 * A task message was stored by the broker.
	 * @param taskId the task id
	 * @param taskName the task name
	 * @param queue the queue
	 * @param priority the priority
	 * @param eta when it may run, {@code null} for now
	 * @param rootId the id of the first task of its workflow, {@code null} when it is its own
	 * @param parentId the id of the task that sent it, or {@code null}
	 * @param group the id of the group it belongs to, or {@code null}
	 * @param routedBy what chose its queue and priority (a route, the task's own setting ...), or {@code null}
	 * @param args the call's positional arguments as JSON values, or {@code null} when its message is too large to
	 * repeat in events
	 * @param kwargs the call's keyword arguments as JSON values, or {@code null} likewise
	 */
	record TaskPublished(String taskId, String taskName, String queue, int priority, Instant eta, String rootId,
			String parentId, String group, String routedBy, List<Object> args, Map<String, Object> kwargs)
			implements TaskEvent {

		/**
		 * Creates the event of a task published outside any workflow.
		 * @param taskId the task id
		 * @param taskName the task name
		 * @param queue the queue
		 * @param priority the priority
		 * @param eta when it may run, {@code null} for now
		 */
		public TaskPublished(String taskId, String taskName, String queue, int priority, Instant eta) {
			this(taskId, taskName, queue, priority, eta, null, null, null, null, null, null);
		}

	}

	/**
	 * A worker leased the task's message.
	 * @param taskId the task id
	 * @param taskName the task name
	 * @param queue the queue
	 * @param redelivered whether an earlier lease expired
	 */
	record TaskReceived(String taskId, String taskName, String queue, boolean redelivered) implements TaskEvent {
	}

	/**
	 * The task method started running.
	 * @param taskId the task id
	 * @param taskName the task name
	 * @param queue the queue
	 * @param retries the retries so far
	 * @param waited how long the message waited between becoming ready (sent, or its ETA) and this start;
	 * {@code null} when unknown
	 * @param argsSummary the arguments, shortened to at most 200 characters; {@code null} when unknown
	 */
	record TaskStarted(String taskId, String taskName, String queue, int retries, Duration waited,
			String argsSummary) implements TaskEvent {

		/**
		 * Creates the event without the waiting time and arguments.
		 * @param taskId the task id
		 * @param taskName the task name
		 * @param queue the queue
		 * @param retries the retries so far
		 */
		public TaskStarted(String taskId, String taskName, String queue, int retries) {
			this(taskId, taskName, queue, retries, null, null);
		}

	}

	/**
	 * The task returned.
	 * @param taskId the task id
	 * @param taskName the task name
	 * @param queue the queue
	 * @param runtime how long the method ran
	 */
	record TaskSucceeded(String taskId, String taskName, String queue, Duration runtime) implements TaskEvent {
	}

	/**
	 * The task failed for good.
	 * @param taskId the task id
	 * @param taskName the task name
	 * @param queue the queue
	 * @param retries how many times it was retried before this last attempt
	 * @param error the failure
	 * @param runtime how long the method ran
	 */
	record TaskFailed(String taskId, String taskName, String queue, int retries, RemoteError error, Duration runtime)
			implements TaskEvent {
	}

	/**
	 * The task failed and will run again.
	 * @param taskId the task id
	 * @param taskName the task name
	 * @param queue the queue
	 * @param retries the retries so far, this one included
	 * @param eta when the next attempt may run
	 * @param error the failure
	 */
	record TaskRetried(String taskId, String taskName, String queue, int retries, Instant eta, RemoteError error)
			implements TaskEvent {
	}

	/**
	 * The task will not run: revoked or expired.
	 * @param taskId the task id
	 * @param taskName the task name
	 * @param queue the queue
	 * @param reason why
	 */
	record TaskRevoked(String taskId, String taskName, String queue, String reason) implements TaskEvent {
	}

	/**
	 * A message could not run and went to the dead-letter store.
	 * @param taskId the message id
	 * @param taskName the task name if it could be read
	 * @param queue the queue
	 * @param reason why
	 */
	record TaskRejected(String taskId, String taskName, String queue, String reason) implements TaskEvent {
	}

	/**
	 * The task may not run yet (over its rate limit): its message went back to the broker until {@code until},
	 * without counting a retry.
	 * @param taskId the task id
	 * @param taskName the task name
	 * @param queue the queue
	 * @param until when it may be tried again
	 * @param reason why, for example the rate limit
	 */
	record TaskDeferred(String taskId, String taskName, String queue, Instant until, String reason)
			implements TaskEvent {
	}

}
