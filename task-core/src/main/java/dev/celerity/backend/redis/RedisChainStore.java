package dev.celerity.backend.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;

import dev.celerity.backend.ChainStore;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.SignatureSpec;
import dev.celerity.redis.LuaScript;
import dev.celerity.redis.ScriptCall;
import dev.celerity.redis.ScriptExecutor;

/**
 * The chain store on Redis: each chain is one list, {@code <prefix>:chain:{<chain id>}}, holding its steps encoded
 * once, in the order they run. A hop reads its step with one script call ({@code LINDEX}, then {@code PEXPIRE});
 * a failure reads the rest with one {@code LRANGE}.
 */
public class RedisChainStore implements ChainStore {

	private static final LuaScript SAVE = LuaScript.load(RedisChainStore.class, "saveChain");

	private static final LuaScript READ_STEP = LuaScript.load(RedisChainStore.class, "readChainStep");

	private final RedisConnectionFactory connectionFactory;

	private final ScriptExecutor executor;

	private final MessageCodec codec;

	private final ResultKeys keys;

	/**
	 * Creates a store.
	 * @param connectionFactory the application's Redis connection factory
	 * @param codec the codec steps are stored in
	 * @param keyPrefix the prefix of every key, without braces
	 */
	public RedisChainStore(RedisConnectionFactory connectionFactory, MessageCodec codec, String keyPrefix) {
		this.connectionFactory = connectionFactory;
		this.executor = new ScriptExecutor(connectionFactory);
		this.codec = codec;
		this.keys = new ResultKeys(keyPrefix);
	}

	/**
	 * Returns the key of a stored chain.
	 * @param chainId the chain's id
	 * @return the key, hash-tagged by the chain id
	 */
	public String key(String chainId) {
		return this.keys.chain(chainId);
	}

	@Override
	public void save(String chainId, List<SignatureSpec> steps, Duration timeToLive) {
		byte[][] args = new byte[steps.size() + 1][];
		args[0] = bytes(Long.toString(timeToLive.toMillis()));
		for (int i = 0; i < steps.size(); i++) {
			args[i + 1] = this.codec.write(steps.get(i));
		}
		this.executor.execute(ScriptCall.of(SAVE, ReturnType.INTEGER, new String[] { key(chainId) }, args));
	}

	@Override
	public SignatureSpec step(String chainId, int position, Duration timeToLive) {
		byte[] step = this.executor.execute(ScriptCall.of(READ_STEP, ReturnType.VALUE, new String[] { key(chainId) },
				bytes(Integer.toString(position)), bytes(Long.toString(timeToLive.toMillis()))));
		return (step != null) ? this.codec.read(step, SignatureSpec.class) : null;
	}

	@Override
	public List<SignatureSpec> steps(String chainId, int from) {
		List<byte[]> stored;
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			stored = connection.listCommands().lRange(bytes(key(chainId)), from, -1);
		}
		List<SignatureSpec> steps = new ArrayList<>((stored != null) ? stored.size() : 0);
		if (stored != null) {
			stored.forEach((step) -> steps.add(this.codec.read(step, SignatureSpec.class)));
		}
		return steps;
	}

	@Override
	public void delete(String chainId) {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			connection.keyCommands().unlink(bytes(key(chainId)));
		}
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
