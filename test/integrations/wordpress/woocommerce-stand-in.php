<?php
/**
 * A stand-in for the part of WooCommerce the retainkit plugin uses (WooCommerce is not packaged in Debian):
 * one order, kept in an option so that linking it to a customer and its meta persist, and the functions the plugin
 * calls. `[stand_in_thankyou id="1001"]` runs the `woocommerce_thankyou` action as WooCommerce's
 * order-received page does. Loaded as a must-use plugin by test/integrations/wordpress.mjs only.
 *
 * @package retainkit
 */

defined( 'ABSPATH' ) || exit;

/** The order, as WC_Order answers for it. */
class Retainkit_Stand_In_Order {
	/** @var array */
	private $data;

	public function __construct( array $data ) {
		$this->data = $data;
	}
	public function get_id() {
		return $this->data['id'];
	}
	public function get_order_number() {
		return (string) $this->data['id'];
	}
	public function get_order_key() {
		return $this->data['key'];
	}
	public function get_total() {
		return $this->data['total'];
	}
	public function get_currency() {
		return $this->data['currency'];
	}
	public function get_billing_email() {
		return $this->data['email'];
	}
	public function get_billing_first_name() {
		return 'Anna';
	}
	public function get_coupon_codes() {
		return array( 'WELCOME10' );
	}
	public function get_customer_id() {
		return (int) $this->data['customer_id'];
	}
	public function set_customer_id( $id ) {
		$this->data['customer_id'] = (int) $id;
	}
	public function get_meta( $key ) {
		return $this->data['meta'][ $key ] ?? '';
	}
	public function update_meta_data( $key, $value ) {
		$this->data['meta'][ $key ] = $value;
	}
	public function save_meta_data() {
		$this->save();
	}
	public function save() {
		update_option( 'retainkit_stand_in_order', $this->data );
	}
}

function retainkit_stand_in_data() {
	return get_option( 'retainkit_stand_in_order', array( 'id' => 1001, 'key' => 'wc_order_StandIn1001', 'total' => '59.9', 'currency' => 'EUR', 'email' => 'anna@example.com', 'customer_id' => 0 ) );
}
function wc_get_order( $id ) {
	$data = retainkit_stand_in_data();
	return (int) $id === (int) $data['id'] ? new Retainkit_Stand_In_Order( $data ) : false;
}
function wc_get_order_id_by_order_key( $key ) {
	$data = retainkit_stand_in_data();
	return $key === $data['key'] ? $data['id'] : 0;
}
function wc_format_decimal( $number, $dp = false ) {
	return false === $dp ? (string) $number : number_format( (float) $number, $dp, '.', '' );
}
function wc_get_page_permalink( $page ) {
	return home_url( '/?stand-in=' . $page );
}
function wc_create_new_customer( $email, $username = '', $password = '', $args = array() ) {
	$id = wp_insert_user( array( 'user_login' => $email, 'user_email' => $email, 'user_pass' => $password ? $password : wp_generate_password(), 'role' => 'customer', 'first_name' => $args['first_name'] ?? '' ) );
	return $id;
}

add_shortcode(
	'stand_in_thankyou',
	function ( $atts ) {
		ob_start();
		do_action( 'woocommerce_thankyou', (int) $atts['id'] );
		return ob_get_clean();
	}
);
