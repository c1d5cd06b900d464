package dev.celerity.backend.redis;

import dev.celerity.redis.RedisKeys;

/**
 * Builds the keys and channels of results and chords on Redis: {@code <prefix>:result:{<task id>}} holds a task's
 * state, {@code <prefix>:result-ready:{<task id>}} announces its final state, {@code <prefix>:chord:{<chord id>}}
 * holds a chord's header results, {@code <prefix>:chain:{<chain id>}} the steps of a stored chain.
 */
public final class ResultKeys {

	private final RedisKeys keys;

	/**
	 * Creates a key builder.
	 * @param prefix the prefix of every key, without braces
	 */
	public ResultKeys(String prefix) {
		this.keys = new RedisKeys(prefix);
	}

	/**
	 * Returns the key holding a task's state.
	 * @param taskId the task id
	 * @return the key
	 */
	public String result(String taskId) {
		return this.keys.key("result", RedisKeys.tag(taskId));
	}

	/**
	 * Returns the channel announcing a task's final state.
	 * @param taskId the task id
	 * @return the channel
	 */
	public String readyChannel(String taskId) {
		return this.keys.key("result-ready", RedisKeys.tag(taskId));
	}

	/**
	 * Returns the channel the backend stays subscribed to, so that its subscriber connection is kept between waits.
	 * @return the channel
	 */
	public String keepAliveChannel() {
		return this.keys.key("result-subscriber");
	}

	/**
	 * Returns the key of a chord's state.
	 * @param chordId the chord's id
	 * @return the key, hash-tagged by the chord id
	 */
	public String chord(String chordId) {
		return this.keys.key("chord", RedisKeys.tag(chordId));
	}

	/**
	 * Returns the key of a stored chain's steps.
	 * @param chainId the chain's id
	 * @return the key, hash-tagged by the chain id
	 */
	public String chain(String chainId) {
		return this.keys.key("chain", RedisKeys.tag(chainId));
	}

}
