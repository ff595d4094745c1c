<?php
/**
 * WooCommerce's thank-you (order received) page: `<retain-order>` records the order on the shopper's device
 * (for the loyalty badge), and `<retain-account-prompt>` invites a guest to make an account from it, with the
 * order's number, total, currency and billing email. Sign-up goes to this plugin's own endpoint
 * (account-endpoint.php), which checks the order before it makes an account. With the settings for them,
 * `<retain-next-order-offer>` (the store's coupon codes; the order's own coupons mark a held code used) and
 * `<retain-survey>` (answers to the store's endpoint) follow, once per order each.
 *
 * Those three are printed at the order's first view only. Each shows once per order anyway (the kit decides
 * on the shopper's device), so on a reload, or the page opened again from the browser's history, the kit
 * would load their code only to find the order decided and fold their space away after the page was drawn,
 * moving what is below them (a layout shift of 0.09 on the demo's order page at 1280 × 800). The server
 * knows the order was viewed before; WooCommerce keeps no such mark, so this plugin keeps one in the order's
 * meta. Filter `retainkit_thankyou_first_view` to decide otherwise.
 *
 * @package retainkit
 */

defined( 'ABSPATH' ) || exit;

add_action( 'woocommerce_thankyou', 'retainkit_thankyou', 20 );
/**
 * Prints the elements for the order just placed.
 *
 * @param int $order_id The order's id.
 */
function retainkit_thankyou( $order_id ) {
	if ( ! function_exists( 'wc_get_order' ) ) {
		return;
	}
	$order = wc_get_order( $order_id );
	if ( ! $order ) {
		return;
	}
	$settings = retainkit_settings();
	$number   = (string) $order->get_order_number();
	$total    = wc_format_decimal( $order->get_total(), 2 );
	$currency = (string) $order->get_currency();
	if ( $settings['record_orders'] ) {
		printf( '<retain-order order-id="%s" total="%s" currency="%s"></retain-order>', esc_attr( $number ), esc_attr( $total ), esc_attr( $currency ) );
	}
	$once_per_order = '' !== $settings['offer_codes'] || $settings['survey'] || $settings['account_prompt'];
	if ( ! $once_per_order || ! retainkit_thankyou_first_view( $order ) ) {
		return;
	}
	if ( '' !== $settings['offer_codes'] ) {
		$used = method_exists( $order, 'get_coupon_codes' ) ? implode( ' ', (array) $order->get_coupon_codes() ) : '';
		printf(
			'<retain-next-order-offer order-id="%s" codes="%s" currency="%s"%s%s></retain-next-order-offer>',
			esc_attr( $number ),
			esc_attr( $settings['offer_codes'] ),
			esc_attr( $currency ),
			'' !== $settings['offer_discount'] ? sprintf( ' discount="%s"', esc_attr( $settings['offer_discount'] ) ) : '',
			'' !== $used ? sprintf( ' order-codes="%s"', esc_attr( $used ) ) : ''
		);
	}
	if ( $settings['survey'] ) {
		printf(
			'<retain-survey order-id="%s"%s></retain-survey>',
			esc_attr( $number ),
			'' !== $settings['survey_action'] ? sprintf( ' action="%s"', esc_url( $settings['survey_action'] ) ) : ''
		);
	}
	if ( ! $settings['account_prompt'] ) {
		return;
	}
	$email  = (string) $order->get_billing_email();
	$status = is_user_logged_in() ? 'logged-in' : ( $email && email_exists( $email ) ? 'has-account' : 'guest' );
	if ( 'logged-in' === $status ) {
		return;
	}
	$attributes = array(
		'order-id'  => $number,
		'total'     => $total,
		'currency'  => $currency,
		'email'     => $email,
		'status'    => $status,
		'login-url' => wc_get_page_permalink( 'myaccount' ),
		'action'    => retainkit_account_endpoint_url( $order ),
		'mode'      => 'json',
		'password'  => 'optional',
	);
	if ( $settings['incentive'] ) {
		$attributes['incentive'] = $settings['incentive'];
	}
	if ( $settings['incentive_points'] ) {
		$attributes['incentive-points'] = (string) $settings['incentive_points'];
	}
	$html = '';
	foreach ( $attributes as $name => $value ) {
		$html .= sprintf( ' %s="%s"', $name, 'login-url' === $name || 'action' === $name ? esc_url( $value ) : esc_attr( $value ) );
	}
	echo '<retain-account-prompt' . $html . '></retain-account-prompt>'; // phpcs:ignore WordPress.Security.EscapeOutput -- escaped above.
}

/**
 * Whether this is the first view of the order's thank-you page; marks it viewed. Filterable.
 *
 * @param WC_Order $order The order.
 * @return bool
 */
function retainkit_thankyou_first_view( $order ) {
	$first = ! $order->get_meta( '_retainkit_thankyou_viewed' );
	if ( $first ) {
		$order->update_meta_data( '_retainkit_thankyou_viewed', time() );
		// The meta alone: a whole save() would run the order's update hooks (and its webhooks) for a page view.
		$order->save_meta_data();
	}
	/**
	 * Filters whether the thank-you page prints the once-per-order widgets (the next-order offer, the survey,
	 * the account prompt) for this view.
	 *
	 * @param bool     $first Whether this is the order's first view of the page.
	 * @param WC_Order $order The order.
	 */
	return (bool) apply_filters( 'retainkit_thankyou_first_view', $first, $order );
}
