package dev.celerity.broker.redis;

import java.util.List;

/**
 * The broker's Lua scripts, one per operation, read once.
 */
final class BrokerScripts {

	final LuaScript publish = LuaScript.load("publishMessages");

	final LuaScript fetch = LuaScript.load("fetchMessages");

	final LuaScript checkReady = LuaScript.load("checkReady");

	final LuaScript ack = LuaScript.load("ackMessage");

	final LuaScript extendLease = LuaScript.load("extendLease");

	final LuaScript requeue = LuaScript.load("requeueMessage");

	final LuaScript release = LuaScript.load("releaseMessage");

	final LuaScript deadLetter = LuaScript.load("deadLetterMessage");

	final LuaScript countWaiting = LuaScript.load("countWaiting");

	final LuaScript purge = LuaScript.load("purgeQueue");

	final LuaScript stats = LuaScript.load("queueStats");

	final LuaScript replayDeadLetters = LuaScript.load("replayDeadLetters");

	List<LuaScript> all() {
		return List.of(this.publish, this.fetch, this.checkReady, this.ack, this.extendLease, this.requeue, this.release,
				this.deadLetter, this.countWaiting, this.purge, this.stats, this.replayDeadLetters);
	}

}
