package dev.celerity.samples.orders;

/**
 * What processing an order produced.
 *
 * @param orderId the order
 * @param reservationId the inventory reservation
 * @param paymentId the payment
 */
public record OrderReceipt(String orderId, String reservationId, String paymentId) {
}
