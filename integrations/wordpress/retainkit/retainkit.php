<?php
/**
 * Plugin Name:       retainkit
 * Description:       Light, accessible customer-retention widgets: a spin-to-win wheel, a loyalty badge, a review showcase, an account prompt after checkout, a next-order offer, a survey, recently viewed products, referral sharing and a retention report, placed with shortcodes; WooCommerce orders recorded on the thank-you page.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       retainkit
 *
 * @package retainkit
 */

defined( 'ABSPATH' ) || exit;

define( 'RETAINKIT_VERSION', '0.1.0' );
define( 'RETAINKIT_FILE', __FILE__ );

require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/script.php';
require_once __DIR__ . '/includes/shortcodes.php';
require_once __DIR__ . '/includes/woocommerce.php';
require_once __DIR__ . '/includes/account-endpoint.php';
