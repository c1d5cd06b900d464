package dev.celerity.control;

import java.util.Map;
import java.util.UUID;

import org.springframework.util.Assert;

/**
 * A command broadcast to every instance of the cluster, such as {@code revoke} or {@code pause}.
 *
 * @param id the command id; replies carry it
 * @param action what to do; {@link ControlCommandHandler}s declare the actions they apply
 * @param arguments the command's arguments, by name
 */
public record ControlCommand(String id, String action, Map<String, String> arguments) {

	/** Revokes the task {@code task_id}; with {@code terminate=true} a running attempt is interrupted. */
	public static final String REVOKE = "revoke";

	/** Stops fetching from {@code queue} on every instance. */
	public static final String PAUSE = "pause";

	/** Resumes fetching from {@code queue}. */
	public static final String RESUME = "resume";

	/**
	 * Sets the rate limit of {@code task} to {@code limit} ({@code N/s}, {@code N/m}, {@code N/h}), or removes it
	 * when {@code limit} is absent; applied by the rate limiter's handler.
	 */
	public static final String RATE_LIMIT = "rate_limit";

	/** The argument naming the one instance a command is meant for; without it every instance applies it. */
	public static final String INSTANCE = "instance";

	public ControlCommand {
		Assert.hasText(id, "Command id must not be empty");
		Assert.hasText(action, "Command action must not be empty");
		arguments = (arguments != null) ? Map.copyOf(arguments) : Map.of();
	}

	/**
	 * Creates a command with a new id.
	 * @param action what to do
	 * @param arguments its arguments
	 * @return the command
	 */
	public static ControlCommand of(String action, Map<String, String> arguments) {
		return new ControlCommand(UUID.randomUUID().toString(), action, arguments);
	}

	/**
	 * Returns a required argument.
	 * @param name the argument's name
	 * @return its value
	 * @throws IllegalArgumentException if the command lacks it
	 */
	public String argument(String name) {
		String value = this.arguments.get(name);
		Assert.hasText(value, () -> "Command '" + this.action + "' needs the argument '" + name + "'");
		return value;
	}

}
