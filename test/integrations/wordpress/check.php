<?php
/**
 * `php check.php <host>`: what the account endpoint left behind, as JSON: the stand-in order's customer and
 * that customer's email and marketing consent, and whether the order's thank-you page was viewed.
 * `php check.php <host> forget-views`: first forgets that view, so that the next is the order's first again.
 *
 * @package retainkit
 */

$_SERVER['HTTP_HOST']   = $argv[1];
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';
$order = get_option( 'retainkit_stand_in_order' );
if ( $order && 'forget-views' === ( $argv[2] ?? '' ) ) {
	unset( $order['meta']['_retainkit_thankyou_viewed'] );
	update_option( 'retainkit_stand_in_order', $order );
}
$user  = $order && $order['customer_id'] ? get_userdata( $order['customer_id'] ) : null;
echo wp_json_encode(
	array(
		'customer' => $order ? (int) $order['customer_id'] : 0,
		'email'    => $user ? $user->user_email : null,
		'consent'  => $user ? get_user_meta( $user->ID, 'retainkit_marketing_consent', true ) : null,
		'viewed'   => (bool) ( $order['meta']['_retainkit_thankyou_viewed'] ?? false ),
	)
);
