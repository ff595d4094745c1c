<?php
/**
 * POST /wp-json/retainkit/v1/account?order=KEY: the account prompt's sign-up (its `json` mode). Anyone can
 * post anything, so the order decides: the request must carry the order's key (from the thank-you page),
 * its number and its billing email, the order must have no customer yet, and the email no account. Then
 * the customer is made with WooCommerce's own function and the order is linked to them. Marketing consent
 * is kept as given (each flag with the consent text's version and time), never ticked for the shopper.
 *
 * @package retainkit
 */

defined( 'ABSPATH' ) || exit;

/**
 * The prompt's `action` for an order.
 *
 * @param WC_Order $order The order.
 * @return string
 */
function retainkit_account_endpoint_url( $order ) {
	return add_query_arg( 'order', rawurlencode( $order->get_order_key() ), rest_url( 'retainkit/v1/account' ) );
}

add_action( 'rest_api_init', 'retainkit_register_account_route' );
/** The route; open to guests (the order's key is the proof). */
function retainkit_register_account_route() {
	register_rest_route(
		'retainkit/v1',
		'/account',
		array(
			'methods'             => 'POST',
			'callback'            => 'retainkit_create_account',
			'permission_callback' => '__return_true',
		)
	);
}

/**
 * Makes the account and links the order, or says why not (the prompt shows `message` to the shopper).
 *
 * @param WP_REST_Request $request The prompt's JSON request.
 * @return WP_REST_Response|WP_Error
 */
function retainkit_create_account( WP_REST_Request $request ) {
	$refuse = function ( $code, $message, $status ) {
		return new WP_REST_Response( array( 'code' => $code, 'message' => $message ), $status );
	};
	if ( ! function_exists( 'wc_get_order' ) || ! function_exists( 'wc_create_new_customer' ) ) {
		return $refuse( 'retainkit_no_woocommerce', __( 'Accounts cannot be made here.', 'retainkit' ), 501 );
	}
	$body  = (array) $request->get_json_params();
	$email = sanitize_email( (string) ( $body['email'] ?? '' ) );
	$order = wc_get_order( wc_get_order_id_by_order_key( (string) $request->get_param( 'order' ) ) );
	if ( ! $order || (string) $order->get_order_number() !== (string) ( $body['orderId'] ?? '' ) ) {
		return $refuse( 'retainkit_order', __( 'This order cannot be linked to an account.', 'retainkit' ), 403 );
	}
	if ( ! $email || 0 !== strcasecmp( $email, (string) $order->get_billing_email() ) ) {
		return $refuse( 'retainkit_email', __( 'Please use the email address of your order.', 'retainkit' ), 403 );
	}
	if ( $order->get_customer_id() || email_exists( $email ) ) {
		return $refuse( 'retainkit_exists', __( 'An account with this email already exists: log in to see your order.', 'retainkit' ), 409 );
	}
	$password    = (string) ( $body['password'] ?? '' );
	$customer_id = wc_create_new_customer( $email, '', $password, array( 'first_name' => $order->get_billing_first_name() ) );
	if ( is_wp_error( $customer_id ) ) {
		return $refuse( 'retainkit_create', $customer_id->get_error_message(), 400 );
	}
	$order->set_customer_id( $customer_id );
	$order->save();
	$consent = (array) ( $body['consent'] ?? array() );
	update_user_meta(
		$customer_id,
		'retainkit_marketing_consent',
		array(
			'email'   => ! empty( $consent['email'] ),
			'sms'     => ! empty( $consent['sms'] ),
			'version' => sanitize_text_field( (string) ( $consent['textVersion'] ?? '' ) ),
			'at'      => sanitize_text_field( (string) ( $consent['at'] ?? '' ) ),
		)
	);
	return new WP_REST_Response( array( 'created' => true, 'invited' => '' === $password ), 201 );
}
