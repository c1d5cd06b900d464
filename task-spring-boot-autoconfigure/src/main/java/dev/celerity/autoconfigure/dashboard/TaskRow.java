package dev.celerity.autoconfigure.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One task of the tasks table, put together from its events in the history.
 *
 * @param id the task id
 * @param name the task name
 * @param queue the queue
 * @param state its latest state
 * @param at when its latest event happened (epoch milliseconds)
 * @param startedAt when it last started, or {@code null}
 * @param runtimeMs its run time once finished, or {@code null}
 * @param retries its retries so far
 * @param worker the instance that ran it (or saw it last), or {@code null}
 * @param args its arguments, shortened, or {@code null}
 * @param detail the error or reason of its latest state, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TaskRow(String id, String name, String queue, String state, long at, Long startedAt, Long runtimeMs,
		int retries, String worker, String args, String detail) {
}
