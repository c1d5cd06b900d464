/**
 * The eager broker: runs what it stores on the caller's thread, for unit tests.
 */
package dev.celerity.broker.eager;
