package dev.celerity.backend.redis;

import java.nio.charset.StandardCharsets;

import org.springframework.util.Assert;

/**
 * Builds the keys and channels of the Redis result backend: {@code <prefix>:result:{<task id>}} holds a task's state,
 * {@code <prefix>:result-ready:{<task id>}} announces its final state.
 */
public final class ResultKeys {

	private final String prefix;

	/**
	 * Creates a key builder.
	 * @param prefix the prefix of every key, without braces
	 */
	public ResultKeys(String prefix) {
		Assert.hasText(prefix, "Key prefix must not be empty");
		Assert.isTrue(prefix.indexOf('{') < 0 && prefix.indexOf('}') < 0,
				() -> "Key prefix must not contain braces, but was '" + prefix + "'");
		this.prefix = prefix;
	}

	/**
	 * Returns the key holding a task's state.
	 * @param taskId the task id
	 * @return the key
	 */
	public String result(String taskId) {
		return this.prefix + ":result:{" + taskId + "}";
	}

	/**
	 * Returns the channel announcing a task's final state.
	 * @param taskId the task id
	 * @return the channel
	 */
	public String readyChannel(String taskId) {
		return this.prefix + ":result-ready:{" + taskId + "}";
	}

	/**
	 * Returns the channel the backend stays subscribed to, so that its subscriber connection is kept between waits.
	 * @return the channel
	 */
	public String keepAliveChannel() {
		return this.prefix + ":result-subscriber";
	}

	static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
