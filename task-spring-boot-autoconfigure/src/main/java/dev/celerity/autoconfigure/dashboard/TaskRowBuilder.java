package dev.celerity.autoconfigure.dashboard;

import dev.celerity.control.RecordedTaskEvent;

/**
 * Gathers one task's events, met newest first, into its row.
 */
final class TaskRowBuilder {

	private final String id;

	private String name;

	private String queue;

	private String state;

	private long stateAt;

	private long at;

	private Long startedAt;

	private Long runtimeMs;

	private int retries;

	private String worker;

	private String args;

	private String detail;

	TaskRowBuilder(String id) {
		this.id = id;
	}

	/**
	 * Adds an event older than (or as old as) the ones added before, except across instances' clocks.
	 * @param event the event
	 */
	void add(RecordedTaskEvent event) {
		String type = event.type();
		this.name = (this.name != null) ? this.name : event.task();
		this.queue = (this.queue != null) ? this.queue : event.queue();
		this.at = Math.max(this.at, event.at());
		// a publication can reach the stream after the worker's first events: it sets the state only when alone
		boolean publication = "TaskPublished".equals(type);
		// newest first: a later event in the stream with a strictly later time is a clock's skew, not a new state
		if (this.state == null || (!publication && event.at() > this.stateAt)) {
			this.state = TaskStates.after(type);
			this.stateAt = publication ? Long.MIN_VALUE : event.at();
			this.detail = (event.text("error") != null) ? event.text("error") : event.text("reason");
		}
		if ("TaskStarted".equals(type)) {
			this.startedAt = (this.startedAt != null) ? Math.max(this.startedAt, event.at()) : event.at();
			this.args = (this.args != null) ? this.args : event.text("args");
			this.worker = (this.worker != null) ? this.worker : event.instance();
			this.retries = Math.max(this.retries, number(event, "retries"));
		}
		else if ("TaskRetried".equals(type)) {
			this.retries = Math.max(this.retries, number(event, "retries"));
		}
		if (this.runtimeMs == null && event.fields().get("runtime_ms") instanceof Number runtime) {
			this.runtimeMs = runtime.longValue();
		}
		if (this.worker == null && !publication) {
			this.worker = event.instance();
		}
	}

	TaskRow build() {
		return new TaskRow(this.id, this.name, this.queue, this.state, this.at, this.startedAt, this.runtimeMs,
				this.retries, this.worker, this.args, this.detail);
	}

	private static int number(RecordedTaskEvent event, String field) {
		return (event.fields().get(field) instanceof Number value) ? value.intValue() : 0;
	}

}
