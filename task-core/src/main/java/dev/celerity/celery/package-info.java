/**
 * Celery on the wire: the Celery protocol v2 envelope as kombu puts it on Redis, the priority scale at the boundary
 * and the result format of Celery's Redis backend, so that Python Celery and Celerity share queues and results.
 * The Redis implementations of the broker, result backend and chord store are in {@code celery.redis}.
 */
package dev.celerity.celery;
