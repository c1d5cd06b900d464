package dev.celerity.redis;

import org.springframework.util.Assert;

/**
 * The one key convention of every Redis feature: {@code <prefix>:<part>:<part>...}, with ids that must share a hash
 * slot wrapped in a hash tag {@code {id}}. The prefix is validated here, once; each feature's key builder is built on
 * an instance of this class, so one {@code SCAN MATCH <prefix>:*} finds every key and channel Celerity uses.
 */
public final class RedisKeys {

	/** The default key prefix. */
	public static final String DEFAULT_PREFIX = "celerity";

	private final String prefix;

	/**
	 * Creates the convention for a prefix.
	 * @param prefix the prefix of every key and channel, without braces; the {@code :} after it is added here
	 * @throws IllegalArgumentException if the prefix is empty or holds braces (it would become the hash tag of every
	 * key)
	 */
	public RedisKeys(String prefix) {
		Assert.hasText(prefix, "Key prefix must not be empty");
		Assert.isTrue(prefix.indexOf('{') < 0 && prefix.indexOf('}') < 0,
				() -> "Key prefix must not contain braces, but was '" + prefix + "'");
		this.prefix = prefix;
	}

	/**
	 * Returns the prefix of every key.
	 * @return the prefix
	 */
	public String prefix() {
		return this.prefix;
	}

	/**
	 * Returns a key or channel name: the prefix and the parts, joined by {@code :}.
	 * @param parts the parts after the prefix, for example {@code "control", "replies", id}
	 * @return the key
	 */
	public String key(String... parts) {
		StringBuilder key = new StringBuilder(this.prefix);
		for (String part : parts) {
			key.append(':').append(part);
		}
		return key.toString();
	}

	/**
	 * Returns a hash tag: the keys holding it live in one hash slot on Redis Cluster, so one script may touch them.
	 * @param id what the keys share (a queue, a task id, a chord id, a schedule)
	 * @return {@code {id}}
	 */
	public static String tag(String id) {
		Assert.hasText(id, "A hash-tagged id must not be empty");
		return "{" + id + "}";
	}

}
