/**
 * Support for testing applications' tasks, shipped with the library (not a test-scope artifact): waiting until the
 * queues are drained.
 */
package dev.celerity.test;
