package dev.celerity.samples.orders.etl;

/**
 * One sold order line, as the extract step reads it.
 *
 * @param sku the product
 * @param quantity how many were sold
 * @param unitPriceCents the price of one, in cents
 */
public record Sale(String sku, int quantity, long unitPriceCents) {

}
