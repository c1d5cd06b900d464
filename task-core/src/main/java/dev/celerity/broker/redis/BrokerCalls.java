package dev.celerity.broker.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.connection.ReturnType;

import dev.celerity.broker.Delivery;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.broker.redis.RedisBrokerKeys.QueueKeys;
import dev.celerity.redis.ScriptCall;

/**
 * Turns broker operations into script calls: which keys, which arguments, in the order each script's header states.
 */
final class BrokerCalls {

	private static final byte[] ZERO = bytes("0");

	private static final byte[] ONE = bytes("1");

	private final BrokerScripts scripts;

	BrokerCalls(BrokerScripts scripts) {
		this.scripts = scripts;
	}

	ScriptCall publish(QueueKeys keys, List<OutboundMessage> messages) {
		byte[][] keysAndArgs = new byte[5 + 1 + messages.size() * 4][];
		int i = keys(keysAndArgs, keys.messages(), keys.ready(), keys.delayed(), keys.sequence(), keys.wake());
		keysAndArgs[i++] = bytes(Integer.toString(messages.size()));
		for (OutboundMessage message : messages) {
			keysAndArgs[i++] = bytes(message.id());
			keysAndArgs[i++] = bytes(Integer.toString(message.priority()));
			keysAndArgs[i++] = readyAt(message);
			keysAndArgs[i++] = message.body();
		}
		return new ScriptCall(this.scripts.publish, ReturnType.INTEGER, 5, keysAndArgs);
	}

	ScriptCall fetch(QueueKeys keys, int max, Duration lease) {
		return ScriptCall.of(this.scripts.fetch, ReturnType.MULTI,
				new String[] { keys.ready(), keys.delayed(), keys.leases(), keys.messages(), keys.redelivered(),
						keys.sequence(), keys.wake() },
				bytes(Integer.toString(max)), millis(lease));
	}

	ScriptCall checkReady(QueueKeys keys) {
		return ScriptCall.of(this.scripts.checkReady, ReturnType.INTEGER, new String[] { keys.ready(), keys.delayed(),
				keys.leases(), keys.redelivered(), keys.sequence(), keys.wake() });
	}

	ScriptCall ack(QueueKeys keys, List<Delivery> deliveries) {
		byte[][] keysAndArgs = new byte[2 + deliveries.size() * 2][];
		int i = keys(keysAndArgs, keys.leases(), keys.messages());
		for (Delivery delivery : deliveries) {
			keysAndArgs[i++] = bytes(delivery.leaseToken());
			keysAndArgs[i++] = bytes(delivery.id());
		}
		return new ScriptCall(this.scripts.ack, ReturnType.INTEGER, 2, keysAndArgs);
	}

	ScriptCall extendLease(QueueKeys keys, Delivery delivery, Duration lease) {
		return ScriptCall.of(this.scripts.extendLease, ReturnType.INTEGER, new String[] { keys.leases() },
				bytes(delivery.leaseToken()), millis(lease));
	}

	ScriptCall requeue(QueueKeys keys, Delivery delivery, OutboundMessage next) {
		return ScriptCall.of(this.scripts.requeue, ReturnType.INTEGER,
				new String[] { keys.leases(), keys.messages(), keys.ready(), keys.delayed(), keys.sequence(),
						keys.wake() },
				bytes(delivery.leaseToken()), bytes(delivery.id()), bytes(next.id()),
				bytes(Integer.toString(next.priority())), readyAt(next), next.body());
	}

	ScriptCall release(QueueKeys keys, Delivery delivery) {
		return ScriptCall.of(this.scripts.release, ReturnType.INTEGER,
				new String[] { keys.leases(), keys.ready(), keys.redelivered(), keys.sequence(), keys.wake() },
				bytes(delivery.leaseToken()), bytes(delivery.id()), bytes(Integer.toString(delivery.priority())),
				delivery.redelivered() ? ONE : ZERO);
	}

	ScriptCall deadLetter(QueueKeys keys, Delivery delivery, byte[] entry) {
		return ScriptCall.of(this.scripts.deadLetter, ReturnType.INTEGER,
				new String[] { keys.leases(), keys.messages(), keys.deadLetters() }, bytes(delivery.leaseToken()),
				bytes(delivery.id()), entry);
	}

	ScriptCall countWaiting(QueueKeys keys) {
		return ScriptCall.of(this.scripts.countWaiting, ReturnType.INTEGER,
				new String[] { keys.ready(), keys.delayed() });
	}

	ScriptCall purge(QueueKeys keys) {
		return ScriptCall.of(this.scripts.purge, ReturnType.INTEGER,
				new String[] { keys.ready(), keys.delayed(), keys.messages(), keys.redelivered() });
	}

	ScriptCall stats(QueueKeys keys) {
		return ScriptCall.of(this.scripts.stats, ReturnType.MULTI,
				new String[] { keys.ready(), keys.delayed(), keys.leases(), keys.deadLetters() });
	}

	ScriptCall replayDeadLetters(QueueKeys keys, int max) {
		return ScriptCall.of(this.scripts.replayDeadLetters, ReturnType.INTEGER,
				new String[] { keys.deadLetters(), keys.messages(), keys.ready(), keys.delayed(), keys.sequence(),
						keys.wake() },
				bytes(Integer.toString(max)));
	}

	private static int keys(byte[][] target, String... keys) {
		for (int i = 0; i < keys.length; i++) {
			target[i] = bytes(keys[i]);
		}
		return keys.length;
	}

	private static byte[] readyAt(OutboundMessage message) {
		return (message.readyAt() != null) ? bytes(Long.toString(Math.max(0, message.readyAt().toEpochMilli())))
				: ZERO;
	}

	private static byte[] millis(Duration duration) {
		return bytes(Long.toString(Math.max(1, duration.toMillis())));
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
