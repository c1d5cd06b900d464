package dev.celerity.broker.redis;

import java.util.List;

import dev.celerity.redis.LuaScript;

/**
 * The broker's Lua scripts, one per operation, read once.
 */
final class BrokerScripts {

	final LuaScript publish = LuaScript.load(BrokerScripts.class, "publishMessages");

	final LuaScript fetch = LuaScript.load(BrokerScripts.class, "fetchMessages");

	final LuaScript checkReady = LuaScript.load(BrokerScripts.class, "checkReady");

	final LuaScript ack = LuaScript.load(BrokerScripts.class, "ackMessage");

	final LuaScript extendLease = LuaScript.load(BrokerScripts.class, "extendLease");

	final LuaScript requeue = LuaScript.load(BrokerScripts.class, "requeueMessage");

	final LuaScript release = LuaScript.load(BrokerScripts.class, "releaseMessage");

	final LuaScript deadLetter = LuaScript.load(BrokerScripts.class, "deadLetterMessage");

	final LuaScript countWaiting = LuaScript.load(BrokerScripts.class, "countWaiting");

	final LuaScript purge = LuaScript.load(BrokerScripts.class, "purgeQueue");

	final LuaScript stats = LuaScript.load(BrokerScripts.class, "queueStats");

	final LuaScript replayDeadLetters = LuaScript.load(BrokerScripts.class, "replayDeadLetters");

	List<LuaScript> all() {
		return List.of(this.publish, this.fetch, this.checkReady, this.ack, this.extendLease, this.requeue, this.release,
				this.deadLetter, this.countWaiting, this.purge, this.stats, this.replayDeadLetters);
	}

}
